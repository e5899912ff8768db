"""Double-spaced manuscripts: the blank line after every printed line is spacing.

A manuscript set for review (``\\doublespacing``, a journal's submission template)
comes out of ``pdftotext -layout`` with a blank line after each line, so that blank
lines no longer part paragraphs: every line would stand alone, and a line of names
between two blank lines reads like a heading. Such a text is known by two things at
once: most lines are followed by one blank line, and the line after that blank often
goes on with a sentence in lower case (a text with a paragraph or a heading on each
line, blank lines between, has that blank before capitals).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (lines.py calls this module: no import at run time)
    from digest.clean.lines import Line

# Written lines followed by exactly one blank line and then more text: at least ...
MIN_SPACED_SHARE = 0.6
# ... and of those, at least this share go on in lower case after the blank.
MIN_RUNNING_ON = 0.4


def undouble(lines: list[Line]) -> list[Line]:
    """The lines without the spacing blank lines when the text is double-spaced: a
    single blank line goes, a run of them (a paragraph's or a section's gap) becomes
    one. Else the lines as they were."""
    written = sum(not line.blank for line in lines)
    spaced = running_on = 0
    for line, gap, following in zip(lines, lines[1:], lines[2:], strict=False):
        if not line.blank and gap.blank and not following.blank:
            spaced += 1
            running_on += following.text[:1].islower()
    if not written or spaced < MIN_SPACED_SHARE * written or running_on < MIN_RUNNING_ON * spaced:
        return lines
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if not line.blank:
            kept.append(line)
            continue
        single = 0 < index < len(lines) - 1 and not lines[index - 1].blank
        single = single and not lines[index + 1].blank
        if not single and kept and not kept[-1].blank:
            kept.append(line)  # the first blank of a run: a real gap
    return kept
