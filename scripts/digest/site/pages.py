"""Render papers into the site's Markdown pages through Jinja templates.

Every value a template prints is Markdown-escaped by default (the
environment's ``finalize``); only strings already rendered as Markdown, wrapped
in ``Markdown``, pass through. Forgetting an escape is therefore impossible.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from digest.manifest import signature
from digest.model import (
    BIBLIOGRAPHIC_FIELDS,
    ITEM_KINDS,
    Item,
    Metadata,
    Paper,
    Paragraph,
    Reference,
)
from digest.references.bibtex import format_entry
from digest.references.styles import apa, gbt7714
from digest.site.citation_links import PaperCitations, entry_page
from digest.site.markdown import (
    escape,
    escape_inline,
    guard_block_start,
    render_body,
    render_cells,
    render_paragraph,
)
from digest.site.pagination import Chunk, paginate

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# At most this many papers on one index page, so no page grows with the corpus.
PAPERS_PER_PAGE = 50
NOT_GIVEN = "not given in the text"
FIELD_LABELS = {"doi": "DOI", "url": "URL"}


class Markdown(str):
    """A string that is already Markdown and must not be escaped again."""


def _finalize(value: Any) -> Any:
    kind = type(value)  # the plain-str case first: it runs for every {{ }} of every page
    if kind is str:
        return escape_inline(value)
    if kind is Markdown or not isinstance(value, str):
        return value
    return escape_inline(value)


def environment(compiled: Path | None = None) -> Environment:
    """The templates' environment; ``compiled``: a folder that keeps the templates
    compiled, so that a build does not compile every template again."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled else None,
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, not HTML: escaping is done by _finalize
    )
    env.filters["page_title"] = page_title
    env.filters["url"] = lambda value: Markdown(_quoted(value, "/"))
    env.filters["anchor"] = anchor
    env.filters["md"] = Markdown
    env.filters["blockquote"] = lambda value: Markdown("> " + escape(value))
    env.filters["url_path"] = lambda value: Markdown(_quoted(value, "/#:.-"))
    env.globals["citing_paper"] = citing_paper
    env.filters["fenced"] = fenced
    return env


def citing_paper(paper: dict, root: str) -> Markdown:
    """One paper citing a work: its title, its reference-list items and the passages
    citing the work (``paper`` as bibliography_pages._citing gives it; links from the
    top of the docs tree, ``root`` leading there). Written here rather than as a
    template macro: entry pages name tens of thousands of citing papers."""
    refs = ", ".join(
        f"[reference {number}]({_quoted(f'{root}/{link}', '/#:.-')})"
        for number, link in paper["refs"]
    )
    title, link = escape_inline(paper["title"]), _quoted(f"{root}/{paper['link']}", "/#:.-")
    text = f"[{title}]({link})" + (f": {refs}" if refs else "")
    if paper["passages"]:
        text += "; cited in the text at " + ", ".join(
            f"[{escape_inline(label)}]({_quoted(f'{root}/{link}', '/#:.-')})"
            for label, link in paper["passages"]
        )
    return Markdown(text)


@lru_cache(maxsize=1 << 16)  # the same links recur on many pages
def _quoted(value: str, safe: str) -> str:
    return quote(value, safe=safe)


def page_title(value: str) -> Markdown:
    """A page's title for its front matter: a YAML string that holds HTML, not text.

    MkDocs and Material print ``page.meta.title`` unescaped wherever a title goes
    (``<title>``, the header, search results, navigation), so the text is HTML-escaped
    here, quotes included, and made one line. The page's H1 shows the text as it is.
    """
    one_line = " ".join(value.split())
    return Markdown(json.dumps(html.escape(one_line, quote=True), ensure_ascii=False))


