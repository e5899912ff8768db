"""Split a reference list into entries, one per reference, joined across wraps.

An entry starts at a list marker (`- `, `[1]`, `1.`); a line without one
continues the entry above. A list with no markers at all has one entry per
line, except lines that are indented or start in lower case or with a dash,
which continue the entry above.

An unmarked list whose hanging indent the PDF tool lost (every line at the margin,
many of them ending mid-sentence) is hard-wrapped: there a line opens an entry only
where a reader sees one begin: the line before ends a sentence, and the line starts
with a name ("Casella, George, ...", "Wang, J. ...", "WANG Jianing ...") or with
capitalised words and a year early on, as author-date entries do.
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
# A line that ends a sentence (or a link): what comes after may be a new entry.
_ENDS_ENTRY = re.compile(r"(?:[.?!]|[.?!][”\"’')\]]|[”\"’')\]]\.|\S+/\S*)$")
# "Surname, Given" / "Surname, I." / "van der Berg, J." / "WANG, J." / "Wang J.N." at a line start.
_NAME_START = re.compile(
    r"^(?:(?:van|von|de|der|den|da|di|du|la|le|del|della)\s+){0,2}"
    r"[A-Z][\w'’\-]*[a-zA-Z](?:\s+[A-Z][\w'’\-]+)?"
    r"(?:,\s+(?:[A-Z][a-z]|[A-Z]\.|[A-Z]{1,3}\b)|\s+[A-Z]{1,3}\.?(?:[A-Z]\.)*[,.]?\s)"
)
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}[a-z]?(?!\d)|\bn\.\s?d\.")
# A list counts as hard-wrapped when this share of its lines end mid-sentence.
_WRAPPED_SHARE = 0.25


def split_references(lines: list[Line], vocabulary: Vocabulary) -> list[RawReference]:
    content = [line for line in lines if not line.blank]
    marked = any(_BULLET.match(ln.text) or _label(ln.text, None) for ln in content)
    wrapped = not marked and _hard_wrapped(content)
    entries: list[list[Line]] = []
    previous: int | None = None
    for line in content:
        label = _label(line.text, previous) if marked else None
        if label is not None:
            previous = label
        if wrapped:
            starts = not entries or _opens_wrapped_entry(line, entries[-1])
        else:
            starts = label is not None or _starts_entry(line, marked) or not entries
        if starts:
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
    follows = previous is not None and previous < number <= previous + 3
    if previous is not None and not follows:
        # "260." under "[11] ... pages 257-": the end of a page range wrapped to the
        # next line, not entry 260; a real entry out of order has a reference after it.
        rest = text[match.end() :].strip()
        if len(rest) < 25 or not rest[:1].isupper():
            return None
    if len(digits) <= _SHORT_LABEL or follows:
        return number
    return None


def _starts_entry(line: Line, marked: bool) -> bool:
    if marked:
        return bool(_BULLET.match(line.text))
    first = line.text[:1]
    return line.indent == 0 and not first.islower() and first not in "—–-"


def _hard_wrapped(content: list[Line]) -> bool:
    """Every line at the margin and many ending mid-sentence: a list wrapped by the
    PDF tool, whose lines are not one entry each."""
    if len(content) < 4 or any(line.indent for line in content):
        return False
    open_ended = sum(1 for line in content[:-1] if not _ENDS_ENTRY.search(line.text))
    return open_ended >= _WRAPPED_SHARE * (len(content) - 1)


def _opens_wrapped_entry(line: Line, entry: list[Line]) -> bool:
    text = line.text
    if not _ENDS_ENTRY.search(entry[-1].text):
        return False
    if not any(_YEAR.search(part.text) for part in entry):
        return False  # the entry so far has no year: it has not reached its end
    if _NAME_START.match(text):
        return True  # also "van der Berg, A." in lower case
    if not text[:1].isupper():
        return False
    # Capitalised words and a year early on: "World Bank. 2019. Title ..."
    head = text[:60]
    return bool(_YEAR.search(head)) and not re.match(r"^[A-Z][^.,:;]*\d", text)
