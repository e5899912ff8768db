"""Front matter of a Markdown-like rendering: title, authors, affiliations, dates.

Lines before the abstract are sorted by their shape alone: a dates line names
Received/Accepted/Published; an affiliation starts with a footnote mark or
names an institution; an author line carries footnote marks or "&" between
short capitalised names; the title is the longest line that is left.
"""

from __future__ import annotations

import re
from itertools import pairwise

from digest.clean.headings import is_incomplete, is_title_case
from digest.clean.lines import Line
from digest.clean.sentences import starts_lowercase
from digest.model import FrontMatter

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARKS = re.compile(rf"\^\{{[^}}]*\}}|\^\d+(?:,\d+)*|[{_SUPERSCRIPT_DIGITS}*†‡§]+")
_DATES = re.compile(r"\b(Received|Accepted|Revised|Published|Available online)\b", re.IGNORECASE)
_INSTITUTION = re.compile(
    r"\b(University|College|Department|Institute|School|Academy|Faculty|Centre|Center|"
    r"Laboratory|Bureau|Committee|Party School)\b"
)
_LEADING_MARK = re.compile(
    rf"^(?:[{_SUPERSCRIPT_DIGITS}]+|\^\{{[^}}]*\}}|\d{{1,2}}(?=\s*[A-Z]))\s*"
)

_NAME_WITH_AFFILIATION = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\((?P<affiliation>[^()]{8,})\)$"
)

# A journal's line, an identifier or a link: never a line of the title.
_JOURNAL_LINE = re.compile(r"\bVol(?:ume)?\.?\s*\d+|\bISSN\b|\bdoi:|\bDOI\b|https?://", re.I)

FRONT_MAX_LINES = 12
# A line this long (share of the width) in sentence case is prose, not a title page's.
PROSE_LINE = 0.6
FRONT_MAX_LINE = 300


def looks_like_front_matter(lines: list[Line]) -> bool:
    """Front matter is a few short lines; wrapped or long prose is body text."""
    texts = [line.text for line in lines if not line.blank]
    if not 0 < len(texts) <= FRONT_MAX_LINES or any(len(t) > FRONT_MAX_LINE for t in texts):
        return False
    # Prose wraps onto lines in lower case; a title may too ("... Governance" / "in
    # Guizhou Province"), but its lines are Title Case.
    wrapped = any(
        not first.blank
        and not second.blank
        and starts_lowercase(second.text)
        and not (is_title_case(first.text) and is_title_case(second.text))
        for first, second in pairwise(lines)
    )
    return not wrapped


def strip_marks(text: str) -> str:
    """Remove footnote marks (¹, ^{1,2}, *) that tie names to affiliations."""
    return re.sub(r"\s+", " ", _MARKS.sub("", text)).strip()


def split_title_page(lines: list[Line], width: int) -> tuple[list[Line], list[Line]]:
    """The title page's lines, and the prose that follows them (an abstract).

    Prose starts at the first long line in sentence case: titles are Title Case,
    and names, affiliations and dates are short.
    """
    for index, line in enumerate(lines):
        long = width > 0 and len(line.text) >= PROSE_LINE * width
        if long and not is_title_case(line.text) and not _DATES.search(line.text):
            return lines[:index], lines[index:]
    return lines, []


def merge_front_matter(first: FrontMatter, second: FrontMatter) -> FrontMatter:
    """Front matter read from two blocks (a title page split by a blank line)."""
    return FrontMatter(
        title=first.title or second.title,
        authors=first.authors or second.authors,
        affiliations=first.affiliations + second.affiliations,
        dates=first.dates or second.dates,
        labels=first.labels
        + ([second.title] if first.title and second.title else [])
        + second.labels,
    )


