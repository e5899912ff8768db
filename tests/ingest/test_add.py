"""`digest add`: texts copied into sources/ with a sidecar drafted from what they print.

Expected sidecar values are written by hand from the fixture's title page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.cli import main
from digest.ingest import load_corpus
from digest.ingest.add import add_files
from digest.ingest.draft import split_name

FIXTURE = Path(__file__).parent / "fixtures" / "add" / "village-elections.txt"


def sidecar_of(added) -> dict:
    return yaml.safe_load(added.sidecar)


def test_the_draft_holds_what_the_title_page_prints(tmp_path: Path) -> None:
    [added] = add_files([FIXTURE], tmp_path / "sources")
    values = sidecar_of(added)
    assert values["title"] == (
        "Village Elections and Party Leadership: Evidence from Three Counties in Henan Province"
    )
    assert values["authors"] == [
        {"family": "Zhang", "given": "Wei"},
        {"family": "Hu", "given": "Lanfang"},
    ]
    assert values["year"] == 2021  # published, not received
    assert (values["venue"], values["volume"], values["issue"]) == (
        "Journal of Rural Governance", "12", "3",
    )  # fmt: skip
    assert values["doi"] == "10.5539/jrg.v12n3p45"
    assert values["affiliations"] == [
        "School of Public Administration, Zhengzhou University, Zhengzhou, China"
    ]
    assert values["keywords"] == ["village elections", "Party branch", "Henan"]
    assert values["not_in_text"] == ["pages", "url"]
    assert values["abstract"] == (
        "Village elections have been held for three decades, yet the role of the Party branch "
        "in them is still debated. This paper compares three counties."
    )
    assert set(values["review"]) == {
        "title", "authors", "year", "venue", "volume", "issue", "doi", "affiliations", "keywords",
        "abstract",
    }  # fmt: skip
    assert values["id"] == "zhang-village-elections-party"


def test_the_added_pair_loads_with_one_warning_until_reviewed(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    [added] = add_files([FIXTURE], sources)
    assert added.error is None and added.text_path is not None
    assert added.text_path.read_bytes() == FIXTURE.read_bytes()  # copied verbatim
    assert added.text_path.name.startswith("000_village-elections-and-party")
    loaded, problems = load_corpus(sources, root=tmp_path)
    assert [s.metadata.id for s in loaded] == ["zhang-village-elections-party"]
    assert [p.severity for p in problems] == ["warning"]
    assert "review:" in problems[0].message and problems[0].line > 1
    sidecar = added.text_path.with_suffix(".yml")
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(text[: text.index("review:")], encoding="utf-8")  # a person checked it
    assert load_corpus(sources, root=tmp_path)[1] == []


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    code = main(["add", "--dry-run", "--root", str(tmp_path), str(FIXTURE)])
    assert code == 0 and list(sources.iterdir()) == []
    out = capsys.readouterr().out
    assert "id: zhang-village-elections-party" in out and "would write" in out


def test_a_second_rendering_is_reported_and_nothing_is_overwritten(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    [first] = add_files([FIXTURE], sources)
    before = {p.name: p.read_bytes() for p in sources.iterdir()}
    [second] = add_files([FIXTURE], sources)
    assert second.duplicate_of == [first.text_path.name]
    assert second.text_path.name.startswith("001_")
    assert sidecar_of(second)["id"] == "zhang-village-elections-party-2"
    for name, data in before.items():
        assert (sources / name).read_bytes() == data


def test_an_unreadable_file_is_named_with_its_reason_and_the_rest_go_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    missing = tmp_path / "missing.txt"
    code = main(["add", "--root", str(tmp_path), str(binary), str(missing), str(FIXTURE)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{binary}: cannot read as text" in err
    assert f"{missing}: cannot read" in err
    assert len(list((tmp_path / "sources").glob("*.yml"))) == 1


@pytest.mark.parametrize(
    ("printed", "family", "given"),
    [
        ("Wang Sijing", "Wang", "Sijing"),  # pinyin surname first
        ("Sijing Wang", "Wang", "Sijing"),  # given name first
        ("WANG Sijing", "Wang", "Sijing"),  # the surname in capitals
        ("Rui ZHOU", "Zhou", "Rui"),
        ("Ouyang Xiu", "Ouyang", "Xiu"),  # two-syllable surname
        ("Kevin O'Brien", "O'Brien", "Kevin"),  # no pinyin surname: Western order
    ],
)
def test_names_take_the_pinyin_surname_whichever_order_they_are_printed_in(
    printed: str, family: str, given: str
) -> None:
    assert split_name(printed) == {"family": family, "given": given}


def test_a_review_key_names_only_keys_a_draft_fills(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    [added] = add_files([FIXTURE], sources)
    sidecar = added.text_path.with_suffix(".yml")
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "- titel\n", encoding="utf-8")
    loaded, problems = load_corpus(sources, root=tmp_path)
    assert loaded == []
    assert any("'titel'" in p.message and "did you mean 'title'" in p.message for p in problems)


def test_a_cited_works_doi_in_the_text_is_not_the_papers(tmp_path: Path) -> None:
    """Only a DOI the first page prints as the paper's own ("doi:", "DOI:", doi.org) on a
    line of its own is taken; one inside a sentence belongs to a cited work."""
    text = tmp_path / "paper.txt"
    text.write_text(
        "Grid Management and Party Building in Three Chinese Cities\n"
        "Li Ming, Zhou Hong\n"
        "School of Government, Peking University, Beijing, China\n\n"
        "1. Introduction\n"
        "As Wang (2019, https://doi.org/10.1080/10670564.2019.1580427) argued, grid "
        "management extends the reach of the Party into every residential block of the "
        "city, and this paper asks how.\n",
        encoding="utf-8",
    )
    [added] = add_files([text], tmp_path / "sources", dry_run=True)
    values = sidecar_of(added)
    assert values["doi"] is None and "doi" in values["not_in_text"]
    assert values["title"] == "Grid Management and Party Building in Three Chinese Cities"


def test_files_added_in_one_call_get_numbers_and_ids_of_their_own(tmp_path: Path) -> None:
    """Even in a dry run, where nothing reaches sources/ between the two files."""
    first, second = add_files([FIXTURE, FIXTURE], tmp_path / "sources", dry_run=True)
    assert (first.text_path.name[:4], second.text_path.name[:4]) == ("000_", "001_")
    assert sidecar_of(second)["id"] == "zhang-village-elections-party-2"
    assert second.duplicate_of == [first.text_path.name]


def test_a_pdf_is_added_and_a_broken_one_named_with_its_reason(tmp_path: Path) -> None:
    devcorpus = Path(__file__).resolve().parents[1] / "gold" / "devcorpus"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nthe rest was lost in the mail\n")
    good = devcorpus / "report-chapters-1" / "document.pdf"
    first, second = add_files([broken, good], tmp_path / "sources")
    assert first.error is not None and first.error.startswith("cannot read the PDF")
    assert second.error is None and second.text_path is not None
    assert second.text_path.read_bytes() == good.read_bytes()  # copied verbatim
    assert second.text_path.name == "000_public-service-provision-and-its-discontents.pdf"
    values = sidecar_of(second)
    # From the title page (meta.yml of the fixture): title and authors as printed.
    assert (
        values["title"] == "Public Service Provision and Its Discontents: Evidence from Zhengzhou"
    )
    assert [author["family"] for author in values["authors"]] == ["Hu", "Peng", "Cao"]
    assert values["source"] == second.text_path.name
    assert sorted(p.name for p in (tmp_path / "sources").iterdir()) == [
        "000_public-service-provision-and-its-discontents.pdf",
        "000_public-service-provision-and-its-discontents.yml",
    ]


def test_a_pdf_already_in_sources_is_not_read_again(tmp_path: Path, monkeypatch) -> None:
    import digest.ingest as ingest

    devcorpus = Path(__file__).resolve().parents[1] / "gold" / "devcorpus"
    cache = ingest.pdf_cache(tmp_path / "cache")
    [first] = add_files(
        [devcorpus / "report-chapters-1" / "document.pdf"], tmp_path / "src", cache=cache
    )
    assert first.error is None
    cache.commit()

    def must_not_run(data: bytes):
        raise AssertionError("a PDF in sources/ was read again")

    monkeypatch.setattr(ingest, "read_pdf", must_not_run)
    later = ingest.pdf_cache(tmp_path / "cache")
    [second] = add_files([FIXTURE], tmp_path / "src", cache=later)
    assert second.error is None and second.duplicate_of == []
    assert later.hits == 1
