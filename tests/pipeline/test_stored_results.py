"""Results a build stores beyond the per-source caches (digest.cache.MemoFile): the
next build starts from them, and they never change what a build writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from digest.build import build
from digest.cache import MemoFile
from digest.references import bibtex

ROOT = Path(__file__).resolve().parents[2]
FORMAT_ENTRY = bibtex._format_entry


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def formats_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A new process's memory (nothing formatted yet) and a count of what gets formatted."""
    monkeypatch.setattr(bibtex, "_FORMATTED", {})
    monkeypatch.setattr(bibtex, "_IN_USE", set())
    formatted: list[str] = []

    def counting(key: str, ref: object, extra: object) -> str:
        formatted.append(key)
        return FORMAT_ENTRY(key, ref, extra)

    monkeypatch.setattr(bibtex, "_format_entry", counting)
    return formatted


def test_a_later_build_formats_no_entry_it_stored(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = project / "build" / "docs"
    first = formats_counted(monkeypatch)
    build(project, out)
    assert len(first) >= 25  # every entry of the five papers (30 works), once each
    assert len(first) == len(set(first))
    pages = tree(out)
    (memo,) = (project / "build" / "cache").glob("bibtex-*.json")
    assert len(json.loads(memo.read_text("utf-8"))) == len(first)

    again = formats_counted(monkeypatch)
    build(project, out, reuse=False)
    assert again == []
    assert tree(out) == pages

    # A damaged store is read as empty: everything is formatted again, the same.
    memo.write_text("{not json", "utf-8")
    damaged = formats_counted(monkeypatch)
    build(project, out, reuse=False)
    assert sorted(damaged) == sorted(first)
    assert tree(out) == pages
    assert len(json.loads(memo.read_text("utf-8"))) == len(first)


def test_the_store_keeps_only_what_the_last_build_used(tmp_path: Path) -> None:
    memo = MemoFile(tmp_path, "things", ("model.py",))
    assert memo.load() == {}
    memo.keep({"a": "1", "b": "2"})
    memo.commit()
    reread = MemoFile(tmp_path, "things", ("model.py",))
    assert reread.load() == {"a": "1", "b": "2"}
    reread.keep({"b": "2"})
    reread.commit()
    assert MemoFile(tmp_path, "things", ("model.py",)).load() == {"b": "2"}
    # Another code fingerprint reads another file.
    assert MemoFile(tmp_path, "things", ("cache.py",)).load() == {}


def test_nothing_is_stored_before_commit(tmp_path: Path) -> None:
    memo = MemoFile(tmp_path, "things", ("model.py",))
    memo.keep({"a": "1"})
    assert not memo.path.exists()


def test_what_was_loaded_is_not_written_again_and_a_change_is(tmp_path: Path) -> None:
    memo = MemoFile(tmp_path, "things", ("model.py",))
    memo.keep({"a": [1, "x"], "b": {"c": None}})
    memo.commit()
    written = memo.path.stat().st_mtime_ns
    again = MemoFile(tmp_path, "things", ("model.py",))
    loaded = again.load()
    loaded["z"] = "added to the copy it returns"  # the caller's own copy
    again.keep({"b": {"c": None}, "a": [1, "x"]})  # the same, in another order
    assert again.pending is None
    again.commit()
    assert memo.path.stat().st_mtime_ns == written
    again.keep({"a": [1, "y"], "b": {"c": None}})
    again.commit()
    assert MemoFile(tmp_path, "things", ("model.py",)).load() == {"a": [1, "y"], "b": {"c": None}}
    # Once written, what it holds is the new content: keeping the old is a change again.
    again.keep({"a": [1, "x"], "b": {"c": None}})
    again.commit()
    assert MemoFile(tmp_path, "things", ("model.py",)).load() == {"a": [1, "x"], "b": {"c": None}}
