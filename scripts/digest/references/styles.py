"""Citation strings in APA 7 and GB/T 7714-2015 for the site's "How to cite" and lists.

Both styles are built as a list of segments (text, italic or not) and rendered
once: as Markdown, where every segment from a source is escaped with the site's
own escaper and only our ``*`` italics are markup, or as plain text. A missing
field drops its part of the citation; nothing ever prints "None" or an empty
"()" or "[]".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from digest.model import REFERENCE_TYPES, Person, Reference
from digest.references.bibtex import clean_text
from digest.references.pinyin import is_pinyin_surname, syllable_initials
from digest.site.markdown import escape, escape_inline

Segment = tuple[str, bool]  # (text, italic)

_DASHES = re.compile(r"\s*[-‐‑–—]+\s*")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_GBT_MARKERS = {"article": "J", "newspaper": "N", "thesis": "D", "book": "M"}
APA_MAX_AUTHORS = 20  # APA 7 lists up to 20, then the first 19, ". . .", the last
GBT_MAX_AUTHORS = 3  # GB/T 7714 lists three, then ", et al."


# --- shared --------------------------------------------------------------


def _text(value: str | None) -> str:
    """A field as one line of text, as the BibTeX entry has it; "" when missing or blank."""
    return clean_text(value or "")


def _truncated(ref: Reference) -> bool:
    """The parser marks an author list cut short by "et al." with note "et al."."""
    return _text(ref.note).lower() in ("et al.", "et al")


def _is_cjk(person: Person) -> bool:
    return bool(_CJK.search(person.family + person.given))


def _end(text: str) -> str:
    """Close an element with a full stop unless it already ends in one (or ? !)."""
    return text if not text or text[-1] in ".?!" else text + "."


def _render(segments: list[Segment], markdown: bool) -> str:
    """Join segments; in Markdown, escape text and guard the start against block syntax."""
    merged: list[Segment] = []
    for text, italic in segments:
        if not text:
            continue
        if merged and merged[-1][1] == italic and not italic:
            merged[-1] = (merged[-1][0] + text, False)
        else:
            merged.append((text, italic))
    if not markdown:
        return "".join(text for text, _ in merged).strip()
    out = []
    for index, (text, italic) in enumerate(merged):
        if italic:
            out.append(f"*{escape_inline(text.strip())}*")
        else:
            out.append(_escape_first(text) if index == 0 else escape_inline(text))
    return "".join(out).strip()


def _escape_first(text: str) -> str:
    """The run that starts the line, where a list, heading or fence could begin.

    markdown.escape guards list and heading markers. A "~~~" fence it does not
    guard is written as an entity here ("\\~" is no escape to Python-Markdown),
    and a leading "=" is left alone: it is a heading underline only on a second
    line, and Python-Markdown would print the backslash markdown.escape adds.
    """
    if text.startswith("="):
        return escape_inline(text)
    if text.startswith("~"):
        return "&#126;" + escape_inline(text[1:])
    return escape(text)


def _pages(ref: Reference, dash: str) -> str:
    return _DASHES.sub(dash, _text(ref.pages))


def _doi_url(doi: str) -> str:
    return doi if re.match(r"https?://", doi) else f"https://doi.org/{doi}"


# --- APA 7 -----------------------------------------------------------------


def apa(ref: Reference, *, markdown: bool = True) -> str:
    """APA 7 reference, e.g. ``Wang, J. N. (2016). Title. *Journal*, *36*(9), 37–46.``"""
    if not ref.parsed:
        return _render([(_text(ref.raw), False)], markdown)
    kind = ref.type if ref.type in REFERENCE_TYPES else "misc"
    authors = _apa_authors(ref)
    date = f"({_text(ref.year)})." if _text(ref.year) else "(n.d.)."
    title = _text(ref.title)
    container = _text(ref.container)
    stand_alone = kind in ("book", "thesis") or (kind == "misc" and not container)

    title_part: list[Segment] = []
    if title and stand_alone:
        title_part.append((title, True))
        if kind == "thesis":
            school = _text(ref.school)
            title_part.append((f" [Thesis, {school}]" if school else " [Thesis]", False))
        title_part.append(("" if kind != "thesis" and title[-1] in "?!" else ".", False))
    elif title:
        title_part.append((_end(title), False))
    elif kind == "thesis":
        school = _text(ref.school)
        title_part.append((f"[Thesis, {school}]." if school else "[Thesis].", False))

    segments: list[Segment] = []
    if authors:
        segments += [(authors, False), (" " + date, False)]
        if title_part:
            segments += [(" ", False), *title_part]
    elif title_part:
        # No author: the title moves to the author position.
        segments += [*title_part, (" " + date, False)]
    else:
        segments.append((date, False))

    if kind == "book":
        publisher = _text(ref.publisher)
        if publisher:
            segments.append((" " + _end(publisher), False))
    elif kind != "thesis":
        segments += _apa_source(ref, container)

    doi, url = _text(ref.doi), _text(ref.url)
    if doi or url:
        segments.append((" " + (_doi_url(doi) if doi else url), False))
    return _render(segments, markdown)


def _apa_source(ref: Reference, container: str) -> list[Segment]:
    """``*Journal*, *36*(9), 37–46.`` with whatever parts are known."""
    volume, number, pages = _text(ref.volume), _text(ref.number), _pages(ref, "–")
    parts: list[list[Segment]] = []
    if container:
        parts.append([(container, True)])
    if volume or number:
        issue = [(f"({number})", False)] if number else []
        parts.append([(volume, True), *issue] if volume else issue)
    if pages:
        parts.append([(pages, False)])
    if not parts:
        return []
    segments: list[Segment] = [(" ", False)]
    for index, part in enumerate(parts):
        if index:
            segments.append((", ", False))
        segments.extend(part)
    segments.append((".", False))
    return segments


def _apa_authors(ref: Reference) -> str:
    """ "Wang, J. N., & Li, Y." -- up to 20 names, "et al." kept when the source cut the list."""
    names = [name for name in (_apa_name(p) for p in ref.authors) if name]
    if not names:
        return ""
    if len(names) > APA_MAX_AUTHORS:
        text = ", ".join(names[: APA_MAX_AUTHORS - 1]) + ", . . . " + names[-1]
    elif _truncated(ref):
        text = ", ".join(names) + ", et al."
    elif len(names) == 1:
        text = names[0]
    else:
        text = ", ".join(names[:-1]) + ", & " + names[-1]
    return _end(text)


def _apa_name(person: Person) -> str:
    family, given = _text(person.family), _text(person.given)
    if _is_cjk(person):
        return family + given
    if not given:
        return family
    initials = apa_initials(given)
    if not family:
        return given
    return f"{family}, {initials}" if initials else family


def apa_initials(given: str) -> str:
    """ "Kevin J." -> "K. J."; "Jean-Paul" -> "J.-P."; "J.N." -> "J. N."; "Junning" -> "J."."""
    words = []
    for word in given.split():
        if re.fullmatch(r"(?:[A-Z]\.)+", word):
            words.append(" ".join(f"{letter}." for letter in word.replace(".", "")))
            continue
        pieces = [_first_letter(piece) for piece in word.split("-")]
        pieces = [f"{letter}." for letter in pieces if letter]
        if pieces:
            words.append("-".join(pieces))
    return " ".join(words)


def _first_letter(word: str) -> str:
    return next((ch for ch in word if ch.isalnum()), "")


# --- GB/T 7714-2015 ----------------------------------------------------------


def gbt7714(ref: Reference, *, markdown: bool = True) -> str:
    """GB/T 7714-2015 entry without its list number, Markdown unless ``markdown=False``:

    ``WANG J N. Title[J]. Journal, 2016, 36(9): 37-46.``
    """
    if not ref.parsed:
        return _render([(_text(ref.raw), False)], markdown)
    kind = ref.type
    marker = _GBT_MARKERS.get(kind, "Z")
    year, pages = _text(ref.year), _pages(ref, "-")
    authors = _gbt_authors(ref)
    text = f"{_text(ref.title)}[{marker}]"
    if authors:
        text = f"{_end(authors)} {text}"

    if kind == "article":
        source = _gbt_periodical(ref)
    elif kind == "newspaper":
        dated = year + (f"({pages})" if pages else "")
        source = ", ".join(part for part in (_text(ref.container), dated) if part)
    elif kind in ("thesis", "book"):
        who = _text(ref.school if kind == "thesis" else ref.publisher)
        place = _text(ref.address)
        issuer = f"{place}: {who}" if place and who else place or who
        source = ", ".join(part for part in (issuer, year) if part)
        if kind == "book" and pages:
            source += f": {pages}"
    else:
        source = ", ".join(part for part in (_text(ref.container), year) if part)
        if pages:
            source += f": {pages}"
    if source:
        text += ". " + source
    text = _end(text)
    url, doi = _text(ref.url), _text(ref.doi)
    if url:
        text += f" {_end(url)}"
    if doi:
        text += f" DOI:{_end(doi)}"
    return _render([(text, False)], markdown)


def _gbt_periodical(ref: Reference) -> str:
    """ "Journal, 2016, 36(9): 37-46"; "Journal, 2020(10)" when there is no volume."""
    year, volume, number = _text(ref.year), _text(ref.volume), _text(ref.number)
    issue = f"({number})" if number else ""
    parts = [_text(ref.container)]
    if volume:
        parts += [year, volume + issue]
    else:
        parts.append(year + issue)
    source = ", ".join(part for part in parts if part)
    pages = _pages(ref, "-")
    return f"{source}: {pages}" if source and pages else source or pages


def _gbt_authors(ref: Reference) -> str:
    names = [name for name in (_gbt_name(p) for p in ref.authors) if name]
    if not names:
        return ""
    if len(names) > GBT_MAX_AUTHORS or _truncated(ref):
        # A list in Chinese characters ends with "等", a list in Latin letters with "et al".
        more = "等" if _is_cjk(ref.authors[0]) else "et al"
        return ", ".join(names[:GBT_MAX_AUTHORS]) + ", " + more
    return ", ".join(names)


def _gbt_name(person: Person) -> str:
    """ "WANG J N"; a name in Chinese characters as written; an institution as written."""
    family, given = _text(person.family), _text(person.given)
    if _is_cjk(person):
        return family + given
    if not given:
        return family if " " in family else family.upper()
    initials = gbt_initials(given, pinyin=is_pinyin_surname(family))
    return " ".join(part for part in (family.upper(), initials) if part)


def gbt_initials(given: str, *, pinyin: bool = False) -> str:
    """Initials without full stops: "J. N." -> "J N"; pinyin "Junning" -> "J N" (one per
    syllable, GB/T 7714 8.1.1) when the syllables can be read only one way; "Kevin J." -> "K J".
    """
    letters: list[str] = []
    for word in given.split():
        if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", word):
            letters.extend(word.replace(".", ""))
            continue
        for piece in word.split("-"):
            reading = _pinyin_reading(piece) if pinyin else ""
            if reading:
                letters.extend(reading)
            elif _first_letter(piece):
                letters.append(_first_letter(piece).upper())
    return " ".join(letters)


def _pinyin_reading(word: str) -> str:
    """The syllable initials of a pinyin given name, or "" if there is no single best reading."""
    if not re.fullmatch(r"[A-Za-z'’]+", word):
        return ""
    readings = syllable_initials(word)
    if not readings:
        return ""
    shortest = min(len(reading) for reading in readings)
    best = [reading for reading in readings if len(reading) == shortest]
    return best[0] if len(best) == 1 else ""


# --- plain text ------------------------------------------------------------


def plain_text(ref: Reference, style: Callable[..., str] = apa) -> str:
    """A citation without Markdown (no escapes, no ``*``): for search, titles, tooltips."""
    return style(ref, markdown=False)
