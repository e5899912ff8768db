"""Regenerate the development corpus for cleaning (issue 9): ``make devcorpus``.

    .venv/bin/python scripts/devcorpus/generate.py [--out tests/gold/devcorpus] [--jobs N]

For every planned document: compose the body from its seed (or take a seed gold
body), write the gold body Markdown and the LaTeX or pandoc source, render the PDF
with the layout's engine, extract the text with every extractor and write one fixture
folder. Then ``split.yml`` (the fixed dev/test split) and ``VERSIONS.txt``.

``--sources-only`` writes gold, meta and sources without TeX (to check that the
composer is deterministic); ``--check`` compares them with the committed fixtures.
``--unseen N --seed S --out DIR`` writes N new documents per layout (seeds from S)
to DIR, all in its "test" part: a fresh check on renderings no rule was written from,
``scripts/evaluate_cleaning.py --corpus DIR --split test``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devcorpus.compose import compose, from_seed
from devcorpus.extract import EXTRACTORS, extract_all, page_count, versions
from devcorpus.layouts import BY_NAME, LAYOUTS, Layout
from devcorpus.model import Document
from devcorpus.render import gold_markdown, latex_source, numbered_headings, pandoc_source

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "tests" / "gold" / "devcorpus"
WORK = REPO / "build" / "devcorpus"
SEED_BODIES = REPO / "tests" / "gold" / "clean"
# Layouts whose first (dev) document takes its body from a seed gold body.
SEED_LAYOUTS = (
    "article-11pt-plain",
    "fancyhdr-journal-roman",
    "narrow-margins-10pt-unnumbered",
    "pandoc-default",
)
# The first DEV_PER_LAYOUT documents of each layout are dev, the rest test.
DEV_PER_LAYOUT = 2
BASE_SEED = 9000  # issue 9
UNSEEN_SEED = 100_000  # --unseen documents start here, far from the corpus's seeds


@dataclass(frozen=True)
class Entry:
    id: str
    layout: str
    seed: int
    split: str
    body: str  # "composed" or the seed file name


def plan() -> list[Entry]:
    """Every document of the corpus; fixed, so the split never moves."""
    entries = []
    seed_files = sorted(SEED_BODIES.glob("*_body.md"))
    for li, layout in enumerate(LAYOUTS):
        for k in range(layout.docs):
            body = "composed"
            if layout.name in SEED_LAYOUTS and k == 0 and seed_files:
                body = seed_files[SEED_LAYOUTS.index(layout.name) % len(seed_files)].name
            entries.append(
                Entry(
                    id=f"{layout.name}-{k + 1}",
                    layout=layout.name,
                    seed=BASE_SEED + 100 * li + k,
                    split="dev" if k < DEV_PER_LAYOUT else "test",
                    body=body,
                )
            )
    return entries


def unseen_plan(per_layout: int, seed: int) -> list[Entry]:
    """Documents no rule was written from: composed bodies from seeds the committed
    corpus does not use, every layout, all scored as "test" (issue 9: renderings
    nobody has seen). A new seed gives a new set."""
    return [
        Entry(
            id=f"{layout.name}-s{seed + 100 * li + k}",
            layout=layout.name,
            seed=seed + 100 * li + k,
            split="test",
            body="composed",
        )
        for li, layout in enumerate(LAYOUTS)
        for k in range(per_layout)
    ]


def make_document(entry: Entry) -> Document:
    layout = BY_NAME[entry.layout]
    if entry.body != "composed":
        return from_seed(SEED_BODIES / entry.body, entry.seed)
    return compose(entry.seed, footnotes=layout.footnotes, long_headings=layout.long_headings)


def source_of(entry: Entry) -> tuple[str, str]:
    """(file name, text) of the document's LaTeX or pandoc source."""
    layout = BY_NAME[entry.layout]
    doc = make_document(entry)
    if layout.is_pandoc:
        return "source.md", pandoc_source(doc, layout)
    return "source.tex", latex_source(doc, layout)


def meta_of(entry: Entry, doc: Document, layout: Layout, pages: int | None) -> dict:
    notes = doc.notes()
    return {
        "id": entry.id,
        "layout": layout.name,
        "layout_description": layout.description,
        "engine": layout.engine,
        "document_class": layout.docclass,
        "class_options": layout.options,
        "numbering": layout.scheme,
        "twocolumn": layout.twocolumn,
        "pagestyle": layout.pagestyle,
        "body_source": "composed" if entry.body == "composed" else f"seed:{entry.body}",
        "seed": entry.seed,
        "split": entry.split,
        "pages": pages,
        "extractors": list(EXTRACTORS),
        "title": doc.title,
        "running_head": doc.short_title if layout.pagestyle != "plain" else None,
        "journal": doc.journal,
        "authors": doc.authors,
        "affiliations": doc.affiliations,
        "date": doc.date,
        "abstract": doc.abstract if layout.abstract else [],
        "keywords": doc.keywords if layout.abstract else [],
        "headings": [
            {"level": h.level, "text": text} for h, text in numbered_headings(doc, layout.scheme)
        ],
        "footnotes": [note.text for note in notes],
        "references": doc.references,
    }


