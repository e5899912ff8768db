"""The parser against the gold sets (issue 10).

Development gold (the corpus, other styles, three real papers) also trains the model,
so it must come out right; the generated dev styles were never trained on. The held-out
style families and the real test papers are only ever scored: their tests are floors
that catch a regression, set below the figures of the closing note, not the issue's
targets (F1 0.97 and exact 0.90 on held-out styles, F1 0.95 on real lists), which the
parser does not meet yet.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from refcorpus.anystyle import main as anystyle_main
from refcorpus.grobid import main as grobid_main

from digest.evaluation.label_scores import score_labels
from digest.evaluation.reference_scores import ReferenceScores, load_gold, score
from digest.references.gbt7714 import is_gbt
from digest.references.labeller import label_tokens
from digest.references.parse import parse_reference
from digest.references.tokens import tokenize

GOLD = Path(__file__).resolve().parents[1] / "gold" / "references"


def scored(entries: list[dict]) -> ReferenceScores:
    return score([(entry, parse_reference(entry["raw"])) for entry in entries])


def test_the_corpus_references_stay_exact() -> None:
    scores = scored(load_gold(GOLD / "corpus.yml"))
    assert scores.exact_match_rate == 1.0, scores


def test_gbt_7714_references_stay_exact() -> None:
    entries = [e for e in load_gold(GOLD / "other_styles.yml") if is_gbt(e["raw"])]
    assert len(entries) >= 20
    assert scored(entries).exact_match_rate == 1.0


def test_the_forms_gbt_7714_describes_are_read_exactly() -> None:
    """Analytics in a host ("//"), carriers ("[J/OL]"), update and citation dates,
    editions, "[S.l.]", "c1980" (hand-written gold in the standard's forms)."""
    entries = load_gold(GOLD / "gbt7714_forms.yml")
    assert len(entries) >= 15 and all(is_gbt(e["raw"]) for e in entries)
    scores = scored(entries)
    assert scores.exact_match_rate == 1.0, scores


@pytest.mark.parametrize("name", ["other_styles.yml", "real_papers_dev.yml"])
def test_development_gold_meets_the_field_target(name: str) -> None:
    scores = scored(load_gold(GOLD / name))
    assert scores.micro.f1 >= 0.92, scores


def test_training_styles_on_records_never_trained_on_meet_the_targets() -> None:
    entries = [
        e for path in sorted((GOLD / "generated_dev").glob("*.yml")) for e in load_gold(path)
    ]
    scores = scored(entries)
    assert scores.micro.f1 >= 0.98 and scores.exact_match_rate >= 0.90, scores


def dev_accuracy(convert_main, tmp_path: Path) -> tuple[int, float]:
    """Write a converter's dev tenth and label it: (strings, token accuracy)."""
    dev = tmp_path / "dev.jsonl"
    convert_main([str(tmp_path / "train.jsonl"), "--dev", str(dev)])
    pairs = []
    for line in dev.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        pairs.append((row["labels"], label_tokens(tokenize(row["text"])).labels))
    return len(pairs), score_labels(pairs).accuracy


def test_real_strings_never_trained_on_are_labelled_token_by_token(tmp_path: Path) -> None:
    """The tenth of AnyStyle's hand-labelled real strings kept out of training (dev)."""
    count, accuracy = dev_accuracy(anystyle_main, tmp_path)
    assert count > 1000 and accuracy >= 0.87


def test_real_strings_cut_from_pdfs_never_trained_on_are_labelled_token_by_token(
    tmp_path: Path,
) -> None:
    """The tenth of GROBID's hand-labelled PDF strings kept out of training (dev)."""
    count, accuracy = dev_accuracy(grobid_main, tmp_path)
    assert count > 800 and accuracy >= 0.93


def test_held_out_style_families_stay_above_their_floor() -> None:
    files = sorted((GOLD / "heldout").glob("*.yml"))
    assert len(files) >= 12  # APA, Chicago, Harvard, IEEE, Vancouver, GB/T and 6 more
    overall = []
    for path in files:
        entries = load_gold(path)
        overall.extend(entries)
        assert scored(entries).micro.f1 >= 0.85, path.name
    assert scored(overall).micro.f1 >= 0.95


def test_real_test_papers_stay_above_their_floor() -> None:
    assert scored(load_gold(GOLD / "real_papers_test.yml")).micro.f1 >= 0.74


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
