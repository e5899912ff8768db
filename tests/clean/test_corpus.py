"""The cleaner on the real corpus: facts read off the sources by hand, and CommonMark validity."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from digest.clean import clean_text
from digest.model import Heading, Paragraph
from digest.site.markdown import render_document

SOURCES = Path(__file__).resolve().parents[2] / "sources"
TEXTS = sorted(SOURCES.glob("*.txt"))


def clean(prefix: str):
    (path,) = [p for p in TEXTS if p.name.startswith(prefix)]
    return clean_text(path.read_text(encoding="utf-8"))


def numbers(doc) -> list[str]:
    return [block.number for block in doc.body if isinstance(block, Heading)]


def test_headings_of_the_run_in_text_without_blank_lines() -> None:
    doc = clean("003")
    assert numbers(doc) == ["1.", "2.", "3.", "4.", "4.1", "4.2", "4.3", "4.4", "5."]
    headings = {b.number: b for b in doc.body if isinstance(b, Heading)}
    assert headings["4.1"].text == (
        "Strengthen the Construction of Safety and Improve the Legal Service Function "
        "of Rural Party Organizations"
    )
    assert headings["4.3"].level == 2 and not headings["4.3"].text.endswith(".")


def test_run_in_heads_of_003() -> None:
    leads = [b.lead for b in clean("003").body if getattr(b, "lead", None)]
    assert leads == [
        "Thought building.",
        "Organization building.",
        "Style construction.",
        "Anti-corruption and clean construction.",
        "System Construction.",
    ]


def test_items_of_002() -> None:
    doc = clean("002")
    markers = [b.marker for b in doc.body if getattr(b, "marker", None)]
    assert markers == [
        "1)",
        "2)",
        "3)",
        "4)",
        "5)",
        "6)",
        "1)",
        "2)",
        "3)",
        "4)",
        "1)",
        "2)",
        "3)",
        "4)",
    ]
    first = next(b for b in doc.body if getattr(b, "marker", None))
    assert (
        first.lead
        == "Political construction is the primary content of grass-roots party construction."
    )
    assert first.text.startswith("The political function of the grass-roots party organizations")


def test_lost_hyphens_and_quotes_of_003_are_repaired() -> None:
    text = render_document(clean("003"))
    assert "selfgovernment" not in text
    assert "villagers’ self-government organizations is unbalanced" in text
    assert "concept of “administrative” leadership" in text
    # A word broken at a lost line end ("grass|roots"): the paper writes it closed 40
    # times and hyphenated 6, so it is joined the way the paper writes it most.
    assert "rural grassroots party organizations, the construction of ideology" in text
    assert "the “last Km” problem." in text


def test_page_breaks_of_000_are_joined() -> None:
    text = render_document(clean("000"))
    assert "is an inevitable trend to meet the requirements" in text
    assert "The low ability and negative attitude of the grassroots cadres" in text


def test_blocks_of_the_markdown_like_texts() -> None:
    first = clean("001")
    assert first.front.title == (
        "The Governance of the Grass Roots under the Guidance of the Party Building at the "
        "Grassroots Level"
    )
    assert first.front.authors == "Wang Sijing"
    assert len(first.front.affiliations) == 2
    assert first.keywords == [
        "Grass Roots Party Construction",
        "Grass Roots Governance",
        "Importance",
        "Dilemma",
        "Optimization Path",
    ]
    assert [s.label for s in first.back] == ["Acknowledgement"]
    assert len(first.references) == 6
    fourth = clean("004")
    assert fourth.front.authors == "Xu Xinpeng & Li Juebin"
    assert [s.label for s in fourth.back] == ["Funding"]
    assert len(fourth.references) == 20
    wrapped = [r.text for r in fourth.references if r.text.startswith("Yan, J.")]
    assert wrapped == [
        'Yan, J., & Huang, K. X. (2021). Activating the "muscle cells" and dredging the '
        '"nerve endings"—Exploration of Party building in Bishan District, Chongqing to lead '
        "community governance. Social Governance, 2021(12)."
    ]
    assert numbers(fourth)[-1] == "6."
    assert len(numbers(fourth)) == 24  # 1, 2, 3 (+2, +4, +1, +4), 4 (+1, +2, +1, +2, +1), 5, 6


def test_raw_texts_have_no_front_matter_or_references() -> None:
    for prefix in ("000", "002", "003"):
        doc = clean(prefix)
        assert doc.front.title is None and doc.references == []
        assert doc.abstract, prefix


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_output_is_commonmark_without_raw_html(path: Path) -> None:
    doc = clean_text(path.read_text(encoding="utf-8"))
    markdown = render_document(doc)
    tokens = MarkdownIt("commonmark").parse(markdown)
    kinds = {token.type for token in tokens}
    assert "html_block" not in kinds and "html_inline" not in kinds
    rendered_headings = [t for t in tokens if t.type == "heading_open" and t.tag != "h1"]
    body_headings = [b for b in doc.body if isinstance(b, Heading)]
    extra = bool(doc.abstract) + len(doc.back) + bool(doc.references)
    assert len(rendered_headings) == len(body_headings) + extra
    # No paragraph became a list or a code block by accident.
    assert "code_block" not in kinds and "ordered_list_open" not in kinds


def test_a_text_with_a_paragraph_per_line_keeps_its_closed_compounds() -> None:
    # 004 writes "Singapore's grassroots governance" on a line of over a thousand
    # characters; such a line is a paragraph, not printed lines an extractor joined.
    text = "\n\n".join(block.text for block in clean("004").body if isinstance(block, Paragraph))
    assert "most important points in Singapore's grassroots governance" in text
