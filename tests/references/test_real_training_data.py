"""Real training strings: AnyStyle's hand-labelled segments mapped onto the parser's
labels (scripts/refcorpus/anystyle.py). Expected labels are written by hand from the
conventions synthetic strings follow (render.py): edge punctuation and words such as
"In", "pp.", "Vol.", "(Eds.)" belong to no field; "12(3)" is a volume and an issue.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from refcorpus.anystyle import DATA, FILES, convert
from refcorpus.grobid import DATA as GROBID_DATA
from refcorpus.grobid import bibls as grobid_bibls
from refcorpus.grobid import convert as grobid_convert

from digest.references.tokens import tokenize

GOLD = Path(__file__).resolve().parents[1] / "gold" / "references"


def labelled(xml: str, converter=convert) -> list[tuple[str, str]]:
    result = converter(ET.fromstring(xml))
    assert not isinstance(result, str), result
    text, tags = result
    return [(token.text, tag) for token, tag in zip(tokenize(text), tags, strict=True)]


def test_an_incollection_sequence_takes_the_parsers_conventions():
    pairs = labelled(
        "<sequence><citation-number>[4]</citation-number>"
        "<author>Clark, K. L.,</author><title>Negation as Failure,</title>"
        "<editor>in: H. Gallaire and J. Minker (eds.),</editor>"
        "<container-title>Logic and Data Bases,</container-title>"
        "<pages>pp. 293-322.</pages><publisher>Plenum Press,</publisher>"
        "<location>New York,</location><date>1978.</date></sequence>"
    )
    assert pairs == [
        ("Clark", "author"), (",", "author"), ("K", "author"), (".", "author"),
        ("L", "author"), (".", "author"), (",", "other"),
        ("Negation", "title"), ("as", "title"), ("Failure", "title"), (",", "other"),
        ("in", "other"), (":", "other"), ("H", "editor"), (".", "editor"),
        ("Gallaire", "editor"), ("and", "editor"), ("J", "editor"), (".", "editor"),
        ("Minker", "editor"), ("(", "other"), ("eds", "other"), (".", "other"),
        (")", "other"), (",", "other"),
        ("Logic", "container"), ("and", "container"), ("Data", "container"),
        ("Bases", "container"), (",", "other"),
        ("pp", "other"), (".", "other"), ("293", "pages"), ("-", "pages"), ("322", "pages"),
        (".", "other"), ("Plenum", "publisher"), ("Press", "publisher"), (",", "other"),
        ("New", "place"), ("York", "place"), (",", "other"), ("1978", "year"), (".", "other"),
    ]  # fmt: skip


def test_a_volume_segment_is_split_into_volume_and_issue():
    pairs = labelled(
        "<sequence><author>P. Yang</author><title>Design for Reliability.</title>"
        "<journal>Proceedings of IEEE,</journal><volume>Vol. 81, No. 5,</volume>"
        "<pages>pp. 730-744,</pages><date>May 1993.</date></sequence>"
    )
    tail = pairs[pairs.index(("Vol", "other")) :]
    assert tail == [
        ("Vol", "other"), (".", "other"), ("81", "volume"), (",", "other"), ("No", "other"),
        (".", "other"), ("5", "issue"), (",", "other"), ("pp", "other"), (".", "other"),
        ("730", "pages"), ("-", "pages"), ("744", "pages"), (",", "other"),
        ("May", "year"), ("1993", "year"), (".", "other"),
    ]  # fmt: skip
    brackets = labelled(
        "<sequence><author>Hinton, G.</author><title>How learning can guide evolution.</title>"
        "<journal>Complex Systems,</journal><volume>1(4),</volume><pages>495-502.</pages>"
        "<date>1987.</date></sequence>"
    )
    assert ("1", "volume") in brackets and ("4", "issue") in brackets


def test_a_thesis_publisher_is_its_school_and_an_access_date_is_urldate():
    thesis = labelled(
        "<sequence><author>Mu, J.</author><date>(2013).</date><title>Rural voices.</title>"
        "<genre>PhD thesis,</genre><publisher>Stanford University.</publisher></sequence>"
    )
    assert ("Stanford", "school") in thesis and ("PhD", "note") in thesis
    online = labelled(
        "<sequence><author>Ungless, M.</author><date>(2004).</date><title>Stimuli.</title>"
        "<note>Retrieved on November 2, 2015 from</note>"
        "<url>http://example.org/a</url></sequence>"
    )
    assert [t for t, tag in online if tag == "urldate"] == ["November", "2", ",", "2015"]
    assert ("Retrieved", "other") in online and ("http://example.org/a", "url") in online


def test_a_report_number_in_the_genre_is_a_number():
    pairs = labelled(
        "<sequence><author>W. Landi.</author><title>Aliasing.</title>"
        "<genre>Technical Report CAIP-TR-125,</genre><date>1990.</date></sequence>"
    )
    assert [t for t, tag in pairs if tag == "note"] == ["Technical", "Report"]
    assert [t for t, tag in pairs if tag == "number"] == ["CAIP-TR", "-", "125"]


def test_a_label_with_no_field_leaves_the_sequence_out():
    result = convert(
        ET.fromstring(
            "<sequence><author>A. B.</author><title>T.</title>"
            "<translator>Trans. C. D.</translator></sequence>"
        )
    )
    assert isinstance(result, str) and "translator" in result


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@pytest.mark.parametrize("gold", ["real_papers_test.yml", "real_papers_dev.yml"])
def test_no_real_training_title_is_a_scored_title(gold):
    """The test papers' references must not be among the training strings."""
    scored = {
        _norm(e["title"]) for e in yaml.safe_load((GOLD / gold).read_text()) if e.get("title")
    }
    for name in FILES:
        for sequence in ET.parse(DATA / name).getroot():
            for title in sequence.iter("title"):
                value = _norm(title.text or "")
                assert len(value) < 16 or value not in scored, (name, title.text)


