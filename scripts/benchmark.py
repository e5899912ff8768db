"""Measure the build: cold vs cached, and how cost grows with the corpus.

Run: python scripts/benchmark.py [--copies 1 2 4 8] [--cleaning-only] [--references-only]
[--pdf-only]

PDF reading: every PDF of the development corpus is read once by the digest's reader
(pypdfium2: characters with position and font, then the page layout) and once by
pdfminer.six's layout analysis (every character with its font and size, the input
the same layout would need), in this process; both rates are printed in pages per
second, with their ratio: the measurement behind reading PDFs with pypdfium2.

Cleaning throughput: every text of the development corpus (tests/gold/devcorpus,
five extractors' output of PDFs made by real TeX engines) and of sources/ is
cleaned once, in this process (one core), and the rate is printed in KB and
in pages (form feeds) per second.

Reference parsing throughput: every raw string of the reference gold files
(tests/gold/references/, corpus, hand-written other styles, real papers and the
generated styles) is parsed once, in this process, after one warm-up parse that
loads the model; the rate is printed in references per second.

Scale (the default): for each size N (100, 300 and 1,000 by default) it writes a
synthetic corpus of N distinct papers (``scripts/devcorpus/scale.py``: realistic
reference lists sharing works across papers, in-text citations, problems and paths)
beside a copy of mkdocs.yml, docs/ and the hook, and times, each step in its own
process (CPU = user + system seconds, peak memory = the process's maximum RSS):

1. ``digest build`` cold (no cache) on one core, then ``mkdocs build`` of the same
   pages by a bare mkdocs-material config (the project's mkdocs.yml without the hook,
   reading a copy of the docs tree ``digest build`` wrote): the baseline; the pair run
   twice, back to back, the ratio given per pair and for the means; then cold on every
   core, and warm with nothing changed;
3. ``mkdocs build`` as ``make site`` runs it (hook included, caches warm);
4. one sentence of one paper changed: ``digest build`` again (the pipeline part of a
   rebuild; three changes, the median shown), then ``mkdocs build --dirty`` (MkDocs
   rebuilding only changed pages).

Child processes run without PYTHONDONTWRITEBYTECODE, as on a reader's machine.

It prints one table (Markdown) with the corpus's yield (references, distinct works,
in-text citations, items per paper, beside the real corpus's), the times as ratios
to the bare mkdocs build, and the site's page sizes and search index. All numbers
come from one run on one machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # digest, and devcorpus (the scale corpus)

from digest.build import build  # noqa: E402
from digest.clean import clean_text  # noqa: E402

DEVCORPUS = ROOT / "tests" / "gold" / "devcorpus"


@dataclass(frozen=True)
class Run:
    """One command's cost: wall seconds, CPU seconds (user + system), peak RSS in MB."""

    wall: float
    cpu: float
    peak_mb: float


def run(command: list[str], cwd: Path, log: Path, jobs: int | None = None) -> Run:
    """Run a command in its own process and measure it; fail loudly, pointing at its log.

    The CPU time counts the process and the children it waited for; the digest's worker
    processes hang off a fork server it does not wait for, so a build whose CPU time is
    compared runs with ``jobs=1`` (DIGEST_JOBS: no workers, the same work on one core).
    """
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # As on a reader's machine, Python keeps the bytecode it compiles: a shell that sets
    # PYTHONDONTWRITEBYTECODE would time compiling the package on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if jobs:
        env["DIGEST_JOBS"] = str(jobs)
    with log.open("ab") as output:
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=output, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}; see {log}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def project_copy(root: Path, papers: int) -> None:
    """A synthetic corpus of ``papers`` papers beside this project's site configuration."""
    from devcorpus.scale import write_scale_corpus

    write_scale_corpus(root / "sources", papers)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "mkdocs_hook.py", root / "scripts" / "mkdocs_hook.py")


