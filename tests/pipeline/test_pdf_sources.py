"""PDF sources through the whole pipeline: read by layout, cached, published on request.

The PDFs are the development corpus's (``tests/gold/devcorpus``); the sidecars are
written here by hand from their title pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import digest.ingest as ingest
from digest.build import build

DEVCORPUS = Path(__file__).resolve().parents[1] / "gold" / "devcorpus"
PDF = DEVCORPUS / "article-10pt-twocolumn-1" / "document.pdf"
SIDECAR = """\
id: zhou-mobilisation-routine
source: {name}
title: "Between Mobilisation and Routine: Neighbourhood Governance in Guizhou Province"
authors:
  - {{family: Zhou, given: Rui}}
year: null
venue: null
volume: null
issue: null
pages: null
doi: null
url: null
language: en
affiliations: [Party School of the Provincial Party Committee, Hangzhou, China]
keywords: [neighbourhood committees, Party building, co-governance, neighbourhood governance]
not_in_text: [year, venue, volume, issue, pages, doi, url]
{extra}"""


def add_pdf(root: Path, name: str = "000_zhou.pdf", extra: str = "", data: bytes | None = None):
    sources = root / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    (sources / name).write_bytes(PDF.read_bytes() if data is None else data)
    (sources / name).with_suffix(".yml").write_text(
        SIDECAR.format(name=name, extra=extra), encoding="utf-8"
    )


def test_a_pdf_source_becomes_a_paper_page(tmp_path: Path) -> None:
    add_pdf(tmp_path)
    out = tmp_path / "out"
    report = build(tmp_path, out, cache_dir=tmp_path / "cache")
    assert [p for p in report.problems if p.is_error] == []
    page = (out / "papers" / "zhou-mobilisation-routine.md").read_text(encoding="utf-8")
    assert "1. Introduction" in page and "2.1 Accountability Mechanisms" in page
    # The text as read from the PDF is published (its lines are what anchors point at);
    # the PDF itself is not, unless the sidecar asks.
    published = (out / "sources" / "000_zhou.pdf.txt").read_text(encoding="utf-8")
    assert published.startswith("Between Mobilisation and Routine")
    assert not (out / "sources" / "000_zhou.pdf").exists()


def test_the_pdf_is_published_when_the_sidecar_says_so(tmp_path: Path) -> None:
    add_pdf(tmp_path, extra="publish_pdf: true\n")
    out = tmp_path / "out"
    build(tmp_path, out, cache_dir=tmp_path / "cache")
    assert (out / "sources" / "000_zhou.pdf").read_bytes() == PDF.read_bytes()


def test_publish_pdf_must_be_true_or_false(tmp_path: Path) -> None:
    add_pdf(tmp_path, extra="publish_pdf: sometimes\n")
    sources, problems = ingest.load_corpus(tmp_path / "sources", tmp_path)
    assert sources == []
    assert [(str(p.path), p.line) for p in problems] == [("sources/000_zhou.yml", 17)]
    assert "publish_pdf: expected true or false" in problems[0].message


def test_a_broken_pdf_is_named_and_the_rest_still_builds(tmp_path: Path) -> None:
    add_pdf(tmp_path)
    add_pdf(tmp_path, name="001_broken.pdf", data=b"%PDF-1.7\nnot really a PDF\n")
    broken = (tmp_path / "sources" / "001_broken.yml").read_text(encoding="utf-8")
    (tmp_path / "sources" / "001_broken.yml").write_text(
        broken.replace("id: zhou-mobilisation-routine", "id: broken-paper"), encoding="utf-8"
    )
    out = tmp_path / "out"
    report = build(tmp_path, out, cache_dir=tmp_path / "cache", keep_going=True)
    errors = [p for p in report.problems if p.is_error]
    assert [(str(p.path), p.line) for p in errors] == [("sources/001_broken.pdf", 1)]
    assert "cannot read the PDF" in errors[0].message
    assert (out / "papers" / "zhou-mobilisation-routine.md").is_file()


def test_an_unchanged_pdf_is_not_read_again(tmp_path: Path, monkeypatch) -> None:
    add_pdf(tmp_path)
    first = build(tmp_path, tmp_path / "out1", cache_dir=tmp_path / "cache")

    def must_not_run(data: bytes):
        raise AssertionError("the PDF was read again")

    monkeypatch.setattr(ingest, "read_pdf", must_not_run)
    # Its sidecar changes (the paper is cleaned again), the PDF does not.
    sidecar = tmp_path / "sources" / "000_zhou.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "notes: checked\n", encoding="utf-8")
    second = build(tmp_path, tmp_path / "out2", cache_dir=tmp_path / "cache")
    assert second.problems == first.problems
    assert (tmp_path / "out2" / "papers" / "zhou-mobilisation-routine.md").is_file()


def test_a_changed_pdf_is_read_again(tmp_path: Path) -> None:
    add_pdf(tmp_path)
    build(tmp_path, tmp_path / "out1", cache_dir=tmp_path / "cache")
    other = DEVCORPUS / "article-10pt-twocolumn-2" / "document.pdf"
    shutil.copy(other, tmp_path / "sources" / "000_zhou.pdf")
    build(tmp_path, tmp_path / "out2", cache_dir=tmp_path / "cache")
    published = (tmp_path / "out2" / "sources" / "000_zhou.pdf.txt").read_text(encoding="utf-8")
    assert published != (tmp_path / "out1" / "sources" / "000_zhou.pdf.txt").read_text("utf-8")


def test_the_sidecar_may_name_a_pdf_as_its_source(tmp_path: Path) -> None:
    add_pdf(tmp_path)
    sources, problems = ingest.load_corpus(tmp_path / "sources", tmp_path)
    assert [s.path.name for s in sources] == ["000_zhou.pdf"] and problems == []
    assert sources[0].styles and len(sources[0].styles) == sources[0].text.count("\n")


def test_the_sidecars_abstract_is_the_one_shown(tmp_path: Path) -> None:
    # A person checked the sidecar's abstract; the cleaner's reading of the text yields.
    add_pdf(tmp_path, extra="abstract: A checked abstract, in the sidecar.\n")
    out = tmp_path / "out"
    build(tmp_path, out, cache_dir=tmp_path / "cache")
    page = (out / "papers" / "zhou-mobilisation-routine.md").read_text(encoding="utf-8")
    assert "A checked abstract, in the sidecar." in page
    assert "the supervision of village cadres involves negotiation among community" not in page
