"""Corpus mode of scripts/evaluate_cleaning.py on a two-document corpus scored by hand.

The stand-in pipeline treats every extracted text as already-rendered Markdown, so
the scores follow from the files in fixtures/corpus/ alone:

* doc-a (dev, layout one-column): gold is a heading and two paragraphs (block
  starts at words 0, 2 and 6). ``x.txt`` is the gold: every score 1. ``y.txt``
  runs the two paragraphs together: headings 1/1, block starts found 2 of 3 with
  none extra (P 1, R 2/3, F1 0.8), the words and their order unchanged (similarity 1).
* doc-b (test, layout two-column): ``x.txt`` is the gold. ``y.txt`` has the only
  heading one level too deep: heading recall and precision 0, paragraph F1 1,
  similarity 1.

So dev means: heading R/P 1, paragraph F1 (1 + 0.8) / 2 = 0.9 (below 0.95);
test means: heading R/P 0.5 (below 0.97), paragraph F1 1, similarity 1.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture
def fake_pipeline(script: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """Identity clean/render; a text containing CRASH makes the "cleaner" raise."""

    def clean_text(text: str) -> str:
        if "CRASH" in text:
            raise ValueError("cleaner crashed")
        return text

    def render_body(doc: Any) -> str:
        return str(doc)

    monkeypatch.setattr(script, "load_pipeline", lambda: (clean_text, render_body))


def run_json(script: ModuleType, capsys: pytest.CaptureFixture[str], *args: str) -> tuple:
    code = script.main(["--corpus", str(CORPUS), "--jobs", "1", "--json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_scores_every_pair_against_hand_computed_values(
    script: ModuleType, fake_pipeline: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, _ = run_json(script, capsys, "--split", "all")
    pairs = {(p["document"], p["extractor"]): p["scores"] for p in report["pairs"]}
    assert sorted(pairs) == [("doc-a", "x"), ("doc-a", "y"), ("doc-b", "x"), ("doc-b", "y")]
    merged = pairs[("doc-a", "y")]
    assert merged["heading_recall"] == 1.0 and merged["heading_precision"] == 1.0
    assert merged["paragraph_precision"] == 1.0
    assert merged["paragraph_recall"] == pytest.approx(2 / 3)
    assert merged["paragraph_f1"] == pytest.approx(0.8)
    assert merged["similarity"] == 1.0
    assert merged["missed_breaks"] == 1 and merged["extra_breaks"] == 0
    level = pairs[("doc-b", "y")]
    assert (level["heading_recall"], level["heading_precision"]) == (0.0, 0.0)
    assert level["missed_headings"] == ["## 1. Scope"]
    assert level["extra_headings"] == ["### 1. Scope"]
    assert level["paragraph_f1"] == 1.0 and level["similarity"] == 1.0
    assert pairs[("doc-a", "x")]["paragraph_f1"] == 1.0

    dev, test = report["summary"]["dev"], report["summary"]["test"]
    assert dev["overall"]["pairs"] == 2 and dev["overall"]["documents"] == 1
    assert dev["overall"]["paragraph_f1"] == pytest.approx(0.9)
    assert dev["overall"]["heading_recall"] == 1.0
    assert dev["overall"]["passing"] == 1
    assert dev["by_extractor"]["y"]["paragraph_f1"] == pytest.approx(0.8)
    assert dev["by_layout"] == {"one-column": dev["overall"]}
    assert test["overall"]["heading_recall"] == 0.5
    assert test["overall"]["heading_precision"] == 0.5
    assert test["overall"]["paragraph_f1"] == 1.0
    assert test["by_extractor"]["x"]["passing"] == 1
    assert test["by_extractor"]["y"]["heading_recall"] == 0.0
    assert list(test["by_layout"]) == ["two-column"]

    assert code == 1
    assert report["failures"] == [
        "dev mean paragraph_f1 0.9000 < 0.9500",
        "test mean heading_recall 0.5000 < 0.9700",
        "test mean heading_precision 0.5000 < 0.9700",
    ]


def test_table_puts_dev_and_test_side_by_side(
    script: ModuleType, fake_pipeline: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code = script.main(["--corpus", str(CORPUS), "--jobs", "1"])
    out = capsys.readouterr().out
    assert code == 1
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("extractor"))
    assert header.count("head-R") == 2  # one column group per split
    row_y = next(line for line in lines if line.startswith("y "))
    dev_cells, test_cells = row_y.split(" | ")[1:]
    # n, head-R, head-P, level (of headings found by title: doc-b's is one too deep), par-F1,
    # sim, pass
    assert dev_cells.split() == ["1", "1.0000", "1.0000", "1.0000", "0.8000", "1.0000", "0"]
    assert test_cells.split() == ["1", "0.0000", "0.0000", "0.0000", "1.0000", "1.0000", "0"]
    layout_rows = [line.split(" | ")[0].strip() for line in lines if " | " in line]
    assert "one-column" in layout_rows and "two-column" in layout_rows
    assert out.rstrip().endswith("result: FAIL")


def test_one_split_and_one_extractor(
    script: ModuleType, fake_pipeline: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, _ = run_json(script, capsys, "--split", "dev")
    assert report["splits"] == ["dev"] and list(report["summary"]) == ["dev"]
    assert report["failures"] == ["dev mean paragraph_f1 0.9000 < 0.9500"]
    assert code == 1
    code, report, _ = run_json(script, capsys, "--split", "test", "--extractor", "x")
    assert code == 0 and report["passed"] is True
    assert [p["extractor"] for p in report["pairs"]] == ["x"]


def test_excluded_pairs_are_left_out_by_extractor_and_layout_pattern(
    script: ModuleType, fake_pipeline: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # doc-b's y.txt (two-column) is the only pair below target on the test part.
    code, report, _ = run_json(script, capsys, "--split", "test", "--exclude", "y/two-*")
    assert [(p["document"], p["extractor"]) for p in report["pairs"]] == [("doc-b", "x")]
    assert code == 0 and report["passed"] is True
    code, report, _ = run_json(script, capsys, "--split", "all", "--exclude", "y/*")
    assert {p["extractor"] for p in report["pairs"]} == {"x"}


def test_a_cleaner_crash_scores_zero_and_is_reported(
    script: ModuleType,
    fake_pipeline: None,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "doc-b" / "z.txt").write_text("CRASH\n", encoding="utf-8")
    code = script.main(["--corpus", str(corpus), "--split", "test", "--jobs", "1", "--json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    crashed = next(p for p in report["pairs"] if p["extractor"] == "z")
    assert crashed["error"] == "ValueError: cleaner crashed"
    assert "scores" not in crashed
    overall = report["summary"]["test"]["overall"]
    assert overall["errors"] == 1 and overall["pairs"] == 3
    assert overall["similarity"] == pytest.approx(2 / 3)
    assert "error: doc-b/z: ValueError: cleaner crashed" in captured.err
    assert code == 1


def test_corpus_and_files_are_exclusive(script: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        script.main(["a.txt", "b.md", "--corpus", str(CORPUS)])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        script.main(["--corpus", str(tmp_path)])  # no split.yml
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        script.main([])
    assert exit_info.value.code == 2
