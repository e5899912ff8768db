"""Front matter of a Markdown-like rendering: title, authors, affiliations, dates.

Lines before the abstract are sorted by their shape alone: a dates line names
Received/Accepted/Published; an affiliation starts with a footnote mark or
names an institution; an author line carries footnote marks or "&" between
short capitalised names; the title is the longest line that is left.
"""

from __future__ import annotations

import re
from itertools import pairwise

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

FRONT_MAX_LINES = 12
FRONT_MAX_LINE = 300


def looks_like_front_matter(lines: list[Line]) -> bool:
    """Front matter is a few short lines; wrapped or long prose is body text."""
    texts = [line.text for line in lines if not line.blank]
    if not 0 < len(texts) <= FRONT_MAX_LINES or any(len(t) > FRONT_MAX_LINE for t in texts):
        return False
    wrapped = any(
        not first.blank and not second.blank and starts_lowercase(second.text)
        for first, second in pairwise(lines)
    )
    return not wrapped


def strip_marks(text: str) -> str:
    """Remove footnote marks (¹, ^{1,2}, *) that tie names to affiliations."""
    return re.sub(r"\s+", " ", _MARKS.sub("", text)).strip()


def parse_front_matter(lines: list[Line]) -> FrontMatter:
    front = FrontMatter()
    rest: list[str] = []
    for line in lines:
        text = line.text
        if line.blank:
            continue
        if _DATES.search(text) and front.dates is None:
            front.dates = text
        elif _LEADING_MARK.match(text) or (_INSTITUTION.search(text) and "," in text):
            front.affiliations.append(_LEADING_MARK.sub("", text).strip())
        elif front.authors is None and _is_author_line(text):
            front.authors = strip_marks(text)
        else:
            rest.append(text)
    if rest:
        title = max(rest, key=len)
        if len(title.split()) >= 4:
            front.title = title
            rest.remove(title)
    front.labels = rest
    return front


def _is_author_line(text: str) -> bool:
    marked = bool(_MARKS.search(text))
    names = [n for n in re.split(r"\s*(?:&|,|\band\b)\s*", strip_marks(text)) if n]
    if not names or len(names) > 12:
        return False
    name_like = all(
        1 <= len(n.split()) <= 4 and all(w[:1].isupper() for w in n.split()) for n in names
    )
    return name_like and (marked or len(names) > 1)
