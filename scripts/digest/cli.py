"""The maintainer's command line: `digest add`, `build`, `check`, `report`, `clean`, `refs`,
`items`, `search-index`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from digest.clean import clean_text
from digest.site.markdown import render_document


def _find_root(start: Path) -> Path:
    """The repository root: the nearest folder upwards that holds sources/."""
    for folder in (start, *start.parents):
        if (folder / "sources").is_dir():
            return folder
    return start


def _read_input(argument: str) -> tuple[str, str | None]:
    """(name for messages, text) of FILE or, for "-", standard input; text None on failure."""
    if argument == "-":
        return "<stdin>", sys.stdin.read()
    try:
        return argument, Path(argument).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{argument}:1: cannot read as UTF-8 text: {error}", file=sys.stderr)
        return argument, None


def _cmd_clean(args: argparse.Namespace) -> int:
    if str(args.file).lower().endswith(".pdf"):
        from digest.ingest.pdf import PdfError, read_pdf

        try:
            read = read_pdf(Path(args.file).read_bytes())
        except (OSError, PdfError) as error:
            print(f"{args.file}:1: cannot read the PDF: {error}", file=sys.stderr)
            return 2
        sys.stdout.write(render_document(clean_text(read.text, read.styles)))
        return 0
    _, text = _read_input(args.file)
    if text is None:
        return 2
    sys.stdout.write(render_document(clean_text(text)))
    return 0


def _cmd_refs(args: argparse.Namespace) -> int:
    """BibTeX for a block of reference lines, so a new paper's list can be checked first."""
    from digest.clean.hyphenation import Vocabulary
    from digest.clean.lines import split_lines
    from digest.clean.reflist import split_references
    from digest.references.bibtex import format_bibliography
    from digest.references.keys import KeyRegistry, base_key, signature
    from digest.references.parse import parse_reference

    name, text = _read_input(args.file)
    if text is None:
        return 2
    lines = split_lines(text)
    raw = split_references(lines, Vocabulary.from_lines(lines))
    parsed = [parse_reference(item.text) for item in raw]
    keys = KeyRegistry(Path(name)).assign([(signature(r), base_key(r)) for r in parsed])
    entries = {keys[signature(r)]: r for r in parsed}
    sys.stdout.write(
        format_bibliography([(key, ref, {}) for key, ref in entries.items()], f"From {name}.")
    )
    failed = [(item, ref) for item, ref in zip(raw, parsed, strict=True) if not ref.parsed]
    for item, _ in failed:
        print(f"{name}:{item.line}: could not parse, kept verbatim: {item.text}", file=sys.stderr)
    return 1 if failed else 0


def _cmd_items(args: argparse.Namespace) -> int:
    """The problems and paths of one text as JSON, to review a paper before adding it."""
    import json

    from digest.compare.extract import extract_items
    from digest.compare.themes import code_items, load_codebook

    _, text = _read_input(args.file)
    if text is None:
        return 2
    codebook, problems = load_codebook()
    for problem in problems:
        print(problem, file=sys.stderr)
    items = code_items(extract_items(clean_text(text)), codebook)
    fields = ("kind", "label", "passage", "themes", "section", "source", "anchor")
    records = [{field: getattr(item, field) for field in fields} for item in items]
    sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    return 1 if problems else 0


def _cmd_add(args: argparse.Namespace) -> int:
    """Copy received texts into sources/ with drafted sidecars (``--dry-run``: print them)."""
    from digest.ingest import pdf_cache
    from digest.ingest.add import add_files

    root = Path(args.root) if args.root else _find_root(Path.cwd())
    failed = 0
    # The build's cache of PDFs read: what `digest add` reads, the next build need not.
    cache = pdf_cache(root / "build" / "cache")
    results = add_files([Path(f) for f in args.files], root / "sources", args.dry_run, cache)
    if not args.dry_run:
        cache.commit()
    for added in results:
        if added.duplicate_of:
            print(
                f"{added.given}: a rendering of a paper already in the digest "
                f"({', '.join(added.duplicate_of)}); the two will be merged",
                file=sys.stderr,
            )
        if added.error:
            failed += 1
            print(f"{added.given}: {added.error}", file=sys.stderr)
            continue
        if added.reading:  # which reader took the text, and why
            print(f"{added.given}: {added.reading}", file=sys.stderr)
        if args.dry_run:
            print(f"# would write {added.text_path} and this sidecar beside it:")
            sys.stdout.write(added.sidecar)
            continue
        review = ", ".join(added.draft.review) if added.draft else ""
        print(f"{added.given} -> {added.text_path} (check in its sidecar: {review or 'nothing'})")
    return 1 if failed else 0


