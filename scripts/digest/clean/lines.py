"""Split a received text into numbered, whitespace-normalised lines.

Every later rule works on these lines, and each keeps the 1-based line number
of the source so that messages and anchors can point back at the raw file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"))


@dataclass(frozen=True)
class Line:
    """One source line: text without outer spaces, its number, and its indent."""

    text: str
    number: int
    indent: int = 0

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Normalise line ends, odd spaces and invisible characters, keep numbering.

    PDF extraction leaves stray leading spaces, no-break spaces and soft
    hyphens; none of them carries meaning, but the indent is kept because a
    wrapped reference continues on an indented line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = unicodedata.normalize("NFC", raw)
        expanded = _SPACES.sub(" ", raw.rstrip())
        stripped = expanded.lstrip(" ")
        lines.append(Line(stripped, number, len(expanded) - len(stripped)))
    while lines and lines[-1].blank:
        lines.pop()
    return lines


def typical_width(lines: list[Line]) -> int:
    """The width a hard-wrapped text fills: the 90th percentile of line lengths.

    Justified PDF lines cluster just under the column width; the percentile
    ignores headings, short paragraph ends and the odd overfull line.
    """
    lengths = sorted(len(line.text) for line in lines if not line.blank)
    if not lengths:
        return 0
    return lengths[int(0.9 * (len(lengths) - 1))]
