"""Run-in labels a PDF sets in bold at the head of a paragraph.

"**Firm owners treat Party building as a licensing cost.** Branch establishment is
..." comes out of a PDF as lines whose type the reader knows line by line: the label's
line is bold (most of its letters are), the lines after it are not; a line plain by
most of its letters says how many words open it in bold. A paragraph whose
first sentence ends within its bold opening lines, and goes on in plain type, leads
with that sentence, as a Markdown source's bold lead does. A label that fills its lines
("Membership files stay in home villages while drivers spend months on the road.") is
a paragraph of its own after assembly: it leads the plain paragraph under it. (Only
where the body is set in plain type: a bold body marks nothing.)
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.clean.lines import Line
from digest.clean.lists import list_marker
from digest.clean.paragraphs import ITEM_MARKER
from digest.clean.sentences import first_sentence

# A run-in label is a sentence of at most this many words, on at most this many lines.
MAX_LABEL_WORDS = 25
MAX_LABEL_LINES = 3


@dataclass(frozen=True)
class BoldType:
    """A document's lines where bold marks something: read once per document, for the
    paragraphs of every section to look up (``where``: a source number's first line)."""

    lines: list[Line]
    where: dict[int, int]

    @classmethod
    def of(cls, lines: list[Line]) -> BoldType | None:
        """None where no line opens in bold (a text source) or the body itself is bold."""
        printed = [line for line in lines if not line.blank]
        bold = sum(line.bold for line in printed)
        if not (bold or any(line.bold_words for line in printed)) or 2 * bold >= len(printed):
            return None
        where: dict[int, int] = {}
        for index, line in enumerate(lines):
            where.setdefault(line.number, index)
        return cls(lines, where)


def bold_leads(paragraphs: list[Line], bold_type: BoldType | None) -> list[tuple[Line, str | None]]:
    """Each assembled paragraph with its bold run-in label (None without one); a label
    standing alone is joined to the paragraph under it."""
    if bold_type is None:
        return [(paragraph, None) for paragraph in paragraphs]
    lines, where = bold_type.lines, bold_type.where
    found: list[tuple[Line, str | None]] = []
    skip = False
    for position, paragraph in enumerate(paragraphs):
        if skip:
            skip = False
            continue
        bold = _bold_opening(paragraph.number, lines, where)
        # (A list item's or a numbered item's bold lead is read with its marker.)
        marked = list_marker(paragraph.text) or ITEM_MARKER.match(paragraph.text)
        if not bold or marked:
            found.append((paragraph, None))
            continue
        text = paragraph.text
        split = first_sentence(text)
        if split is None:
            # The whole paragraph is the label: it leads the plain paragraph under it.
            following = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
            alone = text.rstrip().endswith(".") and len(text.split()) <= MAX_LABEL_WORDS
            if alone and following and not _bold_opening(following.number, lines, where):
                merged = Line(following.text, paragraph.number, paragraph.indent)
                found.append((merged, text.strip()))
                skip = True
                continue
            found.append((paragraph, None))
            continue
        label, rest = split
        # (The sentence ends inside the bold lines, and the paragraph goes on in plain.)
        inside = len(label) <= len(bold) + 1 and len(text) > len(bold) + 1
        if inside and len(label.split()) <= MAX_LABEL_WORDS:
            found.append((Line(rest, paragraph.number, paragraph.indent), label))
        else:
            found.append((paragraph, None))
    return found


def _bold_opening(number: int, lines: list[Line], where: dict[int, int]) -> str:
    """The text of the bold lines a paragraph opens with (its first source line at
    ``number``), up to the first plain word: "" when its first word is plain."""
    texts: list[str] = []
    index = where.get(number)
    while index is not None and index < len(lines) and len(texts) < MAX_LABEL_LINES:
        line = lines[index]
        index += 1
        if line.blank:
            continue
        if not line.bold:
            # (a line plain by most of its letters may open with bold words)
            if line.bold_words:
                texts.append(" ".join(line.text.split()[: line.bold_words]))
            break
        texts.append(line.text.strip())
    return " ".join(texts)