# Each document's PDF in its fixture folder.
PDF_NAME = "document.pdf"


def env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": "1600000000", "FORCE_SOURCE_DATE": "1"}


def render_pdf(workdir: Path, layout: Layout, source: str) -> Path:
    if layout.is_pandoc:
        engine = "xelatex" if layout.engine == "pandoc-xelatex" else "pdflatex"
        command = ["pandoc", source, "-o", "doc.pdf", f"--pdf-engine={engine}"]
        if layout.scheme != "unnumbered":
            command.append("--number-sections")
        subprocess.run(command, cwd=workdir, check=True, capture_output=True, env=env())
        return workdir / "doc.pdf"
    for _ in range(2):  # twice: LastPage and other references
        result = subprocess.run(
            [layout.engine, "-interaction=nonstopmode", "-halt-on-error", source],
            cwd=workdir,
            capture_output=True,
            env=env(),
        )
        if result.returncode:
            log = (workdir / "source.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{layout.engine} failed in {workdir}:\n{log}")
    return workdir / "source.pdf"


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def build(entry: Entry, out: Path, with_pdf: bool = True) -> str:
    layout = BY_NAME[entry.layout]
    doc = make_document(entry)
    name, source = source_of(entry)
    folder = out / entry.id
    folder.mkdir(parents=True, exist_ok=True)
    texts: dict[str, str] = {}
    pages = None
    if with_pdf:
        workdir = WORK / entry.id
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
        write_text(workdir / name, source)
        pdf = render_pdf(workdir, layout, name)
        texts = extract_all(pdf)
        pages = page_count(pdf)
        # The PDF itself too: the digest reads PDF sources by their layout (issue 11).
        shutil.copyfile(pdf, folder / PDF_NAME)
    write_text(folder / "gold.md", gold_markdown(doc, layout))
    write_text(folder / name, source)
    meta = meta_of(entry, doc, layout, pages)
    write_text(
        folder / "meta.yml",
        yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100),
    )
    for extractor, text in texts.items():
        write_text(folder / f"{extractor}.txt", text)
    return entry.id


def write_split(out: Path, entries: list[Entry]) -> None:
    lines = [
        "# The fixed dev/test split of the development corpus (issue 9), by document.",
        "# dev: rules may be written from these documents. test: only ever scored.",
        "# Never move a document between the parts; add new documents instead.",
    ]
    for part in ("dev", "test"):
        ids = [e.id for e in entries if e.split == part]
        lines.append(f"{part}:" if ids else f"{part}: []")
        lines.extend(f"  - {id_}" for id_ in ids)
    write_text(out / "split.yml", "\n".join(lines) + "\n")


def write_versions(out: Path) -> None:
    lines = ["# Tools that produced the extracted texts of this corpus (make devcorpus)."]
    lines += [f"{name}: {value}" for name, value in versions().items()]
    write_text(out / "VERSIONS.txt", "\n".join(lines) + "\n")


def check(out: Path) -> int:
    """Compare composed sources, gold and meta (minus pages) with the committed fixtures."""
    problems = 0
    for entry in plan():
        folder = out / entry.id
        doc = make_document(entry)
        layout = BY_NAME[entry.layout]
        name, source = source_of(entry)
        expected = {"gold.md": gold_markdown(doc, layout), name: source}
        for file, text in expected.items():
            path = folder / file
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                print(f"{path}: differs from the generator", file=sys.stderr)
                problems += 1
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--only", nargs="*", help="document ids to rebuild")
    parser.add_argument("--sources-only", action="store_true", help="no TeX, no extraction")
    parser.add_argument("--check", action="store_true", help="compare with committed fixtures")
    parser.add_argument(
        "--unseen",
        type=int,
        metavar="N",
        help="instead: N new documents per layout, from --seed, into --out (not committed)",
    )
    parser.add_argument("--seed", type=int, default=UNSEEN_SEED, help="first seed of --unseen")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.out)
    if args.unseen:
        if args.out.resolve() == DEFAULT_OUT.resolve():
            parser.error("--unseen writes elsewhere than the committed corpus: give --out")
        entries = unseen_plan(args.unseen, args.seed)
    else:
        entries = plan()
    chosen = [e for e in entries if not args.only or e.id in args.only]
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.only:
        known = {e.id for e in entries}
        for stale in args.out.iterdir():
            if stale.is_dir() and stale.name not in known:
                shutil.rmtree(stale)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(build, e, args.out, not args.sources_only) for e in chosen]
        for future in futures:
            print("built", future.result())
    write_split(args.out, entries)
    if not args.sources_only:
        write_versions(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