def bare_config(root: Path) -> Path:
    """The project's mkdocs.yml without the hook, reading every page from one folder:
    the same pages built by mkdocs-material alone (the baseline)."""
    import yaml

    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    docs = root / "bare-docs"  # the tree `digest build` wrote: docs/ and the generated pages
    shutil.copytree(root / "build" / "docs", docs)
    config.update(docs_dir=str(docs), site_dir=str(root / "bare-site"))
    path = root / "bare.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@dataclass(frozen=True)
class SiteSize:
    pages: int
    total_mb: float
    median_kb: float
    largest_kb: float
    largest: str
    search_mb: float  # Pagefind's whole index (a query downloads only a few of its files)
    search_files: int


def site_size(site: Path) -> SiteSize:
    pages = sorted(
        (path.stat().st_size, path.relative_to(site).as_posix()) for path in site.rglob("*.html")
    )
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    index = [path for path in (site / "pagefind").rglob("*") if path.is_file()]
    return SiteSize(
        pages=len(pages),
        total_mb=total / 2**20,
        median_kb=statistics.median(size for size, _ in pages) / 1024,
        largest_kb=pages[-1][0] / 1024,
        largest=pages[-1][1],
        search_mb=sum(path.stat().st_size for path in index) / 2**20,
        search_files=len(index),
    )


# How many times the pipeline is timed after a one-sentence change (the median is shown).
ONE_CHANGE_RUNS = 3
COLD_PAIRS = 2  # (cold pipeline, bare build) pairs, run back to back


def mean_run(runs: list[Run]) -> Run:
    """The mean of a step's runs (wall, CPU; the peak memory is the largest)."""
    return Run(
        statistics.fmean(one.wall for one in runs),
        statistics.fmean(one.cpu for one in runs),
        max(one.peak_mb for one in runs),
    )


