"""Corrections on the cut fields, where one field's text holds another's.

``mends.py`` corrects labels; these work on the text of the spans once they are cut,
as a reader would: a container that opens with "Gupta R ed." holds the editors, a
publisher "Pacific Grove, CA: Duxbury" holds the place, a title of two sentences
followed by a volume holds the journal's name, "Fourth ed." after the title is an
edition. Each changes a field only when the text reads so unambiguously.
"""

from __future__ import annotations

import re

from digest.model import Reference
from digest.references.names import parse_authors

LEADING_IN = re.compile(r"^\s*(?:in|In|IN)\s*[:.]?\s+")


# "Gupta R ed. Rethinking ..." / "Murphy J, ed. Time series ...": editors inside a container.
_EDITORS_FIRST = re.compile(
    r"^(?P<names>[^.:;]*?\b[A-Z]{1,3}\.?),?\s+\(?eds?\.?\)?[.,:]?\s+(?P<rest>\S.*)$",
)


def editors_from_container(get: dict[str, str]) -> None:
    """A container that opens with names and "ed." holds the editors too, when the
    names read as names."""
    match = _EDITORS_FIRST.match(LEADING_IN.sub("", get["container"]).strip())
    if not match:
        return
    people, _ = parse_authors(match.group("names"))
    if people:
        get["editor"] = match.group("names")
        get["container"] = match.group("rest")


_PUBLISHER_WORDS = re.compile(
    r"\b(?:press|publish\w*|books|verlag|university|institute|foundation|academic|group|inc|ltd)\b",
    re.IGNORECASE,
)


def place_before_publisher(ref: Reference) -> None:
    """ "Pacific Grove, CA: Duxbury" read as one publisher: styles print "Place:
    Publisher", so a part before a colon that names no publisher is the place."""
    place, colon, publisher = (ref.publisher or "").partition(": ")
    if not colon or not publisher or _PUBLISHER_WORDS.search(place):
        return
    if re.fullmatch(r"[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3}", place):
        ref.address, ref.publisher = place, publisher


_EDITION_WORDS = re.compile(
    r"\b(?P<edition>\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|revised|expanded|new)\s+(?:ed\.|edn\.?|edition\b)",
    re.IGNORECASE,
)


def edition_in_words(raw: str, ref: Reference) -> None:
    """ "Fourth ed." / "2nd edition" printed after the title: an edition, whatever the
    model made of the word (a container "Fourth" is no book)."""
    match = _EDITION_WORDS.search(raw)
    if not match or (ref.title and match.start() < raw.find(ref.title) + len(ref.title)):
        return
    ref.edition = match.group("edition")
    if ref.container and ref.container.lower() == ref.edition.lower():
        ref.container = None


def container_from_title(get: dict[str, str]) -> None:
    """A volume, issue or pages but no container: the numbers belong to a journal or
    a book, so a title of two sentences ends with that container's name ("... in
    Bishan District. Social Governance, 2021(12)")."""
    title = get["title"]
    stops = list(re.finditer(r"(?<=[a-z\d])[.?!]\s+(?=[A-Z])", title))
    if not stops:
        return
    tail = title[stops[-1].end() :]
    if len(tail.split()) <= 8 and not re.search(r"[.?!:]\s", tail):
        get["title"] = title[: stops[-1].start() + 1]
        get["container"] = tail


def title_from_container(get: dict[str, str]) -> None:
    """No title but a container: the title comes first, so the container's first
    sentence is the title ("Tidy households. J Comput Phys"), unless it is only
    abbreviations ("J. Am. Chem. Soc."). A journal with a volume or pages and no
    title is how physics and chemistry cite an article ("Tetrahedron Lett. 26, 5683
    (1985)"): the container stays. Else a container of one sentence is the title
    itself when a publisher or nothing else says where the work is."""
    container = get["container"]
    for stop in re.finditer(r"[.?!]\s+(?=[A-Z])", container):
        if re.search(r"[^\W\d_]{3,}(?![.\w])", container[: stop.start() + 1]):
            get["title"] = container[: stop.start() + 1]
            get["container"] = container[stop.end() :]
            return
    if {"volume", "issue", "pages"} & set(get):
        return
    get["title"] = get.pop("container")
