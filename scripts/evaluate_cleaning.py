"""Score the cleaner on one raw text against a gold body; exit 1 below target.

Usage: ``python scripts/evaluate_cleaning.py RAW GOLD [--json]``

Corpus mode: ``python scripts/evaluate_cleaning.py --corpus tests/gold/devcorpus
--split dev|test|all [--json] [--jobs N]`` scores every (document, extractor)
text of the development corpus (``make devcorpus``) against the document's
``gold.md`` and prints mean scores per extractor and per layout, dev and test
side by side with ``--split all``; it exits 1 when an overall mean misses one of
the corpus targets (``CORPUS_TARGETS``).

RAW is cleaned with ``digest.clean.clean_text`` and its body rendered with
``digest.site.markdown.render_body``. GOLD is either a hand-written gold body
(``.md``, used as is) or another rendering of the same paper (``.txt``), which
goes through the same cleaner -- so two renderings can be checked against each
other even when nobody has written a gold file for them.

With ``--json`` the JSON report goes to stdout and the table to stderr, so the
output can be piped to a tool while a human still sees the table.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import yaml

from digest.evaluation.cleaning_scores import (
    TARGET_HEADING_RECALL,
    TARGET_PARAGRAPH_F1,
    TARGET_SIMILARITY,
    CleaningScores,
    score_cleaning,
)
from digest.evaluation.score_report import emit

# Items listed per category in the table; --json always has all of them.
MAX_LISTED = 20

# Targets of the development corpus (issue 9), met by a split's mean scores.
CORPUS_TARGETS = {
    "heading_recall": 0.97,
    "heading_precision": 0.97,
    "paragraph_f1": 0.95,
    "similarity": 0.99,
}
METRICS = (
    "heading_recall",
    "heading_precision",
    "heading_level_accuracy",
    "paragraph_precision",
    "paragraph_recall",
    "paragraph_f1",
    "similarity",
)
SPLITS = ("dev", "test")
# A document's PDF in a corpus folder, and the name its scores go under.
PDF_NAME = "document.pdf"
PDF_EXTRACTOR = "pdf"


def load_pipeline() -> tuple[Callable[[str], Any], Callable[[Any], str]]:
    """The cleaner and body renderer, imported late so ``--help`` works without them."""
    from digest.clean import clean_text
    from digest.site.markdown import render_body

    return clean_text, render_body


def body_markdown(text: str) -> str:
    """Clean a source text and render only its body, as the site would show it."""
    clean_text, render_body = load_pipeline()
    return render_body(clean_text(text))


def pdf_body_markdown(pdf: Path) -> str:
    """Read a PDF by its layout (the digest's PDF sources), clean it, render its body."""
    from digest.clean import clean_text
    from digest.ingest.pdf import read_pdf
    from digest.site.markdown import render_body

    read = read_pdf(pdf.read_bytes())
    return render_body(clean_text(read.text, read.styles))


def gold_markdown(path: Path) -> str:
    """The gold body: a ``.md`` file verbatim, a ``.txt`` source through the cleaner."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".md":
        return text
    return body_markdown(text)


def format_table(scores: CleaningScores, targets: dict[str, float], failures: Sequence[str]) -> str:
    """A small human-readable report: the numbers, then where they came from."""
    rows: list[tuple[str, float, float | None]] = [
        ("heading recall", scores.heading_recall, targets["heading_recall"]),
        ("heading precision", scores.heading_precision, None),
        ("paragraph precision", scores.paragraph_precision, None),
        ("paragraph recall", scores.paragraph_recall, None),
        ("paragraph F1", scores.paragraph_f1, targets["paragraph_f1"]),
        ("similarity", scores.similarity, targets["similarity"]),
    ]
    lines = [f"{'metric':<20} {'value':>7} {'target':>7}  status"]
    for name, value, target in rows:
        if target is None:
            lines.append(f"{name:<20} {value:>7.4f} {'-':>7}")
        else:
            status = "ok" if value >= target else "BELOW"
            lines.append(f"{name:<20} {value:>7.4f} {target:>7.4f}  {status}")
    lines.append(
        f"headings: gold {scores.gold_headings}, candidate {scores.candidate_headings}; "
        f"block starts: gold {scores.gold_boundaries}, "
        f"candidate {scores.candidate_boundaries}"
    )
    listed: list[tuple[str, list[str]]] = [
        ("missed heading", scores.missed_headings),
        ("extra heading", scores.extra_headings),
        (
            "missed break",
            [f"@{b.index}: {b.context}" for b in scores.missed_boundaries],
        ),
        (
            "extra break",
            [f"@{b.index}: {b.context}" for b in scores.extra_boundaries],
        ),
    ]
    for label, items in listed:
        for item in items[:MAX_LISTED]:
            lines.append(f"{label}: {item}")
        if len(items) > MAX_LISTED:
            lines.append(f"{label}: ... and {len(items) - MAX_LISTED} more")
    lines.extend(f"FAIL: {failure}" for failure in failures)
    lines.append("result: " + ("FAIL" if failures else "PASS"))
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Score digest.clean on RAW against a gold body, or on a whole "
        "corpus (--corpus); exit 1 below target."
    )
    parser.add_argument("raw", type=Path, nargs="?", help="raw source text to clean")
    parser.add_argument(
        "gold",
        type=Path,
        nargs="?",
        help="gold body Markdown (.md, used as is) or a Markdown-like source text "
        "(.txt, cleaned the same way as RAW)",
    )
    parser.add_argument("--json", action="store_true", help="JSON to stdout, table to stderr")
    parser.add_argument("--min-heading-recall", type=float, default=TARGET_HEADING_RECALL)
    parser.add_argument("--min-paragraph-f1", type=float, default=TARGET_PARAGRAPH_F1)
    parser.add_argument("--min-similarity", type=float, default=TARGET_SIMILARITY)
    corpus = parser.add_argument_group("corpus mode")
    corpus.add_argument(
        "--corpus", type=Path, help="a corpus folder with split.yml (tests/gold/devcorpus)"
    )
    corpus.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    corpus.add_argument(
        "--extractor", action="append", help="only this extractor (repeatable), e.g. pdftotext"
    )
    corpus.add_argument("--layout", action="append", help="only this layout (repeatable)")
    corpus.add_argument(
        "--exclude",
        action="append",
        metavar="EXTRACTOR/LAYOUT",
        help="leave out the pairs matching these shell patterns (repeatable), e.g. "
        "'pdftotext/*twocolumn*': a slice the extractor itself garbles",
    )
    corpus.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="documents scored in parallel"
    )
    corpus.add_argument(
        "--documents", action="store_true", help="also list every (document, extractor) row"
    )
    return parser


# --------------------------------------------------------------------------- corpus mode


@dataclass(frozen=True)
class CorpusPair:
    """One extracted text of one corpus document, and the gold it is scored against."""

    document: str
    layout: str
    split: str
    extractor: str
    raw: Path
    gold: Path


@dataclass
class PairResult:
    pair: CorpusPair
    scores: CleaningScores | None
    error: str | None = None

    def value(self, metric: str) -> float:
        """A metric, 0.0 when the cleaner failed on this text."""
        return 0.0 if self.scores is None else float(getattr(self.scores, metric))

    def passes(self, targets: dict[str, float]) -> bool:
        return self.scores is not None and all(
            self.value(metric) >= target for metric, target in targets.items()
        )

    def to_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "document": self.pair.document,
            "layout": self.pair.layout,
            "split": self.pair.split,
            "extractor": self.pair.extractor,
            "error": self.error,
        }
        if self.scores is not None:
            full = self.scores.to_json()
            record["scores"] = {
                **{metric: full[metric] for metric in METRICS},
                "gold_headings": full["gold_headings"],
                "candidate_headings": full["candidate_headings"],
                "gold_boundaries": full["gold_boundaries"],
                "candidate_boundaries": full["candidate_boundaries"],
                "missed_headings": full["missed_headings"],
                "extra_headings": full["extra_headings"],
                "missed_breaks": len(full["missed_boundaries"]),
                "extra_breaks": len(full["extra_boundaries"]),
            }
        return record


def load_split(corpus: Path) -> dict[str, list[str]]:
    """``split.yml``: part name -> document folder names."""
    data = yaml.safe_load((corpus / "split.yml").read_text(encoding="utf-8")) or {}
    return {part: list(data.get(part) or []) for part in SPLITS}


def corpus_pairs(
    corpus: Path,
    splits: Iterable[str],
    extractors: Sequence[str] | None = None,
    layouts: Sequence[str] | None = None,
    excluded: Sequence[str] | None = None,
) -> list[CorpusPair]:
    """Every (document, extractor) text of the chosen splits, in split-file order.

    A document's extractors are its ``*.txt`` files; its layout comes from its
    ``meta.yml`` (the folder name when there is none).
    """
    parts = load_split(corpus)
    pairs: list[CorpusPair] = []
    for split in splits:
        for document in parts[split]:
            folder = corpus / document
            meta_path = folder / "meta.yml"
            meta = (
                yaml.safe_load(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
            )
            layout = str((meta or {}).get("layout") or document)
            if layouts and layout not in layouts:
                continue
            # The texts extractors wrote, and the PDF itself as the digest reads it ("pdf").
            texts = [(raw.stem, raw) for raw in sorted(folder.glob("*.txt"))]
            if (folder / PDF_NAME).is_file():
                texts.append((PDF_EXTRACTOR, folder / PDF_NAME))
            for extractor, raw in texts:
                if extractors and extractor not in extractors:
                    continue
                if any(fnmatchcase(f"{extractor}/{layout}", pattern) for pattern in excluded or ()):
                    continue
                pairs.append(
                    CorpusPair(document, layout, split, extractor, raw, folder / "gold.md")
                )
    return pairs


def score_pair(pair: CorpusPair) -> PairResult:
    """Clean one extracted text and score it; a cleaner crash scores 0 and is reported."""
    try:
        if pair.raw.suffix == ".pdf":
            candidate = pdf_body_markdown(pair.raw)
        else:
            candidate = body_markdown(pair.raw.read_text(encoding="utf-8"))
        gold = pair.gold.read_text(encoding="utf-8")
        return PairResult(pair, score_cleaning(candidate, gold))
    except Exception as exc:  # a crash on one text must not hide the others' scores
        return PairResult(pair, None, f"{type(exc).__name__}: {exc}")


def score_corpus(pairs: Sequence[CorpusPair], jobs: int = 1) -> list[PairResult]:
    if jobs <= 1 or len(pairs) <= 1:
        return [score_pair(pair) for pair in pairs]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(score_pair, pairs, chunksize=1))


def aggregate(results: Sequence[PairResult], targets: dict[str, float]) -> dict[str, Any]:
    """Mean of every metric over the pairs (macro), the pair count, errors and passes."""
    count = len(results)
    summary: dict[str, Any] = {
        "pairs": count,
        "documents": len({r.pair.document for r in results}),
        "errors": sum(1 for r in results if r.error),
        "passing": sum(1 for r in results if r.passes(targets)),
    }
    for metric in METRICS:
        summary[metric] = sum(r.value(metric) for r in results) / count if count else 0.0
    return summary


def summarise(
    results: Sequence[PairResult], splits: Sequence[str], targets: dict[str, float]
) -> dict[str, Any]:
    """Per split: overall, by extractor and by layout."""
    out: dict[str, Any] = {}
    for split in splits:
        part = [r for r in results if r.pair.split == split]
        by_extractor: dict[str, list[PairResult]] = {}
        by_layout: dict[str, list[PairResult]] = {}
        for result in part:
            by_extractor.setdefault(result.pair.extractor, []).append(result)
            by_layout.setdefault(result.pair.layout, []).append(result)
        out[split] = {
            "overall": aggregate(part, targets),
            "by_extractor": {k: aggregate(v, targets) for k, v in sorted(by_extractor.items())},
            "by_layout": {k: aggregate(v, targets) for k, v in sorted(by_layout.items())},
        }
    return out


# Columns of the corpus tables: (metric key, header, width).
_COLUMNS = (
    ("pairs", "n", 4),
    ("heading_recall", "head-R", 6),
    ("heading_precision", "head-P", 6),
    ("heading_level_accuracy", "level", 6),
    ("paragraph_f1", "par-F1", 6),
    ("similarity", "sim", 6),
    ("passing", "pass", 4),
)


def _cells(summary: dict[str, Any] | None) -> str:
    cells = []
    for key, _, width in _COLUMNS:
        if summary is None:
            cells.append(f"{'-':>{width}}")
        elif isinstance(summary[key], float):
            cells.append(f"{summary[key]:>{width}.4f}")
        else:
            cells.append(f"{summary[key]:>{width}}")
    return " ".join(cells)


def corpus_table(
    summary: dict[str, Any],
    splits: Sequence[str],
    targets: dict[str, float],
    results: Sequence[PairResult] = (),
    failures: Sequence[str] = (),
) -> str:
    """Tables per extractor and per layout, one column group per split, side by side."""
    head = " ".join(f"{h:>{w}}" for _, h, w in _COLUMNS)
    group_width = len(head)
    lines = [
        "targets (mean over pairs): "
        + ", ".join(f"{name} >= {value:.2f}" for name, value in targets.items()),
        "pass = pairs meeting every target; n = (document, extractor) pairs; "
        "a cleaner crash scores 0",
    ]
    for title, key in (("extractor", "by_extractor"), ("layout", "by_layout")):
        names = sorted({name for split in splits for name in summary[split][key]})
        label_width = max([len(title), len("all"), *map(len, names)])
        lines.append("")
        lines.append(
            f"{'':<{label_width}} | " + " | ".join(f"{split:<{group_width}}" for split in splits)
        )
        lines.append(f"{title:<{label_width}} | " + " | ".join(head for _ in splits))
        for name in names:
            row = [_cells(summary[split][key].get(name)) for split in splits]
            lines.append(f"{name:<{label_width}} | " + " | ".join(row))
        row = [_cells(summary[split]["overall"]) for split in splits]
        lines.append(f"{'all':<{label_width}} | " + " | ".join(row))
    for result in results:
        if result.error:
            lines.append(f"error: {result.pair.document}/{result.pair.extractor}: {result.error}")
    lines.extend(f"FAIL: {failure}" for failure in failures)
    lines.append("result: " + ("FAIL" if failures else "PASS"))
    return "\n".join(lines)


def document_rows(results: Sequence[PairResult]) -> str:
    """One line per (document, extractor), for --documents."""
    lines = [
        f"{'document':<36} {'extractor':<17} {'split':<5} "
        + " ".join(f"{h:>{w}}" for key, h, w in _COLUMNS if key not in ("pairs", "passing"))
    ]
    for r in results:
        values = " ".join(
            f"{r.value(key):>{w}.4f}" for key, _, w in _COLUMNS if key not in ("pairs", "passing")
        )
        lines.append(f"{r.pair.document:<36} {r.pair.extractor:<17} {r.pair.split:<5} {values}")
    return "\n".join(lines)


def corpus_main(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not (args.corpus / "split.yml").is_file():
        parser.error(f"no split.yml in {args.corpus}")
    splits = list(SPLITS) if args.split == "all" else [args.split]
    pairs = corpus_pairs(args.corpus, splits, args.extractor, args.layout, args.exclude)
    if not pairs:
        parser.error("no (document, extractor) texts match")
    results = score_corpus(pairs, args.jobs)
    targets = dict(CORPUS_TARGETS)
    summary = summarise(results, splits, targets)
    failures = [
        f"{split} mean {metric} {summary[split]['overall'][metric]:.4f} < {target:.4f}"
        for split in splits
        for metric, target in targets.items()
        if summary[split]["overall"]["pairs"] and summary[split]["overall"][metric] < target
    ]
    table = corpus_table(summary, splits, targets, results, failures)
    if args.documents:
        table = document_rows(results) + "\n\n" + table
    record = {
        "corpus": str(args.corpus),
        "splits": splits,
        "targets": targets,
        "summary": summary,
        "pairs": [result.to_json() for result in results],
    }
    return emit(table, record, failures, as_json=args.json)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; 0 if every target is met, 1 if not (2 for usage errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.corpus is not None:
        if args.raw is not None:
            parser.error("give either RAW GOLD or --corpus, not both")
        return corpus_main(args, parser)
    if args.raw is None or args.gold is None:
        parser.error("RAW and GOLD are required (or --corpus DIR)")
    for path in (args.raw, args.gold):
        if not path.is_file():
            parser.error(f"no such file: {path}")
    if args.gold.suffix.lower() not in (".md", ".txt"):
        parser.error(f"GOLD must be a .md gold body or a .txt source, not {args.gold}")

    candidate = body_markdown(args.raw.read_text(encoding="utf-8"))
    scores = score_cleaning(candidate, gold_markdown(args.gold))
    targets = {
        "heading_recall": args.min_heading_recall,
        "paragraph_f1": args.min_paragraph_f1,
        "similarity": args.min_similarity,
    }
    failures = scores.failures(
        min_heading_recall=targets["heading_recall"],
        min_paragraph_f1=targets["paragraph_f1"],
        min_similarity=targets["similarity"],
    )
    table = format_table(scores, targets, failures)
    record = {
        "raw": str(args.raw),
        "gold": str(args.gold),
        "scores": scores.to_json(),
        "targets": targets,
    }
    return emit(table, record, failures, as_json=args.json)


if __name__ == "__main__":
    sys.exit(main())
