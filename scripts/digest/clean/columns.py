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

# A gutter starts in the middle of the page, is at least this many spaces wide, is
# crossed by at most this share of the page's lines (titles, running heads), and has
# text on each side in at least this share of them.
GUTTER_WIDTH = 2
GUTTER_SPAN = (0.25, 0.75)
MAX_CROSSING = 0.1
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
    gutter = find_gutter([line.text for line in page])
    if gutter is None:
        return page
    start, end = gutter
    before: list[RawLine] = []
    left: list[RawLine] = []
    right: list[RawLine] = []
    after: list[RawLine] = []
    seen_columns = False
    for line in page:
        text = line.text
        crosses = len(text) > start and text[start:end].strip() != ""
        if crosses:
            # A full-width line: above the columns it comes first; below, last.
            (after if seen_columns else before).append(line)
            continue
        left_text, right_text = text[:start].rstrip(), text[end:]
        if not left_text.strip() and not right_text.strip():
            # A blank row is a gap in both columns (or above them).
            if not seen_columns:
                before.append(line)
                continue
            left.append(RawLine("", line.number, line.page, 1))
            right.append(RawLine("", line.number, line.page, 2))
            continue
        seen_columns = True
        if after:  # full-width lines between column lines belong to the column flow
            left.extend(after)
            after = []
        # A row with text in one column only says nothing about the other: the two
        # columns' baselines differ, so the extractor gives each its own rows.
        if left_text.strip():
            left.append(RawLine(left_text, line.number, line.page, 1))
        if right_text.strip():
            right.append(RawLine(right_text, line.number, line.page, 2))
    # A blank line between the columns, so the left column's last paragraph ends there.
    separator = RawLine("", right[0].number if right else 0, page[0].page if page else 1, 2)
    return before + left + [separator] + right + after


def find_gutter(lines: list[str]) -> tuple[int, int] | None:
    """The columns [start, end) of a page's gutter, or None for a one-column page.

    A gutter is a run of positions in the middle of the page where (almost) no
    line has text, with text to its left in many lines and to its right in many
    others; the two columns' lines need not share a row, since an extractor
    often prints them on rows of their own when their baselines differ.
    """
    text_lines = [line for line in lines if line.strip()]
    if len(text_lines) < MIN_PAGE_LINES:
        return None
    width = max(len(line) for line in text_lines)
    occupied = [0] * (width + 1)
    for line in text_lines:
        for position, char in enumerate(line):
            if char != " ":
                occupied[position] += 1
    allowed = MAX_CROSSING * len(text_lines)
    low, high = int(width * GUTTER_SPAN[0]), int(width * GUTTER_SPAN[1])
    best: tuple[int, int] | None = None
    position = low
    while position < high:
        if occupied[position] > allowed:
            position += 1
            continue
        end = position
        while end < width and occupied[end] <= allowed:
            end += 1
        if end - position >= GUTTER_WIDTH and (best is None or end - position > best[1] - best[0]):
            best = (position, end)
        position = end
    if best is None:
        return None
    start, end = best
    left = sum(1 for line in text_lines if line[:start].strip())
    right = sum(1 for line in text_lines if line[end:].strip())
    if min(left, right) < MIN_COLUMN_SHARE * len(text_lines):
        return None
    return start, end
