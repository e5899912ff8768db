"""Section numbers in any common scheme, and the outline they must follow.

Papers number sections `1`, `1.1`, `I.`, `A.`, `(1)`, `Chapter 2`, `一、`, or mix
schemes by level (`I.` then `A.` then `1.`). A number at the start of a line is
only taken for a heading when it continues the document's own outline: the next
number of a level already open, or the first number of a new level. That one
check keeps "2019 saw ...", "A study of ..." and "I think ..." out of the
headings without any list of words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
}
_CJK_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A title starts with a capital, a digit, a quote or a bracket; or is absent (the
# number stands alone and the title follows on the next line).
_TITLE = r"(?:\s+([A-Z0-9“\"‘'(\[].*))?$"
_SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "chapter",
        re.compile(
            r"^(chapter|part|section)\s+(\d{1,2}|[IVXL]{1,6}|one|two|three|four|five|six|seven|"
            r"eight|nine|ten|eleven|twelve)\b[.:]?(?:\s+(\S.*))?$",
            re.I,
        ),
    ),
    # ("§4.1": a sub-section printing its section's sign, read as the path 4.1.)
    ("section-sign", re.compile(r"^(§\s?\d{1,2}(?:\.\d{1,2}){0,3})()" + _TITLE)),
    ("path", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})(\.?)" + _TITLE)),
    ("roman", re.compile(r"^([IVXL]{1,6})(\.?)" + _TITLE)),
    # ("i.", "iv.": lower case needs its full stop and a title, or it is a word.)
    ("lower-roman", re.compile(r"^((?:x{1,2})?(?:ix|iv|v?i{1,3}|v)|x{1,2})(\.)" + _TITLE)),
    ("letter", re.compile(r"^([A-H](?:\.\d{1,2}){0,3})([.)]?)" + _TITLE)),
    ("paren", re.compile(r"^[(（]?(\d{1,2})[)）]()" + _TITLE)),
    # (a full-width bracket keeps its own space: "（1）From Quarry Town to Livestream Hub")
    ("paren", re.compile(r"^（(\d{1,2})）()\s*([A-Z0-9“\"‘'(\[].*)?$")),
    ("cjk", re.compile(r"^([一二三四五六七八九十]{1,3})([、.．])\s*(\S.*)?$")),
    ("paren-cjk", re.compile(r"^[(（]([一二三四五六七八九十]{1,3})[)）]()\s*(\S.*)?$")),
)


# Lines whose answers the per-line caches keep (``parse_number``, ``match_label``,
# ``furniture_key``): the segmenter's two passes ask again for the same lines of a text.
# ``digest.clean.clean_text`` empties them for each text.
LINE_CACHE = 1 << 16

# The first character of a line that any scheme may read: a quick test that leaves
# most lines of prose out before the schemes are tried one by one.
_FIRST = re.compile(r"[\dIVXLA-H(（一二三四五六七八九十§ivx]|(?i:[cps])")


@dataclass(frozen=True)
class SectionNumber:
    """A heading's number: its scheme, its value(s) and how it was printed."""

    # chapter | section-sign | path | roman | lower-roman | letter | paren | cjk | paren-cjk
    scheme: str
    values: tuple[int, ...]  # (2, 1) for "2.1"; (4,) for "IV."
    printed: str  # "2.1", "IV.", "Chapter 2"

    @property
    def is_path(self) -> bool:
        """Numbers that print their parents (1.2, B.1): one scheme spans several levels."""
        return self.scheme in ("path", "letter")


# Prepositions that Title Case leaves in lower case however long they are ("Frictions
# around the Bulldozer", "Party Building amid Urbanisation"): they do not count.
_LOWER_IN_TITLES = frozenset(
    """about above across after against along amid amidst among amongst around before
    behind below beneath beside between beyond despite during inside into onto outside
    over past through throughout toward towards under until upon versus within
    without""".split()
)


