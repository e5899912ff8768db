"""The build's health page: what was left out of this build, what was only warned
about, and one row per paper, worst first (``corpus_health.py``).

A lenient build (`mkdocs build` without --strict, `digest build --keep-going`)
publishes every good paper even when some files are bad; this page is where a
reader or maintainer sees which files those are and why, as ``file:line`` messages.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from jinja2 import Environment

from digest.manifest import signature
from digest.model import Problem
from digest.site.corpus_health import PAGE_ROWS, PaperHealth
from digest.site.pages import KeepPages, Page, render_all
from digest.site.pagination import Chunk, paginate

HEALTH_PAGE = "health.md"


def render_health(
    env: Environment,
    problems: list[Problem],
    left_out: list[Path],
    paper_count: int,
    health: list[PaperHealth] | None = None,
    keep: KeepPages = render_all,
) -> list[Page]:
    """The health page, and as many more pages as the rows need (PAGE_ROWS each): the
    page stays the same size however large the corpus grows. With ``keep`` (a build's
    ``PageMemo.group``), a page whose rows and messages are as they were is kept."""
    errors = [str(problem) for problem in problems if problem.is_error]
    warnings = [str(problem) for problem in problems if not problem.is_error]
    shown_left_out = [path.as_posix() for path in left_out]
    pages = []
    for chunk in paginate(HEALTH_PAGE, health or [], PAGE_ROWS):
        here = posixpath.dirname(chunk.name) or "."
        made_from = signature(
            # The messages show on the first page only.
            [errors, warnings, shown_left_out, paper_count] if chunk.first else None,
            [vars(row) for row in chunk.rows],  # (plain values; asdict is slow)
            chunk.pages,
            chunk.total,
        )

        def render(chunk: Chunk[PaperHealth] = chunk, here: str = here) -> list[Page]:
            text = env.get_template("health.md.j2").render(
                first=chunk.first,
                errors=errors,
                warnings=warnings,
                left_out=shown_left_out,
                paper_count=paper_count,
                rows=chunk.rows,
                # Links from this page: to the papers, and to every page of the table.
                root=posixpath.relpath(".", here) + "/" if here != "." else "",
                page=chunk.number,
                pages=chunk.pages,
                total=chunk.total,
            )
            return [Page(chunk.name, text)]

        pages.extend(keep(chunk.name, made_from, render))
    return pages
