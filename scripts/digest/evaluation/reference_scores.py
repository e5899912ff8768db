"""Score parsed references against hand-written gold parses, field by field.

A gold file (``tests/gold/references/*.yml``) is a YAML list of mappings: the
reference as printed (``raw``) and the fields a careful reader finds in it.
The parser's :class:`~digest.model.Reference` for the same ``raw`` is compared
with it field by field:

* a predicted value equal to the gold one (after :func:`normalise_value`) is a
  true positive;
* a wrong value is both a false positive and a false negative;
* a missing value is a false negative, an extra one a false positive.

``authors`` and ``editors`` are scored name by name: each (family, given) pair is one unit,
matched as a multiset (so a swapped order costs nothing here, but does cost
the exact match). Per-field and micro-averaged precision, recall and F1 say
*which* fields go wrong; the whole-reference exact match (every field equal,
no extra field, authors in order) says how often a reference comes out right.

The ``note`` and ``parsed`` attributes of a Reference are not scored; a
reference the parser gave up on simply has no fields and scores as misses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from digest.model import REFERENCE_TYPES, Person, Reference

# Default targets; scripts/evaluate_references.py exposes them as flags.
TARGET_MICRO_F1 = 0.98
TARGET_EXACT_MATCH = 0.90

# The scored fields, in report order. ``authors`` and ``editors`` are lists of
# names, the rest strings.
SCORED_FIELDS: tuple[str, ...] = (
    "type",
    "authors",
    "editors",
    "year",
    "title",
    "container",
    "volume",
    "number",
    "pages",
    "edition",
    "school",
    "publisher",
    "address",
    "doi",
    "url",
    "urldate",
    "label",
)
NAME_FIELDS: tuple[str, ...] = ("authors", "editors")
STRING_FIELDS: tuple[str, ...] = tuple(name for name in SCORED_FIELDS if name not in NAME_FIELDS)

# Keys a gold entry may have besides the scored fields: ``raw`` (required),
# ``source`` (the corpus file it comes from) and ``note`` (free text, unscored).
EXTRA_GOLD_KEYS: tuple[str, ...] = ("raw", "source", "note")

# Every dash-like character, and runs of them ("--"), become one "-".
_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
}
_INVISIBLE = dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", "")
_TRANSLATION = str.maketrans({**_QUOTES, **dict.fromkeys(_DASH_CHARS, "-"), **_INVISIBLE})
_DASH_RUN = re.compile(r"\s*-+\s*")
# Punctuation that may close a field without belonging to it. "?" and "!" are
# kept: they belong to titles such as "Dancing with Diversity?".
_TRAILING = " .,;:"


def normalise_value(value: str) -> str:
    """The comparison form of a field value.

    NFKC (full-width forms, ligatures, non-breaking spaces), curly quotes to
    straight ones, every dash and run of dashes to a single "-" with no space
    around it, invisible characters dropped, case folded, whitespace collapsed,
    and trailing ``. , ; :`` stripped.
    """
    text = unicodedata.normalize("NFKC", value).translate(_TRANSLATION)
    text = " ".join(text.casefold().split())
    text = _DASH_RUN.sub("-", text)
    return text.rstrip(_TRAILING)


_INITIAL_HYPHEN = re.compile(r"(?<=\b[A-Za-z])\.?-(?=[A-Za-z]\b)")


def normalise_name_part(value: str) -> str:
    """A family or given name for comparison: as :func:`normalise_value`, full stops ignored.

    Full stops count as spaces, so "J.N.", "J. N." and "J N" all compare equal,
    while "JN" (a two-letter name) does not; so does a hyphen between initials
    ("J.-P." = "J. P."), which the model's convention drops.
    """
    value = _INITIAL_HYPHEN.sub(" ", value)  # "J.-P." and "J. P." are the same initials
    return " ".join(normalise_value(value.replace(".", " ")).split())


def author_key(family: str, given: str = "") -> tuple[str, str]:
    """The unit an author is scored as."""
    return normalise_name_part(family), normalise_name_part(given)


@dataclass
class FieldCounts:
    """True/false positives and false negatives of one field (or of all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: FieldCounts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @classmethod
    def of_sets(cls, gold: Iterable[str], predicted: Iterable[str]) -> FieldCounts:
        """The counts of one item's values (its themes, its authors) against the gold's."""
        reference, found = set(gold), set(predicted)
        return cls(tp=len(reference & found), fp=len(found - reference), fn=len(reference - found))

    @property
    def gold(self) -> int:
        """Values (authors) in the gold."""
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        """Values (authors) the parser produced."""
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.predicted, self.gold)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.gold, self.predicted)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def _ratio(hits: int, total: int, other_total: int) -> float:
    """hits/total; with nothing on this side, 1.0 only if the other side is empty too."""
    if total == 0:
        return 1.0 if other_total == 0 else 0.0
    return hits / total


