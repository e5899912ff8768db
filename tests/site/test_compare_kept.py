"""Which comparison pages a build may keep: the pages that sum up the whole corpus
(gap map, CSV files, the Compare index) are signed by what they show of each paper,
so an edit to a paper's text that leaves its items as they were keeps them, and an
edit to an item's label or themes renders them again."""

from __future__ import annotations

from pathlib import Path

from digest.compare.themes import load_codebook
from digest.model import Document, Item, Metadata, Paper, Person, Source
from digest.site.compare_pages import PaperItems, render_compare_pages
from digest.site.pages import Page, environment

WHOLE_CORPUS = ("compare/gaps.md", "compare/gaps.csv", "compare/problems.csv", "compare/index.md")


def paper(pid: str) -> Paper:
    metadata = Metadata(id=pid, title=f"Paper {pid}", authors=[Person("Zhao", "Y.")], year=2021)
    source = Source(Path(f"{pid}.txt"), Path(f"{pid}.yml"), "", pid, metadata)
    return Paper(pid, metadata, Document(), [source])


def items(label: str, themes: list[str]) -> list[Item]:
    return [
        Item("problem", label, "A passage.", "3", "runin", "s3-1", 0, themes=themes),
        Item("path", "Build grids", "Another.", "4", "runin", "s4-1", 1, themes=["grid"]),
    ]


def signatures(papers: list[PaperItems], states: dict[str, str]) -> dict[str, str]:
    signed: dict[str, str] = {}

    def keep(name: str, signature: str, render) -> list[Page]:
        signed[name] = signature
        return render()

    codebook, _ = load_codebook()
    render_compare_pages(environment(), codebook, papers, keep, states)
    return signed


def test_the_whole_corpus_pages_follow_the_items_not_the_texts() -> None:
    a, b = paper("a"), paper("b")
    problem = load_codebook()[0].group("problems")[0].id
    before = signatures(
        [PaperItems(a, items("Weak cadres", [problem])), PaperItems(b, items("Few funds", []))],
        {"a": "text-1", "b": "text-1"},
    )
    assert set(WHOLE_CORPUS) <= set(before)
    edited_text = signatures(
        [PaperItems(a, items("Weak cadres", [problem])), PaperItems(b, items("Few funds", []))],
        {"a": "text-2", "b": "text-1"},
    )
    assert all(edited_text[name] == before[name] for name in WHOLE_CORPUS)
    # The pages of one paper's column and the unthemed list follow the paper's text.
    assert edited_text["compare/problems.md"] != before["compare/problems.md"]
    for changed in (
        [PaperItems(a, items("Weak cadres now", [problem])), PaperItems(b, items("Few funds", []))],
        [PaperItems(a, items("Weak cadres", [])), PaperItems(b, items("Few funds", []))],
    ):
        after = signatures(changed, {"a": "text-2", "b": "text-1"})
        assert all(after[name] != before[name] for name in WHOLE_CORPUS)
