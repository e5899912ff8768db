"""The citation map: which corpus papers share references, cite each other, and which
works the field cites most, read from the merged bibliography.

Bibliographic coupling (two papers citing the same work) is what the merged
bibliography makes visible: a work cited by several papers is one entry with each
citing paper in ``cited_in``. A work that is itself a corpus paper links the papers
citing it to that paper. Everything is counted by distinct papers and ordered with
ties broken by id or key, so the same bibliography gives the same map.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from digest.model import BibEntry
from digest.references.bibliography import Bibliography


@dataclass
class Coupled:
    """Another corpus paper that cites some of the same works."""

    paper_id: str
    shared: list[str]  # the keys of the works both cite, sorted


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
    """Every paper's coupled papers, the corpus papers it cites and those citing it."""
    links = {paper: PaperLinks() for paper in papers}
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, entry in bibliography.entries.items():
        citing = [paper for paper in citing_papers(entry) if paper in links]
        for first, second in combinations(citing, 2):
            shared[(first, second)].append(key)
        target = entry.corpus_paper
        if target in links:
            for paper in citing:
                if paper != target:
                    links[paper].cites.append(target)
                    links[target].cited_by.append(paper)
    for (first, second), keys in shared.items():
        links[first].coupled.append(Coupled(second, sorted(keys)))
        links[second].coupled.append(Coupled(first, sorted(keys)))
    for paper_links in links.values():
        paper_links.coupled.sort(key=lambda other: (-len(other.shared), other.paper_id))
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
