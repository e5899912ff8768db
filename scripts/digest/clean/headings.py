"""Numbered section headings: `1.`, `1.1`, `1.1.1` and their wrapped second lines.

A number at the start of a line is only a heading when it continues the
document's own numbering (1 -> 1.1 -> 1.2 -> 2 ...). That one check keeps
"2019, the ..." or a stray "20 years" out without any list of words.
"""

from __future__ import annotations

import re

from digest.clean.lines import Line
from digest.clean.sentences import first_word

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})(\.?)\s+([A-Z“\"‘'(].*)$")
# Small words that end a heading line only when the heading goes on.
_CONNECTIVES = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "under", "via", "with", "within", "without"}
)

Number = tuple[int, ...]


def parse_number(text: str) -> tuple[Number, str] | None:
    """Split `3.1 Working Mechanism` into ((3, 1), 'Working Mechanism')."""
    match = _NUMBERED.match(text)
    if not match:
        return None
    number = tuple(int(part) for part in match.group(1).split("."))
    if len(number) == 1 and not match.group(2):
        return None  # "1 Introduction" is too easily a stray number
    title = match.group(3).strip()
    if len(title) > 200 or title.endswith((",", ";")):
        return None
    return number, title


def is_successor(previous: Number | None, number: Number) -> bool:
    """True when `number` may follow `previous` in an outline."""
    if previous is None:
        return number == (1,)
    if number == (*previous, 1):
        return True
    return any(number == (*previous[:depth], previous[depth] + 1) for depth in range(len(previous)))


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
