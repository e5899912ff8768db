"""The comparison tables' CSV downloads: text from the sources is data, never a formula."""

from __future__ import annotations

import csv
import io

import pytest

from digest.site.compare_pages import csv_cell, heat_level, to_csv


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2 cadres", "'-2 cadres"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTabbed", "Tabbed"),  # whitespace is collapsed first: no tab starts a cell
        ("Weak  political\nleadership", "Weak political leadership"),
        (3, "3"),
    ],
)
def test_a_cell_is_never_read_as_a_formula(value, cell: str) -> None:
    assert csv_cell(value) == cell


def test_csv_is_utf8_with_a_byte_order_mark_and_quoted_as_rfc_4180() -> None:
    text = to_csv([["Theme", "Papers"], ['Says "no", then', "=1+1"], ["党建引领", 2]])
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [["Theme", "Papers"], ['Says "no", then', "'=1+1"], ["党建引领", "2"]]


def test_the_heatmaps_shades_rise_with_the_count() -> None:
    assert [heat_level(count, 3) for count in range(4)] == [0, 1, 2, 3]
    levels = [heat_level(count, 10) for count in range(11)]
    assert levels[0] == 0 and levels == sorted(levels) and max(levels) == 4
