"""Find in-text citations and resolve them against the paper's own reference list.

Three forms, as the field writes them:
- numeric: ``[1]``, ``[3, 5]``, ``[2-4]`` -> the list items with those numbers;
- author-year: ``(Wang, 2016)``, ``(Dai and Liu, 2017)``, ``(Smith et al., 2019; Li, 2020)``;
- narrative: ``Wang Junning pointed out`` -> an author "Wang J. N." of a listed work,
  the full pinyin given name read as syllables (Jun-ning -> J. N.).
A citation that matches nothing stays in the text, marked unresolved and counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.model import Reference
from digest.references.keys import ascii_fold
from digest.references.pinyin import syllable_initials

_NUMERIC = re.compile(r"\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\]")
# Alphabetic labels as alpha.bst and biblatex print them: [Pen11], [SBB+09], [AB04a].
_LABEL = r"[A-Z][A-Za-z]{0,5}\+?\s?\d{2}[a-z]?"
_ALPHABETIC = re.compile(rf"\[({_LABEL}(?:\s*[,;]\s*{_LABEL})*)\]")
_PARENTHESIS = re.compile(r"\(([^()]{1,300}?)\)")
_NAMES_YEAR = re.compile(
    r"^\s*(?P<names>[A-Z][\w'’-]*(?:\s+(?:and|&)\s+[A-Z][\w'’-]*|\s+et\s+al\.?)?)\s*,?\s+"
    r"(?P<year>(?:1[89]|20)\d\d)[a-z]?\s*$"
)


@dataclass(frozen=True)
class CitationPart:
    """One cited work inside a citation: its characters and the key it resolves to."""

    start: int
    end: int
    key: str | None  # None: unresolved


@dataclass(frozen=True)
class Citation:
    kind: str  # "numeric" | "author-year" | "narrative"
    start: int
    end: int
    parts: tuple[CitationPart, ...]

    @property
    def resolved(self) -> bool:
        return all(part.key is not None for part in self.parts)


def find_citations(text: str, references: list[Reference], keys: list[str]) -> list[Citation]:
    """All citations in one paragraph, in order, without overlaps."""
    found = _numeric(text, references, keys) + _alphabetic(text, references, keys)
    found += _author_year(text, references, keys)
    found += _narrative(text, references, keys)
    found.sort(key=lambda c: (c.start, -c.end))
    result: list[Citation] = []
    for citation in found:
        if result and citation.start < result[-1].end:
            continue
        result.append(citation)
    return result


def _numeric(text: str, references: list[Reference], keys: list[str]) -> list[Citation]:
    by_label = {ref.label: key for ref, key in zip(references, keys, strict=True) if ref.label}
    if not by_label:  # an unnumbered list is cited by position
        by_label = {str(n): key for n, key in enumerate(keys, start=1)}
    citations = []
    for match in _NUMERIC.finditer(text):
        parts = []
        for number in re.finditer(r"(\d+)(?:\s*[-–]\s*(\d+))?", match.group(1)):
            first, last = int(number.group(1)), int(number.group(2) or number.group(1))
            if last - first > 50 or last < first:
                last = first
            offset = match.start(1)
            if first == last:
                parts.append(
                    CitationPart(
                        offset + number.start(), offset + number.end(), by_label.get(str(first))
                    )
                )
            else:  # a range links each end; the works in between are cited too
                span = (offset + number.start(), offset + number.end())
                for n in range(first, last + 1):
                    parts.append(CitationPart(*span, by_label.get(str(n))))
        citations.append(Citation("numeric", match.start(), match.end(), tuple(parts)))
    return citations


def _alphabetic(text: str, references: list[Reference], keys: list[str]) -> list[Citation]:
    """[Pen11] and [SBB+09, Pen11]: each label links to the entry printed with it."""
    by_label = {
        ref.label.replace(" ", ""): key
        for ref, key in zip(references, keys, strict=True)
        if ref.label and not ref.label.isdigit()
    }
    if not by_label:
        return []
    citations = []
    for match in _ALPHABETIC.finditer(text):
        parts = []
        for label in re.finditer(_LABEL, match.group(1)):
            key = by_label.get(label.group().replace(" ", ""))
            start = match.start(1) + label.start()
            parts.append(CitationPart(start, start + len(label.group()), key))
        citations.append(Citation("alphabetic", match.start(), match.end(), tuple(parts)))
    return citations


def _surname_matches(name: str, ref: Reference, position: int) -> bool:
    return len(ref.authors) > position and ascii_fold(ref.authors[position].family) == ascii_fold(
        name
    )


def _author_year(text: str, references: list[Reference], keys: list[str]) -> list[Citation]:
    citations = []
    for match in _PARENTHESIS.finditer(text):
        parts = []
        offset = match.start(1)
        position = 0
        for chunk in match.group(1).split(";"):
            parsed = _NAMES_YEAR.match(chunk)
            if parsed is None:
                parts = []
                break
            names = re.split(
                r"\s+(?:and|&)\s+", re.sub(r"\s+et\s+al\.?", "", parsed.group("names"))
            )
            year = parsed.group("year")
            key = next(
                (
                    key
                    for ref, key in zip(references, keys, strict=True)
                    if ref.year == year
                    and _surname_matches(names[0], ref, 0)
                    and (len(names) < 2 or _surname_matches(names[1], ref, 1))
                ),
                None,
            )
            start = offset + position + (len(chunk) - len(chunk.lstrip()))
            parts.append(CitationPart(start, offset + position + len(chunk.rstrip()), key))
            position += len(chunk) + 1
        if parts:
            citations.append(Citation("author-year", match.start(), match.end(), tuple(parts)))
    return citations


def _narrative(text: str, references: list[Reference], keys: list[str]) -> list[Citation]:
    citations = []
    for ref, key in zip(references, keys, strict=True):
        for person in ref.authors:
            initials = re.sub(r"[^A-Z]", "", person.given)
            if not person.family or not initials or person.family not in text:
                continue  # (the substring test spares a regex per author per paragraph)
            pattern = rf"\b{re.escape(person.family)} ([A-Z][a-z]+(?:-[a-z]+)?)\b"
            for match in re.finditer(pattern, text):
                given = match.group(1)
                spelled_out = person.given == given
                if spelled_out or initials in syllable_initials(given):
                    part = CitationPart(match.start(), match.end(), key)
                    citations.append(Citation("narrative", match.start(), match.end(), (part,)))
    return citations
