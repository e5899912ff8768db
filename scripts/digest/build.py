"""Run the pipeline end to end: sources/ in, generated Markdown out.

    ingest -> clean (cached per source) -> group duplicates -> render pages

The output folder belongs to the build: files it did not write this time are
removed, and files whose content did not change are left untouched, so the
output is byte-identical for the same sources and `mkdocs serve` only reloads
what changed. Nothing here knows about mkdocs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from digest.cache import StageCache
from digest.clean import clean_text
from digest.duplicates import shingles
from digest.ingest import load_corpus
from digest.model import Document, Paper, Problem, Source
from digest.papers import group_papers
from digest.site.pages import Page, environment, render_home, render_index_pages, render_paper


@dataclass
class BuildReport:
    problems: list[Problem] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)  # relative to the output folder
    source_count: int = 0
    cache_hits: int = 0
    cache_misses: int = 0


def document_cache(folder: Path) -> StageCache[Document]:
    return StageCache(folder / "clean", ("model.py", "clean"), Document.to_json, Document.from_json)


def shingle_cache(folder: Path) -> StageCache[set[int]]:
    return StageCache(folder / "shingles", ("duplicates.py",), sorted, set)


def clean_sources(
    sources: list[Source], cache: StageCache[Document]
) -> tuple[dict[str, Document], list[Problem]]:
    """Clean every source, one at a time, so that one failure spares the rest."""
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    for source in sources:
        try:
            documents[source.path.name] = cache.get(source, clean_text)
        except Exception as error:  # a bug on one text must not stop the corpus
            problems.append(Problem(source.path, 1, f"could not be cleaned: {error!r}"))
    return documents, problems


def check(root: Path) -> list[Problem]:
    """Validate every source and sidecar and try to clean each text; write nothing."""
    sources, problems = load_corpus(root / "sources", root)
    for source in sources:
        try:
            clean_text(source.text)
        except Exception as error:
            problems.append(Problem(source.path, 1, f"could not be cleaned: {error!r}"))
    return problems


def build(root: Path, out_dir: Path, *, cache_dir: Path | None = None) -> BuildReport:
    """Build every page from root/sources into out_dir and report what happened."""
    report = BuildReport()
    sources, report.problems = load_corpus(root / "sources", root)
    cache_dir = cache_dir or root / "build" / "cache"
    documents_cache, shingles_cache = document_cache(cache_dir), shingle_cache(cache_dir)
    documents, problems = clean_sources(sources, documents_cache)
    report.problems.extend(problems)
    sources = [source for source in sources if source.path.name in documents]
    report.source_count = len(sources)
    report.cache_hits, report.cache_misses = documents_cache.hits, documents_cache.misses
    shingle_sets = {source.path.name: shingles_cache.get(source, shingles) for source in sources}
    report.papers = group_papers(sources, documents, shingle_sets)

    env = environment()
    source_urls = {source.path.name: f"../sources/{source.path.name}" for source in sources}
    pages: list[Page] = [render_home(env, report.papers, len(sources))]
    pages.extend(render_index_pages(env, report.papers))
    pages.extend(render_paper(env, paper, source_urls) for paper in report.papers)

    wanted: dict[Path, bytes] = {Path(page.path): page.text.encode("utf-8") for page in pages}
    for source in sources:
        wanted[Path("sources") / source.path.name] = (root / source.path).read_bytes()
    report.written = sorted(wanted)
    _sync_folder(out_dir, wanted)
    return report


def _sync_folder(out_dir: Path, wanted: dict[Path, bytes]) -> None:
    """Make out_dir hold exactly `wanted`, rewriting only files whose bytes differ."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for relative, content in wanted.items():
        target = out_dir / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for existing in sorted(out_dir.rglob("*"), reverse=True):
        relative = existing.relative_to(out_dir)
        if existing.is_file() and relative not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            shutil.rmtree(existing)
