"""Duplicate detection: two renderings of one paper group, same-topic papers do not."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.duplicates import (
    DEFAULT_THRESHOLD,
    SHINGLE_BASE,
    _shared_counts,
    containment,
    find_duplicate_groups,
    shingles,
    words,
)

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = Path(__file__).resolve().parents[2] / "sources"
# The five texts of the first corpus; 000 and 001 are one paper, the rest differ.
REAL = [
    "000_7c62276afec5030b",
    "001_b894dce3f1db1ec4",
    "002_8470575325ce7c19",
    "003_81c43907564a5d71",
    "004_6d188b614b00f695",
]


def fixture(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def all_fixtures() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in FIXTURES.glob("*.txt")}


@pytest.fixture(scope="module")
def real_texts() -> dict[str, str]:
    paths = [SOURCES / f"{stem}.txt" for stem in REAL]
    if not all(path.is_file() for path in paths):
        pytest.skip("the real corpus is not in sources/")
    return {path.stem: path.read_text(encoding="utf-8") for path in paths}


# --- normalisation -------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "grassroots party building leads community governance",
        "Grass-roots Party Building leads community governance",
        "grass-\nroots party building leads community governance",
        "grass-\n\n  roots party building\n\nleads   community\tgovernance.",
        "grass\u2010roots party building leads community governance",
        "grass\u00adroots party building leads community governance",
        "“Grass-roots” party building: leads community governance!",
    ],
)
def test_layout_case_punctuation_and_hyphens_do_not_change_shingles(variant: str) -> None:
    reference = shingles("grassroots party building leads community governance")
    assert len(reference) == 2
    assert shingles(variant) == reference


def test_curly_and_straight_apostrophes_agree() -> None:
    assert words("the party’s line") == words("the party's line") == ["the", "partys", "line"]
    assert words("‘unit person’") == words("'unit person'") == ["unit", "person"]


def test_spaced_compound_stays_two_words_as_documented() -> None:
    # The chosen approach joins hyphens; a space is a real word boundary without a lexicon.
    assert words("grass roots") == ["grass", "roots"]
    assert words("grass-roots") == words("grassroots") == ["grassroots"]


def test_dashes_separate_words_rather_than_join() -> None:
    assert words("Zhanjiang--Based on") == ["zhanjiang", "based", "on"]
    assert words("reform — and governance") == ["reform", "and", "governance"]


def test_text_shorter_than_one_shingle_has_none() -> None:
    assert shingles("party building leads") == set()
    assert len(shingles("party building leads", size=3)) == 1
    with pytest.raises(ValueError):
        shingles("anything", size=0)


# --- determinism ---------------------------------------------------------------------


def by_definition(words: list[str]) -> int:
    """A shingle's hash computed as its definition reads: the polynomial, base
    SHINGLE_BASE modulo 2**64, of the 64-bit blake2b of each word."""
    value = 0
    for word in words:
        digest = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
        value = (value * SHINGLE_BASE + digest) % 2**64
    return value


def test_shingle_values_are_fixed_across_calls_and_runs() -> None:
    text = "Grass-roots party building leads governance"
    expected = by_definition(["grassroots", "party", "building", "leads", "governance"])
    assert shingles(text) == shingles(text) == {expected}
    assert shingles("one two three four five six") == {
        by_definition(["one", "two", "three", "four", "five"]),
        by_definition(["two", "three", "four", "five", "six"]),
    }


def test_shingles_do_not_depend_on_the_hash_seed() -> None:
    code = "from digest.duplicates import shingles; print(sorted(shingles(open(0).read())))"
    text = fixture("village_raw")
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", code], input=text, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert outputs == {f"{sorted(shingles(text))}\n"}


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(sorted(all_fixtures())))
def test_groups_do_not_depend_on_input_order(order: list[str]) -> None:
    texts = all_fixtures()
    shuffled = {key: texts[key] for key in order}
    assert find_duplicate_groups(shuffled) == [["village_clean", "village_raw"]]


def test_real_corpus_groups_do_not_depend_on_input_order(real_texts: dict[str, str]) -> None:
    forward = find_duplicate_groups(real_texts)
    backward = find_duplicate_groups(dict(reversed(list(real_texts.items()))))
    rotated = find_duplicate_groups({key: real_texts[key] for key in REAL[2:] + REAL[:2]})
    assert forward == backward == rotated == [REAL[:2]]


# --- containment ---------------------------------------------------------------------


def test_containment_measures_the_smaller_set() -> None:
    full = set(range(100))
    assert containment(set(range(20, 60)), full) == 1.0
    assert containment(full, set(range(20, 60))) == 1.0
    assert containment(set(range(50)), set(range(25, 125))) == 0.5
    assert containment(set(), full) == containment(full, set()) == 0.0


# --- hand-written fixtures -----------------------------------------------------------


def test_raw_fixture_really_is_damaged() -> None:
    """Guards the next test: the raw rendering must differ in layout and content."""
    raw, clean = fixture("village_raw"), fixture("village_clean")
    lines = raw.splitlines()
    assert max(len(line) for line in lines) <= 95
    blank = lines.index("")
    assert not lines[blank - 1].rstrip().endswith((".", ":"))  # page break mid-sentence
    assert "govern-\nance" in raw and "co owners" in raw and "co-owners" in clean
    assert "Since the reform" in clean and "Since the reform" not in raw
    assert "References" not in raw and "Li Ming" not in raw
    assert containment(shingles(raw), shingles(clean)) < 1.0


def test_near_duplicate_fixture_pair_is_grouped() -> None:
    raw, clean = shingles(fixture("village_raw")), shingles(fixture("village_clean"))
    assert containment(raw, clean) >= 0.9
    texts = {"clean": fixture("village_clean"), "raw": fixture("village_raw")}
    assert find_duplicate_groups(texts) == [["clean", "raw"]]


def test_same_topic_fixture_pair_is_not_grouped() -> None:
    a, b = fixture("topic_community"), fixture("topic_rural")
    stock = "grass-roots party building leading grassroots governance"
    assert stock in a.lower() and stock in b.lower()
    shared = shingles(a) & shingles(b)
    assert len(shared) >= 10  # they do share stock phrases ...
    assert containment(shingles(a), shingles(b)) < DEFAULT_THRESHOLD / 2  # ... but little else
    assert find_duplicate_groups({"community": a, "rural": b}) == []


def test_all_fixtures_together_give_one_group() -> None:
    assert find_duplicate_groups(all_fixtures()) == [["village_clean", "village_raw"]]


# --- real corpus ---------------------------------------------------------------------


def test_real_corpus_groups_only_the_two_renderings(real_texts: dict[str, str]) -> None:
    assert find_duplicate_groups(real_texts) == [REAL[:2]]


def test_real_corpus_scores_leave_a_wide_margin(real_texts: dict[str, str]) -> None:
    sets = {key: shingles(text) for key, text in real_texts.items()}
    for a, b in combinations(REAL, 2):
        score = containment(sets[a], sets[b])
        if (a, b) == tuple(REAL[:2]):
            assert score >= 2 * DEFAULT_THRESHOLD * 0.95
        else:
            assert score < DEFAULT_THRESHOLD / 10, (a, b, score)


# --- grouping and the inverted index -------------------------------------------------


def synthetic(prefix: str, count: int) -> str:
    """Words that occur nowhere else, so shared shingles are exactly the planned ones."""
    return " ".join(f"{prefix}{i}" for i in range(count))


def test_groups_are_transitive_sorted_and_omit_singletons() -> None:
    x, y, z = synthetic("x", 200), synthetic("y", 100), synthetic("z", 200)
    texts = {
        "c": f"{y} {z}",  # contains b
        "lone": synthetic("q", 100),
        "a": f"{x} {y}",  # contains b; a and c share only y: below threshold
        "b": y,
        "e": synthetic("p", 100),
        "d": synthetic("p", 100) + " tail",
    }
    sets = {key: shingles(text) for key, text in texts.items()}
    assert containment(sets["a"], sets["c"]) < DEFAULT_THRESHOLD
    assert find_duplicate_groups(texts) == [["a", "b", "c"], ["d", "e"]]


def test_threshold_decides_membership() -> None:
    texts = {"a": synthetic("w", 100) + " " + synthetic("u", 100), "b": synthetic("w", 100)}
    texts["c"] = synthetic("w", 50) + " " + synthetic("v", 50)
    # b is inside a (1.0); c shares about half of itself with a and b.
    assert find_duplicate_groups(texts, threshold=0.9) == [["a", "b"]]
    assert find_duplicate_groups(texts, threshold=0.4) == [["a", "b", "c"]]
    for bad in (0.0, -0.1, 1.5):
        with pytest.raises(ValueError):
            find_duplicate_groups(texts, threshold=bad)


def naive_groups(texts: dict[str, str], threshold: float) -> list[list[str]]:
    """The quadratic reference: score every pair, merge components by relabelling."""
    sets = {key: shingles(text) for key, text in texts.items()}
    label = {key: key for key in texts}
    for a, b in combinations(sorted(texts), 2):
        if containment(sets[a], sets[b]) >= threshold:
            old, new = max(label[a], label[b]), min(label[a], label[b])
            label = {key: new if value == old else value for key, value in label.items()}
    groups = [sorted(k for k in texts if label[k] == root) for root in sorted(set(label.values()))]
    return [group for group in groups if len(group) > 1]


@pytest.mark.parametrize("threshold", [0.01, 0.05, DEFAULT_THRESHOLD, 0.98])
def test_inverted_index_agrees_with_all_pairs(real_texts: dict[str, str], threshold: float) -> None:
    texts = {**all_fixtures(), **real_texts}
    expected = naive_groups(texts, threshold)
    assert find_duplicate_groups(texts, threshold) == expected
    if threshold == DEFAULT_THRESHOLD:
        assert expected == [REAL[:2], ["village_clean", "village_raw"]]


def test_documents_without_shared_shingles_are_never_paired() -> None:
    sets = {f"doc{i}": shingles(synthetic(f"d{i}w", 30)) for i in range(300)}
    assert _shared_counts(sets, max_doc_freq=50) == {}


def test_boilerplate_shingles_are_skipped() -> None:
    boilerplate = synthetic("licence", 200)
    texts = {f"paper{i}": f"{boilerplate} {synthetic(f'body{i}w', 40)}" for i in range(4)}
    # With the boilerplate counted, every paper looks like a copy of every other.
    assert find_duplicate_groups(texts) == [sorted(texts)]
    # Shingles in more than max_doc_freq papers are ignored: nothing is shared.
    assert find_duplicate_groups(texts, max_doc_freq=3) == []
    assert _shared_counts({k: shingles(t) for k, t in texts.items()}, max_doc_freq=3) == {}
