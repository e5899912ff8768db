"""GB/T 7714-2015, read by its own grammar: the one style where rules are exact.

The standard prints a type code after the title, with the carrier after a slash
(``[J]``, ``[M]``, ``[C/OL]``, ``[EB/OL]``), and a fixed order after it:

- article: ``Journal, year, volume(issue): pages``
- monograph, report, proceedings, standard: ``edition. Place: Publisher, year: pages``
  (``[S.l.]`` and ``[s.n.]`` for an unknown place or publisher, ``c1980`` for a
  copyright year)
- thesis: ``Place: School, year``; newspaper: ``Paper, 2000-11-20(15)``
- an analytic in a host: ``Title[M]//Editors. Host title. Place: Publisher,
  year: pages`` (``[C]//`` for a paper in proceedings)
- online: ``(update date)[citation date]`` after the publication part, then the
  URL and DOI (taken out by pattern before these rules read the rest).

``parse_gbt`` fills a ``Reference`` and returns False when the entry does not
follow the grammar, so that the trained labeller reads it instead.
"""

from __future__ import annotations

import re

from digest.model import Reference
from digest.references.names import parse_authors

MARKER = re.compile(r"\[(?P<kind>J|M|C|G|N|D|R|S|P|A|Z|DB|CP|EB)(?:/(?P<carrier>OL|CD|DK|MT))?\]")
# "//" between an analytic and its host; a URL's "//" follows a colon and has
# been taken out before the rules read the entry.
HOST = re.compile(r"(?<=[\w\].?!\"”’)])\s*//\s*(?=\S)")
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+")

TYPES = {
    "J": "article",
    "M": "book",
    "G": "book",  # a compilation
    "C": "inproceedings",
    "N": "newspaper",
    "D": "thesis",
    "R": "report",
    "EB": "online",
}  # standards [S], patents [P], archives [A], databases, programs, others [Z]: misc
_HOSTED = {"M": "incollection", "G": "incollection", "C": "inproceedings"}

_CITED = re.compile(r"\s*\[(?P<date>\d{4}-\d{1,2}-\d{1,2})\]")
_UPDATED = re.compile(r"^\((?P<year>\d{4})(?:-\d{1,2}){0,2}\)\s*")
_EDITION = re.compile(
    r"^(?P<edition>\d+(?:st|nd|rd|th)|[A-Z][a-z]+\.?)\s+(?:ed|edn|edition)\.?\s*(?:[.,]\s*|$)"
)
_UNKNOWN = re.compile(r"^\[(?:S\.\s?l\.|s\.\s?n\.)\]$", re.IGNORECASE)
_PUBLICATION = re.compile(
    r"^(?:(?P<place>[^:：.]{1,40}?(?:,\s*[A-Z]\.\s?[A-Z]\.)?|\[S\.\s?l\.\])\s*[:：]\s*)?"
    r"(?:(?P<who>[^:：]+?)\s*[,，]\s*)?"
    r"c?(?P<year>\d{4})[a-z]?(?:-\d{1,2}){0,2}"
    r"(?:\s*[:：]\s*(?P<pages>[\w]+(?:\s*-\s*\w+)?(?:\s*,\s*\w+(?:\s*-\s*\w+)?)*))?$"
)
_JOURNAL = re.compile(
    r"^(?P<journal>.+?),\s*(?P<year>\d{4})\s*"
    r"(?:,\s*(?P<volume>[\w-]+))?\s*(?:\((?P<number>[\w-]+)\))?"
    r"\s*(?:[:：]\s*(?P<pages>[\w]+(?:\s*-\s*\w+)?))?$"
)
_NEWSPAPER = re.compile(
    r"^(?P<paper>.+?),\s*(?P<date>(?P<year>\d{4})(?:-\d{1,2}){0,2})\s*(?:\((?P<page>\w+)\))?$"
)
# "PREWITT C T" / "Wang J N": a surname in capitals, or two initials, closes a name.
_SURNAME_FIRST_END = re.compile(
    r"(?:^|[,\s])(?:[A-Z]{2,}(?:\s+[A-Z]){1,3}|[A-Z][a-z]+\s+[A-Z]\s+[A-Z])$"
)
# Every dash a page range or date may print, as the hyphen the patterns read.
DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_CONFERENCE = re.compile(r"\b(?:proceedings|conference|symposium|workshop|congress)\b", re.I)


def is_gbt(body: str) -> bool:
    """A type code after the title, or an analytic-host "//" outside any link."""
    return bool(MARKER.search(body) or HOST.search(_URL.sub(" ", body)))


def parse_gbt(body: str, ref: Reference) -> bool:
    """Fill ``ref`` from a GB/T 7714 entry (list label, DOI and URL already cut off)."""
    marker = MARKER.search(body)
    host = HOST.search(body, marker.end() if marker else 0)
    if marker:
        head, tail = body[: marker.start()], body[marker.end() :]
        kind = marker.group("kind")
    elif host:
        head, tail, kind = body[: host.start()], body[host.start() :], ""
    else:
        return False
    authors_text, title = split_authors_title(head)
    if not title:
        return False
    ref.title = clean_title(title)
    if authors_text and not _set_authors(authors_text, ref):
        return False
    tail = _take_dates(tail.translate(DASHES), ref)
    hosted = re.match(r"\s*//\s*", tail)
    if hosted:
        return _parse_host(tail[hosted.end() :], kind, ref)
    ref.type = TYPES.get(kind, "misc")
    tail = tail.strip(" .")
    if ref.type == "article":
        return _journal(tail, ref)
    if ref.type == "newspaper":
        return _newspaper(tail, ref)
    return _publication(tail, ref, school=ref.type == "thesis")


