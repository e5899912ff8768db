"""Comparison pages: papers x themes tables, the gap map, one page per theme,
and a heatmap of theme coverage drawn as SVG at build time (no network)."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable
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
    they were, and the pages that sum up the whole corpus while what they show of
    every paper is as it was."""
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
    # The pages and files that sum up the whole corpus show only the items' labels,
    # kinds, anchors and themes and the papers' names: kept while those are as they
    # were (an edit to a paper's text seldom changes them).
    coded = _coded_signature(papers) if states is not None else ""
    cells = {
        cell: f"gaps/{cell[0]}--{cell[1]}.md"
        for cell, found in gap.items()
        if len(found) > CELL_NAMES
    }
    pages.extend(
        _one_page(
            keep,
            f"{COMPARE_DIR}/gaps.md",
            coded,
            lambda: env.get_template("compare_gaps.md.j2").render(
                problem_themes=problem_themes,
                path_themes=path_themes,
                gap=gap,
                cells=cells,
                names=CELL_NAMES,
                cell_id=cell_id,
                row_id=row_id,
            ),
        )
    )
    # Each table as a CSV file, whole (every paper), beside its pages.
    pages.extend(
        _one_page(
            keep,
            f"{COMPARE_DIR}/gaps.csv",
            coded,
            lambda: gaps_csv(problem_themes, path_themes, gap),
        )
    )
    for group in ("problems", "paths"):
        path = f"{COMPARE_DIR}/{group}.csv"
        pages.extend(
            _one_page(
                keep,
                path,
                coded,
                lambda group=group: table_csv(group, codebook.group(group), papers),
            )
        )
    labels = {theme.id: theme.label for theme in codebook.themes}
    for (problem, path), name in sorted(cells.items()):
        for chunk in paginate(f"{COMPARE_DIR}/{name}", gap[(problem, path)], PAPERS_PER_PAGE):
            pages.extend(
                keep(
                    chunk.name,
                    signature(
                        problem,
                        path,
                        [(row.name, row.problem, row.path) for row in chunk.rows],
                        chunk.pages,
                        chunk.total,
                    )
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
    # Every theme's passages in one walk over the items (not one walk per theme).
    quoted: dict[str, list[tuple[Paper, str, Item]]] = {theme.id: [] for theme in codebook.themes}
    for entry in papers:
        name = short_name(entry.paper)
        for item in entry.items:
            for theme_id in dict.fromkeys(item.themes):
                if theme_id in quoted:
                    quoted[theme_id].append((entry.paper, name, item))
    for theme in codebook.themes:
        quotes = quoted[theme.id]
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
        pages.extend(
            keep(
                chunk.name,
                made_from(
                    "unthemed",
                    [(paper.id, item.anchor) for paper, item in chunk.rows],
                    chunk.pages,
                    chunk.total,
                    shown=list({paper.id: paper for paper, _ in chunk.rows}.values()),
                ),
                lambda chunk=chunk: [
                    Page(
                        chunk.name,
                        env.get_template("compare_unthemed.md.j2").render(
                            chunk=chunk, root=to_top(chunk.name)
                        ),
                    )
                ],
            )
        )
    counts = {
        theme.id: len({paper.id for paper, _, _ in quoted[theme.id]}) for theme in codebook.themes
    }
    pages.extend(
        _one_page(
            keep,
            f"{COMPARE_DIR}/index.md",
            coded,
            lambda: env.get_template("compare_index.md.j2").render(
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


def _one_page(keep: KeepPages, path: str, made_from: str, text: Callable[[], str]) -> list[Page]:
    """A page (or file) of its own, kept while ``made_from`` is as it was."""
    return keep(path, made_from, lambda: [Page(path, text())])


def _coded_signature(papers: list[PaperItems]) -> str:
    """What the corpus-wide comparison pages show of each paper: its id and name, and
    its items' kinds, anchors, labels and themes."""
    return signature(
        [
            (
                entry.paper.id,
                short_name(entry.paper),
                [(item.kind, item.anchor, item.label, item.themes) for item in entry.items],
            )
            for entry in papers
        ]
    )


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


def _coded(items: list[Item], theme: Theme | None) -> list[Item]:
    """The items under ``theme``; under None, those that match no theme."""
    if theme is None:
        return [item for item in items if not item.themes]
    return [item for item in items if theme.id in item.themes]


def row_id(theme: Theme | None) -> str:
    """The id of a theme's row in the comparison tables (``theme-...``; ``no-theme``)."""
    return "no-theme" if theme is None else f"theme-{_id_safe(theme.id)}"


def cell_id(problem: str, path: str) -> str:
    """The id of a gap-map cell, which the heatmap's cells link to."""
    return f"gap-{_id_safe(problem)}--{_id_safe(path)}"


def _id_safe(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9.:-]", "-", value)


def _table_page(env: Environment, table: _Table) -> Page:
    """Themes as rows (their labels stay in view: the first column is sticky), the
    papers of this page as columns, so that the table grows downwards with the codebook
    and only sideways with the papers of one page."""
    columns = [{"paper": entry.paper, "name": short_name(entry.paper)} for entry in table.chunk]
    grouped = [_group_items(entry, table.group) for entry in table.chunk]
    rows = []
    for theme in [*table.themes, None]:
        cells = []
        for entry, items in zip(table.chunk, grouped, strict=True):
            link = f"../papers/{entry.paper.id}.md#"
            cells.append(
                [(_shorten(i.label), link + i.anchor, _kind_note(i)) for i in _coded(items, theme)]
            )
        rows.append(
            {
                "id": row_id(theme),
                "theme": theme,
                "count": sum(1 for cell in cells if cell),
                "cells": cells,
            }
        )
    text = env.get_template("compare_table.md.j2").render(
        title=table.title,
        group=table.group,
        columns=columns,
        rows=rows,
        pages=[(n, table.names[n - 1]) for n in range(1, len(table.names) + 1)],
        page=table.number,
        csv=f"{table.group}.csv",
    )
    return Page(table.path, text)


# A spreadsheet reads a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A value for a CSV cell, never read as a formula: text from the sources is data."""
    text = " ".join(str(value).split()) if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(rows: list[list[object]]) -> str:
    """CSV text (RFC 4180 quoting, CRLF), with a byte-order mark so that a spreadsheet
    reads the UTF-8 as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def table_csv(group: str, themes: list[Theme], papers: list[PaperItems]) -> str:
    """The whole comparison table of ``group``, every paper a column: what each paper puts
    forward under each theme, items joined by " | "."""
    header: list[object] = ["Theme", "Papers"]
    header.extend(f"{short_name(entry.paper)} ({entry.paper.id})" for entry in papers)
    grouped = [_group_items(entry, group) for entry in papers]
    rows: list[list[object]] = [header]
    for theme in [*themes, None]:
        cells = [
            " | ".join(
                item.label + (f" ({item.kind})" if item.kind in ("cause", "experience") else "")
                for item in _coded(items, theme)
            )
            for items in grouped
        ]
        label = theme.label if theme else "No theme"
        rows.append([label, sum(1 for cell in cells if cell), *cells])
    return to_csv(rows)


def gaps_csv(
    problem_themes: list[Theme],
    path_themes: list[Theme],
    gap: dict[tuple[str, str], list[GapPaper]],
) -> str:
    """The gap map: a row per problem theme, a column per path theme, each cell the papers
    joining them (all of them, "; "-separated), empty for a gap."""
    rows: list[list[object]] = [["Problem theme", *(path.label for path in path_themes)]]
    for problem in problem_themes:
        rows.append(
            [
                problem.label,
                *(
                    "; ".join(found.name for found in gap[(problem.id, path.id)])
                    for path in path_themes
                ),
            ]
        )
    return to_csv(rows)


@dataclass(frozen=True)
class GapPaper:
    """A paper in a gap-map cell: its name and the passages of the problem and the path."""

    name: str
    problem: str  # link from the top of the docs tree
    path: str


def _gap_map(
    papers: list[PaperItems], problem_themes: list[Theme], path_themes: list[Theme]
) -> dict[tuple[str, str], list[GapPaper]]:
    """(problem theme, path theme) -> papers naming that problem and proposing that path,
    each with the first passage of the one and of the other."""
    gap: dict[tuple[str, str], list[GapPaper]] = {
        (problem.id, path.id): [] for problem in problem_themes for path in path_themes
    }
    for entry in papers:  # in paper order, each paper once into every cell it fills
        first: dict[str, dict[str, Item]] = {}
        for group in ("problems", "paths"):
            first[group] = {}
            for item in _group_items(entry, group):
                for theme in item.themes:
                    first[group].setdefault(theme, item)
        page = f"papers/{entry.paper.id}.md#"
        name = short_name(entry.paper)
        for problem in problem_themes:
            if problem.id not in first["problems"]:
                continue
            for path in path_themes:
                if path.id in first["paths"]:
                    gap[(problem.id, path.id)].append(
                        GapPaper(
                            name,
                            page + first["problems"][problem.id].anchor,
                            page + first["paths"][path.id].anchor,
                        )
                    )
    return gap


# The heatmap's shades: a cell's level from its count (0: a gap), drawn by the stylesheet
# (digest.css: .heat-N) in each palette's colours, with a text colour that contrasts.
HEAT_LEVELS = 4
LABEL_FONT = 13  # px, the themes' labels; not scaled down: the picture scrolls instead
CHAR_WIDTH = 0.56  # of the font size: a generous average for sans-serif text


def heat_level(count: int, most: int) -> int:
    if count <= 0:
        return 0
    if most <= HEAT_LEVELS:
        return count
    return max(1, min(HEAT_LEVELS, math.ceil(HEAT_LEVELS * count / most)))


def heatmap_svg(
    problem_themes: list[Theme],
    path_themes: list[Theme],
    gap: dict[tuple[str, str], list[GapPaper]],
) -> str:
    """Problem themes x path themes: each cell the number of papers joining them, shaded
    by it, and a link to that cell of the gap map (which names the papers).

    Drawn at its own size (the page scrolls it sideways, never shrinks it), labels in full.
    Each cell is a link whose aria-label says what it counts, so a screen reader reads
    every number; colours come from the stylesheet, for the light and the dark palette.
    """
    cell = 34
    label_px = LABEL_FONT * CHAR_WIDTH
    # Row labels wrap (so that the cells start within a phone's width), column labels slant.
    row_lines = [_wrap(theme.label, ROW_LABEL_CHARS) for theme in problem_themes]
    heights = [max(cell, LINE_PX * len(lines) + 6) for lines in row_lines]
    tops = [sum(heights[:row]) for row in range(len(heights))]
    longest_row = max((len(line) for lines in row_lines for line in lines), default=10)
    longest_column = max((len(theme.label) for theme in path_themes), default=10)
    left = math.ceil(longest_row * label_px) + 16
    slant = math.radians(55)
    top = math.ceil(longest_column * label_px * math.sin(slant)) + 16
    right = math.ceil(longest_column * label_px * math.cos(slant)) + 16
    most = max((len(found) for found in gap.values()), default=0)
    levels = [
        (level, _level_range(level, most))
        for level in range(0, (min(most, HEAT_LEVELS) if most else 0) + 1)
    ]
    grid_bottom = top + sum(heights)
    width = max(left + cell * len(path_themes) + right, left + 120 * len(levels) + 160)
    height = grid_bottom + 70
    parts = [
        f'<svg class="heatmap" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg" font-size="{LABEL_FONT}" '
        'role="group" aria-labelledby="heatmap-title">',
        '<title id="heatmap-title">Papers naming each problem theme (rows) and proposing each '
        "path theme (columns): the number in each cell; 0 is a gap</title>",
    ]
    for column, path in enumerate(path_themes):
        x = left + column * cell + cell / 2 + 4
        parts.append(
            f'<a href="themes/{_url_part(path.id)}/">'
            f'<text class="heat-label" transform="translate({x:.0f},{top - 8}) rotate(-55)">'
            f"{html_escape(path.label)}</text></a>"
        )
    for row, problem in enumerate(problem_themes):
        y = top + tops[row] + (heights[row] - cell) / 2  # the cells, centred on the label
        first = top + tops[row] + heights[row] / 2 + 4 - LINE_PX * (len(row_lines[row]) - 1) / 2
        lines = "".join(
            f'<tspan x="{left - 8}" y="{first + LINE_PX * number:.0f}">'
            f"{html_escape(line)}{' ' if number < len(row_lines[row]) - 1 else ''}</tspan>"
            for number, line in enumerate(row_lines[row])
        )
        parts.append(
            f'<a href="themes/{_url_part(problem.id)}/">'
            f'<text class="heat-label" text-anchor="end">{lines}</text></a>'
        )
        for column, path in enumerate(path_themes):
            x = left + column * cell
            count = len(gap[(problem.id, path.id)])
            level = heat_level(count, most)
            shape = f"heat-{row}-{column}"
            what = f"{count} paper{'s' if count != 1 else ''}" if count else "no paper (a gap)"
            label = html_escape(f"{problem.label} × {path.label}: {what}", quote=True)
            parts.append(
                f'<a href="gaps/#{cell_id(problem.id, path.id)}" aria-label="{label}">'
                f"<title>{label}</title>"
                f'<rect id="{shape}" class="heat-{level}" x="{x}" y="{y:.0f}" '
                f'width="{cell - 2}" height="{cell - 2}" rx="2"/>'
                f'<text class="heat-count heat-text-{level}" data-contrast-bg="{shape}" '
                f'x="{x + (cell - 2) / 2:.0f}" y="{y + cell / 2 + 4:.0f}" '
                f'text-anchor="middle" aria-hidden="true">{count}</text></a>'
            )
    # The legend: the shades as they are drawn, so it reads true in either palette.
    y = grid_bottom + 24
    parts.append(
        f'<text class="heat-label" x="{left - 8}" y="{y + 15}" text-anchor="end">'
        "Papers in a cell:</text>"
    )
    for index, (level, text) in enumerate(levels):
        x = left + index * 120
        shape = f"heat-legend-{level}"
        parts.append(
            f'<rect id="{shape}" class="heat-{level}" x="{x}" y="{y}" width="{cell - 2}" '
            f'height="{cell - 2}" rx="2"/>'
            f'<text class="heat-label" x="{x + cell + 4}" y="{y + 20}">'
            f"{html_escape(text)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


ROW_LABEL_CHARS = 30  # a row label's lines, at most (a longer word keeps its length)
LINE_PX = 15


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _level_range(level: int, most: int) -> str:
    """What counts a shade stands for: "0 (gap)", "2", "3-4"."""
    if level == 0:
        return "0 (gap)"
    if most <= HEAT_LEVELS:
        return str(level)
    low = math.floor((level - 1) * most / HEAT_LEVELS) + 1
    high = math.floor(level * most / HEAT_LEVELS)
    return str(low) if low >= high else f"{low}-{high}"


def _url_part(value: str) -> str:
    from urllib.parse import quote

    return html_escape(quote(value, safe=""), quote=True)
