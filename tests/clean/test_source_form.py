"""Which texts are read as Markdown: decided by evidence in the text, never its name."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.clean.source_form import source_form

REPO = Path(__file__).resolve().parents[2]


def test_front_matter_alone_is_markdown_and_says_so() -> None:
    form = source_form("---\ntitle: A paper\nauthor:\n- Li Lei\n---\n\nSome text.\n")
    assert form.markdown
    assert form.describe() == "read as Markdown (YAML front matter)"


def test_two_headings_or_a_heading_and_a_bold_label_are_markdown() -> None:
    assert source_form("# 1. Introduction\n\nText.\n\n# 2. Methods\n\nText.\n").markdown
    assert source_form("# 1. Problems\n\n**Weak branches.** Text.\n").markdown
    setext = "Title of the Paper\n==================\n\nIntro\n-----\n\nText.\n"
    assert source_form(setext).evidence == ["2 Setext headings"]


def test_a_word_processors_bold_lines_and_escapes_are_markdown() -> None:
    # (a converter's .docx: no heading marks, no front matter; headings in bold lines)
    text = (
        "**1. Introduction**\n\nText.\n\n**2. Where the Ledger Breaks**\\\n\n"
        "\\(1\\) Weak branches. Text.\n"
    )
    form = source_form(text)
    assert form.markdown
    assert form.evidence == ["2 bold phrases", "2 bold lines", "1 escaped marker"]
    # One bold line is no heading's evidence; a bold sentence ends on its stop.
    assert not source_form("**1. Introduction**\n\nText.\n").markdown
    assert not source_form("**The branch must act.**\n\n**It must act now.**\n").markdown


@pytest.mark.parametrize(
    "text",
    [
        "# 1. Introduction\n\nA single heading mark may be anything.\n",
        "## 2016-04-08\n\nA diary entry.\n\n## 2016-04-06\n\nAnother.\n",
        "q = card m\n=\nwhere m is the size.\n",
        "Some **bold** and more **bold** words, but no heading.\n",
    ],
)
def test_stray_marks_are_no_markdown(text: str) -> None:
    form = source_form(text)
    assert not form.markdown and form.describe() == "read as plain text"


def test_every_extracted_text_of_the_repository_is_plain_text() -> None:
    texts = [
        *sorted((REPO / "sources").glob("*.txt")),
        *sorted((REPO / "tests" / "gold" / "realpapers").rglob("*.txt")),
        *sorted((REPO / "tests" / "gold" / "devcorpus").rglob("pdftotext*.txt")),
        *sorted((REPO / "tests" / "gold" / "itemcorpus").rglob("paper.txt")),
    ]
    assert len(texts) > 100
    markdown = [p for p in texts if source_form(p.read_text(errors="replace")).markdown]
    assert markdown == []


def test_the_devcorpus_pandoc_sources_are_markdown() -> None:
    sources = sorted((REPO / "tests" / "gold" / "devcorpus").rglob("source.md"))
    assert sources and all(source_form(p.read_text()).markdown for p in sources)
