"""Every row of builds.yml: builds killed, run twice at once, locked out, or fed a bad cache.

Builds run as a maintainer runs them, as `digest build` processes, on copies of the
project; the tracked files (references.bib, sources/citation-keys.tsv) and the
generated folder are compared byte for byte with what a clean build writes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml
from makers import MAKERS
from test_inputs import SEED_IDS, make_project

from digest.build import build, check
from digest.outputs import LOCK_FILE, build_lock

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ROWS = yaml.safe_load((HERE / "builds.yml").read_text(encoding="utf-8"))
KEYS = "sources/citation-keys.tsv"


def tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def state(root: Path) -> dict[str, str]:
    """Everything a build writes: generated pages, tracked files, and stray temporaries."""
    result = {f"docs-tree/{k}": v for k, v in tree(root / "build" / "docs").items()}
    for name in ("references.bib", KEYS):
        path = root / name
        result[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"
    leftovers = [p.name for folder in (root, root / "sources") for p in folder.glob(".*.tmp")]
    result["leftovers"] = ",".join(sorted(leftovers))
    return result


def digest(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "digest.cli", "build", "--root", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def fresh_project(folder: Path) -> Path:
    """The seeds plus a new paper with 300 references, and no references.bib or registry.

    So a build has everything to write: pages, the bibliography, every key.
    """
    root = make_project(folder)
    (root / "references.bib").unlink()
    (root / KEYS).unlink()
    MAKERS["references-5000"](root / "sources", "950_case")
    text = (root / "sources" / "950_case.txt").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.startswith("[1] "))
    (root / "sources" / "950_case.txt").write_text("".join(lines[: start + 300]), "utf-8")
    return root


def test_every_row_names_a_test_of_this_module() -> None:
    names = {row["test"] for row in ROWS}
    here = set(globals())
    elsewhere = {"test_a_folder_the_build_did_not_make_is_never_emptied"}
    assert names - elsewhere <= here, names - here


def test_a_build_killed_half_way_then_run_again_equals_a_clean_build(tmp_path: Path) -> None:
    clean = fresh_project(tmp_path / "clean")
    run = digest(clean)
    assert run.wait(timeout=120) == 0, run.stderr.read()
    wanted = state(clean)
    assert wanted["references.bib"] != "-" and wanted["leftovers"] == ""

    timing = fresh_project(tmp_path / "timing")
    started = time.monotonic()
    assert digest(timing).wait(timeout=120) == 0
    cold = time.monotonic() - started  # how long one cold build takes here
    killed = 0
    for fraction in (0.1, 0.3, 0.5, 0.7, 0.9):
        root = fresh_project(tmp_path / f"killed-{fraction}")
        first = digest(root)
        try:
            first.wait(timeout=fraction * cold)
        except subprocess.TimeoutExpired:
            first.send_signal(signal.SIGKILL)
            killed += 1
        first.wait(timeout=60)
        again = digest(root)
        assert again.wait(timeout=120) == 0, again.stderr.read()
        assert state(root) == wanted, f"killed at {fraction:.0%}"
    assert killed >= 3, "the builds finished before they could be killed"


def test_two_builds_at_once_neither_crash_nor_corrupt(tmp_path: Path) -> None:
    alone = fresh_project(tmp_path / "alone")
    assert digest(alone).wait(timeout=120) == 0
    root = fresh_project(tmp_path / "together")
    runs = [digest(root), digest(root)]
    results = [run.wait(timeout=240) for run in runs]
    errors = [run.stderr.read() for run in runs]
    assert results == [0, 0], errors
    assert any("is running; waiting for it" in text for text in errors), errors
    keys = [line.split("\t")[0] for line in (root / KEYS).read_text().splitlines() if "\t" in line]
    assert len(keys) == len(set(keys)), "a key was pinned twice"
    assert state(root) == state(alone)
    assert check(root) == []


def test_a_build_that_cannot_get_the_lock_says_who_holds_it(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    before = state(root)
    with build_lock(root):
        run = digest(root, "--wait", "1")
        assert run.wait(timeout=60) == 1
    message = run.stderr.read()
    assert f"another build (pid {os.getpid()}) is still running after 1 s" in message, message
    assert state(root) == before


def test_a_stale_lock_is_detected_and_cleared(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (root / LOCK_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / LOCK_FILE).write_text(f"{gone.pid}\n")
    # What a build killed while writing leaves: a temporary file beside each target.
    left = [
        root / f".references.bib.{gone.pid}.tmp",
        root / "sources" / f".citation-keys.tsv.{gone.pid}.tmp",
        tmp_path / "cache" / "clean" / f".0123-abcd.json.{gone.pid}.tmp",
    ]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    report = build(root, root / "build" / "docs", cache_dir=tmp_path / "cache")
    assert report.problems == []
    assert [path for path in left if path.exists()] == []
    assert f"cleared a stale lock left by a build that stopped (pid {gone.pid})" in "\n".join(
        report.notes
    )
    assert (root / "build" / "docs" / "index.md").is_file()


def test_a_corrupt_cache_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    cache = tmp_path / "cache"
    out = root / "build" / "docs"
    build(root, out, cache_dir=cache)
    wanted = tree(out)
    # Stage entries; the build manifest (a record of the whole last build) is damaged too,
    # and must be rebuilt as well, though not byte for byte (it records the time of the
    # docs tree's marker, which every real build rewrites).
    manifest = next(cache.glob("build-manifest-*.json"))
    entries = sorted(path for path in cache.rglob("*.json") if path != manifest)
    assert len(entries) >= 3
    manifest.write_bytes(b"{")
    whole = {path: path.read_bytes() for path in entries}
    entries[0].write_bytes(whole[entries[0]][: len(whole[entries[0]]) // 2])  # truncated
    entries[1].write_bytes(b"\x00\xff{not json")  # garbage
    entries[2].write_bytes(b"")  # emptied
    report = build(root, out, cache_dir=cache)
    assert report.problems == [] and not report.unchanged
    assert tree(out) == wanted
    assert build(root, out, cache_dir=cache).unchanged  # the manifest was written anew
    for path in entries[:3]:
        assert path.read_bytes() == whole[path], f"{path.name} was not rewritten whole"


def test_rebuilding_from_clean_is_byte_identical(tmp_path: Path) -> None:
    first = fresh_project(tmp_path / "first")
    second = fresh_project(tmp_path / "second")
    for root in (first, second):
        assert digest(root).wait(timeout=120) == 0
    assert state(first) == state(second)


def test_a_bad_sidecar_never_costs_references_or_pins_keys(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    cache = tmp_path / "cache"
    originals = {name: (root / name).read_bytes() for name in ("references.bib", KEYS)}
    sidecar = root / "sources" / "001_b894dce3f1db1ec4.yml"
    good = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(good.replace("year: null", 'year: "abc"'), encoding="utf-8")

    out = root / "build" / "docs"
    strict = build(root, out, cache_dir=cache)
    assert [str(p) for p in strict.errors] == [
        "sources/001_b894dce3f1db1ec4.yml:7: year: expected a whole number between 1900 and "
        "2100 or null, got 'abc'"
    ]
    assert not out.exists()
    lenient = build(root, out, cache_dir=cache, keep_going=True)
    # 000 is another rendering of 001; with 001 left out it stands as a paper of its own.
    built = set(SEED_IDS) - {"wang-governance-grass-roots"} | {
        "grassroots-governance-party-building-raw"
    }
    assert {paper.id for paper in lenient.papers} == built
    assert any(
        "references.bib and sources/citation-keys.tsv were not updated" in note
        for note in lenient.notes
    )
    for name, content in originals.items():
        assert (root / name).read_bytes() == content, f"{name} was rewritten"
    health = (out / "health.md").read_text(encoding="utf-8")
    assert "001\\_b894dce3f1db1ec4.yml:7: year" in health

    sidecar.write_text(good, encoding="utf-8")
    fixed = build(root, out, cache_dir=cache)
    assert fixed.problems == []
    for name, content in originals.items():
        assert (root / name).read_bytes() == content, f"{name} differs after the fix"


def test_check_reports_what_the_build_reports_about_the_registry(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    registry = root / KEYS
    lines = registry.read_text(encoding="utf-8").splitlines(keepends=True)
    key_line = next(line for line in lines if line.startswith("wang2016research\t"))
    registry.write_text("".join(lines) + key_line, encoding="utf-8")
    number = len(lines) + 1
    first = lines.index(key_line) + 1
    expected = f"sources/citation-keys.tsv:{number}: key 'wang2016research' already on line {first}"
    assert [str(p) for p in check(root)] == [expected]
    report = build(root, root / "build" / "docs", cache_dir=tmp_path / "cache")
    assert [str(p) for p in report.problems] == [expected]


def test_every_bad_file_is_named_at_once_and_lenient_mkdocs_builds_the_rest(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "project")
    for name in ("mkdocs.yml", "README.md"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "build/docs").mkdir(parents=True)  # docs_dir, whose marker a clone has
    shutil.copy(ROOT / "build/docs/.digest-output", root / "build/docs/.digest-output")
    shutil.copytree(ROOT / "scripts", root / "scripts", ignore=shutil.ignore_patterns("*.egg-info"))
    bad = ["gbk", "symlink-etc-passwd", "yaml-open-quote", "no-sidecar", "id-with-slash", "empty"]
    stems = [f"96{n}_bad" for n in range(len(bad))]
    for row, stem in zip(bad, stems, strict=True):
        MAKERS[row](root / "sources", stem)
    named = {str(p.path).split("/")[-1].split(".")[0] for p in check(root) if p.is_error}
    assert named == set(stems), named

    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    strict = subprocess.run(
        [*mkdocs, "--strict", "-d", str(tmp_path / "strict")],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=300,
    )
    assert strict.returncode != 0
    for stem in stems:
        assert f"sources/{stem}." in strict.stderr, (stem, strict.stderr)
    assert not (tmp_path / "strict" / "index.html").exists()

    lenient = subprocess.run(
        [*mkdocs, "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=300,
    )
    assert lenient.returncode == 0, lenient.stderr
    for paper_id in SEED_IDS:
        assert (tmp_path / "site" / "papers" / paper_id / "index.html").is_file()
    health = (tmp_path / "site" / "health" / "index.html").read_text(encoding="utf-8")
    for stem in stems:
        assert stem.replace("_", "_") in health, stem
    assert "root:x:0:0" not in "".join(
        path.read_text(errors="replace")
        for path in (tmp_path / "site").rglob("*.*")
        if path.suffix in (".html", ".json", ".txt", ".bib")
    ), "the linked /etc/passwd was published"
