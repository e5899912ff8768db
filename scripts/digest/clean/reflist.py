"""Split a reference list into entries, one per reference, joined across wraps.

An entry starts at a list marker (`- `, `[1]`, `1.`); a line without one
continues the entry above. A list with no markers at all has one entry per
line, except lines that are indented or start in lower case or with a dash,
which continue the entry above.
"""

from __future__ import annotations

import re

from digest.clean.hyphenation import Vocabulary
from digest.clean.lines import Line
from digest.clean.paragraphs import join_lines
from digest.model import RawReference

_BULLET = re.compile(r"^[-*•·]\s+")
_NUMBERED = re.compile(r"^(?:\[(\d{1,5})\]|(\d{1,5})[.)])\s*")
# Up to this many digits a label is a label; longer ones ("2016.") only when they
# continue the list's own count, so a wrapped line starting with a year stays joined.
_SHORT_LABEL = 3


def split_references(lines: list[Line], vocabulary: Vocabulary) -> list[RawReference]:
    content = [line for line in lines if not line.blank]
    marked = any(_BULLET.match(ln.text) or _label(ln.text, None) for ln in content)
    entries: list[list[Line]] = []
    previous: int | None = None
    for line in content:
        label = _label(line.text, previous) if marked else None
        if label is not None:
            previous = label
        if label is not None or _starts_entry(line, marked) or not entries:
            text = _BULLET.sub("", line.text)
            entries.append([Line(text, line.number, line.indent)])
        else:
            entries[-1].append(line)
    return [RawReference(join_lines(group, vocabulary), group[0].number) for group in entries]


def _label(text: str, previous: int | None) -> int | None:
    """The number of a list label that opens an entry (``[12]``, ``12.``), or None."""
    match = _NUMBERED.match(text)
    if not match:
        return None
    digits = match.group(1) or match.group(2)
    number = int(digits)
    if len(digits) <= _SHORT_LABEL or (previous is not None and number == previous + 1):
        return number
    return None


def _starts_entry(line: Line, marked: bool) -> bool:
    if marked:
        return bool(_BULLET.match(line.text))
    first = line.text[:1]
    return line.indent == 0 and not first.islower() and first not in "—–-"
