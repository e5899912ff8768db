"""The examples the theme word model learns from, and how well it does on papers it
did not learn from.

An example is an extracted item matched to a hand-written gold item (the scorer's
matching), with the gold's themes: the words a paper really puts under a theme, not
a label alone. Only the dev part of the item corpus and the seeds' gold are read;
the test part is never (``dev_examples`` takes no split argument for that reason).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from digest.clean import clean_text
from digest.compare.extract import KindReader, extract_items
from digest.compare.theme_words import WordModel, fit
from digest.compare.themes import Codebook, code_items
from digest.evaluation.item_scores import load_gold_dir, load_gold_file, match_items
from digest.evaluation.reference_scores import FieldCounts
from digest.model import Document, Item


@dataclass
class Example:
    paper: str
    item: Item
    gold_themes: list[str]


def examples_of(
    paper: str,
    document: Document,
    gold: list[dict[str, Any]],
    unread: KindReader | None = None,
) -> list[Example]:
    """The paper's extracted items that match a gold item, with the gold's themes
    (``unread``: given the items of the sections nothing tells the kind of, as
    extract_items gives them)."""
    # (without the kind model, which learns from these examples too: a model must not
    # shape the examples it is trained on)
    items = extract_items(document, kind_model=False, unread=unread)
    predicted = [
        {"paper": paper, "kind": item.kind, "label": item.label, "section": item.section}
        for item in items
    ]
    matches, _, _ = match_items(gold, predicted)
    by_identity = {id(entry): item for entry, item in zip(predicted, items, strict=True)}
    return [
        Example(paper, by_identity[id(match.predicted)], list(match.gold.get("themes") or []))
        for match in matches
    ]


def dev_sources(
    corpus: Path, gold_dir: Path, seed_sources: dict[str, Path]
) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    """Paper -> (its text, its gold items), for the dev papers of ``corpus`` (as
    Markdown) and the seeds (``seed_sources``: paper id -> its text) with gold in
    ``gold_dir``."""
    split = yaml.safe_load((corpus / "split.yml").read_text(encoding="utf-8"))
    papers: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for paper in split["dev"]:
        folder = corpus / str(paper)
        text = (folder / "paper.md").read_text(encoding="utf-8")
        papers[str(paper)] = (text, load_gold_file(folder / "items.yml"))
    gold = load_gold_dir(gold_dir)
    for paper, source in sorted(seed_sources.items()):
        entries = [entry for entry in gold if entry["paper"] == paper]
        if entries:
            papers[paper] = (source.read_text(encoding="utf-8"), entries)
    return papers


def dev_examples(
    corpus: Path, gold_dir: Path, seed_sources: dict[str, Path]
) -> dict[str, list[Example]]:
    """Paper -> examples, for the papers of ``dev_sources``."""
    return {
        paper: examples_of(paper, clean_text(text), gold)
        for paper, (text, gold) in dev_sources(corpus, gold_dir, seed_sources).items()
    }


def descriptions(codebook: Codebook) -> dict[str, str]:
    """Each theme's own words: its label, description and terms."""
    return {
        theme.id: " ".join([theme.label, theme.description, *(t.rstrip("*") for t in theme.terms)])
        for theme in codebook.themes
    }


def train(examples: Iterable[Example], codebook: Codebook) -> WordModel:
    return fit(
        ((e.item.label, e.item.passage, e.gold_themes) for e in examples), descriptions(codebook)
    )


def coded_counts(
    examples: Iterable[Example], codebook: Codebook, model: WordModel | None
) -> FieldCounts:
    """(item, theme) pairs of the coder with ``model`` against the gold, micro-counted."""
    counts = FieldCounts()
    for example in examples:
        item = replace(example.item, themes=[])
        code_items([item], codebook, word_model=model if model is not None else False)
        counts.add(FieldCounts.of_sets(example.gold_themes, item.themes))
    return counts


def leave_one_paper_out(
    papers: dict[str, list[Example]],
    codebook: Codebook,
    trainer: Callable[[Iterable[Example], Codebook], WordModel] = train,
) -> tuple[FieldCounts, FieldCounts]:
    """(the terms alone, the terms and a model trained without the paper), summed over
    the papers: how the model does on a paper it has not seen."""
    alone, with_model = FieldCounts(), FieldCounts()
    for held_out, examples in papers.items():
        others = [e for paper, found in papers.items() if paper != held_out for e in found]
        model = trainer(others, codebook)
        alone.add(coded_counts(examples, codebook, None))
        with_model.add(coded_counts(examples, codebook, model))
    return alone, with_model
