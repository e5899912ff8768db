"""The drafted sidecars against the cleaning corpus and the seeds (issue 11 targets:
title and author surnames exact >= 0.95, no field filled that the text does not print).
The test split is only scored: its floor is the target, nothing was written from it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from digest.evaluation.front_scores import FrontScores, compare
from digest.ingest.draft import Draft

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import evaluate_front_matter

EXTRACTORS = ("pdftotext", "pdftotext-layout", "pdftotext-raw", "pypdfium2", "pdfminer")


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("part", ["dev", "test"])
def test_drafts_of_the_cleaning_corpus_meet_the_targets(extractor: str, part: str) -> None:
    scores = FrontScores(evaluate_front_matter.devcorpus(extractor, part))
    for attribute in ("title_right", "surnames_right"):
        right, total = scores.rate(attribute)
        assert total >= 20 and right / total >= 0.95, (attribute, right, total)
    assert scores.made_up == 0


def test_drafts_of_the_seeds_are_exact_and_invent_nothing() -> None:
    scores = FrontScores(evaluate_front_matter.seeds())
    assert scores.rate("title_right") == (2, 2)  # three seeds print no title
    assert scores.rate("surnames_right") == (2, 2)
    assert scores.rate("year_right") == (1, 1)
    assert scores.made_up == 0


def test_a_value_the_text_does_not_print_counts_as_made_up() -> None:
    draft = Draft(values={"title": "T", "authors": [], "year": 2020, "doi": None})
    result = compare("x", draft, {"title": "T", "year": None, "doi": None})
    assert result.title_right is True and result.made_up == ["year"]
    unknown = compare("x", draft, {"title": "T"})  # year not known to the gold: unchecked
    assert unknown.made_up == []
