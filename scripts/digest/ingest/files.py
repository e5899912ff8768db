"""Read a file of sources/ without ever leaving the project or the limits.

Texts are data from people the project does not control. A symbolic link in
sources/ could point at /etc/passwd or /proc/self/environ, and the build would
publish it; a FIFO would block the build forever; a 50 MB file would be
published as a 50 MB page. So only regular files are read, never through a
link (O_NOFOLLOW closes the gap between looking and opening), and a file's
size is checked before a byte of it is read.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from digest.model import Problem

MB = 1024 * 1024
# A paper's text is 20 to 200 kB; a long thesis about 2 MB. Above the warning size
# the file is built and the maintainer told; above the limit it is not read at all.
TEXT_WARNING_BYTES = 2 * MB
TEXT_LIMIT_BYTES = 16 * MB
SIDECAR_LIMIT_BYTES = 256 * 1024
# A paper's PDF, fonts and figures included: a few MB, a scanned one tens of MB.
PDF_WARNING_BYTES = 32 * MB
PDF_LIMIT_BYTES = 128 * MB


@dataclass(frozen=True)
class FileLimits:
    """Sizes for one kind of file: warn above ``warning``, refuse above ``limit``."""

    warning: int | None
    limit: int
    what: str


TEXT_LIMITS = FileLimits(TEXT_WARNING_BYTES, TEXT_LIMIT_BYTES, "a paper's text")
SIDECAR_LIMITS = FileLimits(None, SIDECAR_LIMIT_BYTES, "a sidecar")
PDF_LIMITS = FileLimits(PDF_WARNING_BYTES, PDF_LIMIT_BYTES, "a paper's PDF")


def inspect_entry(path: Path, shown: Path) -> Problem | None:
    """Why an entry of sources/ cannot be read as a file, or None when it can."""
    try:
        info = path.lstat()
    except OSError as exc:
        return Problem(shown, 1, f"cannot read: {exc.strerror or exc}")
    if stat.S_ISLNK(info.st_mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return Problem(
            shown,
            1,
            f"is a symbolic link (to {target}); sources must be regular files inside "
            "sources/, so that nothing outside the project is read or published. "
            "Replace the link by a copy of the file",
        )
    if not stat.S_ISREG(info.st_mode):
        return Problem(
            shown, 1, "is not a regular file (a pipe, socket or device?); expected a file"
        )
    return None


def read_limited(path: Path, shown: Path, limits: FileLimits) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file inside sources/, or None with the reason."""
    refused = inspect_entry(path, shown)
    if refused:
        return None, [refused]
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        return None, [Problem(shown, 1, f"cannot read: {exc.strerror or exc}")]
    with os.fdopen(descriptor, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.limit:
            return None, [
                Problem(
                    shown,
                    1,
                    f"is {size / MB:.1f} MB; {limits.what} is expected under "
                    f"{limits.limit / MB:.0f} MB, so it was not read (is it several papers, "
                    "a whole book, or not a text?)",
                )
            ]
        data = handle.read(limits.limit + 1)  # a file that grows while read stays bounded
    problems: list[Problem] = []
    if len(data) > limits.limit:
        return None, [Problem(shown, 1, f"grew past {limits.limit / MB:.0f} MB while read")]
    if limits.warning is not None and len(data) > limits.warning:
        problems.append(
            Problem(
                shown,
                1,
                f"is {len(data) / MB:.1f} MB, far more than a paper's text (usually under "
                f"{limits.warning / MB:.0f} MB); built, but check it is one paper",
                severity="warning",
            )
        )
    return data, problems