@dataclass(frozen=True)
class FieldMismatch:
    """One field on which gold and prediction differ, for the report."""

    field: str
    gold: str | None
    predicted: str | None


@dataclass
class ReferenceResult:
    """How one predicted reference compares with its gold entry."""

    raw: str
    gold: dict[str, Any]
    predicted: Reference
    counts: dict[str, FieldCounts]
    mismatches: list[FieldMismatch] = field(default_factory=list)
    where: str = ""  # "file.yml#3" when loaded from a gold file

    @property
    def exact(self) -> bool:
        """Every field equal, no extra field, authors in the gold order."""
        return not self.mismatches


@dataclass
class ReferenceScores:
    """Per-field counts over a set of references, and the per-reference results."""

    fields: dict[str, FieldCounts]
    results: list[ReferenceResult]

    @property
    def micro(self) -> FieldCounts:
        """Counts summed over every field."""
        total = FieldCounts()
        for counts in self.fields.values():
            total.add(counts)
        return total

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def exact_matches(self) -> int:
        return sum(1 for result in self.results if result.exact)

    @property
    def exact_match_rate(self) -> float:
        return self.exact_matches / self.total if self.results else 1.0

    @property
    def unparsed(self) -> list[ReferenceResult]:
        """References the parser marked as not parsed."""
        return [result for result in self.results if not result.predicted.parsed]

    def failures(
        self, min_f1: float = TARGET_MICRO_F1, min_exact: float = TARGET_EXACT_MATCH
    ) -> list[str]:
        """The targets these scores miss, as messages; empty means they pass."""
        checks = [
            ("micro F1", self.micro.f1, min_f1),
            ("exact match", self.exact_match_rate, min_exact),
        ]
        return [
            f"{name} {value:.4f} < {target:.4f}" for name, value, target in checks if value < target
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "fields": {name: counts.to_json() for name, counts in self.fields.items()},
            "micro": self.micro.to_json(),
            "references": self.total,
            "exact_matches": self.exact_matches,
            "exact_match_rate": self.exact_match_rate,
            "unparsed": [result.raw for result in self.unparsed],
            "mismatches": [
                {
                    "where": result.where,
                    "raw": result.raw,
                    "fields": [
                        {"field": m.field, "gold": m.gold, "predicted": m.predicted}
                        for m in result.mismatches
                    ],
                }
                for result in self.results
                if result.mismatches
            ],
        }


# --- comparing one reference ------------------------------------------------


def _present(value: str | None) -> bool:
    return value is not None and value.strip() != ""


def _gold_names(gold: dict[str, Any], name: str) -> list[tuple[str, str]]:
    return [author_key(a["family"], a.get("given", "") or "") for a in gold.get(name) or []]


def _predicted_names(predicted: Reference, name: str) -> list[tuple[str, str]]:
    return [author_key(p.family, p.given) for p in getattr(predicted, name)]


def _format_authors(authors: Iterable[tuple[str, str]] | None) -> str | None:
    names = [f"{family}, {given}".rstrip(", ") for family, given in authors or []]
    return "; ".join(names) if names else None


def _display_gold_names(gold: dict[str, Any], name: str) -> str | None:
    return _format_authors((a["family"], a.get("given", "") or "") for a in gold.get(name) or [])


def _display_predicted_names(predicted: Reference, name: str) -> str | None:
    return _format_authors((p.family, p.given) for p in getattr(predicted, name))


def _score_string(gold_value: str | None, predicted_value: str | None) -> FieldCounts:
    has_gold, has_pred = _present(gold_value), _present(predicted_value)
    if has_gold and has_pred:
        assert gold_value is not None and predicted_value is not None
        if normalise_value(gold_value) == normalise_value(predicted_value):
            return FieldCounts(tp=1)
        return FieldCounts(fp=1, fn=1)
    if has_gold:
        return FieldCounts(fn=1)
    if has_pred:
        return FieldCounts(fp=1)
    return FieldCounts()


def _score_authors(gold: list[tuple[str, str]], predicted: list[tuple[str, str]]) -> FieldCounts:
    matched = sum((Counter(gold) & Counter(predicted)).values())
    return FieldCounts(tp=matched, fp=len(predicted) - matched, fn=len(gold) - matched)


