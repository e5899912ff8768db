"""A second reading for the items the codebook's terms leave without a theme.

The terms catch the field's set phrases; an item put in plain words ("Design services
from needs", "Inspectors are too few") names none of them. For those, each theme has
the words of the items hand-coded to it in the development papers (and of its own
label, description and terms), weighted tf-idf and averaged into one vector; an item
with no theme by the terms gets the theme whose vector is nearest to its own words,
if near enough. The vectors are data (``data/theme_words.json``), made by
``scripts/train_theme_words.py`` from the dev part of the gold only, so that what a
build codes never depends on the papers used to test it.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WORD_MODEL = Path(__file__).resolve().parent.parent / "data" / "theme_words.json"
# Below this cosine the nearest theme is a guess, not a reading (chosen on the dev
# papers by leaving each paper out in turn: scripts/train_theme_words.py --check).
MIN_SIMILARITY = 0.1
# A label's words count this many times a passage's: the label says what the item is.
LABEL_WEIGHT = 2
# The words kept per theme, by weight: the rest barely move a cosine.
WORDS_PER_THEME = 200
PASSAGE_CHARACTERS = 3000

_STOP = frozenset(
    """the a an of and to in for on by with as is are be at from that this it its their
    there which or not no can should has have was were more than into also been they
    them such other some most many all each his her our we us""".split()
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ness", "ments", "ment", "ed", "es", "s")
_WORD = re.compile(r"[a-z]+")


def _stem(word: str) -> str:
    """A crude stem: "villagers", "villager" -> "villager"; enough to pool a word's forms."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    lowered = text.lower().replace("-", " ")
    return [_stem(w) for w in _WORD.findall(lowered) if len(w) > 2 and w not in _STOP]


def item_words(label: str, passage: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for word in words(label):
        counts[word] += LABEL_WEIGHT
    counts.update(words(passage[:PASSAGE_CHARACTERS]))
    return counts


@dataclass(frozen=True)
class WordModel:
    idf: dict[str, float]
    unseen_idf: float  # a word no training item had: as rare as can be
    themes: dict[str, dict[str, float]]  # theme id -> unit vector

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        weights = {
            word: (1 + math.log(n)) * self.idf.get(word, self.unseen_idf)
            for word, n in counts.items()
        }
        return _unit(weights)

    def similarities(self, label: str, passage: str, theme_ids: Iterable[str]) -> dict[str, float]:
        """The cosine of the item's words with each theme of ``theme_ids`` the model knows."""
        vector = self.vector(item_words(label, passage))
        found: dict[str, float] = {}
        for theme_id in sorted(theme_ids):
            centroid = self.themes.get(theme_id)
            if centroid:
                found[theme_id] = sum(w * centroid.get(word, 0.0) for word, w in vector.items())
        return found

    def nearest(self, label: str, passage: str, theme_ids: Iterable[str]) -> str | None:
        """The theme nearest the item's words among ``theme_ids``, if near enough."""
        found = self.similarities(label, passage, theme_ids)
        # (Of equals, the first id in order: ``found`` is sorted by id.)
        best = max(found, key=found.__getitem__, default=None)
        return best if best is not None and found[best] >= MIN_SIMILARITY else None


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {word: w / norm for word, w in weights.items()}


def fit(
    examples: Iterable[tuple[str, str, Iterable[str]]], descriptions: dict[str, str]
) -> WordModel:
    """The model of (label, passage, theme ids) examples and each theme's own words
    (its label, description and terms, in ``descriptions``)."""
    examples = [(label, passage, sorted(set(themes))) for label, passage, themes in examples]
    items = [item_words(label, passage) for label, passage, _ in examples]
    documents = items + [Counter(words(text)) for text in descriptions.values()]
    frequency: Counter[str] = Counter()
    for counts in documents:
        frequency.update(counts.keys())
    total = len(documents)
    idf = {word: math.log((total + 1) / (n + 1)) + 1 for word, n in frequency.items()}
    model = WordModel(idf, math.log(total + 1) + 1, {})
    sums: dict[str, Counter[str]] = {theme_id: Counter() for theme_id in descriptions}
    for (_, _, themes), counts in zip(examples, items, strict=True):
        vector = model.vector(counts)
        for theme_id in themes:
            sums.setdefault(theme_id, Counter()).update(vector)
    for theme_id, text in descriptions.items():
        sums[theme_id].update(model.vector(Counter(words(text))))
    themes = {}
    for theme_id, total_vector in sorted(sums.items()):
        kept = sorted(total_vector.items(), key=lambda pair: (-pair[1], pair[0]))
        themes[theme_id] = _unit(dict(kept[:WORDS_PER_THEME]))
    return WordModel(idf, model.unseen_idf, themes)


def dump(model: WordModel) -> str:
    """The model as JSON text, the same bytes for the same model (sorted, rounded)."""
    data = {
        "unseen_idf": round(model.unseen_idf, 4),
        "idf": {word: round(value, 4) for word, value in sorted(model.idf.items())},
        "themes": {
            theme_id: {word: round(value, 4) for word, value in sorted(vector.items())}
            for theme_id, vector in sorted(model.themes.items())
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


@cache
def load_word_model(path: Path = WORD_MODEL) -> WordModel | None:
    """The shipped model, or None without one (the terms alone then code the items).
    A damaged one stops the build naming the file: it is part of the program, and
    coding silently without it would change every comparison table."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(text)
        return WordModel(
            idf={str(k): float(v) for k, v in data["idf"].items()},
            unseen_idf=float(data["unseen_idf"]),
            themes={
                str(theme): {str(k): float(v) for k, v in vector.items()}
                for theme, vector in data["themes"].items()
            },
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(
            f"{path}: not a word model ({error}); "
            "run the script that trains it (scripts/train_*_words.py) to make it again"
        ) from error
