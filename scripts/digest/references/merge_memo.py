"""The merged bibliography kept between builds.

Merging reads every paper's parsed reference list: at 1,000 papers, fifteen thousand
references loaded from the per-source cache on every build, though an edit to a
paper's text seldom changes its reference list. What the merge makes is fixed by each
paper's id and own reference (from its metadata), each paper's parsed list (which
works, how rich each string, the strings' fields), the pinned keys and the code. So
the memo stores the merge under a hash of those, and a digest of each list under the
hash of the source it was parsed from: a build in which every list is as it was reads
one file instead of a thousand, and parses only the lists of the sources that
changed (to see whether their lists changed too).

The memo only ever saves work. It is used only when every input matches (a build
that pins new keys stores its merge under the registry with those keys, which the
next build reads only if this one wrote it); a damaged memo is ignored and the merge
is done again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from digest.model import BibEntry, CitedIn, Paper
from digest.references.bibliography import Bibliography, build_bibliography, paper_reference
from digest.references.bibtex import entry_signature
from digest.references.keys import KeyRegistry
from digest.references.stored import ParsedList, reference_from_json, reference_to_json

LoadLists = Callable[[list[Paper]], dict[str, ParsedList]]


def list_digest(parsed: ParsedList) -> str:
    """What a parsed list contributes to the merge, as a hash."""
    text = json.dumps(parsed.to_json(), ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def merge_inputs(papers: list[Paper], registry: KeyRegistry, digests: dict[str, str]) -> str:
    """A hash of everything the merge reads: per paper, in order, its id, its own
    reference (entries are keyed from its authors, year and title) and its list's
    digest; and the registry's pinned keys."""
    own = [
        (
            paper.id,
            paper.metadata.title,
            entry_signature(paper.id, paper_reference(paper.metadata)),
            digests[paper.id],
        )
        for paper in papers
    ]
    pinned = sorted(registry.keys.items())
    text = json.dumps([own, pinned], ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class StoredLists(Mapping[str, ParsedList]):
    """Paper id -> parsed list, each loaded from the per-source cache when first read
    (a page that shows a paper's references; the citations of a changed paper)."""

    def __init__(self, papers: list[Paper], load: LoadLists) -> None:
        self._papers = {paper.id: paper for paper in papers}
        self._load = load
        self._loaded: dict[str, ParsedList] = {}

    def __getitem__(self, paper_id: str) -> ParsedList:
        if paper_id not in self._loaded:
            paper = self._papers[paper_id]  # KeyError for a paper not in the corpus
            self._loaded.update(self._load([paper]))
        return self._loaded[paper_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._papers)

    def __len__(self) -> int:
        return len(self._papers)


@dataclass
class Merged:
    """A merge's result, and what to store for the next build."""

    bibliography: Bibliography
    signed: dict[str, str]  # entry key -> ``entry_signature``
    lists: dict[str, str]  # source hash -> digest of the list parsed from it
    to_store: dict[str, Any] | None  # the merge, or None: the stored one is this very merge


def merged_bibliography(
    papers: list[Paper],
    registry: KeyRegistry,
    load: LoadLists,
    stored_lists: dict[str, Any],
    stored: dict[str, Any],
) -> Merged:
    """The bibliography of ``papers``: recalled from ``stored`` (what the last build
    stored) when its inputs are this build's, else merged again.

    ``load`` gives the parsed lists of some papers (from the per-source cache, parsing
    what is missing); ``stored_lists`` is the last build's source hash -> list digest.
    The two are kept in separate files: the digests change with every edited text,
    the merge only with an edited list."""
    known = stored_lists
    changed = [paper for paper in papers if not isinstance(known.get(paper.primary.sha256), str)]
    lists = load(changed)
    digests = {
        paper.id: (
            list_digest(lists[paper.id]) if paper.id in lists else known[paper.primary.sha256]
        )
        for paper in papers
    }
    lists_by_source = {paper.primary.sha256: digests[paper.id] for paper in papers}
    inputs = merge_inputs(papers, registry, digests)
    recalled = _recall(stored, papers, load) if stored.get("inputs") == inputs else None
    if recalled is not None:
        return Merged(*recalled, lists_by_source, None)
    lists.update(load([paper for paper in papers if paper.id not in lists]))
    bibliography = build_bibliography(papers, registry, lists)
    signed = {
        key: entry_signature(key, entry.reference) for key, entry in bibliography.entries.items()
    }
    # Stored under the registry as this merge leaves it (with the keys it pinned): the
    # next build reads the registry so, unless this build did not write it.
    inputs = merge_inputs(papers, registry, digests) if registry.added else inputs
    return Merged(bibliography, signed, lists_by_source, _to_store(inputs, bibliography, signed))


def _to_store(inputs: str, bibliography: Bibliography, signed: dict[str, str]) -> dict[str, Any]:
    entries = [
        [
            entry.key,
            entry.signature,
            entry.corpus_paper,
            reference_to_json(entry.reference),
            [[cited.paper_id, cited.item] for cited in entry.cited_in],
            signed[entry.key],
        ]
        for entry in bibliography.entries.values()
    ]
    return {
        "inputs": inputs,
        "entries": entries,
        "paper_keys": bibliography.paper_keys,
        "reference_keys": bibliography.reference_keys,
        "list_sizes": bibliography.list_sizes,
    }


def _recall(
    stored: dict[str, Any], papers: list[Paper], load: LoadLists
) -> tuple[Bibliography, dict[str, str]] | None:
    """The stored merge, or None if it is damaged (then the merge is done again)."""
    try:
        bibliography = Bibliography()
        signed: dict[str, str] = {}
        for key, sig, corpus_paper, record, cited_in, entry_sig in stored["entries"]:
            bibliography.entries[str(key)] = BibEntry(
                str(key),
                reference_from_json(record),
                str(sig),
                None if corpus_paper is None else str(corpus_paper),
                [CitedIn(str(paper_id), int(item)) for paper_id, item in cited_in],
            )
            signed[str(key)] = str(entry_sig)
        ids = [paper.id for paper in papers]
        bibliography.paper_keys = {pid: str(stored["paper_keys"][pid]) for pid in ids}
        bibliography.reference_keys = {
            pid: [str(key) for key in stored["reference_keys"][pid]] for pid in ids
        }
        bibliography.list_sizes = {
            pid: (int(stored["list_sizes"][pid][0]), int(stored["list_sizes"][pid][1]))
            for pid in ids
        }
        used = set(bibliography.paper_keys.values())
        used.update(key for keys in bibliography.reference_keys.values() for key in keys)
        if not used <= bibliography.entries.keys():
            return None
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    bibliography.paper_references = StoredLists(papers, load)
    return bibliography, signed
