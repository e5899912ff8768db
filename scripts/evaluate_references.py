"""Score the reference parser against hand-written gold parses; exit 1 below target.

Usage: ``python scripts/evaluate_references.py GOLD.yml [GOLD.yml ...] [--json]
[--min-f1 0.98] [--min-exact 0.90]``

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
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Score digest.references.parse against gold parses; exit 1 below target."
    )
    parser.add_argument("gold", type=Path, nargs="+", help="gold YAML file(s)")
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; 0 if every target is met, 1 if not (2 for usage errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    entries: list[dict[str, Any]] = []
    where: list[str] = []
    for path in args.gold:
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

    predicted, errors = parse_all(entries, parse)
    scores = score(list(zip(entries, predicted, strict=True)), where)
    targets = {"f1": args.min_f1, "exact": args.min_exact}
    failures = scores.failures(min_f1=targets["f1"], min_exact=targets["exact"])
    table = format_table(scores, targets, failures, errors)
    record = {
        "gold": [str(path) for path in args.gold],
        "scores": scores.to_json(),
        "parser_errors": errors,
        "targets": {"micro_f1": targets["f1"], "exact_match": targets["exact"]},
    }
    return emit(table, record, failures, as_json=args.json)


if __name__ == "__main__":
    sys.exit(main())