def is_capitalised(title: str) -> bool:
    """Most longer words start with a capital: a title, not a clause of prose."""
    words = [
        word
        for word in re.findall(r"[A-Za-z][A-Za-z'’-]*", title)
        if len(word) > 3 and word not in _LOWER_IN_TITLES
    ]
    return bool(words) and sum(word[0].isupper() for word in words) >= 0.75 * len(words)


@lru_cache(maxsize=LINE_CACHE)
def parse_number(text: str) -> tuple[SectionNumber, str] | None:
    """Split `IV. Findings` into (IV., 'Findings'); the title is '' when the number is alone.

    Cached: the segmenter asks again for the same lines (both passes, the next line of
    a heading); the answer is immutable."""
    if not _FIRST.match(text):
        return None
    for scheme, pattern in _SCHEMES:
        match = pattern.match(text)
        if not match:
            continue
        if scheme == "chapter":
            word, value, title = match.group(1), match.group(2), match.group(3) or ""
            number = _NUMBER_WORDS.get(value.lower()) or numeral_value(value)
            if number is None:
                continue
            worded = word.lower() == "section" or value.lower() in _NUMBER_WORDS
            if worded and title and not is_capitalised(title):
                continue  # "Section 2 describes the data.", "Part one of the survey" are prose
            printed = f"{word.capitalize()} {value}"
            return SectionNumber(scheme, (number,), printed), title.strip()
        label, mark, title = match.group(1), match.group(2), (match.group(3) or "").strip()
        if len(title) > 200 or (title.endswith((",", ";")) and not is_capitalised(title)):
            return None  # a numbered clause of prose, unless a Title Case title wraps here
        if scheme == "section-sign":
            values = tuple(int(part) for part in label.lstrip("§ ").split("."))
            printed = label
            if len(values) > 1:
                return SectionNumber("path", values, printed), title
        elif scheme == "path":
            values = tuple(int(part) for part in label.split("."))
            printed = label + mark
        elif scheme in ("cjk", "paren-cjk"):
            values = (_cjk_value(label),)
            printed = text[: match.start(3)].strip() if match.group(3) else text.strip()
        elif scheme in ("roman", "lower-roman"):
            roman = numeral_value(label)
            if roman is None or (not title and (not mark or scheme == "lower-roman")):
                continue  # ("IV" with neither stop nor title, "iv." without a title: no number)
            values = (roman,)
            printed = label + mark
        elif scheme == "letter":
            if "." not in label and not mark:
                continue  # "A Study of ..." is prose; "A." "A)" "A.1" are numbers
            first, *rest = label.split(".")
            values = (ord(first) - ord("A") + 1, *(int(part) for part in rest))
            printed = label + mark
        else:
            values = (int(label),)
            printed = text[: len(text) - len(text[match.end(2) :].lstrip())].strip()
        return SectionNumber(scheme, values, printed), title
    return None


def numeral_value(label: str) -> int | None:
    """ "12" -> 12, "IV" or "iv" -> 4; None for what is neither."""
    if label.isdigit():
        return int(label)
    total = 0
    values = [_ROMAN.get(ch) for ch in label.upper()]
    if None in values:
        return None
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else 0
        total += -value if value < following else value
    return total if total > 0 else None


def _cjk_value(label: str) -> int:
    if label == "十":
        return 10
    if label.startswith("十"):
        return 10 + _CJK_DIGITS.get(label[1:], 0)
    if "十" in label:
        tens, _, ones = label.partition("十")
        return 10 * _CJK_DIGITS.get(tens, 1) + _CJK_DIGITS.get(ones, 0)
    return _CJK_DIGITS.get(label, 0)


# Schemes of one number whose sub-sections may repeat it as a path's first part.
_CHAPTER_SCHEMES = ("chapter", "section-sign")


