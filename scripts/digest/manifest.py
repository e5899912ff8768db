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

When something has changed, the pages are still recorded with a signature of what
each was made from (``PageMemo``): a page whose signature and file are as the last
build left them is kept as it is, not rendered again, so a build after one changed
source renders the pages that source touches and few others.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import re
import stat
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from digest.cache import file_digest
from digest.model import Problem
from digest.outputs import write_atomic

if TYPE_CHECKING:
    from digest.site.pages import Page

_PACKAGE = Path(__file__).resolve().parent
# The libraries whose output lands in the pages (templates, parsing, PDF reading).
_LIBRARIES = ("jinja2", "pyyaml", "python-crfsuite", "pypdfium2", "markdown-it-py")
MANIFEST_NAME = "build-manifest.json"


def _files(folder: Path) -> list[str]:
    """Every file under ``folder`` (no bytecode), as paths relative to it ("a/b.txt"),
    sorted as paths sort."""
    top = str(folder)
    if not os.path.isdir(top):
        return []
    found = []
    for inside, dirs, files in os.walk(top):  # plain strings: thousands of files
        dirs[:] = [name for name in dirs if name != "__pycache__"]
        relative = os.path.relpath(inside, top)
        for name in files:
            if not name.endswith(".pyc") and os.path.isfile(os.path.join(inside, name)):
                found.append(name if relative == "." else os.path.join(relative, name))
    return [name.replace(os.sep, "/") for name in sorted(found, key=lambda n: n.split(os.sep))]


def code_fingerprint() -> str:
    """A hash of the code a build runs: Python, the libraries, every file of the package
    (modules, templates, the codebook)."""
    digest = hashlib.sha256(sys.version.encode())
    versions = installed_versions()
    for name in _LIBRARIES:
        digest.update(f"{name}={versions.get(_normalised(name), '-')}".encode())
    for name in _files(_PACKAGE):
        digest.update(name.encode() + b"\0")
        digest.update(file_digest(_PACKAGE / name))
    return digest.hexdigest()


def installed_versions() -> dict[str, str]:
    """The version of every installed distribution, by normalised name, read from the
    names of the ``*.dist-info`` folders on ``sys.path`` (the first found wins, as with
    ``importlib.metadata``, whose import alone cost more than a build after one change
    spends hashing its inputs)."""
    versions: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in sorted(names):
            if name.endswith(".dist-info"):
                distribution, _, version = name.removesuffix(".dist-info").partition("-")
                versions.setdefault(_normalised(distribution), version)
    return versions


def _normalised(name: str) -> str:
    """A distribution's name as packaging compares names (PEP 503), "-" for "_"."""
    return re.sub(r"[-_.]+", "-", name).lower()


# A file whose last change was less than this long before it was read may change again
# within the same tick of a coarse file-system clock: its hash is not reused.
SETTLED_NS = 2_000_000_000


def input_hashes(
    root: Path, read: tuple[Path, ...], known: dict[str, list] | None = None
) -> tuple[dict[str, str], dict[str, list]]:
    """Every file a build reads (files under ``read``, relative to root, and single
    files): its path and the hash of its bytes ("-" for a single file that is missing).

    ``known`` (the last build's ``[size, time of last change, hash]`` per path, the
    second result) saves reading a file whose size and time are as they were, as git
    and make trust them; only files settled when read are remembered (SETTLED_NS)."""
    now = time.time_ns()
    known = known if isinstance(known, dict) else {}
    hashes: dict[str, str] = {}
    settled: dict[str, list] = {}
    for item in read:
        target = root / item
        top = item.as_posix()
        names = [f"{top}/{name}" for name in _files(target)] if target.is_dir() else [top]
        for name in names:
            path = os.path.join(root, name)
            try:
                found = os.stat(path)
            except OSError:
                found = None
            if found is None or not stat.S_ISREG(found.st_mode):
                hashes[name] = "-"
                continue
            seen = [found.st_size, found.st_mtime_ns]
            entry = known.get(name)
            if isinstance(entry, list) and len(entry) == 3 and entry[:2] == seen:
                hashes[name] = str(entry[2])
            else:
                with open(path, "rb") as handle:
                    hashes[name] = hashlib.sha256(handle.read()).hexdigest()
            if found.st_mtime_ns < now - SETTLED_NS:
                settled[name] = [*seen, hashes[name]]
    return hashes, settled


def inputs_fingerprint(hashes: dict[str, str], code: str, options: dict[str, object]) -> str:
    """A hash of everything a build reads (``input_hashes``), the package it runs
    (``code_fingerprint``) and the options it runs with."""
    digest = hashlib.sha256(json.dumps(options, sort_keys=True, default=str).encode())
    digest.update(code.encode())
    for path, hashed in sorted(hashes.items()):
        digest.update(f"{path}\0{hashed}\0".encode())
    return digest.hexdigest()


