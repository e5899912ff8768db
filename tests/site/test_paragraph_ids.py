"""Every paragraph of a paper page has an id (search leads there, and its ¶ links to it):
unique on the page, stable when text outside its section changes, and never taken from
the source's text. The page's Markdown is read as MkDocs reads it (mkdocs.yml's
markdown_extensions); the browser side is in test_browser.py."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from digest.model import Document, Footnote, Heading, Metadata, Paper, Paragraph, Source
from digest.references.bibliography import paper_reference
from digest.site.citation_links import PaperCitations
from digest.site.markdown import paragraph_ids, render_body
from digest.site.pages import PaperBibliography, environment, render_paper

REPO = Path(__file__).resolve().parents[2]


def python_markdown(text: str) -> str:
    """``text`` converted with the extensions and settings of mkdocs.yml."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    return markdown.markdown(text, extensions=names, extension_configs=settings)


class Elements(HTMLParser):
    """Every id of a page, and the text of each paragraph or list item that has one."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.text: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []  # (tag, id) of the open p and li
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs).get("id")
        if found:
            self.ids.append(found)
            if tag in ("p", "li"):
                self.text[found] = ""
        if tag in ("p", "li"):
            self._open.append((tag, found))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li") and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for _, found in self._open:
            if found:
                self.text[found] += data


def body() -> list[Heading | Paragraph]:
    return [
        Paragraph("Before any heading, it ends in braces {: #evil .x }"),
        Heading(1, "Introduction", "1"),
        Paragraph("The first paragraph of the introduction { #s1 }"),
        Paragraph("A bullet of a list", list="bullet"),
        Paragraph("Another bullet", list="bullet"),
        Paragraph("A quoted passage", quote=True),
        Paragraph("a run-in head's paragraph", lead="Thought building."),
        Heading(2, "Method", "1.1"),
        Paragraph("# Not a heading but the method's paragraph"),
        Heading(1, "Case", None),  # an unnumbered heading: its anchor is "case"
        Paragraph("The first case"),
        Heading(1, "Case", None),  # the same anchor again
        Paragraph("The second case"),
        Heading(1, "P1", None),  # an anchor in the paragraphs' own form
        Paragraph("Under the heading P1"),
    ]


def paper_page(doc: Document) -> str:
    metadata = Metadata(id="paper-1", title="A paper", abstract="One.\n\nTwo {: #x }.")
    metadata.keywords = ["party building", "governance"]
    source = Source(Path("sources/001.txt"), Path("sources/001.yml"), "", "x", metadata)
    paper = Paper(metadata.id, metadata, doc, [source])
    bib = PaperBibliography(paper.id, paper_reference(metadata), [], PaperCitations(paper))
    text = render_paper(environment(), paper, {"001.txt": "../sources/001.txt"}, bib).text
    return text.split("---\n", 2)[2]  # less the front matter


def test_every_paragraph_of_a_paper_page_has_an_id_unique_on_it() -> None:
    doc = Document(body=body(), footnotes=[Footnote("1", "A note {x}")])
    page = Elements(python_markdown(paper_page(doc)))
    # No other element has a paragraph's id (two headings of one text may share theirs).
    assert all(page.ids.count(anchor) == 1 for anchor in page.text), page.ids
    expected = {
        "abstract-p1": "One.",
        "abstract-p2": "Two {: #x }.",
        "keywords": "Keywords: party building; governance",
        "p2": "Before any heading, it ends in braces {: #evil .x }",  # p1 is a heading's
        "s1-p1": "The first paragraph of the introduction { #s1 }",
        "s1-p2": "A bullet of a list",
        "s1-p3": "Another bullet",
        "s1-p4": "A quoted passage",
        "s1-p5": "Thought building. a run-in head's paragraph",
        "s1-1-p1": "# Not a heading but the method's paragraph",
        "case-p1": "The first case",
        "case-p2": "The second case",
        "p1-p1": "Under the heading P1",
        "fn1": "[^1]: A note {x}",
    }
    assert {key: " ".join(text.split()) for key, text in page.text.items()} == expected
    # The source's braces stay text: they set no id and no class.
    assert "evil" not in page.ids and "x" not in page.ids
    assert page.ids.count("s1") == 1


def test_a_paragraph_links_to_itself() -> None:
    """With an empty link, which the stylesheet draws as a ¶: no text added to the page."""
    html = python_markdown(render_body(Document(body=body()), anchors=True))
    for anchor in paragraph_ids(Document(body=body())).values():
        assert f'<a class="headerlink" href="#{anchor}" title="Permanent link"></a>' in html


def test_ids_stay_when_text_outside_their_section_changes() -> None:
    def ids_by_text(blocks: list[Heading | Paragraph]) -> dict[str, str]:
        found = paragraph_ids(Document(body=blocks))
        return {blocks[index].text: anchor for index, anchor in found.items()}

    before = ids_by_text(body())
    edited = body()
    edited[0] = Paragraph("Other words before any heading")
    edited.insert(3, Paragraph("Added after the introduction's first paragraph"))
    edited.insert(10, Heading(2, "Added section", "1.2"))
    edited.insert(11, Paragraph("The added section's paragraph"))
    after = ids_by_text(edited)
    # Only the introduction's paragraphs after the added one count on.
    assert after == {
        "Other words before any heading": before[body()[0].text],
        "The first paragraph of the introduction { #s1 }": "s1-p1",
        "Added after the introduction's first paragraph": "s1-p2",
        "A bullet of a list": "s1-p3",
        "Another bullet": "s1-p4",
        "A quoted passage": "s1-p5",
        "a run-in head's paragraph": "s1-p6",
        **{
            text: before[text]
            for text in (
                "# Not a heading but the method's paragraph",
                "The first case",
                "The second case",
                "Under the heading P1",
            )
        },
        "The added section's paragraph": "s1-2-p1",
    }


def test_the_cleaned_text_carries_no_ids() -> None:
    """The clean text (render_document, `digest clean`) is the text alone."""
    plain = render_body(Document(body=body()))
    assert "\n{:" not in plain and "headerlink" not in plain


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_paragraph_gets_no_id(text: str) -> None:
    doc = Document(body=[Heading(1, "One", "1"), Paragraph(text), Paragraph("Words")])
    assert paragraph_ids(doc) == {2: "s1-p1"}
    assert "{:" not in render_body(doc, anchors=True).split("\n\n")[1]
