"""The citation map page: the works the field cites most and the papers that share
the most references, each list bounded however large the corpus grows.

Each paper's own place in the map (coupled papers, corpus papers it cites and that
cite it) is rendered on its page (``paper_links`` feeds ``paper.md.j2``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from jinja2 import Environment

from digest.model import Paper
from digest.references.bibliography import Bibliography
from digest.references.coupling import PaperLinks, most_cited
from digest.references.styles import apa
from digest.site.citation_links import entry_page
from digest.site.map_graph import MAX_NODES, coupling_svg, degree, drawn_papers
from digest.site.markdown import escape_inline, guard_block_start
from digest.site.pages import Markdown, Page
from digest.site.pagination import to_top

MAP_PAGE = "map/index.md"
# Bounds: rows of each list on the map page, names per row, entries per paper page.
MOST_CITED = 40
TOP_PAIRS = 40
NAMES_PER_ROW = 5
COUPLED_PER_PAPER = 10
SHARED_PER_ROW = 5


@dataclass(frozen=True)
class MapFilter:
    """The map drawn for some of the papers: those on one theme, or of one year."""

    page: str  # map/themes/<id>.md or map/years/<year>.md
    title: str
    short: str  # the theme's label or the year, for the links on the map page
    members: frozenset[str]  # paper ids


def render_map_pages(
    env: Environment,
    bibliography: Bibliography,
    papers: list[Paper],
    links: Mapping[str, PaperLinks],
    themes: dict[str, tuple[str, set[str]]] | None = None,
) -> list[Page]:
    """The map page, and one drawing per theme and per year (the map filtered).

    ``themes``: theme id -> (label, ids of the papers with an item coded to it).
    """
    themes = themes or {}
    filters = _filters(papers, themes)
    pages = [_map_page(env, bibliography, papers, links, filters)]
    by_id = {paper.id: paper for paper in papers}
    degrees = {paper.id: degree(links[paper.id]) for paper in papers}  # once for every drawing
    for view in filters:
        chosen = [by_id[paper_id] for paper_id in sorted(view.members)]
        root = to_top(view.page)
        text = env.get_template("map_filter.md.j2").render(
            title=view.title,
            # Raw HTML: relative to the page's address, a folder one level further down.
            drawing=Markdown(coupling_svg(chosen, links, f"{root}/..", degrees)),
            drawn=[
                {"title": paper.metadata.display_title, "link": f"{root}/papers/{paper.id}.md"}
                for paper in drawn_papers(chosen, links, degrees)
            ],
            paper_count=len(chosen),
            limit=MAX_NODES,
            back=posixpath.relpath(MAP_PAGE, posixpath.dirname(view.page)),
        )
        pages.append(Page(view.page, text))
    return pages


def _filters(papers: list[Paper], themes: dict[str, tuple[str, set[str]]]) -> list[MapFilter]:
    """A filtered map for each theme and each year that has papers."""
    found = [
        MapFilter(f"map/themes/{theme}.md", f"Papers on: {label}", label, frozenset(members))
        for theme, (label, members) in sorted(themes.items())
        if members
    ]
    years: dict[int, set[str]] = {}
    for paper in papers:
        if paper.metadata.year:
            years.setdefault(paper.metadata.year, set()).add(paper.id)
    found += [
        MapFilter(f"map/years/{year}.md", f"Papers of {year}", str(year), frozenset(members))
        for year, members in sorted(years.items())
    ]
    return found


def _map_page(
    env: Environment,
    bibliography: Bibliography,
    papers: list[Paper],
    links: Mapping[str, PaperLinks],
    filters: list[MapFilter],
) -> Page:
    titles = {paper.id: paper.metadata.display_title for paper in papers}

    def paper_link(paper_id: str) -> dict[str, str]:
        return {"title": titles[paper_id], "link": f"../papers/{paper_id}.md"}

    works = [
        {
            "key": entry.key,
            "link": f"../{entry_page(entry.key)}#{entry.key}",
            "citation": Markdown(
                guard_block_start(apa(entry.reference))
                if entry.reference.parsed
                else escape_inline(entry.reference.raw)
            ),
            "count": len(citing),
            "citing": [paper_link(paper) for paper in citing[:NAMES_PER_ROW]],
            "more": max(0, len(citing) - NAMES_PER_ROW),
        }
        for entry, citing in most_cited(bibliography, MOST_CITED)
    ]
    pairs = sorted(
        (
            (other.count, paper, other.paper_id)
            for paper, paper_links in links.items()
            for other in paper_links.coupled
            if paper < other.paper_id
        ),
        key=lambda pair: (-pair[0], pair[1], pair[2]),
    )[:TOP_PAIRS]
    text = env.get_template("map.md.j2").render(
        drawing=Markdown(coupling_svg(papers, links)),
        drawn=[paper_link(paper.id) for paper in drawn_papers(papers, links)],
        works=works,
        pairs=[
            {"count": count, "first": paper_link(first), "second": paper_link(second)}
            for count, first, second in pairs
        ],
        paper_count=len(papers),
        limits={"works": MOST_CITED, "pairs": TOP_PAIRS, "drawn": MAX_NODES},
        themes=[
            (view.short, posixpath.relpath(view.page, "map"), len(view.members))
            for view in filters
            if view.page.startswith("map/themes/")
        ],
        years=[
            (view.short, posixpath.relpath(view.page, "map"), len(view.members))
            for view in filters
            if view.page.startswith("map/years/")
        ],
    )
    return Page(MAP_PAGE, text)


def paper_map_section(links: PaperLinks, titles: dict[str, str]) -> dict[str, object]:
    """What a paper's page shows of the map, bounded."""

    def named(paper_id: str) -> dict[str, str]:
        return {"title": titles[paper_id], "link": f"{paper_id}.md"}

    return {
        "coupled": [
            {
                **named(other.paper_id),
                "count": other.count,
                "shared": [
                    {"key": key, "link": f"../{entry_page(key)}#{key}"}
                    for key in other.shared[:SHARED_PER_ROW]
                ],
                "more": max(0, other.count - SHARED_PER_ROW),
            }
            for other in links.coupled[:COUPLED_PER_PAPER]
        ],
        "coupled_more": max(0, len(links.coupled) - COUPLED_PER_PAPER),
        "cites": [named(paper) for paper in links.cites[:COUPLED_PER_PAPER]],
        "cited_by": [named(paper) for paper in links.cited_by[:COUPLED_PER_PAPER]],
        "cited_by_more": max(0, len(links.cited_by) - COUPLED_PER_PAPER),
    }
