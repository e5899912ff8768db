"""Hand-written rules for the reference styles where rules are exact and cheap.

The trained labeller (``labeller.py``) reads any style; these rules stay for
what a pattern settles outright, and ``parse.py`` combines the two:
- GB/T 7714, recognised by its type marker after the title:
  ``Wang J N. Title[J]. Journal, 2016, 36(9): 37-46.`` ([J] [D] [M] [N] [C] ...)
- author-year (APA and its Chinese-English variants):
  ``Han, D. X., & Hu, X. D. (2020). Title. *Journal*, 2020(03).``
  ``[1] Wang J.N. (2016). Title, *Journal*, 36(9), 37-46.``
``parse_by_rules`` returns None for a string that fits neither.
"""

from __future__ import annotations

import re
from dataclasses import replace

from digest.model import Reference
from digest.references.gbt7714 import (
    DASHES,
    MARKER,
    clean_title,
    is_gbt,
    parse_gbt,
    split_authors_title,
)
from digest.references.names import parse_authors

_DOI = re.compile(
    r"(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*|\bDOI:?\s*)(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE
)
# Every DOI the pattern finds is printed after "doi" in some case ("doi.org/", "DOI:").
_DOI_HINT = re.compile("doi", re.IGNORECASE)
_URL = re.compile(
    r"(?:\[EB/OL\]\.?\s*)?(?:Retrieved from\s+|Available at:?\s*)?(https?://[^\s\"<>]+)"
)
_YEAR_PAREN = re.compile(r"\((\d{4})[a-z]?(?:,[^)]*)?\)|\((n\.\s?d\.)\)")
_EMPHASIS = re.compile(r"\*([^*]+)\*")
_INSTITUTION = re.compile(
    r"\b(University|College|Institute|Academy|School|Universit[äéy]|Party School)\b"
)
# A quoted title closes with punctuation inside or just after the quote
# ("Title." / 'Title', / "Title?"), which a quoted phrase opening a title lacks.
_QUOTED_TITLE = re.compile(
    r"^[\"“'‘](?P<title>.+?)(?:[.,][\"”'’][.,]?|(?<=[?!])[\"”'’][.,]?|[\"”'’][.,])(?=\s|$)"
)
_CJK_NAME = re.compile(r"\s*\[[^\]]*[\u3400-\u9fff][^\]]*\]")
_THESIS = re.compile(
    r"^\(?(?:(?:PhD|Ph\.\s?D\.|Doctoral|Master'?s?|MA|MPhil|Bachelor'?s?)\s+)?"
    r"(?:thesis|dissertation|diss\.)\)?[.,]?\s*",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(
    r"\b(Press|Publish\w*|Publisher\w*|Books|Routledge|Springer|Wiley|Sage|Verlag|Palgrave|"
    r"Macmillan|Elsevier|Brill|Norton|Edition\w*)\b"
)
_REPORT = re.compile(r"\s*\((?:[^()]*\b(?:Report|Paper))\s+No\.\s*(?P<number>\w+)\)\s*$")

LABEL = re.compile(
    r"^\s*(?:\[(?P<bracket>[^\]\s]{1,12})\]|\((?P<paren>\d{1,4})\)|(?P<dot>\d{1,4})[.)](?=\s))\s*"
)


def split_label(raw: str) -> tuple[str | None, str]:
    """A list label ("[1]", "1.", "(1)", "[Pen11]", "[SBB+09]") and the entry after it.

    A bracket that holds a GB/T type marker, or a year with a letter ("[2019a]"), is
    not a label; a number is, whatever its size (a long list reaches [2019])."""
    match = LABEL.match(raw)
    if not match:
        return None, raw
    label = match.group("bracket") or match.group("paren") or match.group("dot")
    if match.group("bracket") and (
        MARKER.fullmatch(f"[{label}]") or re.fullmatch(r"\d{4}[a-z]", label)
    ):
        return None, raw
    return label, raw[match.end() :]


def parse_by_rules(body: str, ref: Reference) -> bool:
    """Fill ``ref`` by the rules (GB/T 7714 or author-year); False when neither fits.

    ``body`` is the entry without its list label."""
    body = take_identifiers(body, ref)
    try:
        return parse_gbt(body, ref) if is_gbt(body) else _parse_author_year(body, ref)
    except (ValueError, IndexError):
        return False


def take_identifiers(body: str, ref: Reference) -> str:
    """DOI and URL by pattern (exact), removed from the text the rules read."""
    # (Each pattern is searched only in a text that holds its telltale, "doi" or
    # "http": both scan every character of it otherwise.)
    doi = _DOI.search(body) if _DOI_HINT.search(body) else None
    if doi:
        ref.doi = doi.group(1).rstrip(".,;)")
        body = (body[: doi.start()] + body[doi.end() :]).strip()
    url = _URL.search(body) if "http" in body else None
    if url:
        ref.url = url.group(1).rstrip(".,;)")
        body = (body[: url.start()] + body[url.end() :]).strip()
    return re.sub(r"\s+([.,;])", r"\1", body).strip()


# --- author-year and author-title styles -----------------------------------
#
# Each strategy reads the same string a different way (APA "Name (2019). Title.",
# Chicago "Name. 2019. Title.", notes/SSRN "Name. Title. Journal, 2019."); the
# first one whose author list and title read cleanly wins.


def _parse_author_year(body: str, ref: Reference) -> bool:
    body = _CJK_NAME.sub("", body)
    for strategy in (_apa, _chicago_author_date, _author_title):
        trial = replace(ref, authors=[])
        if strategy(body, trial):
            for name, value in vars(trial).items():
                setattr(ref, name, value)
            return True
    return False


def _set_authors(text: str, ref: Reference) -> bool:
    ref.authors, truncated = parse_authors(text)
    if truncated:
        ref.note = "et al."
    return bool(ref.authors)


def _apa(body: str, ref: Reference) -> bool:
    """ "Han, D. X., & Hu, X. D. (2020). Title. Source" (also without the full stops)."""
    for year in _YEAR_PAREN.finditer(body):
        authors = body[: year.start()].strip().rstrip(",").strip()
        if authors and not _set_authors(authors, ref):
            continue
        ref.year = year.group(1) or None
        return _title_and_source(body[year.end() :].lstrip(".,: ").strip(), ref)
    return False


def _chicago_author_date(body: str, ref: Reference) -> bool:
    """ "Tsai, Lily L. 2007. "Title." Source" """
    match = re.match(
        r"^(?P<authors>.+?\.?)\s+(?P<year>(?:1[89]|20)\d\d)[a-z]?\.\s+(?P<rest>.+)$", body
    )
    if not match or not _set_authors(match.group("authors"), ref):
        return False
    ref.year = match.group("year")
    return _title_and_source(match.group("rest"), ref)


def _author_title(body: str, ref: Reference) -> bool:
    """ "Author. Title. Journal, Vol. 12, No. 3, pp. 1-10, 2019." and "Author, Title. ..." """
    authors, rest = split_authors_title(body)
    if not authors:
        authors, rest = _split_at_comma(body)
    if not authors or not _set_authors(authors, ref):
        return False
    if not _title_and_source(rest, ref):
        return False
    if ref.year is None:
        years = re.findall(r"\b((?:1[89]|20)\d\d)\b", rest)
        if not years:
            return False
        ref.year = years[-1]
    if ref.volume == ref.year:
        ref.volume = None
    return True


def _split_at_comma(body: str) -> tuple[str, str]:
    """SSRN's "O'Brien, Kevin J., Title. Journal ...": one inverted name, then a comma."""
    match = re.match(
        r"^([A-Z][\w'’-]+,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),\s+(?=[A-Z])", body
    )
    if match:
        return match.group(1), body[match.end() :]
    return "", body


def _title_and_source(rest: str, ref: Reference) -> bool:
    """Split "Title. Source" and read the source part."""
    rest = rest.strip()
    if not rest:
        return False
    quoted = _QUOTED_TITLE.match(rest)
    if quoted:
        ref.title = clean_title(quoted.group("title"))
        _source(rest[quoted.end() :].strip(" .,"), ref)
        return bool(ref.title)
    emphasis = list(_EMPHASIS.finditer(rest))
    if emphasis and emphasis[0].start() == 0:
        # An italic title is a book's (APA): "*Title*. Publisher."
        ref.type = "book"
        ref.title = clean_title(emphasis[0].group(1))
        _book_source(rest[emphasis[0].end() :].strip(" .,"), ref)
        return True
    if emphasis:
        container = emphasis[0]
        title = rest[: container.start()].strip().rstrip(".,:").strip()
        if not title:
            return False
        ref.title = clean_title(title)
        name = container.group(1).strip().rstrip(".,")
        volume = re.match(r"^(.*?),\s*(\d+)$", name)  # APA: "*Journal, 32*(140)"
        after = rest[container.end() :]
        if volume:
            name, after = volume.group(1), volume.group(2) + after
        ref.container = name
        ref.type = "article"
        _numbers(after, ref)
        return True
    title, source = _split_title(rest)
    ref.title = clean_title(title)
    report = _REPORT.search(ref.title or "")
    if report:
        ref.title = ref.title[: report.start()].strip()
        ref.type, ref.number = "misc", report.group("number")
        ref.publisher = source.strip(" .") or None
        return bool(ref.title)
    if not source:
        ref.type = "misc"
        return bool(ref.title)
    _source(source, ref)
    return True


def _split_title(rest: str) -> tuple[str, str]:
    """The title ends at the first ". " after which only a source remains."""
    stops = list(re.finditer(r"[.?!]\s+(?=[A-Z\"“'‘(])", rest))
    for stop in stops:
        tail = rest[stop.end() :]
        if _looks_like_source(tail):
            return rest[: stop.start() + (0 if rest[stop.start()] == "." else 1)], tail
    if stops:
        stop = stops[-1]
        return rest[: stop.start() + (0 if rest[stop.start()] == "." else 1)], rest[stop.end() :]
    return rest.rstrip("."), ""


def _looks_like_source(tail: str) -> bool:
    tail = tail.strip()
    numbered = r"\d{4}\s*\(\s*\w+\s*\)|\d+\s*\(\s*\w+\s*\)|\bVol\.|\bpp?\.\s*\d|\bNo\.\s*\d"
    if re.search(numbered, tail):
        return bool(re.match(r"^[^.]{1,160}$", tail.rstrip(".")) or re.search(r"\bVol\.", tail))
    if _THESIS.match(tail) or _PUBLISHER.search(tail):
        return True
    return bool(_INSTITUTION.search(tail)) and len(tail) < 160 and tail.count(". ") <= 1


def _source(source: str, ref: Reference) -> None:
    """What follows the title: a journal with numbers, a school, or a publisher."""
    source = source.strip().rstrip(".").strip()
    italic = _EMPHASIS.match(source)
    if italic:  # Chicago: "*The China Quarterly* 248: 1-15"
        ref.type, ref.container = "article", italic.group(1).strip(" ,.")
        _numbers(source[italic.end() :], ref)
        return
    thesis = _THESIS.match(source)
    if thesis:
        ref.type = "thesis"
        _school(source[thesis.end() :], ref)
        return
    publisher = _PUBLISHER.search(source)
    place = re.match(r"^(?P<place>[A-Z][^:\d]{1,40}):\s*(?P<who>[^\d]+)$", source)
    if publisher or place:
        ref.type = "book"
        _book_source(source, ref)
        return
    institution = _INSTITUTION.search(source)
    if institution and not re.search(r"\bVol\.|\bJournal\b|\bReview\b|\bQuarterly\b", source):
        ref.type = "thesis"
        _school(re.split(r",\s*(?=\d)", source)[0], ref)
        return
    match = re.match(r"^(?P<container>.+?)(?=,?\s*(?:\d|Vol\.|vol\.|pp?\.|No\.))", source)
    ref.type = "article"
    if match and match.group("container").strip(" ,"):
        ref.container = match.group("container").strip(" ,")
        _numbers(source[match.end() :], ref)
    else:
        ref.container = source or None


def _school(text: str, ref: Reference) -> None:
    """ "University of Hong Kong, Pokfulam, Hong Kong SAR" -> school and address."""
    text = text.strip(" .,")
    parts = [part.strip() for part in text.split(",")]
    first = next((i for i, part in enumerate(parts) if _INSTITUTION.search(part)), 0)
    ref.school = ", ".join(parts[: first + 1]) or None
    ref.address = ", ".join(parts[first + 1 :]) or ref.address


def _book_source(source: str, ref: Reference) -> None:
    match = re.match(r"^(?:(?P<place>[^:]+):\s*)?(?P<publisher>.+)$", source.strip(" .,"))
    if match and source:
        ref.publisher = match.group("publisher").strip() or None
        ref.address = match.group("place").strip() if match.group("place") else None


def _numbers(text: str, ref: Reference) -> None:
    """Volume, issue and pages after the container, in every form the field uses."""
    text = text.translate(DASHES).strip(" ,.")
    year = re.search(
        r"\((?:[A-Z][a-z]+\.?\s+)?((?:1[89]|20)\d\d)\)|\b[A-Z][a-z]+ ((?:1[89]|20)\d\d)\b", text
    )
    if year and ref.year is None:
        ref.year = year.group(1) or year.group(2)
    explicit = {
        "volume": re.search(r"\bVol(?:ume)?\.?\s*(\w+)", text, re.IGNORECASE),
        "number": re.search(r"\b(?:No|Issue)\.?\s*(\w+)", text, re.IGNORECASE),
        "pages": re.search(r"\bpp?\.\s*(\d+(?:\s*-\s*\d+)?)", text),
    }
    if any(explicit.values()):
        for name, match in explicit.items():
            if match:
                setattr(ref, name, re.sub(r"\s", "", match.group(1)))
        return
    text = re.sub(r"\s*\((?:[A-Z][a-z]+\.?\s+)?(?:1[89]|20)\d\d\)", "", text)
    colon = re.match(r"^(\d+)\s*:\s*(\d+)(?:\s*,\s*(\d+\s*-\s*\d+))?$", text)
    if colon:  # "18:60, 359-378" (volume:issue) or "248: 1-15" (volume: pages)
        ref.volume = colon.group(1)
        if colon.group(3):
            ref.number, ref.pages = colon.group(2), re.sub(r"\s", "", colon.group(3))
        else:
            ref.pages = colon.group(2)
        return
    colon_pages = re.match(r"^(\d+)\s*:\s*(\d+\s*-\s*\d+)$", text)
    if colon_pages:
        ref.volume, ref.pages = colon_pages.group(1), re.sub(r"\s", "", colon_pages.group(2))
        return
    if re.fullmatch(r"\d+\s*-\s*\d+", text):
        ref.pages = re.sub(r"\s", "", text)
        return
    match = re.match(
        r"^(?P<volume>\d+)?\s*(?:\(\s*(?P<number>[\w-]+)\s*\))?\s*(?:[,:]\s*(?P<pages>\d+(?:\s*-\s*\d+)?))?",
        text,
    )
    if not match:
        return
    volume, number, pages = match.group("volume"), match.group("number"), match.group("pages")
    # "2020(03)" in these references repeats the year as the volume: it is the issue only.
    if volume and number and ref.year and volume == ref.year:
        volume = None
    ref.volume, ref.number = volume, number
    ref.pages = re.sub(r"\s", "", pages) if pages else None
