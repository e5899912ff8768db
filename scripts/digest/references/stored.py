"""A paper's parsed reference list as the per-source cache keeps it.

The bibliography merges every paper's list on every build, but it needs only two
things of each reference to do so: its signature (which work it is) and its richness
(which string of a work supplies the fields). Both are stored beside the fields, and
a reference is turned back into a ``Reference`` only when something reads it: the
entry that a work's richest string supplies, or the page of a paper that is
rendered again. A build after one change decodes a sixth of the references it
holds instead of all of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

from digest.model import Person, Reference
from digest.references.keys import signature


def richness(ref: Reference) -> int:
    """How many fields a reference fills: the richest string of a work supplies it."""
    return sum(value not in (None, "", []) for value in vars(ref).values())


def reference_to_json(ref: Reference) -> dict[str, Any]:
    """A reference as ``model.plain`` gives it, written out for its one shape: every
    field a plain value but the two lists of people (a cold build stores every
    reference of the corpus)."""
    record = dict(vars(ref))
    for key in ("authors", "editors"):
        record[key] = [{"family": person.family, "given": person.given} for person in record[key]]
    return record


def reference_from_json(record: dict[str, Any]) -> Reference:
    people = {
        name: [Person(**person) for person in record[name]] for name in ("authors", "editors")
    }
    return Reference(**{**record, **people})


class ParsedList(Sequence[Reference]):
    """A paper's parsed references, in list order, each decoded when first read."""

    def __init__(
        self,
        records: list[dict[str, Any]] | None,
        references: list[Reference | None],
        signatures: list[str],
        filled: list[int],
    ) -> None:
        if not len(references) == len(signatures) == len(filled):
            raise ValueError("a stored reference list whose parts differ in length")
        self._records = records
        self._references = references
        self.signatures = signatures  # ``keys.signature`` of each reference
        self.filled = filled  # ``richness`` of each reference

    @classmethod
    def of(cls, references: list[Reference]) -> ParsedList:
        """A list just parsed."""
        return cls(
            None,
            list(references),
            [signature(ref) for ref in references],
            [richness(ref) for ref in references],
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedList:
        records = data["references"]
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise TypeError("stored references must be a list of records")
        signatures = [str(sig) for sig in data["signatures"]]
        filled = [int(count) for count in data["filled"]]
        return cls(records, [None] * len(records), signatures, filled)

    def to_json(self) -> dict[str, Any]:
        records = self._records or [reference_to_json(ref) for ref in self]
        return {"references": records, "signatures": self.signatures, "filled": self.filled}

    def rank(self, index: int) -> tuple[int, str]:
        """The richness by which a work's strings are compared (ties: the raw string)."""
        return self.filled[index], self.raw(index)

    def raw(self, index: int) -> str:
        ref = self._references[index]
        if ref is not None:
            return ref.raw
        assert self._records is not None  # a list made by ``of`` holds every reference
        return str(self._records[index]["raw"])

    @property
    def unparsed(self) -> int:
        """How many strings could not be parsed (kept verbatim and flagged)."""
        if self._records is not None:
            return sum(not record["parsed"] for record in self._records)
        return sum(not ref.parsed for ref in self)

    def __len__(self) -> int:
        return len(self._references)

    @overload
    def __getitem__(self, index: int) -> Reference: ...

    @overload
    def __getitem__(self, index: slice) -> list[Reference]: ...

    def __getitem__(self, index: int | slice) -> Reference | list[Reference]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        ref = self._references[index]
        if ref is None:
            assert self._records is not None
            ref = self._references[index] = reference_from_json(self._records[index])
        return ref

    def __iter__(self) -> Iterator[Reference]:
        # Read whole (finding citations walks a list once per paragraph): every
        # reference decoded once, then the plain list's own iterator.
        if self._records is not None and None in self._references:
            for index in range(len(self)):
                self[index]
        return iter(self._references)  # type: ignore[arg-type]
