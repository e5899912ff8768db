"""What kind of work a parsed reference describes, read from its fields.

The way a reader tells: a school means a thesis, a conference in the container a
proceedings paper, editors and a book title a chapter, a journal with a volume or
pages an article, an access date or a bare link a web page.
"""

from __future__ import annotations

import re

from digest.model import Reference

_CONFERENCE = re.compile(
    r"\b(?:proceedings|proc\.(?=\s)|conference|symposium|workshop|congress|meeting)",
    re.IGNORECASE,
)
_THESIS = re.compile(r"\b(?:thesis|dissertation|diss\.)", re.IGNORECASE)
# A day in a date ("23 March 2000", "March 23, 2000", "2000-03-23"); a month alone
# ("Nov. 2021", "May 1993") is how journals and magazines date an issue too.
DAY_IN_DATE = re.compile(
    r"(?<!\d)(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)(?=.*[A-Za-z])"
    r"|[A-Za-z].*(?<!\d)(?:[1-9]|[12]\d|3[01])(?!\d)|\d{4}[-/]\d{1,2}[-/]\d{1,2}",
)
_REPORT = re.compile(r"\b(?:report|working\s+paper|discussion\s+paper|brief)\b", re.IGNORECASE)


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
    if container and DAY_IN_DATE.search(spans.get("year", "")) and not (ref.volume or ref.urldate):
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
