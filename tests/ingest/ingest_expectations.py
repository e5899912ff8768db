"""Read the ``expected.txt`` files that sit beside the ingest fixtures.

Each line is ``file:line: fragment`` (a problem that must be reported: its
file, its line and a part of its message) or ``loaded: id ...`` (the ids that
must still load, in order). ``#`` starts a comment line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from digest.model import Problem

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Expected:
    """One problem that must be reported."""

    file: str
    line: int
    fragment: str

    def matches(self, problem: Problem) -> bool:
        return (
            problem.path.name == self.file
            and problem.line == self.line
            and self.fragment in problem.message
        )


@dataclass
class Expectations:
    problems: list[Expected] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)


def read_expectations(path: Path) -> Expectations:
    found = Expectations()
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("loaded:"):
            found.loaded = raw.removeprefix("loaded:").split()
            continue
        file, line, fragment = raw.split(":", 2)
        found.problems.append(Expected(file, int(line), fragment.strip()))
    return found


def unmatched(expected: list[Expected], problems: list[Problem]) -> list[str]:
    """Pair each expectation with a distinct problem; describe whatever is left over.

    Both sides must pair off exactly, so a missing problem and an extra,
    unexpected one both fail the test.
    """
    left = list(problems)
    missing = []
    for want in expected:
        hit = next((p for p in left if want.matches(p)), None)
        if hit is None:
            missing.append(f"missing: {want.file}:{want.line}: {want.fragment}")
        else:
            left.remove(hit)
    return missing + [f"unexpected: {p}" for p in left]
