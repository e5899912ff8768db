"""List items: a bullet or a number opening a line starts an item of a list.

Extractors print a list's bullet as whatever glyph the font had ("•", "◦", or
"\\x88" from TeX's Computer Modern), and an ordered item as "1." before a
capital. Either starts a new block, and the item is kept as a list item so the
page shows a list, not a paragraph with a stray glyph in front.
"""

from __future__ import annotations

import re
from itertools import pairwise

# Bullet glyphs of common fonts; a dash only before a capital (else it is a dash).
_BULLET = re.compile(r"^(?:[•◦▪▫■□●○‣⁃∙\u0088]|[-–—](?=\s+[A-Z“\"]))\s+")
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


def ordered_items(lines: list) -> set[int]:
    """Line numbers that open ordered items: "3." counts only beside a "2." or a "4.".

    A lone number before a capital is more often a stray section number or a
    sentence that starts with one; a list has at least two items in sequence.
    """
    found = [
        (line.number, int(match.group(1))) for line in lines if (match := _ORDERED.match(line.text))
    ]
    items: set[int] = set()
    for (number, value), (next_number, next_value) in pairwise(found):
        if next_value == value + 1 and next_number - number <= _RUN_DISTANCE:
            items.update((number, next_number))  # k, then k + 1 soon after it
    return items
