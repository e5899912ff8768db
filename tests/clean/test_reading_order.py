"""A default-mode extraction of a two-column page: rows merged across a narrow gutter
(merged.py) and sections printed out of order (sectionorder.py).

The texts are written here by hand in the shape ``pdftotext`` gives a one-page paper
set in two columns with LaTeX's 10pt gutter: the right column's heading printed after
the left column's "Abstract", a row holding both columns' lines one space apart.
"""

from __future__ import annotations

from digest.clean import clean_text
from digest.clean.lines import Line
from digest.clean.merged import cut_merged_rows
from digest.clean.sectionorder import restore_section_order
from digest.model import Heading

WIDTH = 60


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_a_row_is_cut_after_the_left_lines_broken_word() -> None:
    row = "Township councils for consultation have spread across Fu- (1) The Branch Should Listen"
    assert texts(cut_merged_rows([Line(row, 7)], WIDTH)) == [
        "Township councils for consultation have spread across Fu-",
        "(1) The Branch Should Listen",
    ]


def test_rows_without_a_column_are_not_cut() -> None:
    rows = [
        # a hyphen kept before "and": one column's words
        "Both short- and long-term support were promised by the county government offices",
        # a broken word's second half opens with a small letter: an extractor's space
        "The evaluation of the reform of the township gover- nance of the county offices",
        # the broken word stands far short of a full line: not the column's end
        "The co- Operative and the branch",
    ]
    lines = [Line(text, number) for number, text in enumerate(rows, start=1)]
    assert texts(cut_merged_rows(lines, WIDTH)) == rows


SHUFFLED = """\
A Study of Consultation in Two Townships
Li Ming

Abstract

3. Lessons

Councils are common in the province. This paper studies
two townships and what other townships may learn.

1. Introduction

(2) Keep the Minutes Public

Consultation is encouraged by central documents. Villagers
discuss public matters before the committees decide.
(3) Bind the Township to Respond

Townships should answer council decisions within a month.

2. Case Analysis
2.1 How the Councils Work
The branch proposes the agenda and representatives discuss it.

2.2 Difficulties Encountered
Representatives are often the same elderly men, and women
are absent from the councils.
"""


def headings(text: str) -> list[tuple[int, str | None, str]]:
    doc = clean_text(text)
    return [(b.level, b.number, b.text) for b in doc.body if isinstance(b, Heading)]


def test_sections_printed_out_of_order_are_read_in_the_order_of_their_numbers() -> None:
    # "(1)" is on a row merged with the left column's line; "(2)" and "(3)" stand
    # beside "1. Introduction": the series stays under "3. Lessons", where it began.
    text = SHUFFLED.replace(
        "Councils are common in the province. This paper studies\n",
        "Councils are common in the province. This paper stu- (1) Lead Without Deciding\n",
    )
    assert [(number, title) for _, number, title in headings(text)] == [
        ("1.", "Introduction"),
        ("2.", "Case Analysis"),
        ("2.1", "How the Councils Work"),
        ("2.2", "Difficulties Encountered"),
        ("3.", "Lessons"),
        ("(1)", "Lead Without Deciding"),
        ("(2)", "Keep the Minutes Public"),
        ("(3)", "Bind the Township to Respond"),
    ]
    levels = {number: level for level, number, _ in headings(text)}
    assert levels["(2)"] > levels["3."]


def test_sections_in_order_and_short_shuffled_lists_are_left_alone() -> None:
    in_order = [
        Line(text, number)
        for number, text in enumerate(
            ["1. Introduction", "Text.", "2. Methods", "Text.", "3. Results", "Text."], start=1
        )
    ]
    assert restore_section_order(in_order) == in_order
    # Two numbers out of order are no outline: a list's items, a figure's labels.
    two = [Line("2. Second Point", 1), Line("Text.", 2), Line("1. First Point", 3)]
    assert restore_section_order(two) == two
    # A number missing (1, 3, 4): not every section is there to be put in order.
    gaps = [Line(f"{n}. Part Number {n}", n) for n in (3, 1, 4)]
    assert restore_section_order(gaps) == gaps
