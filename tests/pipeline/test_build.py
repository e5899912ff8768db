"""The whole pipeline on a copy of the corpus: determinism, caching, bad sources, pages."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest

from digest.build import build, check, item_cache, reference_cache

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    return tmp_path


def tree_hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_same_sources_give_byte_identical_output(corpus: Path, tmp_path: Path) -> None:
    first = build(corpus, tmp_path / "out1", cache_dir=tmp_path / "cache1")
    second = build(corpus, tmp_path / "out2", cache_dir=tmp_path / "cache2")
    assert first.problems == [] and second.problems == []
    assert tree_hashes(tmp_path / "out1") == tree_hashes(tmp_path / "out2")
    assert first.cache_misses == 5 and second.cache_misses == 5


def test_unchanged_sources_come_from_the_cache(corpus: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(corpus, out, cache_dir=cache)
    before = tree_hashes(out)
    text = corpus / "sources" / "002_8470575325ce7c19.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nAn added closing sentence.\n")
    report = build(corpus, out, cache_dir=cache)
    assert (report.cache_hits, report.cache_misses) == (4, 1)
    after = tree_hashes(out)
    changed = {name for name in after if before.get(name) != after[name]}
    assert {
        "papers/grassroots-party-construction-implementation.md",
        "sources/002_8470575325ce7c19.txt",
    } <= changed
    # Other papers' pages are untouched; only pages that gather across papers may change.
    gathering = (
        "compare/", "bibliography/", "papers/index", "index.md", "bib/", "references", "health",
    )  # fmt: skip
    assert all(
        name.startswith(gathering) or "grassroots-party-construction" in name or "002_" in name
        for name in changed
    ), changed


def test_the_duplicate_pair_becomes_one_paper_listing_both_sources(
    corpus: Path, tmp_path: Path
) -> None:
    report = build(corpus, tmp_path / "out", cache_dir=tmp_path / "cache")
    assert len(report.papers) == 4
    (merged,) = [paper for paper in report.papers if len(paper.sources) == 2]
    assert [s.path.name for s in merged.sources] == [
        "001_b894dce3f1db1ec4.txt",  # the richer rendering leads
        "000_7c62276afec5030b.txt",
    ]
    page = (tmp_path / "out" / "papers" / f"{merged.id}.md").read_text(encoding="utf-8")
    assert "(../sources/000\\_7c62276afec5030b.txt)" not in page  # link targets are not escaped
    assert "](../sources/000_7c62276afec5030b.txt)" in page
    assert "](../sources/001_b894dce3f1db1ec4.txt)" in page


def test_a_bad_source_is_reported_and_the_rest_still_builds(corpus: Path, tmp_path: Path) -> None:
    bad = corpus / "sources" / "003_81c43907564a5d71.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("year: null", "year: soon"))
    (corpus / "sources" / "005_broken.txt").write_bytes(b"Abstract: ok\n\xff\xfe bad bytes\n")
    report = build(corpus, tmp_path / "out", cache_dir=tmp_path / "cache")
    messages = [str(problem) for problem in report.problems]
    assert any(m.startswith("sources/003_81c43907564a5d71.yml:") and "year" in m for m in messages)
    assert any(m.startswith("sources/005_broken.txt:2:") for m in messages)
    assert len(report.papers) == 3
    assert check(corpus) != []


def test_working_titles_are_labelled_everywhere(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = build(corpus, out, cache_dir=tmp_path / "cache")
    for paper in report.papers:
        working = paper.metadata.working_title
        if paper.metadata.title or not working:
            continue
        short = " ".join(working.split()[:3]) + "…"  # how table cells shorten it
        for page in out.rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            for line in text.splitlines():
                if working in line or short in line:
                    assert "working title" in line.lower(), (page.name, line)


def test_the_output_folder_holds_only_what_this_build_wrote(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(corpus, out, cache_dir=tmp_path / "cache")
    (out / "papers" / "removed-paper.md").write_text("stale")
    report = build(corpus, out, cache_dir=tmp_path / "cache")
    written = sorted(tree_hashes(out))
    assert written == sorted([".digest-output"] + [p.as_posix() for p in report.written])


def test_a_folder_the_build_did_not_make_is_never_emptied(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "somebody-elses"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="no digest build wrote"):
        build(corpus, out, cache_dir=tmp_path / "cache")
    assert (out / "notes.txt").read_text() == "mine"


def test_item_themes_in_a_sidecar_override_the_coding(corpus: Path, tmp_path: Path) -> None:
    sidecar = corpus / "sources" / "001_b894dce3f1db1ec4.yml"
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(text + "item_themes:\n  s3-2: [digital-governance-typo]\n  s3-3: []\n")
    report = build(corpus, tmp_path / "out", cache_dir=tmp_path / "cache", keep_going=True)
    messages = [str(p) for p in report.problems]
    assert messages == [
        "sources/001_b894dce3f1db1ec4.yml:1: item_themes: s3-2: unknown theme "
        "'digital-governance-typo'"
    ]
    items = {item.anchor: item for item in report.items["wang-governance-grass-roots"]}
    assert items["s3-3"].themes == []  # emptied by the maintainer, listed as unthemed
    unthemed = (tmp_path / "out" / "compare" / "unthemed.md").read_text(encoding="utf-8")
    assert "(../papers/wang-governance-grass-roots.md#s3-3)" in unthemed


def test_parsed_reference_lists_come_from_the_cache(corpus: Path, tmp_path: Path) -> None:
    """A paper whose text did not change is not parsed again, and the site is the same.
    While no list changes, the merged bibliography is recalled whole: no list is read."""
    cold = build(corpus, tmp_path / "cold", cache_dir=tmp_path / "cache")
    assert (cold.reference_cache_hits, cold.reference_lists_parsed) == (0, 4)
    assert list((tmp_path / "cache" / "references").glob("*.json"))
    warm = build(corpus, tmp_path / "warm", cache_dir=tmp_path / "cache")
    assert (warm.reference_cache_hits, warm.reference_lists_parsed) == (0, 0)
    assert tree_hashes(tmp_path / "cold") == tree_hashes(tmp_path / "warm")
    text = corpus / "sources" / "002_8470575325ce7c19.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nAn added closing sentence.\n")
    changed = build(corpus, tmp_path / "changed", cache_dir=tmp_path / "cache")
    # The changed text's list is parsed again (to learn that it is the same list).
    assert (changed.reference_cache_hits, changed.reference_lists_parsed) == (0, 1)
    again = build(corpus, tmp_path / "again", cache_dir=tmp_path / "cache")
    assert (again.reference_cache_hits, again.reference_lists_parsed) == (0, 0)
    # Without the memo of the merge, the unchanged lists come from the per-source cache.
    for memo in (tmp_path / "cache").glob("bibliography-*.json"):
        memo.unlink()
    fallback = build(corpus, tmp_path / "fallback", cache_dir=tmp_path / "cache")
    assert (fallback.reference_cache_hits, fallback.reference_lists_parsed) == (4, 0)
    assert tree_hashes(tmp_path / "changed") == tree_hashes(tmp_path / "fallback")
    # The memos go with the lists' code: a change to the cleaner (which finds the lists)
    # or to the parser invalidates them with the lists themselves.
    fingerprint = reference_cache(tmp_path / "cache").fingerprint
    for name in ("bibliography", "reference-lists"):
        assert (tmp_path / "cache" / f"{name}-{fingerprint}.json").is_file()


# --- The docs tree: hand-written files of docs/ beside the generated pages ----------


def add_docs(root: Path) -> dict[str, bytes]:
    files = {
        "about.md": b"# About\n\nHand-written, not generated.\n",
        "stylesheets/digest.css": b".md-typeset table { width: 100%; }\r\n",
        "javascripts/sortable.js": b"\xef\xbb\xbf// any bytes at all\n",
    }
    for name, data in files.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_bytes(data)
    (root / "docs" / ".notes.md").write_text("hidden: neither generator publishes it")
    return files


def test_the_docs_tree_holds_docs_copied_byte_for_byte(corpus: Path, tmp_path: Path) -> None:
    docs = add_docs(corpus)
    out = corpus / "build" / "docs"
    report = build(corpus, out, cache_dir=tmp_path / "cache")
    assert report.problems == []
    for name, data in docs.items():
        assert (out / name).read_bytes() == data
        assert Path(name) in report.written
    assert not (out / ".notes.md").exists()
    assert (out / "papers" / "index.md").is_file() and (out / "index.md").is_file()
    assert sorted(tree_hashes(out)) == sorted([".digest-output", *map(str, report.written)])


def test_a_second_build_touches_no_file_and_removes_leftovers(corpus: Path, tmp_path: Path) -> None:
    add_docs(corpus)
    out = corpus / "build" / "docs"
    build(corpus, out, cache_dir=tmp_path / "cache")
    files = [path for path in out.rglob("*") if path.is_file()]
    old = 1_000_000_000  # 2001: any rewrite would give the file the time of now
    for path in files:
        os.utime(path, ns=(old * 10**9, old * 10**9))
    (corpus / "docs" / "javascripts" / "sortable.js").unlink()
    report = build(corpus, out, cache_dir=tmp_path / "cache")
    assert report.problems == []
    assert not (out / "javascripts").exists()  # a file removed from docs/ leaves the tree
    kept = [path for path in files if path.exists()]
    assert len(kept) == len(files) - 1
    touched = [path for path in kept if path.stat().st_mtime_ns != old * 10**9]
    assert touched == [out / ".digest-output"]  # the marker alone


def test_a_docs_file_with_a_generated_files_path_is_an_error(corpus: Path, tmp_path: Path) -> None:
    add_docs(corpus)
    (corpus / "docs" / "index.md").write_text("# A hand-written home\n")
    out = corpus / "build" / "docs"
    expected = (
        "docs/index.md:1: has the path of a generated file (index.md); the hand-written file "
        "is kept and the generated one left out: rename or remove the hand-written file"
    )
    strict = build(corpus, out, cache_dir=tmp_path / "cache")
    assert [str(problem) for problem in strict.errors] == [expected]
    assert not out.exists()  # strict: nothing written
    assert [str(problem) for problem in check(corpus)] == [expected]

    lenient = build(corpus, out, cache_dir=tmp_path / "cache", keep_going=True)
    assert [str(problem) for problem in lenient.errors] == [expected]
    assert (out / "index.md").read_text() == "# A hand-written home\n"
    assert expected in (out / "health.md").read_text(encoding="utf-8")


def test_a_link_in_docs_is_an_error_and_not_followed(corpus: Path, tmp_path: Path) -> None:
    add_docs(corpus)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Not the project's\n")
    (corpus / "docs" / "secret.md").symlink_to(outside / "secret.md")
    (corpus / "docs" / "more").symlink_to(outside, target_is_directory=True)
    out = corpus / "build" / "docs"
    report = build(corpus, out, cache_dir=tmp_path / "cache", keep_going=True)
    assert [str(problem) for problem in report.errors] == [
        "docs/more:1: is a symbolic link; docs/ holds regular files only, so it was not copied",
        "docs/secret.md:1: is a symbolic link; docs/ holds regular files only, so it was not "
        "copied",
    ]
    assert not (out / "secret.md").exists() and not (out / "more").exists()
    assert (out / "about.md").is_file()


def test_in_text_citations_come_from_the_cache_and_link_the_same(
    corpus: Path, tmp_path: Path
) -> None:
    first = build(corpus, tmp_path / "out", cache_dir=tmp_path / "cache", reuse=False)
    cached = sorted((tmp_path / "cache" / "citations").glob("*.json"))
    assert len(cached) == len(first.papers)
    pages = tree_hashes(tmp_path / "out")
    stamps = {path: path.stat().st_mtime_ns for path in cached}
    again = build(corpus, tmp_path / "out", cache_dir=tmp_path / "cache", reuse=False)
    assert {path: path.stat().st_mtime_ns for path in cached} == stamps  # read, not rewritten
    assert tree_hashes(tmp_path / "out") == pages
    totals = {paper: found.total for paper, found in again.citations.items()}
    assert totals == {paper: found.total for paper, found in first.citations.items()}
    assert sum(totals.values()) > 0


def test_a_source_changed_behind_its_size_and_time_stops_the_build_when_read(
    corpus: Path, tmp_path: Path
) -> None:
    """A text loaded before is read only when a stage needs it, and checked against the
    hash its size and time stood for: bytes changed behind an unchanged size and time
    (nothing an editor does) stop the build, which names the file and writes nothing."""
    source = sorted((corpus / "sources").glob("*.txt"))[1]
    then = time.time_ns() - 60 * 10**9  # settled: its size and time are trusted
    os.utime(source, ns=(then, then))
    out = corpus / "build" / "docs"
    assert build(corpus, out, cache_dir=tmp_path / "cache").errors == []
    before = tree_hashes(out)
    data = source.read_bytes()
    at = data.index(b" the ")
    source.write_bytes(data[:at] + b" THE " + data[at + 5 :])  # same size
    os.utime(source, ns=(then, then))
    shutil.rmtree(tmp_path / "cache" / "clean")  # so that its text must be cleaned again
    report = build(corpus, out, cache_dir=tmp_path / "cache", reuse=False)
    assert [str(problem) for problem in report.errors] == [
        f"sources/{source.name}:1: changed while the build was reading the sources; build again"
    ]
    assert tree_hashes(out) == before


@pytest.mark.parametrize("model", ["theme_words.json", "kind_words.json"])
def test_a_retrained_word_model_codes_the_items_again(
    model: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The items of an unchanged source are read again when a word model changes: the
    models decide kinds and themes, as the code does."""
    import digest.cache

    package = tmp_path / "package"
    shutil.copytree(digest.cache._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(digest.cache, "_PACKAGE", package)
    before = item_cache(tmp_path / "cache").fingerprint
    path = package / "data" / model
    path.write_text(path.read_text(encoding="utf-8") + " ", encoding="utf-8")
    digest.cache.file_digest.cache_clear()  # (a file is read once per process)
    assert item_cache(tmp_path / "cache").fingerprint != before
