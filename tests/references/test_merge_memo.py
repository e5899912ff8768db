"""The merged bibliography kept between builds (digest.references.merge_memo): recalled
only when every input of the merge is as it was, and then equal to merging again."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from digest.model import Document, Metadata, Paper, Person, RawReference, Source
from digest.references.bibliography import Bibliography, parse_references
from digest.references.keys import KeyRegistry
from digest.references.merge_memo import merged_bibliography
from digest.references.stored import ParsedList

SHARED = "Wang J.N. (2016). Research on rural governance. *Administration and Law*, 36(9), 37-46."
OTHER = "Li, Q. (2019). Grid management in Zhoushan. *Journal of Public Management*, 16(2), 1-12."
THIRD = "Chen, X. (2018). Party branches in villages. *Rural Economy*, 2018(4), 20-25."


def paper(pid: str, version: str, *raw: str) -> Paper:
    metadata = Metadata(id=pid, title=f"Paper {pid}", authors=[Person("Zhao", "Y.")], year=2021)
    source = Source(Path(f"{pid}.txt"), Path(f"{pid}.yml"), "", f"{pid}-{version}", metadata)
    document = Document(references=[RawReference(text) for text in raw])
    return Paper(pid, metadata, document, [source])


class Loader:
    """Parses the lists asked for and notes which papers they were."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, papers: list[Paper]) -> dict[str, ParsedList]:
        self.asked.extend(paper.id for paper in papers)
        return {paper.id: ParsedList.of(parse_references(paper)) for paper in papers}


def shown(bibliography: Bibliography) -> object:
    """What pages and .bib files are made from."""
    return (
        [
            (e.key, e.signature, e.corpus_paper, e.reference, e.cited_in)
            for e in bibliography.entries.values()
        ],
        bibliography.paper_keys,
        bibliography.reference_keys,
        bibliography.list_sizes,
        {pid: list(refs) for pid, refs in bibliography.paper_references.items()},
    )


@dataclass
class Run:
    bibliography: Bibliography
    signed: dict[str, str]
    stored: tuple[dict, dict]  # what the next build reads: list digests, the merge
    asked: list[str]  # the papers whose lists were read
    recalled: bool  # the stored merge was used


def merge(papers: list[Paper], registry: KeyRegistry, stored: tuple[dict, dict] | None) -> Run:
    loader = Loader()
    lists, memo = stored or ({}, {})
    merged = merged_bibliography(papers, registry, loader, lists, memo)
    # What the memo files hold is JSON; a recalled merge leaves its file as it was.
    kept = json.loads(json.dumps([merged.lists, merged.to_store or memo]))
    return Run(
        merged.bibliography,
        merged.signed,
        (kept[0], kept[1]),
        loader.asked,
        merged.to_store is None,
    )


def fresh_keys(bibliography: Bibliography) -> dict[str, str]:
    return {entry.signature: entry.key for entry in bibliography.entries.values()}


def first_and_settled(tmp_path: Path, papers: list[Paper]) -> tuple[Run, KeyRegistry]:
    """A first merge, and the registry as the build that made it wrote it."""
    first = merge(papers, KeyRegistry(tmp_path / "keys.tsv"), None)
    assert not first.recalled and first.asked == [paper.id for paper in papers]
    return first, KeyRegistry(tmp_path / "keys.tsv", keys=fresh_keys(first.bibliography))


def test_an_unchanged_corpus_is_recalled_without_reading_a_list(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER), paper("b", "1", SHARED, THIRD)]
    first, registry = first_and_settled(tmp_path, papers)
    again = merge(papers, registry, first.stored)
    assert again.recalled and again.asked == []
    assert again.signed == first.signed
    assert len(again.bibliography.entries) == 5  # two papers, three works (one shared)
    assert shown(again.bibliography) == shown(first.bibliography)
    assert again.asked == ["a", "b"]  # the lists, read when asked for: the same


def test_a_changed_text_with_the_same_list_is_recalled(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER), paper("b", "1", SHARED)]
    first, registry = first_and_settled(tmp_path, papers)
    edited = [paper("a", "2", SHARED, OTHER), papers[1]]  # new text, same list
    again = merge(edited, registry, first.stored)
    assert again.recalled and again.asked == ["a"]  # parsed to learn the list is the same
    assert shown(again.bibliography) == shown(first.bibliography)
    assert "a-2" in again.stored[0] and "a-1" not in again.stored[0]
    third = merge(edited, registry, again.stored)
    assert third.recalled and third.asked == []


def test_a_changed_list_is_merged_again(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER), paper("b", "1", SHARED)]
    first, registry = first_and_settled(tmp_path, papers)
    edited = [paper("a", "2", SHARED, THIRD), papers[1]]
    again = merge(edited, registry, first.stored)
    assert not again.recalled and again.asked == ["a", "b"]  # a to compare, b to merge
    titles = {entry.reference.title for entry in again.bibliography.entries.values()}
    assert "Party branches in villages" in titles and "Grid management in Zhoushan" not in titles


def test_a_changed_pin_or_title_is_merged_again(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER)]
    first, registry = first_and_settled(tmp_path, papers)
    keys = registry.keys
    repinned = {sig: (key + "x" if key.startswith("wang") else key) for sig, key in keys.items()}
    again = merge(papers, KeyRegistry(tmp_path / "k", keys=repinned), first.stored)
    assert not again.recalled
    assert any(key.endswith("researchx") for key in again.bibliography.entries)
    retitled = [paper("a", "1", SHARED, OTHER)]
    retitled[0].metadata.title = "Another Title"
    again = merge(retitled, KeyRegistry(tmp_path / "k", keys=dict(keys)), first.stored)
    assert not again.recalled
    own = again.bibliography.entries[again.bibliography.paper_keys["a"]]
    assert own.reference.title == "Another Title"


def test_a_damaged_memo_is_merged_again(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER)]
    first, registry = first_and_settled(tmp_path, papers)
    lists, memo = first.stored
    for damaged in (
        {**memo, "entries": memo["entries"][:-1]},  # an entry a list needs is gone
        {**memo, "entries": [["k", "s"]]},  # not an entry's shape
        {**memo, "paper_keys": {}},
    ):
        again = merge(papers, registry, (lists, damaged))
        assert not again.recalled and again.asked == ["a"]
        assert shown(again.bibliography) == shown(first.bibliography)
    damaged_lists = {sha: 3 for sha in lists}  # not digests: the lists are read again
    again = merge(papers, registry, (damaged_lists, memo))
    assert again.recalled and again.asked == ["a"]


def test_a_merge_that_pins_keys_is_stored_under_the_registry_it_leaves(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED)]
    registry = KeyRegistry(tmp_path / "k")
    first = merge(papers, registry, None)
    assert registry.added  # the first merge pins every key
    # The next build reads the registry as written: the merge is recalled.
    written = KeyRegistry(tmp_path / "k", keys=fresh_keys(first.bibliography))
    assert merge(papers, written, first.stored).recalled
    # Had the registry not been written, the keys are assigned again.
    assert not merge(papers, KeyRegistry(tmp_path / "k"), first.stored).recalled
