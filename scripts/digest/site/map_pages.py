"""The citation map page: the works the field cites most and the papers that share
the most references, each list bounded however large the corpus grows.

Each paper's own place in the map (coupled papers, corpus papers it cites and that
cite it) is rendered on its page (``paper_links`` feeds ``paper.md.j2``).
"""

from __future__ import annotations

from jinja2 import Environment

from digest.model import Paper
from digest.references.bibliography import Bibliography
from digest.references.coupling import PaperLinks, most_cited
from digest.references.styles import apa
from digest.site.citation_links import entry_page
from digest.site.map_graph import MAX_NODES, coupling_svg, drawn_papers
from digest.site.markdown import escape_inline, guard_block_start
from digest.site.pages import Markdown, Page

MAP_PAGE = "map/index.md"
# Bounds: rows of each list on the map page, names per row, entries per paper page.
MOST_CITED = 50
TOP_PAIRS = 50
NAMES_PER_ROW = 10
COUPLED_PER_PAPER = 10
SHARED_PER_ROW = 5


def render_map_page(
    env: Environment,
    bibliography: Bibliography,
    papers: list[Paper],
    links: dict[str, PaperLinks],
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
            (len(other.shared), paper, other.paper_id)
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
                "count": len(other.shared),
                "shared": [
                    {"key": key, "link": f"../{entry_page(key)}#{key}"}
                    for key in other.shared[:SHARED_PER_ROW]
                ],
                "more": max(0, len(other.shared) - SHARED_PER_ROW),
            }
            for other in links.coupled[:COUPLED_PER_PAPER]
        ],
        "coupled_more": max(0, len(links.coupled) - COUPLED_PER_PAPER),
        "cites": [named(paper) for paper in links.cites[:COUPLED_PER_PAPER]],
        "cited_by": [named(paper) for paper in links.cited_by[:COUPLED_PER_PAPER]],
        "cited_by_more": max(0, len(links.cited_by) - COUPLED_PER_PAPER),
    }
