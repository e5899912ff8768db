"""Lists inside list items: their items stand a level in, in Markdown and in plain text."""

from __future__ import annotations

import pytest

from digest.clean import clean_text
from digest.model import Paragraph

MARKDOWN = """# 1. Measures

On board, two measures are within reach:

- Build a branch on every ship. Attach small crews to a fleet branch.
  - Map members ship by ship each March.
  - Appoint the captain as secretary.
- Fit branch life to the timetable. Meet on the turnaround day.
"""

# As pdftotext prints a LaTeX itemize inside another: "•" outside, "–" inside.
PLAIN = """1. Introduction
Background text of the paper, which runs for a sentence or two.

2. Measures
On board, two measures are within reach:
\u2022 Build a branch on every ship. Attach small crews to a fleet branch.
\u2013 Map members ship by ship each March.
\u2013 Appoint the captain as secretary.
\u2022 Fit branch life to the timetable. Meet on the turnaround day.
Ashore, the streets should keep a register of crew households.
"""


def listed(text: str) -> list[tuple[int, str]]:
    body = clean_text(text).body
    return [(b.depth, b.text[:12]) for b in body if isinstance(b, Paragraph) and b.list]


@pytest.mark.parametrize(
    "text",
    [MARKDOWN, PLAIN],
    ids=["a Markdown list inside a list item", "a bullet the list did not open with"],
)
def test_a_list_inside_a_list_item_stands_a_level_in(text: str) -> None:
    assert listed(text) == [
        (0, "Build a bran"),
        (1, "Map members "),
        (1, "Appoint the "),
        (0, "Fit branch l"),
    ]
