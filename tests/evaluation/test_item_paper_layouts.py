"""The layouts the item corpus's papers are set in (scripts/devcorpus/itempapers.py)."""

from __future__ import annotations

from devcorpus_import import devcorpus_module

itempapers = devcorpus_module("itempapers")

TABLE = """# A Paper

| Item | 2021 | 2023 |
|---|---|---|
| Households | 41 | 28 |
"""


def _twocolumn(name: str) -> bool:
    return next(layout for layout in itempapers.LAYOUTS if layout.name == name).twocolumn


def test_a_paper_with_a_table_is_never_set_in_two_columns() -> None:
    # pandoc sets a pipe table as a longtable, which LaTeX cannot set in two columns
    positions = range(len(itempapers.LAYOUTS))
    assert any(_twocolumn(itempapers.layout_for(p, "# A Paper\n\nText.\n")) for p in positions)
    assert not any(_twocolumn(itempapers.layout_for(p, TABLE)) for p in positions)
