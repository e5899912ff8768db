"""The merged bibliography kept between builds (digest.references.merge_memo): recalled
only when every input of the merge is as it was, and then equal to merging again."""

from __future__ import annotations

import json
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


def merge(papers: list[Paper], registry: KeyRegistry, stored: dict) -> tuple:
    loader = Loader()
    bibliography, signed, to_store = merged_bibliography(papers, registry, loader, stored)
    # What the memo file holds is JSON.
    to_store = json.loads(json.dumps(to_store)) if to_store is not None else None
    return bibliography, signed, to_store, loader.asked


def test_an_unchanged_corpus_is_recalled_without_reading_a_list(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER), paper("b", "1", SHARED, THIRD)]
    fresh, signed, stored, asked = merge(papers, KeyRegistry(tmp_path / "keys.tsv"), {})
    assert asked == ["a", "b"] and stored is not None
    registry = KeyRegistry(tmp_path / "keys.tsv", keys=dict(fresh_keys(fresh)))
    recalled, signed_again, nothing, asked = merge(papers, registry, stored)
    assert asked == [] and nothing is None
    assert signed_again == signed
    assert len(recalled.entries) == 5  # two papers, three works (one shared)
    assert shown(recalled) == shown(fresh)  # lists read when asked for: the same
    assert asked == ["a", "b"]


def fresh_keys(bibliography: Bibliography) -> dict[str, str]:
    return {entry.signature: entry.key for entry in bibliography.entries.values()}


def test_a_changed_text_with_the_same_list_is_recalled(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER), paper("b", "1", SHARED)]
    fresh, _, stored, _ = merge(papers, KeyRegistry(tmp_path / "k"), {})
    registry = KeyRegistry(tmp_path / "k", keys=fresh_keys(fresh))
    edited = [paper("a", "2", SHARED, OTHER), papers[1]]  # new text, same list
    recalled, _, renewed, asked = merge(edited, registry, stored)
    assert asked == ["a"]  # parsed to learn that the list is the same
    assert shown(recalled) == shown(fresh)
    assert renewed is not None and "a-2" in renewed["lists"] and "a-1" not in renewed["lists"]
    _, _, nothing, asked = merge(edited, registry, renewed)
    assert asked == [] and nothing is None


def test_a_changed_list_is_merged_again(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER), paper("b", "1", SHARED)]
    fresh, _, stored, _ = merge(papers, KeyRegistry(tmp_path / "k"), {})
    registry = KeyRegistry(tmp_path / "k", keys=fresh_keys(fresh))
    edited = [paper("a", "2", SHARED, THIRD), papers[1]]
    merged, _, _, asked = merge(edited, registry, stored)
    assert asked == ["a", "b"]  # a to compare, then the rest to merge
    titles = {entry.reference.title for entry in merged.entries.values()}
    assert "Party branches in villages" in titles and "Grid management in Zhoushan" not in titles


def test_a_changed_pin_or_title_is_merged_again(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER)]
    fresh, _, stored, _ = merge(papers, KeyRegistry(tmp_path / "k"), {})
    keys = fresh_keys(fresh)
    repinned = {sig: (key + "x" if key.startswith("wang") else key) for sig, key in keys.items()}
    merged, _, _, asked = merge(papers, KeyRegistry(tmp_path / "k", keys=repinned), stored)
    assert asked == ["a"] and any(key.endswith("researchx") for key in merged.entries)
    retitled = [paper("a", "1", SHARED, OTHER)]
    retitled[0].metadata.title = "Another Title"
    merged, _, _, asked = merge(retitled, KeyRegistry(tmp_path / "k", keys=keys), stored)
    assert asked == ["a"]
    assert merged.entries[merged.paper_keys["a"]].reference.title == "Another Title"


def test_a_damaged_memo_is_merged_again(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED, OTHER)]
    fresh, _, stored, _ = merge(papers, KeyRegistry(tmp_path / "k"), {})
    registry = KeyRegistry(tmp_path / "k", keys=fresh_keys(fresh))
    stored["entries"] = stored["entries"][:-1]  # an entry a list needs is gone
    merged, _, _, asked = merge(papers, registry, stored)
    assert asked == ["a"] and shown(merged) == shown(fresh)
    stored["entries"] = [["k", "s"]]  # not an entry's shape
    merged, _, _, asked = merge(papers, registry, stored)
    assert asked == ["a"] and shown(merged) == shown(fresh)


def test_a_merge_that_pins_keys_is_stored_under_the_registry_it_leaves(tmp_path: Path) -> None:
    papers = [paper("a", "1", SHARED)]
    registry = KeyRegistry(tmp_path / "k")
    fresh, _, stored, _ = merge(papers, registry, {})
    assert registry.added  # the first merge pins every key
    # The next build reads the registry as written: the merge is recalled.
    _, _, _, asked = merge(papers, KeyRegistry(tmp_path / "k", keys=fresh_keys(fresh)), stored)
    assert asked == []
    # Had the registry not been written, the keys would be assigned again.
    _, _, _, asked = merge(papers, KeyRegistry(tmp_path / "k"), stored)
    assert asked == ["a"]