def anchor(value: str) -> Markdown:
    """An id for attr_list: only characters that need no escaping anywhere."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9:.\-]*", value):
        value = "x-" + re.sub(r"[^A-Za-z0-9:.\-]", "-", value)
    return Markdown(value)


def fenced(value: str, language: str = "") -> Markdown:
    """A fenced code block whose fence no line of the content can close."""
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * max(3, longest + 1)
    body = value if value.endswith("\n") else value + "\n"
    return Markdown(f"{fence}{language}\n{body}{fence}")


@dataclass(frozen=True)
class Page:
    path: str  # relative to the generated docs folder
    text: str


# A build's way to keep pages made from the same inputs as last time:
# keep(group name, signature of the group's inputs, render) -> the pages rendered, or
# [] when the last build's files for the group are kept as they are.
KeepPages = Callable[[str, str, Callable[[], list[Page]]], list[Page]]


def render_all(group: str, signature: str, render: Callable[[], list[Page]]) -> list[Page]:
    """Keep nothing: every page is rendered."""
    return render()


def paper_url(paper: Paper) -> str:
    return f"papers/{paper.id}.md"


def authors_text(metadata: Metadata) -> str:
    return ", ".join(person.display for person in metadata.authors)


def byline(metadata: Metadata) -> list[Markdown]:
    """The lines under a paper's title, as sentences (search quotes them as they are):
    "**Xu Xinpeng, Li Juebin · 2024 · Journal of X**", the affiliations, the setting."""
    who = " · ".join(
        part
        for part in (authors_text(metadata), str(metadata.year or ""), metadata.venue or "")
        if part
    )
    lines = [Markdown(f"**{escape_inline(who)}**")] if who else []
    if metadata.affiliations:
        lines.append(Markdown(escape("; ".join(metadata.affiliations))))
    if metadata.setting:
        lines.append(Markdown(escape(f"Setting: {metadata.setting}")))
    return lines


def completeness(metadata: Metadata) -> str:
    return f"{len(metadata.known_fields())}/{len(BIBLIOGRAPHIC_FIELDS)}"


def metadata_rows(metadata: Metadata) -> list[tuple[str, str]]:
    """(field, value) rows for the header: what the text gives, then what it does not."""

    def value(name: str) -> str:
        item = getattr(metadata, name)
        if name == "authors":
            return authors_text(metadata)
        if isinstance(item, list):
            return "; ".join(item)
        return "" if item in (None, "") else str(item)

    rows: list[tuple[str, str]] = []
    missing: list[str] = []
    for name in BIBLIOGRAPHIC_FIELDS:
        label = FIELD_LABELS.get(name, name.capitalize())
        if not value(name):
            missing.append(label if name != "title" else "Title (see the note above)")
        elif name not in ("title", "keywords", "authors", "year", "venue", "affiliations"):
            # Those have their own place on the page: the title, keywords and the byline.
            rows.append((label, value(name)))
    rows.append(("Language", metadata.language))
    if missing:
        rows.append(("Not given in the text", ", ".join(missing)))
    return rows


@dataclass
class PaperBibliography:
    """What a paper page needs of the bibliography: its own entry, its list, its citations."""

    own_key: str
    own: Reference
    references: list[tuple[str, Reference]]  # (key, parsed) per item of its reference list
    citations: PaperCitations


def render_paper(
    env: Environment,
    paper: Paper,
    source_urls: dict[str, str],
    bib: PaperBibliography,
    items: list[Item] | None = None,
    theme_labels: dict[str, str] | None = None,
    related: dict[str, object] | None = None,
) -> Page:
    doc = paper.document
    back = [
        (section.label, [Markdown(render_paragraph(Paragraph(p))) for p in section.paragraphs])
        for section in doc.back
    ]
    references = [
        {
            # As the paper prints it: the reader sees the list the authors wrote, and
            # the parsed form (APA, BibTeX) is one click away in the bibliography.
            "text": ref.raw,
            "parsed": ref.parsed,
            "link": f"../{entry_page(key)}#{key}",
        }
        for key, ref in bib.references
    ]
    text = env.get_template("paper.md.j2").render(
        paper=paper,
        meta=paper.metadata,
        title=paper.metadata.display_title,
        rows=metadata_rows(paper.metadata),
        completeness=completeness(paper.metadata),
        # The sidecar's abstract (a person checked it) before the cleaner's reading; its
        # paragraphs' ids (abstract-p1, ...) are in the scheme of the body's (paragraph_ids).
        abstract=[
            Markdown(render_paragraph(Paragraph(p), anchor=f"abstract-p{number}"))
            for number, p in enumerate(_paragraphs(paper.metadata.abstract) or doc.abstract, 1)
        ],
        keywords=paper.metadata.keywords or doc.keywords,
        highlights=doc.highlights,
        body=Markdown(render_body(doc, anchors=True, text=bib.citations.render_text)),
        tables=[
            {
                "caption": table.caption,
                "line": table.line,
                "cells": Markdown(render_cells(table)),
            }
            for table in doc.tables
        ],
        back=back,
        references=references,
        unresolved=len(bib.citations.unresolved),
        citation_count=bib.citations.total,
        byline=byline(paper.metadata),
        authors_attr=Markdown(html.escape(authors_text(paper.metadata), quote=True)),
        sources=[
            (
                source.path.name,
                re.sub(r"\.txt$", ".html", source_urls[source.path.name]),
                source_urls[source.path.name],
            )
            for source in paper.sources
        ],
        cite_bibtex=format_entry(bib.own_key, bib.own),
        cite_apa=Markdown(guard_block_start(apa(bib.own))),
        cite_gbt=Markdown(guard_block_start(gbt7714(bib.own))),
        own_key=bib.own_key,
        items=[(kind, [i for i in items or [] if i.kind == kind]) for kind in ITEM_KINDS],
        has_items=bool(items),
        theme_labels=theme_labels or {},
        bib_download=f"../bib/{paper.id}.bib",
        related=related,
    )
    return Page(paper_url(paper), text)


def render_index_pages(
    env: Environment,
    papers: list[Paper],
    keep: KeepPages = render_all,
    states: dict[str, str] | None = None,
) -> list[Page]:
    """The Papers index, split into pages of PAPERS_PER_PAGE; with ``states`` (a hash
    per paper of its sources, ``digest.build.paper_states``), a page whose papers are
    as they were is kept."""
    pages = []
    for chunk in paginate("papers/index.md", papers, PAPERS_PER_PAGE):
        if states is None:
            pages.append(_index_page(env, chunk))
            continue
        shown = [(paper.id, states[paper.id]) for paper in chunk.rows]
        pages.extend(
            keep(
                chunk.name,
                signature(chunk.name, chunk.pages, chunk.total, shown),
                lambda chunk=chunk: [_index_page(env, chunk)],
            )
        )
    return pages


def _index_page(env: Environment, chunk: Chunk[Paper]) -> Page:
    rows = [
        {
            "title": paper.metadata.display_title,
            "link": Path(paper_url(paper)).name,
            "authors": authors_text(paper.metadata) or NOT_GIVEN,
            "year": str(paper.metadata.year) if paper.metadata.year else NOT_GIVEN,
            "setting": paper.metadata.setting or NOT_GIVEN,
            "completeness": completeness(paper.metadata),
            "sources": len(paper.sources),
        }
        for paper in chunk.rows
    ]
    text = env.get_template("papers_index.md.j2").render(
        rows=rows, page=chunk.number, pages=chunk.pages, total=chunk.total
    )
    return Page(chunk.name, text)


def render_home(env: Environment, papers: list[Paper], source_count: int) -> Page:
    text = env.get_template("home.md.j2").render(
        paper_count=len(papers),
        source_count=source_count,
        merged=source_count - len(papers),
    )
    return Page("index.md", text)


def _paragraphs(text: str | None) -> list[str]:
    """A sidecar's text, one paragraph per blank-line-separated block."""
    return [block.strip() for block in (text or "").split("\n\n") if block.strip()]
