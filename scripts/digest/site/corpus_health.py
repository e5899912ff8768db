"""The corpus health report: one row per paper, worst first (``digest report``).

A maintainer of hundreds of papers needs to see which pages came out badly
without opening each: how sure the cleaner was, how many references were kept
verbatim and flagged, how many in-text citations found no entry, which metadata
the text does not give or a person has not yet checked, how many problems and
paths were found, and how many renderings were merged. Each figure names the
page it is about, so the row links there.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from digest.model import Item, Paper, Problem
from digest.site.citation_links import CorpusCitations

# Each page of the health table shows this many rows (health.md, health/page-2.md ...);
# the JSON report has every paper.
PAGE_ROWS = 100


@dataclass
class PaperHealth:
    """What a maintainer would check first on one paper's page."""

    id: str
    page: str
    sources: list[str]
    cleaning: str
    cleaning_doubts: list[str] = field(default_factory=list)
    references: int = 0
    references_flagged: int = 0
    citations: int = 0
    citations_unresolved: int = 0
    metadata_unknown: list[str] = field(default_factory=list)
    metadata_under_review: list[str] = field(default_factory=list)
    problems: int = 0
    paths: int = 0

    @property
    def duplicates_merged(self) -> int:
        return len(self.sources) - 1

    @property
    def to_check(self) -> int:
        """How many things on this paper want a person's eye."""
        return (
            len(self.cleaning_doubts)
            + self.references_flagged
            + self.citations_unresolved
            + len(self.metadata_under_review)
            + (self.problems + self.paths == 0)
        )

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "duplicates_merged": self.duplicates_merged}


def paper_health(
    papers: list[Paper],
    summaries: dict[str, str],
    problems: list[Problem],
    list_sizes: dict[str, tuple[int, int]],
    citations: CorpusCitations,
    items: dict[str, list[Item]],
) -> list[PaperHealth]:
    """One row per paper, the most to check first, then by id (deterministic)."""
    doubts: dict[str, list[str]] = {}
    for problem in problems:
        if not problem.is_error:
            doubts.setdefault(problem.path.as_posix(), []).append(problem.message)
    rows = []
    for paper in papers:
        primary = paper.primary
        references, flagged = list_sizes.get(paper.id, (0, 0))
        cited = paper.id in citations
        kinds = [item.kind for item in items.get(paper.id, [])]
        rows.append(
            PaperHealth(
                id=paper.id,
                page=f"papers/{paper.id}.md",
                sources=[source.path.name for source in paper.sources],
                cleaning=summaries.get(primary.path.as_posix(), ""),
                cleaning_doubts=doubts.get(primary.path.as_posix(), []),
                references=references,
                references_flagged=flagged,
                citations=citations.total(paper.id) if cited else 0,
                citations_unresolved=len(citations.unresolved(paper.id)) if cited else 0,
                metadata_unknown=list(paper.metadata.not_in_text),
                metadata_under_review=list(paper.metadata.review),
                problems=kinds.count("problem") + kinds.count("cause"),
                paths=kinds.count("path") + kinds.count("experience"),
            )
        )
    return sorted(rows, key=lambda row: (-row.to_check, row.id))


def report_lines(rows: list[PaperHealth]) -> list[str]:
    """The report as text, one line per paper."""
    lines = []
    for row in rows:
        lines.append(
            f"{row.id}: {row.to_check} to check; references {row.references} "
            f"({row.references_flagged} flagged); citations {row.citations} "
            f"({row.citations_unresolved} unresolved); metadata unknown "
            f"{len(row.metadata_unknown)}, under review {len(row.metadata_under_review)}; "
            f"problems {row.problems}, paths {row.paths}; "
            f"{row.duplicates_merged} duplicate(s) merged; cleaning: {row.cleaning}"
        )
    return lines
