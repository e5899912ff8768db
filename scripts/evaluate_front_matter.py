"""Score the sidecars ``digest add`` drafts against hand-written or generated gold.

Usage: ``python scripts/evaluate_front_matter.py [--extractor pdftotext] [--min 0.95]``
(``--extractor pdf``: each document's PDF as the digest reads a PDF source.)

Two gold sets, each reported apart:
- the development corpus of the cleaning issue (``tests/gold/devcorpus/*/``): the
  text one PDF extractor printed for each generated paper, against its ``meta.yml``
  (title, authors printed given name first, so the surname is the last word; the
  journal where a running head prints it; no publication year or DOI is printed,
  only a "Received" date; volume and issue are not recorded, so not checked). Its fixed dev/test
  split (``split.yml``) is kept: rules may be written from dev, test is only scored;
- the seeds (``sources/*.txt``) against their hand-written sidecars.

Exit status 1 when title or surname accuracy on any set is below ``--min`` or a
field was filled that the text does not print.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from digest.clean import clean_text
from digest.evaluation.front_scores import FrontResult, FrontScores, compare
from digest.ingest.draft import draft_sidecar
from digest.ingest.pdf import read_pdf
from digest.model import LineStyle

ROOT = Path(__file__).resolve().parents[1]
DEVCORPUS = ROOT / "tests" / "gold" / "devcorpus"


def _draft(text: str, name: str, styles: tuple[LineStyle, ...] = ()):
    return draft_sidecar(clean_text(text, styles), text, name, set())


def _received(folder: Path, extractor: str) -> tuple[str, tuple[LineStyle, ...]]:
    """The text the draft is made from: an extractor's, or the PDF read by its layout."""
    if extractor == "pdf":
        read = read_pdf((folder / "document.pdf").read_bytes())
        return read.text, read.styles
    return (folder / f"{extractor}.txt").read_text(encoding="utf-8"), ()


def devcorpus(extractor: str, part: str) -> list[FrontResult]:
    split = yaml.safe_load((DEVCORPUS / "split.yml").read_text(encoding="utf-8"))
    results = []
    for name in split[part]:
        meta = yaml.safe_load((DEVCORPUS / name / "meta.yml").read_text(encoding="utf-8"))
        text, styles = _received(DEVCORPUS / name, extractor)
        journal = meta.get("journal")
        gold = {
            "title": meta.get("title"),
            "authors": [author.split()[-1] for author in meta.get("authors") or []],
            "year": None,  # only a "Received" date is printed
            "doi": None,
            # Layouts with a journal running head print the journal (and numbers the
            # meta does not record: volume and issue are left unchecked).
            "venue": journal if journal and journal in text else None,
        }
        results.append(compare(name, _draft(text, f"{name}.txt", styles), gold))
    return results


def seeds() -> list[FrontResult]:
    results = []
    for text_path in sorted((ROOT / "sources").glob("*.txt")):
        sidecar = yaml.safe_load(text_path.with_suffix(".yml").read_text(encoding="utf-8"))
        gold = {
            key: sidecar.get(key)
            for key in ("title", "year", "venue", "volume", "issue", "pages", "doi")
        }
        gold["authors"] = [a["family"] for a in sidecar.get("authors") or []]
        text = text_path.read_text(encoding="utf-8")
        results.append(compare(text_path.name, _draft(text, text_path.name), gold))
    return results


def report(label: str, scores: FrontScores, details: bool = True) -> list[str]:
    lines = [f"{label}: {len(scores.results)} documents"]
    for attribute, shown in (
        ("title_right", "title exact"),
        ("surnames_right", "author surnames exact"),
        ("year_right", "year exact (where printed)"),
        ("doi_right", "DOI exact (where printed)"),
    ):
        right, total = scores.rate(attribute)
        rate = f"{right / total:.3f}" if total else "-"
        lines.append(f"  {shown:30} {right}/{total} = {rate}")
    lines.append(f"  fields filled the text does not print: {scores.made_up}")
    for result in scores.results:
        wrong = [
            name
            for name, value in (
                ("title", result.title_right),
                ("authors", result.surnames_right),
                ("year", result.year_right),
                ("doi", result.doi_right),
            )
            if value is False
        ]
        if details and (wrong or result.made_up):
            lines.append(f"    {result.name}: wrong {wrong}, made up {result.made_up}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extractor", default="pdftotext")
    parser.add_argument("--min", type=float, default=0.95)
    args = parser.parse_args(argv)
    sets = {
        f"devcorpus dev ({args.extractor})": devcorpus(args.extractor, "dev"),
        f"devcorpus test ({args.extractor})": devcorpus(args.extractor, "test"),
        "seeds": seeds(),
    }
    failed = False
    for label, results in sets.items():
        scores = FrontScores(results)
        # Test documents are only scored: which of them failed, and how, is not shown.
        print("\n".join(report(label, scores, details="test" not in label)))
        for attribute in ("title_right", "surnames_right"):
            right, total = scores.rate(attribute)
            failed |= bool(total) and right / total < args.min
        failed |= scores.made_up > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