def _cmd_report(args: argparse.Namespace) -> int:
    """One row per paper, worst first: what a maintainer should look at."""
    import json

    from digest.build import build
    from digest.site.corpus_health import report_lines

    root = Path(args.root) if args.root else _find_root(Path.cwd())
    report = build(root, None, keep_going=True)
    if args.json:
        rows = [row.to_json() for row in report.health]
        left_out = [path.as_posix() for path in report.left_out]
        sys.stdout.write(json.dumps({"papers": rows, "left_out": left_out}, indent=2) + "\n")
    else:
        for line in report_lines(report.health):
            print(line)
        for path in report.left_out:
            print(f"{path.as_posix()}: left out (errors; see `digest check`)")
    return 1 if report.errors else 0


def _cmd_check(args: argparse.Namespace) -> int:
    from digest.build import build

    root = Path(args.root) if args.root else _find_root(Path.cwd())
    report = build(root, None, keep_going=True)
    for source, summary in sorted(report.summaries.items()):
        print(f"{source}: {summary}")
    problems = report.problems
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"{errors} error(s), {warnings} warning(s) found", file=sys.stderr)
        return 1
    suffix = f" ({warnings} warning(s) above)" if warnings else ""
    print(f"all sources and sidecars are valid{suffix}")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from digest.build import DOCS_TREE, build
    from digest.outputs import BuildLocked

    root = Path(args.root) if args.root else _find_root(Path.cwd())
    out = Path(args.out) if args.out else root / DOCS_TREE
    try:
        report = build(root, out, keep_going=args.keep_going, lock_wait=args.wait)
    except (BuildLocked, FileExistsError) as error:
        print(f"digest build: {error}", file=sys.stderr)
        return 1
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for note in report.notes:
        print(note, file=sys.stderr)
    if report.errors and not args.keep_going:
        return 1
    print(
        f"{report.paper_count} paper(s) from {report.source_count} source(s); "
        f"{len(report.written)} file(s) in {out}; "
        f"{report.cache_hits} source(s) from cache"
        + (f"; {len(report.left_out)} file(s) left out (see health.md)" if report.left_out else "")
    )
    return 1 if report.errors else 0


def _cmd_search_index(args: argparse.Namespace) -> int:
    from digest.search_index import SearchIndexError, index_site

    try:
        print(f"{args.site}: {index_site(Path(args.site))}")
    except SearchIndexError as error:
        print(f"digest search-index: {error}", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="digest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser(
        "build", help="sources/ and docs/ -> the site's docs tree in build/docs (the docs_dir)"
    )
    build.add_argument("--root", help="repository root (default: found from the current folder)")
    build.add_argument("--out", help="output folder (default: ROOT/build/docs)")
    build.add_argument(
        "--keep-going",
        action="store_true",
        help="build every good paper even when some files are bad (they are listed on "
        "health.md; references.bib is then left as it is); exit status is still 1",
    )
    build.add_argument(
        "--wait",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="how long to wait for another build that holds build/digest.lock (default 300)",
    )
    build.set_defaults(run=_cmd_build)

    add = commands.add_parser(
        "add", help="copy texts or PDFs into sources/ with a sidecar drafted from what each prints"
    )
    add.add_argument("files", nargs="+", help=".txt, .md or .pdf files as received")
    add.add_argument("--dry-run", action="store_true", help="print each sidecar, write nothing")
    add.add_argument("--root", help="repository root (default: found from the current folder)")
    add.set_defaults(run=_cmd_add)

    health = commands.add_parser(
        "report", help="one row per paper, worst first: what to check (--json for scripts)"
    )
    health.add_argument("--json", action="store_true", help="the rows as JSON")
    health.add_argument("--root", help="repository root (default: found from the current folder)")
    health.set_defaults(run=_cmd_report)

    check = commands.add_parser("check", help="validate every source and sidecar, write nothing")
    check.add_argument("--root", help="repository root (default: found from the current folder)")
    check.set_defaults(run=_cmd_check)

    refs = commands.add_parser("refs", help="print BibTeX for a list of references, one per entry")
    refs.add_argument("file", help="reference lines (wrapped lines are joined); - reads stdin")
    refs.set_defaults(run=_cmd_refs)

    items = commands.add_parser("items", help="print the problems and paths of one text as JSON")
    items.add_argument("file", help="a text file, raw or Markdown-like; - reads standard input")
    items.set_defaults(run=_cmd_items)

    clean = commands.add_parser("clean", help="print the cleaned Markdown of one text")
    clean.add_argument("file", help="a text file, raw or Markdown-like; - reads standard input")
    clean.set_defaults(run=_cmd_clean)

    search = commands.add_parser(
        "search-index",
        help="write the search index (Pagefind) into a built site; mkdocs build does it itself",
    )
    search.add_argument("site", help="the built site's folder, e.g. site/")
    search.set_defaults(run=_cmd_search_index)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
