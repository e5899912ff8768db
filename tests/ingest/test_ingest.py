"""Corpus discovery: each fixture case is a small sources/ with one kind of damage.

``fixtures/corpora/<case>/sources/`` is the corpus and ``<case>/expected.txt``
the problems it must produce and the ids that must still load.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from ingest_expectations import FIXTURES, read_expectations, unmatched

from digest.ingest import load_corpus

CORPORA = FIXTURES / "corpora"
CASES = sorted(p.name for p in CORPORA.iterdir() if p.is_dir())


def test_there_are_corpus_cases() -> None:
    assert len(CASES) >= 7


@pytest.mark.parametrize("case", CASES)
def test_bad_source_is_reported_and_the_rest_still_load(case: str) -> None:
    folder = CORPORA / case / "sources"
    expected = read_expectations(CORPORA / case / "expected.txt")
    sources, problems = load_corpus(folder, root=folder)
    assert expected.problems, "each case must expect at least one problem"
    assert unmatched(expected.problems, problems) == []
    assert [s.metadata.id for s in sources] == expected.loaded


def test_sha256_covers_text_and_sidecar() -> None:
    folder = CORPORA / "missing_sidecar" / "sources"
    [source], _ = load_corpus(folder, root=folder)
    text, sidecar = (folder / "ok.txt").read_bytes(), (folder / "ok.yml").read_bytes()
    # The text by the hash of its bytes (known to a build without reading them), then
    # the sidecar's bytes.
    text_hash = hashlib.sha256(text).hexdigest().encode()
    assert source.sha256 == hashlib.sha256(text_hash + b"\0" + sidecar).hexdigest()
    assert source.text == text.decode("utf-8")


def test_changing_only_the_sidecar_changes_the_cache_key(tmp_path: Path) -> None:
    for name in ("ok.txt", "ok.yml"):
        (tmp_path / name).write_bytes((CORPORA / "missing_sidecar" / "sources" / name).read_bytes())
    [before], _ = load_corpus(tmp_path)
    sidecar = tmp_path / "ok.yml"
    sidecar.write_text(sidecar.read_text() + "notes: edited\n", encoding="utf-8")
    [after], _ = load_corpus(tmp_path)
    assert before.sha256 != after.sha256


def test_paths_are_relative_to_root_when_given() -> None:
    root = CORPORA / "missing_sidecar"
    [source], problems = load_corpus(root / "sources", root=root)
    assert source.path == Path("sources/ok.txt")
    assert source.sidecar_path == Path("sources/ok.yml")
    assert [p.path for p in problems] == [Path("sources/orphan.txt")]


def test_paths_are_as_found_without_root() -> None:
    folder = CORPORA / "missing_sidecar" / "sources"
    [source], problems = load_corpus(folder)
    assert source.path == folder / "ok.txt"
    assert [p.path for p in problems] == [folder / "orphan.txt"]


def test_missing_sidecar_mentions_a_yaml_near_miss() -> None:
    folder = CORPORA / "missing_sidecar" / "sources"
    _, [problem] = load_corpus(folder, root=folder)
    assert problem.message.endswith("found orphan.yaml, rename it to orphan.yml")


def test_text_and_sidecar_problems_are_reported_together(tmp_path: Path) -> None:
    """Both halves of a bad source are checked, so one run shows everything to fix."""
    (tmp_path / "both.txt").write_bytes(b"\xff\n")
    (tmp_path / "both.yml").write_text("id: Both\n", encoding="utf-8")
    sources, problems = load_corpus(tmp_path, root=tmp_path)
    assert sources == []
    assert {str(p.path) for p in problems} == {"both.txt", "both.yml"}


def test_missing_folder_is_a_problem(tmp_path: Path) -> None:
    sources, problems = load_corpus(tmp_path / "absent", root=tmp_path)
    assert sources == []
    assert [(str(p.path), p.line) for p in problems] == [("absent", 1)]
    assert problems[0].message.startswith("no sources/ folder")


def test_other_files_and_subfolders_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "README").write_text("not a source\n", encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "deep.txt").write_text("not looked at\n", encoding="utf-8")
    assert load_corpus(tmp_path) == ([], [])
