"""Running heads, running feet and page numbers: found by repetition, removed.

A page's furniture sits at its edges and repeats from page to page with only
its numbers changing ("Journal of Rural Studies, Vol. 3" / "Page 4 of 12").
So the first and last lines of every page are compared across pages, with
digits masked: a line that recurs at the edges of enough pages is furniture,
and so is a bare page number at an edge. Nothing is removed on a text without
page breaks except exact repeats of a short line standing alone, because
without pages a lone number may just as well be a section number.

Removing the furniture between two pages also removes the blank lines around
it, so that a sentence the page break cut is joined again by the ordinary
paragraph rules.
"""

from __future__ import annotations

import re
from collections import Counter

from digest.clean.columns import RawLine

# How many non-blank lines at the top and at the bottom of a page may be furniture.
EDGE_LINES = 3
# A line is a running head or foot when it recurs at the edges of this share of pages
# (and of at least two pages): alternate pages often carry different heads.
MIN_PAGE_SHARE = 0.3
MAX_FURNITURE_LENGTH = 120
# Without page breaks: an exact short line standing alone this many times.
MIN_REPEATS_WITHOUT_PAGES = 3

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+|p\.\s*)?(?:[-–—]\s*)?(?:#+|[ivxlcdm]+)(?:\s*[-–—])?(?:\s+of\s+#+)?$"
)


def furniture_key(text: str) -> str:
    """The shape of a line with its numbers masked: 'Vol. 3, p. 12' -> 'vol. #, p. #'."""
    masked = re.sub(r"\d+", "#", text.lower())
    return re.sub(r"\s+", " ", masked).strip()


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(furniture_key(text)))


def remove_furniture(pages: list[list[RawLine]]) -> tuple[list[list[RawLine]], list[RawLine]]:
    """(the pages without furniture, the furniture lines dropped), pages as printed.

    Works on the printed order of each page, before columns are resolved: a running
    head split by the gutter ("Journal ...   Vol. 3") is still one line at the top.
    """
    if len(pages) < 2:
        return _remove_repeats(pages)
    content = [[i for i, line in enumerate(page) if line.text.strip()] for page in pages]
    edges = [indexes[:EDGE_LINES] + indexes[-EDGE_LINES:] for indexes in content]
    recurring: Counter[str] = Counter()
    for page, indexes in zip(pages, edges, strict=True):
        recurring.update({furniture_key(page[i].text) for i in indexes})
    needed = max(2, MIN_PAGE_SHARE * len(pages))
    kept_pages: list[list[RawLine]] = []
    dropped: list[RawLine] = []
    for page, indexes in zip(pages, content, strict=True):
        remove: set[int] = set()
        for run in (indexes[:EDGE_LINES], indexes[-EDGE_LINES:][::-1]):
            for index in run:  # from the edge inwards; stop at the first real line
                text = page[index].text.strip()
                key = furniture_key(text)
                if len(text) > MAX_FURNITURE_LENGTH or not (
                    is_page_number(text) or recurring[key] >= needed
                ):
                    break
                remove.add(index)
        dropped.extend(page[i] for i in sorted(remove))
        kept = [line for i, line in enumerate(page) if i not in remove]
        # The blank lines around a page break are padding, not a paragraph break.
        while kept and not kept[0].text.strip():
            kept.pop(0)
        while kept and not kept[-1].text.strip():
            kept.pop()
        kept_pages.append(kept)
    return kept_pages, dropped


def _remove_repeats(pages: list[list[RawLine]]) -> tuple[list[list[RawLine]], list[RawLine]]:
    """No pages known: drop only exact repeats of a short line that stands alone."""
    lines = pages[0] if pages else []

    def alone(index: int) -> bool:
        before = index == 0 or not lines[index - 1].text.strip()
        after = index + 1 == len(lines) or not lines[index + 1].text.strip()
        return before and after

    texts = [line.text.strip() for line in lines]
    counts = Counter(text for index, text in enumerate(texts) if text and alone(index))
    remove = {
        index
        for index, text in enumerate(texts)
        if text
        and alone(index)
        and counts[text] >= MIN_REPEATS_WITHOUT_PAGES
        and len(text) <= MAX_FURNITURE_LENGTH
        and not re.search(r"[.!?]$", text)
        and not re.fullmatch(r"[\d.]+", text)  # a lone number may be a section's
    }
    kept = [line for index, line in enumerate(lines) if index not in remove]
    return [kept], [lines[index] for index in sorted(remove)]
