"""The Bibliography section: the entries on one page per name and year of the key
(``bibliography/w/wang-2016.md``), a page per letter listing those pages, an index
with downloads, and reports of what could not be parsed or resolved.

No page grows with the corpus: an entry names at most CITED_BY_SHOWN citing papers
and links to the full list on its own pages; the letter pages and the reports are
cut into pages (``digest.site.pagination``).
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict

from jinja2 import Environment

from digest.manifest import signature
from digest.model import BibEntry, Paper
from digest.references.bibliography import Bibliography
from digest.references.bibtex import entry_signature, format_entry
from digest.references.coupling import citing_papers
from digest.references.styles import apa
from digest.site.citation_links import (
    BIBLIOGRAPHY_DIR,
    CorpusCitations,
    Passage,
    entry_link,
    entry_page,
)
from digest.site.markdown import escape, escape_inline, guard_block_start
from digest.site.pages import PAPERS_PER_PAGE, KeepPages, Markdown, Page, render_all
from digest.site.pagination import paginate, relative_link, to_top

# Citing papers named under an entry; the rest are on the work's "cited by" pages.
CITED_BY_SHOWN = 10
# Links per letter page, and rows per page of the reports.
GROUPS_PER_PAGE = 200
REPORT_ROWS = 100
# An unparsed reference heads its entry cut to this many characters (it follows in full).
HEADING_CHARS = 160


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _citing(entry: BibEntry, titles: dict[str, str], found: list[Passage]) -> list[dict]:
    """Per citing paper: its reference-list items and the passages that cite the work
    (links from the top of the docs tree: each page puts its own way there before)."""
    papers: dict[str, dict] = {}
    for cited in entry.cited_in:
        item = papers.setdefault(cited.paper_id, _citing_entry(cited.paper_id, titles))
        item["refs"].append((cited.item, f"papers/{cited.paper_id}.md#ref-{cited.item}"))
    # One link per paragraph, to its first citation of the work (two in one paragraph
    # would read the same): "§1.1, paragraph 2", "... (2 citations)".
    places: dict[tuple[str, str], list[Passage]] = {}
    for passage in found:
        places.setdefault((passage.paper_id, passage.paragraph or passage.anchor), []).append(
            passage
        )
    for (paper_id, _), same in places.items():
        item = papers.setdefault(paper_id, _citing_entry(paper_id, titles))
        label = passage_label(same[0]) + (f" ({len(same)} citations)" if len(same) > 1 else "")
        item["passages"].append((label, f"papers/{paper_id}.md#{same[0].anchor}"))
    return [papers[paper_id] for paper_id in sorted(papers)]


def _citing_entry(paper_id: str, titles: dict[str, str]) -> dict:
    return {
        "title": titles[paper_id],
        "link": f"papers/{paper_id}.md",
        "refs": [],
        "passages": [],
    }


_PARAGRAPH_NUMBER = re.compile(r"(?:^|-)p(\d+)$")


def passage_label(passage: Passage) -> str:
    """Where a passage is, for a link's text: "§1.1, paragraph 2" (two citing passages of
    one section read apart), "opening, paragraph 1" before the first heading."""
    found = _PARAGRAPH_NUMBER.search(passage.paragraph)
    section = passage.section or "opening"
    return f"{section}, paragraph {found.group(1)}" if found else section


def cited_by_page(key: str) -> str:
    """The first page of the full list of papers citing ``key``."""
    return f"{BIBLIOGRAPHY_DIR}/cited-by/{key}.md"


def render_bibliography_pages(
    env: Environment,
    bibliography: Bibliography,
    papers: list[Paper],
    citations: CorpusCitations,
    keep: KeepPages = render_all,
    signed: dict[str, str] | None = None,
) -> list[Page]:
    """Every page of the Bibliography section.

    ``keep`` lets a build keep the entry pages whose works and citing places are as
    they were (the pages are signed only then); ``signed``: each entry's signature, if
    the caller has them already."""
    signed = signed or {
        key: entry_signature(key, entry.reference) for key, entry in bibliography.entries.items()
    }
    titles = {paper.id: paper.metadata.display_title for paper in papers}
    groups: dict[str, list[BibEntry]] = defaultdict(list)
    for key, entry in bibliography.entries.items():
        groups[entry_page(key)].append(entry)

    pages = []
    for name, entries in sorted(groups.items()):
        pages.extend(
            keep(
                f"entries {name}",
                _entries_signature(name, entries, signed, titles, citations)
                if keep is not render_all
                else "",
                lambda name=name, entries=entries: _entry_pages(
                    env, name, entries, titles, citations
                ),
            )
        )

    letters: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for name, entries in sorted(groups.items()):
        letters[name.split("/")[1]].append((name, len(entries)))
    for letter, names in sorted(letters.items()):
        first = f"{BIBLIOGRAPHY_DIR}/{letter}.md"
        for chunk in paginate(first, names, GROUPS_PER_PAGE):
            here = posixpath.dirname(chunk.name)
            text = env.get_template("bibliography_groups.md.j2").render(
                letter=letter,
                chunk=chunk,
                groups=[
                    (_group_title(group), relative_link(here, group), count)
                    for group, count in chunk.rows
                ],
                root=to_top(chunk.name),
            )
            pages.append(Page(chunk.name, text))

    unresolved = [
        (paper.id, titles[paper.id], citations.unresolved(paper.id), citations.total(paper.id))
        for paper in papers
        if citations.unresolved(paper.id)
    ]
    unparsed = [(entry.key, entry.reference.raw) for entry in bibliography.unparsed()]
    entries_all = list(bibliography.entries.values())
    index = env.get_template("bibliography_index.md.j2").render(
        letters=[
            (letter, sum(count for _, count in names)) for letter, names in sorted(letters.items())
        ],
        total=len(bibliography.entries),
        corpus=sum(1 for e in entries_all if e.corpus_paper),
        cited=sum(1 for e in entries_all if e.cited_in),
        shared=sum(1 for e in entries_all if len({c.paper_id for c in e.cited_in}) > 1),
        unparsed=len(unparsed),
        unresolved=sum(len(u[2]) for u in unresolved),
    )
    pages.append(Page(f"{BIBLIOGRAPHY_DIR}/index.md", index))
    for chunk in paginate(f"{BIBLIOGRAPHY_DIR}/unresolved.md", unresolved, REPORT_ROWS):
        text = env.get_template("bibliography_report.md.j2").render(
            chunk=chunk, root=to_top(chunk.name), unparsed=len(unparsed)
        )
        pages.append(Page(chunk.name, text))
    for chunk in paginate(f"{BIBLIOGRAPHY_DIR}/unparsed.md", unparsed, REPORT_ROWS):
        here = posixpath.dirname(chunk.name)
        text = env.get_template("bibliography_unparsed.md.j2").render(
            chunk=chunk,
            rows=[(key, raw, entry_link(key, chunk.name)) for key, raw in chunk.rows],
        )
        pages.append(Page(chunk.name, text))
    return pages


def _entries_signature(
    name: str,
    entries: list[BibEntry],
    signed: dict[str, str],
    titles: dict[str, str],
    citations: CorpusCitations,
) -> str:
    """What a page of entries shows: each work, the corpus paper it is, and per citing
    paper its title, the items of its list and the places that cite the work. An edit
    to a citing paper's text that moves none of these keeps the page."""
    return signature(
        name,
        [
            (
                entry.key,
                signed[entry.key],
                entry.corpus_paper,
                titles.get(entry.corpus_paper or ""),
                [(cited.paper_id, cited.item) for cited in entry.cited_in],
                [
                    (paper, titles.get(paper), citations.passages_signature(paper))
                    for paper in citing_papers(entry)
                ],
            )
            for entry in entries
        ],
    )


