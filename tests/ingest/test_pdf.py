"""PDF sources read by their layout: headings by type, furniture by position, columns.

The fixtures are PDFs of the development corpus (``make devcorpus``: TeX Live renders
documents composed by ``scripts/devcorpus``); each folder's ``gold.md`` is written by
the generator from the composed document, not from anything the digest reads.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from real_clients import require_client

from digest.clean import clean_text
from digest.ingest.pdf import PdfError, read_pdf
from digest.site.markdown import render_body

DEVCORPUS = Path(__file__).resolve().parents[1] / "gold" / "devcorpus"


def read(document: str):
    return read_pdf((DEVCORPUS / document / "document.pdf").read_bytes())


def gold_headings(document: str) -> list[str]:
    gold = (DEVCORPUS / document / "gold.md").read_text(encoding="utf-8")
    return [line for line in gold.splitlines() if line.startswith("#")]


def body(document: str) -> str:
    found = read(document)
    return render_body(clean_text(found.text, found.styles))


@pytest.mark.parametrize(
    "document",
    [
        "article-10pt-twocolumn-1",  # two columns, numbered sections and sub-sections
        "report-chapters-1",  # "Chapter 1" over its title, in two sizes
        "fancyhdr-twocolumn-letters-1",  # "B." and "B.1" in one type: told by the number
        "narrow-margins-10pt-unnumbered-2",  # no numbers at all: type alone
    ],
)
def test_headings_and_their_levels_come_from_the_type(document: str) -> None:
    headings = [line for line in body(document).splitlines() if line.startswith("#")]
    # (The gold writes straight apostrophes where TeX prints curly ones.)
    assert [line.replace("’", "'") for line in headings] == gold_headings(document)


def test_every_line_carries_its_type() -> None:
    found = read("article-10pt-twocolumn-1")
    lines = found.text.split("\n")
    assert len(found.styles) == len(lines) - 1  # (the text ends with a newline)
    introduction = lines.index("1. Introduction")
    assert found.styles[introduction].size > found.styles[introduction + 1].size
    assert found.styles[introduction].bold and not found.styles[introduction + 1].bold


def test_running_heads_and_page_numbers_are_left_out() -> None:
    # The journal's name and the short title head every page after the first; the page
    # number stands in the foot (meta.yml of the fixture).
    text = read("fancyhdr-journal-roman-1").text
    assert "Policy and Society Quarterly" not in text
    assert text.count("Between Mobilisation and Routine") <= 1  # the title page's title
    assert not [line for line in text.splitlines() if re.fullmatch(r"\f?\s*\d{1,3}\s*", line)]


def test_two_columns_are_read_left_then_right() -> None:
    text = read("article-10pt-twocolumn-1").text
    # The end of the first page's left column, then the top of its right column.
    left = text.index("leadership teams.")
    right = text.index("argued that the management of shared public space")
    assert left < right
    assert text.index("1. Introduction") < left


def test_footnote_marks_are_set_apart_and_notes_kept() -> None:
    found = read("long-headings-footnotes-2")
    document = clean_text(found.text, found.styles)
    notes = {note.label: note.text for note in document.footnotes}
    assert notes["1"] == "We thank the anonymous reviewers for drawing our attention to this point."
    assert notes["2"] == (
        "The survey was conducted between March and June 2015 in 92 administrative villages."
    )
    assert "absorption.2In" not in found.text  # a superscript glued to the next word


def test_a_file_that_is_no_pdf_fails_with_the_reason() -> None:
    with pytest.raises(PdfError, match="not a PDF"):
        read_pdf(b"%PDF-1.4 but nothing after it")


def test_a_pdf_without_text_says_so() -> None:
    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(PdfError, match="no text"):
        read_pdf(buffer.getvalue())


@pytest.mark.parametrize("document", ["article-11pt-plain-1", "report-chapters-2"])
def test_a_pdf_from_another_producer_gives_the_same_headings(tmp_path: Path, document: str) -> None:
    """Not TeX: the gold body as HTML (pandoc) printed to PDF by Chromium (Skia), whose
    fonts, spacing and drawing order differ. Its headings are the gold's own."""
    pandoc, chromium = require_client("pandoc"), require_client("chromium")
    html, pdf = tmp_path / "paper.html", tmp_path / "paper.pdf"
    gold = DEVCORPUS / document / "gold.md"
    subprocess.run(
        [pandoc, str(gold), "-s", "--metadata", "title=A Paper", "-o", str(html)], check=True
    )
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", str(html)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    found = read_pdf(pdf.read_bytes())
    headings = [
        line.replace("’", "'")
        for line in render_body(clean_text(found.text, found.styles)).splitlines()
        if line.startswith("#")
    ]
    assert headings == gold_headings(document)


ITEMCORPUS = Path(__file__).resolve().parents[1] / "gold" / "itemcorpus"


def test_bold_run_in_labels_lead_their_paragraphs_whatever_their_length() -> None:
    """The paper's section 4 prints four bold labels (paper.md: "**Membership files stay
    ...**" and so on): one fills its line, two run on into plain type on their line,
    one ends a word into its second line, where the line is plain by most of its
    letters and the reader counts the bold words opening it."""
    found = read_pdf((ITEMCORPUS / "section-sign-linyi-freight-drivers" / "paper.pdf").read_bytes())
    lines = found.text.split("\n")
    second = next(i for i, line in enumerate(lines) if line.startswith("years. Seven of the nine"))
    assert not found.styles[second].bold and found.styles[second].bold_words == 1
    document = clean_text(found.text, found.styles)
    start = next(i for i, b in enumerate(document.body) if getattr(b, "number", None) == "§4")
    end = next(i for i, b in enumerate(document.body) if getattr(b, "number", None) == "§5")
    leads = [getattr(b, "lead", None) for b in document.body[start + 1 : end]]
    assert [lead for lead in leads if lead] == [
        "Membership files stay in home villages while drivers spend months on the road.",
        "Firm owners treat Party building as a licensing cost.",
        "Park committee staff are seconded from the district and rotate out every two years.",
        "Stations were planned from the district office rather than from the driver’s cab.",
    ]


def test_italic_type_is_told_by_the_fonts_name_or_its_flag() -> None:
    from digest.ingest.pdf.glyphs import _is_italic

    assert _is_italic(b"DejaVuSerif-Italic", 0)
    assert _is_italic(b"LMRoman10-Italic", 0)
    assert _is_italic(b"CMTI10", 0)
    assert _is_italic(b"Times", 0x40)
    assert not _is_italic(b"DejaVuSerif-Bold", 0)
    assert not _is_italic(b"CMR10", 0x20)
