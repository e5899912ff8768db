"""The citation map: which corpus papers share references, cite each other, and which
works the field cites most, read from the merged bibliography.

Bibliographic coupling (two papers citing the same work) is what the merged
bibliography makes visible: a work cited by several papers is one entry with each
citing paper in ``cited_in``. A work that is itself a corpus paper links the papers
citing it to that paper. Everything is counted by distinct papers and ordered with
ties broken by id or key, so the same bibliography gives the same map.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from digest.model import BibEntry
from digest.references.bibliography import Bibliography


class Coupled(NamedTuple):
    """Another corpus paper that cites some of the same works.

    ``count`` is how many works both cite. The works themselves are the intersection
    of the two papers' sets, taken only when a page asks (``shared``): a large field
    couples most pairs of papers through its classics, and a page shows ten of them.
    """

    paper_id: str
    count: int
    works: tuple[frozenset[str], frozenset[str]]  # the works each of the two cites

    @property
    def shared(self) -> list[str]:
        """The keys of the works both cite, sorted."""
        mine, theirs = self.works
        return sorted(mine & theirs)

    @classmethod
    def sharing(cls, paper_id: str, keys: list[str]) -> Coupled:
        """A coupled paper given the works it shares (for hand-made maps)."""
        works = frozenset(keys)
        return cls(paper_id, len(works), (works, works))


@dataclass
class PaperLinks:
    """One paper's place in the map."""

    coupled: list[Coupled] = field(default_factory=list)  # most shared works first
    cites: list[str] = field(default_factory=list)  # corpus papers it cites
    cited_by: list[str] = field(default_factory=list)  # corpus papers citing it


def citing_papers(entry: BibEntry) -> list[str]:
    """The distinct papers that cite a work, sorted."""
    return sorted({cited.paper_id for cited in entry.cited_in})


class CitationMap(Mapping[str, PaperLinks]):
    """Every paper's coupled papers, the corpus papers it cites and those citing it, by
    paper id.

    A paper's coupled papers are counted when first asked for, over the citing lists
    of the works it cites (Counter.update runs in C): the work grows with the sum over
    works of (citing papers)^2, as coupling does, without an object per pair and work;
    a build that keeps most pages asks for few papers. ``neighbourhood`` is what a
    paper's links are computed from, cheap to hash.
    """

    def __init__(self, bibliography: Bibliography, papers: list[str]) -> None:
        self._papers = list(papers)
        self._known = known = frozenset(papers)
        self._citing_of: dict[str, list[str]] = {}  # works cited by two or more papers
        works_of: dict[str, set[str]] = defaultdict(set)
        cites: dict[str, set[str]] = defaultdict(set)
        cited_by: dict[str, set[str]] = defaultdict(set)
        for key, entry in bibliography.entries.items():
            citing = [paper for paper in citing_papers(entry) if paper in known]
            if len(citing) > 1:
                self._citing_of[key] = citing
                for paper in citing:
                    works_of[paper].add(key)
            target = entry.corpus_paper
            if target in known:
                for paper in citing:
                    if paper != target:
                        cites[paper].add(target)
                        cited_by[target].add(paper)
        self._works = {paper: frozenset(works) for paper, works in works_of.items()}
        self._cites = {paper: sorted(found) for paper, found in cites.items()}
        self._cited_by = {paper: sorted(found) for paper, found in cited_by.items()}
        self._links: dict[str, PaperLinks] = {}
        self._digests: dict[str, str] = {}

    def __getitem__(self, paper: str) -> PaperLinks:
        found = self._links.get(paper)
        if found is None:
            if paper not in self._known:
                raise KeyError(paper)
            found = self._links[paper] = self._compute(paper)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._papers)

    def __len__(self) -> int:
        return len(self._papers)

    def _compute(self, paper: str) -> PaperLinks:
        works = self._works.get(paper, frozenset())
        counts: Counter[str] = Counter()
        for key in works:
            counts.update(self._citing_of[key])
        del counts[paper]
        ranked = sorted(counts.items())  # by id, then (stable) most shared first
        ranked.sort(key=itemgetter(1), reverse=True)
        return PaperLinks(
            coupled=[Coupled(other, n, (works, self._works[other])) for other, n in ranked],
            cites=self._cites.get(paper, []),
            cited_by=self._cited_by.get(paper, []),
        )

    def neighbourhood(self, paper: str) -> list[object]:
        """Everything the paper's links are computed from: the citing papers of each
        work it shares, the corpus papers it cites and those citing it."""
        shared = [(key, self._citing_digest(key)) for key in sorted(self._works.get(paper, ()))]
        return [shared, self._cites.get(paper, []), self._cited_by.get(paper, [])]

    def _citing_digest(self, key: str) -> str:
        """A short hash of a work's citing papers, made once per work: a classic cited
        by hundreds of papers sits in each of their neighbourhoods, and hashing its
        whole list for each of them would grow with the square of its citations."""
        found = self._digests.get(key)
        if found is None:
            citing = "\0".join(self._citing_of[key]).encode("utf-8")
            found = self._digests[key] = hashlib.blake2b(citing, digest_size=12).hexdigest()
        return found

    def shared_works(self) -> list[str]:
        """The keys of the works cited by two or more papers, sorted."""
        return sorted(self._citing_of)

    def whole(self) -> list[object]:
        """Everything the map is computed from (cheap to hash)."""
        return [
            self._papers,
            sorted(self._citing_of.items()),
            sorted(self._cites.items()),
        ]


def citation_map(bibliography: Bibliography, papers: list[str]) -> CitationMap:
    """The citation map of ``papers`` (see ``CitationMap``)."""
    return CitationMap(bibliography, papers)


def most_cited(bibliography: Bibliography, limit: int) -> list[tuple[BibEntry, list[str]]]:
    """The works cited by the most papers (at least two), with their citing papers."""
    ranked = [
        (entry, citing)
        for entry in bibliography.entries.values()
        if len(citing := citing_papers(entry)) >= 2
    ]
    ranked.sort(key=lambda pair: (-len(pair[1]), pair[0].key))
    return ranked[:limit]
