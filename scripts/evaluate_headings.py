"""Score the cleaner's headings on real papers against their listed headings.

Usage: ``python scripts/evaluate_headings.py [--corpus tests/gold/realpapers] [-v]``

Each paper folder holds ``headings.txt`` (listed from the LaTeX source) and the
texts ``pdftotext`` wrote from the compiled PDF (default, ``-layout``, ``-raw``).
Prints title recall, level recall and precision per paper and extraction, and the
means per extraction; ``-v`` lists the missed and the extra headings.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from digest.clean import clean_text
from digest.evaluation.heading_lists import (
    EXTRACTIONS,
    HeadingScores,
    paper_folders,
    printed_headings,
    read_heading_list,
    score_headings,
)

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "gold" / "realpapers"


def score_paper(folder: Path, extraction: str) -> HeadingScores | None:
    """The scores of one paper's extraction; None when the paper lacks that text."""
    raw = folder / f"{extraction}.txt"
    if not raw.is_file():
        return None
    listed_path = folder / "headings.txt"
    listed = read_heading_list(listed_path.read_text(encoding="utf-8"), str(listed_path))
    doc = clean_text(raw.read_text(encoding="utf-8", errors="replace"))
    return score_headings(printed_headings(doc), listed)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed and extra")
    args = parser.parse_args(argv)
    folders = paper_folders(args.corpus)
    if not folders:
        parser.error(f"no paper folder with a headings.txt in {args.corpus}")
    means: dict[str, list[HeadingScores]] = {}
    print(
        f"{'paper':24} {'extraction':18} {'listed':>6} {'found':>5} {'title-R':>7} "
        f"{'level-R':>7} {'P':>5}"
    )
    for folder in folders:
        for extraction in EXTRACTIONS:
            scores = score_paper(folder, extraction)
            if scores is None:
                continue
            means.setdefault(extraction, []).append(scores)
            print(
                f"{folder.name:24} {extraction:18} {scores.listed:6} {scores.found:5} "
                f"{scores.title_recall:7.2f} {scores.level_recall:7.2f} {scores.precision:5.2f}"
            )
            if args.verbose:
                for title in scores.missed:
                    print(f"    missed {title}")
                for title in scores.extra:
                    print(f"    extra  {title}")
    for extraction, rows in means.items():
        count = len(rows)
        print(
            f"mean {extraction:18} title-R {sum(r.title_recall for r in rows) / count:.2f} "
            f"level-R {sum(r.level_recall for r in rows) / count:.2f} "
            f"P {sum(r.precision for r in rows) / count:.2f}  ({count} papers)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
