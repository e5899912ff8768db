"""What counts as the end of a sentence, shared by the paragraph and heading rules."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

_CLOSERS = "\"'”’)]»"
_STOPS = ".!?"
_TERMINALS = _STOPS + ":"
# A note's mark or a citation's numbers set after a sentence's stop ("evening.[^2]",
# "as the county found.[12]"): still that sentence's.
NOTE_MARK = r"(?:\[\^[^\]\s]{1,12}\]|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\])"
# A first sentence: up to the first full stop that is followed by a capital.
_FIRST_SENTENCE = re.compile(rf"^(.+?[.!?])[”\"’']?{NOTE_MARK}?\s+(?=[“\"‘'(]?[A-Z])")


def ends_sentence(text: str, *, lead_in: bool = True) -> bool:
    """True when a line ends the way a sentence (or, with ``lead_in``, a lead-in colon)
    ends."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in (_TERMINALS if lead_in else _STOPS)


# Words that open a sentence and that prose never capitalises inside one.
FUNCTION_OPENERS = (
    "A An The In On At By For With From Each Every This These Its Their Since When While"
    " Although After Before Under Through Where Most Many Some"
).split()


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


def opening_capitals(lines: Iterable[str]) -> frozenset[str]:
    """Words the text capitalises only where a sentence opens: written in lower case
    somewhere ("annual"), and capitalised after a lower-case word, as a name is ("the
    Party", "Shinan District"), never or far more rarely than written in lower case
    (a heading run into its text capitals a word once or twice: "... courtyard
    branches The street should ..."). Where such a word follows a lower-case word
    ("3.1.2 Care workers who come and go Annual turnover ..."), a sentence starts."""
    lower: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for line in lines:
        words = line.split()
        for before, word in pairwise(words):
            if word[:1].islower():
                lower[word.strip('.,;:!?”’")(')] += 1
            elif word[:1].isupper() and before[-1:].isalpha() and before[-1:].islower():
                named[word.strip('.,;:!?”’")(')] += 1
    openers = set()
    for word, count in lower.items():
        if not word[:1].isalpha():
            continue
        capitalised = word[:1].upper() + word[1:]
        as_name = named[capitalised]
        if not as_name or count >= max(_MIN_LOWER_OVER_NAMED, _LOWER_OVER_NAMED * as_name):
            openers.add(capitalised)
    return frozenset(openers)


# A word capitalised inside a sentence now and then is still no name when the text
# writes it in lower case this many times as often (and at least twice).
_LOWER_OVER_NAMED = 3
_MIN_LOWER_OVER_NAMED = 2
