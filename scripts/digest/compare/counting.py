"""Sentences, clauses, and the counts a sentence makes ("three causes stand out").

Every reader of items asks the same few questions of text: where its sentences end,
what its first clause is (an item's label), and whether a sentence counts n things of
a kind, so that a lead-in's count can say how many points follow and which kind.
"""

from __future__ import annotations

import re

from digest.clean.sentences import first_sentence
from digest.compare.kinds import announced_kind

_CLAUSE_END = re.compile(r"[.;:!?](?=\s|$)")


_MAX_LABEL_WORDS = 20


def sentence_counts(sentence: str) -> list[int]:
    """The numbers of things a whole sentence counts (counted_at_close), in order."""
    words = len(sentence.split())
    return [n for n in COUNT_WORDS if counted_at_close(sentence, n, closing_words=words)]


def sentences_of(text: str) -> list[str]:
    """The text's sentences, a colon closing one ("... stand out: A; B; and C" is
    two): where a lead-in counts what follows."""
    return re.split(r"(?<=[.:!?])\s+", text.strip())


def last_sentence(text: str) -> str:
    return sentences_of(text)[-1]


# A count of a few things, in words or figures: what lead-ins count their points by.
COUNT = r"(?:two|three|four|five|six|seven|[2-7])"
ANY_COUNT = re.compile(rf"\b(?:{COUNT}|a pair|a couple)\b", re.I)


def counts_in_words(sentence: str, number: int) -> bool:
    """Does the sentence count ``number`` things in words ("three things", "Three of
    them")?"""
    count = COUNT_WORDS.get(number)
    return count is not None and re.search(rf"\b{count}\s+[a-z]", sentence, re.I) is not None


def count_kind(sentence: str, number: int) -> str | None:
    """The kind a sentence names right after counting ``number`` things ("three
    shortcomings", "3 further causes"), if it does."""
    count = COUNT_WORDS.get(number)
    if count is None:
        return None
    named = re.search(rf"\b(?:{count}|{number})\s+(?:[\w’'-]+\s+)?\w+", sentence, re.I)
    return announced_kind(named.group(0)) if named else None


def what_it_counts(sentence: str) -> tuple[int, str] | None:
    """(how many, of which kind) for the first count in the whole sentence that names its
    kind ("Four difficulties recur in our material.", "three proposals follow from ...")."""
    for number in sentence_counts(sentence):
        kind = count_kind(sentence, number)
        if kind is not None:
            return number, kind
    return None


def first_sentence_of(text: str) -> str:
    split = first_sentence(text)
    return split[0] if split else text


# A paragraph leading in to what it counts ends on the count: "Beneath the displays,
# however, four shortfalls recur in our material."
_CLOSING_WORDS = 7


def counted_at_close(text: str, number: int, *, closing_words: int = _CLOSING_WORDS) -> bool:
    """Whether a paragraph's last words count ``number`` things, leading on to them
    ("... four shortfalls recur in our material."), the count no quantity of a point's
    own ("fewer than three members", "two or three times a year", the "three meetings
    and one lesson")."""
    count = COUNT_WORDS.get(number)
    if count is None:
        return False
    closing = " ".join(text.split()[-closing_words:])
    counted = (
        rf"(?<!than )(?<!or )(?<!to )(?<!and )(?<![“\"])"
        rf"\b(?:{count}|{number})\s+(?!or\b|to\b)[a-z]"
    )
    return re.search(counted, closing, re.I) is not None


# "Behind these shortcomings lie three causes: the Party organisation has no standing
# ...; owners have no incentive ...; qualified instructors are scarce." A count, a colon,
# and as many clauses parted by semicolons: a series whose markers were never printed,
# or were lost with a font that had no glyph for them.
SERIES_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


COUNT_WORDS = {number: word for word, number in SERIES_COUNT.items()}


# "The third reason is cultural rather than institutional: the boom has loosened ...":
# a word or two that class the point, and after the colon the point itself.
_CHARACTERISATION = re.compile(r"(?:[\w’'-]+,? ){0,3}[\w’'-]+:\s+(?=\S)")


def past_characterisation(text: str) -> str:
    match = _CHARACTERISATION.match(text)
    return text[match.end() :] if match and len(text) - match.end() > 40 else text


def first_clause(text: str) -> str:
    end = _CLAUSE_END.search(text)
    clause = text[: end.start()] if end else text
    words = clause.split()
    if len(words) > _MAX_LABEL_WORDS:
        comma = clause.find(", ", len(" ".join(words[:6])))
        clause = clause[:comma] if comma > 0 else " ".join(words[:_MAX_LABEL_WORDS]) + " …"
    return clause.strip().rstrip(",")
