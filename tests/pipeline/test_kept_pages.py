"""Pages kept from the last build (digest.manifest.PageMemo) are exactly the pages a
build from nothing writes: after each kind of change, the docs tree a build keeps
most of equals, byte for byte, the tree of a build into a new folder with caches of
its own (so that what the caches and memos keep, the merged bibliography among them,
is checked too). The builds write the root files, so that the key registry settles
and the memo of the merged bibliography is used as it is in a maintainer's tree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from devcorpus_import import devcorpus_module

from digest.build import build
from digest.manifest import output_state

ROOT = Path(__file__).resolve().parents[2]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus and 36 synthetic papers that share works, cite each other and
    fill several pages of every list; built once (the first build keeps nothing)."""
    root = tmp_path_factory.mktemp("kept")
    shutil.copytree(ROOT / "sources", root / "sources")
    shutil.copytree(ROOT / "docs", root / "docs")
    devcorpus_module("scale").write_scale_corpus(root / "scale", 36, seed=3)
    for path in (root / "scale").iterdir():
        shutil.copy(path, root / "sources" / path.name)
    report = build(root, root / "build" / "docs")
    assert report.errors == [] and report.paper_count == 40
    # The merge was kept under the registry with the keys this build pinned.
    again = build(root, root / "build" / "docs", reuse=False)
    assert again.reference_lists_parsed == again.reference_cache_hits == 0
    return root


def rebuild_and_compare(root: Path, fresh_name: str) -> tuple[int, int]:
    """Build into the kept folder and into a new one; the trees must be the same.
    Returns (pages kept, pages in the tree)."""
    out = root / "build" / "docs"
    kept = build(root, out, reuse=False)
    assert kept.errors == []
    fresh = build(
        root,
        root / "build" / fresh_name,
        cache_dir=root / "build" / f"{fresh_name}-cache",
        write_root_files=False,
    )
    assert fresh.errors == [] and fresh.paper_count == kept.paper_count
    assert tree(out) == tree(root / "build" / fresh_name)
    # The record of the folder (put together from what the build kept and wrote, not
    # read) is the folder as it is: the next build with nothing changed does nothing.
    (record,) = (root / "build" / "cache").glob("build-manifest-*.json")
    assert json.loads(record.read_text(encoding="utf-8"))["outputs"] == output_state(out)
    return kept.kept_pages, len(tree(out))


def synthetic(root: Path) -> list[Path]:
    return sorted((root / "sources").glob("*_scale.txt"))


def test_nothing_changed_keeps_every_generated_page(corpus: Path) -> None:
    kept, total = rebuild_and_compare(corpus, "fresh-0")
    # Every page of papers, entries and comparisons (the corpus-wide summaries, the
    # verbatim sources and the .bib files are written anew, and left as they are).
    assert kept > total * 0.6


def recorded_groups(root: Path) -> dict[str, list]:
    """The page groups the last build into build/docs recorded, by name."""
    (record,) = (root / "build" / "cache").glob("build-manifest-*.json")
    return json.loads(record.read_text(encoding="utf-8"))["pages"]["groups"]


def test_a_changed_sentence(corpus: Path) -> None:
    source = synthetic(corpus)[4]
    text = source.read_text(encoding="utf-8")
    words = text.split(" ")
    middle = len(words) // 2
    before = recorded_groups(corpus)
    source.write_text(" ".join([*words[:middle], "newly", *words[middle:]]), encoding="utf-8")
    kept, total = rebuild_and_compare(corpus, "fresh-1")
    assert 0 < kept < total
    # A word added moves no citation: the pages of the works the paper cites are kept.
    after = recorded_groups(corpus)
    entries = [name for name in before if name.startswith("entries ")]
    assert len(entries) > 50
    assert [after[name] for name in entries] == [before[name] for name in entries]
    assert after[f"paper {corpus_id(source)}"] != before[f"paper {corpus_id(source)}"]


def corpus_id(source: Path) -> str:
    return yaml.safe_load(source.with_suffix(".yml").read_text(encoding="utf-8"))["id"]


def test_a_changed_reference(corpus: Path) -> None:
    # One string of a reference list changes: the merged bibliography is made again.
    source = synthetic(corpus)[5]
    text = source.read_text(encoding="utf-8")
    head, _, references = text.rpartition("References")
    assert head and references.count("20") > 2
    year = next(y for y in ("2019", "2018", "2020", "2017", "2016") if y in references)
    source.write_text(head + "References" + references.replace(year, "1999", 1), "utf-8")
    kept, total = rebuild_and_compare(corpus, "fresh-6")
    assert 0 < kept < total
    assert "1999" in (corpus / "references.bib").read_text(encoding="utf-8")


def test_a_changed_title_reaches_the_pages_of_other_papers(corpus: Path) -> None:
    # The title shows on the pages of coupled papers, the bibliography's cited-by
    # lists and the comparison tables: all must be rendered again.
    sidecar = synthetic(corpus)[7].with_suffix(".yml")
    meta = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    meta["title"] = "A Title Nobody Has Seen Before"
    sidecar.write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    rebuild_and_compare(corpus, "fresh-2")
    papers = corpus / "build" / "docs" / "papers"
    mentions = [
        p for p in papers.glob("*.md") if "A Title Nobody Has Seen Before" in p.read_text("utf-8")
    ]
    assert len(mentions) > 1


def test_a_removed_and_an_added_paper(corpus: Path) -> None:
    gone = synthetic(corpus)[0]
    moved = corpus / "held"
    moved.mkdir()
    for path in (gone, gone.with_suffix(".yml")):
        shutil.move(path, moved / path.name)
    rebuild_and_compare(corpus, "fresh-3")
    for path in moved.iterdir():
        shutil.move(path, corpus / "sources" / path.name)
    rebuild_and_compare(corpus, "fresh-4")


def test_a_page_edited_in_the_output_is_written_again(corpus: Path) -> None:
    page = next((corpus / "build" / "docs" / "papers").glob("*.md"))
    original = page.read_bytes()
    page.write_bytes(original + b"\nedited by hand\n")
    rebuild_and_compare(corpus, "fresh-5")
    assert page.read_bytes() == original
