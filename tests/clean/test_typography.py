"""Headings by the type lines are set in (``digest.clean.typography``).

Each case is a page of lines with sizes and weights written by hand, and the
headings (first line, level) a reader sees in it.
"""

from __future__ import annotations

from digest.clean import clean_text
from digest.clean.lines import Line
from digest.clean.typography import typeset_headings
from digest.model import Heading, LineStyle

BODY = "The committee met every month to settle the disputes of the village and its"


def page(*rows: tuple[str, float, bool]) -> list[Line]:
    return [
        Line(text, number, size=size, bold=bold)
        for number, (text, size, bold) in enumerate(rows, 1)
    ]


def body(count: int = 3) -> list[tuple[str, float, bool]]:
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


def test_a_bold_run_in_label_with_its_text_on_the_line_is_no_heading() -> None:
    # The PDF reader gives a line one weight: a bold label run in to its paragraph makes
    # the whole line bold. A sentence going on after a full stop tells it from a title.
    lines = page(
        *body(),
        ("Findings", 12.0, True),
        *body(),
        ("Placing the committee at the centre. The reform works because", 10.0, True),
        *body(),
        ("Open the ledger to every household. Rents, subsidies and dividends", 10.0, True),
        *body(),
        ("A. Allocation of Funds", 10.0, True),
        *body(),
    )
    assert levels(lines) == [(4, 1), (16, 2)]


def test_a_bold_label_is_no_heading_when_one_word_of_its_text_ends_the_line() -> None:
    # The paragraph's first word may be all of its text on the label's line, or the
    # first half of a word the line breaks.
    lines = page(
        *body(),
        ("Findings", 12.0, True),
        *body(),
        ("Keep the ledgers open to all. Branches", 10.0, True),
        *body(),
        ("Settle quarrels where they start. Vil-", 10.0, True),
        *body(),
        ("A. Allocation of Funds", 10.0, True),
        *body(),
    )
    assert levels(lines) == [(4, 1), (16, 2)]


def test_a_list_item_with_a_bold_lead_is_no_heading() -> None:
    # "- **Residents are seldom asked.** Some ..." set by LaTeX: a bullet glyph opens the
    # line, and the bold lead makes most of it bold.
    lines = page(
        *body(),
        ("Findings", 12.0, True),
        *body(),
        ("• Residents are seldom asked what they need most", 10.0, True),
        *body(),
        ("• Volunteers drift away after the first season", 10.0, True),
        *body(),
    )
    assert levels(lines) == [(4, 1)]


def test_a_bold_label_longer_than_its_line_is_no_heading() -> None:
    # The label's sentence goes on, in lower case, on the line under it.
    lines = page(
        *body(),
        ("Findings", 12.0, True),
        *body(),
        ("Put the branch at the head of the land", 10.0, True),
        ("cooperative. The secretary chairs its board and the branch", 10.0, False),
        *body(),
        ("A. Allocation of Funds", 10.0, True),
        *body(),
        # (An item marker in lower case under a heading is no sentence going on.)
        ("B. Remedies", 10.0, True),
        ("a. Train the secretaries. Counties should run classes for", 10.0, False),
        *body(),
    )
    assert levels(lines) == [(4, 1), (13, 2), (17, 2)]


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
