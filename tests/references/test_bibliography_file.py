"""references.bib: fresh, protected from hand edits, and readable by BibTeX tools."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pybtex.errors
import pytest
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

from digest.build import build

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "references.bib"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copy(COMMITTED, tmp_path / "references.bib")
    return tmp_path


def test_the_committed_references_bib_and_keys_are_what_the_build_writes(repo: Path) -> None:
    report = build(repo, repo / "out", cache_dir=repo / "cache")
    assert report.problems == []
    assert (repo / "references.bib").read_text(encoding="utf-8") == COMMITTED.read_text(
        encoding="utf-8"
    ), "references.bib is stale: run `digest build` (or `make site`) and commit it"
    keys = "sources/citation-keys.tsv"
    assert (repo / keys).read_bytes() == (ROOT / keys).read_bytes()
    assert (repo / "out" / "references.bib").read_bytes() == COMMITTED.read_bytes()


def test_a_hand_edited_references_bib_is_not_overwritten(repo: Path) -> None:
    bib = repo / "references.bib"
    edited = bib.read_text(encoding="utf-8").replace("Theory and Reform", "Theory & Reform")
    bib.write_text(edited, encoding="utf-8")
    report = build(repo, repo / "out", cache_dir=repo / "cache")
    assert [str(p).split(": ")[0] for p in report.problems] == ["references.bib:1"]
    assert "edited by hand" in str(report.problems[0])
    assert bib.read_text(encoding="utf-8") == edited


def test_a_missing_references_bib_is_written(repo: Path) -> None:
    (repo / "references.bib").unlink()
    build(repo, repo / "out", cache_dir=repo / "cache")
    assert (repo / "references.bib").read_bytes() == COMMITTED.read_bytes()


def test_bibtexparser_reads_every_entry_once() -> None:
    library = bibtexparser.parse_string(COMMITTED.read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    keys = [entry.key for entry in library.entries]
    assert len(keys) == len(set(keys)) == 30  # 26 cited works + 4 corpus papers
    assert "wang2016research" in keys


def test_pybtex_reads_without_warnings_and_formats_surnames_last_name(monkeypatch) -> None:
    pybtex.errors.set_strict_mode(True)
    try:
        data = parse_string(COMMITTED.read_text(encoding="utf-8"), "bibtex")
    finally:
        pybtex.errors.set_strict_mode(False)
    style = find_plugin("pybtex.style.formatting", "plain")()
    formatted = {
        entry.key: entry.text.render_as("text")
        for entry in style.format_entries(data.entries.values())
    }
    checked = 0
    for key, entry in data.entries.items():
        for person in entry.persons.get("author", []):
            assert len(person.last_names) == 1, (key, str(person))
            assert person.last_names[0] in formatted[key]
            checked += 1
    assert checked >= 40
    assert data.entries["dai2017party"].persons["author"][1].last_names == ["Liu"]


def test_digest_refs_prints_one_entry_per_reference() -> None:
    lines = (
        '- Yan, J., & Huang, K. X. (2021). Activating the "muscle cells"\n'
        " —Exploration of Party building in Bishan District.\n"
        " Social Governance, 2021(12).\n"
        "- Wang J N. Research on party building[J]. Administration and Law, 2016, 36(9): 37-46.\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "digest.cli", "refs", "-"],
        input=lines,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    library = bibtexparser.parse_string(result.stdout)
    assert [e.key for e in library.entries] == ["wang2016research", "yan2021activating"]
    assert library.entries[1]["journal"] == "Social Governance"


def test_digest_refs_flags_what_it_cannot_parse() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "digest.cli", "refs", "-"],
        input="1. A real one: Wang J N. Title[J]. Journal, 2016, 3(2): 1-9.\n2. ???\n",
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "<stdin>:2: could not parse, kept verbatim: 2. ???" in result.stderr
    assert "keywords = {unparsed}" in result.stdout
