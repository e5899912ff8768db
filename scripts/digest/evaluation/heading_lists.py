"""Score the headings a cleaned paper finds against the paper's list of headings.

Real papers have no gold body (writing one by hand for a 20-page paper is days of
work), but their headings can be listed from the LaTeX source they were compiled
from. So a real paper is judged on its headings alone: how many of the listed titles
were found (recall), at the right level (level recall), and how many found headings
are listed (precision). Titles are compared case- and punctuation-blind, since a
class may print "1 INTRODUCTION" for ``\\section{Introduction}``.

A heading list has a line per heading: ``<level> <number or -> <title>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from digest.model import Document, Heading

# The extractions a real paper may come with, in the order they are reported.
EXTRACTIONS = ("pdftotext", "pdftotext-layout", "pdftotext-raw")


@dataclass(frozen=True)
class ListedHeading:
    level: int
    title: str


@dataclass(frozen=True)
class HeadingScores:
    listed: int
    found: int
    title_recall: float
    level_recall: float
    precision: float
    missed: tuple[str, ...]
    extra: tuple[str, ...]


def title_key(title: str) -> str:
    """Letters and digits only, lower case: "2. RELATED WORK." -> "related work"."""
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def read_heading_list(text: str, source: str = "headings.txt") -> list[ListedHeading]:
    """The headings of a list file; a malformed line fails naming the file and line."""
    listed = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split(" ", 2)
        if len(parts) < 3 or not parts[0].isdigit():
            raise ValueError(f"{source}:{number}: expected '<level> <number or -> <title>'")
        listed.append(ListedHeading(int(parts[0]), parts[2]))
    return listed


def score_headings(found: list[tuple[int, str]], listed: list[ListedHeading]) -> HeadingScores:
    """Scores for the (level, title) headings found against the listed ones."""
    found_keys = [(level, title_key(title)) for level, title in found]
    found_titles = {key for _, key in found_keys}
    listed_keys = [(heading.level, title_key(heading.title)) for heading in listed]
    listed_titles = {key for _, key in listed_keys}
    hits = sum(1 for _, key in listed_keys if key in found_titles)
    level_hits = sum(1 for pair in listed_keys if pair in found_keys)
    right = sum(1 for _, key in found_keys if key in listed_titles)
    return HeadingScores(
        listed=len(listed),
        found=len(found),
        title_recall=hits / len(listed) if listed else 1.0,
        level_recall=level_hits / len(listed) if listed else 1.0,
        precision=right / len(found) if found else (1.0 if not listed else 0.0),
        missed=tuple(h.title for h in listed if title_key(h.title) not in found_titles),
        extra=tuple(title for _, title in found if title_key(title) not in listed_titles),
    )


def printed_headings(doc: Document) -> list[tuple[int, str]]:
    """The (level, title) headings a cleaned paper's page shows: a journal's highlights,
    the body's, then the end matter's (acknowledgements, funding), which is kept out
    of the body but printed under a heading of its own, as a section after it."""
    found = [(block.level, block.text) for block in doc.body if isinstance(block, Heading)]
    highlights = [(1, "Highlights")] if doc.highlights else []
    return highlights + found + [(1, section.label) for section in doc.back]


def paper_folders(corpus: Path) -> list[Path]:
    """The corpus's papers: folders holding a ``headings.txt``, by name."""
    return sorted(path.parent for path in corpus.glob("*/headings.txt"))
