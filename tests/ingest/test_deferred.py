"""Texts loaded before are not read again until a stage asks for them
(digest.ingest.deferred): a build knows each file's hash from its size and time, and
what loading the text found (its warnings) is remembered by its name and hash.
Loading so must give what reading every file gives, on every kind of damaged corpus."""

from __future__ import annotations

import codecs
import dataclasses
import shutil
from pathlib import Path

import pytest
from ingest_expectations import FIXTURES

from digest.ingest import load_corpus
from digest.ingest.deferred import DeferredSource, SourceChanged, TextMemo
from digest.manifest import input_hashes
from digest.model import Source

CORPORA = FIXTURES / "corpora"
CASES = sorted(p.name for p in CORPORA.iterdir() if p.is_dir())


def load_twice(root: Path):
    """Loaded reading every file, then as a build loads it the next time."""
    known, _ = input_hashes(root, (Path("sources"),))
    memo = TextMemo({})
    first = load_corpus(root / "sources", root, None, known, memo)
    again = load_corpus(root / "sources", root, None, known, TextMemo(memo.in_use()))
    return first, again


def fields(source: Source) -> list:
    """Every field of a Source (a field added to Source later is compared too: a
    DeferredSource that does not set it fails here)."""
    return [getattr(source, field.name) for field in dataclasses.fields(Source)]


@pytest.mark.parametrize("case", CASES)
def test_loading_again_gives_the_same_sources_and_problems(case: str, tmp_path: Path) -> None:
    shutil.copytree(CORPORA / case / "sources", tmp_path / "sources", symlinks=True)
    (first, first_problems), (again, again_problems) = load_twice(tmp_path)
    assert again_problems == first_problems
    assert [fields(source) for source in again] == [fields(source) for source in first]


def utf16_corpus(root: Path) -> Path:
    (root / "sources").mkdir()
    text = "Village Elections\n\nThe party branch leads.\r\nA second line.\n"
    path = root / "sources" / "001_village.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    path.with_suffix(".yml").write_text(
        "id: village\nsource: 001_village.txt\ntitle: Village Elections\n"
        "authors: [{family: Wang, given: J.}]\nlanguage: en\n"
        "not_in_text: [year, venue, volume, issue, pages, doi, url, affiliations, keywords]\n",
        encoding="utf-8",
    )
    return path


def test_a_text_loaded_before_is_not_read_until_asked_for(tmp_path: Path) -> None:
    utf16_corpus(tmp_path)
    (first, problems), (again, again_problems) = load_twice(tmp_path)
    assert [problem.severity for problem in problems] == ["warning"]  # decoded as UTF-16
    assert again_problems == problems  # the warning, remembered
    [source] = again
    assert isinstance(source, DeferredSource)
    assert (
        source.text
        == first[0].text
        == "Village Elections\n\nThe party branch leads.\nA second line.\n"
    )
    # Published as UTF-8, its own line ends kept.
    published = b"Village Elections\n\nThe party branch leads.\r\nA second line.\n"
    assert source.published == first[0].published == published


def test_a_text_changed_after_its_hash_was_taken_is_refused_when_read(tmp_path: Path) -> None:
    path = utf16_corpus(tmp_path)
    known, _ = input_hashes(tmp_path, (Path("sources"),))
    memo = TextMemo({})
    load_corpus(tmp_path / "sources", tmp_path, None, known, memo)
    path.write_bytes(path.read_bytes().replace("party".encode("utf-16-le"), b"P\0A\0R\0T\0Y\0"))
    [source], _ = load_corpus(tmp_path / "sources", tmp_path, None, known, TextMemo(memo.in_use()))
    with pytest.raises(SourceChanged, match=r"^sources/001_village\.txt: changed while the build"):
        print(source.text)


def test_a_text_under_another_name_is_read_again(tmp_path: Path) -> None:
    path = utf16_corpus(tmp_path)
    known, _ = input_hashes(tmp_path, (Path("sources"),))
    memo = TextMemo({})
    load_corpus(tmp_path / "sources", tmp_path, None, known, memo)
    renamed = path.with_name("002_village.txt")
    path.rename(renamed)
    sidecar = path.with_suffix(".yml")
    sidecar.write_text(sidecar.read_text().replace("001_", "002_"), encoding="utf-8")
    sidecar.rename(renamed.with_suffix(".yml"))
    known, _ = input_hashes(tmp_path, (Path("sources"),))
    [source], problems = load_corpus(
        tmp_path / "sources", tmp_path, None, known, TextMemo(memo.in_use())
    )
    assert not isinstance(source, DeferredSource)
    assert "002_village.txt" in problems[0].message  # the warning names the file as it is now
