"""Token-level scores of the reference labeller against hand-labelled strings.

Field scores (``reference_scores``) need gold written as fields; a labelled
development set (AnyStyle's strings mapped to the parser's labels) has one gold
label per token instead, so it is scored per token: each label's precision,
recall and F1, overall token accuracy, and the share of strings whose every
token is right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class LabelScores:
    tokens: int = 0
    correct: int = 0
    strings: int = 0
    strings_right: int = 0
    gold: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.tokens if self.tokens else 1.0

    @property
    def strings_right_rate(self) -> float:
        return self.strings_right / self.strings if self.strings else 1.0

    def f1(self, label: str) -> float:
        hits, gold, predicted = self.hits[label], self.gold[label], self.predicted[label]
        if not gold and not predicted:
            return 1.0
        return 2 * hits / (gold + predicted)


def score_labels(pairs: Iterable[tuple[list[str], list[str]]]) -> LabelScores:
    """Scores over (gold labels, predicted labels) pairs, one pair per string."""
    scores = LabelScores()
    for gold, predicted in pairs:
        if len(gold) != len(predicted):
            raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted")
        right = sum(g == p for g, p in zip(gold, predicted, strict=True))
        scores.tokens += len(gold)
        scores.correct += right
        scores.strings += 1
        scores.strings_right += right == len(gold)
        scores.gold.update(gold)
        scores.predicted.update(predicted)
        scores.hits.update(g for g, p in zip(gold, predicted, strict=True) if g == p)
    return scores