def output_state(out_dir: Path) -> dict[str, list[int]]:
    """Every file of the output folder: size and time of last change (nanoseconds)."""
    state = {}
    top = str(out_dir)
    for folder, _, files in os.walk(top):  # plain strings: thousands of files
        inside = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        for name in files:
            try:
                found = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            if stat.S_ISREG(found.st_mode):
                state[prefix + name] = [found.st_size, found.st_mtime_ns]
    return dict(sorted(state.items()))


def read_record(path: Path) -> dict:
    """The last successful build's record, or {} if there is none or it is damaged."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def file_states(out_dir: Path, paths: Iterable[str]) -> dict[str, list[int]]:
    """Size and time of last change of the given files of the output folder (posix
    paths relative to it), as ``output_state`` gives them."""
    state = {}
    for path in paths:
        found = os.stat(os.path.join(out_dir, path))
        state[path] = [found.st_size, found.st_mtime_ns]
    return state


def remember(
    path: Path,
    fingerprint: str,
    outputs: dict[str, list[int]],
    summary: dict[str, object],
    problems: list[Problem],
    pages: PageMemo | None = None,
    inputs: dict[str, list] | None = None,
) -> None:
    """Record a successful build (called after every file is written); ``outputs``: the
    output folder's state as ``output_state`` would read it; ``inputs``: the settled
    input files of ``input_hashes``."""
    record = {
        "inputs": fingerprint,
        "input_files": inputs or {},
        "outputs": dict(sorted(outputs.items())),
        "summary": summary,
        "problems": [[str(p.path), p.line, p.message, p.severity] for p in problems],
        "pages": pages.record() if pages else {},
    }
    write_atomic(path, json.dumps(record, sort_keys=True).encode("utf-8"))


def recall(record: dict, fingerprint: str, out_dir: Path) -> dict | None:
    """The recorded build, if it read the same inputs and its output is untouched."""
    try:
        if record["inputs"] != fingerprint or record["outputs"] != output_state(out_dir):
            return None
        return {
            **record,
            "problems": [
                Problem(Path(file), line, message, severity)
                for file, line, message, severity in record["problems"]
            ],
        }
    except (KeyError, TypeError, ValueError):
        return None


class PageMemo:
    """The pages of the last successful build, by the signature of what each group of
    pages (a paper's page, a bibliography page with its cited-by pages, one page of a
    long list) was made from.

    A signature is computed by the caller from what the pages show (the content hashes
    of the papers, the keys, the titles ...), far more cheaply than rendering them. A
    group whose signature, code and files are as the last build recorded them is kept:
    not rendered, not read, not rewritten. Anything else is rendered. The memo only
    ever saves work: a missing or damaged record renders everything.
    """

    def __init__(self, record: dict, out_dir: Path, code: str | None = None) -> None:
        """``record``: the last build's (``read_record``)."""
        self.out_dir = out_dir
        self.code = code or code_fingerprint()
        self.groups: dict[str, tuple[str, list[str]]] = {}  # this build's
        self.kept: set[str] = set()  # paths relative to out_dir, as posix strings
        self.rendered = 0
        self._recorded: dict[str, list] = {}
        self._files: dict[str, list[int]] = {}
        self.seen: dict[str, list[int]] = {}  # kept files, as found unchanged
        try:
            if record["pages"].get("code") == self.code:
                self._recorded = dict(record["pages"]["groups"])
                self._files = dict(record["outputs"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass

    def group(self, name: str, signature: str, render: Callable[[], list[Page]]) -> list[Page]:
        """The group's pages rendered, or [] when the last build's are kept as they are."""
        recorded = self._recorded.get(name)
        if recorded and recorded[0] == signature and all(map(self._untouched, recorded[1])):
            self.groups[name] = (signature, recorded[1])
            self.kept.update(recorded[1])  # (thousands: no Path objects)
            return []
        pages = render()
        self.rendered += len(pages)
        self.groups[name] = (signature, [page.path for page in pages])
        return pages

    def _untouched(self, path: str) -> bool:
        try:
            found = os.stat(os.path.join(self.out_dir, path))  # (thousands: no Path objects)
        except OSError:
            return False
        state = [found.st_size, found.st_mtime_ns]
        if state != self._files.get(path):
            return False
        self.seen[path] = state
        return True

    def record(self) -> dict[str, object]:
        return {"code": self.code, "groups": {name: list(v) for name, v in self.groups.items()}}


def signature(*parts: object) -> str:
    """A hash of the parts: strings, numbers, None, and lists, tuples and dicts of them.

    The parts are pickled without a memo (``fast``), so the bytes depend on the values
    alone, not on which objects happen to be shared; a build signs thousands of pages,
    and pickling costs a third of what JSON did. Anything else (a Path, a dataclass) is
    refused. Sets are not: their order varies between runs, so a set would make a page
    look changed on every build (tests/pipeline/test_signatures.py builds under two
    hash seeds and compares every signature)."""
    buffer = io.BytesIO()
    pickler = _Signing(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(parts)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).hexdigest()


class _Signing(pickle.Pickler):
    """Pickles the plain values of a signature and refuses anything else."""

    def reducer_override(self, obj: object) -> object:
        raise TypeError(f"not part of a signature: {type(obj).__name__}")
