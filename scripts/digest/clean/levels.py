"""Levels for headings that carry no numbers, from the evidence a text keeps.

A numbered heading's level comes from its number (``numbering.Outline``); an
unnumbered one's must be read from how the headings follow one another, from their
type (capitals or not) and from the space above them, where the extractor kept it.
"""

from __future__ import annotations

import re

from digest.clean.headings import is_capitals_title
from digest.clean.parts import HeadingPart, Part, TextPart
from digest.model import Heading

# Headings go at most this deep (### ... is level 3).
MAX_LEVEL = 3
# The first number of a lettered scheme, as printed: "A.", "(a)", "a)".
_LETTER_A = re.compile(r"^\(?[Aa][.)]?$")

# The titles of the sections that open and close a paper, and of the sections of its
# usual outline (background, methods, findings, discussion): sections, not sub-sections.
_OUTER_SECTION = re.compile(
    r"(?i)^(introduction|conclusions?|concluding remarks|summary|summary and conclusions?"
    r"|conclusions? and (discussion|implications|policy implications|recommendations)"
    r"|discussion and conclusions?"
    r"|background|methods?|methodology|data and methods?|research design( and data)?"
    r"|results|findings|discussion|theoretical framework|conceptual framework"
    r"|literature review)$"
)


def is_outline_section(title: str) -> bool:
    """A section of a paper's usual outline ("Introduction", "Methods", "Conclusion")."""
    return _OUTER_SECTION.match(title) is not None


def level_unnumbered(parts: list[Part]) -> None:
    """Levels for headings that carry no numbers, from how they follow one another.

    A section that opens with a sub-section prints two headings in a row: the first
    is a section, the second a sub-section (a third in a row is one level deeper);
    later headings that stand alone keep the level of the sub-sections until the
    next such pair, except the sections of a paper's usual outline (an
    introduction, methods, findings, a conclusion).
    In a text that numbers its sections but not their sub-sections, a heading without
    a number under a numbered one is one level below it. The other way round, when
    the first numbered heading is lettered ("A.") and comes right under an unnumbered
    one that is not of the usual outline ("Title I School Funding Allocation" / "A.
    Allocation Problem."), the letters count sub-sections: they sit one level below
    the sections. (Not for "1." or "I.": a paper's numbered sections may well follow
    an unnumbered preface or summary.)
    """
    if _level_by_capitals(parts):
        return
    level = 1
    numbered_level: int | None = None  # the level of the last numbered heading
    nested = 0  # how far the numbered headings sit below the unnumbered sections
    last_heading: Heading | None = None
    for index, part in enumerate(parts):
        if not isinstance(part, HeadingPart):
            continue
        previous_heading, last_heading = last_heading, part.heading
        if part.heading.number:
            if (
                numbered_level is None
                and _LETTER_A.match(part.heading.number)
                and previous_heading is not None
                and not previous_heading.number
                and not is_outline_section(previous_heading.text)
            ):
                nested = previous_heading.level
            part.heading.level = min(part.heading.level + nested, MAX_LEVEL)
            numbered_level = part.heading.level
            continue
        following = parts[index + 1] if index + 1 < len(parts) else None
        previous = parts[index - 1] if index else None
        outer = is_outline_section(part.heading.text)
        if numbered_level is not None and not outer and not nested:
            part.heading.level = min(numbered_level + 1, MAX_LEVEL)
        elif isinstance(previous, HeadingPart) and not previous.heading.number:
            # Right under a heading with no text of its own: one level below it (a
            # section is never empty; three in a row are three levels). Headings that
            # stand alone later keep the sub-sections' level: a third level is rare.
            part.heading.level = min(previous.heading.level + 1, MAX_LEVEL)
            level = 2
        elif isinstance(following, HeadingPart) and not following.heading.number:
            part.heading.level = 1
        elif outer:
            part.heading.level = 1  # an introduction, its findings, a conclusion: sections
        else:
            part.heading.level = level


# Headings set in capitals at least this many times before capitals mark a level.
MIN_CAPITAL_HEADINGS = 2


def _level_by_capitals(parts: list[Part]) -> bool:
    """Levels from the headings' type where it differs: a paper that prints some
    unnumbered headings in capitals ("RESULTS") and others not ("Social interaction")
    sets its sections in capitals and its sub-sections below them. A sub-section
    right under another is one level deeper. False (nothing done) when the headings
    do not come in the two kinds, or numbered headings stand among them."""
    headings = [part.heading for part in parts if isinstance(part, HeadingPart)]
    if any(heading.number for heading in headings):
        return False
    capitals = sum(is_capitals_title(heading.text) for heading in headings)
    if capitals < MIN_CAPITAL_HEADINGS or capitals == len(headings):
        return False
    previous: Heading | None = None
    for part in parts:
        if not isinstance(part, HeadingPart):
            previous = None
            continue
        heading = part.heading
        if is_capitals_title(heading.text):
            heading.level = 1
        elif previous is not None and not is_capitals_title(previous.text):
            heading.level = min(previous.level + 1, MAX_LEVEL)
        else:
            heading.level = 2
        previous = heading
    return True


# A text shows its headings' levels by the space above them when at least this many
# headings stand after a gap of two blank lines or more, and some after one.
MIN_SPACED_HEADINGS = 2


def level_by_spacing(parts: list[Part], pages: dict[int, int]) -> None:
    """Levels from the space above the headings, where the extractor kept it: a text
    laid out by position (``pdftotext -layout``) prints a blank line per line of
    space, and a paper sets more space above a section's heading than above a
    sub-section's. Two blank lines or more above a heading make it a section, one a
    sub-section; other headings keep the level their order gave them. Only within a
    page (a page's foot and head add space of their own) and only where both gaps
    occur, in a text without numbered headings."""
    gaps: list[tuple[Heading, int]] = []  # a heading and the blank lines above it
    for index, part in enumerate(parts):
        if not isinstance(part, HeadingPart):
            continue
        if part.heading.number:
            return
        previous = parts[index - 1] if index else None
        if not isinstance(previous, TextPart):
            continue
        written = [line for line in previous.lines if not line.blank]
        if not written:
            continue
        last = written[-1]
        gap = part.heading.line - last.number - 1
        blank_run = len(previous.lines) - previous.lines.index(last) - 1
        # Every line between them kept and blank (none dropped as a page's furniture),
        # all on one page.
        if gap == blank_run and pages.get(part.heading.line) == last.page:
            gaps.append((part.heading, gap))
    wide = sum(gap >= 2 for _, gap in gaps)
    if wide < MIN_SPACED_HEADINGS or not any(gap == 1 for _, gap in gaps):
        return
    for heading, gap in gaps:
        if gap >= 2:
            heading.level = 1
        elif gap == 1:
            heading.level = 2
