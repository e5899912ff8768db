"""The last successful build, remembered: when nothing it read has changed and its
output is as it left it, the next build has nothing to do.

A build reads sources/ (texts, sidecars, PDFs, the key registry), docs/ (copied into
the docs tree), references.bib (a hand-edited copy is never overwritten) and runs the
digest package's code, templates, codebook and model with the installed libraries.
All of that is hashed, after the build has written its files, together with the
options it ran with; the output folder is recorded file by file (size and time of
last change). A build that finds the same hash and the same output folder returns the
recorded report instead of running every stage again: `make site` with nothing
changed costs a hash of the corpus, as `make` does with its targets.
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path

from digest.model import Problem
from digest.outputs import write_atomic

_PACKAGE = Path(__file__).resolve().parent
# The libraries whose output lands in the pages (templates, parsing, PDF reading).
_LIBRARIES = ("jinja2", "pyyaml", "python-crfsuite", "pypdfium2", "markdown-it-py")
MANIFEST_NAME = "build-manifest.json"


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def inputs_fingerprint(root: Path, read: tuple[Path, ...], options: dict[str, object]) -> str:
    """A hash of everything a build reads (files under ``read``, relative to root, and
    single files), the package it runs and the options it runs with."""
    digest = hashlib.sha256(json.dumps(options, sort_keys=True, default=str).encode())
    digest.update(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    for path in _files(_PACKAGE):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for item in read:
        target = root / item
        paths = _files(target) if target.is_dir() else [target]
        for path in paths:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")
    return digest.hexdigest()


def output_state(out_dir: Path) -> dict[str, list[int]]:
    """Every file of the output folder: size and time of last change (nanoseconds)."""
    state = {}
    for path in _files(out_dir):
        stat = path.stat()
        state[path.relative_to(out_dir).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return state


def remember(
    path: Path, fingerprint: str, out_dir: Path, summary: dict[str, object], problems: list[Problem]
) -> None:
    """Record a successful build (called after every file is written)."""
    record = {
        "inputs": fingerprint,
        "outputs": output_state(out_dir),
        "summary": summary,
        "problems": [[str(p.path), p.line, p.message, p.severity] for p in problems],
    }
    write_atomic(path, json.dumps(record, sort_keys=True).encode("utf-8"))


def recall(path: Path, fingerprint: str, out_dir: Path) -> dict | None:
    """The recorded build, if it read the same inputs and its output is untouched."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record["inputs"] != fingerprint or record["outputs"] != output_state(out_dir):
            return None
        record["problems"] = [
            Problem(Path(file), line, message, severity)
            for file, line, message, severity in record["problems"]
        ]
        return record
    except (OSError, ValueError, KeyError, TypeError):
        return None
