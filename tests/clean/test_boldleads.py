"""Bold run-in labels of a PDF's paragraphs (``digest.clean.boldleads``).

Each case is a section typed by hand: lines with sizes and weights, as the PDF reader
gives them (a line is bold when most of its letters are), and the run-in labels a
reader sees at the head of its paragraphs.
"""

from __future__ import annotations

from digest.clean import clean_text
from digest.model import Heading, LineStyle, Paragraph

BODY = "The committee met every month to settle the disputes of the village and its"
PLAIN = LineStyle(10.0)
BOLD = LineStyle(10.0, True)
HEADING = LineStyle(14.4, True)


def cleaned(rows: list[tuple[str, LineStyle]]) -> list[Heading | Paragraph]:
    text = "\n".join(text for text, _ in rows)
    return clean_text(text, [style for _, style in rows]).body


def section(*paragraphs: list[tuple[str, LineStyle]]) -> list[tuple[str, LineStyle]]:
    rows = [("3. Why the Councils Stall", HEADING), ("", LineStyle())]
    rows += [(BODY + " neighbours.", PLAIN)] * 3 + [("", LineStyle())]
    for lines in paragraphs:
        rows += [*lines, ("", LineStyle())]
    rows += [("4. Conclusion", HEADING), ("", LineStyle()), (BODY + ".", PLAIN)]
    return rows


def leads(rows: list[tuple[str, LineStyle]]) -> list[tuple[str | None, str]]:
    return [
        (block.lead, block.text.split()[0])
        for block in cleaned(rows)
        if isinstance(block, Paragraph)
    ]


def test_a_bold_label_running_on_into_plain_type_leads_its_paragraph() -> None:
    rows = section(
        [
            ("Owners treat Party building as a licensing cost. Branch", BOLD),
            ("establishment is one item in the inspection that keeps a firm", PLAIN),
            ("in the park, and owners build what it asks for.", PLAIN),
        ],
        [
            ("Staff rotate out every two years. Seven of the nine officers", BOLD),
            ("had served less than two years when we visited the parks.", PLAIN),
        ],
    )
    assert leads(rows)[1:3] == [
        ("Owners treat Party building as a licensing cost.", "Branch"),
        ("Staff rotate out every two years.", "Seven"),
    ]


def test_a_bold_label_that_fills_its_line_leads_the_paragraph_under_it() -> None:
    rows = section(
        [("Membership files stay in home villages while drivers are away.", BOLD)],
        [
            ("A driver's membership remains with the branch where he joined,", PLAIN),
            ("which cannot reach him on the road.", PLAIN),
        ],
    )
    found = cleaned(rows)
    # Not a heading: a sentence in bold body type closed by a full stop.
    assert [b.text for b in found if isinstance(b, Heading)] == [
        "Why the Councils Stall",
        "Conclusion",
    ]
    assert leads(rows)[1] == (
        "Membership files stay in home villages while drivers are away.",
        "A",
    )


def test_plain_paragraphs_bold_headings_and_bold_list_items_take_no_label() -> None:
    rows = section(
        [("Branch secretaries rarely meet. The branch", PLAIN), (BODY + ".", PLAIN)],
        [("1. Open the accounts. The branch should publish", BOLD), (BODY + ".", PLAIN)],
        [("Sub-heading in Bold", BOLD)],
        [(BODY + ".", PLAIN), (BODY + ".", PLAIN)],
    )
    found = cleaned(rows)
    assert all(block.lead is None for block in found if isinstance(block, Paragraph))
    assert "Sub-heading in Bold" in [b.text for b in found if isinstance(b, Heading)]


def test_a_body_set_in_bold_marks_nothing() -> None:
    rows = [
        (text, BOLD if style == PLAIN else style)
        for text, style in section(
            [
                ("Owners treat Party building as a licensing cost. Branch", PLAIN),
                ("establishment is one item in the inspection that keeps a firm", PLAIN),
            ],
        )
    ]
    assert all(lead is None for lead, _ in leads(rows))


def test_bold_words_opening_a_plain_line_end_a_label_begun_above() -> None:
    # The label's second line is plain by most of its letters; the reader says that
    # its first three words are bold.
    rows = section(
        [
            ("Committee staff are seconded from the district and rotate", BOLD),
            (
                "out every year. Seven of the nine staff we interviewed had",
                LineStyle(10.0, False, 3),
            ),
            ("come from the civil affairs bureau.", PLAIN),
        ],
        [
            ("Committee staff are seconded from the district and rotate", BOLD),
            ("out every year. Seven of the nine staff we interviewed had", PLAIN),
        ],
    )
    assert leads(rows)[1:3] == [
        ("Committee staff are seconded from the district and rotate out every year.", "Seven"),
        (None, "Committee"),  # (no word of the second line is bold: the label ends above)
    ]
