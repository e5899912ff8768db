"""The development corpus for cleaning (tests/gold/devcorpus, issue 9) is well formed.

No TeX is needed: the PDFs and their extracted texts are committed. What is checked is the shape
of the corpus (sizes, split, seeds) and that the generator still composes exactly
the committed gold bodies and sources from their seeds. The cleaner's scores on the
corpus are reported by ``scripts/evaluate_cleaning.py --corpus``, not asserted here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from devcorpus_import import devcorpus_module

from digest.evaluation.cleaning_scores import normalise, parse_blocks

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "gold" / "devcorpus"
EXTRACTORS = {"pdftotext", "pdftotext-layout", "pdftotext-raw", "pypdfium2", "pdfminer"}


def documents() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_dir())


def meta(folder: Path) -> dict:
    return yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))


def split() -> dict[str, list[str]]:
    return yaml.safe_load((CORPUS / "split.yml").read_text(encoding="utf-8"))


def test_size_layouts_and_extractors() -> None:
    docs = documents()
    assert len(docs) >= 40
    layouts = Counter(meta(d)["layout"] for d in docs)
    assert len(layouts) >= 12
    for folder in docs:
        texts = {p.stem for p in folder.glob("*.txt") if p.stat().st_size > 0}
        assert len(texts & EXTRACTORS) >= 3, folder.name
        assert set(meta(folder)["extractors"]) <= texts, folder.name
        assert (folder / "document.pdf").read_bytes().startswith(b"%PDF-"), folder.name
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert total < 20_000_000  # texts about 7 MB, the PDFs as many
    versions = (CORPUS / "VERSIONS.txt").read_text(encoding="utf-8")
    for tool in ("pdflatex", "xelatex", "pandoc", "pdftotext", "pypdfium2", "pdfminer.six"):
        assert f"\n{tool}: " in versions


def test_split_covers_every_document_exactly_once() -> None:
    parts = split()
    assert set(parts) == {"dev", "test"}
    listed = parts["dev"] + parts["test"]
    assert Counter(listed).most_common(1)[0][1] == 1
    assert sorted(listed) == [d.name for d in documents()]
    for part, ids in parts.items():
        for doc_id in ids:
            assert meta(CORPUS / doc_id)["split"] == part
    # Roughly 60/40, and every layout in both parts.
    assert 0.5 <= len(parts["dev"]) / len(listed) <= 0.7
    layouts = {part: {meta(CORPUS / d)["layout"] for d in ids} for part, ids in parts.items()}
    assert layouts["dev"] == layouts["test"]


def test_bodies_seeds_and_gold() -> None:
    docs = documents()
    sources = [meta(d)["body_source"] for d in docs]
    assert sum(s.startswith("seed:") for s in sources) <= len(docs) / 5
    assert set(sources) <= {"composed"} | {s for s in sources if s.startswith("seed:")}
    bodies: dict[str, set[str]] = {"dev": set(), "test": set()}
    for folder in docs:
        info = meta(folder)
        gold = (folder / "gold.md").read_text(encoding="utf-8")
        assert gold.strip(), folder.name
        blocks = parse_blocks(gold)
        assert blocks[0].kind == "heading", folder.name  # the body starts at a heading
        headings = [(b.level - 1, b.text) for b in blocks if b.kind == "heading"]
        expected = [(h["level"], normalise(h["text"])) for h in info["headings"]]
        assert headings == expected, folder.name
        assert info["title"] not in {text for _, text in headings}
        notes = info["footnotes"]
        for number in range(1, len(notes) + 1):
            assert f"[^{number}]: " in gold and gold.count(f"[^{number}]") == 2
        bodies[info["split"]].add(info["body_source"] + ":" + gold[200:400])
    # Test documents never reuse a dev body (seed bodies are dev only).
    assert not bodies["dev"] & bodies["test"]
    assert all(not s.startswith("seed:") for s in bodies["test"])


@pytest.fixture(scope="module")
def generator():
    return devcorpus_module("generate")


def test_generator_reproduces_gold_and_sources(generator) -> None:
    """Same seed, same gold and same LaTeX/pandoc source (PDF bytes may differ)."""
    assert generator.check(CORPUS) == 0
    assert sorted(e.id for e in generator.plan()) == [d.name for d in documents()]


def test_unseen_documents_share_no_seed_with_the_corpus(generator, tmp_path: Path) -> None:
    """``--unseen`` renders documents no rule was written from: new seeds, all scored."""
    unseen = generator.unseen_plan(2, generator.UNSEEN_SEED)
    corpus_seeds = {entry.seed for entry in generator.plan()}
    assert not {entry.seed for entry in unseen} & corpus_seeds
    assert len({entry.id for entry in unseen}) == len(unseen) == 2 * len(generator.LAYOUTS)
    assert {entry.split for entry in unseen} == {"test"}
    generator.write_split(tmp_path, unseen)
    parts = yaml.safe_load((tmp_path / "split.yml").read_text(encoding="utf-8"))
    assert parts["dev"] == [] and parts["test"] == [entry.id for entry in unseen]
    with pytest.raises(SystemExit):  # never over the committed corpus
        generator.main(["--unseen", "1", "--out", str(CORPUS)])
