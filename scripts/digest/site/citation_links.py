"""Turn the citations of a paper's paragraphs into Markdown links with anchors.

Every citation link gets an id (``cite-N``) so the bibliography can link back
to the passage ("cited by"); an unresolved citation stays visible, links to
the report of unresolved citations, and carries the class ``unresolved``.
"""

from __future__ import annotations

import json
import posixpath
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from digest.citations import Citation, CitationPart, find_citations
from digest.manifest import signature
from digest.model import Heading, Paper, Reference
from digest.site.markdown import escape_inline, paragraph_ids

BIBLIOGRAPHY_DIR = "bibliography"
# A key's name and year: "wang2016research" -> wang, 2016.
_KEY_PARTS = re.compile(r"(?P<name>[a-z]+)(?P<year>\d{4})?")
NO_YEAR_PAGES = 8


@lru_cache(maxsize=1 << 16)  # called for every link to an entry, tens of thousands a build
def entry_page(key: str) -> str:
    """The bibliography page of a key: one page per name and year (``w/wang-2016.md``).

    A pure function of the key, so that a link to an entry never moves as the corpus
    grows, and fine enough that no page grows with the corpus: a field cites only so
    many works of one surname in one year. Keys without a year (works that print
    none, unparsed references) are spread over a few pages by a checksum of the key.
    """
    folded = key.lower()
    found = _KEY_PARTS.match(folded)
    name = found.group("name") if found else ""
    first = name[:1] if name else "other"
    if found and found.group("year"):
        return f"{BIBLIOGRAPHY_DIR}/{first}/{name}-{found.group('year')}.md"
    bucket = zlib.crc32(folded.encode("utf-8")) % NO_YEAR_PAGES
    return f"{BIBLIOGRAPHY_DIR}/{first}/no-year-{bucket + 1}.md"


def entry_link(key: str, here: str) -> str:
    """A link from the page ``here`` (a docs-tree path) to the entry of ``key``."""
    return f"{posixpath.relpath(entry_page(key), posixpath.dirname(here) or '.')}#{key}"


@dataclass(frozen=True)
class Passage:
    """A place in a paper that cites a work."""

    paper_id: str
    anchor: str
    section: str  # "§1.1" or "" before the first heading
    paragraph: str = ""  # the id of the paragraph it is in (paragraph_ids): "s1-1-p2"


@dataclass
class PaperCitations:
    """The citations of one paper and the Markdown renderer that links them."""

    paper: Paper
    by_block: dict[int, list[Citation]] = field(default_factory=dict)
    passages: dict[str, list[Passage]] = field(default_factory=dict)  # key -> passages
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (anchor, text)
    anchors: dict[tuple[int, int], str] = field(default_factory=dict)  # (block, start) -> id
    marks: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # block -> (offset, id)
    total: int = 0

    def mark(self, block: int, offset: int, anchor: str) -> None:
        """An anchor (an item's start) to place inside a paragraph."""
        self.marks.setdefault(block, []).append((offset, anchor))

    def render_text(self, index: int, text: str) -> str:
        """Escape one paragraph's text, with its citations as links (page: papers/<id>.md)."""
        pieces: list[str] = []
        position = 0
        marks = sorted(self.marks.get(index, []))

        def upto(limit: int) -> None:
            nonlocal position
            while marks and marks[0][0] <= limit:
                offset, anchor = marks.pop(0)
                pieces.append(escape_inline(text[position:offset]))
                pieces.append(f'<span id="{anchor}"></span>')
                position = offset
            pieces.append(escape_inline(text[position:limit]))
            position = limit

        for citation in self.by_block.get(index, []):
            for start, end, key, anchor in _links(citation, self, index):
                upto(start)
                label = escape_inline(text[start:end])
                if key is None:
                    target = f"../{BIBLIOGRAPHY_DIR}/unresolved.md#{self.paper.id}"
                    pieces.append(f"[{label}]({target}){{ #{anchor} .citation .unresolved }}")
                else:
                    target = f"../{entry_page(key)}#{key}"
                    pieces.append(f"[{label}]({target}){{ #{anchor} .citation }}")
                position = end
        upto(len(text))
        return "".join(pieces)