def _title_lines(lines: list[Line]) -> list[Line]:
    """A title wrapped over lines joined again: its next line starts in lower case or
    the line before stops on a small word ("Rethinking Public Service Provision: A") or
    on a comma or a colon ("... Flood Response: Obstacles," over "Reasons and Ways")."""
    joined: list[Line] = []
    for line in lines:
        if line.blank:
            joined.append(line)
            continue
        previous = joined[-1] if joined and not joined[-1].blank else None
        if (
            previous is not None
            and is_title_case(previous.text + " " + line.text)
            and (
                starts_lowercase(line.text)
                or is_incomplete(previous.text)
                or previous.text.endswith((",", ":"))
            )
        ):
            joined[-1] = Line(previous.text + " " + line.text, previous.number)
        else:
            joined.append(line)
    return joined


def parse_front_matter(lines: list[Line]) -> FrontMatter:
    """Sort the title page's lines by shape; the title is the run of lines right
    above the author line (a journal's name or a label may stand above it), else
    the longest line left."""
    front = FrontMatter()
    rest: list[str] = []
    # The block of unsorted lines last seen (a blank line may part it from the names).
    run: list[str] = []
    gap = False
    above_authors: list[str] = []
    names_with_affiliations = False
    for line in _title_lines(lines):
        text = line.text
        if line.blank:
            gap = True  # a new block starts with the next unsorted line
            continue
        named = _NAME_WITH_AFFILIATION.match(text)
        if names_with_affiliations and _is_author_line(text, after_title=True):
            front.authors = f"{front.authors}, {strip_marks(text)}"  # one with none given
        elif (
            named
            and _INSTITUTION.search(named.group("affiliation"))
            and (front.authors is None or names_with_affiliations)
        ):
            # "Jun Chen (Party School of ..., Hangzhou, China)": pandoc's title block
            # prints each author with an affiliation in brackets, one per line.
            name = strip_marks(named.group("name"))
            front.authors = f"{front.authors}, {name}" if front.authors else name
            front.affiliations.append(named.group("affiliation").strip())
            if not names_with_affiliations:
                above_authors = run
            names_with_affiliations = True
        elif _DATES.search(text) and front.dates is None:
            front.dates = text
        elif _LEADING_MARK.match(text) or (_INSTITUTION.search(text) and "," in text):
            front.affiliations.append(_LEADING_MARK.sub("", text).strip())
        elif _JOURNAL_LINE.search(text):
            rest.append(text)  # "Journal; Vol. 12, No. 3; 2021" above a title: no part of it
        elif front.authors is None and _is_author_line(text, after_title=bool(rest)):
            front.authors = strip_marks(text)
            above_authors = run
        else:
            rest.append(text)
            run = [text] if gap else [*run, text]
            gap = False
            continue
        run, gap = [], False
    joined = " ".join(above_authors)
    if above_authors and len(joined.split()) >= 4 and is_title_case(joined):
        front.title = joined
        rest = [text for text in rest if text not in above_authors]
    elif rest:
        title = max(rest, key=len)
        if len(title.split()) >= 4:
            front.title = title
            rest.remove(title)
    front.labels = rest
    return front


def _is_author_line(text: str, *, after_title: bool = False) -> bool:
    """Names: marked for affiliations, or several; one unmarked name only right after
    the title (a title line is Title Case too, but comes first)."""
    marked = bool(_MARKS.search(text))
    names = [n for n in re.split(r"\s*(?:&|,|\band\b)\s*", strip_marks(text)) if n]
    if not names or len(names) > 12 or re.search(r"[:;?!]", text):
        return False  # a title's colon or question mark is no part of a name
    # A name has a given name and a surname ("Policy and Society Quarterly" is no
    # list of two names), unless a mark ties it to an affiliation.
    shortest = 1 if marked else 2
    name_like = all(
        shortest <= len(n.split()) <= 4 and all(w[:1].isupper() for w in n.split()) for n in names
    )
    alone = after_title and len(names) == 1 and len(names[0].split()) >= 2
    return name_like and (marked or len(names) > 1 or alone)
