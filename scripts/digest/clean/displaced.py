"""Reference entries an extractor put among the body's paragraphs.

On a two-column last page, extractors that order text blocks themselves (pdfminer,
pdfium, ``pdftotext``) often read part of the reference list before the column
that holds the end of the body and the "References" label: the entries come out as
body paragraphs under the last section. A run of paragraphs that each open the way
an author-year entry opens ("Luo, M. (2019). Social Service ...") is such a part:
it goes back to the reference list, where the references stage parses it, instead of
standing in the paper's text.
"""

from __future__ import annotations

import re

from digest.model import Block, Document, Paragraph, RawReference

# "Surname, I. (2019)." / "Surname, I. J., Other, K. (2019a)." / "Van Dijk, T. (2019).":
# names with initials, then the year in brackets closed by a full stop.
_ENTRY_START = re.compile(
    r"^[A-Z][^\s,()]+(?: [A-Z][^\s,()]+)?, (?:[A-Z]\.\s?){1,3}"
    r"(?:, [A-Z][^\s,()]+, (?:[A-Z]\.\s?){1,3}){0,5},? ?(?:\.{3} )?.{0,120}?"
    r"\((?:19|20)\d{2}[a-z]?\)\."
)
# Fewer entries in a row are a paragraph that happens to open with a citation.
MIN_DISPLACED_ENTRIES = 3
# A piece of an entry the extractor split off ("112–131.") is at most this long.
MAX_FRAGMENT = 80


def gather_displaced_references(doc: Document) -> None:
    """Move runs of at least MIN_DISPLACED_ENTRIES author-year entries from
    ``doc.body`` to the end of ``doc.references``, verbatim; a short piece between
    two entries goes on the entry before it."""
    runs = _runs(doc.body)
    if not runs:
        return
    moved: set[int] = set()
    for start, end in runs:
        entries: list[RawReference] = []
        for index in range(start, end):
            paragraph = doc.body[index]
            assert isinstance(paragraph, Paragraph)
            text = _full_text(paragraph)
            if _ENTRY_START.match(text) or not entries:
                entries.append(RawReference(text, paragraph.line))
            else:
                entries[-1] = RawReference(f"{entries[-1].text} {text}", entries[-1].line)
            moved.add(index)
        doc.references.extend(entries)
    doc.body = [block for index, block in enumerate(doc.body) if index not in moved]


def _runs(body: list[Block]) -> list[tuple[int, int]]:
    """(start, end) of each run of entries in ``body``, fragments between them included."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(body):
        if not _is_entry(body[index]):
            index += 1
            continue
        start = end = index
        count = 0
        probe = index
        while probe < len(body):
            block = body[probe]
            if _is_entry(block):
                count += 1
                end = probe + 1
            elif not _is_fragment(block):
                break
            probe += 1
        if count >= MIN_DISPLACED_ENTRIES:
            runs.append((start, end))
        index = max(end, index + 1)
    return runs


def _is_entry(block: Block) -> bool:
    return (
        isinstance(block, Paragraph)
        and not block.list
        and bool(_ENTRY_START.match(_full_text(block)))
    )


def _is_fragment(block: Block) -> bool:
    return isinstance(block, Paragraph) and len(_full_text(block)) <= MAX_FRAGMENT


def _full_text(paragraph: Paragraph) -> str:
    """The paragraph as printed: a run-in lead ("Luo, M. (2019).") is part of it."""
    return f"{paragraph.lead} {paragraph.text}" if paragraph.lead else paragraph.text
