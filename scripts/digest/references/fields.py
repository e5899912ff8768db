"""From labelled tokens to a ``Reference``: cut each field's text and tidy it.

The labeller says which tokens belong to which field; this stage turns spans of
the original string into values in the model's conventions (pages with a plain
hyphen, a title without its closing full stop or the quotes a style put around
it, a DOI without its resolver), after ``mends.py`` has corrected the labels;
``span_mends.py`` corrects a field whose text holds another's, and
``work_types.py`` then says what kind of work the fields describe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.model import Reference
from digest.references.labeller import OTHER, Labelled
from digest.references.links import DOI_PREFIX
from digest.references.mends import LABEL_MENDS, scattered
from digest.references.names import parse_authors
from digest.references.span_mends import (
    LEADING_IN,
    container_from_title,
    edition_in_words,
    editors_from_container,
    place_before_publisher,
    title_from_container,
)
from digest.references.work_types import infer_type

# Fields whose runs may be broken by a punctuation token the model left out.
_JOINABLE = {"author", "editor", "title", "container", "publisher", "place", "school", "note"}
_DASHES = re.compile(r"\s*[-‐‑–—]+\s*")
_EDITOR_WORDS = re.compile(
    r"\(?\b(?:eds?|editors?|edited\s+by|ed\.\s+by|hrsg|hg)\b\.?\)?[.,:]?", re.IGNORECASE
)

_QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»"}


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
        end = _closing_open_bracket(tokens, index, end)
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


def _closing_open_bracket(tokens: list, start: int, end: int) -> int:
    """A field that opened a bracket closes it ("Systems (TiiS)"): the model may label
    the closing bracket as the separator after the field."""
    after = end + 1
    if after >= len(tokens) or tokens[after].text not in _CLOSERS.values():
        return end
    opener = next(key for key, value in _CLOSERS.items() if value == tokens[after].text)
    inside = [token.text for token in tokens[start : end + 1]]
    return after if inside.count(opener) > inside.count(tokens[after].text) else end


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


def pages_text(text: str) -> str:
    # "pp. 3-9", "S. 161", "pages 3": the word goes; "S2542435121001008" is a page.
    text = re.sub(r"^(?:pp?|pages?|s)(?:\.\s*|\s+)", "", text.strip(), flags=re.IGNORECASE)
    return _DASHES.sub("-", _tidy(text))


def _edition(text: str) -> str:
    text = re.sub(r"\s*\b(?:ed|edn|edition)\b\.?$", "", _tidy(text), flags=re.IGNORECASE)
    return _tidy(text.strip("() "))


def _names(text: str) -> tuple[list, bool]:
    text = _EDITOR_WORDS.sub(" ", LEADING_IN.sub("", text))
    text = " ".join(text.split()).strip(" ,;:(")
    return parse_authors(text)


def assemble(labelled: Labelled, raw: str, ref: Reference) -> bool:
    """Fill ``ref`` from the labelled tokens of ``raw``; False when the labels cannot
    be trusted (two fields in pieces), when no title was
    found (unless journal, volume or page and author or year say which article it
    is), or nothing beside it (no author, year, container, publisher or link):
    the entry is then kept verbatim and flagged."""
    for mend in LABEL_MENDS:
        labelled = mend(labelled)
    if len(scattered(labelled.labels)) >= 2:
        return False  # the model lost the thread: fields in pieces all over the string
    spans = field_spans(labelled, raw)
    get = {label: span.text for label, span in spans.items()}
    if "title" not in get and "container" in get:
        title_from_container(get)
    elif "container" not in get and "title" in get and {"volume", "issue", "pages"} & set(get):
        container_from_title(get)
    if "editor" not in get and "container" in get:
        editors_from_container(get)
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
        ref.container = _tidy(_strip_quotes(LEADING_IN.sub("", get["container"]))) or None
    if "volume" in get:
        ref.volume = _number(get["volume"]) or None
    number = get.get("issue") or get.get("number")
    if number:
        ref.number = _number(number) or None
    if "pages" in get:
        ref.pages = pages_text(get["pages"]) or None
    if "edition" in get:
        ref.edition = _edition(get["edition"]) or None
    for label, name in (("publisher", "publisher"), ("place", "address"), ("school", "school")):
        if label in get:
            setattr(ref, name, _tidy(get[label]) or None)
    if ref.publisher and not ref.address:
        place_before_publisher(ref)
    if "doi" in get and not ref.doi:
        ref.doi = DOI_PREFIX.sub("", _tidy(get["doi"])) or None
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
    if not ref.edition:
        edition_in_words(raw, ref)
    ref.type = infer_type(ref, get, raw)
    if ref.type == "thesis" and not ref.container:
        # A thesis is no serial: the issue CNKI-style exports print after its year
        # ("Shandong Normal University, 2019(05)") numbers nothing of it.
        ref.number = None
    # A reference names a work and says whose it is, when it was, or where it is.
    located = ref.authors or ref.editors or ref.year or ref.container or ref.publisher
    if ref.title is None:  # an article cited by journal, volume and page only
        return bool(ref.container and (ref.volume or ref.pages) and (ref.authors or ref.year))
    return bool(located or ref.url or ref.doi or ref.school)
