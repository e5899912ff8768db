"""Citations read back from the per-source cache (CorpusCitations) are the citations
collected from the text: the same links, anchors, passages, unresolved citations and
item marks, and the counts the health pages read without decoding them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from devcorpus_import import devcorpus_module

from digest.build import build
from digest.site.citation_links import CorpusCitations, collect_citations, stored_citations

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    """The real corpus and synthetic papers that cite each other, built twice: the
    second build reads every paper's citations from the cache."""
    root = tmp_path_factory.mktemp("stored")
    shutil.copytree(ROOT / "sources", root / "sources")
    devcorpus_module("scale").write_scale_corpus(root / "scale", 12, seed=5)
    for path in (root / "scale").iterdir():
        shutil.copy(path, root / "sources" / path.name)
    first = build(root, root / "build" / "docs", write_root_files=False)
    assert first.errors == []
    second = build(root, root / "build" / "other", write_root_files=False)
    assert second.errors == [] and isinstance(second.citations, CorpusCitations)
    return second


def test_citations_from_the_cache_equal_citations_from_the_text(report) -> None:
    bibliography = report.bibliography
    compared = 0
    for paper in report.papers:
        expected = collect_citations(
            paper,
            bibliography.paper_references[paper.id],
            bibliography.reference_keys[paper.id],
        )
        for item in report.items[paper.id]:
            if item.source not in ("heading", "section"):
                expected.mark(item.block, item.offset, item.anchor)
        stored = report.citations[paper.id]
        assert stored.by_block == expected.by_block
        assert stored.anchors == expected.anchors
        assert stored.passages == expected.passages
        assert stored.unresolved == expected.unresolved
        assert stored.marks == expected.marks
        assert stored.total == report.citations.total(paper.id) == expected.total
        assert report.citations.unresolved(paper.id) == expected.unresolved
        compared += expected.total
    assert compared > 100  # the corpus cites: the comparison is not vacuous


def test_passages_of_a_work_are_read_without_decoding_the_citing_papers(report) -> None:
    citations: CorpusCitations = report.citations
    fresh = CorpusCitations(
        {paper.id: paper for paper in report.papers}, citations._stored, citations._marks
    )
    shared = [
        entry
        for entry in report.bibliography.entries.values()
        if len({cited.paper_id for cited in entry.cited_in}) > 1
    ]
    assert shared
    for entry in shared:
        papers = sorted({cited.paper_id for cited in entry.cited_in})
        expected = [
            passage for paper in papers for passage in citations[paper].passages.get(entry.key, [])
        ]
        assert fresh.passages(entry.key, papers) == expected
    assert all(paper.id in fresh for paper in report.papers)
    assert [fresh.total(paper.id) for paper in report.papers]
    assert fresh._read == {}  # nothing was decoded to answer


def test_a_damaged_stored_entry_is_collected_again_not_trusted(report) -> None:
    citations: CorpusCitations = report.citations
    cited = next(paper for paper in report.papers if citations.total(paper.id) > 1)
    expected = citations[cited.id]
    damaged = {paper_id: dict(entry) for paper_id, entry in citations._stored.items()}
    damaged[cited.id]["total"] += 1  # does not add up with what was found
    bibliography = report.bibliography

    def recompute(paper_id: str) -> dict:
        paper = next(paper for paper in report.papers if paper.id == paper_id)
        return stored_citations(
            collect_citations(
                paper,
                bibliography.paper_references[paper_id],
                bibliography.reference_keys[paper_id],
            )
        )

    papers = {paper.id: paper for paper in report.papers}
    with pytest.raises(ValueError):
        CorpusCitations(papers, dict(damaged), citations._marks)[cited.id]
    again = CorpusCitations(papers, damaged, citations._marks, recompute)[cited.id]
    assert again.anchors == expected.anchors and again.passages == expected.passages


def test_damaged_stored_passages_are_collected_again_not_trusted(report) -> None:
    """The passages are stored as JSON text and decoded only when a page asks for them:
    text that does not decode to passages is collected again too."""
    citations: CorpusCitations = report.citations
    entry = next(
        entry
        for entry in report.bibliography.entries.values()
        if len({cited.paper_id for cited in entry.cited_in}) > 1
    )
    papers = sorted({cited.paper_id for cited in entry.cited_in})
    expected = citations.passages(entry.key, papers)
    assert expected
    for bad in ("[", "[1, 2]", None):
        damaged = {paper_id: dict(stored) for paper_id, stored in citations._stored.items()}
        damaged[papers[0]]["passages"] = bad
        good = dict(citations._stored)
        by_id = {paper.id: paper for paper in report.papers}
        with pytest.raises((ValueError, TypeError)):
            CorpusCitations(by_id, dict(damaged), citations._marks).passages(entry.key, papers)
        again = CorpusCitations(by_id, damaged, citations._marks, good.__getitem__)
        assert again.passages(entry.key, papers) == expected
