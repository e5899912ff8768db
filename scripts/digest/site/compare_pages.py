"""Comparison pages: papers x themes tables, the gap map, one page per theme,
and a heatmap of theme coverage drawn as SVG at build time (no network)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as html_escape

from jinja2 import Environment

from digest.compare.themes import GROUP_OF_KIND, Codebook, Theme
from digest.manifest import signature
from digest.model import Item, Paper
from digest.site.pages import PAPERS_PER_PAGE, KeepPages, Markdown, Page, render_all
from digest.site.pagination import paginate, to_top

COMPARE_DIR = "compare"
LABEL_CHARS = 70
# Bounds, so that no page grows with the corpus: passages per page of a theme, papers
# named in a gap-map cell (more are listed on the cell's own pages), unthemed items
# per page.
QUOTES_PER_PAGE = 20
CELL_NAMES = 3
UNTHEMED_PER_PAGE = 100


@dataclass(frozen=True)
class PaperItems:
    paper: Paper
    items: list[Item]


def short_name(paper: Paper) -> str:
    """A compact name for table cells: "Xu & Li 2024", or the start of a working title."""
    meta = paper.metadata
    if meta.authors:
        names = [person.family for person in meta.authors[:2]]
        name = " & ".join(names) + (" et al." if len(meta.authors) > 2 else "")
        return f"{name} {meta.year or 'n.d.'}"
    if meta.title:
        words = meta.title.split()
        return " ".join(words[:4]) + ("…" if len(words) > 4 else "")
    words = (meta.working_title or meta.id).split()
    # A working title is ours, not the paper's: it is labelled wherever it appears.
    return " ".join(words[:3]) + ("…" if len(words) > 3 else "") + " (working title)"


def _shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _kind_note(item: Item) -> Markdown:
    """Causes and experiences share their table with problems and paths: say which."""
    return Markdown(f" *({item.kind})*" if item.kind in ("cause", "experience") else "")


def _group_items(entry: PaperItems, group: str) -> list[Item]:
    return [item for item in entry.items if GROUP_OF_KIND[item.kind] == group]


def render_compare_pages(
    env: Environment,
    codebook: Codebook,
    papers: list[PaperItems],
    keep: KeepPages = render_all,
    states: dict[str, str] | None = None,
) -> list[Page]:
    """Every page of the Compare section.

    ``keep`` and ``states`` (a hash per paper of what its items are made from, see
    ``digest.build.paper_states``) let a build keep the pages whose papers are as
    they were; the pages that sum up the whole corpus are always rendered."""
    if states is None:  # nothing to sign pages with: every page is rendered
        keep = render_all
    pages: list[Page] = []

    def made_from(*parts: object, shown: list[Paper]) -> str:
        if states is None:
            return ""
        return signature(*parts, [(paper.id, states[paper.id]) for paper in shown])

    for group, title in (("problems", "Problems"), ("paths", "Paths")):
        themes = codebook.group(group)
        chunks = [papers[i : i + PAPERS_PER_PAGE] for i in range(0, len(papers), PAPERS_PER_PAGE)]
        names = [f"{group}.md"] + [f"{group}-{n}.md" for n in range(2, len(chunks) + 1)]
        for number, chunk in enumerate(chunks or [[]], 1):
            table = _Table(group, title, themes, names, number, chunk)
            pages.extend(
                keep(
                    table.path,
                    made_from(group, names, number, shown=[entry.paper for entry in chunk]),
                    lambda table=table: [_table_page(env, table)],
                )
            )

    problem_themes, path_themes = codebook.group("problems"), codebook.group("paths")
    gap = _gap_map(papers, problem_themes, path_themes)
    cells = {
        cell: f"gaps/{cell[0]}--{cell[1]}.md"
        for cell, found in gap.items()
        if len(found) > CELL_NAMES
    }
    pages.append(
        Page(
            f"{COMPARE_DIR}/gaps.md",
            env.get_template("compare_gaps.md.j2").render(
                problem_themes=problem_themes,
                path_themes=path_themes,
                gap=gap,
                cells=cells,
                names=CELL_NAMES,
            ),
        )
    )
    labels = {theme.id: theme.label for theme in codebook.themes}
    for (problem, path), name in sorted(cells.items()):
        for chunk in paginate(f"{COMPARE_DIR}/{name}", gap[(problem, path)], PAPERS_PER_PAGE):
            pages.extend(
                keep(
                    chunk.name,
                    signature(problem, path, chunk.rows, chunk.pages, chunk.total)
                    if states is not None
                    else "",
                    lambda problem=problem, path=path, chunk=chunk: [
                        Page(
                            chunk.name,
                            env.get_template("compare_gap_cell.md.j2").render(
                                problem=(problem, labels[problem]),
                                path=(path, labels[path]),
                                chunk=chunk,
                                root=to_top(chunk.name),
                            ),
                        )
                    ],
                )
            )
    for theme in codebook.themes:
        quotes = [
            (entry.paper, short_name(entry.paper), item)
            for entry in papers
            for item in entry.items
            if theme.id in item.themes
        ]
        for chunk in paginate(f"{COMPARE_DIR}/themes/{theme.id}.md", quotes, QUOTES_PER_PAGE):
            shown = {paper.id: paper for paper, _, _ in chunk.rows}
            pages.extend(
                keep(
                    chunk.name,
                    made_from(
                        theme.id,
                        [(paper.id, item.anchor) for paper, _, item in chunk.rows],
                        chunk.pages,
                        chunk.total,
                        shown=list(shown.values()),
                    ),
                    lambda theme=theme, chunk=chunk: [
                        Page(
                            chunk.name,
                            env.get_template("compare_theme.md.j2").render(
                                theme=theme, chunk=chunk, root=to_top(chunk.name)
                            ),
                        )
                    ],
                )
            )

    unthemed = [(entry.paper, item) for entry in papers for item in entry.items if not item.themes]
    for chunk in paginate(f"{COMPARE_DIR}/unthemed.md", unthemed, UNTHEMED_PER_PAGE):
        text = env.get_template("compare_unthemed.md.j2").render(
            chunk=chunk, root=to_top(chunk.name)
        )
        pages.append(Page(chunk.name, text))
    counts = {
        theme.id: len({e.paper.id for e in papers for i in e.items if theme.id in i.themes})
        for theme in codebook.themes
    }
    pages.append(
        Page(
            f"{COMPARE_DIR}/index.md",
            env.get_template("compare_index.md.j2").render(
                codebook=codebook,
                counts=counts,
                heatmap=Markdown(heatmap_svg(problem_themes, path_themes, gap)),
                unthemed=len(unthemed),
                paper_count=len(papers),
                item_count=sum(len(e.items) for e in papers),
            ),
        )
    )
    return pages


@dataclass(frozen=True)
class _Table:
    """One page of a comparison table: a row per paper, a column per theme."""

    group: str  # problems or paths
    title: str
    themes: list[Theme]
    names: list[str]  # the table's pages
    number: int  # this page's, from 1
    chunk: list[PaperItems]

    @property
    def path(self) -> str:
        return f"{COMPARE_DIR}/{self.names[self.number - 1]}"


def _table_page(env: Environment, table: _Table) -> Page:
    rows = []
    for entry in table.chunk:
        items = _group_items(entry, table.group)
        cells = []
        for theme in [*table.themes, None]:
            coded = [
                item
                for item in items
                if (theme is None and not item.themes)
                or (theme is not None and theme.id in item.themes)
            ]
            link = f"../papers/{entry.paper.id}.md#"
            cells.append([(_shorten(i.label), link + i.anchor, _kind_note(i)) for i in coded])
        rows.append({"paper": entry.paper, "name": short_name(entry.paper), "cells": cells})
    text = env.get_template("compare_table.md.j2").render(
        title=table.title,
        group=table.group,
        themes=table.themes,
        rows=rows,
        pages=[(n, table.names[n - 1]) for n in range(1, len(table.names) + 1)],
        page=table.number,
    )
    return Page(table.path, text)


def _gap_map(
    papers: list[PaperItems], problem_themes: list[Theme], path_themes: list[Theme]
) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(problem theme, path theme) -> papers naming that problem and proposing that path."""
    gap: dict[tuple[str, str], list[tuple[str, str]]] = {
        (problem.id, path.id): [] for problem in problem_themes for path in path_themes
    }
    for entry in papers:  # in paper order, each paper once into every cell it fills
        named = {
            group: {theme for item in _group_items(entry, group) for theme in item.themes}
            for group in ("problems", "paths")
        }
        for problem in problem_themes:
            if problem.id not in named["problems"]:
                continue
            for path in path_themes:
                if path.id in named["paths"]:
                    gap[(problem.id, path.id)].append(
                        (short_name(entry.paper), f"papers/{entry.paper.id}.md#problems-and-paths")
                    )
    return gap


