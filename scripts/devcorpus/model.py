"""The document model every rendering starts from: front matter, body blocks, references.

Inline text is a list of spans: plain strings and :class:`Note` (a footnote,
numbered in reading order when the document is rendered). Everything else is
a block; the gold body, the LaTeX source and the pandoc source are all written
from the same blocks, so the gold is exact by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    """A footnote anchored after the preceding text."""

    text: str


Inline = list[str | Note]


@dataclass
class Heading:
    """A body heading; ``level`` 1 is a section (gold ``##``), 2 a subsection (``###``)."""

    level: int
    text: str


@dataclass
class Para:
    spans: Inline


@dataclass
class BulletList:
    items: list[str]


@dataclass
class NumberedList:
    items: list[str]


@dataclass
class Quote:
    text: str


@dataclass
class Table:
    caption: str
    rows: list[list[str]]  # first row is the header


@dataclass
class Figure:
    caption: str


Block = Heading | Para | BulletList | NumberedList | Quote | Table | Figure


@dataclass
class Document:
    title: str
    short_title: str
    authors: list[str]
    affiliations: list[str]
    abstract: list[str]
    keywords: list[str]
    blocks: list[Block]
    references: list[str]
    journal: str = "Journal of Grassroots Governance Studies"
    date: str = ""
    body_source: str = "composed"  # "composed" or "seed:<file>"
    seed: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    def notes(self) -> list[Note]:
        """Every footnote in reading order (its number is its index + 1)."""
        found: list[Note] = []
        for block in self.blocks:
            if isinstance(block, Para):
                found.extend(span for span in block.spans if isinstance(span, Note))
        return found
