"""Lists cut into pages: addresses, links between pages, the pager's window; and the
bibliography page of a key, a pure function of the key."""

from __future__ import annotations

import posixpath

import pytest

from digest.site.citation_links import entry_page
from digest.site.pagination import page_name, paginate, relative_link


def test_the_first_page_keeps_the_lists_address_and_the_next_ones_sit_beside_it() -> None:
    assert page_name("compare/themes/x.md", 1) == "compare/themes/x.md"
    assert page_name("compare/themes/x.md", 2) == "compare/themes/x/page-2.md"
    assert page_name("bibliography/unresolved.md", 3) == "bibliography/unresolved/page-3.md"
    assert page_name("papers/index.md", 2) == "papers/page-2.md"


def test_rows_are_cut_in_order_and_every_page_links_to_every_other() -> None:
    chunks = paginate("compare/themes/x.md", list(range(45)), 20)
    assert [chunk.rows[0] for chunk in chunks] == [0, 20, 40]
    assert [len(chunk.rows) for chunk in chunks] == [20, 20, 5]
    assert [chunk.offset for chunk in chunks] == [0, 20, 40]
    assert all(chunk.total == 45 for chunk in chunks)
    # From the first page (compare/themes/) and from page 2 (compare/themes/x/).
    assert chunks[0].pages == [(1, "x.md"), (2, "x/page-2.md"), (3, "x/page-3.md")]
    assert chunks[1].pages == [(1, "../x.md"), (2, "page-2.md"), (3, "page-3.md")]


def test_an_empty_list_is_one_empty_page() -> None:
    (chunk,) = paginate("bibliography/unparsed.md", [], 100)
    assert chunk.name == "bibliography/unparsed.md" and chunk.rows == [] and chunk.total == 0


def test_the_pager_of_a_long_list_shows_the_ends_and_the_pages_near_this_one() -> None:
    chunks = paginate("a/list.md", list(range(200)), 10)  # 20 pages
    shown = [item[0] if item else None for item in chunks[9].window(around=2)]
    assert shown == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert [item[0] for item in chunks[0].window(around=2) if item] == [1, 2, 3, 20]


def test_an_entry_page_is_named_by_the_keys_name_and_year() -> None:
    assert entry_page("wang2016research") == "bibliography/w/wang-2016.md"
    assert entry_page("wang2016researcha") == "bibliography/w/wang-2016.md"
    assert entry_page("Ouyang1999Road") == "bibliography/o/ouyang-1999.md"
    assert entry_page("li2019") == "bibliography/l/li-2019.md"


def test_keys_without_a_year_are_spread_over_a_few_pages_the_same_way_every_time() -> None:
    pages = {entry_page(f"unparsed{suffix}") for suffix in ["", *"abcdefghijklmnop"]}
    assert all(page.startswith("bibliography/u/no-year-") for page in pages)
    assert 2 <= len(pages) <= 8
    assert entry_page("anonmanual") == entry_page("anonmanual")
    assert entry_page("2019report").startswith("bibliography/other/")


@pytest.mark.parametrize(
    ("here", "target"),
    [
        ("", "compare/themes/x.md"),
        (".", "index.md"),
        ("compare", "compare/gaps.md"),
        ("compare/themes", "compare/themes/x/page-2.md"),
        ("compare/themes/x", "compare/themes/x.md"),
        ("bibliography/w", "bibliography/w/page-3.md"),
        ("bibliography/w/page", "papers/a.md"),
        ("a/b", "a/b"),
        ("a/b", "a"),
        ("a/./b", "a/b/c.md"),
        ("a/../b", "b/c.md"),
    ],
)
def test_a_relative_link_is_the_one_relpath_gives(here: str, target: str) -> None:
    assert relative_link(here, target) == posixpath.relpath(target, here or ".")
