"""Train the kind word model (digest/data/kind_words.json) from the dev gold only.

Usage: ``python scripts/train_kind_words.py [--check]``

Reads the papers the theme word model learns from (train_theme_words.py: the dev part
of the item corpus as Markdown and the seeds, never the test part), and their sections
(digest.evaluation.kind_training). Prints how the model reads the kind of each dev
paper's sections with a model trained without that paper, and which sections that put
nothing forward it gives a kind; then writes the model trained on all of them, unless
``--check``. The file is
written only when its bytes change, through a temporary file and a rename.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from evaluate_items import GOLD_DIR, SOURCES_DIR, find_sources, richest
from train_theme_words import CORPUS, write_model

from digest.compare.kind_words import KIND_MODEL
from digest.compare.theme_words import dump
from digest.evaluation.kind_training import (
    SectionExample,
    leave_one_paper_out,
    sections_of,
    train_kinds,
)
from digest.evaluation.theme_training import dev_sources


def dev_sections() -> dict[str, list[SectionExample]]:
    """Paper -> its sections, for the dev part of the item corpus and the seeds."""
    seeds = {paper: richest(paths) for paper, paths in find_sources(SOURCES_DIR).items()}
    sources = dev_sources(CORPUS, GOLD_DIR, seeds)
    return {paper: sections_of(paper, text, gold) for paper, (text, gold) in sources.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score only; write nothing")
    args = parser.parse_args(argv)
    papers = dev_sections()
    readings = leave_one_paper_out(papers)
    print(
        f"dev: {len(papers)} papers; sections of two items or more read by their words, "
        f"each paper left out: {readings.right} right, {readings.wrong} wrong, "
        f"{readings.unread} left unread; of the sections that put nothing forward, "
        f"{readings.nothing_kept} kept so, {len(readings.nothing_read)} given a kind "
        f"(precision of the kinds read {readings.precision:.3f})"
    )
    for section in readings.nothing_read:
        print(f"  nothing, read as a kind: {section}")
    if args.check:
        return 0
    write_model(KIND_MODEL, dump(train_kinds(s for found in papers.values() for s in found)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
