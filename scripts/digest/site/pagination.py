"""Pages that stay the same size however large the corpus grows.

Every list that grows with the corpus (papers, quoted passages, citing papers,
unresolved citations) is cut into pages of a fixed number of rows. The first page
keeps the list's own address (``compare/themes/x.md``), so links into a list never
change as it grows; the next ones sit beside it (``compare/themes/x/page-2.md``).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Generic, TypeVar

Row = TypeVar("Row")


@dataclass(frozen=True)
class Chunk(Generic[Row]):
    """One page of a list: where it is written, its rows and the links to all pages."""

    name: str  # the page's path in the docs tree
    number: int  # 1 for the first page
    rows: list[Row]
    pages: list[tuple[int, str]]  # (number, link relative to this page) for every page
    total: int  # rows in the whole list
    per_page: int

    @property
    def first(self) -> bool:
        return self.number == 1

    @property
    def offset(self) -> int:
        """Rows before this page, so that numbered lists go on counting."""
        return self.per_page * (self.number - 1)

    def window(self, around: int = 3) -> list[tuple[int, str] | None]:
        """Links to the first, the last and the pages near this one; None marks a gap,
        so that the pager too stays bounded on a list of hundreds of pages."""
        shown: list[tuple[int, str] | None] = []
        last = len(self.pages)
        for number, link in self.pages:
            if number in (1, last) or abs(number - self.number) <= around:
                shown.append((number, link))
            elif shown and shown[-1] is not None:
                shown.append(None)
        return shown


def page_name(first: str, number: int) -> str:
    """``compare/themes/x.md`` -> ``compare/themes/x/page-2.md`` for page 2."""
    if number == 1:
        return first
    stem = first[: -len(".md")]
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return f"{stem}/page-{number}.md"


def paginate(first: str, rows: list[Row], per_page: int) -> list[Chunk[Row]]:
    """``rows`` cut into pages of ``per_page``; an empty list is one empty page."""
    parts = [rows[i : i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    names = [page_name(first, number) for number in range(1, len(parts) + 1)]
    chunks = []
    links_from: dict[str, list[tuple[int, str]]] = {}  # a list's pages sit in two folders
    for number, (name, part) in enumerate(zip(names, parts, strict=True), start=1):
        here = posixpath.dirname(name)
        if here not in links_from:
            links_from[here] = [
                (n, relative_link(here, target)) for n, target in enumerate(names, start=1)
            ]
        chunks.append(Chunk(name, number, part, links_from[here], len(rows), per_page))
    return chunks


def relative_link(here: str, target: str) -> str:
    """A link from a page in folder ``here`` to the page ``target`` (docs-tree paths:
    relative, normalised, as ``posixpath.relpath`` gives it without its calls to the
    file system's idea of the current folder; a list's pages link to every page)."""
    start = [part for part in here.split("/") if part not in ("", ".")]
    parts = [part for part in target.split("/") if part not in ("", ".")]
    if ".." in start or ".." in parts:
        return posixpath.relpath(target, here or ".")
    common = 0
    for mine, theirs in zip(start, parts, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + parts[common:]) or "."


def to_top(name: str) -> str:
    """The way from a page (a docs-tree path) back to the top of the tree: "." for
    ``index.md``, ".." for ``compare/gaps.md``, "../.." two folders down."""
    return "/".join([".."] * name.count("/")) or "."
