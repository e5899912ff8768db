"""Pages and columns: put a layout-preserving extraction back into reading order.

``pdftotext -layout`` (and similar tools) print a two-column page as lines that
run across both columns, so a reader's order is lost: the left column's line,
then the right column's, then the next. The columns are found from the text
itself: a *gutter*, a run of spaces at the same position in most of a page's
lines with text on both sides. Lines that cross the gutter (a title, a running
head, a full-width table) are kept where they stand. Pages are separated by
form feeds, which most extractors write; a text without them is one page.
"""

from __future__ import annotations

from dataclasses import dataclass

# A gutter starts in the middle of the page, is at least this many spaces wide, runs
# clear through at least this share of the page's rows, and has text on each side in
# at least this share of them.
GUTTER_WIDTH = 2
GUTTER_SPAN = (0.25, 0.75)
MIN_COLUMN_ROWS = 0.4
MIN_COLUMN_SHARE = 0.3
MIN_PAGE_LINES = 8


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
    found = find_gutter([line.text for line in page])
    if found is None:
        return page
    start, end, first, last = found
    left: list[RawLine] = []
    right: list[RawLine] = []
    for line in page[first : last + 1]:
        text = line.text
        left_text, right_text = text[:start].rstrip(), text[end:]
        if not left_text.strip() and not right_text.strip():
            left.append(RawLine("", line.number, line.page, 1))  # a gap in both columns
            right.append(RawLine("", line.number, line.page, 2))
            continue
        # A row with text in one column only says nothing about the other: the two
        # columns' baselines differ, so the extractor gives each its own rows.
        if left_text.strip():
            left.append(RawLine(left_text, line.number, line.page, 1))
        if right_text.strip():
            right.append(RawLine(right_text, line.number, line.page, 2))
    # A blank line between the columns, so the left column's last paragraph ends there.
    separator = RawLine("", right[0].number if right else 0, page[0].page if page else 1, 2)
    return page[:first] + left + [separator] + right + page[last + 1 :]


def find_gutter(lines: list[str]) -> tuple[int, int, int, int] | None:
    """The gutter of a two-column page: (start, end) columns and its (first, last) rows.

    A gutter is a run of positions in the middle of the page where no line has
    text, over a run of rows long enough to be columns, with text to its left in
    many of them and to its right in many others (the two columns' lines need not
    share a row: an extractor often prints them on rows of their own). Rows above
    or below that run (a title and abstract across the page, a footer) are
    full-width and stay where they are. None for a one-column page.
    """
    rows = [index for index, line in enumerate(lines) if line.strip()]
    if len(rows) < MIN_PAGE_LINES:
        return None
    width = max(len(lines[index]) for index in rows)
    low, high = int(width * GUTTER_SPAN[0]), int(width * GUTTER_SPAN[1])
    best: tuple[int, int, int, int] | None = None
    best_rows = 0
    for position in range(low, high):
        end = position + GUTTER_WIDTH
        run_start, run_length = 0, 0
        longest = (0, -1, 0)  # (first row index into rows, last, length)
        for rank, index in enumerate(rows):
            if lines[index][position:end].strip():
                run_length = 0
                continue
            if run_length == 0:
                run_start = rank
            run_length += 1
            if run_length > longest[2]:
                longest = (run_start, rank, run_length)
        if longest[2] > best_rows:
            best_rows = longest[2]
            best = (position, end, rows[longest[0]], rows[longest[1]])
    if best is None or best_rows < max(MIN_PAGE_LINES, MIN_COLUMN_ROWS * len(rows)):
        return None
    start, end, first, last = best
    region = [lines[index] for index in range(first, last + 1) if lines[index].strip()]
    # Widen the gutter to every blank position the region shares.
    while start > 0 and all(not line[start - 1 : start].strip() for line in region):
        start -= 1
    while end < width and all(not line[end : end + 1].strip() for line in region):
        end += 1
    left = sum(1 for line in region if line[:start].strip())
    right = sum(1 for line in region if line[end:].strip())
    if min(left, right) < MIN_COLUMN_SHARE * len(region):
        return None
    return start, end, first, last
