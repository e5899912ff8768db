"""The citation map drawn: the best-connected papers on a circle, lines between those
that share references, as one static SVG written at build time.

No script and no other host: the SVG sits in the page, each paper a numbered circle
linking to its page (the list under the drawing names them). The layout needs no
randomness: papers are placed clockwise by year, then id, so the same corpus draws
the same picture and the circle reads as a timeline. Only the papers with the most
links are drawn, so the drawing stays readable and its size bounded at any corpus
size.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from html import escape

from digest.model import Paper
from digest.references.coupling import PaperLinks

# Papers drawn at most; the drawing's size in SVG units.
MAX_NODES = 60
# Lines drawn at most (the strongest couplings first): 60 papers could be joined by
# 1,770 lines, which no reader can follow and which would make the page grow.
MAX_EDGES = 200
SIZE = 640
RADIUS = 270
NODE_RADIUS = 9
MAX_STROKE = 6.0
# Colours (white on NODE passes WCAG AA contrast for the numbers).
NODE = "#3949ab"
EDGE = "#78909c"
CITES = "#c62828"


def degree(links: PaperLinks) -> int:
    """How many other corpus papers a paper is linked to (coupled, cites, cited by)."""
    others = {other.paper_id for other in links.coupled} | set(links.cites) | set(links.cited_by)
    return len(others)


def drawn_papers(
    papers: list[Paper], links: Mapping[str, PaperLinks], degrees: dict[str, int] | None = None
) -> list[Paper]:
    """The papers the drawing shows, in their places around the circle (``degrees``:
    every paper's degree, computed once when many drawings are made)."""
    if degrees is None:
        degrees = {paper.id: degree(links[paper.id]) for paper in papers}
    linked = [paper for paper in papers if degrees[paper.id]]
    linked.sort(key=lambda paper: (-degrees[paper.id], paper.id))
    chosen = linked[:MAX_NODES]
    return sorted(chosen, key=lambda paper: (paper.metadata.year or 0, paper.id))


def coupling_svg(
    papers: list[Paper],
    links: Mapping[str, PaperLinks],
    site_root: str = "..",
    degrees: dict[str, int] | None = None,
) -> str:
    """The SVG (one line of markup, for a Markdown page), or '' when no paper is linked.

    ``site_root`` leads from the page's address back to the site's top (the circles
    link to the papers' pages; a raw link in HTML is not rewritten by the builder)."""
    nodes = drawn_papers(papers, links, degrees)
    if not nodes:
        return ""
    centre = SIZE / 2
    places: dict[str, tuple[float, float]] = {}
    for index, paper in enumerate(nodes):
        angle = 2 * math.pi * index / len(nodes) - math.pi / 2
        places[paper.id] = (
            round(centre + RADIUS * math.cos(angle), 1),
            round(centre + RADIUS * math.sin(angle), 1),
        )
    # Each paper's coupled list is sorted most shared first.
    widest = max(
        (links[paper.id].coupled[0].count for paper in nodes if links[paper.id].coupled), default=1
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" '
        'class="citation-map" role="img" aria-label="Papers of the digest that share '
        'references, linked by lines" font-size="10">'
    ]
    edges: list[tuple[int, str, str, str]] = []  # (strength, from, to, kind)
    for paper in nodes:
        for other in links[paper.id].coupled:
            if other.paper_id in places and paper.id < other.paper_id:
                edges.append((other.count, paper.id, other.paper_id, "shared"))
        for cited in links[paper.id].cites:
            if cited in places:
                edges.append((widest, paper.id, cited, "cites"))
    edges.sort(key=lambda edge: (-edge[0], edge[1], edge[2], edge[3]))
    for strength, first, second, kind in sorted(edges[:MAX_EDGES], key=lambda e: e[3] == "cites"):
        (x1, y1), (x2, y2) = places[first], places[second]
        if kind == "shared":
            width = round(1 + (MAX_STROKE - 1) * strength / widest, 1)
            parts.append(
                f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{EDGE}" '
                f'stroke-width="{width}">'
                f"<title>{strength} shared works</title></line>"
            )
        else:
            parts.append(
                f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{CITES}" '
                'stroke-width="1.5" stroke-dasharray="5 3">'
                "<title>cites</title></line>"
            )
    for number, paper in enumerate(nodes, start=1):
        x, y = places[paper.id]
        title = escape(paper.metadata.display_title, quote=True)
        parts.append(
            f'<a href="{site_root}/papers/{escape(paper.id, quote=True)}/">'
            f'<circle cx="{x}" cy="{y}" r="{NODE_RADIUS}" fill="{NODE}"><title>{title}</title>'
            f'</circle><text x="{x}" y="{y}" dy="0.35em" text-anchor="middle" fill="#ffffff">'
            f"{number}</text></a>"
        )
    parts.append("</svg>")
    return "".join(parts)
