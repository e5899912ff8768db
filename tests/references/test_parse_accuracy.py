"""The parser against the hand-written gold sets, with the issue's targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.evaluation.reference_scores import load_gold, score
from digest.references.parse import parse_reference

GOLD = Path(__file__).resolve().parents[1] / "gold" / "references"


@pytest.mark.parametrize("name", ["corpus.yml", "other_styles.yml"])
def test_field_f1_and_exact_match_meet_the_targets(name: str) -> None:
    gold = load_gold(GOLD / name)
    scores = score([(entry, parse_reference(entry["raw"])) for entry in gold])
    assert scores.micro.f1 >= 0.98, scores
    assert scores.exact_match_rate >= 0.90, scores


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "???",
        "[12]",
        "Wang. (2019).",
        "(2019). Title only.",
        "Some words [J]. , .",
        "Author A. Title[M]. : , .",
    ],
)
def test_junk_never_raises_and_keeps_the_text(raw: str) -> None:
    ref = parse_reference(raw)
    assert ref.raw == " ".join(raw.split())
