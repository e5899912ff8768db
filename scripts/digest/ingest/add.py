"""``digest add FILE...``: a received text or PDF into ``sources/`` with a drafted sidecar.

Each file is copied byte for byte (the corpus keeps what maintainers receive) under
the next free number and a readable stem ("005_zhou-mobilisation-routine.txt"),
beside a sidecar drafted from its text (``draft.py``). Nothing that exists is ever
overwritten: both files are created exclusively, the text first, and a failure
removes what this call created. A file that cannot be read is reported with its
name and the reason; the other files still go in. A text that is a rendering of a
paper already in the digest is reported (by the duplicate detector) before copying.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from digest.cache import StageCache
from digest.clean import clean_text
from digest.duplicates import DEFAULT_THRESHOLD, containment, shingles
from digest.ingest import read_pdf_cached
from digest.ingest.draft import Draft, draft_sidecar, sidecar_yaml
from digest.ingest.encoding import decode_text, normalise_line_ends
from digest.ingest.pdf import PdfError, PdfText
from digest.ingest.sidecar import TEXT_SUFFIXES
from digest.model import LineStyle

_NUMBERED = re.compile(r"^(\d{3,})_")


@dataclass
class Added:
    """What ``add`` did (or, with ``dry_run``, would do) with one file."""

    given: Path
    text_path: Path | None = None
    sidecar: str = ""
    draft: Draft | None = None
    duplicate_of: list[str] = field(default_factory=list)
    error: str | None = None
    # How the text was read: as Markdown or as plain text, and the evidence why.
    reading: str = ""


@dataclass
class _Corpus:
    """What ``sources/`` holds, read once per call and kept up to date as files go in
    (two files added in one call, even in a dry run, get two numbers and two ids)."""

    next_number: int
    ids: set[str]
    shingles: dict[str, set[int]]


def add_files(
    paths: list[Path],
    sources: Path,
    dry_run: bool = False,
    cache: StageCache[PdfText] | None = None,
) -> list[Added]:
    """Add each file in turn; one that fails does not stop the others. ``cache``: the
    build's PDFs already read (a PDF in sources/ is read once, not on every call)."""
    corpus = _read_corpus(sources, cache)
    return [_add_one(path, sources, corpus, dry_run, cache) for path in paths]


def _read_corpus(sources: Path, cache: StageCache[PdfText] | None) -> _Corpus:
    entries = sorted(sources.iterdir()) if sources.is_dir() else []
    numbers = [int(m.group(1)) for p in entries if (m := _NUMBERED.match(p.name))]
    texts = [p for p in entries if p.suffix in TEXT_SUFFIXES]
    return _Corpus(
        next_number=max(numbers, default=-1) + 1,
        ids=_taken_ids([p for p in entries if p.suffix == ".yml"]),
        shingles={p.name: shingles(_read_text(p, cache)) for p in texts},
    )


def _add_one(
    path: Path,
    sources: Path,
    corpus: _Corpus,
    dry_run: bool,
    cache: StageCache[PdfText] | None,
) -> Added:
    added = Added(path)
    if path.suffix.lower() not in TEXT_SUFFIXES:
        added.error = f"not a source ({', '.join(TEXT_SUFFIXES)})"
        return added
    try:
        data = path.read_bytes()
    except OSError as error:
        added.error = f"cannot read: {error.strerror or error}"
        return added
    styles: tuple[LineStyle, ...] = ()
    if path.suffix.lower() == ".pdf":
        try:
            read = read_pdf_cached(data, cache)
        except PdfError as error:
            added.error = f"cannot read the PDF: {error}"
            return added
        text, styles = read.text, read.styles
    else:
        decoded = decode_text(data, path)
        if decoded.text is None or not decoded.text.strip():
            reasons = "; ".join(problem.message for problem in decoded.problems)
            added.error = f"cannot read as text: {reasons or 'empty'}"
            return added
        text = normalise_line_ends(decoded.text)
    mine = shingles(text)
    added.duplicate_of = [
        name
        for name, theirs in corpus.shingles.items()
        if containment(mine, theirs) >= DEFAULT_THRESHOLD
    ]
    document = clean_text(text, styles)
    added.reading = document.reading
    stem = f"{corpus.next_number:03d}_{_readable(document.front.title or path.stem)}"
    target = sources / f"{stem}{path.suffix.lower()}"
    added.draft = draft_sidecar(document, text, target.name, corpus.ids)
    added.sidecar = sidecar_yaml(added.draft)
    added.text_path = target
    if not dry_run:
        _write_pair(target, data, added)
    if added.error is None:
        corpus.next_number += 1
        corpus.ids.add(str(added.draft.values["id"]))
        corpus.shingles[target.name] = mine
    return added


def _write_pair(target: Path, data: bytes, added: Added) -> None:
    """The text, then its sidecar; a failure removes what was created."""
    target.parent.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []
    try:
        _create(target, data)
        created.append(target)
        _create(target.with_suffix(".yml"), added.sidecar.encode("utf-8"))
    except OSError as error:
        for done in created:
            done.unlink()
        added.error = f"cannot write into {target.parent}: {error.strerror or error}"


def _create(path: Path, data: bytes) -> None:
    """Write a new file whole or not at all; an existing file is an error (O_EXCL)."""
    tmp = path.with_name(f".{path.name}.adding")
    with open(tmp, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(tmp, path)  # fails if ``path`` exists: never replaces a file
    finally:
        tmp.unlink()


def _readable(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words[:6])[:60].strip("-") or "paper"


def _taken_ids(sidecars: list[Path]) -> set[str]:
    ids = set()
    for sidecar in sidecars:
        try:
            data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
    return ids


def _read_text(path: Path, cache: StageCache[PdfText] | None) -> str:
    """A source's text (a PDF's as read by its layout), for comparing texts."""
    try:
        if path.suffix == ".pdf":
            return read_pdf_cached(path.read_bytes(), cache).text
        return path.read_text(encoding="utf-8", errors="replace")
    except (OSError, PdfError):
        return ""
