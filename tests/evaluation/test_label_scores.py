"""Token-level scores of the labeller (digest.evaluation.label_scores), worked by hand."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from digest.evaluation.label_scores import score_labels

ROOT = Path(__file__).resolve().parents[2]


def test_scores_count_tokens_labels_and_whole_strings() -> None:
    scores = score_labels(
        [
            (["author", "other", "title", "title"], ["author", "other", "title", "title"]),
            (["author", "title", "container"], ["author", "container", "container"]),
        ]
    )
    assert (scores.tokens, scores.correct) == (7, 6)
    assert scores.strings_right == 1 and scores.strings_right_rate == 0.5
    # title: 3 gold, 2 predicted, 2 right -> F1 = 4/5; container: 1 gold, 2 predicted, 1 right.
    assert scores.f1("title") == pytest.approx(0.8)
    assert scores.f1("container") == pytest.approx(2 / 3)
    assert scores.f1("author") == 1.0


def test_labels_of_unequal_length_are_an_error() -> None:
    with pytest.raises(ValueError):
        score_labels([(["author"], ["author", "title"])])


def test_the_script_scores_a_labelled_file(tmp_path: Path) -> None:
    labelled = tmp_path / "dev.jsonl"
    text = "Wang, J. (2016). Party building in villages. Journal of Rural Studies, 36, 37-46."
    labels = ["author"] * 4 + ["other", "year", "other", "other"] + ["title"] * 4 + ["other"]
    labels += ["container"] * 4 + ["other", "volume", "other", "pages", "pages", "pages", "other"]
    labelled.write_text(json.dumps({"text": text, "labels": labels}) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "scripts/evaluate_references.py", "--labels", str(labelled)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "token accuracy" in result.stdout and "over 24 tokens" in result.stdout
