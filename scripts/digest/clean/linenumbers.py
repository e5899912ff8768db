"""Line numbers in the margin: a manuscript's review numbering, taken off its lines.

Journals' review templates (``lineno``, PLOS, PNAS, many preprints) print a number
beside every line, in one margin or in both. Extractors write it in three ways: at the
line's end ("Introduction 1", ``-layout`` and ``-raw`` with a right margin), at its
start ("24   Agencies, such as", ``-layout`` with a left margin), or as lines of bare
numbers in blocks of their own (``pdftotext``'s default, which reads the margin as a
column). Left there, they end up inside headings and sentences. They are known by
what no ordinary text has: a large share of the lines carrying a number at the same
edge, nearly every one of them one apart from another such number.
"""

from __future__ import annotations

import re

from digest.clean.columns import RawLine

_TRAILING = re.compile(r"^(?P<text>.*\S)\s+(?P<value>\d{1,4})\s*$")
_LEADING = re.compile(r"^(?P<margin>\s*(?P<value>\d{1,4})\s+)\S")
_BARE = re.compile(r"^\s*(?P<value>\d{1,4})\s*$")
# One way of writing the numbers is the text's numbering when it covers at least this
# share of the written lines (ordinary text stays under a tenth: numbered headings,
# table cells, page numbers) ...
MIN_SHARE = 0.3
# ... and at least this share of its numbers have a neighbour (one more or one less)
# among the numbers found on their page, in whatever order the extractor wrote them.
MIN_COUNTING = 0.8


def strip_line_numbers(pages: list[list[RawLine]]) -> list[list[RawLine]]:
    """The pages with margin line numbers taken off, when the text has them; else the
    pages as they were. Lines of a bare number are dropped; a number at a line's start
    becomes spaces, so that ``-layout`` columns stay where they were."""
    kinds: dict[str, list[tuple[int, int, int]]] = {"bare": [], "leading": [], "trailing": []}
    # Where each line's numbers end or start, kept from the one match: (page, position)
    # -> the end of a leading number's margin, or the end of the text before a trailing one.
    margin_ends: dict[tuple[int, int], int] = {}
    text_ends: dict[tuple[int, int], int] = {}
    written = 0
    for page_index, page in enumerate(pages):
        for position, line in enumerate(page):
            if not line.text.strip():
                continue
            written += 1
            bare = _BARE.match(line.text)
            if bare:
                kinds["bare"].append((page_index, position, int(bare["value"])))
                continue
            leading = _LEADING.match(line.text)
            if leading:
                kinds["leading"].append((page_index, position, int(leading["value"])))
                margin_ends[page_index, position] = leading.end("margin")
            # (Only a line that ends in a digit may: the regex backtracks through the line.)
            ends_in_digit = line.text.rstrip()[-1:].isdigit()
            trailing = _TRAILING.match(line.text) if ends_in_digit else None
            if trailing:
                kinds["trailing"].append((page_index, position, int(trailing["value"])))
                text_ends[page_index, position] = trailing.end("text")
    every = {(page, value) for found in kinds.values() for page, _, value in found}
    numbering = {
        kind
        for kind, found in kinds.items()
        if written
        and len(found) >= MIN_SHARE * written
        and _counting(found, every) >= MIN_COUNTING * len(found)
    }
    if not numbering:
        return pages
    dropped: list[set[int]] = [set() for _ in pages]
    for page_index, position, value in kinds["bare"]:
        # Bare numbers go with any margin numbering they fit in (a line whose text
        # the extractor wrote apart from its number), not only when they are most.
        if "bare" in numbering or _has_neighbour(page_index, value, every):
            dropped[page_index].add(position)
    margin_ends = margin_ends if "leading" in numbering else {}
    text_ends = text_ends if "trailing" in numbering else {}
    stripped = [list(page) for page in pages]
    for page_index, position in margin_ends.keys() | text_ends.keys():
        line = stripped[page_index][position]
        text = line.text[: text_ends.get((page_index, position))]
        margin = margin_ends.get((page_index, position), 0)
        text = " " * margin + text[margin:]
        stripped[page_index][position] = RawLine(text, line.number, line.page, line.column)
    return [_drop(page, dropped[page_index]) for page_index, page in enumerate(stripped)]


def _drop(page: list[RawLine], dropped: set[int]) -> list[RawLine]:
    """The page without its dropped lines, and without the blank lines that only
    stood between them: a block of numbers leaves one blank line, not many."""
    kept: list[RawLine] = []
    since_kept = False  # a line was dropped since the last one kept
    for position, line in enumerate(page):
        if position in dropped:
            since_kept = True
            continue
        if not line.text.strip() and since_kept and kept and not kept[-1].text.strip():
            continue
        kept.append(line)
        since_kept = False
    return kept


def _counting(found: list[tuple[int, int, int]], every: set[tuple[int, int]]) -> int:
    """How many of the numbers found have a neighbour among all the numbers on their
    page: lines are numbered one after another, whichever margin and order they come
    out in (a page number in a running head has none on its page)."""
    return sum(1 for page, _, value in found if _has_neighbour(page, value, every))


def _has_neighbour(page: int, value: int, every: set[tuple[int, int]]) -> bool:
    return (page, value - 1) in every or (page, value + 1) in every
