"""Parse one reference string into a ``Reference``, in the manner of GROBID's
header-then-source reading, with rules instead of a model.

Two families of style cover the field:
- GB/T 7714, recognised by its type marker after the title:
  ``Wang J N. Title[J]. Journal, 2016, 36(9): 37-46.`` ([J] [D] [M] [N] [C] ...)
- author-year (APA and its Chinese-English variants):
  ``Han, D. X., & Hu, X. D. (2020). Title. *Journal*, 2020(03).``
  ``[1] Wang J.N. (2016). Title, *Journal*, 36(9), 37-46.``
A string that fits neither keeps its text verbatim with ``parsed=False``: it is
flagged and listed, never dropped.
"""

from __future__ import annotations

import re

from digest.model import Person, Reference
from digest.references.names import parse_authors

_LABEL = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)](?=\s))\s*")
_DOI = re.compile(
    r"(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*|\bDOI:?\s*)(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE
)
_URL = re.compile(
    r"(?:\[EB/OL\]\.?\s*)?(?:Retrieved from\s+|Available at:?\s*)?(https?://[^\s\"<>]+)"
)
_GBT_MARKER = re.compile(r"\[(J|D|M|N|C|R|Z|A|P|S|G|EB/OL|DB/OL|J/OL|M/OL|N/OL)\]")
_YEAR_PAREN = re.compile(r"\((\d{4})[a-z]?(?:,[^)]*)?\)|\((n\.\s?d\.)\)")
_EMPHASIS = re.compile(r"\*([^*]+)\*")
_INSTITUTION = re.compile(
    r"\b(University|College|Institute|Academy|School|Universit[äéy]|Party School)\b"
)
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})

_GBT_TYPES = {"J": "article", "D": "thesis", "M": "book", "N": "newspaper", "C": "misc"}


def parse_reference(text: str) -> Reference:
    """Parse one reference; never raises, never loses the text."""
    raw = " ".join(text.split())
    ref = Reference(raw=raw)
    body = raw
    label = _LABEL.match(body)
    if label:
        ref.label = label.group(1) or label.group(2)
        body = body[label.end() :]
    body = _take_identifiers(body, ref)
    try:
        ok = _parse_gbt(body, ref) if _GBT_MARKER.search(body) else _parse_author_year(body, ref)
    except (ValueError, IndexError):
        ok = False
    if not ok:
        return Reference(raw=raw, label=ref.label, parsed=False)
    return ref


def _take_identifiers(body: str, ref: Reference) -> str:
    doi = _DOI.search(body)
    if doi:
        ref.doi = doi.group(1).rstrip(".,;)")
        body = (body[: doi.start()] + body[doi.end() :]).strip()
    url = _URL.search(body)
    if url:
        ref.url = url.group(1).rstrip(".,;)")
        body = (body[: url.start()] + body[url.end() :]).strip()
    return re.sub(r"\s+([.,;])", r"\1", body).strip()


# --- GB/T 7714 -------------------------------------------------------------


def _parse_gbt(body: str, ref: Reference) -> bool:
    marker = _GBT_MARKER.search(body)
    assert marker is not None
    head, tail = body[: marker.start()], body[marker.end() :].lstrip(". ").strip()
    kind = marker.group(1).split("/")[0]
    ref.type = _GBT_TYPES.get(kind, "misc")
    authors_text, title = _split_gbt_head(head)
    if not title:
        return False
    ref.title = _clean_title(title)
    if authors_text:
        ref.authors, truncated = parse_authors(authors_text)
        if not ref.authors:
            return False
        if truncated:
            ref.note = "et al."
    tail = tail.rstrip(".").strip()
    if ref.type == "article":
        return _gbt_journal(tail, ref)
    if ref.type == "newspaper":
        match = re.match(r"^(.+?),\s*((\d{4})(?:-\d{1,2}){0,2})\s*(?:\((\w+)\))?", tail)
        if not match:
            return False
        ref.container, ref.year, ref.pages = match.group(1).strip(), match.group(3), match.group(4)
        return True
    if ref.type in ("thesis", "book"):
        match = re.match(r"^(?:(?P<place>[^:：,]+)[:：]\s*)?(?P<who>.+?),\s*(?P<year>\d{4})", tail)
        if not match:
            return False
        who = match.group("who").strip()
        if ref.type == "thesis":
            ref.school = who
        else:
            ref.publisher = who
            ref.address = match.group("place").strip() if match.group("place") else None
        ref.year = match.group("year")
        pages = re.search(r"[:：]\s*(\d+(?:\s*-\s*\d+)?)\s*$", tail.translate(_DASHES))
        if pages and ref.type == "book":
            ref.pages = re.sub(r"\s", "", pages.group(1))
        return True
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", tail)
    ref.year = year.group(1) if year else None
    ref.container = tail.split(",")[0].strip() or None if year else tail or None
    return True


def _split_gbt_head(head: str) -> tuple[str, str]:
    """ "Wang J N, Li Y. Title" -> ("Wang J N, Li Y", "Title"): the authors end at
    the first full stop that closes a readable author list and is not followed by
    another initial ("Wang J. N. Title" stops after "N.", not after "J.")."""
    head = head.strip()
    for match in re.finditer(r"\.\s+", head):
        after = head[match.end() :]
        if re.match(r"(?:[A-Z](?:\.|\s|,|$)|(?:and|&)\s)", after):
            continue  # the stop belongs to an initial and the author list goes on
        authors = head[: match.start() + 1].strip()
        people, _ = parse_authors(authors)
        if people:
            return authors, after.strip()
        if len(authors) > 120:
            break
    return "", head


