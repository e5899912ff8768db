"""Write what a build made, safely: under a lock, atomically, only once it all worked.

The build computes every page, the bibliography and the key registry in memory
first; only then does it write, each file through a temporary file renamed over
the old one, so a build killed half-way leaves every file either as it was or as
it should be, never half-written. A lock (``build/digest.lock``) keeps two builds
from interleaving their writes; the kernel drops it when a build dies, so a lock
left by a killed build is noticed and taken over, never waited on.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = Path("build") / "digest.lock"
# The file that marks a folder as the build's own, so it may delete what it finds there.
OUTPUT_MARKER = ".digest-output"
DEFAULT_LOCK_WAIT = 300.0


class BuildLocked(RuntimeError):
    """Another build holds the lock and did not let go in time."""


def write_atomic(path: Path, content: bytes, *, durable: bool = False) -> None:
    """Replace ``path`` with ``content`` in one rename; readers see old or new, never half.

    ``durable`` also flushes the bytes to disk before the rename (for tracked files,
    which nothing regenerates if a crash loses them).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(content)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def sync_folder(
    out_dir: Path,
    wanted: dict[Path, bytes],
    *,
    owned: bool = False,
    kept: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Make out_dir hold exactly ``wanted`` and ``kept``, rewriting only files whose bytes
    differ; ``kept`` files (posix paths relative to out_dir) are known to be as wanted
    already and are left unread.

    Refuses a folder that holds files but no marker of a previous build (unless
    ``owned``: the build's own build/ area), so that ``--out`` pointing at the
    wrong folder cannot delete someone's files.
    """
    marker = out_dir / OUTPUT_MARKER
    if not owned and out_dir.is_dir() and not marker.exists() and any(out_dir.iterdir()):
        raise FileExistsError(
            f"{out_dir} holds files that no digest build wrote (no {OUTPUT_MARKER}); "
            "choose an empty or new folder for the output"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    marker.touch()
    for relative, content in wanted.items():
        target = out_dir / relative
        try:
            same = stat.S_ISREG(os.lstat(target).st_mode) and target.read_bytes() == content
        except OSError:
            same = False
        if not same:
            write_atomic(target, content)
    # Plain strings and os.walk: a docs tree holds thousands of files.
    keep = {path.as_posix() for path in wanted} | set(kept)
    keep.add(OUTPUT_MARKER)
    top = str(out_dir)
    for folder, dirs, files in os.walk(top, topdown=False):
        inside = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        for name in files:
            if prefix + name not in keep:
                os.unlink(os.path.join(folder, name))
        for name in dirs:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                if prefix + name not in keep:
                    os.unlink(path)
            elif not os.listdir(path):
                os.rmdir(path)


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files a killed build left in ``folder`` (call under the lock)."""
    if folder.is_dir():
        for leftover in folder.glob(".*.tmp"):
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink(missing_ok=True)


@contextmanager
def build_lock(
    root: Path,
    *,
    wait: float = DEFAULT_LOCK_WAIT,
    say: Callable[[str], None] = lambda message: None,
) -> Iterator[bool]:
    """Hold ``build/digest.lock`` for the duration; wait up to ``wait`` s for another build.

    The lock is an advisory ``flock`` on the file, so it vanishes with the process
    that held it: a lock file left by a killed build holds no lock and is simply
    taken over (and ``say`` is told whose it was). A build writes its pid into the
    file and empties it when it is done, so a pid found there says the last build
    stopped half-way: the context's value is then True (it may have left temporary
    files to remove), else False.
    """
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
            holder = _holder(descriptor)
            if time.monotonic() >= deadline:
                raise BuildLocked(
                    f"{LOCK_FILE}: another build (pid {holder}) is still running after "
                    f"{wait:.0f} s; wait for it to finish, or stop it, then build again"
                ) from None
            if not told:
                say(f"{LOCK_FILE}: another build (pid {holder}) is running; waiting for it")
                told = True
            time.sleep(0.1)
        previous = _holder(descriptor)
        if previous and previous.isdigit() and not _alive(int(previous)):
            say(f"{LOCK_FILE}: cleared a stale lock left by a build that stopped (pid {previous})")
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        try:
            yield previous != "?"
        finally:
            os.ftruncate(descriptor, 0)
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


def _holder(descriptor: int) -> str:
    """The pid written in the lock file, or "?"."""
    try:
        return os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "?"
    except OSError:
        return "?"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
