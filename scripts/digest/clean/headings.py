"""A heading's wrapped lines, and how an arabic section number is printed.

The numbers themselves, in every scheme, and the outline they must follow are
``digest.clean.numbering``.
"""

from __future__ import annotations

import re

from digest.clean.lines import Line
from digest.clean.numbering import parse_number
from digest.clean.sentences import first_word

# Small words that end a heading line only when the heading goes on.
_CONNECTIVES = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "under", "via", "with", "within", "without"}
)

Number = tuple[int, ...]


def is_title_like(text: str) -> bool:
    """A wrapped heading's second line: short, capitalised words, no sentence inside."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if not words or len(words) > 12 or text.endswith((",", ";", ":")):
        return False
    if re.search(r"[.!?]\s", text):
        return False
    content = [w for w in words if w.lower() not in _CONNECTIVES]
    if not content:
        return False
    return sum(w[0].isupper() for w in content) / len(content) >= 0.75


def continues_heading(heading: str, next_line: Line, width: int) -> bool:
    """Does the heading line `heading` (as printed, number included) wrap onto `next_line`?

    It does when the heading line could not have held the next line's first
    word (it was full) or stops on a connective ("... under the Guidance of"),
    and the next line reads like the rest of a title, not like prose.
    """
    if next_line.blank or heading.endswith((".", ":", "?", "!")):
        return False
    if parse_number(next_line.text) is not None:
        return False
    full = width > 0 and len(heading) + 1 + len(first_word(next_line.text)) > width * 0.9
    last = heading.rsplit(" ", 1)[-1].lower()
    return (full or last in _CONNECTIVES) and is_title_like(next_line.text)


def format_number(number: Number) -> str:
    """`1.` for a top-level section, `1.1` below it, as the papers print them."""
    return f"{number[0]}." if len(number) == 1 else ".".join(map(str, number))
