"""Lay a PDF's printed lines out as text: furniture out, columns in reading order,
paragraph breaks and indents kept.

What the text extractors lose, the positions still hold: a running head stands
where it stands on every page, a second column starts right of the page's middle,
a paragraph's first line is indented or set apart by space. The text written here
is what a careful extractor would print: one printed line per line, a form feed
between pages, a blank line where space sets a block apart, leading spaces for an
indent. Each line keeps its type (size, weight) for the cleaner's headings.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from digest.ingest.pdf.glyphs import PrintedLine, PrintedPage

# A page's head or foot (furniture when it repeats or is a page number) is at most its
# first or last this many rows.
FURNITURE_LINES = 2
_PAGE_NUMBER = re.compile(
    r"(?i)(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,6})\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?"
)
# A line of a column's text is this share of the page's width at least; a page is in
# two columns when each half holds this many such lines.
COLUMN_LINE = 0.3
MIN_COLUMN_LINES = 3
# A running head or foot stands this many line pitches from the text block.
SET_APART = 1.5
# Type this many points larger than the body's is no running head's.
MIN_SIZE_STEP = 0.5
# Lines whose baselines lie more than this many line pitches apart stand apart (a
# blank line between them).
BLOCK_GAP = 1.4
# A first line indented at least this share of the font size starts a paragraph.
MIN_INDENT = 0.8
# One leading space per this share of the font size of indent.
SPACE_WIDTH = 0.5
MAX_INDENT_SPACES = 40


@dataclass(frozen=True)
class LaidLine:
    """A line of the text to write: '' for a blank line, '\\f' for a page break."""

    text: str
    size: float = 0.0
    bold: bool = False
    bold_words: int = 0  # (PrintedLine.bold_words)
    italic: bool = False  # (PrintedLine.italic)


def lay_out(pages: list[PrintedPage]) -> list[LaidLine]:
    """The document's lines in reading order, with furniture left out."""
    every = [line for page in pages for line in page.lines]
    body_size = _body_size(every)
    pitch = _pitch(every, body_size)
    furniture = _furniture(pages, body_size, pitch)
    out: list[LaidLine] = []
    for page in pages:
        if out:
            out.append(LaidLine("\f"))
        lines = [line for line in page.lines if id(line) not in furniture]
        for column in _reading_order(lines, page.width):
            out.extend(_column_lines(column, body_size, pitch))
    return out


def _furniture(pages: list[PrintedPage], body_size: float, pitch: float) -> set[int]:
    """Running heads, feet and page numbers. A page's head (or foot) is its first (last)
    rows, up to a gap wider than a line's space between them and the text block; it is
    furniture when one of its lines is a page number or prints what another page's
    head or foot prints (digits masked) -- then all of it goes, a running head wrapped
    over two lines with it. Not in a type larger than the body's ("Chapter 2" heads its
    chapter's first page), nor opening with a raised mark (a footnote, whose text may
    repeat)."""
    bands: list[tuple[PrintedPage, list[PrintedLine]]] = []
    for page in pages:
        rows = _rows(page.lines)
        for run in (rows, rows[::-1]):
            band: list[PrintedLine] = []
            for row, inward in pairwise(run[: FURNITURE_LINES + 1]):
                if any(line.size >= body_size + MIN_SIZE_STEP or line.marked for line in row):
                    break
                band.extend(row)
                if abs(inward[0].baseline - row[0].baseline) >= SET_APART * pitch:
                    bands.append((page, band))
                    break
    masks: Counter = Counter()
    seen: set[tuple[int, str]] = set()
    for page, band in bands:
        for line in band:
            key = (page.number, _mask(line.text))
            if key not in seen:
                seen.add(key)
                masks[_mask(line.text)] += 1
    found: set[int] = set()
    for _, band in bands:
        if any(
            (masks[_mask(line.text)] >= 2 and len(pages) >= 2) or _PAGE_NUMBER.fullmatch(line.text)
            for line in band
        ):
            found.update(id(line) for line in band)
    return found


def _rows(lines: list[PrintedLine]) -> list[list[PrintedLine]]:
    """The page's lines grouped by baseline (a running head's left and right parts are
    one row), top to bottom."""
    rows: list[list[PrintedLine]] = []
    for line in sorted(lines, key=lambda line: line.baseline):
        if rows and line.baseline - rows[-1][0].baseline < 1:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _body_size(lines: list[PrintedLine]) -> float:
    """The size most of the text is set in (counted by letters)."""
    sizes: Counter = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _pitch(lines: list[PrintedLine], body_size: float) -> float:
    """The usual distance between the baselines of two body lines in a row."""
    steps = [
        following.baseline - line.baseline
        for line, following in pairwise(lines)
        if line.size == following.size == body_size
        and line.page == following.page
        and 0 < following.baseline - line.baseline < 3 * body_size
    ]
    return statistics.median(steps) if steps else 1.2 * body_size


