"""List items: a bullet or a number opening a line starts an item of a list.

Extractors print a list's bullet as whatever glyph the font had ("•", "◦",
"\\x88" from TeX's Computer Modern, "(cid:136)" from pdfminer), and an ordered
item as "1." before a capital. Either starts a new block, and the item is kept as
a list item so the page shows a list, not a paragraph with a stray glyph in front.
"""

from __future__ import annotations

import re

# Bullet glyphs of common fonts; a dash only before a capital (else it is a dash).
# pdfminer writes a glyph it cannot map as "(cid:136)": at a line's start, a bullet.
_BULLET = re.compile(r"^(?:[•◦▪▫■□●○‣⁃∙\u0088]|\(cid:\d+\)|[-–—](?=\s+[A-Z“\"]))\s+")
_ORDERED = re.compile(r"^(\d{1,2})\.\s+(?=[A-Z“\"‘'(])")


# An ordered item needs a neighbour: the item numbered one less or one more, this near.
_RUN_DISTANCE = 40


def list_marker(text: str, *, ordered: bool = True) -> tuple[str, str | None, str] | None:
    """("bullet" | "ordered", the number or None, the item's text) when a line opens an item."""
    match = _BULLET.match(text)
    if match:
        return "bullet", None, text[match.end() :]
    match = _ORDERED.match(text) if ordered else None
    if match:
        return "ordered", match.group(1), text[match.end() :]
    return None


def list_depth(glyphs: list[str], glyph: str) -> int:
    """How deep an item stands whose bullet is ``glyph`` ("ordered" for a number), given
    the bullets met so far in its list (``glyphs``, outer first, added to): typesetters
    give each level of nested lists a glyph of its own (LaTeX "•" then "–"; others "•"
    then "◦" or "▪"), so a glyph the list has not opened with is a level in."""
    if glyph not in glyphs:
        glyphs.append(glyph)
    return glyphs.index(glyph)


def ordered_items(lines: list) -> set[int]:
    """Positions in ``lines`` of the lines that open ordered items: a run "1.", "2.",
    "3." ... close together. Positions, not source line numbers: the two halves of a
    two-column row share one number.

    A lone number before a capital is more often a stray section number or a
    sentence that starts with one; a list has at least two items in sequence and
    starts at 1, so that "3. Findings" after a list's "4." is a section again.
    """
    found = [
        (position, line.number, int(match.group(1)))
        for position, line in enumerate(lines)
        if (match := _ORDERED.match(line.text))
    ]
    items: set[int] = set()
    run: list[tuple[int, int, int]] = []
    for position, number, value in found:
        follows = bool(run) and value == run[-1][2] + 1 and number - run[-1][1] <= _RUN_DISTANCE
        if follows:
            run.append((position, number, value))
        else:
            run = [(position, number, value)] if value == 1 else []
        if len(run) >= 2:
            items.update(item for item, _, _ in run)
    return items
