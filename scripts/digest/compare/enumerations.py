"""Items told in ordinal prose, and counted series in one sentence.

"First, ... Second, ... Finally, ...", "One is ... Another is ...", "To begin with,
... Moreover, ...", "on the one hand ... on the other" opening two paragraphs, ordinals
inside one sentence ("It shows, first, that ...; second, that ..."), a first point
counted in passing ("The branch should first be rebuilt ..."), and a count before a
colon with as many clauses after it ("three causes: A; B; and C"). Each gives an item
labelled by its first clause (gold source ``enumeration``).
"""

from __future__ import annotations

import re

from digest.clean.sentences import starts_lowercase
from digest.compare.counting import (
    ANY_COUNT,
    COUNT,
    SERIES_COUNT,
    first_clause,
    first_sentence_of,
    past_characterisation,
)
from digest.compare.outline import Section, counted_item
from digest.model import Item

# "The first is ...", or with the point's noun: "The first lesson is that ...", "The
# second reason lies in ...", "The first one is ...".
_POINT_IS = (
    r"(?:[a-z]+ )?(?:one )?(?:is|lies|rests|stems|arises)\b(?: that\b| in\b| from\b| on\b| to\b)?"
)


# An ordinal word closes with a comma, or with a colon or a dash ("Second — the
# meetings ignore ...", "Finally: ...").
CLOSE = r"(?:,|:|\s*[—–])"


# ("The deepest cause is that ...", "The main reason lies in ...": the point put first.)
_FOREMOST = (
    r"(?:deepest|main|chief|principal|primary|biggest|greatest|most basic|most important"
    r"|most immediate|most urgent"
    r"|most fundamental|most obvious|most serious|most pressing|root|central|underlying)"
)


FIRST = (
    rf"(?:First(?:ly)?{CLOSE}|First of all,|One {_POINT_IS}|(?:The|A) first {_POINT_IS}|"
    rf"The {_FOREMOST} {_POINT_IS}|"
    r"In the first place,|To begin with,|To start with,|For a start,|For one thing,)"
)


# ("Third and finally,", "Second, and more importantly,")
_AND_LAST = r"(?:,? and (?:finally|lastly|last|(?:perhaps )?most importantly|more importantly))?"


NEXT = (
    rf"(?:(?:Second|Third|Fourth|Fifth|Sixth)(?:ly)?{_AND_LAST}{CLOSE}|"
    rf"Finally{CLOSE}|Lastly{CLOSE}|Last,|Next,|Above all,|Most important of all,|"
    r"In the (?:second|third|fourth|fifth|last) place,|"
    rf"Last but not least,|(?:Yet )?[Aa]nother {_POINT_IS}|In addition,|Additionally,|"
    r"For another(?: thing)?,|"
    r"Moreover,|Furthermore,|Further,|Besides,|What is more,|What’s more,|What's more,|"
    r"Beyond this,|Beyond that,|At the same time,|On top of this,|Added to this,|Added to that,|"
    rf"(?:The|A) (?:second|third|fourth|fifth|sixth|last|final|further|other) {_POINT_IS}|"
    # after a semicolon, in one sentence: "One is ...; another is ...; a third is ..."
    rf"another {_POINT_IS}|(?:a|the) (?:second|third|fourth|fifth|sixth|last|final|further|other) "
    rf"{_POINT_IS})"
)


# Words that add a point where a paper does not count its points, and add to a point
# where it does ("Secondly, ... Moreover, ..." goes on with the second point).
ADDING = re.compile(
    r"In addition,|Additionally,|Moreover,|Furthermore,|Further,|Besides,|"
    r"What is more,|What’s more,|What's more,|Beyond this,|Beyond that,|At the same time,|"
    r"On top of this,|Added to this,|Added to that,"
)


_COUNTED = re.compile(
    r"Second|Third|Fourth|Fifth|Sixth|(?:The|the|A|a) (?:second|third|fourth|fifth|sixth)|"
    r"In the (?:second|third|fourth|fifth) place"
)


SENTENCE_START = r"(?:(?<=^)|(?<=[.;!?]\s)|(?<=[.;!?][”\"]\s))"


ORDINAL = re.compile(rf"{SENTENCE_START}(?P<marker>{FIRST}|{NEXT})\s*")


# Inside a paragraph "on the one hand ... on the other" weighs two sides of one point;
# opening two paragraphs, they are two points.
_PARAGRAPH_ORDINAL = re.compile(r"^(?P<marker>On the one hand,|On the other hand,)\s*")


# A run-in head that only counts: "The first lies in ...", "Second, ...".
# The ordinals, in order, that the readers below count by.
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth")


