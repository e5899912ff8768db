"""The corpus health report (`digest report`, the health page): one row per paper,
worst first, each figure from the paper's own files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from digest.build import build
from digest.cli import main
from digest.ingest.add import add_files
from digest.model import Problem
from digest.site.corpus_health import PaperHealth
from digest.site.health_page import render_health
from digest.site.pages import environment

ROOT = Path(__file__).resolve().parents[2]
ADDED = ROOT / "tests" / "ingest" / "fixtures" / "add" / "village-elections.txt"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus one paper added by `digest add` and not yet reviewed."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "sources", root / "sources")
    add_files([ADDED], root / "sources")
    return root


def test_a_drafted_paper_nobody_checked_comes_first(corpus: Path) -> None:
    rows = build(corpus, None, keep_going=True).health
    first = rows[0]
    assert first.id == "zhang-village-elections-party"
    assert set(first.metadata_under_review) == {
        "title", "authors", "year", "venue", "volume", "issue", "doi", "affiliations", "keywords",
        "abstract",
    }  # fmt: skip
    assert [row.to_check for row in rows] == sorted((row.to_check for row in rows), reverse=True)


def test_each_row_takes_its_figures_from_the_papers_files(corpus: Path) -> None:
    rows = {row.id: row for row in build(corpus, None, keep_going=True).health}
    # 000 and 001 render the same paper (the seeds' README): one row, one merged.
    merged = [row for row in rows.values() if row.duplicates_merged]
    assert [sorted(row.sources) for row in merged] == [
        ["000_7c62276afec5030b.txt", "001_b894dce3f1db1ec4.txt"]
    ]
    for sidecar in (corpus / "sources").glob("00[1-4]_*.yml"):
        values = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        assert rows[values["id"]].metadata_unknown == values["not_in_text"]
        assert rows[values["id"]].metadata_under_review == []


def test_the_report_as_json_and_on_the_health_page(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--json", "--root", str(corpus)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["papers"][0]["id"] == "zhang-village-elections-party"
    assert data["left_out"] == []
    out = corpus / "site"
    build(corpus, out, keep_going=True)
    page = (out / "health.md").read_text(encoding="utf-8")
    assert (
        "| [zhang-village-elections-party](papers/zhang-village-elections-party.md) | 11 |"
        in page  # 10 fields + no items
    )
    assert "(papers/wang-governance-grass-roots.md#references)" in page


def test_the_health_table_is_paginated_so_no_page_grows_with_the_corpus() -> None:
    rows = [
        PaperHealth(f"paper-{n:03d}", f"papers/paper-{n:03d}.md", [f"{n:03d}.txt"], "clean")
        for n in range(250)
    ]
    problems = [Problem(Path("sources/007.yml"), 3, "review: drafted fields to check", "warning")]
    pages = render_health(environment(), problems, [], 250, rows)
    assert [page.path for page in pages] == ["health.md", "health/page-2.md", "health/page-3.md"]
    first, second, third = (page.text for page in pages)
    # 100 rows a page; the problems once, on the first page.
    assert [text.count("| [paper-") for text in (first, second, third)] == [100, 100, 50]
    assert "drafted fields to check" in first and "drafted fields to check" not in second
    # Links from a page in health/ go up to the papers and across to the other pages.
    assert "| [paper-100](../papers/paper-100.md) |" in second
    assert "[1](../health.md) · **2** · [3](page-3.md)" in second
    assert "**1** · [2](health/page-2.md) · [3](health/page-3.md)" in first
    assert "| [paper-000](papers/paper-000.md) |" in first
