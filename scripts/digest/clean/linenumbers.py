"""Line numbers in the margin: a manuscript's review numbering, taken off its lines.

Journals' review templates (``lineno``, PLOS, many preprints) print a number beside
every line. An extractor writes it at the line's end ("Introduction 1", "... Data 2"),
where it would end up inside headings and sentences. They are known by counting up
one by one down most of the text's lines, not by any one line.
"""

from __future__ import annotations

import re
from itertools import pairwise

from digest.clean.columns import RawLine

_TRAILING = re.compile(r"^(.*\S)?\s+(\d{1,4})\s*$|^\s*(\d{1,4})\s*$")
# Numbered lines: at least this share of the written lines, ...
MIN_SHARE = 0.5
# ... and at least this share of them one more than the one before (or a fresh 1).
MIN_COUNTING = 0.8


def strip_line_numbers(pages: list[list[RawLine]]) -> list[list[RawLine]]:
    """The pages with margin line numbers taken off the lines' ends, when the text has
    them; else the pages as they were."""
    found: list[tuple[int, int, int]] = []  # (page, position, value)
    written = 0
    for page_index, page in enumerate(pages):
        for position, line in enumerate(page):
            if not line.text.strip():
                continue
            written += 1
            match = _TRAILING.match(line.text)
            if match:
                value = int(match.group(2) or match.group(3))
                found.append((page_index, position, value))
    if not written or len(found) < MIN_SHARE * written:
        return pages
    counting = sum(
        1 for (_, _, before), (_, _, value) in pairwise(found) if value in (before + 1, 1)
    )
    if counting < MIN_COUNTING * (len(found) - 1):
        return pages
    stripped = [list(page) for page in pages]
    for page_index, position, _ in found:
        line = stripped[page_index][position]
        match = _TRAILING.match(line.text)
        assert match is not None
        text = (match.group(1) or "").rstrip()
        stripped[page_index][position] = RawLine(text, line.number, line.page, line.column)
    return stripped
