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

from digest.clean.lines import BREAK_MARK, Line

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_PLAIN_WORD = re.compile(r"[A-Za-z]+")
# No printed line is wider than this many characters; a text whose lines are is not
# hard-wrapped. An extractor joins a few printed lines at most, never a paragraph.
MAX_PRINTED_WIDTH = 200
MAX_JOINED_LINES = 4
# A part of a compound as short as "as", "in" or "re" proves nothing by being a word.
MIN_PART = 3
_MARKED_BREAK = re.compile(rf"([A-Za-z]+){BREAK_MARK}([A-Za-z]+)")


@dataclass
class Vocabulary:
    """Lower-cased word counts of one document, hyphenated compounds included."""

    counts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_lines(cls, lines: list[Line]) -> Vocabulary:
        """Count words, leaving out the fragments of a word broken at a line end:
        "grass-" at the end of one line and "roots" at the start of the next."""
        counts: Counter[str] = Counter()
        broken = False
        for line in lines:
            text = line.text
            if BREAK_MARK in text:  # halves of a broken word are no words
                text = _MARKED_BREAK.sub(" ", text)
            words = _WORD.findall(text)
            if text.endswith("-") and words and text[:-1].endswith(words[-1]):
                words = words[:-1]
            if broken and words and text.startswith(words[0]):
                words = words[1:]
            counts.update(map(str.lower, words))
            broken = line.text.endswith("-") or (broken and line.blank)
        return cls(counts)

    def has(self, word: str) -> bool:
        return self.counts[word.lower()] > 0


def join_hyphenated(left: str, right: str, vocabulary: Vocabulary) -> str:
    """Join a line ending in "left-" with a line starting "right...".

    The document decides: the hyphen stays when the document writes the word
    hyphenated (grass-roots) at least as often as closed, goes when it writes it
    closed more often (government; grassroots, with one "Grass-Roots" in a
    title). When it writes neither, the hyphen stays only if a part is a
    word of the document on its own (self-government, urban-rural), and not a
    short one ("as-" + "signed"): "Serv-" + "ing" and "gover-" + "nance" are one
    word that the line end split.
    """
    left_word = _trailing_word(left)
    right_word = _leading_word(right)
    if left_word and right_word:
        closed = vocabulary.counts[(left_word + right_word).lower()]
        hyphenated = vocabulary.counts[f"{left_word}-{right_word}".lower()]
        parts = any(
            len(part) >= MIN_PART and vocabulary.has(part) for part in (left_word, right_word)
        )
        if closed > hyphenated or (not hyphenated and not parts):
            return left[:-1] + right
    return left + right


def mend_marked_breaks(lines: list[Line], vocabulary: Vocabulary) -> list[Line]:
    """Join the halves of words an extractor marked as broken at a line end but
    printed on one line ("short\ufffeterm"), keeping the hyphen as
    ``join_hyphenated`` would at a line end."""
    mended: list[Line] = []
    for line in lines:
        if BREAK_MARK not in line.text:
            mended.append(line)
            continue

        def join(match: re.Match[str]) -> str:
            return join_hyphenated(match.group(1) + "-", match.group(2), vocabulary)

        text = _MARKED_BREAK.sub(join, line.text).replace(BREAK_MARK, "")
        mended.append(Line(text, line.number, line.indent, line.page, joined=True))
    return mended


def split_overfull_lines(lines: list[Line], width: int, vocabulary: Vocabulary) -> list[Line]:
    """Undo the PDF extractor's habit of gluing a line onto the one before it.

    When a hyphen at a line end is lost, some extractors join the two lines:
    the result is a line far wider than the column, with a closed compound
    ("grassroots", "selfgovernment") standing where the column ended. If the
    hyphenated form of that compound is in the document, split there and give
    back the hyphen; the ordinary joining rule then rebuilds the sentence.
    """
    if width <= 0 or width > MAX_PRINTED_WIDTH:
        return lines  # not hard-wrapped: a paragraph per line has no column to overrun
    repaired: list[Line] = []
    for line in lines:
        joined = width * 1.3 < len(line.text) <= width * MAX_JOINED_LINES
        parts = _split_once(line, width, vocabulary) if joined else None
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
