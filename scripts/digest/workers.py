"""Per-source stages on every core: what a stage's cache lacks is computed by worker
processes, one source per task, before the stage reads its results in order.

Only worth it when many sources miss the cache (a cold build, a changed cleaning
rule): starting the workers costs about a second, so a few misses are computed in
this process, as before. Results come back in the order asked, so a build stays
deterministic; an exception raised for one source is handed back for that source,
which the stage reports as it reports any failure, and the rest go on.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

# Fewer misses than this are computed in this process.
MIN_PARALLEL = 8


def cores() -> int:
    """The cores this process may use, or DIGEST_JOBS when set (1: no worker processes)."""
    wanted = os.environ.get("DIGEST_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def compute_all(
    function: Callable[..., Any], arguments: dict[str, tuple], jobs: int | None = None
) -> dict[str, Any]:
    """name -> function(*arguments[name]) (or the exception it raised), computed by
    ``jobs`` worker processes (all cores by default); {} when too few to be worth it."""
    jobs = jobs or cores()
    if jobs < 2 or len(arguments) < MIN_PARALLEL:
        return {}
    # Imported here: a build with few misses (most builds) starts no workers.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: workers start from a clean process, never a fork of a threaded one
    # (`mkdocs serve` runs a server thread beside the build).
    context = multiprocessing.get_context("forkserver")
    results: dict[str, Any] = {}
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = {name: pool.submit(function, *args) for name, args in arguments.items()}
        for name, future in futures.items():
            try:
                results[name] = future.result()
            except Exception as error:  # handed back: the stage reports it for this source
                results[name] = error
    return results


def take(results: dict[str, Any], name: str, compute: Callable[[], Any]) -> Any:
    """A worker's result for ``name`` (raising what it raised), else computed here."""
    if name not in results:
        return compute()
    result = results[name]
    if isinstance(result, Exception):
        raise result
    return result
