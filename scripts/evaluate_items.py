"""Score the problem/path extractor and the theme coder against hand-written gold items.

Usage: ``python scripts/evaluate_items.py [--json] [--min 0.9] [--gold-dir DIR]
[--sources-dir DIR]``, or on the development corpus of issue 13:
``python scripts/evaluate_items.py --corpus tests/gold/itemcorpus --split dev|test|all
--form md|txt|pdf``.

With ``--corpus``, every paper of the split (``split.yml``) is a folder holding
``items.yml`` (its gold, written by hand as the paper was composed), ``paper.md`` (the
paper as written), ``paper.txt`` (its PDF's text by pdftotext) and ``paper.pdf`` (the
PDF, except for a paper the script wrapped itself); ``--form`` says which is read. A
text goes through ``digest.clean.clean_text``, which decides by the evidence in the
text whether to parse it as Markdown or to clean it (the table says, per paper, which
it did); a PDF is read by its layout (``digest.ingest.pdf``), as the digest reads a
PDF source, and cleaned with the type of its lines. ``--form pdf`` scores the papers
that have a PDF.

Every ``tests/gold/items/<paper-id>.yml`` names a paper; its source is the
``sources/*.txt`` whose sidecar has that ``id`` (for a paper received twice,
the sidecar of the richer rendering carries the paper id, e.g. 001 for
``wang-governance-grass-roots``). The text goes through
``digest.clean.clean_text``, ``digest.compare.extract.extract_items`` and
``digest.compare.themes.code_items`` with the codebook (sidecar ``item_themes``
overrides are NOT applied: this measures the rules). The extracted items are
matched to the gold ones (see ``digest.evaluation.item_scores``) and the table gives
precision, recall and F1 of extraction per paper, per kind and overall, and of
theme coding over the matched items; below it every missed gold item, every
extra extracted item and every theme disagreement.

With ``--corpus``, papers that hold a second coder's themes
(``themes-second-coder.yml``) also give that coder's theme F1 against the gold: how far
two readers agree, the ceiling for the coder (``digest.evaluation.coder_agreement``).

With ``--json`` the JSON report goes to stdout and the table to stderr.
The theme-coding F1 is reported against its own target (``--theme-min``, 0.85 by
default) as ``ok`` or ``BELOW``; it does not set the exit status, which says whether
extraction works: the items are the digest's facts, themes are a reviewable reading
of them that a maintainer can override per item.
Exit status: 0 if extraction precision and recall both reach ``--min``, 1 if
not, 2 for usage errors (a malformed gold file, a gold theme missing from the
codebook, a paper without a source, or an extractor or coder that cannot be
imported yet).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from digest.evaluation.coder_agreement import Agreement, corpus_agreement
from digest.evaluation.item_scores import (
    CODEBOOK,
    TARGET_EXTRACTION,
    TARGET_THEMES,
    GoldError,
    ItemScores,
    load_codebook_ids,
    load_gold_dir,
    load_gold_file,
    score_items,
    theme_problems,
)
from digest.evaluation.score_report import emit
from digest.model import ITEM_KINDS

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "tests" / "gold" / "items"
SOURCES_DIR = REPO / "sources"
SPLITS = ("dev", "test", "all")
FORMS = ("md", "txt", "pdf")


@dataclass
class Pipeline:
    """The stages under test, imported late so ``--help`` and the tests work without them."""

    clean_text: Callable[..., Any]
    extract_items: Callable[[Any], list[Any]]
    code_items: Callable[[list[Any], Any], Any]
    codebook: Any
    read_pdf: Callable[[bytes], Any] | None = None  # for --form pdf


def load_pipeline(codebook_path: Path = CODEBOOK) -> Pipeline:
    """Import the cleaner, the extractor and the coder; ImportError names what is missing."""
    try:
        from digest.clean import clean_text
        from digest.compare.extract import extract_items
        from digest.compare.themes import code_items, load_codebook
        from digest.ingest.pdf import read_pdf
    except ImportError as error:  # includes a module without the function yet
        raise ImportError(str(error)) from error
    codebook, problems = load_codebook(codebook_path)
    if problems:
        raise ImportError("the codebook has problems: " + "; ".join(str(p) for p in problems))
    return Pipeline(clean_text, extract_items, code_items, codebook, read_pdf)


def find_sources(sources_dir: Path) -> dict[str, list[Path]]:
    """Paper id -> source text paths, from the ``id`` and ``source`` of every sidecar."""
    found: dict[str, list[Path]] = {}
    for sidecar in sorted(sources_dir.glob("*.yml")):
        try:
            data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if not isinstance(data, dict) or not data.get("id"):
            continue
        text = sources_dir / str(data.get("source") or sidecar.with_suffix(".txt").name)
        if text.is_file():
            found.setdefault(str(data["id"]), []).append(text)
    return found


def richest(paths: list[Path]) -> Path:
    """The longest text of a paper's sources (the one with front matter and references)."""
    return max(paths, key=lambda path: (path.stat().st_size, path.name))


