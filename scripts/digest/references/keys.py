"""Citation keys in the Better BibTeX manner, pinned once assigned.

A key is surname + year + first significant title word (``wang2016research``),
ASCII and lower case. Keys are *pinned*: the first time a work gets a key it is
written to ``sources/citation-keys.tsv`` (work signature -> key), and every
later build reuses it. Adding a paper therefore never changes an existing key,
and a maintainer may rename a key by editing its line; the build only appends.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from digest.model import Problem, Reference

# Better BibTeX's skip words: function words that make poor key words.
SKIP_WORDS = frozenset(
    """
    a about above across after against along among an and around as at before behind below
    beneath beside between beyond but by down during except for from in inside into like near
    nor of off on onto or out over since the through throughout till to toward under
    underneath until up upon with within without yet
    """.split()
)
REGISTRY_HEADER = (
    "# Citation keys, pinned once assigned: the build appends new works and never changes\n"
    "# a line. To rename a key, edit it here (keep it unique). Columns: key, work signature.\n"
)


def ascii_fold(text: str) -> str:
    """ "Ōuyáng" -> "ouyang": keys and signatures must be plain ASCII."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text))


def signature(ref: Reference) -> str:
    """What makes two reference strings the same work: title, year, first author
    (journal, volume and pages stand in for a title the reference does not print).

    Punctuation, case, dashes and spacing are ignored, so "Party Building--Based"
    and "party building—based" agree. A string that could not be parsed is only
    the same as an identical string.
    """
    if not ref.parsed:
        return "raw:" + _letters(ref.raw)
    family = ref.authors[0].family if ref.authors else ""
    if not ref.title:  # an article cited by journal, volume and page: those name it
        where = f"{_letters(ref.container or '')}|{ref.volume or ''}|{ref.pages or ''}"
        return f"|{where}|{ref.year or ''}|{_letters(family)}"
    return f"{_letters(ref.title)}|{ref.year or ''}|{_letters(family)}"


def base_key(ref: Reference, fallback: str = "anon") -> str:
    """surname + year + first significant title word, e.g. ``wang2016research``."""
    if not ref.parsed:
        return "unparsed"
    family = _letters(ref.authors[0].family) if ref.authors else ""
    words = re.findall(r"[a-z0-9]+", ascii_fold(ref.title or ""))
    word = next((w for w in words if w not in SKIP_WORDS), "")
    key = f"{family}{ref.year or ''}{word}"
    return key if family else (f"{fallback}{ref.year or ''}{word}" if word else fallback)


@dataclass
class KeyRegistry:
    """The pinned keys: signature -> key, plus the lines to append."""

    path: Path
    keys: dict[str, str] = field(default_factory=dict)
    added: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path, shown_as: Path | None = None) -> KeyRegistry:
        registry = cls(path)
        if not path.exists():
            return registry
        used: dict[str, int] = {}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            key = parts[0].strip()
            if len(parts) != 2 or not re.fullmatch(r"[A-Za-z][A-Za-z0-9:.\-]*", key):
                registry.problems.append(
                    Problem(
                        shown_as or path,
                        number,
                        "expected 'key<TAB>signature' (key: a letter, then letters, digits : . -)",
                    )
                )
                continue
            if key in used:
                registry.problems.append(
                    Problem(shown_as or path, number, f"key {key!r} already on line {used[key]}")
                )
                continue
            used[key] = number
            registry.keys.setdefault(parts[1].strip(), key)
        return registry

    def assign(self, wanted: list[tuple[str, str]]) -> dict[str, str]:
        """Keys for (signature, base key) pairs; new works get the base, or base + a, b ..."""
        taken = set(self.keys.values())
        result: dict[str, str] = {}
        for sig, base in sorted(set(wanted), key=lambda pair: (pair[1], pair[0])):
            if sig in self.keys:
                result[sig] = self.keys[sig]
                continue
            key = base
            suffix = 0
            while key in taken:
                key = base + _suffix(suffix)
                suffix += 1
            taken.add(key)
            self.keys[sig] = key
            self.added.append((key, sig))
            result[sig] = key
        return result

    def text(self) -> str:
        """The registry file after appending this build's new keys."""
        existing = self.path.read_text(encoding="utf-8") if self.path.exists() else REGISTRY_HEADER
        if existing and not existing.endswith("\n"):
            existing += "\n"
        return existing + "".join(f"{key}\t{sig}\n" for key, sig in sorted(self.added))


def _suffix(index: int) -> str:
    """a, b, ... z, aa, ab ... as Better BibTeX disambiguates."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters
