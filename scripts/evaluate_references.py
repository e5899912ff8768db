"""Score the reference parser against hand-written gold parses; exit 1 below target.

Usage: ``python scripts/evaluate_references.py GOLD.yml|DIR [...] [--json]
[--by-source] [--min-f1 0.98] [--min-exact 0.90]``, or
``python scripts/evaluate_references.py --labels LABELLED.jsonl`` for a set labelled
token by token (``build/refcorpus/anystyle_dev.jsonl``, written by ``make refmodel``).

A folder stands for the ``*.yml`` files in it. With several files, a table of
each file's F1 and exact match comes first (the held-out styles of issue 10 are
one file per style: ``tests/gold/references/heldout/``); ``--by-source`` groups
by each entry's ``source`` instead (the real papers' gold: one paper each).

Each gold entry's ``raw`` string goes through
``digest.references.parse.parse_reference``; the result is compared with the
entry field by field (see ``digest.evaluation.reference_scores``). The table gives
per-field and micro-averaged precision, recall and F1 and the share of
references parsed exactly right; below it every mismatch is listed as gold vs
predicted, so a failing number can be traced to the strings behind it.

With ``--json`` the JSON report goes to stdout and the table to stderr.
Exit status: 0 if every target is met, 1 if not, 2 for usage errors (a
missing or malformed gold file, or no parser to import).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from digest.evaluation.label_scores import score_labels
from digest.evaluation.reference_scores import (
    SCORED_FIELDS,
    TARGET_EXACT_MATCH,
    TARGET_MICRO_F1,
    GoldError,
    ReferenceScores,
    load_gold,
    score,
)
from digest.evaluation.score_report import emit
from digest.model import Reference

# Mismatching references listed in the table; --json always has all of them.
MAX_LISTED = 50


def load_parser() -> Callable[[str], Reference]:
    """The parser, imported late so ``--help`` and the tests work without it."""
    from digest.references.parse import parse_reference

    return parse_reference


def parse_all(
    entries: Sequence[dict[str, Any]], parse: Callable[[str], Reference]
) -> tuple[list[Reference], list[str]]:
    """Parse every raw string; a parser exception becomes an unparsed Reference."""
    predicted: list[Reference] = []
    errors: list[str] = []
    for entry in entries:
        raw = entry["raw"]
        try:
            reference = parse(raw)
        except Exception as error:  # a crash on one string must not hide the rest
            errors.append(f"{type(error).__name__}: {error} -- in {raw!r}")
            reference = Reference(raw=raw, parsed=False)
        predicted.append(reference)
    return predicted, errors


def _short(value: str | None, width: int = 400) -> str:
    if value is None:
        return "(none)"
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def format_table(
    scores: ReferenceScores,
    targets: dict[str, float],
    failures: Sequence[str],
    errors: Sequence[str] = (),
) -> str:
    """The human-readable report: per-field numbers, totals, then every mismatch."""
    header = (
        f"{'field':<10} {'gold':>5} {'pred':>5} {'tp':>5} {'fp':>5} {'fn':>5}"
        f" {'precision':>9} {'recall':>7} {'F1':>7}"
    )
    lines = [header]

    def row(name: str, counts: Any) -> str:
        return (
            f"{name:<10} {counts.gold:>5} {counts.predicted:>5} {counts.tp:>5}"
            f" {counts.fp:>5} {counts.fn:>5} {counts.precision:>9.4f}"
            f" {counts.recall:>7.4f} {counts.f1:>7.4f}"
        )

    for name in SCORED_FIELDS:
        lines.append(row(name, scores.fields[name]))
    lines.append(row("micro", scores.micro))
    micro_f1 = scores.micro.f1
    status = "ok" if micro_f1 >= targets["f1"] else "BELOW"
    lines.append(f"micro F1 {micro_f1:.4f} (target {targets['f1']:.4f})  {status}")
    rate = scores.exact_match_rate
    status = "ok" if rate >= targets["exact"] else "BELOW"
    lines.append(
        f"exact match {scores.exact_matches}/{scores.total} = {rate:.4f}"
        f" (target {targets['exact']:.4f})  {status}"
    )
    if scores.unparsed:
        lines.append(f"unparsed: {len(scores.unparsed)}")
    lines.extend(f"parser error: {error}" for error in errors)
    wrong = [result for result in scores.results if result.mismatches]
    for result in wrong[:MAX_LISTED]:
        lines.append("")
        lines.append(f"{result.where}: {result.raw}")
        for mismatch in result.mismatches:
            lines.append(
                f"    {mismatch.field}: gold {_short(mismatch.gold)}"
                f" | predicted {_short(mismatch.predicted)}"
            )
    if len(wrong) > MAX_LISTED:
        lines.append(f"... and {len(wrong) - MAX_LISTED} more references with mismatches")
    if wrong:
        lines.append("")
    lines.extend(f"FAIL: {failure}" for failure in failures)
    lines.append("result: " + ("FAIL" if failures else "PASS"))
    return "\n".join(lines)


def format_groups(
    pairs: list[tuple[dict[str, Any], Reference]], where: list[str], groups: list[str]
) -> str:
    """One row per group (file or source): references, micro F1, exact match."""
    lines = [f"{'group':<48} {'refs':>5} {'F1':>7} {'exact':>7}"]
    for group in sorted(set(groups)):
        chosen = [i for i, g in enumerate(groups) if g == group]
        part = score([pairs[i] for i in chosen], [where[i] for i in chosen])
        lines.append(
            f"{group:<48} {part.total:>5} {part.micro.f1:>7.4f} {part.exact_match_rate:>7.4f}"
        )
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Score digest.references.parse against gold parses; exit 1 below target."
    )
    parser.add_argument("gold", type=Path, nargs="+", help="gold YAML file(s) or folders")
    parser.add_argument(
        "--by-source", action="store_true", help="one row per entry source, not per file"
    )
    parser.add_argument("--json", action="store_true", help="JSON to stdout, table to stderr")
    parser.add_argument(
        "--min-f1", type=float, default=TARGET_MICRO_F1, help="target micro-averaged F1"
    )
    parser.add_argument(
        "--min-exact",
        type=float,
        default=TARGET_EXACT_MATCH,
        help="target share of references with every field right",
    )
    return parser


def score_labelled(path: Path) -> int:
    """Token-level scores of the labeller on strings labelled token by token."""
    from digest.references.labeller import label_tokens
    from digest.references.tokens import tokenize

    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        pairs.append((row["labels"], label_tokens(tokenize(row["text"])).labels))
    scores = score_labels(pairs)
    lines = [f"{'label':<10} {'gold':>6} {'pred':>6} {'F1':>7}"]
    for label in sorted(scores.gold | scores.predicted):
        lines.append(
            f"{label:<10} {scores.gold[label]:>6} {scores.predicted[label]:>6}"
            f" {scores.f1(label):>7.4f}"
        )
    lines.append(f"token accuracy {scores.accuracy:.4f} over {scores.tokens} tokens")
    lines.append(
        f"strings with every token right {scores.strings_right}/{scores.strings}"
        f" = {scores.strings_right_rate:.4f}"
    )
    print("\n".join(lines))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; 0 if every target is met, 1 if not (2 for usage errors)."""
    if argv is None:
        argv = sys.argv[1:]
    if list(argv[:1]) == ["--labels"]:
        if len(argv) != 2:
            print("usage: evaluate_references.py --labels LABELLED.jsonl", file=sys.stderr)
            return 2
        return score_labelled(Path(argv[1]))
    parser = build_parser()
    args = parser.parse_args(argv)
    entries: list[dict[str, Any]] = []
    where: list[str] = []
    files: list[Path] = []
    for path in args.gold:
        files.extend(sorted(path.glob("*.yml")) if path.is_dir() else [path])
    for path in files:
        if not path.is_file():
            parser.error(f"no such file: {path}")
        try:
            loaded = load_gold(path)
        except GoldError as error:
            parser.error(str(error))
        entries.extend(loaded)
        where.extend(f"{path.name}#{number}" for number in range(1, len(loaded) + 1))
    try:
        parse = load_parser()
    except ImportError as error:
        print(f"error: the reference parser cannot be imported: {error}", file=sys.stderr)
        return 2

    started = time.perf_counter()
    predicted, errors = parse_all(entries, parse)
    seconds = time.perf_counter() - started
    pairs = list(zip(entries, predicted, strict=True))
    scores = score(pairs, where)
    targets = {"f1": args.min_f1, "exact": args.min_exact}
    failures = scores.failures(min_f1=targets["f1"], min_exact=targets["exact"])
    groups = [
        entry.get("source", "?") if args.by_source else place.split("#")[0]
        for entry, place in zip(entries, where, strict=True)
    ]
    table = format_table(scores, targets, failures, errors)
    if len(set(groups)) > 1:
        table = format_groups(pairs, where, groups) + "\n\n" + table
    rate = len(entries) / seconds if seconds else 0.0
    speed = f"{len(entries)} references parsed in {seconds:.2f} s ({rate:.0f} per second)"
    head, _, verdict = table.rpartition("\n")
    table = f"{head}\n{speed}\n{verdict}"  # the verdict stays the last line
    record = {
        "gold": [str(path) for path in args.gold],
        "scores": scores.to_json(),
        "parser_errors": errors,
        "targets": {"micro_f1": targets["f1"], "exact_match": targets["exact"]},
    }
    return emit(table, record, failures, as_json=args.json)


if __name__ == "__main__":
    sys.exit(main())
