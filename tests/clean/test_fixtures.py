"""Each cleaning rule against hand-written input/expected pairs (markdown-it-py style).

A fixture file holds cases of four parts separated by lines holding a single
dot: a title, the input text, the expected Markdown, and a closing dot.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.clean import clean_text
from digest.site.markdown import render_document

FIXTURES = Path(__file__).parent / "fixtures"


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    cases = []
    lines = path.read_text(encoding="utf-8").split("\n")
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title = lines[index]
        assert lines[index + 1] == ".", f"{path.name}:{index + 2}: expected '.' after the title"
        parts: list[list[str]] = [[], []]
        index += 2
        for part in parts:
            while lines[index] != ".":
                part.append(lines[index])
                index += 1
            index += 1
        cases.append((title, "\n".join(parts[0]) + "\n", "\n".join(parts[1]) + "\n"))
    return cases


CASES = [
    pytest.param(source, expected, id=f"{path.stem}: {title}")
    for path in sorted(FIXTURES.glob("*.txt"))
    for title, source, expected in read_cases(path)
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_cleaning_rule(source: str, expected: str) -> None:
    assert render_document(clean_text(source)) == expected


def test_every_fixture_file_has_cases() -> None:
    assert len(CASES) >= 20