ORDINAL_LEAD = re.compile(rf"(?:the |a )?(?:{'|'.join(_ORDINAL_WORDS)}|last|another|one)\b", re.I)


def ordinal_value(item: Item) -> int:
    """3 for "The third leaves the branch without a partner", 1 for "One is ...", 0 for
    "Another is ..." or "The last ..."."""
    match = ORDINAL_LEAD.match(item.label)
    word = match.group(0).lower().split()[-1] if match else ""
    if word == "one":
        return 1
    return _ORDINAL_WORDS.index(word) + 1 if word in _ORDINAL_WORDS else 0


def points_after(section: Section, kind: str, last: int) -> list[Item]:
    """The paragraphs right after the one at ``last`` that each open on an ordinal
    adding a point ("In addition, ...", "A further problem is that ...")."""
    points: list[Item] = []
    for index, paragraph in section.paragraphs:
        if index <= last or paragraph.lead or paragraph.marker or paragraph.list:
            continue
        match = re.match(NEXT, paragraph.text)
        if match is None:
            break
        label = first_clause(paragraph.text[match.end() :].lstrip())
        points.append(
            counted_item(section, kind, "enumeration", 0, index, 0, label, paragraph.text)
        )
    return points


# Ordinals inside one sentence, each after a comma or semicolon: "It shows, first, that a
# branch can lead ...; second, that returning operators ...; and third, that ...".
_CLAUSE_ORDINAL = re.compile(
    rf"(?<=[,;]\s)(?:and\s+)?(?P<marker>{'|'.join(_ORDINAL_WORDS)}|finally|lastly),"
    r"\s+(?:that\s+)?"
)


def clause_ordinal_items(section: Section, kind: str) -> list[Item]:
    """Items counted by ordinals inside one sentence, "first" to the last, in order."""
    for index, paragraph in section.paragraphs:
        marks = list(_CLAUSE_ORDINAL.finditer(paragraph.text))
        words = [match.group("marker") for match in marks]
        expected = list(_ORDINAL_WORDS[: len(words)])
        if words[-1:] in (["finally"], ["lastly"]):
            expected[-1] = words[-1]
        if len(marks) < 2 or words != expected:
            continue
        items = []
        for number, match in enumerate(marks):
            end = marks[number + 1].start() if number + 1 < len(marks) else len(paragraph.text)
            passage = paragraph.text[match.start() : end]
            label = first_clause(paragraph.text[match.end() : end])
            items.append(
                counted_item(
                    section, kind, "enumeration", number, index, match.start(), label, passage
                )
            )
        return items
    return []


# "... can be summarised on several sides. On the one hand, the branch ..." inside a
# paragraph whose break before it the text lost.
_ONE_HAND_INSIDE = re.compile(rf"{SENTENCE_START}(?P<marker>On the one hand,)\s*")


def _one_hand_before(
    section: Section, opening: list[tuple[int, re.Match[str]]]
) -> list[tuple[int, re.Match[str]]]:
    """ "On the one hand" inside the paragraph before one that opens "On the other hand":
    the first of the two points, where plain text lost the paragraph break before it
    (inside one paragraph with its "other hand", it weighs one point)."""
    paragraphs = dict(section.paragraphs)
    indexes = [index for index, _ in section.paragraphs]
    found = []
    for index, match in opening:
        position = indexes.index(index)
        if not match.group("marker").startswith("On the other") or position == 0:
            continue
        before = indexes[position - 1]
        text = paragraphs[before].text
        inside = [m for m in _ONE_HAND_INSIDE.finditer(text) if m.start() > 0]
        if len(inside) == 1 and "On the other hand" not in text[inside[0].end() :]:
            found.append((before, inside[0]))
    return found


# "The branch should first be rebuilt around ...", then "Second, ...": the first point
# counted in passing, by an adverb inside its sentence.
_PASSING_FIRST = re.compile(
    r"\b(?:should|must|needs? to|ought to|has to|have to|will|would|can)\s+first\b"
    r"|\bfirst and foremost\b"
)


_NO_MARKER = re.compile(r"(?P<marker>)")


def _first_in_passing(
    section: Section, marks: list[tuple[int, re.Match[str]]]
) -> list[tuple[int, re.Match[str]]]:
    """The paragraph before one opening "Second," when its first sentence counts itself
    first in passing: point one, with no marker printed."""
    if (
        not marks
        or marks[0][1].start() != 0
        or not re.match(r"Second(?:ly)?\b", marks[0][1].group("marker"))
    ):
        return []
    indexes = [index for index, _ in section.paragraphs]
    position = indexes.index(marks[0][0])
    if position == 0:
        return []
    before = indexes[position - 1]
    text = dict(section.paragraphs)[before].text
    match = _NO_MARKER.match(text)
    if match is None or not _PASSING_FIRST.search(first_sentence_of(text)):
        return []
    return [(before, match)]


