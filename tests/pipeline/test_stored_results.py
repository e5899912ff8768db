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
