"""What counts as the end of a sentence, shared by the paragraph and heading rules."""

from __future__ import annotations

import re
from itertools import pairwise

_CLOSERS = "\"'”’)]»"
_TERMINALS = ".!?:"
# A first sentence: up to the first full stop that is followed by a capital.
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])[”\"’']?\s+(?=[“\"‘'(]?[A-Z])")


def ends_sentence(text: str) -> bool:
    """True when a line ends the way a sentence (or a lead-in colon) ends."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINALS


def first_word(text: str) -> str:
    """The first space-delimited word of a line (what a justified line could not fit)."""
    return text.split(" ", 1)[0] if text else ""


def first_sentence(text: str) -> tuple[str, str] | None:
    """Split off the first sentence, or None when the text is one sentence."""
    match = _FIRST_SENTENCE.match(text)
    if not match:
        return None
    return match.group(1).strip(), text[match.end() :].strip()


def starts_lowercase(text: str) -> bool:
    """A line that starts in lower case continues the sentence before it."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch not in "“\"‘'(":
            return False
    return False


def set_in_capitals(text: str, min_letters: int = 1) -> bool:
    """Every letter of the line a capital, and at least ``min_letters`` of them: how
    running heads and some papers' headings are set, and prose never is."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= min_letters and all(ch.isupper() for ch in letters)


def opening_capitals(lines: list[str]) -> frozenset[str]:
    """Words the text capitalises only where a sentence opens: written in lower case
    somewhere ("annual"), and never capitalised after a lower-case word, as a name is
    ("the Party", "Shinan District"). Where such a word follows a lower-case word
    ("3.1.2 Care workers who come and go Annual turnover ..."), a sentence starts."""
    lower: set[str] = set()
    named: set[str] = set()
    for line in lines:
        words = line.split()
        for before, word in pairwise(words):
            if word[:1].islower():
                lower.add(word.strip('.,;:!?”’")('))
            elif word[:1].isupper() and before[-1:].isalpha() and before[-1:].islower():
                named.add(word.strip('.,;:!?”’")('))
    capitals = {word[:1].upper() + word[1:] for word in lower if word[:1].isalpha()}
    return frozenset(capitals - named)
