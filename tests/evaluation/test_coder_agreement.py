"""The second coder's themes (tests/gold/itemcorpus/*/themes-second-coder.yml) and how
agreement with the gold is counted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from item_corpus import CODEBOOK, CORPUS, PAPERS

from digest.evaluation.coder_agreement import (
    SECOND_CODING,
    Agreement,
    corpus_agreement,
    load_second_coding,
    paper_agreement,
)
from digest.evaluation.item_scores import (
    GoldError,
    load_codebook_ids,
    load_gold_file,
    theme_problems,
)

GOLD = """\
paper: tiny
items:
  - kind: problem
    section: "3"
    label: Villagers seldom take part
    source: runin
    themes: [low-participation]
  - kind: path
    section: "4"
    label: Train cadres
    source: runin
    themes: [cadre-training, responsibility-mechanisms]
"""


def _paper(tmp_path: Path, second: str) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "items.yml").write_text(GOLD, encoding="utf-8")
    (folder / SECOND_CODING).write_text(second, encoding="utf-8")
    return folder


def test_pairs_and_exact_items_are_counted_against_the_gold(tmp_path: Path) -> None:
    folder = _paper(
        tmp_path,
        "items:\n"
        '  - {label: "Villagers seldom take part", themes: [low-participation]}\n'
        '  - {label: "Train cadres", themes: [cadre-training, service-functions]}\n',
    )
    agreement = Agreement()
    assert paper_agreement(folder, agreement)
    # pairs: low-participation and cadre-training agree; service-functions is the second
    # coder's alone (fp), responsibility-mechanisms the gold's alone (fn).
    assert (agreement.pairs.tp, agreement.pairs.fp, agreement.pairs.fn) == (2, 1, 1)
    assert (agreement.items, agreement.exact, agreement.papers) == (2, 1, 1)
    assert agreement.exact_share == 0.5
    assert agreement.pairs.f1 == pytest.approx(2 / 3)


def test_a_paper_without_a_second_coding_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "bare").mkdir()
    agreement = corpus_agreement(tmp_path, ["bare"])
    assert agreement.items == 0 and agreement.papers == 0


def test_items_out_of_step_with_the_gold_are_refused_naming_the_file(tmp_path: Path) -> None:
    folder = _paper(
        tmp_path,
        "items:\n"
        '  - {label: "Train cadres", themes: [cadre-training]}\n'
        '  - {label: "Villagers seldom take part", themes: [low-participation]}\n',
    )
    with pytest.raises(GoldError, match=re.escape(f"{SECOND_CODING}: item 1 is 'Train cadres'")):
        paper_agreement(folder, Agreement())
    (folder / SECOND_CODING).write_text(
        'items:\n  - {label: "Villagers seldom take part", themes: [low-participation]}\n',
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match=re.escape("1 items, but items.yml has 2")):
        paper_agreement(folder, Agreement())


def test_themes_must_be_a_list(tmp_path: Path) -> None:
    path = tmp_path / SECOND_CODING
    path.write_text('items:\n  - {label: "A", themes: low-participation}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="item 1: themes must be a list"):
        load_second_coding(path)


CODED = [paper for paper in PAPERS if (CORPUS / paper / SECOND_CODING).exists()]


def test_most_papers_have_a_second_coding() -> None:
    # All 37 papers of the corpus as it stood when the second coding was made.
    assert len(CODED) >= 37


@pytest.mark.parametrize("paper", CODED)
def test_every_second_coding_is_in_step_with_its_gold(paper: str) -> None:
    folder = CORPUS / paper
    gold = load_gold_file(folder / "items.yml")
    second = load_second_coding(folder / SECOND_CODING)
    assert [item["label"] for item in second] == [item["label"] for item in gold]
    coded = [{**item, "themes": other["themes"]} for item, other in zip(gold, second, strict=True)]
    assert theme_problems(coded, load_codebook_ids(CODEBOOK)) == []
    assert all(1 <= len(item["themes"]) <= 3 for item in second)
