"""Big inputs cost time and memory in proportion to their size, never more.

The size rows of inputs.yml show that big files are built within a time limit;
these show *how* the cost grows: four times the text may cost at most about four
times the time (a quadratic rule would cost sixteen), and the memory a check
needs grows by a bounded multiple of the text's size.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from makers import MAKERS
from test_inputs import make_project

from digest.clean import clean_text

# Four times the input may cost at most this many times the time (linear is 4; the
# margin absorbs noise on a busy machine; quadratic growth would give 16).
MAX_RATIO = 8.0


def paragraphs(size: int) -> str:
    return "Party building leads grassroots governance in the villages.\n\n" * (size // 61)


def after_a_heading(size: int) -> str:
    """Every line after a heading is looked at for a sub-heading: looking back over the
    whole section each time would be quadratic."""
    return "Abstract: A study.\n\nIntroduction\n" + paragraphs(size)


def one_paragraph(size: int) -> str:
    return "the committee coordinates village affairs with the resi-\ndents and\n" * (size // 67)


def one_line(size: int) -> str:
    return "governance " * (size // 11)


def reference_list(size: int) -> str:
    line = "Zhao Q. ({year}). A study of village governance, Journal of Studies, 3(2), 11-20.\n"
    count = size // len(line)
    return "1. Introduction\nText.\n\nReferences\n" + "".join(
        f"[{n}] " + line.format(year=1990 + n % 30) for n in range(1, count + 1)
    )


def seconds(function: Callable[[], object]) -> float:
    """The best of three runs, with the garbage collector off (its pauses depend on what
    else the test process holds, not on the input)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            started = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - started)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize(
    "shape", [paragraphs, after_a_heading, one_paragraph, one_line, reference_list]
)
def test_cleaning_time_grows_linearly(shape: Callable[[int], str]) -> None:
    small, large = shape(200_000), shape(800_000)
    clean_text(shape(20_000))  # compile the patterns and warm the caches first
    ratio = seconds(lambda: clean_text(large)) / max(seconds(lambda: clean_text(small)), 1e-3)
    assert ratio < MAX_RATIO, f"4x the text cost {ratio:.1f}x the time"


def peak_memory_mb(root: Path) -> int:
    """The peak resident memory of `digest check` over ``root``, in a process of its own."""
    program = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from digest.build import check\n"
        "check(Path(sys.argv[1]), cache_dir=Path(sys.argv[1]) / 'cache')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, str(root)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.strip())


def test_memory_for_a_5_mb_text_is_a_bounded_multiple_of_its_size(tmp_path: Path) -> None:
    seeds = make_project(tmp_path / "seeds")
    big = make_project(tmp_path / "big")
    MAKERS["text-5mb"](big / "sources", "950_case")
    extra = peak_memory_mb(big) - peak_memory_mb(seeds)
    assert extra < 40 * 5, f"a 5 MB text needed {extra} MB more"
