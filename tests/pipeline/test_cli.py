"""The maintainer's command line, run as a user would run it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def digest(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "digest.cli", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_clean_reads_standard_input() -> None:
    result = digest("clean", "-", stdin="1. Introduction\nThe text of the\nintroduction.\n")
    assert result.returncode == 0
    assert result.stdout == "## 1. Introduction\n\nThe text of the introduction.\n"


def test_clean_a_file() -> None:
    result = digest("clean", "sources/004_6d188b614b00f695.txt")
    assert result.returncode == 0
    assert result.stdout.startswith("# Study on the Problems and Countermeasures")
    assert "\n## References\n" in result.stdout


def test_clean_reads_a_pdf_by_its_layout(tmp_path: Path) -> None:
    result = digest("clean", "tests/gold/devcorpus/report-chapters-1/document.pdf")
    assert result.returncode == 0
    assert result.stdout.startswith("# Public Service Provision and Its Discontents")
    assert "\n## Chapter 2 Findings\n" in result.stdout
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n")
    result = digest("clean", str(broken))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{broken}:1: cannot read the PDF")


def test_clean_names_a_file_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    result = digest("clean", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:1:")


def test_check_passes_on_the_corpus_and_fails_with_file_and_line(tmp_path: Path) -> None:
    assert digest("check").returncode == 0
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    sidecar = tmp_path / "sources" / "002_8470575325ce7c19.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("title:", "titel:", 1))
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = digest("check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "sources/002_8470575325ce7c19.yml:" in result.stderr
    assert "titel" in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # check writes nothing


def test_build_writes_the_pages(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    result = digest("build", "--root", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "4 paper(s) from 5 source(s)" in result.stdout
    assert (tmp_path / "build" / "docs" / "papers" / "index.md").is_file()


def test_generated_markdown_is_git_ignored_and_untracked() -> None:
    for path in ("build/docs/papers/index.md", "build/docs/about.md", "build/cache/x"):
        ignored = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, check=False)
        assert ignored.returncode == 0, path
    tracked = subprocess.run(
        ["git", "ls-files", "build", "site"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    # Only the docs tree's empty marker, so that a fresh clone has mkdocs.yml's docs_dir.
    assert tracked.stdout == "build/docs/.digest-output\n"
    assert (ROOT / "build/docs/.digest-output").read_bytes() == b""