def split_authors_title(head: str) -> tuple[str, str]:
    """ "Wang J N, Li Y. Title" -> ("Wang J N, Li Y", "Title"): the authors end at
    the first full stop that closes a readable author list and is not followed by
    another initial ("Wang J. N. Title" stops after "N.", not after "J.")."""
    head = head.strip()
    for match in re.finditer(r"\.\s+", head):
        after = head[match.end() :]
        before = head[: match.start()]
        inside_initials = re.search(r"(?:^|[\s.,])[A-Z]$", before) and re.match(
            r"[A-Z](?:\.|\s|,|$)", after
        )
        if inside_initials or re.match(r"(?:and|&)\s", after):
            continue  # the stop belongs to an initial and the author list goes on
        if (
            re.search(r"(?:^|\s)[A-Z]$", before)
            and re.match(r"[A-Z][a-z'’-]+\.\s", after)
            and not _SURNAME_FIRST_END.search(before)
        ):
            continue  # "Thomas P. Bernstein." - a given-first name goes on to its surname
        authors = head[: match.start() + 1].strip()
        people, _ = parse_authors(authors)
        if people:
            return authors, after.strip()
        if len(authors) > 120:
            break
    return "", head


def _set_authors(text: str, ref: Reference, editors: bool = False) -> bool:
    people, truncated = parse_authors(text)
    if editors:
        ref.editors = people
    else:
        ref.authors = people
        if truncated:
            ref.note = "et al."
    return bool(people)


def _take_dates(tail: str, ref: Reference) -> str:
    """The citation date "[2013-03-27]" is the access date; an update date
    "(2009-04-22)" right after the type code dates the resource."""
    cited = _CITED.search(tail)
    if cited:
        ref.urldate = cited.group("date")
        tail = tail[: cited.start()] + tail[cited.end() :]
    stripped = tail.lstrip(" .")
    updated = _UPDATED.match(stripped)
    if updated:
        ref.year = updated.group("year")
        tail = stripped[updated.end() :]
    return tail


def _parse_host(text: str, kind: str, ref: Reference) -> bool:
    """ "PREWITT C T. Pyroxenes. Washington, D.C.: Publisher, c1980: 117-211" """
    text = text.strip(" .")
    editors, rest = split_authors_title(text)
    if editors and not _conference(editors):
        _set_authors(editors, ref, editors=True)
    else:
        rest = text
    container, publication = _split_container(rest)
    ref.container = container.rstrip(". ") or None
    if publication and not _publication(publication, ref):
        return False
    if kind in _HOSTED:
        ref.type = _HOSTED[kind]
    else:
        conference = _conference(ref.container or "")
        ref.type = "inproceedings" if conference and not ref.editors else "incollection"
    return bool(ref.container)


def _conference(text: str) -> bool:
    return bool(_CONFERENCE.search(text))


def _split_container(text: str) -> tuple[str, str]:
    """The host's title ends at the first stop after which a publication part
    ("Place: Publisher, year: pages", or "year: pages") reads to the end."""
    for stop in re.finditer(r"[.,]\s+", text):
        rest = text[stop.end() :]
        if _PUBLICATION.match(rest.strip(" .")):
            return text[: stop.start()], rest
    return text, ""


def _publication(text: str, ref: Reference, school: bool = False) -> bool:
    """ "3rd ed. [S.l.]: Brooks/Cole, 2001: 45-60" -> edition, place, publisher, year, pages."""
    text = text.strip(" .")
    edition = _EDITION.match(text)
    if edition:
        ref.edition = edition.group("edition").rstrip(".")
        text = text[edition.end() :].strip(" .")
    if not text:
        return bool(ref.title)
    match = _PUBLICATION.match(text)
    if not match:
        if ref.type in ("online", "misc", "report"):  # where it was issued, undated
            ref.publisher = ref.publisher or text
            return True
        return False
    place, who = _known(match.group("place")), _known(match.group("who"))
    if school:
        ref.school = who
    else:
        ref.publisher = who
    ref.address = place
    ref.year = match.group("year")
    if match.group("pages") and ref.type != "thesis":
        ref.pages = re.sub(r"\s", "", match.group("pages"))
    return True


def _known(value: str | None) -> str | None:
    """ "[S.l.]" (no place) and "[s.n.]" (no publisher) say the value is unknown."""
    value = (value or "").strip(" .,")
    return None if not value or _UNKNOWN.match(value) else value


def _journal(tail: str, ref: Reference) -> bool:
    match = _JOURNAL.match(tail)
    if not match:
        return False
    ref.container = match.group("journal").strip()
    ref.year = match.group("year")
    ref.volume = match.group("volume")
    ref.number = match.group("number")
    ref.pages = re.sub(r"\s", "", match.group("pages")) if match.group("pages") else None
    return True


def _newspaper(tail: str, ref: Reference) -> bool:
    match = _NEWSPAPER.match(tail)
    if not match:
        return False
    ref.container, ref.year, ref.pages = (
        match.group("paper").strip(),
        match.group("year"),
        match.group("page"),
    )
    return True


def clean_title(title: str) -> str:
    """Emphasis marks and a closing full stop are no part of a title ("Wang J. N." keeps its)."""
    title = title.strip().strip("*").strip()
    if title.endswith(".") and not re.search(r"\b[A-Z]\.$", title):
        title = title[:-1]
    return title.strip()