def change_one_sentence(root: Path) -> Path:
    """Reword one sentence of the first paper, as a maintainer's correction would."""
    source = sorted((root / "sources").glob("*.txt"))[0]
    text = source.read_text(encoding="utf-8")
    at = text.index(" the ", len(text) // 3)
    source.write_text(text[:at] + " the very " + text[at + 5 :], encoding="utf-8")
    return source


@dataclass
class ScaleRow:
    papers: int
    corpus: dict[str, float] = field(default_factory=dict)
    runs: dict[str, Run] = field(default_factory=dict)
    size: SiteSize | None = None
    cold_ratios: list[float] = field(default_factory=list)  # per back-to-back pair


def corpus_yield(root: Path) -> dict[str, float]:
    """Per paper: references, in-text citations, items; and distinct works in all."""
    report = build(root, None, cache_dir=root / "build" / "cache", keep_going=True)
    papers = max(1, len(report.papers))
    bibliography = report.bibliography
    references = sum(len(refs) for refs in bibliography.paper_references.values())
    return {
        "papers": len(report.papers),
        "references": references / papers,
        "works": len(bibliography.entries) - len(bibliography.paper_keys),
        "citations": sum(report.citations.total(paper) for paper in report.citations) / papers,
        "items": sum(len(items) for items in report.items.values()) / papers,
        "errors": len(report.errors),
    }


def scale_row(folder: Path, papers: int) -> ScaleRow:
    root = folder / f"corpus-{papers}"
    project_copy(root, papers)
    log = root / "benchmark.log"
    digest = [str(Path(sys.executable).with_name("digest")), "build", "--root", str(root)]
    mkdocs = [str(Path(sys.executable).with_name("mkdocs")), "build"]
    row = ScaleRow(papers)
    # The ratio of the cold pipeline to the bare build is taken from two pairs, each
    # run back to back: this machine's speed drifts by a third over minutes (the same
    # bare build took 60 to 102 s in three runs), and a ratio of two runs minutes apart
    # carries that drift.
    colds, bares = [], []
    for turn in range(COLD_PAIRS):
        if turn:
            shutil.rmtree(root / "build")
        colds.append(run(digest, root, log, jobs=1))
        bare = bare_config(root) if not turn else root / "bare.yml"
        bares.append(run([*mkdocs, "-f", str(bare)], root, log))
    row.runs["pipeline cold"] = mean_run(colds)
    row.runs["bare mkdocs"] = mean_run(bares)
    row.cold_ratios = [cold.cpu / bare.cpu for cold, bare in zip(colds, bares, strict=True)]
    shutil.rmtree(root / "build")  # again from cold, on every core: the wall time
    row.runs["pipeline cold, all cores"] = run(digest, root, log)
    row.runs["pipeline warm"] = run(digest, root, log)
    row.runs["make site"] = run([*mkdocs, "--strict"], root, log)
    row.size = site_size(root / "site")
    changes = []
    for _ in range(ONE_CHANGE_RUNS):  # a short step, measured more than once: the median
        change_one_sentence(root)
        changes.append(run(digest, root, log))
    row.runs["one change: pipeline"] = sorted(changes, key=lambda one: one.wall)[len(changes) // 2]
    row.runs["one change: mkdocs --dirty"] = run([*mkdocs, "--dirty"], root, log)
    change_one_sentence(root)
    row.runs["one change: make site"] = run([*mkdocs, "--strict"], root, log)
    row.corpus = corpus_yield(root)
    return row


def real_corpus_yield() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        shutil.copytree(ROOT / "sources", root / "sources")
        return corpus_yield(root)


def scale_table(rows: list[ScaleRow], real: dict[str, float]) -> str:
    """One Markdown table: the corpora's yield, costs as ratios, sizes."""

    def cells(row: ScaleRow) -> list[str]:
        runs, size, corpus = row.runs, row.size, row.corpus
        bare = runs["bare mkdocs"].cpu
        return [
            f"{row.papers:,}",
            f"{corpus['references']:.1f} / {corpus['citations']:.1f} / {corpus['items']:.1f}",
            f"{corpus['works']:,.0f}",
            f"{runs['pipeline cold'].cpu:.1f} s ({runs['pipeline cold'].cpu / bare:.2f}: "
            f"{', '.join(f'{ratio:.2f}' for ratio in row.cold_ratios)}); "
            f"wall {runs['pipeline cold'].wall:.1f} s, all cores "
            f"{runs['pipeline cold, all cores'].wall:.1f} s",
            f"{runs['pipeline warm'].cpu:.2f} s ({runs['pipeline warm'].cpu / bare:.2f})",
            f"{bare:.1f} s",
            f"{runs['make site'].cpu:.1f} s",
            f"{runs['one change: pipeline'].wall:.2f} s",
            f"{runs['one change: mkdocs --dirty'].wall:.1f} s / "
            f"{runs['one change: make site'].wall:.1f} s",
            f"{size.pages:,} / {size.total_mb:.0f} MB",
            f"{size.median_kb:.0f} kB",
            f"{size.largest_kb:.0f} kB ({size.largest})",
            f"{size.search_mb:.1f} MB in {size.search_files:,} files",
            f"{runs['pipeline cold'].peak_mb:.0f} / {runs['make site'].peak_mb:.0f} MB",
        ]

    header = [
        "papers",
        "refs / citations / items per paper",
        "distinct works",
        "pipeline cold CPU (/ bare: pair by pair); wall on one core, on all",
        "pipeline warm CPU (/ bare)",
        "bare mkdocs CPU (mean of 2)",
        "make site CPU (warm caches)",
        "one change: pipeline wall (median of 3)",
        "one change: mkdocs --dirty / full wall",
        "pages / site",
        "median page",
        "largest page",
        "search index (Pagefind; a query loads a few files)",
        "peak RSS pipeline / mkdocs",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cells(row)) + " |" for row in rows]
    lines.append(
        f"\nThe real corpus (sources/, {real['papers']:.0f} papers): "
        f"{real['references']:.1f} references, {real['citations']:.1f} in-text citations and "
        f"{real['items']:.1f} items per paper; {real['works']:.0f} distinct works."
    )
    return "\n".join(lines)


def cleaning_throughput() -> tuple[int, int, int, float]:
    """(texts, bytes, pages, seconds) to clean every development and source text once."""
    texts = sorted(DEVCORPUS.glob("*/*.txt")) + sorted((ROOT / "sources").glob("*.txt"))
    bodies = [path.read_text(encoding="utf-8") for path in texts]
    start = time.perf_counter()
    for body in bodies:
        clean_text(body)
    seconds = time.perf_counter() - start
    size = sum(len(body.encode("utf-8")) for body in bodies)
    # A text without form feeds is one page; extractors end every page with one.
    pages = sum(max(1, body.rstrip("\n").count("\f")) for body in bodies)
    return len(bodies), size, pages, seconds


def reference_throughput() -> tuple[int, float]:
    """(references, seconds) to parse every raw string of the reference gold once."""
    import yaml

    from digest.references.parse import parse_reference

    gold = ROOT / "tests" / "gold" / "references"
    raws = [
        entry["raw"]
        for path in sorted(gold.rglob("*.yml"))
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]
    parse_reference(raws[0])  # loads the model; a build pays that once
    start = time.perf_counter()
    for raw in raws:
        parse_reference(raw)
    return len(raws), time.perf_counter() - start


def pdf_throughput() -> tuple[int, float, float]:
    """(pages, seconds with the digest's pypdfium2 reader, seconds for pdfminer.six's
    characters) over every PDF of the development corpus."""
    import io

    import pypdfium2 as pdfium
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    from digest.ingest.pdf import read_pdf

    pdfs = [path.read_bytes() for path in sorted(DEVCORPUS.glob("*/document.pdf"))]
    pages = sum(len(pdfium.PdfDocument(data)) for data in pdfs)
    start = time.perf_counter()
    for data in pdfs:
        read_pdf(data)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for data in pdfs:
        for page in extract_pages(io.BytesIO(data)):
            for box in page:
                if isinstance(box, LTTextContainer):
                    for line in box:
                        for char in line:
                            if isinstance(char, LTChar):
                                _ = (char.fontname, char.size, char.x0, char.y0)
    theirs = time.perf_counter() - start
    return pages, ours, theirs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--work", type=Path, help="folder for the corpora (default: the system's)")
    parser.add_argument("--cleaning-only", action="store_true", help="skip the build runs")
    parser.add_argument(
        "--references-only", action="store_true", help="only the reference parsing rate"
    )
    parser.add_argument("--pdf-only", action="store_true", help="only the PDF reading rates")
    args = parser.parse_args()
    if args.pdf_only:
        pages, ours, theirs = pdf_throughput()
        print(f"PDF reading: {pages} pages; pypdfium2 reader {pages / ours:.1f} pages/s, ")
        print(f"             pdfminer.six characters {pages / theirs:.1f} pages/s")
        print(f"             pdfminer.six / pypdfium2 time: {theirs / ours:.1f}")
        return 0
    references, seconds = reference_throughput()
    print(f"references: {references} parsed in {seconds:.2f} s, {references / seconds:.0f}/s")
    if args.references_only:
        return 0
    count, size, pages, seconds = cleaning_throughput()
    print(f"cleaning: {count} texts, {size / 1024:.0f} KB, {pages} pages in {seconds:.2f} s")
    print(f"          {size / 1024 / seconds:.0f} KB/s, {pages / seconds:.0f} pages/s (one core)")
    if args.cleaning_only:
        return 0
    if args.work:
        Path(args.work).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.work) as temporary:
        rows = []
        for papers in args.papers:
            rows.append(scale_row(Path(temporary), papers))
            print(f"built {papers} papers", file=sys.stderr)
        print(scale_table(rows, real_corpus_yield()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