def enumerated_items(section: Section, kind: str) -> list[Item]:
    marks = [
        (index, match)
        for index, paragraph in section.paragraphs
        for match in ORDINAL.finditer(paragraph.text)
    ]
    opening = [
        (index, match)
        for index, paragraph in section.paragraphs
        if (match := _PARAGRAPH_ORDINAL.match(paragraph.text))
    ]
    opening += _one_hand_before(section, opening)
    if len(opening) >= 2:
        marks = sorted(marks + opening, key=lambda mark: (mark[0], mark[1].start()))
    if any(_COUNTED.match(match.group("marker")) for _, match in marks[1:]):
        # A paper that counts its points ("Secondly", "The third is") adds to one of
        # them with "In addition": only where it does not count does that start a point.
        marks = [
            (index, match) for index, match in marks if not ADDING.match(match.group("marker"))
        ]
    passing = _first_in_passing(section, marks)
    marks = passing + marks
    first = marks[0][1].group("marker") if marks else ""
    if len(marks) < 2 or not (re.match(FIRST, first) or _PARAGRAPH_ORDINAL.match(first) or passing):
        return []
    items: list[Item] = []
    for number, (index, match) in enumerate(marks):
        text = dict(section.paragraphs)[index].text
        following = marks[number + 1] if number + 1 < len(marks) else None
        if following and following[0] == index:
            passage = text[match.start() : following[1].start()]
        else:
            passage = text[match.start() :]
            stop = following[0] if following else None
            for later, paragraph in section.paragraphs:
                if later > index and (stop is None or later < stop):
                    passage += " " + paragraph.text
            if following:
                passage += " " + dict(section.paragraphs)[following[0]].text[: following[1].start()]
        label = first_clause(past_characterisation(text[match.end() :]))
        items.append(
            counted_item(section, kind, "enumeration", number, index, match.start(), label, passage)
        )
    return items


# ("three causes stand out:", "came as a pair:")
_ANNOUNCED_COUNT = re.compile(
    rf"\b(?:(?P<count>{COUNT})\s+(?:[\w’'-]+,?\s+){{0,10}}?[\w’'-]+"
    # (a full-width colon keeps its own space: "Three practices made the difference：...")
    r"|a (?P<pair>pair|couple))(?::(?:\s+|$)|：\s*)",
    re.I,
)


def announced_series(section: Section, kind: str) -> list[Item]:
    """The clauses of the first series whose count matches its semicolons: a count
    that does not match ("two reasons: ...; ...; ...") is prose, and no item."""
    for position, (index, paragraph) in enumerate(section.paragraphs):
        # (each count tried where it stands: "Looking across the five villages, three
        # causes stand out: ..." counts three)
        starts = (m.start() for m in ANY_COUNT.finditer(paragraph.text))
        for match in filter(None, (_ANNOUNCED_COUNT.match(paragraph.text, at) for at in starts)):
            count = (match.group("count") or "2").lower()
            wanted = SERIES_COUNT.get(count) or int(count)
            block, rest, start = index, paragraph.text[match.end() :], match.end()
            if not rest and position + 1 < len(section.paragraphs):
                # (The series went on in a paragraph of its own: a page or column cut.)
                block, following = section.paragraphs[position + 1]
                if not starts_lowercase(following.text):
                    continue
                rest, start = following.text, 0
            end = re.search(r"[.!?](?=\s+[A-Z“\"]|\s*$)", rest)
            series = rest[: end.start()] if end else rest
            parts = re.split("[;；]", series)
            if len(parts) != wanted and re.match(r"\s*that\s", series):
                # "two things that travel well: that a branch earns ..., and that
                # volunteering endures ...": clauses each opening on "that"
                parts = re.split(r"(?<=[,;])\s+(?=(?:and\s+)?that\s)", series)
            if len(parts) != wanted or any(len(part.split()) < 3 for part in parts):
                continue
            items, offset = [], start
            for number, part in enumerate(parts):
                clause = re.sub(r"^\s*(?:and|or)\s+", "", part).strip()
                clause = re.sub(r"^that\s+", "", clause).rstrip(",")
                at = offset + part.find(clause)
                label = first_clause(clause)
                items.append(
                    counted_item(section, kind, "enumeration", number, block, at, label, clause)
                )
                offset += len(part) + 1
            return items
    return []
