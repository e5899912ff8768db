"""Repair words whose line-end hyphen was lost or kept wrongly.

The only authority is the document's own vocabulary: if "self-government"
occurs in the text, a "selfgovernment" that straddles a line break is the same
word with its hyphen lost. No word list is consulted, so the rule carries over
to any text in any field.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from digest.clean.lines import Line

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_PLAIN_WORD = re.compile(r"[A-Za-z]+")


@dataclass
class Vocabulary:
    """Lower-cased word counts of one document, hyphenated compounds included."""

    counts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_lines(cls, lines: list[Line]) -> Vocabulary:
        """Count words, leaving out a line-final fragment ("grass-") that is not a word."""
        counts: Counter[str] = Counter()
        for line in lines:
            text = line.text[:-1] if line.text.endswith("-") else line.text
            counts.update(word.lower() for word in _WORD.findall(text))
        return cls(counts)

    def has(self, word: str) -> bool:
        return self.counts[word.lower()] > 0


def join_hyphenated(left: str, right: str, vocabulary: Vocabulary) -> str:
    """Join a line ending in "left-" with a line starting "right...".

    Keep the hyphen (grass-roots) unless only the closed form (government) is
    attested in the document; when neither is, keep it, because dropping a
    real hyphen loses information while keeping a soft one does not.
    """
    left_word = _trailing_word(left)
    right_word = _leading_word(right)
    if left_word and right_word:
        closed = left_word + right_word
        hyphenated = f"{left_word}-{right_word}"
        if vocabulary.has(closed) and not vocabulary.has(hyphenated):
            return left[:-1] + right
    return left + right


def split_overfull_lines(lines: list[Line], width: int, vocabulary: Vocabulary) -> list[Line]:
    """Undo the PDF extractor's habit of gluing a line onto the one before it.

    When a hyphen at a line end is lost, some extractors join the two lines:
    the result is a line far wider than the column, with a closed compound
    ("grassroots", "selfgovernment") standing where the column ended. If the
    hyphenated form of that compound is in the document, split there and give
    back the hyphen; the ordinary joining rule then rebuilds the sentence.
    """
    if width <= 0:
        return lines
    repaired: list[Line] = []
    for line in lines:
        parts = _split_once(line, width, vocabulary) if len(line.text) > width * 1.3 else None
        if parts is None:
            repaired.append(line)
        else:
            repaired.extend(split_overfull_lines(parts, width, vocabulary))
    return repaired


def _split_once(line: Line, width: int, vocabulary: Vocabulary) -> list[Line] | None:
    best: tuple[int, int] | None = None  # (distance from the column edge, split offset)
    for match in _PLAIN_WORD.finditer(line.text):
        start, word = match.start(), match.group()
        if start > width + 5 or match.end() < width * 0.6:
            continue
        for cut in range(2, len(word) - 1):
            if vocabulary.has(f"{word[:cut]}-{word[cut:]}"):
                offset = start + cut
                distance = abs(offset - width)
                if best is None or distance < best[0]:
                    best = (distance, offset)
    if best is None:
        return None
    offset = best[1]
    return [
        Line(line.text[:offset] + "-", line.number, line.indent),
        Line(line.text[offset:], line.number, 0),
    ]


def _trailing_word(text: str) -> str:
    match = re.search(r"([A-Za-z]+)-$", text[-200:])  # the tail only: linear on long text
    return match.group(1) if match else ""


def _leading_word(text: str) -> str:
    match = re.match(r"[A-Za-z]+", text)
    return match.group() if match else ""
