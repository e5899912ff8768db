"""Group sources into distinct papers: renderings of the same text become one paper.

The richer rendering (more metadata, front matter, a reference list, more
text) leads; the paper keeps every source so the page can list them all.
"""

from __future__ import annotations

from collections.abc import Mapping

from digest.model import Document, Paper, Source


def richness(source: Source, document: Document) -> tuple[int, int, int, str]:
    """Sort key, larger is richer; the file name breaks ties so the choice is stable."""
    known = len(source.metadata.known_fields())
    structure = sum(
        (
            bool(document.front.title),
            bool(document.abstract),
            bool(document.keywords),
            bool(document.references),
            bool(document.back),
        )
    )
    length = sum(len(block.text) for block in document.body)
    return known + structure, bool(document.references), length, source.path.name


def group_papers(
    sources: list[Source], documents: Mapping[str, Document], groups: list[list[str]]
) -> list[Paper]:
    """One Paper per group of duplicate sources (``groups``: source names, as
    ``digest.duplicates`` finds them; a source in no group is a paper alone), sorted by
    paper id."""
    by_name = {source.path.name: source for source in sources}
    grouped: dict[str, list[str]] = {}
    for group in groups:
        for name in group:
            grouped[name] = group
    papers: list[Paper] = []
    seen: set[str] = set()
    for source in sources:
        name = source.path.name
        if name in seen:
            continue
        members = [by_name[n] for n in grouped.get(name, [name])]
        seen.update(m.path.name for m in members)
        if len(members) > 1:
            members.sort(key=lambda s: richness(s, documents[s.path.name]), reverse=True)
        primary = members[0]
        papers.append(
            Paper(
                id=primary.metadata.id,
                metadata=primary.metadata,
                cleaned=lambda name=primary.path.name: documents[name],
                sources=members,
            )
        )
    return sorted(papers, key=lambda paper: paper.id)
