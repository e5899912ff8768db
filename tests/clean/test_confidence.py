"""The cleaner's account of itself: one summary line per paper, doubts as warnings."""

from __future__ import annotations

from digest.clean import clean_text
from digest.clean.confidence import confidence

NUMBERED = (
    "1. Introduction\nVillage committees are elected every three years by the residents.\n\n"
    "2. Methods\nWe interviewed forty cadres in two counties of the province.\n"
)


def test_a_numbered_text_is_summarised_and_raises_no_doubt() -> None:
    sure = confidence(clean_text(NUMBERED))
    assert (sure.headings, sure.guessed_headings, sure.paragraphs) == (2, 0, 2)
    assert sure.summary().startswith("2 headings, 2 paragraphs, 0 list items, 0 footnotes")
    assert sure.doubts() == []


def test_a_long_text_without_headings_is_doubted() -> None:
    text = "Residents take part in the meetings of the village committee every month.\n\n" * 200
    sure = confidence(clean_text(text))
    assert sure.headings == 0 and sure.words >= 1500
    assert sure.doubts() and "no section heading found" in sure.doubts()[0]


def test_headings_found_by_shape_alone_are_doubted() -> None:
    text = (
        "Abstract: We study village committees in two counties of one province.\n\n"
        "Introduction\nVillage committees are elected every three years by the residents.\n\n"
        "Methods\nWe interviewed forty cadres in two counties of the province.\n"
    )
    sure = confidence(clean_text(text))
    assert sure.headings == sure.guessed_headings == 2
    assert "found by their shape alone" in sure.doubts()[0]


def test_page_furniture_is_counted() -> None:
    page = "Journal of Rural Studies\n\n{body}\n\n{n}\n"
    bodies = ["Committees meet monthly.", "Cadres are elected.", "Funds are audited.", "Fine."]
    text = "\f".join(page.format(body=body, n=n) for n, body in enumerate(bodies, start=1))
    text = text.replace("Committees", "1. Introduction\nCommittees", 1)
    sure = confidence(clean_text(text))
    assert sure.furniture == 8  # a running head and a page number on each of four pages


def test_tables_moved_out_of_the_text_are_counted() -> None:
    text = (
        "1. Introduction\nThe committees met every month in the villages we studied.\n"
        "Table 1. Members of the committees\nIndicator      Mean\nCadres           56\n"
        "Volunteers       12\n\n2. Methods\nWe interviewed forty cadres in two counties.\n"
    )
    sure = confidence(clean_text(text))
    assert sure.tables == 1
    assert "1 tables moved out of the text" in sure.summary()


def test_a_text_read_across_two_columns_is_doubted() -> None:
    # pdftotext without -layout on a two-column page: the columns' lines are
    # interleaved inside one line, words broken at one column's end stand inside it.
    text = (
        "1. Introduction\n"
        "By contrast, critics note that the emphasis on compre-\n"
        "Gover- hensiveness can crowd out genuine participation by resi-\n"
        "dents. Scholars disagree about whether the autonomy of owners' comBy contrast, "
        "where alliances were involved mittees (Han, 2013).\n"
        "from the outset, the coordination of volunteer services pro- follows:\n"
    )
    sure = confidence(clean_text(text))
    assert sure.broken_inside == 2
    assert "read two columns across" in sure.doubts()[0]


def test_suspended_hyphens_are_no_sign_of_columns() -> None:
    text = (
        "1. Introduction\nBoth short- and long-term plans, pre- or post-reform, and first- "
        "to third-tier cities were studied.\n"
    )
    sure = confidence(clean_text(text))
    assert sure.broken_inside == 0 and sure.doubts() == []
