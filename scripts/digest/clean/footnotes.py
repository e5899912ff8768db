"""Footnotes: the notes at a page's foot, moved out of the running text.

A footnote's text sits at the bottom of its page, or of its column after a
finished sentence (a two-column page's left column ends mid-page), or, with no
page breaks known, on a line of its own. It opens with its number: on a line of
its own ("6"), before the text ("6 Figures are ..."), or glued to it ("6Figures
are ..."), as extractors print a superscript. It is a footnote only when the text
before it carries the matching mark, a number glued to the end of a word
("residents.6 Of"). Taken out of the flow, it no longer splits the paragraph
that runs across the page break, and it is kept as a note, not lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.clean.lines import Line
from digest.clean.sentences import ends_sentence, starts_lowercase

# How far from the bottom of a page a footnote may start, in non-blank lines.
PAGE_FOOT_LINES = 12
MAX_NOTE_LINES = 4
# A note's first line is at least this share of its longest one.
FULL_FIRST_LINE = 0.6
# How many lines before its note a mark may stand.
MARK_REACH = 60
_LABEL = re.compile(r"^(\d{1,2})(?:\s+|(?=[A-Z“\"]))(.*)$")
_ALONE = re.compile(r"^(\d{1,2})$")


@dataclass(frozen=True)
class Note:
    label: str
    text: str
    line: int


def mark_pattern(label: str) -> re.Pattern[str]:
    """The mark of note ``label`` in the text: its number glued to a word's end."""
    # Not a decimal ("72.5" carries no mark 5), nor a section's number ("C.2"); but
    # a sentence that ends on a year carries one ("... in 2018.1 At the same time").
    glued = rf"(?<=[A-Za-z.,;:)”’\"])(?<!\d[.,])(?<!\b[A-Z]\.){label}(?=[\s.,;:)]|$)"
    after_year = rf"(?<=\b(?:19|20)\d\d\.){label}(?=\s|$)"
    return re.compile(f"{glued}|{after_year}")


def has_mark(text: str, label: str) -> bool:
    """Does the text carry the mark of note ``label``?"""
    return mark_pattern(label).search(text) is not None


def extract_footnotes(
    lines: list[Line], keep: frozenset[int] = frozenset()
) -> tuple[list[Line], list[Note]]:
    """The lines without footnotes, and the footnotes in the order of their labels' lines.
    ``keep``: source lines known to be no note (headings the type marks)."""
    notes: list[Note] = []
    drop: set[int] = set()
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if not line.blank:
            pages.setdefault(line.page, []).append(index)
    paged = len(pages) > 1
    position_in_page: dict[int, int] = {}
    for indexes in pages.values():
        for rank, index in enumerate(reversed(indexes)):
            position_in_page[index] = rank
    index = 0
    seen: list[str] = []
    noted: dict[str, int] = {}  # label -> how many lines had been seen when its note was taken
    while index < len(lines):
        line = lines[index]
        if line.blank or index in drop:
            index += 1
            continue
        found = _notes_at(lines, index)
        if paged:  # a note's text stands on its label's page
            found = [
                (label, taken)
                for label, taken in found
                if all(lines[i].page == line.page for i in taken)
            ]
            if not found and _ALONE.match(line.text):
                found = _note_before(lines, index, drop)
        found = [
            (label, taken)
            for label, taken in found
            if not _opens_with_title(lines, taken)
            and not any(lines[i].number in keep for i in taken)
        ]
        # (Most lines open no note: where a note may stand is asked only of those that do.)
        near_foot = bool(found) and (
            not paged
            or position_in_page.get(index, 99) < PAGE_FOOT_LINES
            or _after_sentence(lines, index)
            or _glued_label(line.text)
        )
        if near_foot and all(_marked(seen, label, noted) for label, _ in found):
            for label, taken in found:
                noted[label] = len(seen)
                text = " ".join(lines[i].text for i in taken)
                text = re.sub(rf"^{label}\s*", "", text)
                notes.append(Note(label, text, lines[taken[0]].number))
                drop.update(taken)
            index = max(i for _, taken in found for i in taken) + 1
            continue
        seen.append(line.text)
        index += 1
    return [line for i, line in enumerate(lines) if i not in drop], notes


def _opens_with_title(lines: list[Line], taken: list[int]) -> bool:
    """Does the would-be note open on a short line above longer ones that start a
    sentence? That is a numbered heading ("3 Collaboration") over its section's
    first sentence; a note's wrapped lines fill the width from its first."""
    texts = [lines[i].text for i in taken if not _ALONE.match(lines[i].text)]
    if len(texts) < 2 or starts_lowercase(texts[1]):
        return False  # ("The 5th" / "relation is ...": a superscript broke the line)
    return len(texts[0]) < FULL_FIRST_LINE * max(len(text) for text in texts[1:])


def _glued_label(text: str) -> bool:
    """Does the line open with a label glued to a capital ("1Interviews were")? That is
    a superscript as extractors print it, wherever the column's foot fell: prose
    never glues a number to its next word."""
    return re.match(r"\d{1,2}[A-Z“\"]", text) is not None


