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
