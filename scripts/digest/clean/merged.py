"""Rows of two columns that an extractor printed as one line, cut at a broken word.

Where a two-column page's gutter is narrow (LaTeX's 10pt ``\\columnsep`` beside 10pt
type), ``pdftotext`` in its default mode takes a left column's line and the right
column's line on the same baseline for one line, and prints them with one space
between: "... have spread across Zhe- (1) The Party Branch Should Guide Rather".
No spaces mark the gutter (as ``-layout`` does, see columns.py), but justified text
never breaks a word inside a line: a word broken by a hyphen and followed on the same
line by more text ends the left column's line. The row is cut there, the right
column's words on a line of their own after it, so that a heading printed there ("(1)
The Party ...") stands at the start of a line, where the segmenter looks for it.
"""

from __future__ import annotations

import re

from digest.clean.lines import Line

# A word broken at the line's end, then the other column's text, which does not open
# with a small letter (a broken word's second half would: "gover- nance"); "pre- and
# post-reform" keeps its hyphen inside one line.
_BROKEN_WORD_THEN_COLUMN = re.compile(r"(?<=[a-z]-) +(?!(?:and|or|to|und)\b)(?=[^\sa-z])")
# The left half is a full line of its column: this close (share) to the text's width.
FULL_LINE = (0.85, 1.1)


def cut_merged_rows(lines: list[Line], width: int) -> list[Line]:
    """Each line that holds a full left line ending in a broken word, then more text,
    as two lines: the left column's, then the right column's (same source line)."""
    if width <= 0:
        return lines
    low, high = FULL_LINE[0] * width, FULL_LINE[1] * width
    cut: list[Line] = []
    for line in lines:
        match = next(
            (m for m in _BROKEN_WORD_THEN_COLUMN.finditer(line.text) if low <= m.start() <= high),
            None,
        )
        if match is None:
            cut.append(line)
            continue
        left, right = line.text[: match.start()], line.text[match.end() :]
        cut.append(Line(left, line.number, line.indent, line.page))
        cut.append(Line(right, line.number, 0, line.page))
    return cut
