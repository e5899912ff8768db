"""How well ``digest add`` drafts a sidecar: its values against hand-written ones.

Per document: is the title exactly right, are the authors' surnames exactly right
(in order), are year and DOI right where the text prints them, and which fields
did the draft fill that the text does not print (the worst error: a made-up value
a maintainer may not notice). Titles compare after Unicode NFKC, with quotes and
dashes of any shape and runs of spaces made one; surnames compare case-folded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from digest.ingest.draft import Draft

# Fields a draft can fill from the text that the gold can say are not printed.
CHECKED = ("title", "authors", "year", "venue", "volume", "issue", "pages", "doi")
_SHAPES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def normal_title(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_SHAPES)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class FrontResult:
    """One document's comparison."""

    name: str
    title_right: bool | None  # None: the gold says the text prints no title
    surnames_right: bool | None
    year_right: bool | None
    doi_right: bool | None
    made_up: list[str] = field(default_factory=list)  # filled, but not printed
    missed: list[str] = field(default_factory=list)  # printed, but left empty


def compare(name: str, draft: Draft, gold: dict) -> FrontResult:
    """``gold``: title, authors (list of surnames), year, doi, venue ... (None: not
    printed; a key missing: not known, so not checked for made-up values)."""
    values = draft.values
    surnames = [a["family"].casefold() for a in values.get("authors") or []]
    gold_surnames = [s.casefold() for s in gold.get("authors") or []]

    def right(mine: object, theirs: object) -> bool | None:
        return None if theirs in (None, [], "") else mine == theirs

    result = FrontResult(
        name,
        title_right=right(
            normal_title(values.get("title")), normal_title(gold.get("title")) or None
        ),
        surnames_right=right(surnames, gold_surnames),
        year_right=right(values.get("year"), gold.get("year")),
        doi_right=right(
            (values.get("doi") or "").lower() or None,
            (gold.get("doi") or "").lower() or None,
        ),
    )
    for key in (key for key in CHECKED if key in gold):
        filled = values.get(key) not in (None, [], "")
        printed = gold.get(key) not in (None, [], "")
        if filled and not printed:
            result.made_up.append(key)
        elif printed and not filled:
            result.missed.append(key)
    return result


@dataclass
class FrontScores:
    """Shares over documents where the gold has the field."""

    results: list[FrontResult]

    def rate(self, attribute: str) -> tuple[int, int]:
        values = [getattr(r, attribute) for r in self.results if getattr(r, attribute) is not None]
        return sum(values), len(values)

    @property
    def made_up(self) -> int:
        return sum(len(r.made_up) for r in self.results)
