"""Page furniture in texts without page breaks (pdfium writes no form feeds)."""

from __future__ import annotations

from digest.clean import clean_text
from digest.site.markdown import render_document

HEAD = "Review of Village Administration"


def _page(number: int, sentences: int) -> list[str]:
    lines = [HEAD, f"Who Governs the Villages {number}"]
    for index in range(sentences):
        lines.append(f"Sentence {index + 1} of page {number} tells how the committees of the")
        lines.append("county meet every month in the offices of the township government.")
    return lines


def test_a_running_head_is_dropped_though_a_short_page_brings_two_closer() -> None:
    # Eight full pages and one short one (a table took its space): the head recurs
    # pages apart every time but once.
    pages = [_page(number, 10) for number in range(2, 7)]
    pages.append(_page(7, 2))
    pages += [_page(number, 10) for number in range(8, 11)]
    text = "1. Introduction\n" + "\n".join(line for page in pages for line in page) + "\n"
    markdown = render_document(clean_text(text))
    assert HEAD not in markdown
    assert "Who Governs the Villages" not in markdown
    assert "Sentence 10 of page 10 tells" in markdown


def _two_pages(page_top: list[str]) -> str:
    first = [
        "Party Building in Private Enterprises and Its Role in",
        "Community Governance",
        "Tang Rui",
        "",
        "1. Introduction",
        "Private firms in industrial parks have grown fast, and so has the number of Party",
        "members working in them, which is the question this paper takes up in full.",
        "",
        "1",
    ]
    second = [
        *page_top,
        "",
        "Integrate party building with corporate culture. Activities such as skill contests",
        "tie party building to production and to the culture of the firm.",
        "",
        "2",
    ]
    return "\n".join(first) + "\n\f" + "\n".join(second) + "\n"


def test_a_head_printed_once_is_known_by_abbreviating_the_title() -> None:
    # A two-page paper: its head is printed once, too few times to recur; it is the
    # title cut short, and the journal's name above it belongs to it.
    text = _two_pages(["Journal of Grassroots Governance Studies", "", "Party Building in Private"])
    doc = clean_text(text)
    markdown = render_document(doc)
    assert "Journal of Grassroots" not in markdown
    assert "Party Building in Private\n" not in markdown
    assert [block.text for block in doc.body if hasattr(block, "level")] == ["Introduction"]
    assert "Integrate party building with corporate culture." in markdown


def test_a_page_top_line_that_is_not_the_title_stays() -> None:
    # (Three words of the title's start would be, "Party Building in".)
    doc = clean_text(_two_pages(["Survey Findings in the Parks"]))
    assert "Survey Findings in the Parks" in render_document(doc)
    assert doc.furniture == [9, 15]  # the page numbers only


def test_a_head_abbreviating_the_title_is_known_whatever_its_quotation_marks() -> None:
    # The head's font turned the title's ‘Two into ’Two.
    text = _two_pages(["Journal of Grassroots Governance Studies", "", "Party Building in Private"])
    text = text.replace(
        "Party Building in Private Enterprises", "Party Building in ‘Private’ Enterprises", 1
    )
    text = text.replace("\nParty Building in Private\n", "\nParty Building in ’Private\n", 1)
    markdown = render_document(clean_text(text))
    assert "’Private\n" not in markdown and "Journal of Grassroots" not in markdown


def test_a_head_whose_halves_share_a_line_is_known_by_its_right_half() -> None:
    # A PDF reader joins the journal's name and the short title printed on one baseline,
    # a gap between them; a heading at the page's top that names the title stays.
    joined = "Journal of Grassroots Governance Studies    Party Building in Private"
    doc = clean_text(_two_pages([joined]))
    assert "Journal of Grassroots" not in render_document(doc)
    heading = "2. Party Building in Private Enterprises Today"
    kept = clean_text(_two_pages([heading]))
    assert "Party Building in Private Enterprises Today" in render_document(kept)