@dataclass
class Outline:
    """The headings accepted so far: which scheme sits at which level, and the last values."""

    levels: list[str] = field(default_factory=list)  # scheme per level, top first
    last: dict[str, tuple[int, ...]] = field(default_factory=dict)  # scheme -> last values
    # Schemes whose first number ("1.", "I.") starts some line of the text.
    first_printed: set[str] = field(default_factory=set)

    def _chapter(self) -> tuple[str, tuple[int, ...]] | None:
        """The open section whose sub-sections may print its number first ("Chapter 2",
        "Part Two", "§5" over "2.1", "5.1"): its scheme and values."""
        for scheme in _CHAPTER_SCHEMES:
            if self.last.get(scheme):
                return scheme, self.last[scheme]
        return None

    def _under_chapter(self, number: SectionNumber) -> str | None:
        """ "2.1" under "Chapter 2": the chapter's scheme when the number is a path whose
        first part repeats the chapter's number."""
        chapter = self._chapter()
        if chapter is None or number.scheme != "path" or len(number.values) < 2:
            return None
        scheme, values = chapter
        return scheme if number.values[0] == values[0] else None

    def level_of(self, number: SectionNumber) -> int:
        """The heading level (1 = top) this number would take."""
        chapter = self._under_chapter(number)
        if chapter is not None:
            return self.levels.index(chapter) + len(number.values)
        if number.scheme in self.levels:
            level = self.levels.index(number.scheme) + 1
        else:
            level = len(self.levels) + 1
        return level + len(number.values) - 1 if number.is_path else level

    def accepts_skipping(self, number: SectionNumber) -> bool:
        """Does the number continue the outline with one sub-section missed (2.1 ->
        2.3): taken only for a title that surely is one, since the extractor lost or
        misplaced the one in between. A top-level number out of sequence stays text."""
        previous = self.last.get(number.scheme)
        if previous is None and not self.levels and number.values == (2,):
            # The first section's heading was lost (no line of the text starts with
            # its number): the outline starts at 2.
            return number.scheme not in self.first_printed
        if not number.is_path or previous is None or len(number.values) < 2:
            return False  # a sub-section: a top-level number out of sequence stays text
        return number.values == (*previous[: len(number.values) - 1], number.values[-1]) and (
            len(previous) >= len(number.values)
            and number.values[-1] == previous[len(number.values) - 1] + 2
        )

    def accepts_after_lost(self, number: SectionNumber) -> bool:
        """Does the top-level number come one after the next (1 -> 3)? Taken only where
        the outline goes on from it: a two-column row cut through the lost heading."""
        previous = self.last.get(number.scheme)
        return (
            previous is not None
            and len(number.values) == 1
            and number.scheme in self.levels
            and number.values[0] == previous[0] + 2
        )

    def accepts(self, number: SectionNumber) -> bool:
        """Does the number continue the outline (next of an open level, or first of a new one)?"""
        previous = self.last.get(number.scheme)
        if number.is_path:
            opened = self._chapter() if number.scheme == "path" else None
            chapter = opened[1] if opened else None
            if chapter and (previous is None or previous[0] != chapter[0]):
                return number.values in ((chapter[0], 1), (1,))  # a chapter restarts them
            return _path_successor(previous, number.values)
        if number.scheme in self.levels and previous:
            return number.values == (previous[0] + 1,)
        return number.values == (1,)

    def accept(self, number: SectionNumber) -> int:
        """Record the number; return its level. Deeper levels start counting afresh."""
        level = self.level_of(number)
        if number.scheme not in self.levels:
            self.levels.append(number.scheme)
        for deeper in self.levels[self.levels.index(number.scheme) + 1 :]:
            self.last.pop(deeper, None)
        self.last[number.scheme] = number.values
        return level


def _path_successor(previous: tuple[int, ...] | None, number: tuple[int, ...]) -> bool:
    """1 -> 1.1 -> 1.2 -> 2 ...: the next number at some depth, or a first sub-number.

    Also the first sub-number of the next section (1.2 -> 2.1): the extractor lost
    that section's own heading or printed it elsewhere (a two-column page read
    across the columns), and its sub-sections should not be lost with it.
    """
    if previous is None:
        return number == (1,)
    if number == (*previous, 1):
        return True
    return any(
        number
        in ((*previous[:depth], previous[depth] + 1), (*previous[:depth], previous[depth] + 1, 1))
        for depth in range(len(previous))
    )
