"""A build with nothing changed since the last one does nothing (digest.manifest); any
change to what a build reads, or to what it wrote, runs it again."""

from __future__ import annotations

import shutil
from importlib import metadata
from pathlib import Path

import pytest

from digest.build import build
from digest.manifest import _LIBRARIES, _normalised, installed_versions

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    first = build(tmp_path, tmp_path / "build" / "docs")
    assert not first.unchanged and first.errors == [] and first.paper_count == 4
    return tmp_path


def again(project: Path, **options: object):
    return build(project, project / "build" / "docs", **options)


def stamps(folder: Path) -> dict[str, int]:
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_nothing_changed_nothing_done_and_the_same_report(project: Path) -> None:
    before = stamps(project / "build" / "docs")
    report = again(project)
    assert report.unchanged
    assert report.paper_count == 4 and report.source_count == 5
    # The pages the last build wrote (all but the docs tree's hidden marker).
    assert {path.as_posix() for path in report.written} == {
        name for name in before if not name.startswith(".")
    }
    assert stamps(project / "build" / "docs") == before


def test_a_changed_source_builds_again(project: Path) -> None:
    source = sorted((project / "sources").glob("*.txt"))[0]
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    report = again(project)
    assert not report.unchanged and report.paper_count == 4


def test_a_changed_hand_written_page_builds_again(project: Path) -> None:
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    assert not again(project).unchanged
    assert (project / "build" / "docs" / "about.md").read_text(encoding="utf-8").endswith("More.\n")


def test_a_touched_output_is_written_again(project: Path) -> None:
    page = project / "build" / "docs" / "index.md"
    good = page.read_bytes()
    page.write_text("edited by hand", encoding="utf-8")
    assert not again(project).unchanged
    assert page.read_bytes() == good
    page.unlink()
    assert not again(project).unchanged and page.read_bytes() == good


def test_a_hand_edited_bibliography_is_noticed(project: Path) -> None:
    bib = project / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{mine, title = {Mine}}\n", "utf-8")
    report = again(project)
    assert not report.unchanged
    assert any(str(problem).startswith("references.bib:1:") for problem in report.errors)


def test_other_options_and_reuse_false_build_again(project: Path) -> None:
    assert not again(project, write_root_files=False).unchanged
    assert not again(project, reuse=False).unchanged


def test_keep_going_is_skipped_on_a_good_corpus_but_never_a_strict_build_with_errors(
    project: Path,
) -> None:
    assert again(project, keep_going=True).unchanged  # no errors: the same output
    bad = project / "sources" / "bad.yml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    lenient = again(project, keep_going=True)
    assert not lenient.unchanged and lenient.errors
    assert again(project, keep_going=True).unchanged  # the same errors, the same output
    strict = again(project)
    assert not strict.unchanged and strict.errors  # a strict build still fails


def test_library_versions_are_those_importlib_metadata_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code fingerprint names the libraries' versions (an upgrade builds everything
    again); they are read from the dist-info folders' names, as installed."""
    versions = installed_versions()
    for name in _LIBRARIES:
        assert versions[_normalised(name)] == metadata.version(name)
    (tmp_path / "first" / "Foo_Bar-9.0.dist-info").mkdir(parents=True)
    (tmp_path / "later" / "foo_bar-1.2.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(tmp_path / "later"))
    monkeypatch.syspath_prepend(str(tmp_path / "first"))
    assert installed_versions()["foo-bar"] == "9.0"  # the first on the path, as imported
