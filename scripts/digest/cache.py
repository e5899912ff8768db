"""Per-source cache of cleaned documents, so an unchanged paper is not reprocessed.

The key is the source's own hash (text and sidecar) plus a fingerprint of the
code that cleans it: editing a cleaning rule invalidates every entry, editing
a page template invalidates none.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from digest.model import Document, Source

_PACKAGE = Path(__file__).resolve().parent
_CLEANING_CODE = ("model.py", "clean")


def code_fingerprint() -> str:
    """A hash of every file the cleaned Document depends on."""
    digest = hashlib.sha256()
    for name in _CLEANING_CODE:
        path = _PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


class DocumentCache:
    """Cleaned Documents on disk, one JSON file per (source, code) pair."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fingerprint = code_fingerprint()
        self.hits = 0
        self.misses = 0

    def _path(self, source: Source) -> Path:
        return self.folder / f"{source.sha256[:32]}-{self.fingerprint}.json"

    def get_or_clean(self, source: Source, clean: Callable[[str], Document]) -> Document:
        path = self._path(source)
        if path.exists():
            try:
                document = Document.from_json(json.loads(path.read_text(encoding="utf-8")))
            except (ValueError, KeyError, TypeError):
                path.unlink()  # a damaged entry is rebuilt, never trusted
            else:
                self.hits += 1
                return document
        self.misses += 1
        document = clean(source.text)
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(document.to_json(), ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
        return document
