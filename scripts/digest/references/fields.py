"""From labelled tokens to a ``Reference``: cut each field's text, tidy it, infer the type.

The labeller says which tokens belong to which field; this stage turns spans of
the original string into values in the model's conventions (pages with a plain
hyphen, a title without its closing full stop or the quotes a style put around
it, a DOI without its resolver) and decides what kind of work the fields
describe, the way a reader does: a school means a thesis, editors and a book
title mean a chapter, a journal with volume or pages means an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.model import Reference
from digest.references.features import CUE_WORDS
from digest.references.labeller import OTHER, Labelled
from digest.references.names import parse_authors

# Fields whose runs may be broken by a punctuation token the model left out.
_JOINABLE = {"author", "editor", "title", "container", "publisher", "place", "school", "note"}
_DASHES = re.compile(r"\s*[-‐‑–—]+\s*")
_EDITOR_WORDS = re.compile(
    r"\(?\b(?:eds?|editors?|edited\s+by|ed\.\s+by|hrsg|hg)\b\.?\)?[.,:]?", re.IGNORECASE
)
_LEADING_IN = re.compile(r"^\s*(?:in|In|IN)\s*[:.]?\s+")
_QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»"}
_CONFERENCE = re.compile(
    r"\b(?:proceedings|proc\.(?=\s)|conference|symposium|workshop|congress|meeting)",
    re.IGNORECASE,
)
_THESIS = re.compile(r"\b(?:thesis|dissertation|diss\.)", re.IGNORECASE)
_REPORT = re.compile(r"\b(?:report|working\s+paper|discussion\s+paper|brief)\b", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    label: str
    text: str
    confidence: float


def field_spans(labelled: Labelled, raw: str) -> dict[str, Span]:
    """The first run of each label, as a slice of ``raw``, with its mean confidence.

    A run continues over one or two punctuation tokens labelled ``other`` when the
    same label follows (a title's inner colon, a name list's comma)."""
    tokens, labels = labelled.tokens, labelled.labels
    spans: dict[str, Span] = {}
    index = 0
    while index < len(tokens):
        label = labels[index]
        if label == OTHER or label in spans:
            index += 1
            continue
        end = index
        probe = index + 1
        while probe < len(tokens):
            if labels[probe] == label:
                end = probe
                probe += 1
                continue
            if label in _JOINABLE and labels[probe] == OTHER and not tokens[probe].text.isalnum():
                gap = probe
                while gap < len(tokens) and gap - probe < 2 and labels[gap] == OTHER:
                    gap += 1
                if (
                    gap < len(tokens)
                    and labels[gap] == label
                    and all(not tokens[k].text.isalnum() for k in range(probe, gap))
                ):
                    probe = gap
                    continue
            break
        end = _through_glued_brackets(tokens, labels, end)
        confidence = sum(labelled.confidence[index : end + 1]) / (end + 1 - index)
        spans[label] = Span(label, raw[tokens[index].start : tokens[end].end], confidence)
        index = end + 1
    return spans


_CLOSERS = {"(": ")", "[": "]", "{": "}"}


def _through_glued_brackets(tokens: list, labels: list[str], end: int) -> int:
    """A bracket glued to a field's last word ("\\cite{x}", "Python(R)") closes in it:
    the run goes on to the closing bracket when nothing inside has a label."""
    after = end + 1
    if after >= len(tokens) or tokens[after].text not in _CLOSERS:
        return end
    if tokens[after].start != tokens[end].end:
        return end
    closer = _CLOSERS[tokens[after].text]
    for probe in range(after + 1, min(after + 8, len(tokens))):
        if labels[probe] != OTHER:
            return end
        if tokens[probe].text == closer:
            return probe
    return end


def _strip_quotes(text: str) -> str:
    text = text.strip()
    if len(text) > 1 and text[0] in _QUOTE_PAIRS:
        closing = _QUOTE_PAIRS[text[0]]
        inner = text[1:]
        stripped = inner.rstrip(" .,;:")
        if stripped.endswith(closing):
            return stripped[: -len(closing)].strip()
        if closing not in inner:
            return inner.strip()
    return text


def _tidy(text: str) -> str:
    """Without the separator a style put after a field; a closing ? or ! stays."""
    text = " ".join(text.split())
    text = text.rstrip(" ,;:").strip()
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$|\b(?:al|ed|eds|Inc|Ltd|Co)\.$", text):
        text = text[:-1].rstrip()
    return text


def title_text(text: str) -> str:
    text = _tidy(_strip_quotes(_tidy(text)))
    # A style's quote left at one end by the run's cut: an odd one out, not the title's own.
    quotes = sum(text.count(mark) for mark in '“”"')
    if text[-1:] in '”"' and quotes % 2:
        text = text[:-1].rstrip()
    elif text[:1] in '“"' and quotes % 2:
        text = text[1:].lstrip()
    return text


def _number(text: str) -> str:
    text = re.sub(
        r"^(?:vol(?:ume)?|no|nr|issue|iss|num(?:ber)?)\.?\s*", "", text.strip(), flags=re.IGNORECASE
    )
    return _tidy(text.strip("()[] "))


def _pages(text: str) -> str:
    text = re.sub(r"^(?:pp?|pages?|s)\.?\s*", "", text.strip(), flags=re.IGNORECASE)
    return _DASHES.sub("-", _tidy(text))


def _edition(text: str) -> str:
    text = re.sub(r"\s*\b(?:ed|edn|edition)\b\.?$", "", _tidy(text), flags=re.IGNORECASE)
    return _tidy(text.strip("() "))


def _names(text: str) -> tuple[list, bool]:
    text = _EDITOR_WORDS.sub(" ", _LEADING_IN.sub("", text))
    text = " ".join(text.split()).strip(" ,;:(")
    return parse_authors(text)


def names_before_year(labelled: Labelled) -> Labelled:
    """A title before the year and another after it: the first is (the rest of) the
    author list.

    Author-date lists print "Names. Year. Title."; full given names without
    initials ("Gediminas Adomavicius and Alexander Tuzhilin. 2005.") look like a
    title to the model, but a work has one title, and it follows the year there."""
    labels = labelled.labels
    year = next((i for i, label in enumerate(labels) if label == "year"), None)
    if year is None or year == 0:
        return labelled
    before, after = labels[:year], labels[year + 1 :]
    if "title" not in after or "title" not in before:
        return labelled
    if not all(x in ("title", "author", OTHER) for x in before):
        return labelled
    words = [t.text for t, x in zip(labelled.tokens[:year], before, strict=True) if x == "title"]
    if not words or not all(w[0].isupper() or w in ("and", "&") for w in words if w.isalpha()):
        return labelled
    relabelled = ["author" if x == "title" else x for x in before] + labels[year:]
    return Labelled(labelled.tokens, relabelled, labelled.confidence)


_STOPS = frozenset(".;")
_NUMBERS = frozenset({"volume", "issue", "number", "pages", "year"})
# Words that end a title when the model left them unlabelled after it.
_TITLE_ENDS = CUE_WORDS | {"arxiv", "isbn", "issn", "pmid", "pmcid"}


def _is_free_word(token_text: str, label: str) -> bool:
    """An unlabelled word that no style prints as a connective ("In", "pp", "doi")."""
    return label == OTHER and token_text.isalpha() and token_text.lower() not in CUE_WORDS


def _title_goes_on(tokens: list, labels: list[str], start: int) -> None:
    """Styles set a punctuation mark (or "In") between a title and what follows it:
    a container that begins on the title's next word, with nothing between, is the
    rest of the title ("Data | analysis using regression models.")."""
    end = start
    while end + 1 < len(labels) and labels[end + 1] == "title":
        end += 1
    after = end + 1
    if after >= len(labels) or labels[after] != "container" or not tokens[after].text.isalpha():
        return
    if not tokens[end].text.isalnum() or tokens[after].text[0].isupper():
        return  # a title closed by a mark, or a capitalised word that may start a name
    probe = after
    while probe < len(labels) and labels[probe] == "container":
        labels[probe] = "title"
        probe += 1


def mend_title(labelled: Labelled) -> Labelled:
    """Every reference has one title, printed in one piece: words the model left
    unlabelled (or took for a number) right before the title's first run belong to
    it ("Study number 17 of village governance"), and with no title at all, the
    longest unlabelled stretch of words is the title ("Hostile <img ...> Title")."""
    tokens, labels = labelled.tokens, list(labelled.labels)
    if "title" in labels:
        start = labels.index("title")
        _title_goes_on(tokens, labels, start)
        probe = start - 1  # back over unlabelled words, and numbers between words
        while probe >= 0:
            text, label = tokens[probe].text, labels[probe]
            word = label == OTHER and text.isalpha()
            inner_number = (
                label in _NUMBERS
                and text.isdigit()
                and probe > 0
                and labels[probe - 1] == OTHER
                and tokens[probe - 1].text.isalpha()
            )
            if not (word or inner_number):
                break
            probe -= 1
        for index in range(probe + 1, start):
            labels[index] = "title"
        end = start  # on over the title's run and what the model left unlabelled in it
        while end + 1 < len(labels) and labels[end + 1] in ("title", OTHER):
            following = tokens[end + 1]
            if labels[end + 1] == OTHER and (
                following.text in _STOPS | {","}
                or following.text.lower() in _TITLE_ENDS
                or (following.text in "([" and following.start > tokens[end].end)
            ):
                break  # a stop, a connective, or a parenthesis set apart: a note follows
            end += 1
        if "title" not in labels[end + 1 :]:  # only a run that ends the title
            while end > start and labels[end] == OTHER and not tokens[end].text.isalnum():
                end -= 1
            for index in range(start, end + 1):
                labels[index] = "title"
        return Labelled(tokens, labels, labelled.confidence)
    best: tuple[int, int, int] = (0, 0, 0)  # (words, start, end)
    index = 0
    while index < len(tokens):
        if labels[index] != OTHER or tokens[index].text in _STOPS:
            index += 1
            continue
        end = index
        while (
            end + 1 < len(tokens)
            and labels[end + 1] == OTHER
            and tokens[end + 1].text not in _STOPS
        ):
            end += 1
        words = sum(_is_free_word(tokens[k].text, labels[k]) for k in range(index, end + 1))
        if words > best[0]:
            best = (words, index, end)
        index = end + 1
    words, start, end = best
    if words >= 2:
        while start <= end and not tokens[start].text.isalnum():
            start += 1
        while end >= start and not tokens[end].text.isalnum() and tokens[end].text not in "?!":
            end -= 1
        for index in range(start, end + 1):
            labels[index] = "title"
    return Labelled(tokens, labels, labelled.confidence)


_ONE_PIECE = frozenset(
    {"title", "container", "author", "editor", "publisher", "volume", "issue", "pages"}
)


def _scattered(labels: list[str]) -> list[str]:
    """Fields the labels cut into more than one piece (a year may come twice)."""
    pieces: dict[str, int] = {}
    previous = None
    for label in labels:
        if label != OTHER and label != previous:
            pieces[label] = pieces.get(label, 0) + 1
        if label != OTHER:
            previous = label
    return [label for label, count in pieces.items() if count > 1 and label in _ONE_PIECE]


def assemble(labelled: Labelled, raw: str, ref: Reference) -> bool:
    """Fill ``ref`` from the labelled tokens of ``raw``; False when the labels cannot
    be trusted (two fields in pieces), when no title was
    found, or nothing beside it (no author, year, container, publisher or link):
    the entry is then kept verbatim and flagged."""
    labelled = mend_title(names_before_year(labelled))
    if len(_scattered(labelled.labels)) >= 2:
        return False  # the model lost the thread: fields in pieces all over the string
    spans = field_spans(labelled, raw)
    get = {label: span.text for label, span in spans.items()}
    if "title" not in get and "container" in get:
        _title_from_container(get)
    if "author" in get:
        ref.authors, truncated = _names(get["author"])
        if truncated and not ref.note:
            ref.note = "et al."
    if "editor" in get:
        ref.editors, _ = _names(get["editor"])
    if "year" in get:
        year = re.search(r"\b(1[5-9]\d\d|20\d\d)[a-z]?\b", get["year"])
        ref.year = year.group(1) if year else None
    if "title" in get:
        title = title_text(get["title"])
        ref.title = title if re.search(r"[^\W\d_]", title) else None  # a title has words
    if "container" in get:
        ref.container = _tidy(_strip_quotes(_LEADING_IN.sub("", get["container"]))) or None
    if "volume" in get:
        ref.volume = _number(get["volume"]) or None
    number = get.get("issue") or get.get("number")
    if number:
        ref.number = _number(number) or None
    if "pages" in get:
        ref.pages = _pages(get["pages"]) or None
    if "edition" in get:
        ref.edition = _edition(get["edition"]) or None
    for label, name in (("publisher", "publisher"), ("place", "address"), ("school", "school")):
        if label in get:
            setattr(ref, name, _tidy(get[label]) or None)
    if "doi" in get and not ref.doi:
        ref.doi = _DOI_PREFIX.sub("", _tidy(get["doi"])) or None
    if "url" in get and not ref.url:
        ref.url = _tidy(get["url"]) or None
    if "urldate" in get:
        ref.urldate = (
            _tidy(
                re.sub(
                    r"^(?:accessed|retrieved|viewed)\s*(?:on)?\s*",
                    "",
                    get["urldate"],
                    flags=re.IGNORECASE,
                )
            )
            or None
        )
    if "note" in get and not ref.note:
        ref.note = _tidy(get["note"]) or None
    ref.type = infer_type(ref, get, raw)
    # A reference names a work and says whose it is, when it was, or where it is.
    located = ref.authors or ref.editors or ref.year or ref.container or ref.publisher
    return ref.title is not None and bool(located or ref.url or ref.doi or ref.school)


def _title_from_container(get: dict[str, str]) -> None:
    """No title but a container: every work has a title, and it comes first, so the
    container's first sentence is the title ("Tidy households. J Comput Phys"); a
    container of one sentence is the title itself when a publisher or nothing else
    says where the work is."""
    container = get.pop("container")
    stop = re.search(r"[.?!]\s+(?=[A-Z])", container)
    if stop:
        get["title"] = container[: stop.start() + 1]
        get["container"] = container[stop.end() :]
    else:
        get["title"] = container


def infer_type(ref: Reference, spans: dict[str, str], text: str = "") -> str:
    """What kind of work the fields describe; ``text`` is the whole entry, for the
    words outside any field ("Ph.D. thesis", "arXiv:1307.7172")."""
    note = spans.get("note", "")
    container = ref.container or ""
    outside = text.replace(ref.title or "\0", " ") if text else note
    if ref.school or _THESIS.search(note) or _THESIS.search(outside):
        return "thesis"
    if container and _CONFERENCE.search(container) and not ref.volume:
        return "inproceedings"  # a "Proceedings of ..." with a volume is a journal
    if ref.editors and container:
        return "incollection"
    if _REPORT.search(note) or (ref.number and not container and ref.publisher):
        return "report"
    dated = re.search(r"[A-Za-z]|\d{4}[-/]\d", spans.get("year", ""))
    if container and dated and not ref.volume and not ref.urldate:
        return "newspaper"  # a day's date and no volume: a newspaper's issue
    if container and (ref.volume or (ref.pages and not ref.publisher)):
        return "article"
    if not container and re.search(r"\barXiv\b", outside, re.IGNORECASE):
        return "misc"  # a preprint
    if ref.urldate or (ref.url and not container and not ref.publisher):
        # A link to a PDF file is a document; a web page is read online.
        if not ref.urldate and re.search(r"\.pdf$", ref.url or "", re.IGNORECASE):
            return "misc"
        return "online"
    if ref.publisher:
        return "incollection" if container else "book"
    if container:
        return "article"
    return "misc"