def compare(gold: dict[str, Any], predicted: Reference, where: str = "") -> ReferenceResult:
    """Compare one prediction with its gold entry, field by field."""
    counts: dict[str, FieldCounts] = {}
    mismatches: list[FieldMismatch] = []
    for name in SCORED_FIELDS:
        if name in NAME_FIELDS:
            gold_names, pred_names = _gold_names(gold, name), _predicted_names(predicted, name)
            counts[name] = _score_authors(gold_names, pred_names)
            if gold_names != pred_names:
                mismatches.append(
                    FieldMismatch(
                        name,
                        _display_gold_names(gold, name),
                        _display_predicted_names(predicted, name),
                    )
                )
            continue
        gold_value = gold.get(name)
        pred_value = getattr(predicted, name)
        result = _score_string(gold_value, pred_value)
        counts[name] = result
        if result.fp or result.fn:
            mismatches.append(
                FieldMismatch(
                    name,
                    gold_value if _present(gold_value) else None,
                    pred_value if _present(pred_value) else None,
                )
            )
    return ReferenceResult(
        raw=gold["raw"],
        gold=gold,
        predicted=predicted,
        counts=counts,
        mismatches=mismatches,
        where=where,
    )


def score(
    pairs: Sequence[tuple[dict[str, Any], Reference]], where: Sequence[str] | None = None
) -> ReferenceScores:
    """Score (gold, predicted) pairs; ``where`` optionally labels each pair for the report."""
    fields = {name: FieldCounts() for name in SCORED_FIELDS}
    results: list[ReferenceResult] = []
    for index, (gold, predicted) in enumerate(pairs):
        label = where[index] if where is not None else f"#{index + 1}"
        result = compare(gold, predicted, label)
        for name, counts in result.counts.items():
            fields[name].add(counts)
        results.append(result)
    return ReferenceScores(fields=fields, results=results)


# --- gold files -------------------------------------------------------------


class GoldError(ValueError):
    """A gold file that does not follow the format; the message names the entry."""


def validate_gold_entry(entry: Any, where: str = "") -> dict[str, Any]:
    """Check one gold mapping and return it; raise :class:`GoldError` if it is malformed.

    Every value must be a string (YAML reads an unquoted ``2016`` or ``03`` as a
    number, which would silently lose a leading zero), ``raw`` and ``type`` are
    required, ``type`` is one of :data:`~digest.model.REFERENCE_TYPES`, and each
    author has a non-empty ``family`` and optionally ``given``.
    """
    prefix = f"{where}: " if where else ""
    if not isinstance(entry, dict):
        raise GoldError(f"{prefix}an entry must be a mapping, not {type(entry).__name__}")
    allowed = set(SCORED_FIELDS) | set(EXTRA_GOLD_KEYS)
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise GoldError(f"{prefix}unknown key(s) {', '.join(unknown)}")
    for key in ("raw", "type"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise GoldError(f"{prefix}'{key}' is required and must be a non-empty string")
    if entry["type"] not in REFERENCE_TYPES:
        raise GoldError(
            f"{prefix}type {entry['type']!r} is not one of {', '.join(REFERENCE_TYPES)}"
        )
    for key, value in entry.items():
        if key in NAME_FIELDS:
            continue
        if not isinstance(value, str):
            raise GoldError(
                f"{prefix}{key} must be a string, not {type(value).__name__} {value!r} "
                "(quote it in the YAML)"
            )
        if not value.strip():
            raise GoldError(f"{prefix}{key} is empty: omit a field the reference does not give")
    for key in NAME_FIELDS:
        _validate_names(entry.get(key, []), key, prefix)
    return entry


def _validate_names(names: Any, key: str, prefix: str) -> None:
    """A name list is a list of mappings with a non-empty family and a string given."""
    one = key[:-1]  # "author", "editor"
    if not isinstance(names, list):
        raise GoldError(f"{prefix}{key} must be a list")
    for number, person in enumerate(names, start=1):
        if not isinstance(person, dict) or set(person) - {"family", "given"}:
            raise GoldError(f"{prefix}{one} {number} must be a mapping of family and given")
        if not isinstance(person.get("family"), str) or not person["family"].strip():
            raise GoldError(f"{prefix}{one} {number} needs a non-empty family name")
        if "given" in person and not isinstance(person["given"], str):
            raise GoldError(f"{prefix}{one} {number}: given must be a string (quote it)")


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read and validate a gold file; raise :class:`GoldError` on the first bad entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise GoldError(f"{path}: not valid YAML: {error}") from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise GoldError(f"{path}: a gold file is a YAML list of mappings")
    return [
        validate_gold_entry(entry, f"{path.name}#{number}")
        for number, entry in enumerate(data, start=1)
    ]


def reference_from_gold(gold: dict[str, Any]) -> Reference:
    """The Reference a perfect parser would return for this gold entry."""
    reference = Reference(raw=gold["raw"], type=gold["type"])
    for name in NAME_FIELDS:
        people = [Person(a["family"], a.get("given", "") or "") for a in gold.get(name) or []]
        setattr(reference, name, people)
    for name in STRING_FIELDS:
        if name != "type" and name in gold:
            setattr(reference, name, gold[name])
    return reference