def _links(citation: Citation, owner: PaperCitations, index: int):
    """(start, end, key, anchor) per distinct span of the citation, numbering anchors."""
    spans: dict[tuple[int, int], list[str | None]] = {}
    for part in citation.parts:
        spans.setdefault((part.start, part.end), []).append(part.key)
    for (start, end), keys in spans.items():
        anchor = owner.anchors[(index, start)]
        resolved = [key for key in keys if key is not None]
        yield start, end, resolved[0] if resolved else None, anchor


def find_paper_citations(
    paper: Paper, references: list[Reference], keys: list[str]
) -> dict[int, list[Citation]]:
    """Every citation of a paper's body, by block: the costly part, cached per source."""
    found = {}
    for index, block in enumerate(paper.document.body):
        if not isinstance(block, Heading):
            citations = find_citations(block.text, references, keys)
            if citations:
                found[index] = citations
    return found


def collect_citations(
    paper: Paper,
    references: Sequence[Reference],
    keys: list[str],
    found: dict[int, list[Citation]] | None = None,
) -> PaperCitations:
    """Find every citation of a paper (or take ``found``) and number their anchors in
    reading order."""
    if found is None:
        found = find_paper_citations(paper, references, keys)
    result = PaperCitations(paper)
    section = ""
    paragraphs = paragraph_ids(paper.document) if found else {}
    for index, block in enumerate(paper.document.body):
        if isinstance(block, Heading):
            section = f"§{block.number.rstrip('.')}" if block.number else block.text
            continue
        citations = found.get(index)
        if not citations:
            continue
        result.by_block[index] = citations
        text, paragraph = block.text, paragraphs.get(index, "")

        def unresolved(anchor: str, start: int, end: int, text: str = text) -> None:
            result.unresolved.append((anchor, text[start:end]))

        def cites(
            key: str, anchor: str, section: str = section, paragraph: str = paragraph
        ) -> None:
            passage = Passage(paper.id, anchor, section, paragraph)
            result.passages.setdefault(key, []).append(passage)

        _number(result, index, citations, unresolved, cites)
    return result


def _number(
    result: PaperCitations,
    index: int,
    citations: list[Citation],
    unresolved: Callable[[str, int, int], None] | None = None,
    cites: Callable[[str, str], None] | None = None,
) -> None:
    """Number the spans of a block's citations (``cite-N``, in reading order), telling
    ``unresolved`` of each span that resolves to no work and ``cites`` of each part
    that does (its key and its span's anchor)."""
    for citation in citations:
        seen: set[tuple[int, int]] = set()
        for part in citation.parts:
            span = (part.start, part.end)
            if span not in seen:
                seen.add(span)
                result.total += 1
                anchor = result.anchors[(index, part.start)] = f"cite-{result.total}"
                if unresolved and all(
                    p.key is None for p in citation.parts if (p.start, p.end) == span
                ):
                    unresolved(anchor, part.start, part.end)
            if cites and part.key is not None:
                cites(part.key, result.anchors[(index, part.start)])


def stored_citations(citations: PaperCitations) -> dict[str, Any]:
    """For the per-source cache: what was found, and what other pages read of it (the
    passages citing each work, the unresolved citations) without the text.

    What was found and the passages are stored as JSON texts inside the entry: a
    build reads every paper's entry for its counts, but decodes those two only for
    the pages it renders (at 1,000 papers, most of the time it takes to read them)."""
    return {
        "found": json.dumps(citations_to_json(citations.by_block), ensure_ascii=False),
        "total": citations.total,
        "unresolved": [list(pair) for pair in citations.unresolved],
        "passages": json.dumps(
            {
                key: [[passage.anchor, passage.section, passage.paragraph] for passage in found]
                for key, found in citations.passages.items()
            },
            ensure_ascii=False,
        ),
    }


