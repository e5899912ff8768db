"""The citation map: which corpus papers share references, cite each other, and which
works the field cites most, read from the merged bibliography.

Bibliographic coupling (two papers citing the same work) is what the merged
bibliography makes visible: a work cited by several papers is one entry with each
citing paper in ``cited_in``. A work that is itself a corpus paper links the papers
citing it to that paper. Everything is counted by distinct papers and ordered with
ties broken by id or key, so the same bibliography gives the same map.
"""

from __future__ import annotations

from collections import Counter, defaultdict
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


def citation_map(bibliography: Bibliography, papers: list[str]) -> dict[str, PaperLinks]:
    """Every paper's coupled papers, the corpus papers it cites and those citing it.

    Each paper counts its coupled papers over the citing lists of the works it
    cites (Counter.update runs in C): the work grows with the sum over works of
    (citing papers)^2, as coupling does, without an object per pair and work.
    """
    links = {paper: PaperLinks() for paper in papers}
    citing_of: dict[str, list[str]] = {}  # works cited by two or more papers
    works_of: dict[str, set[str]] = defaultdict(set)
    for key, entry in bibliography.entries.items():
        citing = [paper for paper in citing_papers(entry) if paper in links]
        if len(citing) > 1:
            citing_of[key] = citing
            for paper in citing:
                works_of[paper].add(key)
        target = entry.corpus_paper
        if target in links:
            for paper in citing:
                if paper != target:
                    links[paper].cites.append(target)
                    links[target].cited_by.append(paper)
    frozen = {paper: frozenset(works) for paper, works in works_of.items()}
    for paper, works in frozen.items():
        counts: Counter[str] = Counter()
        for key in works:
            counts.update(citing_of[key])
        del counts[paper]
        ranked = sorted(counts.items())  # by id, then (stable) most shared first
        ranked.sort(key=itemgetter(1), reverse=True)
        links[paper].coupled = [
            Coupled(other, count, (works, frozen[other])) for other, count in ranked
        ]
    for paper_links in links.values():
        paper_links.cites = sorted(set(paper_links.cites))
        paper_links.cited_by = sorted(set(paper_links.cited_by))
    return links


def most_cited(bibliography: Bibliography, limit: int) -> list[tuple[BibEntry, list[str]]]:
    """The works cited by the most papers (at least two), with their citing papers."""
    ranked = [
        (entry, citing)
        for entry in bibliography.entries.values()
        if len(citing := citing_papers(entry)) >= 2
    ]
    ranked.sort(key=lambda pair: (-len(pair[1]), pair[0].key))
    return ranked[:limit]
