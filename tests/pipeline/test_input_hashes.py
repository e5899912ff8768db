"""What a build reads, hashed (digest.manifest.input_hashes): a file whose size and
time of last change are as the last build recorded is not read again, a changed one
is, and a file changed just before it was read is never trusted by its time."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from digest.manifest import SETTLED_NS, input_hashes

READS = (Path("sources"), Path("references.bib"))


def settle(path: Path, seconds_ago: float = 60) -> None:
    """Date the file's last change in the past, as a file untouched for a while is."""
    then = time.time_ns() - int(seconds_ago * 1e9)
    os.utime(path, ns=(then, then))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_files_are_hashed_and_a_missing_single_file_is_marked(tmp_path: Path) -> None:
    (tmp_path / "sources" / "sub").mkdir(parents=True)
    (tmp_path / "sources" / "a.txt").write_bytes(b"alpha")
    (tmp_path / "sources" / "sub" / "b.yml").write_bytes(b"beta")
    hashes, _ = input_hashes(tmp_path, READS)
    assert hashes == {
        "sources/a.txt": sha(b"alpha"),
        "sources/sub/b.yml": sha(b"beta"),
        "references.bib": "-",
    }


def test_a_settled_file_is_trusted_by_size_and_time_and_a_changed_one_is_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "sources").mkdir()
    first, second = tmp_path / "sources" / "a.txt", tmp_path / "sources" / "b.txt"
    first.write_bytes(b"alpha")
    second.write_bytes(b"beta")
    settle(first)
    settle(second)
    _, settled = input_hashes(tmp_path, READS)
    assert set(settled) == {"sources/a.txt", "sources/b.txt"}
    # A record that says something else about an unchanged file is believed (so the
    # file was not read) ...
    settled["sources/a.txt"][2] = "recorded"
    # ... and a changed file (new size and time) is read whatever the record says.
    second.write_bytes(b"beta, changed")
    hashes, again = input_hashes(tmp_path, READS, settled)
    assert hashes["sources/a.txt"] == "recorded"
    assert hashes["sources/b.txt"] == sha(b"beta, changed")
    # Changed just now: its time cannot vouch for it next time.
    assert "sources/b.txt" not in again and again["sources/a.txt"][2] == "recorded"


def test_a_file_changed_within_the_settling_time_is_read_again(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    path = tmp_path / "sources" / "a.txt"
    path.write_bytes(b"alpha")
    settle(path, seconds_ago=SETTLED_NS / 1e9 / 4)
    _, settled = input_hashes(tmp_path, READS)
    assert settled == {}
    hashes, _ = input_hashes(tmp_path, READS, {"sources/a.txt": [5, 0, "stale"]})
    assert hashes["sources/a.txt"] == sha(b"alpha")