def heatmap_svg(
    problem_themes: list[Theme],
    path_themes: list[Theme],
    gap: dict[tuple[str, str], list[tuple[str, str]]],
) -> str:
    """Problem themes x path themes, shaded by how many papers join them.

    Colours come from the page (currentColor and the theme's accent variable),
    so the picture reads in light and dark mode alike; labels are SVG text.
    """
    cell, left, top = 28, 340, 300
    width = left + cell * len(path_themes) + 170  # room for the last rotated labels
    height = top + cell * len(problem_themes) + 10
    most = max((len(v) for v in gap.values()), default=0) or 1
    parts = [
        f'<svg class="heatmap" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
        'font-size="12" fill="currentColor">',
        "<title>Papers naming each problem theme (rows) and proposing each path theme "
        "(columns); darker means more papers, a crossed cell is a gap</title>",
    ]
    for column, path in enumerate(path_themes):
        x = left + column * cell + cell / 2
        parts.append(
            f'<text transform="translate({x:.0f},{top - 6}) rotate(-60)">'
            f"{html_escape(_shorten(path.label, 46))}</text>"
        )
    for row, problem in enumerate(problem_themes):
        y = top + row * cell
        parts.append(
            f'<text x="{left - 6}" y="{y + cell / 2 + 4:.0f}" text-anchor="end">'
            f"{html_escape(_shorten(problem.label, 52))}</text>"
        )
        for column, path in enumerate(path_themes):
            x = left + column * cell
            count = len(gap[(problem.id, path.id)])
            opacity = 0.12 + 0.88 * count / most if count else 0
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'style="fill: var(--md-accent-fg-color, currentColor)" '
                f'fill-opacity="{opacity:.2f}" stroke="currentColor" stroke-opacity="0.25">'
                f"<title>{html_escape(problem.label)} x {html_escape(path.label)}: "
                f"{count} paper{'s' if count != 1 else ''}</title></rect>"
            )
            if not count:
                parts.append(
                    f'<path d="M{x + 8},{y + 8} L{x + cell - 10},{y + cell - 10}" '
                    'stroke="currentColor" stroke-opacity="0.35"/>'
                )
    parts.append("</svg>")
    return "".join(parts)
