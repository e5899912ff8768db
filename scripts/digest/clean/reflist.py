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
_NUMBERED = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}[.)])\s*")


def split_references(lines: list[Line], vocabulary: Vocabulary) -> list[RawReference]:
    content = [line for line in lines if not line.blank]
    marked = any(_BULLET.match(ln.text) or _NUMBERED.match(ln.text) for ln in content)
    entries: list[list[Line]] = []
    for line in content:
        if _starts_entry(line, marked) or not entries:
            text = _BULLET.sub("", line.text)
            entries.append([Line(text, line.number, line.indent)])
        else:
            entries[-1].append(line)
    return [RawReference(join_lines(group, vocabulary), group[0].number) for group in entries]


def _starts_entry(line: Line, marked: bool) -> bool:
    if marked:
        return bool(_BULLET.match(line.text) or _NUMBERED.match(line.text))
    first = line.text[:1]
    return line.indent == 0 and not first.islower() and first not in "—–-"
