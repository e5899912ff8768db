"""Headings by the type lines are set in (``digest.clean.typography``).

Each case is a page of lines with sizes and weights written by hand, and the
headings (first line, level) a reader sees in it.
"""

from __future__ import annotations

import pytest

from digest.clean import clean_text
from digest.clean.lines import Line
from digest.clean.typography import typeset_headings
from digest.model import Heading, LineStyle

BODY = "The committee met every month to settle the disputes of the village and its"


Row = tuple[str, float, bool]


def page(*rows: Row) -> list[Line]:
    return [
        Line(text, number, size=size, bold=bold)
        for number, (text, size, bold) in enumerate(rows, 1)
    ]


def body(count: int = 3) -> list[Row]:
    return [(BODY, 10.0, False)] * count


def levels(lines: list[Line]) -> list[tuple[int, int]]:
    found = typeset_headings(lines) or {}
    return [(first, heading.level) for first, heading in sorted(found.items())]


def test_a_text_source_has_no_type_and_keeps_its_own_rules() -> None:
    assert typeset_headings([Line("1. Introduction", 1), Line(BODY, 2)]) is None


def test_larger_type_ranks_first_and_bold_at_body_size_comes_under_it() -> None:
    lines = page(
        ("Introduction", 14.4, True),
        *body(),
        ("Data", 12.0, True),
        *body(),
        ("Sampling", 10.0, True),
        *body(),
        ("Findings", 14.4, True),
        *body(),
    )
    assert levels(lines) == [(1, 1), (5, 2), (9, 3), (13, 1)]


def test_the_title_and_the_authors_are_set_large_but_only_before_the_body() -> None:
    lines = page(
        ("Village Elections in Henan", 17.2, False),
        ("Wei Zhang", 12.0, False),
        ("Introduction", 14.4, True),
        *body(),
        ("Conclusion", 14.4, True),
        *body(),
    )
    assert levels(lines) == [(3, 1), (7, 1)]


def test_one_type_serves_two_levels_told_apart_by_their_numbers() -> None:
    lines = page(
        ("B. Practice in Hunan", 12.0, True),
        *body(),
        ("B.1 The Experience of Hunan", 12.0, True),
        *body(),
        ("C. Discussion", 12.0, True),
        *body(),
    )
    assert levels(lines) == [(1, 1), (5, 2), (9, 1)]


def test_a_number_set_apart_takes_the_title_under_it() -> None:
    lines = page(
        ("Chapter 1", 20.7, True),
        ("Introduction and Context", 24.8, True),
        *body(),
        ("1.1 Background", 14.3, True),
        *body(),
        ("Chapter 2", 20.7, True),
        ("Findings", 24.8, True),
        *body(),
    )
    found = typeset_headings(lines) or {}
    assert [(first, h.level, h.text) for first, h in sorted(found.items())] == [
        (1, 1, "Chapter 1 Introduction and Context"),
        (6, 2, "1.1 Background"),
        (10, 1, "Chapter 2 Findings"),
    ]


def test_a_long_emphasised_passage_is_no_heading() -> None:
    passage = "This whole sentence is set in bold. It runs on and on across the column."
    lines = page(
        ("Introduction", 14.4, True),
        *body(),
        (passage, 10.0, True),
        *body(),
        ("Conclusion", 14.4, True),
        *body(),
    )
    assert levels(lines) == [(1, 1), (9, 1)]


def test_a_wrapped_heading_is_one_heading_in_the_cleaned_text() -> None:
    text = "\n".join(
        [
            "2.2 The Role of Owners' Commit-",
            "tees",
            *[BODY + "."] * 3,
            "",
            "3. Findings",
            BODY + ".",
        ]
    )
    styles = [LineStyle(12.0, True)] * 2 + [LineStyle(10.0)] * 3 + [LineStyle()]
    styles += [LineStyle(12.0, True), LineStyle(10.0)]
    headings = [block for block in clean_text(text, styles).body if isinstance(block, Heading)]
    assert [(h.number, h.text, h.level) for h in headings] == [
        ("2.2", "The Role of Owners' Committees", 2),  # (one type: the numbers tell)
        ("3.", "Findings", 1),
    ]