def _entry_pages(
    env: Environment,
    name: str,
    entries: list[BibEntry],
    titles: dict[str, str],
    citations: CorpusCitations,
) -> list[Page]:
    """One page of entries (a name and year) and the "cited by" pages of its works."""
    pages = []
    root = to_top(name)
    items = []
    for entry in entries:
        citing = _citing(entry, titles, citations.passages(entry.key, citing_papers(entry)))
        more = None
        if len(citing) > CITED_BY_SHOWN:
            more = cited_by_page(entry.key)
            for chunk in paginate(more, citing, PAPERS_PER_PAGE):
                text = env.get_template("bibliography_cited_by.md.j2").render(
                    key=entry.key,
                    entry=relative_link(posixpath.dirname(chunk.name), name) + "#" + entry.key,
                    chunk=chunk,
                    root=to_top(chunk.name),
                )
                pages.append(Page(chunk.name, text))
        items.append(
            {
                "key": entry.key,
                # The entry is headed by the work as a reader would cite it, the key beside.
                "heading": Markdown(
                    apa(entry.reference)
                    if entry.reference.parsed
                    else escape_inline(_shorten(entry.reference.raw, HEADING_CHARS))
                ),
                "citation": (
                    Markdown(guard_block_start(apa(entry.reference)))
                    if entry.reference.parsed
                    else None
                ),
                # Alone on a line in an admonition: escaped as a paragraph, not inline.
                "raw": Markdown(escape(entry.reference.raw)),
                # The parsed form is the model's reading; what the paper printed stays
                # beside it, so nothing a parse missed is lost to the reader.
                "printed": (
                    Markdown(escape_inline(entry.reference.raw))
                    if entry.reference.parsed and not entry.corpus_paper
                    else None
                ),
                "bibtex": Markdown(format_entry(entry.key, entry.reference)),
                "corpus": entry.corpus_paper,
                "corpus_title": titles.get(entry.corpus_paper or ""),
                "citing": citing[:CITED_BY_SHOWN],
                "citing_count": len(citing),
                "more": relative_link(posixpath.dirname(name), more) if more else None,
            }
        )
    text = env.get_template("bibliography_letter.md.j2").render(
        group=_group_title(name), items=items, root=root, letter=name.split("/")[1]
    )
    pages.append(Page(name, text))
    return pages


def _group_title(name: str) -> str:
    """``bibliography/w/wang-2016.md`` -> "Wang 2016"; ``w/no-year-3.md`` (keys without
    a year) -> "W, no year (part 3)"."""
    stem = posixpath.basename(name)[: -len(".md")]
    if stem.startswith("no-year-"):
        letter = posixpath.basename(posixpath.dirname(name))
        return f"{letter.upper()}, no year (part {stem[len('no-year-') :]})"
    base, _, year = stem.rpartition("-")
    return f"{base.capitalize()} {year}"