# --- GROBID's TEI citations (scripts/refcorpus/grobid.py) -----------------------


def grobid_labelled(xml: str) -> list[tuple[str, str]]:
    return labelled(xml, grobid_convert)


def test_a_tei_chapter_takes_the_same_conventions():
    """Text between elements is no field; a monograph title after an article title
    is the book the chapter sits in; "pp." and "ed." are no field."""
    pairs = grobid_labelled(
        "<bibl><author>Childs, P. E.</author> (<date>1998</date>). "
        '"<title level="a">From hydrogen to meitnerium</title>." In '
        '<title level="m">Chemical Nomenclature</title>, ed. <editor>Kevin Thurlow</editor>, '
        'pp. <biblScope unit="page">27-66</biblScope>. <pubPlace>Dordrecht</pubPlace>: '
        "<publisher>Kluwer</publisher>.</bibl>"
    )
    assert pairs == [
        ("Childs", "author"), (",", "author"), ("P", "author"), (".", "author"),
        ("E", "author"), (".", "author"), ("(", "other"), ("1998", "year"), (")", "other"),
        (".", "other"), ('"', "other"), ("From", "title"), ("hydrogen", "title"),
        ("to", "title"), ("meitnerium", "title"), (".", "other"), ('"', "other"),
        ("In", "other"), ("Chemical", "container"), ("Nomenclature", "container"),
        (",", "other"), ("ed", "other"), (".", "other"), ("Kevin", "editor"),
        ("Thurlow", "editor"), (",", "other"), ("pp", "other"), (".", "other"),
        ("27", "pages"), ("-", "pages"), ("66", "pages"), (".", "other"),
        ("Dordrecht", "place"), (":", "other"), ("Kluwer", "publisher"), (".", "other"),
    ]  # fmt: skip


def test_a_tei_book_a_pdf_line_break_and_a_list_label():
    """A monograph title with no article title is the work's own; <lb/> is a space;
    the list label before the first field is cut."""
    pairs = grobid_labelled(
        '<bibl>[3] <author>F. Dolphin</author>. <title level="m">The <lb/>porphyrins</title>. '
        'Vol. <biblScope type="vol">I</biblScope>. <publisher>Academic Press</publisher>, '
        "<date>1978</date>.</bibl>"
    )
    assert pairs == [
        ("F", "author"), (".", "author"), ("Dolphin", "author"), (".", "other"),
        ("The", "title"), ("porphyrins", "title"), (".", "other"), ("Vol", "other"),
        (".", "other"), ("I", "volume"), (".", "other"), ("Academic", "publisher"),
        ("Press", "publisher"), (",", "other"), ("1978", "year"), (".", "other"),
    ]  # fmt: skip


def test_a_tei_issue_and_a_series_title():
    pairs = grobid_labelled(
        '<bibl><author>Kanamori H</author>. <title level="a">Shaking</title>. '
        '<title level="j">Science</title> <biblScope unit="volume">279</biblScope>, no. '
        '<biblScope unit="issue">5359</biblScope> (<date>1998</date>)</bibl>'
    )
    assert [tag for token, tag in pairs if token in ("279", "no", "5359", "Science")] == [
        "container", "volume", "other", "issue",
    ]  # fmt: skip
    series = grobid_convert(
        ET.fromstring(
            '<bibl><author>A. B</author>. <title level="m">Book</title>, '
            '<title level="s">Lecture Notes</title> <biblScope unit="volume">12</biblScope></bibl>'
        )
    )
    assert isinstance(series, str) and "collection-title" in series


@pytest.mark.parametrize("gold", ["real_papers_test.yml", "real_papers_dev.yml"])
def test_no_grobid_title_is_a_scored_title(gold):
    scored = {
        _norm(e["title"]) for e in yaml.safe_load((GOLD / gold).read_text()) if e.get("title")
    }
    for path in sorted((GROBID_DATA / "corpus").glob("*.xml")):
        for bibl in grobid_bibls(path):
            for title in bibl:
                if title.tag.endswith("title"):
                    value = _norm("".join(title.itertext()))
                    assert len(value) < 16 or value not in scored, (path.name, value)
