"""How sure the cleaner is about one text: what it dropped, guessed and found.

A maintainer cannot read hundreds of pages; this one line per paper (and a
warning where the cleaner had to guess a lot) says which pages to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.model import Document, Heading, Paragraph

# A text this long with no heading at all was probably not understood.
LONG_WITHOUT_HEADINGS = 1500
# A word broken by a line's end standing inside a line ("compre- hensiveness"): the
# extractor read a two-column page across both columns. Not a suspended hyphen
# ("short- and long-term").
_BROKEN_INSIDE = re.compile(r"[A-Za-z]?[a-z]+- (?!(?:and|or|nor|to|as|but)\b)[a-z]{2,}")
# This many such words say the text reads across columns.
MIN_READ_ACROSS = 2


@dataclass(frozen=True)
class Confidence:
    headings: int
    guessed_headings: int  # found by shape alone, without a section number
    paragraphs: int
    list_items: int
    footnotes: int
    furniture: int  # lines dropped as running heads, feet and page numbers
    words: int
    tables: int = 0  # tables whose cells were moved out of the text
    broken_inside: int = 0  # words broken as at a line's end, but inside a line
    # How the text was read, and why ("read as Markdown (YAML front matter, ...)").
    reading: str = ""

    def summary(self) -> str:
        guessed = f" ({self.guessed_headings} by shape alone)" if self.guessed_headings else ""
        return (
            f"{self.headings} headings{guessed}, {self.paragraphs} paragraphs, "
            f"{self.list_items} list items, {self.footnotes} footnotes, "
            f"{self.tables} tables moved out of the text, "
            f"{self.furniture} lines of page furniture dropped, {self.words} words"
            + (f"; {self.reading}" if self.reading else "")
        )

    def doubts(self) -> list[str]:
        """Why a maintainer should look at this page, if at all."""
        if self.broken_inside >= MIN_READ_ACROSS:
            return [
                f'{self.broken_inside} words broken inside a line ("compre- hensiveness"): '
                "the extractor seems to have read two columns across; extract the PDF again "
                "with `pdftotext -layout` (or `-raw`, or pypdfium2)"
            ]
        if self.headings == 0 and self.words >= LONG_WITHOUT_HEADINGS:
            return [
                f"no section heading found in {self.words} words: the page is one run of "
                "paragraphs; check whether the text has headings the cleaner missed"
            ]
        if self.guessed_headings and self.guessed_headings == self.headings:
            return [
                f"all {self.headings} headings were found by their shape alone (the text "
                "numbers no sections) and their levels guessed; check the page's outline"
            ]
        return []


def confidence(doc: Document) -> Confidence:
    headings = [block for block in doc.body if isinstance(block, Heading)]
    paragraphs = [block for block in doc.body if isinstance(block, Paragraph)]
    # A Markdown source's headings are marked as such: none is guessed from its shape.
    markdown = doc.reading.startswith("read as Markdown")
    return Confidence(
        headings=len(headings),
        guessed_headings=0 if markdown else sum(1 for heading in headings if not heading.number),
        paragraphs=sum(1 for p in paragraphs if not p.list),
        list_items=sum(1 for p in paragraphs if p.list),
        footnotes=len(doc.footnotes),
        furniture=len(doc.furniture),
        words=sum(len(p.text.split()) for p in paragraphs),
        tables=len(doc.tables),
        broken_inside=sum(len(_BROKEN_INSIDE.findall(p.text)) for p in paragraphs),
        reading=doc.reading,
    )
