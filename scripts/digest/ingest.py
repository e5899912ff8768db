"""Find the source texts and their sidecars, and load them as ``Source`` objects.

The first stage of the pipeline. It never raises for bad data: a bad source
is reported as a ``Problem`` and skipped, so one damaged file does not hide
the problems of the others or stop the rest of the corpus from loading.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from digest.model import Problem, Source
from digest.sidecar import TEXT_SUFFIXES, Sidecar, decode_utf8, read_sidecar

SIDECAR_SUFFIX = ".yml"


def load_corpus(sources_dir: Path, root: Path | None = None) -> tuple[list[Source], list[Problem]]:
    """Load every ``*.txt``/``*.md`` in ``sources_dir`` (not recursive) with its sidecar.

    Paths in sources and problems are relative to ``root`` (the repository
    root) when given, so messages read the same on every machine.
    """

    def show(path: Path) -> Path:
        return _relative(path, root)

    problems: list[Problem] = []
    try:
        entries = sorted(p for p in sources_dir.iterdir() if p.is_file())
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
        loaded = _load_source(text_path, show, problems)
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


def _load_source(
    text_path: Path, show: Callable[[Path], Path], problems: list[Problem]
) -> tuple[Source, Sidecar] | None:
    """Load one text and its sidecar; report everything wrong with either, then give up."""
    sidecar_path = text_path.with_suffix(SIDECAR_SUFFIX)
    try:
        data = text_path.read_bytes()
    except OSError as exc:
        problems.append(Problem(show(text_path), 1, f"cannot read: {exc.strerror or exc}"))
        return None
    text, found = decode_utf8(data, text_path)
    if text is not None and not text.strip():
        found.append(Problem(text_path, 1, "text is empty; expected the text of a paper"))

    if sidecar_path.is_file():
        sidecar = read_sidecar(sidecar_path)
        found.extend(sidecar.problems)
    else:
        sidecar = None
        found.append(Problem(text_path, 1, _missing_sidecar(text_path, sidecar_path)))

    problems.extend(Problem(show(p.path), p.line, p.message) for p in found)
    if found or text is None or sidecar is None or sidecar.metadata is None:
        return None  # ``found`` covers every case; the rest narrows the types
    source = Source(
        path=show(text_path),
        sidecar_path=show(sidecar_path),
        text=text,
        sha256=hashlib.sha256(data + b"\0" + sidecar.raw).hexdigest(),
        metadata=sidecar.metadata,
    )
    return source, sidecar


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
