"""Page rendering: bounded index pages, escaping of metadata, honest unknowns."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from digest.model import Document, Metadata, Paper, Person, Source
from digest.references.bibliography import paper_reference
from digest.site.citation_links import PaperCitations
from digest.site.pages import (
    PAPERS_PER_PAGE,
    PaperBibliography,
    environment,
    render_index_pages,
    render_paper,
)


def paper(number: int, **meta: object) -> Paper:
    metadata = Metadata(id=f"paper-{number:03d}", **meta)  # type: ignore[arg-type]
    source = Source(
        Path(f"sources/{number:03d}.txt"), Path(f"sources/{number:03d}.yml"), "", "x", metadata
    )
    return Paper(metadata.id, metadata, Document(), [source])


def page_of(item: Paper) -> str:
    bib = PaperBibliography(item.id, paper_reference(item.metadata), [], PaperCitations(item))
    name = item.sources[0].path.name
    return render_paper(environment(), item, {name: f"../sources/{name}"}, bib).text


def test_no_index_page_lists_more_than_a_page_of_papers() -> None:
    papers = [paper(n, title=f"Title {n}") for n in range(120)]
    pages = render_index_pages(environment(), papers)
    assert [p.path for p in pages] == ["papers/index.md", "papers/page-2.md", "papers/page-3.md"]
    for page in pages:
        rows = [line for line in page.text.splitlines() if line.startswith("| [")]
        assert len(rows) <= PAPERS_PER_PAGE
    assert "[2](page-2.md)" in pages[0].text and "**1**" in pages[0].text


def test_metadata_from_a_sidecar_is_escaped() -> None:
    hostile = paper(
        1,
        title="A <script>alert(1)</script> | *title*",
        authors=[Person("Wang", "J_N")],
    )
    text = page_of(hostile)
    html = MarkdownIt("commonmark").enable("table").render(text.split("---\n", 2)[2])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<em>title</em>" not in html
    # The front matter title is printed unescaped by the theme (<title>, header, search):
    # a YAML string holding HTML-escaped text.
    assert 'title: "A &lt;script&gt;alert(1)&lt;/script&gt; | *title*"' in text


def test_unknown_fields_are_named_not_hidden() -> None:
    page = page_of(paper(2, working_title="A description", year=2020))
    assert "# A description (working title)" in page
    assert "**2020**" in page  # the byline under the title (authors · year · venue)
    assert "| Not given in the text | Title (see the note above), Authors, Venue," in page
