"""Grouping updated from the last grouping (duplicates.regroup) gives exactly what
grouping from scratch gives, whatever changes; and it does update, not start over,
when a change cannot move anything else."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from digest import duplicates
from digest.duplicates import DuplicateState, group_shingle_sets, regroup


def random_corpus(rng: random.Random, texts: int) -> dict[str, set[int]]:
    """Texts drawn from a small vocabulary of shingles, some copied from others with
    damage, so that pairs sit on both sides of the threshold and shingles on both
    sides of the document-frequency bounds."""
    sets: dict[str, set[int]] = {}
    for index in range(texts):
        name = f"t{index:02d}"
        if sets and rng.random() < 0.3:
            model = sets[rng.choice(sorted(sets))]
            kept = {s for s in model if rng.random() < rng.uniform(0.3, 1.0)}
            sets[name] = kept | {rng.randrange(400) for _ in range(rng.randint(0, 20))}
        else:
            sets[name] = {rng.randrange(400) for _ in range(rng.randint(1, 40))}
    return sets


def change(rng: random.Random, sets: dict[str, set[int]]) -> dict[str, set[int]]:
    changed = {name: set(value) for name, value in sets.items()}
    for _ in range(rng.randint(1, 2)):
        roll, name = rng.random(), rng.choice(sorted(changed))
        if roll < 0.5:
            changed[name] = {s for s in changed[name] if rng.random() < 0.8} | {
                rng.randrange(400) for _ in range(rng.randint(0, 10))
            }
        elif roll < 0.7 and len(changed) > 3:
            del changed[name]
        else:
            source = rng.choice(sorted(changed))
            changed[f"n{rng.randrange(10**6)}"] = set(changed[source]) | {rng.randrange(400)}
    return changed


def content_key(shingle_set: set[int]) -> str:
    return json.dumps(sorted(shingle_set))


@pytest.mark.parametrize("seed", range(40))
def test_updated_groups_equal_groups_from_scratch(seed: int) -> None:
    rng = random.Random(seed)
    max_doc_freq = rng.choice([3, 4, 6, 50])
    threshold = rng.choice([0.3, 0.5, 0.8])
    sets = random_corpus(rng, rng.randint(20, 60))
    state = None
    for _ in range(6):
        keys = {name: content_key(value) for name, value in sets.items()}
        groups, state = regroup(keys, state, sets.__getitem__, threshold, max_doc_freq=max_doc_freq)
        assert groups == group_shingle_sets(sets, threshold, max_doc_freq=max_doc_freq)
        state = DuplicateState.from_bytes(state.to_bytes())
        sets = change(rng, sets)


def test_one_changed_text_is_counted_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    base = set(range(1000, 1100))
    sets = {
        "a": base,
        "b": base | {1, 2},  # a copy of a
        "c": set(range(2000, 2100)),
        "d": set(range(3000, 3100)),
    }
    keys = {name: content_key(value) for name, value in sets.items()}
    groups, state = regroup(keys, None, sets.__getitem__)
    assert groups == [["a", "b"]]

    def no_counting_from_scratch(*args: object) -> None:
        raise AssertionError("counted every pair again")

    monkeypatch.setattr(duplicates, "_pairs", no_counting_from_scratch)
    changed = dict(sets, d=set(range(1000, 1080)) | {5})  # d now copies a as well
    keys = {name: content_key(value) for name, value in changed.items()}
    asked: list[str] = []

    def shingles_of(name: str) -> set[int]:
        asked.append(name)
        return changed[name]

    groups, state = regroup(keys, state, shingles_of)
    assert groups == [["a", "b", "d"]]
    assert asked == ["d"]  # the unchanged texts' shingles come from the state
    # A state from other settings cannot be updated: it starts over, counting every pair,
    # with the sets the state holds.
    monkeypatch.undo()
    asked.clear()
    counted: list[object] = []
    pairs = duplicates._pairs
    monkeypatch.setattr(duplicates, "_pairs", lambda *args: counted.append(1) or pairs(*args))
    groups, _ = regroup(keys, state, shingles_of, threshold=0.6)
    assert groups == [["a", "b", "d"]]
    assert counted and not asked
    # With no state at all, every set is asked for.
    groups, _ = regroup(keys, None, shingles_of)
    assert sorted(asked) == ["a", "b", "c", "d"]


def test_a_state_whose_shingles_do_not_match_its_texts_is_refused() -> None:
    sets = {"a": {1, 2, 3}, "b": {1, 2, 3, 4}}
    keys = {name: content_key(value) for name, value in sets.items()}
    _, state = regroup(keys, None, sets.__getitem__)
    stored = state.to_bytes()
    assert DuplicateState.from_bytes(stored) == state
    with pytest.raises(ValueError):
        DuplicateState.from_bytes(stored[:-8])  # the last shingle cut off


def test_small_changes_are_mostly_updates(monkeypatch: pytest.MonkeyPatch) -> None:
    # The equality above must not hold only because every change started over.
    outcomes: list[bool] = []
    update = duplicates._update

    def counted(*args: object, **kwargs: object) -> object:
        state = update(*args, **kwargs)
        outcomes.append(state is not None)
        return state

    monkeypatch.setattr(duplicates, "_update", counted)
    for seed in range(10):
        rng = random.Random(seed)
        sets, state = random_corpus(rng, 60), None
        for _ in range(4):
            keys = {name: content_key(value) for name, value in sets.items()}
            groups, state = regroup(keys, state, sets.__getitem__)
            assert groups == group_shingle_sets(sets)
            sets = change(rng, sets)
    assert sum(outcomes) >= 15  # of 30 changes


@pytest.mark.parametrize("seed", range(30))
def test_pairs_found_by_prefix_equal_pairs_counted_one_by_one(seed: int) -> None:
    # duplicates._pairs looks up only each text's rarest shingles; _shared_counts counts
    # every pair sharing a shingle: the pairs at the threshold must be the same.
    rng = random.Random(seed)
    sets = random_corpus(rng, rng.randint(10, 70))
    threshold = rng.choice([0.05, 0.3, 0.5, 0.8, 1.0])
    max_doc_freq = rng.choice([2, 3, 5, 50])
    counted = {
        pair
        for pair, shared in duplicates._shared_counts(sets, max_doc_freq).items()
        if shared / min(len(sets[pair[0]]), len(sets[pair[1]])) >= threshold
    }
    found = duplicates._pairs(sets, threshold, max_doc_freq, Counter())
    assert found == counted
