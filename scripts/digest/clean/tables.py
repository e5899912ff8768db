"""Tables and figures: captions as blocks of their own, tables' cells out of the text.

A PDF extractor prints a table as short lines of labels and numbers, row by
row or column by column, after the caption ("Table 2. Spending on ..."). In
the flow of the text they read as noise and split the paragraph they stand in,
so they are taken out and kept with the document as the table's cells (never
dropped); the caption stays in the text, as a block of its own, and so does a
figure's. A table is known by its caption and
by the shape of the lines that follow it: few words, or mostly numbers.
Nothing else is taken for a table, however number-heavy, so a paragraph of
statistics stays where it is.
"""

from __future__ import annotations

import re

from digest.clean.headings import is_title_like
from digest.clean.labels import match_label
from digest.clean.lines import Line, typical_width
from digest.clean.numbering import parse_number
from digest.clean.sentences import ends_sentence, starts_lowercase
from digest.model import TableCells

_CAPTION = re.compile(
    r"^(?:(Table|TABLE|Tab\.)|Figure|FIGURE|Fig\.)\s+(?:\d+|[IVXLC]+)(?:[.:]|\s+[-–—]|\s+[A-Z])"
)
# A cell line holds at most this many words; a row with numbers may hold more.
MAX_CELL_WORDS = 6
MAX_ROW_WORDS = 14
# A row: at least this share of its words are numbers ("Cadres 569 78.1").
MIN_NUMBER_SHARE = 0.3
# A line of at least this many words that runs on to the next line is prose.
MIN_PROSE_WORDS = 4
# The rest of a title after its broken word holds at most this many words.
MAX_TITLE_TAIL_WORDS = 3
# A caption line this long (share of the text's width) was full: it wrapped.
FULL_CAPTION = 0.85
# A caption wraps over at most this many lines.
MAX_CAPTION_LINES = 3
# A table has at least this many cell lines.
MIN_CELLS = 2
# A column of a table read column by column has at least this many rows.
MIN_COLUMN_ROWS = 3
_NUMBER = re.compile(r"^[(\[]?[-+−–]?[\d.,]+%?[)\]]?$|^[-–—]$|^n/?a$", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$|^[IVXLC]+\.?$")
# At most this many headings in a row may follow a table (a section's, a sub-section's).
MAX_TRAILING_HEADINGS = 2


def is_caption(text: str) -> bool:
    """A table's or a figure's caption ("Table 2. Spending ...", "Fig. 3: Trends")."""
    return _CAPTION.match(text) is not None


def is_table_caption(text: str) -> bool:
    match = _CAPTION.match(text)
    return match is not None and match.group(1) is not None


def is_cell(text: str) -> bool:
    """A line that reads as part of a table: a few words, or mostly numbers."""
    words = text.split()
    if not words:
        return False
    numbers = sum(1 for word in words if _NUMBER.match(word))
    if len(words) <= MAX_CELL_WORDS and not (ends_sentence(text) and len(words) > 2):
        return True
    return len(words) <= MAX_ROW_WORDS and numbers >= MIN_NUMBER_SHARE * len(words)


def _in_table(text: str) -> bool:
    """A cell, and not a numbered heading or a label ("3. Findings", "Chapter 3",
    "References")."""
    numbered = parse_number(text)
    if numbered is not None and numbered[1] and is_title_like(numbered[1]):
        return False
    if numbered is not None and re.search(r"[A-Za-z]{2}", text):
        return False  # "Chapter 3", "Section IV" standing alone: its title follows
    return match_label(text) is None and not is_caption(text) and is_cell(text)


def extract_tables(
    lines: list[Line], keep: frozenset[int] = frozenset()
) -> tuple[list[Line], list[TableCells]]:
    """The lines without tables' cells, and the tables in the order of their captions.
    ``keep``: source lines known to be no cell (headings the type marks): a table ends there.

    The caption becomes a block of its own. A table set inside a sentence (a float
    the sentence runs around) gives its caption after the sentence's end (or the
    paragraph's, where blank lines mark it), so that the sentence is joined again.
    """
    kept: list[Line] = []
    tables: list[TableCells] = []
    width = typical_width(lines)
    waiting: list[list[Line]] = []  # captions to give after the paragraph they interrupted
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if waiting and (line.blank or (ends_sentence(line.text) and not is_caption(line.text))):
            # The interrupted sentence has ended (at a blank line, or on this line where
            # the text has no blank lines): the captions follow it.
            kept.extend([line] if line.blank else [line, Line("", line.number, page=line.page)])
            for caption in waiting:
                kept.extend([*caption, Line("", caption[-1].number, page=caption[-1].page)])
            waiting = []
            continue
        if line.blank or not is_caption(line.text):
            kept.append(line)
            continue
        before = next((other for other in reversed(kept) if not other.blank), None)
        caption = [line]
        if before is None or ends_sentence(before.text) or is_title_like(before.text):
            index = _caption_rest(lines, index, caption, width)
        end = index
        while (
            is_table_caption(line.text)
            and end < len(lines)
            and (lines[end].blank or _in_table(lines[end].text))
            and lines[end].number not in keep
        ):
            end += 1
        region = list(range(index, end))
        while region and lines[region[-1]].blank:
            region.pop()
        returned = _not_cells(lines, region, end)
        cells = [position for position in region if position not in returned]
        if sum(1 for position in cells if not lines[position].blank) < MIN_CELLS:
            cells, returned, region = [], set(), []
        else:
            text = [lines[position].text for position in cells if not lines[position].blank]
            title = " ".join(part.text for part in caption)
            tables.append(TableCells(title, text, line.number))
            index = region[-1] + 1
        after = lines[index] if index < len(lines) and not returned else None
        interrupted = (
            before is not None
            and not ends_sentence(before.text)
            and after is not None
            and starts_lowercase(after.text)
        )
        if interrupted:
            waiting.append(caption)
        else:
            kept.extend([Line("", line.number, page=line.page), *caption])
            kept.append(Line("", caption[-1].number, page=caption[-1].page))
        if returned:  # the text after the table starts a block of its own
            kept.extend(lines[position] for position in sorted(returned))
    for caption in waiting:
        kept.extend([Line("", caption[0].number, page=caption[0].page), *caption])
    return kept, tables


def _caption_rest(lines: list[Line], index: int, caption: list[Line], width: int) -> int:
    """Take the lines a wrapped caption goes on to ("Figure 1. Framework of urban" /
    "governance") into ``caption``; return the index after them.

    A caption that has not ended goes on to a line in lower case: after a finished
    sentence, such a line is no text of the page's own. A caption line as wide as
    the text goes on to a last word or two in Title Case ("... in Zhejiang" /
    "Province"), which a short heading after a short caption is not; a figure's
    only, since a table's first row may be such a line.
    """
    while (
        index < len(lines)
        and len(caption) < MAX_CAPTION_LINES
        and not caption[-1].text.endswith(".")
        and not lines[index].blank
    ):
        following = lines[index].text
        # (Not a table's: its cells' first row may be a word or two in Title Case.)
        figure = not is_table_caption(caption[0].text)
        full = figure and bool(width) and len(caption[-1].text) >= FULL_CAPTION * width
        tail = len(following.split()) <= MAX_TITLE_TAIL_WORDS and not ends_sentence(following)
        if not (starts_lowercase(following) or (full and tail)):
            break
        caption.append(lines[index])
        index += 1
    return index


def _not_cells(lines: list[Line], region: list[int], end: int) -> set[int]:
    """Lines of the region that belong to the text after the table, not to it.

    The region's last lines, when they are titles followed by prose, are headings
    (a section's and its first sub-section's) the table stood before; a heading's
    number printed on a line of its own just before its title goes with it, and so
    does one printed among the cells, standing alone between blank lines, as an
    extractor that reads a page column by column prints it.
    """
    body = [position for position in region if not lines[position].blank]
    if not body or end >= len(lines):
        return set()
    returned: set[int] = set()
    following = end
    while body and body[-1] + 1 == following and _runs_on(lines[body[-1]], lines[following]):
        following = body.pop()  # prose of few words per line (a narrow column)
        returned.add(following)
    if _ends_on_a_column(body):
        return returned  # the row labels, read column by column after the values
    titles = 0
    while body and titles < MAX_TRAILING_HEADINGS:
        if _broken_title(lines, body):  # "Party Build-" / "ing": a title's two lines
            returned.add(body.pop())
        if not body or not _title(lines[body[-1]].text):
            break
        title = body.pop()
        returned.add(title)
        titles += 1
        if body and body[-1] == title - 1 and _SECTION_NUMBER.match(lines[body[-1]].text):
            returned.add(body.pop())  # "3" on the line just above "Findings"
    if not returned:
        return set()
    # The heading's number stands alone between blank lines, unlike a column's values.
    numbers = [
        position
        for position in body
        if _SECTION_NUMBER.match(lines[position].text)
        and lines[position - 1].blank
        and position + 1 < len(lines)
        and lines[position + 1].blank
    ]
    if numbers and not any(_SECTION_NUMBER.match(lines[p].text) for p in returned):
        returned.add(numbers[-1])
    return returned


def _ends_on_a_column(body: list[int]) -> bool:
    """The region's last block of lines (after its last blank line) is as long as the
    block before it, and long enough to be no heading pair: an extractor that reads a
    table column by column gives each column such a block ("240" "626" "162", then
    "Party members" "Households" "Budget")."""
    blocks: list[list[int]] = []
    for position in body:
        if blocks and position == blocks[-1][-1] + 1:
            blocks[-1].append(position)
        else:
            blocks.append([position])
    return len(blocks) >= 2 and len(blocks[-1]) == len(blocks[-2]) >= MIN_COLUMN_ROWS


def _runs_on(line: Line, following: Line) -> bool:
    """A line of words whose sentence goes on to the next line: prose, not a cell."""
    words = line.text.split()
    return (
        len(words) >= MIN_PROSE_WORDS
        and not any(_NUMBER.match(word) for word in words)
        and not ends_sentence(line.text)
        and not following.blank
        and starts_lowercase(following.text)
    )


def _broken_title(lines: list[Line], body: list[int]) -> bool:
    """The last line is the end of a word a title line broke ("Party Build-" / "ing")."""
    if len(body) < 2 or body[-2] != body[-1] - 1:
        return False
    head, tail = lines[body[-2]].text, lines[body[-1]].text
    return (
        head.endswith("-")
        and head[-2:-1].isalpha()
        and _title(head)
        and starts_lowercase(tail)
        and len(tail.split()) <= MAX_TITLE_TAIL_WORDS
    )


def _title(text: str) -> bool:
    """A heading's title: words, no figures, capitalised."""
    return not any(ch.isdigit() for ch in text) and text[:1].isupper() and is_title_like(text)
