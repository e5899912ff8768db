"""The kind of a section's items read from their words, when nothing else tells it.

A heading in no known words ("Gusheng's Example", "Where the Lakeshore Branches Stand")
over items that name no deficit and prescribe nothing leaves the extractor's rules
without a kind, and the items were dropped. Problems, causes, paths and lessons are
told in different words (a lesson tells what a branch did; a cause explains; a path
says what should be done), so the items hand-coded to each kind in the development
papers give each kind a vector of words (the theme word model's tf-idf centroids,
theme_words.py), and a section's items, read together, take the nearest kind when it
is clearly nearer than the next. The vectors are data (``data/kind_words.json``),
made by ``scripts/train_kind_words.py`` from the dev part of the gold only.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

from digest.compare.theme_words import WordModel, load_word_model
from digest.model import ITEM_KINDS, Item

KIND_MODEL = Path(__file__).resolve().parent.parent / "data" / "kind_words.json"
# Each kind's own words, beside its items': the nouns its sections are headed by. And
# what sections that put nothing forward are about (a case, a setting, the data): their
# items ("The Villages", "Sources") are learned as NOTHING, so that such a section keeps
# putting nothing forward.
NOTHING = "none"
KIND_WORDS = {
    "problem": "problem difficulty shortcoming deficiency weakness",
    "cause": "cause reason root origin",
    "path": "path countermeasure suggestion recommendation measure",
    "experience": "experience lesson enlightenment",
    NOTHING: "background case setting data method",
}
# The nearest kind must be nearer than the next by this much a cosine, averaged over
# the section's items: the smallest margin at which, each dev paper left out of the
# training in turn, no section was read as the wrong kind and none that puts nothing
# forward was given one, when it was chosen on 72 dev papers (at 0.02, 4 sections of
# 121 read were wrong and 2 of 46 background sections were given a kind); with 76, one
# of 41 is read wrong (scripts/train_kind_words.py prints the figures).
MIN_MARGIN = 0.04


@cache
def load_kind_model(path: Path = KIND_MODEL) -> WordModel | None:
    """The shipped model, or None without one (then no section is read by its words)."""
    return load_word_model(path)


def kind_by_words(items: list[Item], model: WordModel) -> str | None:
    """The kind the items' words, read together, are clearly nearest, if any."""
    if len(items) < 2:
        return None
    total: Counter[str] = Counter()
    for item in items:
        total.update(model.similarities(item.label, item.passage, KIND_WORDS))
    ranked = sorted(total.items(), key=lambda pair: (-pair[1], pair[0]))
    if len(ranked) < 2 or (ranked[0][1] - ranked[1][1]) / len(items) < MIN_MARGIN:
        return None
    return ranked[0][0] if ranked[0][0] in ITEM_KINDS else None
