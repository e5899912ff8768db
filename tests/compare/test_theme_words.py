"""The theme word model: themes read from an item's words, with the terms."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.compare.theme_words import WORD_MODEL, dump, fit, load_word_model
from digest.compare.themes import Codebook, Theme, code_items
from digest.model import Item

ROOT = Path(__file__).resolve().parents[2]
DESCRIPTIONS = {
    "services": "Weak services. Communities serve residents poorly.",
    "funding": "Short funds. Budgets are too small.",
}
EXAMPLES = [
    ("Services ignore needs", "Services are designed without asking residents.", ["services"]),
    ("Residents are not served", "The station serves few residents.", ["services"]),
    ("Money runs out", "Budgets end every year and funds run short.", ["funding"]),
]

SERVICES_AND_FUNDING = Codebook(
    [
        Theme("services", "problems", "Weak services", "", ("service*",)),
        Theme("funding", "problems", "Short funds", "", ("fund shortage",)),
    ]
)


def test_an_uncoded_item_gets_the_theme_whose_items_share_its_words() -> None:
    model = fit(EXAMPLES, DESCRIPTIONS)
    assert model.nearest("Design services from needs", "", ["services", "funding"]) == "services"
    assert model.nearest("Funds depend on yearly budgets", "", ["services", "funding"]) == "funding"
    # Only the themes asked about; none near enough for words no example had.
    assert model.nearest("Design services from needs", "", ["funding"]) is None
    assert model.nearest("Villages hold elections", "", ["services", "funding"]) is None


def test_terms_and_words_code_together_and_the_terms_alone_without_a_model() -> None:
    codebook = SERVICES_AND_FUNDING
    model = fit(EXAMPLES, DESCRIPTIONS)
    by_terms = Item("problem", "Poor services", "", "1", "heading", "a", 0)
    by_words = Item("problem", "Money depends on yearly budgets", "", "1", "heading", "b", 0)
    code_items([by_terms, by_words], codebook, word_model=model)
    assert by_terms.themes == ["services"]
    assert by_words.themes == ["funding"]
    code_items([by_words], codebook, word_model=False)
    assert by_words.themes == []


def test_an_item_about_two_themes_gets_both_and_one_about_one_gets_one() -> None:
    codebook = SERVICES_AND_FUNDING
    model = fit(EXAMPLES, DESCRIPTIONS)
    both = Item(
        "problem", "Services and budgets", "Residents unserved, funds short.", "1", "x", "a", 0
    )
    one = Item("problem", "Services ignore residents", "", "1", "x", "b", 0)
    code_items([both, one], codebook, word_model=model)
    assert both.themes == ["funding", "services"] or both.themes == ["services", "funding"]
    assert one.themes == ["services"]


def test_a_term_named_in_passing_tips_the_reading_but_does_not_add_its_theme() -> None:
    codebook = SERVICES_AND_FUNDING
    model = fit(EXAMPLES, DESCRIPTIONS)
    # About money; the service station is only where the money runs out.
    money = Item(
        "problem",
        "Money runs out",
        "Budgets end and funds run short at the service station.",
        "1",
        "x",
        "a",
        0,
    )
    code_items([money], codebook, word_model=model)
    assert money.themes == ["funding"]
    # Read near no theme, the item keeps what the terms say.
    unread = Item("problem", "Hukou rules", "Hukou rules bar service.", "1", "x", "b", 0)
    code_items([unread], codebook, word_model=model)
    assert unread.themes == ["services"]


def test_a_term_in_the_label_codes_an_item_whose_words_the_model_never_saw() -> None:
    codebook = Codebook([Theme("services", "problems", "Weak services", "", ("hukou*",))])
    model = fit(EXAMPLES, DESCRIPTIONS)
    unseen = Item("problem", "Hukou barriers persist", "", "1", "x", "a", 0)
    assert model.nearest(unseen.label, "", ["services"]) is None
    code_items([unseen], codebook, word_model=model)
    assert unseen.themes == ["services"]


def test_the_model_file_round_trips_and_is_the_same_bytes_each_time(tmp_path: Path) -> None:
    model = fit(EXAMPLES, DESCRIPTIONS)
    text = dump(model)
    assert dump(fit(list(reversed(EXAMPLES)), DESCRIPTIONS)) == text
    path = tmp_path / "words.json"
    path.write_text(text, encoding="utf-8")
    loaded = load_word_model(path)
    assert loaded is not None
    assert loaded.nearest("Design services from needs", "", ["services", "funding"]) == "services"
    assert load_word_model(tmp_path / "missing.json") is None
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"idf": {}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"damaged\.json"):
        load_word_model(damaged)


def test_the_shipped_model_is_trained_from_the_dev_gold_alone() -> None:
    import train_theme_words

    from digest.compare.themes import load_codebook
    from digest.evaluation.theme_training import train

    codebook, _ = load_codebook()
    papers = train_theme_words.dev_papers()
    split = yaml.safe_load((train_theme_words.CORPUS / "split.yml").read_text(encoding="utf-8"))
    assert not set(papers) & set(split["test"]), "the test part is never learned from"
    assert set(split["dev"]) <= set(papers)
    examples = [e for found in papers.values() for e in found]
    assert WORD_MODEL.read_text(encoding="utf-8") == dump(train(examples, codebook)), (
        "run scripts/train_theme_words.py after changing the dev gold or the extractor"
    )