def _gbt_journal(tail: str, ref: Reference) -> bool:
    text = tail.translate(_DASHES)
    match = re.match(
        r"^(?P<journal>.+?),\s*(?P<year>\d{4})\s*"
        r"(?:,\s*(?P<volume>[\w-]+))?\s*(?:\((?P<number>[\w-]+)\))?"
        r"\s*(?:[:：]\s*(?P<pages>[\w]+(?:\s*-\s*\w+)?))?\s*$",
        text,
    )
    if not match:
        return False
    ref.container = match.group("journal").strip()
    ref.year = match.group("year")
    ref.volume = match.group("volume")
    ref.number = match.group("number")
    ref.pages = re.sub(r"\s", "", match.group("pages")) if match.group("pages") else None
    return True


# --- author-year -------------------------------------------------------------


def _parse_author_year(body: str, ref: Reference) -> bool:
    year = _YEAR_PAREN.search(body)
    if not year:
        return _parse_author_title_year(body, ref)
    ref.year = year.group(1) or None
    authors_text = body[: year.start()].strip().rstrip(",").strip()
    if authors_text:
        ref.authors, truncated = parse_authors(authors_text)
        if not ref.authors:
            return False
        if truncated:
            ref.note = "et al."
    rest = body[year.end() :].lstrip(".,: ").strip()
    return _title_and_source(rest, ref)


def _parse_author_title_year(body: str, ref: Reference) -> bool:
    """ "Author. Title. Journal, Vol. 12, No. 3, pp. 1-10, 2019." (no year in parentheses)."""
    authors, rest = _split_gbt_head(body)
    if not authors:
        return False
    ref.authors, truncated = parse_authors(authors)
    if truncated:
        ref.note = "et al."
    year = None
    for candidate in re.finditer(r"\b(1[89]\d\d|20\d\d)\b", rest):
        year = candidate
    if year is None:
        return False
    ref.year = year.group(1)
    if not _title_and_source(rest, ref):
        return False
    if ref.volume == ref.year:
        ref.volume = None
    return True


def _title_and_source(rest: str, ref: Reference) -> bool:
    """Split "Title. Source" and read the source part."""
    if not rest:
        return False
    emphasis = list(_EMPHASIS.finditer(rest))
    if emphasis and emphasis[0].start() == 0:
        # An italic title is a book's (APA): "*Title*. Publisher."
        ref.type = "book"
        ref.title = _clean_title(emphasis[0].group(1))
        _book_source(rest[emphasis[0].end() :].strip(" .,"), ref)
        return True
    if emphasis:
        container = emphasis[0]
        title = rest[: container.start()].strip().rstrip(".,:").strip()
        if not title:
            return False
        ref.title = _clean_title(title)
        ref.container = container.group(1).strip().rstrip(".,")
        ref.type = "article"
        _numbers(rest[container.end() :], ref)
        return True
    title, source = _split_title(rest)
    ref.title = _clean_title(title)
    if not source:
        ref.type = "misc"
        return bool(ref.title)
    _plain_source(source, ref)
    return True


def _split_title(rest: str) -> tuple[str, str]:
    """The title ends at the last ". " after which only a source remains."""
    stops = [m for m in re.finditer(r"[.?!]\s+(?=[A-Z\"“'‘(])", rest)]
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
    if re.search(
        r"\d{4}\s*\(\s*\w+\s*\)|\d+\s*\(\s*\w+\s*\)|\bVol\.|\bpp?\.\s*\d|\bNo\.\s*\d", tail
    ):
        return bool(re.match(r"^[^.]{1,160}$", tail.rstrip(".")) or re.search(r"\bVol\.", tail))
    return bool(_INSTITUTION.search(tail)) and len(tail) < 160 and tail.count(". ") <= 1


def _plain_source(source: str, ref: Reference) -> None:
    source = source.strip().rstrip(".").strip()
    institution = _INSTITUTION.search(source)
    if institution and not re.search(r"\bVol\.|\bJournal\b|\bReview\b|\bQuarterly\b", source):
        ref.type = "thesis"
        school = re.split(r",\s*(?=\d)", source)[0].strip()
        ref.school = school
        return
    match = re.match(r"^(?P<container>.+?)(?=,\s*(?:\d|Vol\.|vol\.|pp?\.|No\.))", source)
    ref.type = "article"
    if match:
        ref.container = match.group("container").strip()
        _numbers(source[match.end() :], ref)
    else:
        ref.container = source or None


def _book_source(source: str, ref: Reference) -> None:
    match = re.match(r"^(?:(?P<place>[^:]+):\s*)?(?P<publisher>.+)$", source)
    if match and source:
        ref.publisher = match.group("publisher").strip() or None
        ref.address = match.group("place").strip() if match.group("place") else None


def _numbers(text: str, ref: Reference) -> None:
    """Volume, issue and pages after the container, in every form the field uses."""
    text = text.translate(_DASHES).strip(" ,.")
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


def _clean_title(title: str) -> str:
    title = title.strip().strip("*").strip()
    if title.endswith(".") and not re.search(r"\b[A-Z]\.$", title):
        title = title[:-1]
    return title.strip()


def first_author(ref: Reference) -> Person | None:
    return ref.authors[0] if ref.authors else None
