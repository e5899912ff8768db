"""From a folder of PDFs to a built site: `digest add folder/*.pdf`, then `mkdocs build`.

The PDFs are made by the development corpus's generator (``make devcorpus``); what
each paper's title and authors are comes from the generator's ``meta.yml``, written
from the composed document, not from anything the digest read.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from sitecheck import check_built_site, empty_project, mkdocs_build, unexpected, warning_lines

from digest.cli import main

REPO = Path(__file__).resolve().parents[2]
DEVCORPUS = REPO / "tests" / "gold" / "devcorpus"
DOCUMENTS = ["article-10pt-twocolumn-1", "report-chapters-1", "fancyhdr-journal-roman-2"]

pytestmark = pytest.mark.build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return empty_project(tmp_path / "project")


def test_a_folder_of_pdfs_becomes_a_site(project: Path, tmp_path: Path) -> None:
    received = tmp_path / "received"
    received.mkdir()
    for document in DOCUMENTS:
        shutil.copy(DEVCORPUS / document / "document.pdf", received / f"{document}.pdf")

    assert main(["add", *map(str, sorted(received.glob("*.pdf"))), "--root", str(project)]) == 0
    sidecars = sorted((project / "sources").glob("*.yml"))
    assert len(sidecars) == len(DOCUMENTS)
    drafted = {yaml.safe_load(path.read_text("utf-8"))["title"]: path for path in sidecars}
    metas = [yaml.safe_load((DEVCORPUS / d / "meta.yml").read_text("utf-8")) for d in DOCUMENTS]
    assert sorted(drafted) == sorted(meta["title"] for meta in metas)

    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout
    assert warning_lines(result.stdout) == [], result.stdout
    failures = check_built_site(project / "build" / "docs", site, min_papers=len(DOCUMENTS))
    assert failures == [], unexpected(failures)
    ids = [yaml.safe_load(path.read_text("utf-8"))["id"] for path in sidecars]
    for paper_id in ids:
        assert (site / "papers" / paper_id / "index.html").is_file()
    # The report's chapters are headings of its page ("Chapter 2" over "Findings").
    report = next(path for path in sidecars if "public-service" in path.name)
    report_id = yaml.safe_load(report.read_text("utf-8"))["id"]
    page = (site / "papers" / report_id / "index.html").read_text("utf-8")
    assert re.search(r"<h2[^>]*>.*Chapter 2.*Findings", page)
    # The PDFs stay unpublished (no publish_pdf in a drafted sidecar); their texts are.
    assert not list((site / "sources").glob("*.pdf"))
    assert len(list((site / "sources").glob("*.pdf.txt"))) == len(DOCUMENTS)
