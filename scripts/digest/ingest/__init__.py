"""Find the source texts and their sidecars, and load them as ``Source`` objects.

The first stage of the pipeline. It never raises for bad data: a bad source
is reported as a ``Problem`` and skipped, so one damaged file does not hide
the problems of the others or stop the rest of the corpus from loading. It
reads nothing outside sources/ (no links followed) and nothing unbounded
(``files``), and decodes only what it can decode without guessing (``encoding``).
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from digest.cache import StageCache
from digest.ingest.deferred import DeferredSource, TextMemo, read_text
from digest.ingest.encoding import decode_text, normalise_line_ends
from digest.ingest.files import PDF_LIMITS, TEXT_LIMITS, read_limited
from digest.ingest.pdf import PdfError, PdfText, read_pdf
from digest.ingest.sidecar import TEXT_SUFFIXES, Sidecar, read_sidecar
from digest.model import LineStyle, Problem, Source

SIDECAR_SUFFIX = ".yml"


def load_corpus(
    sources_dir: Path,
    root: Path | None = None,
    pdf_cache: StageCache[PdfText] | None = None,
    known: Mapping[str, str] | None = None,
    loaded_before: TextMemo | None = None,
) -> tuple[list[Source], list[Problem]]:
    """Load every ``*.txt``/``*.md``/``*.pdf`` in ``sources_dir`` (not recursive) with its
    sidecar.

    Paths in sources and problems are relative to ``root`` (the repository
    root) when given, so messages read the same on every machine. Problems of
    severity "warning" leave their source in; errors leave it out. A PDF's text is
    read by its layout (``digest.ingest.pdf``), from ``pdf_cache`` when unchanged.

    With ``known`` (the hash of each file's bytes by its path as shown, from
    ``digest.manifest.input_hashes``) and ``loaded_before`` (what loading each text found
    before), a text already loaded once is not read: its source is a
    ``DeferredSource``, read when a stage first asks for its text.
    """

    shown_dir = _relative(sources_dir, root)

    def show(path: Path) -> Path:
        # A file of sources/ is shown under the folder as shown (one relative_to, not
        # one per file: thousands of them).
        return shown_dir / path.name if path.parent == sources_dir else _relative(path, root)

    refused = _check_folder(sources_dir, root, show)
    if refused:
        return [], [refused]
    problems: list[Problem] = []
    try:
        entries = sorted(
            (Path(entry.path) for entry in os.scandir(sources_dir) if not entry.is_dir()),
            key=lambda path: path.name,
        )
    except OSError as exc:
        return [], [Problem(show(sources_dir), 1, f"cannot list sources: {exc.strerror or exc}")]

    texts = [p for p in entries if p.suffix in TEXT_SUFFIXES]
    stems = Counter(p.stem for p in texts)
    for sidecar_path in (p for p in entries if p.suffix == SIDECAR_SUFFIX):
        if stems[sidecar_path.stem] == 0:
            problems.append(
                Problem(
                    show(sidecar_path),
                    1,
                    "sidecar with no text: expected "
                    f"{' or '.join(sidecar_path.stem + s for s in TEXT_SUFFIXES)} beside it",
                )
            )
            # Its own mistakes too (a `source:` pointing elsewhere, say), all at once.
            problems.extend(_shown(read_sidecar(sidecar_path).problems, show))

    sources: list[Source] = []
    first_with_id: dict[str, Sidecar] = {}
    for text_path in texts:
        if stems[text_path.stem] > 1:
            others = sorted(p.name for p in texts if p.stem == text_path.stem and p != text_path)
            problems.append(
                Problem(
                    show(text_path),
                    1,
                    f"shares its stem with {', '.join(others)}; expected one text per sidecar "
                    f"{text_path.stem}{SIDECAR_SUFFIX} (rename one of them)",
                )
            )
            continue
        loaded = _load_source(text_path, show, problems, pdf_cache, known, loaded_before)
        if loaded is None:
            continue
        source, sidecar = loaded
        first = first_with_id.setdefault(source.metadata.id, sidecar)
        if first is not sidecar:
            problems.append(
                Problem(
                    show(sidecar.path),
                    sidecar.lines.get("id", 1),
                    f"id: {source.metadata.id!r} is already used by {show(first.path)}; "
                    "expected ids to be unique across the corpus",
                )
            )
            continue
        sources.append(source)
    return sources, problems


def _check_folder(
    sources_dir: Path, root: Path | None, show: Callable[[Path], Path]
) -> Problem | None:
    """sources/ itself must be a real folder inside the project, not a link elsewhere."""
    if sources_dir.is_symlink():
        return Problem(
            show(sources_dir),
            1,
            f"is a symbolic link (to {os.readlink(sources_dir)}); expected the sources/ folder "
            "itself, so that nothing outside the project is read or published",
        )
    if not sources_dir.is_dir():
        return Problem(show(sources_dir), 1, "no sources/ folder; expected one beside mkdocs.yml")
    if root is not None and not sources_dir.resolve().is_relative_to(root.resolve()):
        return Problem(show(sources_dir), 1, "lies outside the project; expected ROOT/sources")
    return None


def _shown(problems: list[Problem], show: Callable[[Path], Path]) -> list[Problem]:
    return [replace(problem, path=show(problem.path)) for problem in problems]


def pdf_cache(folder: Path) -> StageCache[PdfText]:
    """PDFs read, by the hash of their bytes: an unchanged PDF is not read again."""
    return StageCache(folder / "pdf", ("model.py", "ingest/pdf"), _pdf_to_json, _pdf_from_json)


def _pdf_to_json(read: PdfText) -> dict:
    styles = [[style.size, style.bold, style.bold_words, style.italic] for style in read.styles]
    return {"text": read.text, "styles": styles}


def _pdf_from_json(data: dict) -> PdfText:
    styles = tuple(
        LineStyle(float(size), bool(bold), int(words), bool(italic))
        for size, bold, words, italic in data["styles"]
    )
    return PdfText(str(data["text"]), styles)


def _load_source(
    text_path: Path,
    show: Callable[[Path], Path],
    problems: list[Problem],
    cache: StageCache[PdfText] | None = None,
    known: Mapping[str, str] | None = None,
    texts: TextMemo | None = None,
) -> tuple[Source, Sidecar] | None:
    """Load one text and its sidecar; report everything wrong with either, then give up."""
    sidecar_path = text_path.with_suffix(SIDECAR_SUFFIX)
    is_pdf = text_path.suffix == ".pdf"
    shown = show(text_path)
    digest = None if known is None or is_pdf else known.get(shown.as_posix())
    recalled = texts.recall(shown.as_posix(), digest) if texts and digest else None
    data: bytes | None = None
    text: str | None = None
    transcoded = False
    styles: tuple[LineStyle, ...] = ()
    if recalled is not None:  # loaded before, as it is: read when a stage asks for it
        transcoded = recalled[0]
        found = [Problem(text_path, line, message, kind) for line, message, kind in recalled[1]]
    else:
        data, found = read_limited(text_path, text_path, PDF_LIMITS if is_pdf else TEXT_LIMITS)
    if data is not None and is_pdf:
        try:
            read = read_pdf_cached(data, cache)
        except PdfError as exc:
            found.append(Problem(text_path, 1, f"cannot read the PDF: {exc}"))
        else:
            text, styles, transcoded = read.text, read.styles, True
    elif data is not None:
        decoded = decode_text(data, text_path)
        found.extend(decoded.problems)
        text, transcoded = decoded.text, decoded.transcoded
    if text is not None and not text.strip():
        found.append(Problem(text_path, 1, "text is empty; expected the text of a paper"))
    if data is not None:
        digest = hashlib.sha256(data).hexdigest()
        if texts is not None and not is_pdf and text is not None:
            texts.remember(shown.as_posix(), digest, transcoded, found)

    sidecar: Sidecar | None = None
    if os.path.lexists(sidecar_path):
        sidecar = read_sidecar(sidecar_path)
        found.extend(sidecar.problems)
    else:
        found.append(Problem(text_path, 1, _missing_sidecar(text_path, sidecar_path)))

    problems.extend(_shown(found, show))
    if any(p.is_error for p in found) or digest is None:
        return None
    if sidecar is None or sidecar.metadata is None:
        return None  # ``found`` covers every case; this narrows the types
    # The bytes of text and sidecar, by the hash of each (the text's may be known
    # without reading it).
    sha256 = hashlib.sha256(digest.encode() + b"\0" + sidecar.raw).hexdigest()
    if recalled is not None:
        source: Source = DeferredSource(
            functools.partial(read_text, text_path, shown, digest),
            path=shown,
            sidecar_path=show(sidecar_path),
            sha256=sha256,
            metadata=sidecar.metadata,
        )
        return source, sidecar
    if data is None or text is None:
        return None
    published = text.encode() if transcoded else data
    source = Source(
        path=shown,
        sidecar_path=show(sidecar_path),
        text=normalise_line_ends(text),
        sha256=sha256,
        metadata=sidecar.metadata,
        published=published,
        styles=styles,
        pdf=data if is_pdf and sidecar.metadata.publish_pdf else None,
    )
    return source, sidecar


def read_pdf_cached(data: bytes, cache: StageCache[PdfText] | None) -> PdfText:
    """A PDF read by its layout, from ``cache`` when it holds these bytes (PdfError if
    unreadable)."""
    if cache is None:
        return read_pdf(data)
    return cache.get_keyed(hashlib.sha256(data).hexdigest(), lambda: read_pdf(data))


def _missing_sidecar(text_path: Path, sidecar_path: Path) -> str:
    message = (
        f"no sidecar: expected {sidecar_path.name} beside it "
        "(metadata: id, source, title, authors, language, not_in_text)"
    )
    near_miss = text_path.with_suffix(".yaml")
    if near_miss.is_file():
        message += f"; found {near_miss.name}, rename it to {sidecar_path.name}"
    return message


def _relative(path: Path, root: Path | None) -> Path:
    """The path to report: relative to the root when it lies under it, else as found."""
    if root is None:
        return path
    for candidate, base in ((path, root), (path.absolute(), root.absolute())):
        try:
            return candidate.relative_to(base)
        except ValueError:
            pass
    return path
