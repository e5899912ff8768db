"""The Bibliography section: one page per first letter of the key, an index with
downloads, and a report of what could not be parsed or resolved."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from jinja2 import Environment

from digest.model import BibEntry, Paper
from digest.references.bibliography import Bibliography
from digest.references.bibtex import format_entry
from digest.references.styles import apa
from digest.site.citation_links import BIBLIOGRAPHY_DIR, PaperCitations, Passage, entry_page
from digest.site.markdown import escape, escape_inline, guard_block_start
from digest.site.pages import Markdown, Page


def _citing(entry: BibEntry, titles: dict[str, str], found: list[Passage]) -> list[dict]:
    """Per citing paper: its reference-list items and the passages that cite the work."""
    papers: dict[str, dict] = {}
    for cited in entry.cited_in:
        item = papers.setdefault(
            cited.paper_id, {"title": titles[cited.paper_id], "refs": [], "passages": []}
        )
        item["refs"].append((cited.item, f"../papers/{cited.paper_id}.md#ref-{cited.item}"))
    for passage in found:
        item = papers.setdefault(
            passage.paper_id, {"title": titles[passage.paper_id], "refs": [], "passages": []}
        )
        label = passage.section or "opening"
        item["passages"].append((label, f"../papers/{passage.paper_id}.md#{passage.anchor}"))
    return [papers[paper_id] for paper_id in sorted(papers)]


def render_bibliography_pages(
    env: Environment,
    bibliography: Bibliography,
    papers: list[Paper],
    citations: dict[str, PaperCitations],
) -> list[Page]:
    titles = {paper.id: paper.metadata.display_title for paper in papers}
    passages = defaultdict(list)
    for paper_citations in citations.values():
        for key, found in paper_citations.passages.items():
            passages[key].extend(found)

    groups: dict[str, list[BibEntry]] = defaultdict(list)
    for key, entry in bibliography.entries.items():
        groups[Path(entry_page(key)).stem].append(entry)

    pages = []
    for letter, entries in sorted(groups.items()):
        items = [
            {
                "key": entry.key,
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
                "citing": _citing(entry, titles, passages.get(entry.key, [])),
            }
            for entry in entries
        ]
        text = env.get_template("bibliography_letter.md.j2").render(letter=letter, items=items)
        pages.append(Page(f"{BIBLIOGRAPHY_DIR}/{letter}.md", text))

    unresolved = [
        (paper.id, titles[paper.id], citations[paper.id].unresolved, citations[paper.id].total)
        for paper in papers
        if citations[paper.id].unresolved
    ]
    unparsed = [
        (entry.key, entry.reference.raw, Path(entry_page(entry.key)).name)
        for entry in bibliography.unparsed()
    ]
    entries_all = list(bibliography.entries.values())
    index = env.get_template("bibliography_index.md.j2").render(
        letters=[(letter, len(entries)) for letter, entries in sorted(groups.items())],
        total=len(bibliography.entries),
        corpus=sum(1 for e in entries_all if e.corpus_paper),
        cited=sum(1 for e in entries_all if e.cited_in),
        shared=sum(1 for e in entries_all if len({c.paper_id for c in e.cited_in}) > 1),
        unparsed=len(unparsed),
        unresolved=sum(len(u[2]) for u in unresolved),
    )
    pages.append(Page(f"{BIBLIOGRAPHY_DIR}/index.md", index))
    report = env.get_template("bibliography_report.md.j2").render(
        unresolved=unresolved, unparsed=unparsed
    )
    pages.append(Page(f"{BIBLIOGRAPHY_DIR}/unresolved.md", report))
    return pages