def item_dict(paper: str, item: Any) -> dict[str, Any]:
    """An extracted Item as the dict the scorer compares."""
    return {
        "paper": paper,
        "kind": getattr(item, "kind", None),
        "label": str(getattr(item, "label", "") or ""),
        "section": str(getattr(item, "section", "") or ""),
        "source": getattr(item, "source", None),
        "themes": list(getattr(item, "themes", None) or []),
    }


def corpus_papers(corpus: Path, split: str, form: str) -> dict[str, Path]:
    """Paper id -> its text in ``form``, for the papers of ``split`` (dev, test or all)."""
    try:
        parts = yaml.safe_load((corpus / "split.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GoldError(f"{corpus}/split.yml: cannot read: {error}") from error
    names = [*parts.get("dev", []), *parts.get("test", [])] if split == "all" else parts[split]
    papers = {str(name): corpus / str(name) / f"paper.{form}" for name in names}
    if form == "pdf":  # (a paper wrapped by the script, not typeset, has none)
        return {name: path for name, path in papers.items() if path.exists()}
    return papers


def extract_all(
    papers: dict[str, Path], pipeline: Pipeline, readings: dict[str, str] | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """Run the pipeline on every paper; a crash on one paper is reported, not fatal.
    ``readings`` receives each paper's reading (Markdown or plain text, and why)."""
    predicted: list[dict[str, Any]] = []
    errors: list[str] = []
    for paper, path in papers.items():
        try:
            if path.suffix == ".pdf":
                if pipeline.read_pdf is None:
                    raise ImportError("no PDF reader in this pipeline")
                pdf = pipeline.read_pdf(path.read_bytes())
                document = pipeline.clean_text(pdf.text, pdf.styles)
            else:
                document = pipeline.clean_text(path.read_text(encoding="utf-8"))
            if readings is not None:
                readings[paper] = str(getattr(document, "reading", ""))
            items = list(pipeline.extract_items(document))
            pipeline.code_items(items, pipeline.codebook)
        except Exception as error:  # one broken paper must not hide the others
            errors.append(f"{paper} ({path.name}): {type(error).__name__}: {error}")
            continue
        predicted.extend(item_dict(paper, item) for item in items)
    return predicted, errors


def _describe(item: dict[str, Any]) -> str:
    section = item.get("section") or "?"
    where = f"{item.get('paper')} §{section} {item.get('kind')} [{item.get('source')}]"
    return f"{where}: {item.get('label')!r}"


def format_table(
    scores: ItemScores,
    target: float,
    failures: Sequence[str],
    errors: Sequence[str] = (),
    readings: dict[str, str] | None = None,
    theme_target: float = TARGET_THEMES,
    agreement: Agreement | None = None,
) -> str:
    """The human-readable report: counts and rates, then every difference."""
    header = (
        f"{'':<46} {'gold':>4} {'pred':>4} {'tp':>4} {'fp':>4} {'fn':>4}"
        f" {'precision':>9} {'recall':>7} {'F1':>7}"
    )

    def row(name: str, counts: Any) -> str:
        return (
            f"{name:<46} {counts.gold:>4} {counts.predicted:>4} {counts.tp:>4}"
            f" {counts.fp:>4} {counts.fn:>4} {counts.precision:>9.4f}"
            f" {counts.recall:>7.4f} {counts.f1:>7.4f}"
        )

    lines = ["extraction", header]
    lines.extend(row(paper, counts) for paper, counts in scores.by_paper.items())
    lines.extend(row(f"kind: {kind}", scores.by_kind[kind]) for kind in ITEM_KINDS)
    lines.append(row("all items", scores.extraction))
    lines.append("")
    lines.append("theme coding over matched items ((item, theme) pairs)")
    lines.append(header)
    lines.extend(row(f"kind: {kind}", scores.themes_by_kind[kind]) for kind in ITEM_KINDS)
    lines.append(row("all themes", scores.themes))
    lines.append("")
    for name, value in (
        ("extraction precision", scores.extraction.precision),
        ("extraction recall", scores.extraction.recall),
    ):
        status = "ok" if value >= target else "BELOW"
        lines.append(f"{name} {value:.4f} (target {target:.4f})  {status}")
    status = "ok" if scores.themes.f1 >= theme_target else "BELOW"
    lines.append(
        f"theme F1 {scores.themes.f1:.4f} (target {theme_target:.4f})  {status}"
        " (not in the exit status)"
    )
    if agreement is not None and agreement.items:
        pairs = agreement.pairs
        lines.append(
            f"second coder against the gold ({agreement.items} items of {agreement.papers}"
            f" papers): theme F1 {pairs.f1:.4f} (P {pairs.precision:.4f}, R {pairs.recall:.4f});"
            f" same themes for {agreement.exact_share:.1%} of items"
        )
    if readings:
        lines.append("")
        lines.extend(f"{paper}: {reading}" for paper, reading in readings.items())
    lines.extend(f"extractor error: {error}" for error in errors)
    if scores.misses:
        lines.append("")
        lines.append(f"missed ({len(scores.misses)} gold items not extracted):")
        lines.extend("  " + _describe(item) for item in scores.misses)
    if scores.extras:
        lines.append("")
        lines.append(f"extra ({len(scores.extras)} extracted items not in the gold):")
        lines.extend("  " + _describe(item) for item in scores.extras)
    disagreements = scores.theme_disagreements
    if disagreements:
        lines.append("")
        lines.append(f"theme disagreements ({len(disagreements)} matched items):")
        for match in disagreements:
            lines.append("  " + _describe(match.gold))
            lines.append(
                f"      gold {sorted(match.gold_themes)} | coded {sorted(match.predicted_themes)}"
            )
    lines.append("")
    lines.extend(f"FAIL: {failure}" for failure in failures)
    lines.append("result: " + ("FAIL" if failures else "PASS"))
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Score digest.compare (items and themes) against gold items; "
        "exit 1 when extraction precision or recall is below target."
    )
    parser.add_argument("--json", action="store_true", help="JSON to stdout, table to stderr")
    parser.add_argument(
        "--min",
        type=float,
        default=TARGET_EXTRACTION,
        help="target for both extraction precision and recall (default %(default)s)",
    )
    parser.add_argument(
        "--theme-min",
        type=float,
        default=TARGET_THEMES,
        help="target for theme-coding F1, reported only (default %(default)s)",
    )
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR, help="gold item files")
    parser.add_argument("--sources-dir", type=Path, default=SOURCES_DIR, help="sources/")
    parser.add_argument("--codebook", type=Path, default=CODEBOOK, help="codebook YAML")
    parser.add_argument(
        "--corpus", type=Path, help="a development corpus (split.yml, <paper>/items.yml ...)"
    )
    parser.add_argument("--split", choices=SPLITS, default="dev", help="with --corpus")
    parser.add_argument("--form", choices=FORMS, default="md", help="with --corpus: the text read")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; 0 if the targets are met, 1 if not, 2 for usage errors."""
    parser = build_parser()
    args = parser.parse_args(argv)
    corpus: dict[str, Path] = {}
    try:
        if args.corpus is not None:
            corpus = corpus_papers(args.corpus, args.split, args.form)
            gold = [
                item
                for paper in corpus
                for item in load_gold_file(corpus[paper].parent / "items.yml")
            ]
        else:
            gold = load_gold_dir(args.gold_dir)
        codebook_ids = load_codebook_ids(args.codebook)
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not gold:
        print(f"error: no gold items in {args.gold_dir}", file=sys.stderr)
        return 2
    bad_themes = theme_problems(gold, codebook_ids)
    if bad_themes:
        for problem in bad_themes:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    sources = {} if corpus else find_sources(args.sources_dir)
    papers: dict[str, Path] = dict(corpus)
    for paper in [] if corpus else dict.fromkeys(item["paper"] for item in gold):
        if paper not in sources:
            print(f"error: no source in {args.sources_dir} has the id {paper!r}", file=sys.stderr)
            return 2
        papers[paper] = richest(sources[paper])
    try:
        pipeline = load_pipeline(args.codebook)
    except ImportError as error:
        print(
            "error: the extractor or theme coder cannot be imported yet "
            f"(digest.compare.extract.extract_items, digest.compare.themes.code_items): {error}",
            file=sys.stderr,
        )
        return 2

    readings: dict[str, str] = {}
    predicted, errors = extract_all(papers, pipeline, readings)
    scores = score_items(gold, predicted)
    failures = scores.failures(args.min, args.min)
    if errors:
        failures = [*failures, f"{len(errors)} paper(s) could not be extracted"]
    agreement = None
    if args.corpus is not None:
        try:
            agreement = corpus_agreement(args.corpus, list(corpus))
        except GoldError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    table = format_table(scores, args.min, failures, errors, readings, args.theme_min, agreement)
    record = {
        "gold_dir": str(args.gold_dir),
        "papers": {paper: path.name for paper, path in papers.items()},
        "scores": scores.to_json(),
        "extractor_errors": errors,
        "target": args.min,
        "theme_target": args.theme_min,
        "theme_f1_ok": scores.themes.f1 >= args.theme_min,
        "readings": readings,
        "split": args.split if corpus else None,
        "form": args.form if corpus else None,
        "second_coder": agreement.to_json() if agreement is not None else None,
    }
    return emit(table, record, failures, as_json=args.json)


if __name__ == "__main__":
    sys.exit(main())
