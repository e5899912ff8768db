"""Sidecar validation against hand-written good and bad fixtures."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_expectations import FIXTURES, Expected, read_expectations, unmatched

from digest.ingest.sidecar import load_sidecar
from digest.model import Metadata, Person

BAD = FIXTURES / "sidecars" / "bad"
GOOD = FIXTURES / "sidecars" / "good"


def _bad_cases() -> dict[str, list[Expected]]:
    cases: dict[str, list[Expected]] = defaultdict(list)
    for want in read_expectations(BAD / "expected.txt").problems:
        cases[want.file].append(want)
    return dict(cases)


BAD_CASES = _bad_cases()


def test_every_bad_fixture_has_expectations() -> None:
    """A new bad fixture without an expectation would otherwise test nothing."""
    assert sorted(p.name for p in BAD.glob("*.yml")) == sorted(BAD_CASES)


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_sidecar_reports_exactly_the_expected_problems(name: str) -> None:
    metadata, problems = load_sidecar(BAD / name)
    assert metadata is None
    assert unmatched(BAD_CASES[name], problems) == []
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_problem_paths_are_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD.parent)
    _, problems = load_sidecar(Path("bad/bad_year.yml"))
    assert [str(p) for p in problems] == [
        "bad/bad_year.yml:5: year: expected a whole number between 1900 and 2100 or null, "
        "got 'twenty'"
    ]


def test_full_sidecar_loads_every_field() -> None:
    metadata, problems = load_sidecar(GOOD / "full.yml")
    assert problems == []
    assert metadata == Metadata(
        id="wang-rural-governance-zhanjiang",
        title=(
            "Research on the Innovation of Rural Social Governance Leading by Grassroots "
            "Party Building: Based on the Analysis of Zhanjiang"
        ),
        authors=[Person("Wang", "Junning"), Person("Dai", "")],
        year=2016,
        venue="Administration and Law",
        volume="36",
        issue="9",
        pages="37-46",
        doi="10.1234/example.2016.09",
        url="https://example.org/papers/zhanjiang",
        language="en",
        affiliations=[
            "Department of Public Security Management, Railway Police College, Zhengzhou, China"
        ],
        keywords=["Grassroots Party Building", "Rural Social Governance"],
        setting="Zhanjiang, Guangdong (rural villages)",
        not_in_text=[],
        notes="A made-up fixture.",
    )


def test_minimal_sidecar_defaults_optional_keys() -> None:
    metadata, problems = load_sidecar(GOOD / "minimal.yml")
    assert problems == []
    assert metadata is not None
    assert (metadata.title, metadata.working_title, metadata.year) == (None, None, None)
    assert metadata.keywords == [] and metadata.affiliations == []
    assert metadata.known_fields() == []
    assert metadata.display_title == "Untitled paper untitled-raw-text"


def test_working_title_is_kept_apart_from_the_title() -> None:
    metadata, problems = load_sidecar(GOOD / "working_title.yml")
    assert problems == []
    assert metadata is not None
    assert metadata.title is None
    assert metadata.display_title.endswith("(working title)")
    assert metadata.language == "zh"


def test_source_may_name_a_markdown_text(tmp_path: Path) -> None:
    """With only x.md beside it, a sidecar naming x.txt points at nothing."""
    (tmp_path / "x.md").write_text("text\n", encoding="utf-8")
    sidecar = tmp_path / "x.yml"
    sidecar.write_text((GOOD / "minimal.yml").read_text().replace("minimal.md", "x.txt"))
    _, problems = load_sidecar(sidecar)
    assert [(p.line, p.message) for p in problems] == [
        (2, "source: expected 'x.md' (the text beside this sidecar), got 'x.txt'")
    ]


def test_sidecar_that_is_not_utf8(tmp_path: Path) -> None:
    sidecar = tmp_path / "latin1.yml"
    sidecar.write_bytes(b"id: x\ntitle: caf\xe9\n")
    metadata, problems = load_sidecar(sidecar)
    assert metadata is None
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (2, "not valid UTF-8 at byte 16")
    ]


def test_unprintable_character_is_reported_on_its_line(tmp_path: Path) -> None:
    sidecar = tmp_path / "control.yml"
    sidecar.write_text("id: x\n\ntitle: a\x07b\n", encoding="utf-8")
    _, problems = load_sidecar(sidecar)
    assert [p.line for p in problems] == [3]
    assert "character '\\x07' (U+0007)" in problems[0].message


def test_unsafe_yaml_tag_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    sidecar = tmp_path / "tag.yml"
    sidecar.write_text("id: x\nnotes: !!python/object:os.system [ls]\n", encoding="utf-8")
    metadata, problems = load_sidecar(sidecar)
    assert metadata is None
    assert any(p.line == 2 and p.message.startswith("notes: cannot read") for p in problems)


def test_key_that_is_not_a_plain_name(tmp_path: Path) -> None:
    sidecar = tmp_path / "complex_key.yml"
    sidecar.write_text("id: x\n? [title, year]\n: A Paper\n", encoding="utf-8")
    _, problems = load_sidecar(sidecar)
    assert (2, "unknown key that is not a plain name") in [(p.line, p.message) for p in problems]


def test_author_with_a_number_for_a_key(tmp_path: Path) -> None:
    sidecar = tmp_path / "numeric_author_key.yml"
    sidecar.write_text("authors:\n  - 1: Wang\n", encoding="utf-8")
    _, problems = load_sidecar(sidecar)
    assert (2, "authors: entry 1 has unknown key 1") in [(p.line, p.message) for p in problems]


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    metadata, problems = load_sidecar(tmp_path / "nowhere.yml")
    assert metadata is None
    assert [p.message.split(":")[0] for p in problems] == ["cannot read"]


FULL = (GOOD / "full.yml").read_bytes()


@st.composite
def damaged_sidecars(draw: st.DrawFn) -> bytes:
    """A real sidecar with a slice cut out and random text put in its place."""
    start = draw(st.integers(0, len(FULL)))
    end = draw(st.integers(start, min(len(FULL), start + 40)))
    return FULL[:start] + draw(st.text(max_size=20)).encode() + FULL[end:]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | damaged_sidecars())
def test_never_raises_on_arbitrary_content(data: bytes) -> None:
    """Whatever a sidecar holds, the answer is metadata or problems, never an exception."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yml"
        path.write_bytes(data)
        metadata, problems = load_sidecar(path)
    assert (metadata is None) == bool(problems)
    assert all(p.line >= 1 for p in problems)