def _after_sentence(lines: list[Line], index: int) -> bool:
    """Does the line follow a finished sentence? A two-column page sets a column's
    notes at the column's foot, which is the middle of the page's text."""
    previous = next((lines[i] for i in range(index - 1, -1, -1) if not lines[i].blank), None)
    return previous is not None and ends_sentence(previous.text)


def _marked(seen: list[str], label: str, noted: dict[str, int]) -> bool:
    """Is note ``label`` marked in the text just read, after any note that already
    took the label? One mark gives one note: a page number "2" over a reference
    entry is no second note 2 of the mark that note 2 answered."""
    start = max(len(seen) - MARK_REACH, noted.get(label, 0))
    return has_mark(" ".join(seen[start:]), label)


def _note_before(lines: list[Line], index: int, taken: set[int]) -> list[tuple[str, list[int]]]:
    """A label printed after its note's text (last on its page): the sentence just
    above it, back to a blank line or another note, is the text."""
    following = next((i for i in range(index + 1, len(lines)) if not lines[i].blank), None)
    if following is not None and lines[following].page == lines[index].page:
        return []  # text follows on the page: not a label printed last
    block: list[int] = []
    position = index - 1
    while position >= 0 and len(block) < MAX_NOTE_LINES:
        line = lines[position]
        if line.blank or position in taken or _ALONE.match(line.text):
            break
        block.insert(0, position)
        position -= 1
    if not block or not ends_sentence(lines[block[-1]].text):
        return []
    if not lines[block[0]].text[:1].isupper():
        return []
    return [(lines[index].text, [index, *block])]


def _notes_at(lines: list[Line], index: int) -> list[tuple[str, list[int]]]:
    """The footnotes opening at ``index``, each as (label, line indexes).

    Usually one. An extractor that reads the superscript labels as a block of their
    own prints them all first ("2", "3") and then the notes' texts, one after the
    other: the labels are paired with the texts in order.
    """
    labels: list[int] = []
    position = index
    while position < len(lines) and (alone := _ALONE.match(lines[position].text)):
        if labels and int(alone.group(1)) != int(lines[labels[-1]].text) + 1:
            break
        labels.append(position)
        position += 1
    if len(labels) < 2:
        note = _note_at(lines, index)
        return [note] if note is not None else []
    found: list[tuple[str, list[int]]] = []
    for label_index in labels:
        while position < len(lines) and lines[position].blank:
            position += 1
        if position >= len(lines):
            return []
        taken = _note_text(lines, position)
        if taken is None:
            return []
        found.append((lines[label_index].text, [label_index, *taken]))
        position = taken[-1] + 1
    return found


def _note_text(lines: list[Line], index: int, *, opens: bool = True) -> list[int] | None:
    """The lines of a note's text from ``index``: up to the end of its first sentence
    (notes are short), across a blank line an extractor put inside it. ``opens``: the
    line at ``index`` is the text's first, which starts with a capital."""
    if opens and not lines[index].text[:1].isupper():
        return None
    taken = [index]
    while not ends_sentence(lines[taken[-1]].text) and len(taken) < MAX_NOTE_LINES:
        following = taken[-1] + 1
        inside = following + 1 < len(lines) and _goes_on(lines[following + 1].text)
        if following < len(lines) and lines[following].blank and inside:
            following += 1
        if following >= len(lines) or lines[following].blank:
            break
        if _opens_note(lines[following].text) or _ALONE.match(lines[following].text):
            break
        taken.append(following)
    # A heading ("3 Findings") is no note: a note is a sentence.
    return taken if ends_sentence(lines[taken[-1]].text) else None


def _goes_on(text: str) -> bool:
    """Does a line after a blank one go on with a note's sentence ("2012 in 95 ...",
    "of the survey ...")? A label ("3 All names ...") opens another note."""
    return starts_lowercase(text) or (text[:1].isdigit() and not _opens_note(text))


def _opens_note(text: str) -> bool:
    """Does the line open a note: its label, then a sentence's capital ("3 All names",
    "3All names")? A wrapped note's line may start with a number ("56 villages.")."""
    match = _LABEL.match(text)
    return match is not None and match.group(2)[:1].isupper()


def _note_at(lines: list[Line], index: int) -> tuple[str, list[int]] | None:
    """(label, line indexes) of a footnote opening at ``index``: its label and its text."""
    text = lines[index].text
    alone = _ALONE.match(text)
    if alone:
        following = index + 1
        while following < len(lines) and lines[following].blank:
            following += 1
        if following >= len(lines):
            return None
        taken = _note_text(lines, following)
        return (alone.group(1), [index, *taken]) if taken is not None else None
    match = _LABEL.match(text)
    if not match or not match.group(2) or not match.group(2)[:1].isupper():
        return None
    taken = _note_text(lines, index, opens=False)
    return (match.group(1), taken) if taken is not None else None
