"""Heading titles: what a section number may stand before."""

from __future__ import annotations

from digest.clean import clean_text
from digest.clean.headings import continues_heading, is_heading_title
from digest.clean.lines import Line, split_lines
from digest.clean.structure import looks_like_unnumbered_heading
from digest.model import Heading


def test_an_address_is_no_heading_title() -> None:
    assert is_heading_title("School of Public Administration")
    assert not is_heading_title("School of Public Administration / liwei@example.edu.cn")
    assert not is_heading_title("Data at https://example.org/villages")
    assert not is_heading_title("Replication Files at www.example.org")


def test_a_footnote_that_opens_on_a_citation_is_no_heading_title() -> None:
    assert not is_heading_title("[27] empirically studies how residents choose services")


ABSTRACT = (
    "Abstract\nWe study how the party branches of two counties lead their village committees.\n\n"
)
INTRODUCTION = (
    "Village committees are elected every three years, and the Party branch leads\n"
    "their work in every village of the two counties we visited over the year.\n"
)
FINDINGS = (
    "The branches lead the committees, and the townships supervise both of them\n"
    "through regular meetings held every month in the township offices.\n"
)


def _headings(text: str) -> list[str]:
    return [block.text for block in clean_text(text).body if isinstance(block, Heading)]


def test_a_numbered_affiliation_is_no_section() -> None:
    title_page = (
        "Party Branches and Village Committees\n"
        "Li Wei1, Zhang Min2\n"
        "1 School of Public Administration / liwei@example.edu.cn\n"
        "2 Institute of Rural Studies / zhangmin@example.org.cn\n"
        "\n"
    )
    text = f"{title_page}{ABSTRACT}1 Introduction\n{INTRODUCTION}\n2 Findings\n{FINDINGS}"
    assert _headings(text) == ["Introduction", "Findings"]


def test_a_heading_after_a_line_of_figures_is_found() -> None:
    # A table's last value the extractor left in the text ends no sentence, yet no
    # sentence goes on from it either.
    text = f"{ABSTRACT}Introduction\n{INTRODUCTION}65.9\nMain Findings\n{FINDINGS}"
    assert _headings(text) == ["Introduction", "Main Findings"]


def test_a_heading_at_the_top_of_a_page_after_an_equation_number_is_found() -> None:
    # The page before ended on a display equation's number: no sentence goes on.
    equation = "y = f(x) + e (26)\n"
    text = f"{ABSTRACT}Introduction\n{INTRODUCTION}{equation}\fMain Findings\n{FINDINGS}"
    assert _headings(text) == ["Introduction", "Main Findings"]


def test_a_title_line_after_a_bracket_on_the_same_page_is_no_heading() -> None:
    # On one page, a line that closes a bracket without a full stop goes on.
    equation = "the survey counted the members of each council (see Table 2)\n"
    text = f"{ABSTRACT}Introduction\n{INTRODUCTION}{equation}Main Findings\n{FINDINGS}"
    assert _headings(text) == ["Introduction"]


def test_a_label_line_does_not_go_on_the_title_above_it() -> None:
    licence = "Creative Commons Attribution 4.0 International License (CC-BY-4.0)"
    assert continues_heading(licence, Line("Governance and Participation", 2), 70)
    assert not continues_heading(licence, Line("Author Contributions", 2), 70)
    assert not continues_heading(licence, Line("References", 2), 70)


def _after_caption(caption: str, title: str) -> list[Line]:
    """A finished sentence, a caption set apart (as the tables stage does), a title
    line, and prose: the title line is at index 3."""
    text = (
        "Turnout rose in every round after the reform and fell in none before it.\n"
        f"{caption}\n{title}\n"
        "Turnout and trust rise together in both counties, and disputes over land fall\n"
        "in the villages where turnout rose most over the years of the survey.\n"
    )
    lines = split_lines(text)
    lines.insert(2, Line("", 0))
    return lines


def test_the_second_line_of_a_caption_that_goes_on_is_no_heading() -> None:
    caption = "Figure 3: Relationship between Turnout, Trust and"
    lines = _after_caption(caption, "Disputes over Land in the Two Counties")
    assert not looks_like_unnumbered_heading(lines, 3, 78)


def test_a_title_line_after_a_finished_caption_without_a_full_stop_is_a_heading() -> None:
    lines = _after_caption("Figure 1. Trends in participation, 2012–2018", "Case Analysis")
    assert looks_like_unnumbered_heading(lines, 3, 78)


def test_a_section_heading_right_under_the_abstract_label_is_a_heading() -> None:
    # pdftotext read a two-column page out of order: a section's heading follows the
    # label, and the abstract's text comes elsewhere.
    text = (
        "Red Property and the Governance of Residential Quarters\n"
        "Sun Haoran\n\nAbstract\n\nWays to Improve Red Property Governance\n"
        "Embed Party organisations in property management. Every property company\n"
        "serving a quarter should set up or join a Party organisation at once.\n\n"
        "Introduction\n\nWe chose three quarters of different ages and interviewed\n"
        "31 owners, committee members, property managers and community cadres.\n"
    )
    doc = clean_text(text)
    assert doc.abstract == []
    headings = [block.text for block in doc.body if hasattr(block, "level")]
    assert headings == ["Ways to Improve Red Property Governance", "Introduction"]


def test_an_unnumbered_heading_may_open_on_a_quotation() -> None:
    text = (
        "Volunteers and the Elderly\nLi Ming\n\nIntroduction\n\n"
        "Most active volunteers were themselves retired people over sixty, and working\n"
        "residents rarely took part in the services of the community at all.\n\n"
        '"Time Bank" Points Cannot Be Redeemed\n\n'
        "Each community ran its own time bank, and points could not be carried to\n"
        "another community or city, so volunteers doubted they would be honoured.\n"
    )
    headings = [block.text for block in clean_text(text).body if isinstance(block, Heading)]
    assert '"Time Bank" Points Cannot Be Redeemed' in headings
