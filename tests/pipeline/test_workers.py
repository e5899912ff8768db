"""Per-source stages on every core give the same output as one process, and a failure
on one source is that source's alone."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from devcorpus_import import devcorpus_module

from digest import workers
from digest.build import build


def test_results_come_back_per_name_with_a_failure_kept_for_its_own_name() -> None:
    arguments = {f"n{i}": (str(i),) for i in range(10)} | {"bad": ("not a number",)}
    results = workers.compute_all(int, arguments, jobs=2)
    assert [results[f"n{i}"] for i in range(10)] == list(range(10))
    assert isinstance(results["bad"], ValueError)
    with pytest.raises(ValueError):
        workers.take(results, "bad", lambda: 0)
    assert workers.take(results, "missing", lambda: 7) == 7


def test_a_few_are_computed_in_this_process() -> None:
    assert workers.compute_all(int, {"a": ("1",)}, jobs=2) == {}
    assert workers.compute_all(int, {f"n{i}": ("1",) for i in range(20)}, jobs=1) == {}


def tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_cold_build_on_every_core_writes_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_scale_corpus = devcorpus_module("scale").write_scale_corpus
    outputs = {}
    for jobs in (1, 2):
        root = tmp_path / f"jobs-{jobs}"
        write_scale_corpus(root / "sources", 12)
        (root / "docs").mkdir()
        monkeypatch.setattr(workers, "cores", lambda jobs=jobs: jobs)
        report = build(root, root / "out")
        assert report.cache_misses == 12 and report.errors == []
        outputs[jobs] = tree(root / "out") | {"references.bib": tree(root)["references.bib"]}
    assert outputs[1] == outputs[2]
