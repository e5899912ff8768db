"""The build's health page: what was left out of this build, what was only warned
about, and one row per paper, worst first (``corpus_health.py``).

A lenient build (`mkdocs build` without --strict, `digest build --keep-going`)
publishes every good paper even when some files are bad; this page is where a
reader or maintainer sees which files those are and why, as ``file:line`` messages.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from digest.model import Problem
from digest.site.corpus_health import PAGE_ROWS, PaperHealth
from digest.site.pages import Page

HEALTH_PAGE = "health.md"


def render_health(
    env: Environment,
    problems: list[Problem],
    left_out: list[Path],
    paper_count: int,
    health: list[PaperHealth] | None = None,
) -> Page:
    errors = [problem for problem in problems if problem.is_error]
    warnings = [problem for problem in problems if not problem.is_error]
    text = env.get_template("health.md.j2").render(
        errors=[str(problem) for problem in errors],
        warnings=[str(problem) for problem in warnings],
        left_out=[path.as_posix() for path in left_out],
        paper_count=paper_count,
        rows=(health or [])[:PAGE_ROWS],
        more=max(0, len(health or []) - PAGE_ROWS),
    )
    return Page(HEALTH_PAGE, text)
