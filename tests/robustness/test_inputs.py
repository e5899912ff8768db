"""Every row of inputs.yml: a bad or hostile file is answered clearly and nothing else is lost.

Each row's fixture (makers.py) goes into a copy of the project beside the seed
papers. Then, as a maintainer would: `digest check`, a strict build, a
--keep-going build. The seeds must come through every time, whole.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
import yaml
from makers import MAKERS

from digest.build import build, check

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ROWS = yaml.safe_load((HERE / "inputs.yml").read_text(encoding="utf-8"))
SEED_IDS = (
    "grassroots-party-construction-implementation",
    "party-building-rural-social-governance",
    "wang-governance-grass-roots",
    "xu-li-party-building-community-governance",
)
TRACKED = ("references.bib", "sources/citation-keys.tsv")


def make_project(folder: Path) -> Path:
    """A copy of the project's data: the seed sources, references.bib and the key registry."""
    shutil.copytree(ROOT / "sources", folder / "sources")
    shutil.copy(ROOT / "references.bib", folder / "references.bib")
    return folder


def digests(root: Path) -> dict[str, str]:
    return {name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in TRACKED}


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: entries are per source content, so rows share the seeds'."""
    return tmp_path_factory.mktemp("cache")


def matching(problems, at: str, says: list[str]):
    return [
        problem
        for problem in problems
        if str(problem).startswith(at + ":") and all(part in problem.message for part in says)
    ]


def test_every_row_has_a_maker_and_the_ids_are_unique() -> None:
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(MAKERS), set(ids) ^ set(MAKERS)
    assert {row["outcome"] for row in ROWS} <= {"refused", "warned", "built"}


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_row(row: dict, tmp_path: Path, cache_dir: Path) -> None:
    root = make_project(tmp_path / "project")
    stem = "950_case"
    MAKERS[row["id"]](root / "sources", stem)
    before = digests(root)
    started = time.monotonic()

    out = tmp_path / "out"
    report = build(root, out, cache_dir=cache_dir, keep_going=True)
    problems = check(root, cache_dir=cache_dir)
    assert [str(p) for p in problems] == [str(p) for p in report.problems], "check != build"
    errors = [problem for problem in problems if problem.is_error]
    warnings = [problem for problem in problems if not problem.is_error]
    expected = [{"at": row["at"], "says": row["says"]}] if "at" in row else []
    expected += row.get("also", [])
    for want in expected:
        at = want["at"].format(stem=stem)
        says = [part.format(stem=stem) for part in want["says"]]
        pool = warnings if row["outcome"] == "warned" else errors
        assert matching(pool, at, says), (at, says, [str(p) for p in problems])
    if row["outcome"] != "refused":
        assert errors == [], [str(p) for p in errors]
    if row["outcome"] == "built":
        assert warnings == [], [str(p) for p in warnings]
    # Every problem names a file of the project and a line, never a traceback.
    for problem in problems:
        assert not Path(problem.path).is_absolute() and problem.line >= 1, problem
        assert "Traceback" not in problem.message

    if row["outcome"] == "refused":
        strict_out = tmp_path / "strict"
        strict = build(root, strict_out, cache_dir=cache_dir)
        assert strict.errors and not strict_out.exists(), "a failed strict build wrote files"
    elapsed = time.monotonic() - started
    assert elapsed < row.get("seconds", 30), f"{elapsed:.1f} s"
    for paper_id in SEED_IDS:  # the rest of the corpus is unaffected
        assert (out / "papers" / f"{paper_id}.md").is_file(), paper_id
    bib = (out / "references.bib").read_text(encoding="utf-8")
    committed = (ROOT / "references.bib").read_text(encoding="utf-8")
    seed_entries = [line for line in committed.splitlines() if line.startswith("@")]
    assert all(line in bib for line in seed_entries), "a seed's BibTeX entry went missing"

    health = (out / "health.md").read_text(encoding="utf-8")
    case_pages = [
        page
        for page in (out / "papers").glob("*.md")
        if page.stem not in SEED_IDS and not page.stem.startswith(("index", "page-"))
    ]
    if row["outcome"] == "refused":
        assert digests(root) == before, "tracked files rewritten by a build with errors"
        assert case_pages == []
        shown = stem.replace("_", "\\_")  # as Markdown escapes it
        assert f"- sources/{shown}." in health, "the health page does not list the file left out"
        return
    assert len(case_pages) == 1, case_pages
    page = case_pages[0].read_text(encoding="utf-8")
    for text in row.get("page_has", []):
        assert text in page, text
    for text in row.get("page_lacks", []):
        assert text not in page, repr(text)
    published = (out / "sources" / f"{stem}.txt").read_bytes().decode("utf-8")
    for text in row.get("published_has", []):
        assert text in published, text
    if "bib_entries" in row:
        paper_id = case_pages[0].stem
        key = [e for e in report.bibliography.entries.values() if e.corpus_paper == paper_id]
        cited = [
            entry
            for entry in report.bibliography.entries.values()
            if any(c.paper_id == paper_id for c in entry.cited_in)
        ]
        assert key and len(cited) == row["bib_entries"], len(cited)
