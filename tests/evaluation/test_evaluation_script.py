"""scripts/evaluate_cleaning.py with a stand-in pipeline, so it is tested without the cleaner.

The stand-in treats the "raw" file as already-rendered Markdown (clean and
render are identities); which file goes in then decides the scores exactly.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCRIPT = REPO / "scripts" / "evaluate_cleaning.py"


@pytest.fixture
def fake_pipeline(script: ModuleType, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace clean_text/render_body by identities; record what was cleaned."""
    cleaned: list[str] = []

    def clean_text(text: str) -> str:
        cleaned.append(text)
        return text

    def render_body(doc: Any) -> str:
        return str(doc)

    monkeypatch.setattr(script, "load_pipeline", lambda: (clean_text, render_body))
    return cleaned


def test_passes_on_identical_pair(
    script: ModuleType, fake_pipeline: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = script.main([str(FIXTURES / "gold.md"), str(FIXTURES / "gold.md")])
    out = capsys.readouterr().out
    assert code == 0
    assert "paragraph F1          1.0000  0.9800  ok" in out
    assert out.rstrip().endswith("result: PASS")
    # A .md gold is used as is: only RAW went through the cleaner.
    assert len(fake_pipeline) == 1


def test_fails_below_target_and_lists_the_miss(
    script: ModuleType, fake_pipeline: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = script.main([str(FIXTURES / "merged.md"), str(FIXTURES / "gold.md")])
    out = capsys.readouterr().out
    assert code == 1
    assert "paragraph F1          0.8889  0.9800  BELOW" in out
    assert "missed break: @22: ... towns in two provinces. | The data come from ..." in out
    assert "FAIL: paragraph F1 0.8889 < 0.9800" in out


def test_target_flags_move_the_threshold(script: ModuleType, fake_pipeline: list[str]) -> None:
    argv = [str(FIXTURES / "merged.md"), str(FIXTURES / "gold.md")]
    assert script.main([*argv, "--min-paragraph-f1", "0.88"]) == 0
    assert script.main([*argv, "--min-paragraph-f1", "0.89"]) == 1


def test_json_goes_to_stdout_and_table_to_stderr(
    script: ModuleType, fake_pipeline: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = script.main([str(FIXTURES / "wrong_level.md"), str(FIXTURES / "gold.md"), "--json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert code == 1
    assert report["passed"] is False
    assert report["scores"]["heading_recall"] == 0.5
    assert report["scores"]["missed_headings"] == ["### 1.1 Scope"]
    assert report["targets"] == {"heading_recall": 1.0, "paragraph_f1": 0.98, "similarity": 0.99}
    assert "heading recall" in captured.err


def test_txt_gold_goes_through_the_cleaner(
    script: ModuleType, fake_pipeline: list[str], tmp_path: Path
) -> None:
    gold_txt = tmp_path / "other_rendering.txt"
    shutil.copy(FIXTURES / "gold.md", gold_txt)
    assert script.main([str(FIXTURES / "typo.md"), str(gold_txt)]) == 0
    assert len(fake_pipeline) == 2


def test_rejects_other_gold_suffixes(
    script: ModuleType, fake_pipeline: list[str], tmp_path: Path
) -> None:
    gold = tmp_path / "gold.html"
    gold.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        script.main([str(FIXTURES / "gold.md"), str(gold)])
    assert exit_info.value.code == 2


def test_runs_as_a_plain_script() -> None:
    """`python scripts/evaluate_cleaning.py` must start without any PYTHONPATH help."""
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "--min-paragraph-f1" in result.stdout
