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

It makes synthetic corpora of N copies of sources/ in a temporary folder. Each
copy's letters are rotated (a Caesar shift per copy), so every copy keeps the
layout of a real text (wrapping, headings, quotes, numbering) but shares no
words with the others and is not merged as a duplicate. All numbers come from
one run on one machine and are reported as ratios, which carry over between
machines better than seconds do.
"""

from __future__ import annotations

import argparse
import shutil
import string
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from digest.build import build  # noqa: E402
from digest.clean import clean_text  # noqa: E402

DEVCORPUS = ROOT / "tests" / "gold" / "devcorpus"


def rotate(text: str, shift: int) -> str:
    lower, upper = string.ascii_lowercase, string.ascii_uppercase
    table = str.maketrans(
        lower + upper, lower[shift:] + lower[:shift] + upper[shift:] + upper[:shift]
    )
    return text.translate(table)


def make_corpus(folder: Path, copies: int) -> int:
    sources = folder / "sources"
    sources.mkdir(parents=True)
    count = 0
    for copy in range(copies):
        for text in sorted((ROOT / "sources").glob("*.txt")):
            stem = f"{text.stem}-c{copy}"
            body = text.read_text(encoding="utf-8")
            (sources / f"{stem}.txt").write_text(rotate(body, copy) if copy else body)
            sidecar = text.with_suffix(".yml").read_text(encoding="utf-8")
            sidecar = sidecar.replace(f"source: {text.name}", f"source: {stem}.txt")
            sidecar = sidecar.replace("\nid: ", f"\nid: c{copy}-", 1)
            if sidecar.startswith("id: "):
                sidecar = f"id: c{copy}-" + sidecar[4:]
            (sources / f"{stem}.yml").write_text(sidecar, encoding="utf-8")
            count += 1
    return count


def timed_build(root: Path, cache: Path) -> tuple[float, int]:
    start = time.perf_counter()
    report = build(root, root / "out", cache_dir=cache)
    if report.problems:
        raise SystemExit("\n".join(map(str, report.problems)))
    return time.perf_counter() - start, report.cache_hits


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
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 2, 4, 8])
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
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for copies in args.copies:
            root = Path(temporary) / f"corpus-{copies}"
            sources = make_corpus(root, copies)
            cache = root / "cache"
            cold, _ = timed_build(root, cache)
            warm, hits = timed_build(root, cache)
            assert hits == sources, "every unchanged source must come from the cache"
            rows.append((sources, cold, warm))
            shutil.rmtree(root)
    base_sources, base_cold, _ = rows[0]
    print("sources  cold/source vs smallest  cached/cold")
    for sources, cold, warm in rows:
        per_source = (cold / sources) / (base_cold / base_sources)
        print(f"{sources:7d}  {per_source:23.2f}  {warm / cold:11.2f}")
    print("cold/source vs smallest near 1.0 means cost grows linearly with the corpus;")
    print("cached/cold is the share of a full build an unchanged corpus still costs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