# The PDF reader gives a line one weight: a bold label run in to its paragraph makes the
# whole line bold. Each case: groups of lines, each group followed by body text, between
# a heading and a sub-heading that must stay the only headings.
@pytest.mark.parametrize(
    "groups",
    [
        pytest.param(
            [
                [("Placing the committee at the centre. The reform works because", 10.0, True)],
                [
                    (
                        "Open the ledger to every household. Rents, subsidies and dividends",
                        10.0,
                        True,
                    )
                ],
            ],
            id="a sentence going on after a full stop",
        ),
        pytest.param(
            [
                [("Keep the ledgers open to all. Branches", 10.0, True)],
                [("Settle quarrels where they start. Vil-", 10.0, True)],
            ],
            id="one word or half of one ending the line",
        ),
        pytest.param(
            # "- **Residents are seldom asked.** Some ..." set by LaTeX.
            [
                [("• Residents are seldom asked what they need most", 10.0, True)],
                [("• Volunteers drift away after the first season", 10.0, True)],
            ],
            id="a list item with a bold lead",
        ),
        pytest.param(
            [
                [
                    ("Put the branch at the head of the land", 10.0, True),
                    ("cooperative. The secretary chairs its board and the branch", 10.0, False),
                ]
            ],
            id="a label longer than its line, its sentence going on in lower case",
        ),
    ],
)
def test_a_bold_label_and_its_text_are_no_heading(groups: list[list[Row]]) -> None:
    rows = [row for group in groups for row in (*group, *body())]
    lines = page(
        *body(),
        ("Findings", 12.0, True),
        *body(),
        *rows,
        ("A. Allocation of Funds", 10.0, True),
        *body(),
    )
    found = typeset_headings(lines) or {}
    assert [(found[n].text, found[n].level) for n in sorted(found)] == [
        ("Findings", 1),
        ("A. Allocation of Funds", 2),
    ]


def test_an_item_marker_in_lower_case_under_a_heading_is_no_sentence_going_on() -> None:
    lines = page(
        *body(),
        ("Findings", 12.0, True),
        *body(),
        ("B. Remedies", 10.0, True),
        ("a. Train the secretaries. Counties should run classes for", 10.0, False),
        *body(),
    )
    assert levels(lines) == [(4, 1), (8, 2)]


def test_a_title_set_in_the_sections_type_is_no_section() -> None:
    # A preprint set with its title as an unnumbered section heading: the first lines of
    # the document are its title, for the front matter, whatever their type.
    lines = page(
        ("Party Branches and Flood Relief: Obstacles and Reasons", 14.0, True),
        ("Zhou Lin, Henan Academy of Social Sciences", 10.0, False),
        ("", 0.0, False),
        *body(),
        ("1 Introduction", 14.0, True),
        *body(),
        ("2 Findings", 14.0, True),
        *body(),
    )
    assert levels(lines) == [(7, 1), (11, 1)]


def test_a_numbered_heading_that_asks_a_question_is_a_heading_a_bold_sentence_is_not() -> None:
    lines = page(
        ("1. Introduction", 12.0, True),
        *body(),
        ("3. What Goes Wrong Between the Pond and the Market?", 12.0, True),
        *body(),
        ("4. Why Do the Branches Trail the Brokers?", 12.0, True),
        *body(),
        # (a bold label that ends its sentence and starts another is no heading)
        ("5. Branches trail. Why do they?", 12.0, True),
        *body(),
    )
    assert levels(lines) == [(1, 1), (5, 1), (9, 1)]


def test_a_line_alone_in_italic_body_type_is_a_sub_heading_under_the_bold_ones() -> None:
    def italic(text: str, number: int) -> Line:
        return Line(text, number, size=10.0, italic=True)

    def blank(number: int) -> Line:
        return Line("", number)

    rows = [
        Line("1. Introduction", 1, size=12.0, bold=True),
        *(Line(BODY, n, size=10.0) for n in (2, 3, 4)),
        Line("2. What the New Houses Left Unsettled", 5, size=12.0, bold=True),
        Line(BODY, 6, size=10.0),
        blank(7),
        italic("Land left behind, land not yet handed over", 8),
        blank(9),
        Line(BODY, 10, size=10.0),
        blank(11),
        # (an italic quotation ends on its stop; an italic line inside a paragraph has
        # no blank line above it)
        italic("We live better and we earn less.", 12),
        blank(13),
        Line(BODY, 14, size=10.0),
        italic("One village, two rulebooks", 15),
        blank(16),
        Line(BODY, 17, size=10.0),
        blank(18),
        italic("One village, two rulebooks", 19),
        blank(20),
        Line(BODY, 21, size=10.0),
    ]
    assert levels(rows) == [(1, 1), (5, 1), (8, 2), (19, 2)]
