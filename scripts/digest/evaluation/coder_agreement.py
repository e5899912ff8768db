"""How far two coders agree on the themes of the same items.

Theme coding is a reading, and two careful readers do not code every item alike;
their agreement is the most a theme coder can be asked to reach against either
of them. Each paper of the item corpus may hold, beside its gold (``items.yml``),
a second coder's themes for the same items (``themes-second-coder.yml``, same
order, same labels), coded without seeing the gold's themes. Agreement is
counted as theme coding is (``item_scores``): (item, theme) pairs, micro-averaged,
the gold as the reference; and as the share of items coded exactly alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from digest.evaluation.item_scores import GoldError, load_gold_file
from digest.evaluation.reference_scores import FieldCounts as Counts

SECOND_CODING = "themes-second-coder.yml"


@dataclass
class Agreement:
    pairs: Counts = field(default_factory=Counts)
    items: int = 0
    exact: int = 0  # items both coders gave the same set of themes
    papers: int = 0

    @property
    def exact_share(self) -> float:
        return self.exact / self.items if self.items else 0.0

    def add(self, gold: Iterable[str], second: Iterable[str]) -> None:
        reference, other = set(gold), set(second)
        self.pairs.add(Counts.of_sets(reference, other))
        self.items += 1
        self.exact += reference == other

    def to_json(self) -> dict[str, Any]:
        return {
            "papers": self.papers,
            "items": self.items,
            "exact": self.exact,
            "pairs": self.pairs.to_json(),
        }


def load_second_coding(path: Path) -> list[dict[str, Any]]:
    """The second coder's items: label and themes each; errors name the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise GoldError(f"{path}: cannot read: {error}") from error
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise GoldError(f"{path}: expected a mapping with an 'items' list")
    for number, entry in enumerate(items, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str):
            raise GoldError(f"{path}: item {number}: expected a label")
        themes = entry.get("themes")
        if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
            raise GoldError(f"{path}: item {number}: themes must be a list of codebook ids")
    return items


def paper_agreement(folder: Path, agreement: Agreement) -> bool:
    """Add one paper's items to ``agreement``; False when it has no second coding. Both
    files must list the same items in the same order (a mismatch names the item)."""
    path = folder / SECOND_CODING
    if not path.exists():
        return False
    gold = load_gold_file(folder / "items.yml")
    second = load_second_coding(path)
    if len(gold) != len(second):
        raise GoldError(f"{path}: {len(second)} items, but items.yml has {len(gold)}")
    for number, (reference, other) in enumerate(zip(gold, second, strict=True), start=1):
        if reference["label"] != other["label"]:
            message = f"item {number} is {other['label']!r}, items.yml has {reference['label']!r}"
            raise GoldError(f"{path}: {message}")
        agreement.add(reference.get("themes") or [], other["themes"])
    agreement.papers += 1
    return True


def corpus_agreement(corpus: Path, papers: Iterable[str]) -> Agreement:
    """The second coder against the gold over ``papers`` (those with a second coding)."""
    agreement = Agreement()
    for paper in papers:
        paper_agreement(corpus / paper, agreement)
    return agreement
