"""A build runs with the cyclic collector paused, and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from digest.build import collector_paused


def test_the_collector_is_paused_inside_and_enabled_again_after() -> None:
    seen = []

    @collector_paused
    def work(value: int) -> int:
        seen.append(gc.isenabled())
        return value * 2

    assert gc.isenabled()
    assert work(21) == 42
    assert seen == [False] and gc.isenabled()


def test_a_failing_build_enables_it_again_and_a_disabled_one_stays_off() -> None:
    @collector_paused
    def fails() -> None:
        raise RuntimeError("a bad source")

    with pytest.raises(RuntimeError):
        fails()
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            fails()
        assert not gc.isenabled()
    finally:
        gc.enable()