def _reading_order(lines: list[PrintedLine], width: float) -> list[list[PrintedLine]]:
    """Columns in reading order: between lines that span the page's middle, the left
    column's lines, then the right column's. A page in one column is one column."""
    middle = width / 2
    ordered = sorted(lines, key=lambda line: (line.top, line.x0))
    if not _two_columns(lines, width):
        return [ordered]
    columns: list[list[PrintedLine]] = []
    left: list[PrintedLine] = []
    right: list[PrintedLine] = []
    spanning: list[PrintedLine] = []

    def close_band() -> None:
        nonlocal left, right, spanning
        for run in (spanning, left, right):
            if run:
                columns.append(run)
        left, right, spanning = [], [], []

    for line in ordered:
        if line.x0 < middle < line.x1:
            if left or right:
                close_band()
            spanning.append(line)
        else:
            if spanning:
                columns.append(spanning)
                spanning = []
            (left if line.x1 <= middle else right).append(line)
    close_band()
    return columns


def _two_columns(lines: list[PrintedLine], width: float) -> bool:
    """Does the page set text in two columns? Lines of text fill each half: a table's
    cells or a number right of the middle are short."""
    middle = width / 2
    wide = [line for line in lines if line.x1 - line.x0 >= COLUMN_LINE * width]
    left = sum(line.x1 <= middle for line in wide)
    right = sum(line.x0 >= middle for line in wide)
    return left >= MIN_COLUMN_LINES and right >= MIN_COLUMN_LINES


def _column_lines(column: list[PrintedLine], body_size: float, pitch: float) -> list[LaidLine]:
    """One column's lines: blank lines where space sets blocks apart, indents as spaces."""
    if not column:
        return []
    margin = _left_margin(column)
    out: list[LaidLine] = []
    previous: PrintedLine | None = None
    for line in _same_baseline_joined(column):
        if previous is not None:
            step = line.baseline - previous.baseline
            usual = pitch * max(line.size, previous.size) / (body_size or line.size)
            same_block = line.size == previous.size and line.bold == previous.bold
            if step > BLOCK_GAP * usual or (not same_block and (line.bold or previous.bold)):
                out.append(LaidLine(""))
            elif (
                line.size == previous.size == body_size
                and not (line.bold or previous.bold)
                and line.x0 - margin >= MIN_INDENT * line.size
                and previous.x0 - margin < MIN_INDENT * line.size
            ):
                # An indented first line under one at the margin: a paragraph starts
                # (in the body's type; a title's centred lines are one block).
                out.append(LaidLine(""))
        indent = line.x0 - margin
        spaces = (
            round(indent / (SPACE_WIDTH * line.size)) if indent >= MIN_INDENT * line.size else 0
        )
        indent = " " * min(spaces, MAX_INDENT_SPACES)
        out.append(LaidLine(indent + line.text, line.size, line.bold, line.bold_words, line.italic))
        previous = line
    return out


def _left_margin(column: list[PrintedLine]) -> float:
    """Where the column's lines start: the x most of them start at."""
    starts = Counter(round(line.x0) for line in column)
    common = max(starts.values())
    return min(x for x, count in starts.items() if count == common)


def _same_baseline_joined(column: list[PrintedLine]) -> list[PrintedLine]:
    """Lines on one baseline (a table's cells, a number set apart from its title) joined
    left to right, three spaces between them as a layout extractor prints them."""
    joined: list[PrintedLine] = []
    for line in sorted(column, key=lambda line: (round(line.baseline), line.x0)):
        last = joined[-1] if joined else None
        if last is not None and abs(line.baseline - last.baseline) < 0.3 * line.size:
            bigger = last if len(last.text) >= len(line.text) else line
            joined[-1] = PrintedLine(
                last.page,
                min(last.x0, line.x0),
                max(last.x1, line.x1),
                min(last.top, line.top),
                max(last.bottom, line.bottom),
                last.baseline,
                f"{last.text}   {line.text}",
                bigger.size,
                bigger.bold,
                bold_words=last.bold_words,
                italic=last.italic and line.italic,
            )
        else:
            joined.append(line)
    return joined
