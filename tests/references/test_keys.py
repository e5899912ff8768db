"""Citation keys: Better BibTeX shape, pinned once assigned, never changed by new papers."""

from __future__ import annotations

from pathlib import Path

from digest.model import Document, Metadata, Paper, Person, RawReference, Reference, Source
from digest.references.bibliography import build_bibliography
from digest.references.keys import KeyRegistry, base_key, signature


def ref(family: str, year: str, title: str) -> Reference:
    return Reference(raw="", authors=[Person(family, "J.")], year=year, title=title)


def test_base_key_is_surname_year_first_significant_word() -> None:
    assert (
        base_key(ref("Wang", "2016", "Research on the Innovation of Rural")) == "wang2016research"
    )
    assert base_key(ref("Ōuyáng", "2019", "On the Path of Party Building")) == "ouyang2019path"
    assert base_key(ref("O'Brien", "1999", "Selective policy")) == "obrien1999selective"
    assert base_key(Reference(raw="", title="A Study", year="2020")) == "anon2020study"


def test_signature_ignores_punctuation_case_and_dashes() -> None:
    a = ref("Wang", "2016", "Party Building--Based on the Analysis of Zhanjiang")
    b = ref("WANG", "2016", "party building — based on the analysis of Zhanjiang.")
    assert signature(a) == signature(b)
    assert signature(a) != signature(ref("Wang", "2017", a.title or ""))


def test_articles_cited_without_titles_are_told_apart_by_journal_volume_and_page() -> None:
    """ "Corey E J 1980 JACS 102, 1234" and "Corey E J 1980 Tetrahedron Lett. 21, 731"
    share author and year; with no title, the journal, volume and page name the work."""

    def untitled(family: str, given: str, journal: str, volume: str, page: str) -> Reference:
        authors = [Person(family, given)]
        return Reference(raw=journal, authors=authors, year="1980", container=journal,
                         volume=volume, pages=page)  # fmt: skip

    first = untitled("Corey", "E. J.", "J. Am. Chem. Soc.", "102", "1234")
    second = untitled("Corey", "E. J.", "Tetrahedron Lett.", "21", "731")
    again = untitled("COREY", "E.", "J Am Chem Soc", "102", "1234")
    assert signature(first) != signature(second)
    assert signature(first) == signature(again)


def paper(pid: str, *raw_references: str) -> Paper:
    metadata = Metadata(id=pid, title=f"Paper {pid}", authors=[Person("Li", "Y.")], year=2020)
    source = Source(Path(f"{pid}.txt"), Path(f"{pid}.yml"), "", pid, metadata)
    document = Document(references=[RawReference(text) for text in raw_references])
    return Paper(pid, metadata, document, [source])


FIRST = "Wang J.N. (2016). Research on rural governance, *Administration and Law*, 36(9), 37-46."
COLLIDING = "Wang, J. L. (2016). Research on urban governance. *Zhongzhou Journal*, 2016(10)."


def test_adding_a_paper_never_changes_an_existing_key(tmp_path: Path) -> None:
    registry_path = tmp_path / "citation-keys.tsv"
    first = KeyRegistry.load(registry_path)
    before = build_bibliography([paper("a", FIRST)], first)
    registry_path.write_text(first.text(), encoding="utf-8")

    # A new paper whose reference would take the same base key, and sorts first.
    after = build_bibliography(
        [paper("0-new", COLLIDING), paper("a", FIRST)], KeyRegistry.load(registry_path)
    )
    assert before.reference_keys["a"] == after.reference_keys["a"] == ["wang2016research"]
    assert after.reference_keys["0-new"] == ["wang2016researcha"]
    assert after.paper_keys["a"] == before.paper_keys["a"]
    assert set(before.entries) <= set(after.entries)


def test_registry_is_append_only_and_respects_hand_edits(tmp_path: Path) -> None:
    path = tmp_path / "citation-keys.tsv"
    registry = KeyRegistry.load(path)
    build_bibliography([paper("a", FIRST)], registry)
    path.write_text(registry.text(), encoding="utf-8")
    edited = path.read_text(encoding="utf-8").replace("wang2016research\t", "wangRural2016\t")
    path.write_text(edited, encoding="utf-8")

    registry = KeyRegistry.load(path)
    result = build_bibliography([paper("a", FIRST), paper("b", COLLIDING)], registry)
    assert result.reference_keys["a"] == ["wangRural2016"]
    assert result.reference_keys["b"] == ["wang2016research"]  # the base is free again
    assert registry.text().startswith(edited)  # every existing line kept byte for byte


def test_a_bad_registry_line_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "citation-keys.tsv"
    path.write_text("# header\nwang2016research\tsig-a\nbad key with spaces\n", encoding="utf-8")
    registry = KeyRegistry.load(path, Path("sources/citation-keys.tsv"))
    assert [str(p).split(": ")[0] for p in registry.problems] == ["sources/citation-keys.tsv:3"]


def test_the_same_work_cited_by_two_papers_is_one_entry() -> None:
    variant = (
        "Wang J N. Research on Rural Governance[J]. Administration and Law, 2016, 36(9): 37-46."
    )
    result = build_bibliography([paper("a", FIRST), paper("b", variant)], KeyRegistry(Path("x")))
    shared = [e for e in result.entries.values() if len(e.cited_in) == 2]
    assert len(shared) == 1
    assert [(c.paper_id, c.item) for c in shared[0].cited_in] == [("a", 1), ("b", 1)]
    assert result.reference_keys["a"] == result.reference_keys["b"]


def test_an_unparsable_reference_is_kept_as_an_entry() -> None:
    result = build_bibliography([paper("a", "just some words")], KeyRegistry(Path("x")))
    (unparsed,) = result.unparsed()
    assert unparsed.reference.raw == "just some words"
    assert unparsed.cited_in[0].paper_id == "a"
