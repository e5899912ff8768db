"""Per-source cache of stage results, so an unchanged paper is not reprocessed.

A stage's result for one source is stored under the source's own hash (text
and sidecar) plus a fingerprint of the code the stage runs: editing a cleaning
rule invalidates the cleaned documents, editing a page template invalidates
nothing, because pages are cheap and always rendered.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from digest.model import Source
from digest.outputs import write_atomic

_PACKAGE = Path(__file__).resolve().parent
Result = TypeVar("Result")


def code_fingerprint(names: tuple[str, ...]) -> str:
    """A hash of the named modules and packages (paths relative to the package)."""
    digest = hashlib.sha256()
    for name in names:
        path = _PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode())
            digest.update(file_digest(file))
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=1024)
def file_digest(path: Path) -> bytes:
    """A package file's SHA-256, read once per process: a build hashes the whole package
    (``digest.manifest.code_fingerprint``) and names the same modules for a dozen
    stages and memos (the code a process runs does not change under it)."""
    return hashlib.sha256(path.read_bytes()).digest()


class StageCache(Generic[Result]):
    """One stage's results on disk, a JSON file per (source, code) pair."""

    def __init__(
        self,
        folder: Path,
        code: tuple[str, ...],
        encode: Callable[[Result], Any],
        decode: Callable[[Any], Result],
    ) -> None:
        self.folder = folder
        self.fingerprint = code_fingerprint(code)
        self.encode, self.decode = encode, decode
        self.hits = 0
        self.misses = 0
        self.pending: dict[str, bytes] = {}  # written by commit(), once the build succeeded

    def get(self, source: Source, compute: Callable[[str], Result]) -> Result:
        return self.get_keyed(source.sha256, lambda: compute(source.text))

    def has(self, key: str) -> bool:
        """Whether a result is stored under ``key`` (it may still prove damaged)."""
        return os.path.isfile(self._path(key))

    def peek(self, key: str) -> Result | None:
        """The result stored under ``key``, or None (nothing computed, nothing counted)."""
        try:
            with open(self._path(key), "rb") as handle:
                return self.decode(json.loads(handle.read()))
        except (ValueError, KeyError, TypeError, OSError):
            return None

    def _path(self, key: str) -> str:
        # A string, not a Path: a build asks for thousands.
        return os.path.join(self.folder, f"{key[:32]}-{self.fingerprint}.json")

    def get_keyed(self, key: str, compute: Callable[[], Result]) -> Result:
        """The result stored under ``key`` (a hash of what it is computed from)."""
        path = self._path(key)
        try:
            with open(path, "rb") as handle:  # (a build reads thousands: one open each)
                result = self.decode(json.loads(handle.read()))
        except (ValueError, KeyError, TypeError, OSError):
            pass  # missing, or damaged: recomputed (and replaced), never trusted
        else:
            self.hits += 1
            return result
        self.misses += 1
        result = compute()
        self._keep(path, result)
        return result

    def deferred(self, source: Source, compute: Callable[[str], Result]) -> Callable[[], Result]:
        """A function that reads the result stored for ``source`` (counted as a hit now:
        it is stored), or computes it again if it proves damaged; ``Deferred`` calls it
        once, when the result is first asked for."""
        self.hits += 1

        def read() -> Result:
            result = self.peek(source.sha256)
            if result is None:
                result = compute(source.text)
                self._keep(self._path(source.sha256), result)
            return result

        return read

    def _keep(self, path: str, result: Result) -> None:
        self.pending[path] = json.dumps(self.encode(result), ensure_ascii=False).encode("utf-8")

    def commit(self) -> None:
        """Write the entries computed since the last commit; the build calls it on success."""
        for path, content in sorted(self.pending.items()):
            write_atomic(Path(path), content)
        self.pending.clear()


class Deferred(Mapping[str, Result]):
    """Results by name, each read when first asked for (``StageCache.deferred``)."""

    def __init__(self, results: dict[str, Result | Callable[[], Result]]) -> None:
        self._results = results

    def __getitem__(self, name: str) -> Result:
        result = self._results[name]
        if callable(result):
            result = self._results[name] = result()
        return result  # type: ignore[return-value]

    def reader(self, name: str) -> Callable[[], Result]:
        """A function that reads the result of ``name`` (for whoever may need it)."""
        return lambda: self[name]

    def __contains__(self, name: object) -> bool:
        return name in self._results

    def __iter__(self) -> Iterator[str]:
        return iter(self._results)

    def __len__(self) -> int:
        return len(self._results)


class MemoFile:
    """Results of a step that works on many small things (a BibTeX entry) rather than on
    one source, kept in one JSON object per code fingerprint: read once at the start
    of a build, written (``commit``) only after a successful build and only if the
    build used a different set of results, so it never grows with what was removed."""

    def __init__(
        self, folder: Path, name: str, code: tuple[str, ...], suffix: str = ".json"
    ) -> None:
        self.folder = folder
        self.path = folder / f"{name}-{code_fingerprint(code)}{suffix}"
        self.pending: bytes | None = None
        self._read = b""
        self._loaded: dict[str, Any] | None = None  # as ``load`` decoded it

    def load_bytes(self) -> bytes:
        """What was stored, as bytes (empty if nothing was)."""
        try:
            self._read = self.path.read_bytes()
        except OSError:
            self._read = b""
        return self._read

    def load(self) -> dict[str, Any]:
        """What was stored; empty if nothing was, or if the file is damaged."""
        try:
            stored = json.loads(self.load_bytes().decode("utf-8"))
        except ValueError:
            return {}
        if not isinstance(stored, dict):
            return {}
        self._loaded = stored
        return dict(stored)  # (a copy: the caller may change it)

    def keep_bytes(self, content: bytes) -> None:
        """The bytes to write at ``commit`` (nothing is written if they are the same)."""
        self.pending = None if content == self._read else content

    def keep(self, results: dict[str, Any]) -> None:
        """The results to write at ``commit`` (nothing, if they are what was loaded:
        comparing costs a tenth of encoding them again)."""
        if self._loaded is not None and results == self._loaded:
            self.pending = None
            return
        self.keep_bytes(json.dumps(results, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def commit(self) -> None:
        if self.pending is not None:
            write_atomic(self.path, self.pending)
            self._read, self.pending, self._loaded = self.pending, None, None
