"""Source texts read only when a stage asks for them.

A build after one change needs the texts of the changed sources only: every other
source's cleaned text, reference list, items and citations are cached under its
hash, and the build knows each file's hash from its size and time of last change
(``digest.manifest.input_hashes``), as git and make do. What reading a text found
(its warnings, whether it was transcoded) depends on its name and bytes alone, so it
is remembered by both (``TextMemo``), and the text itself is read when first asked
for (``DeferredSource``), checked against the hash it was known by.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from digest.ingest.encoding import decode_text, normalise_line_ends
from digest.ingest.files import TEXT_LIMITS, read_limited
from digest.model import LineStyle, Metadata, Problem, Source


class SourceChanged(RuntimeError):
    """A source's bytes are not those it was known by when the build started."""

    reason = "changed while the build was reading the sources; build again"

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: {self.reason}")
        self.path = path


class TextMemo:
    """What loading each text found, by its name and the hash of its bytes: whether it
    was transcoded to UTF-8, and its warnings as (line, message, severity). Only texts
    that loaded without an error are remembered: a refused one is read every time."""

    def __init__(self, stored: dict[str, Any]) -> None:
        self._stored = stored
        self._used: dict[str, list] = {}

    @staticmethod
    def _key(name: str, digest: str) -> str:
        return f"{name}\0{digest}"

    def recall(self, name: str, digest: str) -> tuple[bool, list[tuple[int, str, str]]] | None:
        """What loading the text found, or None if it is not remembered (or damaged)."""
        key = self._key(name, digest)
        stored = self._stored.get(key)
        try:
            transcoded, warnings = stored  # type: ignore[misc]
            found = [(int(line), str(message), str(kind)) for line, message, kind in warnings]
            if not isinstance(transcoded, bool) or any(kind == "error" for *_, kind in found):
                return None
        except (TypeError, ValueError):
            return None
        self._used[key] = [transcoded, [list(problem) for problem in found]]
        return transcoded, found

    def remember(self, name: str, digest: str, transcoded: bool, found: list[Problem]) -> None:
        if any(problem.is_error for problem in found):
            return
        self._used[self._key(name, digest)] = [
            transcoded,
            [[problem.line, problem.message, problem.severity] for problem in found],
        ]

    def in_use(self) -> dict[str, list]:
        """What this build loaded, to store for the next."""
        return dict(sorted(self._used.items()))


def read_text(path: Path, shown: Path, digest: str) -> tuple[str, bytes]:
    """The text of a source file and its bytes as published (see ``Source``), if its
    bytes still hash to ``digest``; SourceChanged if not."""
    data, _ = read_limited(path, shown, TEXT_LIMITS)
    if data is None or hashlib.sha256(data).hexdigest() != digest:
        raise SourceChanged(shown)
    decoded = decode_text(data, shown)
    if decoded.text is None:
        raise SourceChanged(shown)
    published = decoded.text.encode() if decoded.transcoded else data
    return normalise_line_ends(decoded.text), published


class DeferredSource(Source):
    """A ``Source`` whose text (and bytes as published) are read when first asked for."""

    def __init__(
        self,
        read: Callable[[], tuple[str, bytes]],
        *,
        path: Path,
        sidecar_path: Path,
        sha256: str,
        metadata: Metadata,
        styles: tuple[LineStyle, ...] = (),
        pdf: bytes | None = None,
    ) -> None:
        # Source's own fields but text and published, which are read on demand.
        self.path, self.sidecar_path, self.sha256 = path, sidecar_path, sha256
        self.metadata, self.styles, self.pdf = metadata, styles, pdf
        self._read = read
        self._content: tuple[str, bytes] | None = None

    def _loaded(self) -> tuple[str, bytes]:
        if self._content is None:
            self._content = self._read()
        return self._content

    @property  # type: ignore[override]
    def text(self) -> str:
        return self._loaded()[0]

    @property  # type: ignore[override]
    def published(self) -> bytes:
        return self._loaded()[1]