class CorpusCitations(Mapping[str, PaperCitations]):
    """Every paper's citations as stored, each turned into ``PaperCitations`` only when
    a page that shows them is rendered: a build after one change reads the counts of
    all papers and decodes the citations of the few pages it renders.

    ``marks`` (paper id -> (block, offset, anchor) of each item) are placed in a
    paper's paragraphs when its citations are first read. ``recompute`` (paper id ->
    its citations collected again, as ``stored_citations`` stores them) replaces a
    stored entry that proves damaged when read: it is never trusted."""

    def __init__(
        self,
        papers: Mapping[str, Paper],
        stored: dict[str, dict[str, Any]],
        marks: Mapping[str, list[tuple[int, int, str]]] | None = None,
        recompute: Callable[[str], dict[str, Any]] | None = None,
    ) -> None:
        self._papers = papers
        self._stored = stored
        self._marks = marks or {}
        self._recompute = recompute
        self._read: dict[str, PaperCitations] = {}
        self._passages: dict[str, dict[str, list]] = {}  # decoded when first asked for
        self._passage_signatures: dict[str, str] = {}

    def __getitem__(self, paper_id: str) -> PaperCitations:
        read = self._read.get(paper_id)
        if read is None:
            try:
                read = self._decode(paper_id)
            except (ValueError, KeyError, TypeError, IndexError):
                if self._recompute is None:
                    raise
                self._stored[paper_id] = self._recompute(paper_id)
                self._passages.pop(paper_id, None)
                read = self._decode(paper_id)
            self._read[paper_id] = read
        return read

    def __contains__(self, paper_id: object) -> bool:
        return paper_id in self._stored  # (Mapping's own would decode the paper's)

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def passages_signature(self, paper_id: str) -> str:
        """A hash of the paper's passages citing each work, as stored (not decoded)."""
        found = self._passage_signatures.get(paper_id)
        if found is None:
            stored = self._stored[paper_id]["passages"]
            text = stored if isinstance(stored, str) else repr(stored)  # (damaged: re-read)
            found = self._passage_signatures[paper_id] = signature(text)
        return found

    def total(self, paper_id: str) -> int:
        return int(self._stored[paper_id]["total"])

    def unresolved(self, paper_id: str) -> list[tuple[str, str]]:
        return [(str(anchor), str(text)) for anchor, text in self._stored[paper_id]["unresolved"]]

    def passages(self, key: str, paper_ids: Iterable[str]) -> list[Passage]:
        """The passages of the given papers that cite ``key``, paper by paper."""
        found = []
        for paper_id in paper_ids:
            stored = self._stored_passages(paper_id).get(key, [])
            found.extend(
                Passage(paper_id, anchor, section, paragraph)
                for anchor, section, paragraph in stored
            )
        return found

    def _stored_passages(self, paper_id: str) -> dict[str, list]:
        passages = self._passages.get(paper_id)
        if passages is None:
            try:
                passages = _json_object(self._stored[paper_id]["passages"])
            except (ValueError, TypeError):
                if self._recompute is None:
                    raise
                self._stored[paper_id] = self._recompute(paper_id)
                self._read.pop(paper_id, None)
                passages = _json_object(self._stored[paper_id]["passages"])
            self._passages[paper_id] = passages
        return passages

    def _decode(self, paper_id: str) -> PaperCitations:
        stored = self._stored[paper_id]
        result = PaperCitations(self._papers[paper_id])
        found = citations_from_json(_json_object(stored["found"]))
        for index, citations in sorted(found.items()):
            result.by_block[index] = citations
            _number(result, index, citations)
        if result.total != stored["total"]:
            raise ValueError(f"stored citations of {paper_id} do not add up")
        result.unresolved = self.unresolved(paper_id)
        result.passages = {
            key: self.passages(key, [paper_id]) for key in self._stored_passages(paper_id)
        }
        for block, offset, anchor in self._marks.get(paper_id, []):
            result.mark(block, offset, anchor)
        return result


def _json_object(text: object) -> dict:
    """A JSON object stored as text in a cache entry (TypeError or ValueError if not)."""
    if not isinstance(text, str):
        raise TypeError("not stored as JSON text")
    found = json.loads(text)
    if not isinstance(found, dict):
        raise TypeError("not a JSON object")
    return found


def citations_to_json(found: dict[int, list[Citation]]) -> dict[str, list]:
    """For the per-source cache: block -> [kind, start, end, [[start, end, key], ...]]."""
    return {
        str(index): [
            [c.kind, c.start, c.end, [[p.start, p.end, p.key] for p in c.parts]] for c in citations
        ]
        for index, citations in found.items()
    }


def citations_from_json(data: dict[str, list]) -> dict[int, list[Citation]]:
    return {
        int(index): [
            Citation(kind, start, end, tuple(CitationPart(*part) for part in parts))
            for kind, start, end, parts in citations
        ]
        for index, citations in data.items()
    }
