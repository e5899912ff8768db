"""Score the cleaner on one raw text against a gold body; exit 1 below target.

Usage: ``python scripts/evaluate_cleaning.py RAW GOLD [--json]``

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
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

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


def load_pipeline() -> tuple[Callable[[str], Any], Callable[[Any], str]]:
    """The cleaner and body renderer, imported late so ``--help`` works without them."""
    from digest.clean import clean_text
    from digest.site.markdown import render_body

    return clean_text, render_body


def body_markdown(text: str) -> str:
    """Clean a source text and render only its body, as the site would show it."""
    clean_text, render_body = load_pipeline()
    return render_body(clean_text(text))


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
        description="Score digest.clean on RAW against a gold body; exit 1 below target."
    )
    parser.add_argument("raw", type=Path, help="raw source text to clean")
    parser.add_argument(
        "gold",
        type=Path,
        help="gold body Markdown (.md, used as is) or a Markdown-like source text "
        "(.txt, cleaned the same way as RAW)",
    )
    parser.add_argument("--json", action="store_true", help="JSON to stdout, table to stderr")
    parser.add_argument("--min-heading-recall", type=float, default=TARGET_HEADING_RECALL)
    parser.add_argument("--min-paragraph-f1", type=float, default=TARGET_PARAGRAPH_F1)
    parser.add_argument("--min-similarity", type=float, default=TARGET_SIMILARITY)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; 0 if every target is met, 1 if not (2 for usage errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
