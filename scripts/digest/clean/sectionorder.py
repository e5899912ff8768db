"""Sections an extractor printed out of order: put back in the order of their numbers.

``pdftotext`` (default mode) orders a page's text blocks itself. On a short
two-column page whose right column is only partly filled, it interleaves the two
columns block by block: a text's sections come out as "4. Enlightenment", "1.
Introduction", "2. Case Selection", "5. Conclusion", "3. Case Analysis". The
segmenter follows the outline from 1 on, so a section printed before its turn is no
heading, and its text and sub-sections fall into whatever section is open.

When a text's top-level section numbers are each of 1..n exactly once, n at least
MIN_SECTIONS, and out of order, nothing but a misread page prints them so: the
sections are put back in the order of their numbers, each with its text (from its
heading to the next numbered heading). Sub-sections numbered in another scheme
("(1)" under "4.") may also stand apart from their section, beside another column's
heading: a sub-section numbered 1 goes with the section printed last before it,
and each next one with the section of the one before it ("(2)" after "(1)"), so a
series stays under the section it started in.

The text inside a section is not re-ordered: lines of the two columns that the
extractor interleaved stay so (see merged.py for rows it merged).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.clean.headings import is_heading_title, is_title_case
from digest.clean.lines import Line
from digest.clean.numbering import SectionNumber, parse_number

# Fewer top-level sections than this in a shuffled order may be a list's items.
MIN_SECTIONS = 3


@dataclass
class _Chunk:
    """A numbered heading's line and the lines after it, up to the next such heading."""

    number: SectionNumber
    lines: list[Line]
    series: list[_Chunk] = field(default_factory=list)  # sub-sections of another scheme


def restore_section_order(lines: list[Line]) -> list[Line]:
    """The lines with their top-level sections in the order of their numbers, when the
    extractor printed them shuffled (see the module's docstring); else as they are."""
    headings = [(index, number) for index, line in enumerate(lines) if (number := _heading(line))]
    scheme = _shuffled_scheme([number for _, number in headings])
    if scheme is None:
        return lines
    # Chunks start at the top-level headings and at the single-level headings of other
    # schemes; the top scheme's deeper numbers ("3.1") stay inside their section.
    starts = [
        (index, number)
        for index, number in headings
        if len(number.values) == 1 and not (number.scheme != scheme and number.is_path)
    ]
    preamble = lines[: starts[0][0]]
    chunks = [
        _Chunk(number, lines[index:end])
        for (index, number), end in zip(
            starts, [index for index, _ in starts[1:]] + [len(lines)], strict=True
        )
    ]
    top: list[_Chunk] = []
    parent_of: dict[tuple[str, int], _Chunk] = {}  # (scheme, value) -> its section
    for chunk in chunks:
        if chunk.number.scheme == scheme:
            top.append(chunk)
            continue
        value = chunk.number.values[0]
        parent = parent_of.get((chunk.number.scheme, value - 1)) if value > 1 else None
        parent = parent or (top[-1] if top else None)
        if parent is None:
            preamble = [*preamble, *chunk.lines]
            continue
        parent.series.append(chunk)
        parent_of[(chunk.number.scheme, value)] = parent
    ordered = list(preamble)
    for section in sorted(top, key=lambda chunk: chunk.number.values):
        for chunk in [section, *section.series]:
            # A blank line before each heading: its section's text ends there.
            ordered.append(Line("", chunk.lines[0].number, 0, chunk.lines[0].page))
            ordered.extend(chunk.lines)
    return ordered


def _heading(line: Line) -> SectionNumber | None:
    """The number of a line that reads as a numbered heading: a Title Case title."""
    if line.blank:
        return None
    numbered = parse_number(line.text)
    if numbered is None:
        return None
    number, title = numbered
    return number if title and is_heading_title(title) and is_title_case(title) else None


def _shuffled_scheme(numbers: list[SectionNumber]) -> str | None:
    """The scheme whose single-level numbers are 1..n, each once, out of order."""
    by_scheme: dict[str, list[int]] = {}
    for number in numbers:
        if len(number.values) == 1:
            by_scheme.setdefault(number.scheme, []).append(number.values[0])
    for scheme, values in by_scheme.items():
        every_one = sorted(values) == list(range(1, len(values) + 1))
        if len(values) >= MIN_SECTIONS and every_one and values != sorted(values):
            return scheme
    return None
