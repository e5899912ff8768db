"""The citation map read from a merged bibliography built by hand."""

from __future__ import annotations

from digest.model import BibEntry, CitedIn, Reference
from digest.references.bibliography import Bibliography
from digest.references.coupling import citation_map, most_cited


def entry(key: str, *citing: str, corpus_paper: str | None = None) -> BibEntry:
    return BibEntry(
        key,
        Reference(raw=f"{key}, a work"),
        key,
        corpus_paper=corpus_paper,
        cited_in=[CitedIn(paper, item) for item, paper in enumerate(citing, start=1)],
    )


BIBLIOGRAPHY = Bibliography(
    entries={
        e.key: e
        for e in [
            entry("li2010", "a", "b", "c"),  # cited by three papers
            entry("song2007", "a", "b"),
            entry("wang2016", "b", "c", "c"),  # twice in c's list: one citing paper
            entry("zhou2019", "a"),
            entry("paperb", "a", "c", corpus_paper="b"),  # paper b is itself cited
        ]
    }
)


def test_coupled_papers_with_the_works_they_share_most_first() -> None:
    links = citation_map(BIBLIOGRAPHY, ["a", "b", "c"])
    assert [(other.paper_id, other.shared) for other in links["a"].coupled] == [
        ("b", ["li2010", "song2007"]),
        ("c", ["li2010", "paperb"]),
    ]
    assert [(other.paper_id, other.shared) for other in links["b"].coupled] == [
        ("a", ["li2010", "song2007"]),
        ("c", ["li2010", "wang2016"]),
    ]


def test_papers_citing_a_corpus_paper_and_cited_by() -> None:
    links = citation_map(BIBLIOGRAPHY, ["a", "b", "c"])
    assert links["a"].cites == ["b"] and links["c"].cites == ["b"]
    assert links["b"].cited_by == ["a", "c"] and links["b"].cites == []


def test_most_cited_counts_distinct_papers_and_keeps_the_limit() -> None:
    ranked = [(e.key, citing) for e, citing in most_cited(BIBLIOGRAPHY, 3)]
    assert ranked == [
        ("li2010", ["a", "b", "c"]),
        ("paperb", ["a", "c"]),  # ties in key order
        ("song2007", ["a", "b"]),
    ]
    assert [e.key for e, _ in most_cited(BIBLIOGRAPHY, 10)][-1] == "wang2016"  # not zhou2019


def test_a_neighbourhood_changes_with_whoever_cites_its_shared_works() -> None:
    """What a paper's map section is kept by: a new citing paper of a shared work, or a
    citing paper gone, changes it; a work cited by one paper only does not."""
    before = citation_map(BIBLIOGRAPHY, ["a", "b", "c"]).neighbourhood("a")
    more = Bibliography(entries={**BIBLIOGRAPHY.entries, "li2010": entry("li2010", "a", "b")})
    assert citation_map(more, ["a", "b", "c"]).neighbourhood("a") != before
    solo = Bibliography(entries={**BIBLIOGRAPHY.entries, "zhou2019": entry("zhou2019", "a")})
    assert citation_map(solo, ["a", "b", "c"]).neighbourhood("a") == before


def test_a_neighbourhood_does_not_grow_with_a_classics_citations() -> None:
    """A work cited by hundreds of papers adds a fixed-size digest to each of their
    neighbourhoods, not its whole citing list (which would grow with its square)."""
    sizes = []
    for papers in (10, 500):
        ids = [f"p{n:03}" for n in range(papers)]
        classic = Bibliography(entries={"classic": entry("classic", *ids)})
        sizes.append(len(repr(citation_map(classic, ids).neighbourhood("p000"))))
    assert sizes[0] == sizes[1]
