"""Merge every paper's reference list, and the papers themselves, into one bibliography.

The same work cited by several papers becomes one entry (same signature:
title, year, first author, ignoring punctuation, case and dashes) that records
every paper citing it. The richest of the merged strings supplies the fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from digest.model import BibEntry, CitedIn, Metadata, Paper, Reference
from digest.references.keys import KeyRegistry, base_key, signature
from digest.references.parse import parse_reference
from digest.references.stored import ParsedList


@dataclass
class Bibliography:
    entries: dict[str, BibEntry] = field(default_factory=dict)  # by key, sorted
    paper_keys: dict[str, str] = field(default_factory=dict)  # paper id -> its own key
    reference_keys: dict[str, list[str]] = field(default_factory=dict)  # paper id -> per item
    paper_references: Mapping[str, ParsedList] = field(default_factory=dict)  # as parsed
    # paper id -> (references in its list, of which kept verbatim and flagged)
    list_sizes: dict[str, tuple[int, int]] = field(default_factory=dict)

    def unparsed(self) -> list[BibEntry]:
        return [entry for entry in self.entries.values() if not entry.reference.parsed]


def paper_reference(metadata: Metadata) -> Reference:
    """A corpus paper as a citable work, saying what its text does not give.

    A paper that prints no title gets a supplied one in square brackets, the
    cataloguing convention for a title not found on the item: its working title,
    labelled as such ("[A description (working title)]"), so that its entry names
    something a reader can find instead of rendering as "(n.d.)".
    """
    missing = [name for name in ("title", "year", "venue") if name in metadata.not_in_text]
    note = "Not given in the text: " + ", ".join(missing) if missing else None
    return Reference(
        raw="",
        type="article" if metadata.venue else "misc",
        authors=list(metadata.authors),
        year=str(metadata.year) if metadata.year else None,
        title=metadata.title or f"[{metadata.display_title}]",
        container=metadata.venue,
        volume=metadata.volume,
        number=metadata.issue,
        pages=metadata.pages,
        doi=metadata.doi,
        url=metadata.url,
        note=note,
    )


def parse_references(paper: Paper) -> list[Reference]:
    """Every entry of a paper's reference list, parsed (or kept verbatim and flagged)."""
    return parse_reference_texts([raw.text for raw in paper.document.references])


def parse_reference_texts(texts: list[str]) -> list[Reference]:
    """Reference strings parsed in order (what a worker process is handed)."""
    return [parse_reference(text) for text in texts]


def build_bibliography(
    papers: list[Paper],
    registry: KeyRegistry,
    parsed_lists: dict[str, ParsedList] | None = None,
) -> Bibliography:
    """``parsed_lists`` (paper id -> its parsed references, from the per-source cache)
    saves parsing again; a paper missing from it is parsed here. A reference is read
    (decoded from the cache) only when it supplies its work's entry."""
    merged: dict[str, BibEntry] = {}
    own: dict[str, str] = {}  # paper id -> signature
    per_paper: dict[str, list[str]] = {}
    for paper in papers:
        ref = paper_reference(paper.metadata)
        sig = signature(ref) if paper.metadata.title else f"paper:{paper.id}"
        own[paper.id] = sig
        merged[sig] = BibEntry("", ref, sig, corpus_paper=paper.id)
    parsed: dict[str, ParsedList] = {}
    richest: dict[str, tuple[int, str]] = {}  # the richness of each entry's reference
    for paper in papers:
        known = (parsed_lists or {}).get(paper.id)
        refs = parsed[paper.id] = (
            known if known is not None else ParsedList.of(parse_references(paper))
        )
        for index, sig in enumerate(refs.signatures):
            entry = merged.get(sig)
            if entry is None:
                entry = merged[sig] = BibEntry("", refs[index], sig)
                richest[sig] = refs.rank(index)
            elif entry.corpus_paper is None:
                offered = refs.rank(index)
                if offered > richest[sig]:
                    entry.reference, richest[sig] = refs[index], offered
            entry.cited_in.append(CitedIn(paper.id, index + 1))
        per_paper[paper.id] = refs.signatures

    metadata = {paper.id: paper.metadata for paper in papers}
    wanted = [(sig, _base_key(entry, metadata)) for sig, entry in merged.items()]
    keys = registry.assign([(sig, base or "anon") for sig, base in wanted])
    for sig, entry in merged.items():
        entry.key = keys[sig]
    bibliography = Bibliography()
    for entry in sorted(merged.values(), key=lambda e: e.key):
        bibliography.entries[entry.key] = entry
    bibliography.paper_keys = {paper_id: keys[sig] for paper_id, sig in own.items()}
    bibliography.reference_keys = {pid: [keys[s] for s in sigs] for pid, sigs in per_paper.items()}
    bibliography.paper_references = parsed
    bibliography.list_sizes = {pid: (len(refs), refs.unparsed) for pid, refs in parsed.items()}
    return bibliography


def _base_key(entry: BibEntry, metadata: dict[str, Metadata]) -> str:
    """The key a work would like. A corpus paper's supplied title plays no part in it; a
    corpus paper with no author and no title is keyed by its page id instead."""
    if entry.corpus_paper is None:
        return base_key(entry.reference)
    paper = metadata[entry.corpus_paper]
    if not paper.authors and not paper.title:
        return entry.corpus_paper
    return base_key(replace(entry.reference, title=paper.title))
