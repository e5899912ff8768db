"""Train the theme word model (digest/data/theme_words.json) from the dev gold only.

Usage: ``python scripts/train_theme_words.py [--check]``

Reads the dev part of the item corpus (tests/gold/itemcorpus/split.yml) as Markdown
and the seeds' gold items (tests/gold/items with their sources), never the test part.
Prints how theme coding does on each dev paper with a model trained without that
paper (leave one paper out), with and without the model; then writes the model
trained on all of them, unless ``--check`` (which writes nothing). The file is
written only when its bytes change, through a temporary file and a rename.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from evaluate_items import GOLD_DIR, SOURCES_DIR, find_sources, richest

from digest.compare.theme_words import WORD_MODEL, dump
from digest.compare.themes import load_codebook
from digest.evaluation.theme_training import Example, dev_examples, leave_one_paper_out, train
from digest.outputs import write_atomic

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "gold" / "itemcorpus"


def dev_papers() -> dict[str, list[Example]]:
    """Paper -> its examples: the dev part of the item corpus and the seeds."""
    seeds = {paper: richest(paths) for paper, paths in find_sources(SOURCES_DIR).items()}
    return dev_examples(CORPUS, GOLD_DIR, seeds)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score only; write nothing")
    args = parser.parse_args(argv)
    codebook, problems = load_codebook()
    if problems:
        print("; ".join(str(p) for p in problems), file=sys.stderr)
        return 2
    papers = dev_papers()
    alone, with_model = leave_one_paper_out(papers, codebook)
    count = sum(len(found) for found in papers.values())
    print(
        f"dev: {len(papers)} papers, {count} matched items; "
        "theme coding F1 with each paper left out"
    )
    for name, counts in (("terms alone", alone), ("terms + word model", with_model)):
        print(
            f"  {name:20} P {counts.precision:.4f}  R {counts.recall:.4f}  F1 {counts.f1:.4f}"
            f"  (tp {counts.tp}, fp {counts.fp}, fn {counts.fn})"
        )
    if args.check:
        return 0
    write_model(WORD_MODEL, dump(train([e for found in papers.values() for e in found], codebook)))
    return 0


def write_model(path: Path, text: str) -> None:
    """Write a trained model's text, atomically, only when its bytes change."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        print(f"{path.relative_to(REPO)}: unchanged")
        return
    write_atomic(path, text.encode("utf-8"), durable=True)
    print(f"{path.relative_to(REPO)}: written")


if __name__ == "__main__":
    sys.exit(main())
