"""Pages and columns: put a layout-preserving extraction back into reading order.

``pdftotext -layout`` (and similar tools) print a two-column page as lines that
run across both columns, so a reader's order is lost: the left column's line,
then the right column's, then the next. The columns are found from the text
itself: a *gutter* between text on both sides, found row by row because the
extractor moves it (see ``column_cuts``). Lines that cross the gutter (a title,
a running head, a full-width table) are kept where they stand, and a page may
have several column regions between them. Pages are separated by form feeds,
which most extractors write; a text without them is one page.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from digest.clean.numbering import is_capitalised, parse_number
from digest.clean.sentences import ends_sentence

# A gutter lies in the middle of the page; a column region has at least this many
# rows, with text on each side in at least this share of them.
GUTTER_SPAN = (0.2, 0.75)
MIN_COLUMN_SHARE = 0.3
MIN_PAGE_LINES = 8
# Rows whose halves stand clearly apart, needed before a page is taken for two columns;
# the gutter of a row is placed from this many such rows nearest to it.
MIN_EVIDENCE_ROWS = 4
EVIDENCE_SHARE = 0.15
NEIGHBOURS = 5
# Rows further than this from every such row are full width; one-space cuts need one
# within the closer window.
EVIDENCE_WINDOW = 10
CLOSE_WINDOW = 3
# How far (characters) a row's right column may start from its neighbours' gutter.
GUTTER_SLACK = 3
# Rows this close to a row whose right column starts far (this share of the page's
# width) left of the page's gutter may start where it does.
SHIFT_WINDOW = 2
SHIFT_SHARE = 0.1
# A heading's title (right of a cut) holds at most this many words.
MAX_HEADING_WORDS = 12
# A right half one space from the left half must fill this share of the column.
MIN_CLOSE_RIGHT = 0.5
# ... and its left half must end this close (share of the column) to a full line's end.
LEFT_END_TOLERANCE = 0.08
# A row between right-column rows is cut where its right half is this close (share)
# to a full right line's length.
RIGHT_LENGTH_TOLERANCE = 0.12


@dataclass(frozen=True)
class RawLine:
    """One line (or one column's half of a line) as extracted, with where it came from."""

    text: str
    number: int  # 1-based line of the source
    page: int  # 1-based page (form feeds); 1 when the text has none
    column: int = 0  # 0: the page's full width; 1, 2: the left and right column


def raw_pages(text: str) -> list[list[RawLine]]:
    """The text's lines page by page (form feeds), each page in the order printed."""
    pages: list[list[RawLine]] = [[]]
    for number, line in enumerate(text.split("\n"), start=1):
        parts = line.split("\f")
        for index, part in enumerate(parts):
            if index:
                pages.append([])
            if part or index == len(parts) - 1:
                pages[-1].append(RawLine(part, number, len(pages)))
    return pages


def reading_order(pages: list[list[RawLine]]) -> list[RawLine]:
    """All pages' lines in the order a reader reads them, columns resolved."""
    ordered: list[RawLine] = []
    for page in pages:
        ordered.extend(_reading_order(page))
    return ordered


def _reading_order(page: list[RawLine]) -> list[RawLine]:
    cuts = column_cuts([line.text for line in page])
    ordered: list[RawLine] = []
    index = 0
    for first, last in _column_regions(cuts):
        ordered.extend(page[index:first])
        left: list[RawLine] = []
        right: list[RawLine] = []
        for line, cut in zip(page[first : last + 1], cuts[first : last + 1], strict=True):
            assert cut is not None
            if not line.text.strip():
                left.append(RawLine("", line.number, line.page, 1))  # a gap in both columns
                right.append(RawLine("", line.number, line.page, 2))
                continue
            # A row with text in one column only says nothing about the other: the two
            # columns' baselines differ, so the extractor gives each its own rows.
            if cut.left.strip():
                left.append(RawLine(cut.left, line.number, line.page, 1))
            if cut.right.strip():
                right.append(RawLine(cut.right, line.number, line.page, 2))
        # A blank line between the columns, so the left column's last paragraph ends there.
        number = right[0].number if right else page[first].number
        ordered.extend([*left, RawLine("", number, page[first].page, 2), *right])
        index = last + 1
    ordered.extend(page[index:])
    return ordered


@dataclass(frozen=True)
class Cut:
    """One row of a two-column page: its left column's text and its right column's."""

    left: str
    right: str


def column_cuts(lines: list[str]) -> list[Cut | None]:
    """Each row of a page cut at its column gutter; None where a row crosses the gutter.

    Layout-preserving extractors do not keep the gutter at one position: they
    squeeze each row's spacing, so the right column starts a few characters
    further left or right from one block of rows to the next, and where the
    gutter is narrow a row's two halves may be one space apart. So the gutter is
    found row by row: rows whose halves stand two or more spaces apart (or whose
    text starts in the middle of the page) fix where the right column starts
    near them, and every row is cut at the word start closest to that place.
    Rows of a one-column page are all None.
    """
    cuts: list[Cut | None] = [None] * len(lines)
    rows = [index for index, line in enumerate(lines) if line.strip()]
    if len(rows) < MIN_PAGE_LINES:
        return cuts
    width = max(len(lines[index]) for index in rows)
    low, high = int(width * GUTTER_SPAN[0]), int(width * GUTTER_SPAN[1])
    candidates = {index: _clear_starts(lines[index], low, high) for index in rows}
    firsts = Counter(starts[0] for starts in candidates.values() if starts)
    if not firsts:
        return cuts
    # The page's gutter: where most rows' right halves start. A row with several
    # clear starts (a table's row in the left column beside the right column's text)
    # is cut at the one there; one whose text ends short of it is a table's row in
    # the left column alone, and says nothing of the gutter.
    page_gutter = max(sorted(firsts), key=lambda start: firsts[start])
    evidence: dict[int, int] = {}
    for index, starts in candidates.items():
        near = [start for start in starts if abs(start - page_gutter) <= GUTTER_SLACK]
        short = len(lines[index].rstrip()) < page_gutter - GUTTER_SLACK
        if near:
            evidence[index] = near[0]
        elif starts and not (short and len(starts) > 1):
            evidence[index] = starts[0]
    if len(evidence) < max(MIN_EVIDENCE_ROWS, EVIDENCE_SHARE * len(rows)):
        return cuts
    marks = sorted(evidence)
    measure = _measure(lines, evidence)
    gutters: dict[int, int] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            cuts[index] = Cut("", "")
            continue
        first = bisect_left(marks, index - EVIDENCE_WINDOW)
        near = marks[first : bisect_right(marks, index + EVIDENCE_WINDOW)]
        if not near:
            continue  # no row nearby stands in two columns: this one is full width
        near = sorted(near, key=lambda mark: (abs(mark - index), mark))[:NEIGHBOURS]
        gutters[index] = _gutter([evidence[mark] for mark in near])
        cut = _cut_row(line, gutters[index], measure, close=False)
        own = evidence.get(index)
        if (cut is None or not cut.right) and own is not None and line[:own].strip():
            # Its halves stand clearly apart even where its neighbours' gutter is not.
            cut = Cut(line[:own].rstrip(), line[own:])
        cuts[index] = cut
    # A heading set in a larger type in the left column pulls the right column's
    # text on its rows to the left of the page's gutter (the extractor spaces a row
    # by its largest type): rows next to a row cut so, whose text (or a word after one
    # space) starts where its right half does, are cut there.
    shifted = {
        index: _cut_start(lines[index], cut)
        for index, cut in enumerate(cuts)
        if cut is not None and cut.right.strip()
    }
    shifted = {
        index: start
        for index, start in shifted.items()
        if page_gutter - start > SHIFT_SHARE * width
    }
    for index, start in sorted(shifted.items()):
        for other in range(index - SHIFT_WINDOW, index + SHIFT_WINDOW + 1):
            if not (0 <= other < len(lines) and other in gutters):
                continue
            cut = cuts[other]
            # (A row cut further right was cut inside the pulled column: at a wide
            # space of a justified heading.)
            if cut is None or not cut.right or _cut_start(lines[other], cut) > start:
                cuts[other] = _cut_at(lines[other], start) or cut
    # One-space cuts spread out from rows that surely stand in two columns: a row cut
    # in two, or a right-hand row next to a left-hand one (two columns printed on
    # alternate rows). A centred title line next to nothing of the kind does not count.
    anchors = {index for index, cut in enumerate(cuts) if cut and cut.left and cut.right}
    for index, cut in enumerate(cuts):
        if cut and cut.right and not cut.left:
            beside = cuts[max(0, index - 1) : index + 2]
            if any(other and other.left and not other.right for other in beside):
                anchors.add(index)
    pending = sorted(index for index in gutters if cuts[index] is None)
    rank = {row: position for position, row in enumerate(rows)}

    def beside(index: int) -> bool:
        """Does the nearest written row above or below stand in both columns?"""
        position = rank[index]
        near = [rows[p] for p in (position - 1, position + 1) if 0 <= p < len(rows)]
        return any((cut := cuts[row]) is not None and cut.left and cut.right for row in near)

    def between(index: int, side: str) -> bool:
        """Is the row between two rows of one column alone (the nearest written rows
        above and below)? Then its part on that side is a full line of it. Between
        two rows of both columns ("both"), it stands in both columns too."""
        position = rank[index]
        if position == 0 or position == len(rows) - 1:
            return False
        neighbours = (cuts[rows[position - 1]], cuts[rows[position + 1]])
        if side == "right":
            return all(cut is not None and cut.right and not cut.left for cut in neighbours)
        if side == "both":
            return all(cut is not None and cut.right and cut.left for cut in neighbours)
        return all(cut is not None and cut.left and not cut.right for cut in neighbours)

    # Sweeps down and up the page until nothing changes: each cut row may anchor the
    # rows next to it, in either direction (a few sweeps, not one per row).
    changed = True
    while changed:
        changed = False
        for order in (pending, pending[::-1]):
            for index in order:
                if cuts[index] is not None or _goes_on_full_width(lines, index, cuts):
                    continue
                close = range(index - CLOSE_WINDOW, index + CLOSE_WINDOW + 1)
                if not any(anchor in anchors for anchor in close):
                    continue
                if between(index, "right"):
                    cut = _cut_by_right_length(lines[index], measure)
                else:
                    # Next to a row of both columns, the right half may be a paragraph's
                    # last line: short, and ending a sentence (or anything between two).
                    short = "any" if between(index, "both") else None
                    if short is None and beside(index):
                        short = "sentence"
                    cut = _cut_row(lines[index], gutters[index], measure, close=True, short=short)
                if cut is not None:
                    cuts[index] = cut
                    anchors.add(index)
                    changed = True
    for index in pending:
        if cuts[index] is not None or _goes_on_full_width(lines, index, cuts):
            continue
        if between(index, "right"):
            cuts[index] = _cut_by_right_length(lines[index], measure)
        elif between(index, "left"):
            cuts[index] = _cut_by_left_length(lines[index], measure)
    for index in gutters:
        broken = _cut_at_broken_word(lines[index], low, high)
        cut = cuts[index]
        # (Where the cut found the same place, it keeps the right half's indent.)
        if broken is not None and (cut is None or cut.right.strip() != broken.right.strip()):
            cuts[index] = broken
    return [_number_with_title(cut) for cut in cuts]


# A word broken at a line's end, then the other column's next word: "4.2 Implications
# for Grid Manage- of the surveyed". ("Pre- and post-reform" keeps its hyphen inside
# one column.)
_BROKEN_WORD_THEN_COLUMN = re.compile(r"(?<=[a-z]-) +(?!(?:and|or|to|und)\b)(?=\S)")


def _cut_at_broken_word(line: str, low: int, high: int) -> Cut | None:
    """Where a word broken at the left column's line end is followed, on the same row,
    by more text: the right column's. Justified text never breaks a word inside a
    line, so this holds where the gutter shows no gap: a heading in a larger type
    squeezes its row, and the right column starts left of the gutter ("4.2 ... Grid
    Manage- of the surveyed") or one space after the left column ("re- 2. Case")."""
    for match in _BROKEN_WORD_THEN_COLUMN.finditer(line):
        if low <= match.end() < high:
            return Cut(line[: match.start()].rstrip(), line[match.end() :])
    return None


def _goes_on_full_width(lines: list[str], index: int, cuts: list[Cut | None]) -> bool:
    """Does the row go on an indented block of full-width rows above it, at the
    block's indent with no blank row between (an abstract's last lines, "Keywords:
    ... platforms; digital governance")? Rows of the left column alone may stand
    between. (A column's rows start at the page's edge; a row there that crosses
    the gutter is one the cut missed, no block.)"""
    indent = len(lines[index]) - len(lines[index].lstrip(" "))
    if indent == 0:
        return False
    for above in range(index - 1, -1, -1):
        line = lines[above]
        cut = cuts[above]
        if not line.strip() or (cut is not None and cut.right.strip()):
            return False
        if cut is None:
            return len(line) - len(line.lstrip(" ")) == indent
    return False


def _number_with_title(cut: Cut | None) -> Cut | None:
    """A heading's number cut off its title by a one-space cut ("... as a way 3." /
    "Data and Methods") goes back to the title's column."""
    if cut is None or not cut.left.strip() or not cut.right.strip():
        return cut
    head, _, token = cut.left.rstrip().rpartition(" ")
    if not head.strip() or not re.fullmatch(r"\d{1,2}(\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-H]\.", token):
        return cut
    right = cut.right.strip()
    if parse_number(right) is not None:
        return cut  # the title has its number ("15.4" / "3. Policy ...": a cell's value)
    numbered = parse_number(f"{token} {right}")
    if numbered is None or numbered[1] != right or len(right.split()) > MAX_HEADING_WORDS:
        return cut
    # A title in Title Case, no clause in it: not a sentence after a cell's value.
    if not is_capitalised(right) or "," in right:
        return cut
    return Cut(head.rstrip(), f"{token} {right}")


def _cut_start(line: str, cut: Cut) -> int:
    """Where a cut row's right half starts in the printed row."""
    return len(line) - len(cut.right.lstrip())


def _cut_at(line: str, start: int) -> Cut | None:
    """Cut a row where a word starts at ``start`` (after its indent or one space)."""
    if start >= len(line) or line[start] == " " or line[start - 1] != " ":
        return None
    return Cut(line[:start].rstrip(), line[start:])


def _cut_by_left_length(line: str, measure: _Measure) -> Cut | None:
    """Cut a row whose right half (a heading, a short line) is squeezed against the
    left column's full line: where the left half is as long as a full left line."""
    best: tuple[int, int] | None = None  # (distance from a full line's end, start)
    for match in re.finditer(r"(?<=\S) +(?=\S)", line):
        miss = abs(match.start() - measure.left_end)
        if miss <= max(2, LEFT_END_TOLERANCE * measure.left_end) and (
            best is None or miss < best[0]
        ):
            best = (miss, match.end())
    if best is None:
        return None
    return Cut(line[: best[1]].rstrip(), line[best[1] :])


def _cut_by_right_length(line: str, measure: _Measure) -> Cut | None:
    """Cut a row whose left half is set in a larger type (a heading) and squeezed
    against the right column: the right half is as long as a full right line."""
    best: tuple[int, int] | None = None  # (distance from a full line's length, start)
    for match in re.finditer(r"(?<=\S) +(?=\S)", line):
        miss = abs(len(line[match.end() :].strip()) - measure.right_length)
        if miss <= RIGHT_LENGTH_TOLERANCE * measure.right_length and (
            best is None or miss < best[0]
        ):
            best = (miss, match.end())
    if best is None:
        return None
    return Cut(line[: best[1]].rstrip(), line[best[1] :])


def _gutter(starts: list[int]) -> int:
    """Where the right column starts, from its neighbours' clear starts: the leftmost
    place that two of them share, since a table, a list or an indent inside the right
    column starts further right, never further left."""
    ordered = sorted(starts)
    for position, start in enumerate(ordered[:-1]):
        if ordered[position + 1] - start <= GUTTER_SLACK:
            return start
    return ordered[len(ordered) // 2]


_CLEAR_START = re.compile(r" {2,}(?=\S)")


def _clear_starts(line: str, low: int, high: int) -> list[int]:
    """Where a row's right-hand text may start when it stands clear of the left: after
    a run of two or more spaces (or the row's indent) that ends in the page's middle."""
    if "  " not in line:
        return []  # (most rows of a one-column page: no regex needed to say so)
    return [match.end() for match in _CLEAR_START.finditer(line) if low <= match.end() < high]


@dataclass(frozen=True)
class _Measure:
    """A two-column page's line lengths: where a full left line ends, how long a right one is."""

    left_end: int
    right_length: int


def _measure(lines: list[str], evidence: dict[int, int]) -> _Measure:
    """The 90th percentile of the left halves' ends (rows standing in two columns and
    rows ending short of the gutter) and the right halves' lengths: justified lines
    fill their column, and a line's length in characters does not move with the
    extractor's spacing."""
    starts = sorted(evidence.values())
    gutter = starts[len(starts) // 2]
    ends = [len(lines[index][:start].rstrip()) for index, start in evidence.items()]
    ends += [len(line.rstrip()) for line in lines if 0 < len(line.rstrip()) < gutter - 1]
    ends = sorted(end for end in ends if end) or [0]
    lengths = sorted(len(lines[index][start:].strip()) for index, start in evidence.items())
    return _Measure(ends[int(0.9 * (len(ends) - 1))], lengths[int(0.8 * (len(lengths) - 1))])


def _cut_row(
    line: str, gutter: int, measure: _Measure, *, close: bool, short: str | None = None
) -> Cut | None:
    """Cut one row where the right column starts near ``gutter``; None if it crosses.

    Halves two or more spaces apart are cut there. Halves one space apart are
    taken for two columns only ``close`` to a row whose halves stand clearly
    apart, where the left half fills its column as a justified line does and the
    right half is no stub (unless ``short``: "any" when the rows above and below
    stand in two columns, "sentence" for a paragraph's last line next to such a row):
    elsewhere the space is one between two words.
    """
    text_start = len(line) - len(line.lstrip(" "))
    if text_start >= gutter - GUTTER_SLACK:
        return Cut("", " " * max(0, text_start - gutter) + line[text_start:])
    best: tuple[int, int] | None = None  # (-distance, start)
    wide = False
    for match in re.finditer(r"(?<=\S)( +)(?=\S)", line):
        start = match.end()
        gap = len(match.group(1))
        if gap > 1 and abs(start - gutter) <= GUTTER_SLACK:
            if not wide or abs(start - gutter) < -best[0]:
                best, wide = (-abs(start - gutter), start), True
            continue
        if wide or gap > 1 or not close:
            continue
        miss = abs(match.start() - measure.left_end)
        if miss > max(2, LEFT_END_TOLERANCE * measure.left_end):
            continue
        tail = line[start:].strip()
        may_be_short = (
            short == "any" or (short == "sentence" and ends_sentence(tail)) or _heading_title(tail)
        )
        if len(tail) < MIN_CLOSE_RIGHT * measure.right_length and not may_be_short:
            continue  # one space before a short tail: a word of the left column
        if best is None or -miss > best[0]:
            best = (-miss, start)
    if best is not None:
        start = best[1]
        indent = " " * max(0, start - gutter) if wide else ""
        return Cut(line[:start].rstrip(), indent + line[start:])
    end = len(line.rstrip())
    if end < gutter or end <= measure.left_end:  # ends before the right column starts
        return Cut(line.rstrip(), "")
    return None


def _heading_title(text: str) -> bool:
    """A right column's heading after a full left line: a few capitalised words, no
    sentence (an overlong left line runs on by a word or two of prose at most)."""
    return (
        len(text.split()) <= MAX_HEADING_WORDS
        and is_capitalised(text)
        and not ends_sentence(text)
        and text[:1].isupper()
    )


def _column_regions(cuts: list[Cut | None]) -> list[tuple[int, int]]:
    """Runs of rows that all cut into columns, long enough to be columns, with text
    on both sides in enough of them: (first, last) row of each."""
    regions: list[tuple[int, int]] = []
    index = 0
    while index < len(cuts):
        if cuts[index] is None:
            index += 1
            continue
        first = index
        while index < len(cuts) and cuts[index] is not None:
            index += 1
        last = index - 1
        while last > first and not (cuts[last] and (cuts[last].left or cuts[last].right)):
            last -= 1  # blank rows at the end stay outside
        while first < last and not (cuts[first] and (cuts[first].left or cuts[first].right)):
            first += 1
        run = [cut for cut in cuts[first : last + 1] if cut and (cut.left or cut.right)]
        if len(run) < MIN_PAGE_LINES:
            continue
        left = sum(1 for cut in run if cut.left.strip())
        right = sum(1 for cut in run if cut.right.strip())
        if min(left, right) >= MIN_COLUMN_SHARE * len(run):
            regions.append((first, last))
    return regions
