"""BibTeX output: hand-written expectations, and what real readers make of it.

bibtexparser v2 and pybtex must both read every entry back to the values that
went in. bibtexparser skips ``\\{`` when it counts braces but BibTeX and biber do
not, so brace balance is checked here the way BibTeX counts.
"""

from __future__ import annotations

import random
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bibtexparser
import pybtex.errors
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from latex_text import unlatex
from pybtex.database import Person as BibPerson
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

from digest.model import REFERENCE_TYPES, Person, Reference
from digest.references import bibtex as bibtex_module
from digest.references.bibtex import (
    clean_text,
    entry_type,
    escape_latex,
    format_bibliography,
    format_entry,
    format_person,
    format_title,
    iso_date,
    thesis_degree,
    typographic_quotes,
)

FIXTURES = Path(__file__).parent / "fixtures"


def load_cases() -> list[dict[str, Any]]:
    return yaml.safe_load((FIXTURES / "cases.yml").read_text(encoding="utf-8"))


def make_reference(data: dict[str, Any]) -> Reference:
    fields = dict(data)
    for name in ("authors", "editors"):
        fields[name] = [Person(**person) for person in fields.get(name, [])]
    return Reference(**fields)


CASES = load_cases()
CASE_IDS = [case["key"] for case in CASES]
TYPES: list[dict[str, Any]] = yaml.safe_load(
    (FIXTURES / "entry_types.yml").read_text(encoding="utf-8")
)
# Quotation marks in a title are written typographic: compared by shape-free text.
QUOTE_SHAPES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


# --- readers -----------------------------------------------------------------


@pytest.fixture(autouse=True)
def strict_pybtex() -> Iterator[None]:
    """pybtex reports problems through pybtex.errors; strict mode turns them into errors."""
    before = pybtex.errors.strict
    pybtex.errors.set_strict_mode(True)
    yield
    pybtex.errors.set_strict_mode(before)


def braces_balanced(text: str) -> bool:
    """Balanced as BibTeX counts: every brace, escaped or not, never below zero."""
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def bibtexparser_fields(text: str) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string(text)
    assert len(library.failed_blocks) == 0, library.failed_blocks
    return {entry.key: {f.key: f.value for f in entry.fields} for entry in library.entries}


def pybtex_text(text: str) -> list[str]:
    """Every entry formatted by pybtex's plain style, surname first, as plain text."""
    data = parse_string(text, "bibtex")
    style = find_plugin("pybtex.style.formatting", "plain")(name_style="lastfirst")
    return [entry.text.render_as("text") for entry in style.format_entries(data.entries.values())]


# --- hand-written expectations ------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_entry_matches_hand_written_fixture(case: dict[str, Any]) -> None:
    assert format_entry(case["key"], make_reference(case["reference"])) == case["bibtex"]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_fixture_entries_parse_in_both_readers(case: dict[str, Any]) -> None:
    text = case["bibtex"]
    assert braces_balanced(text)
    fields = bibtexparser_fields(text)[case["key"]]
    ref = make_reference(case["reference"])
    if ref.parsed and ref.title:
        assert unlatex(fields["title"]) == ref.title
    if ref.container:
        slot = "howpublished" if ref.type == "misc" else "journal"
        assert unlatex(fields[slot]) == ref.container
    if not ref.parsed:
        assert unlatex(fields["note"]) == ref.raw
    entry = parse_string(text, "bibtex").entries[case["key"]]
    families = [" ".join(p.last_names) for p in entry.persons.get("author", [])]
    expected = [f"{{{p.family}}}" if " " in p.family else p.family for p in ref.authors] + (
        ["others"] if ref.note == "et al." else []
    )
    assert families == expected


COMPLETE = ["wang2016research", "han2020community", "deng2019research", "li2018report"]


@pytest.mark.parametrize("key", COMPLETE)
def test_pybtex_plain_style_formats_with_the_surname_first(key: str) -> None:
    """Entries with the fields plain.bst requires format without error (incomplete ones
    only warn in BibTeX, but pybtex's templates raise, so they are left out here)."""
    case = next(case for case in CASES if case["key"] == key)
    (text,) = pybtex_text(case["bibtex"])
    ref = make_reference(case["reference"])
    assert text.startswith(ref.authors[0].family + ",")
    if ref.type == "thesis":
        assert "Thesis, " + ref.school in text  # type {Thesis} replaces "PhD thesis"


def test_the_whole_fixture_bibliography_reads_back() -> None:
    entries = [(c["key"], make_reference(c["reference"]), {}) for c in CASES]
    text = format_bibliography(entries, "Test bibliography.\nSecond line.")
    assert braces_balanced(text)
    assert set(bibtexparser_fields(text)) == set(CASE_IDS)
    assert set(parse_string(text, "bibtex").entries.keys()) == set(CASE_IDS)


# --- entry types and layout -------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("article", "article"),
        ("newspaper", "article"),
        ("book", "book"),
        ("incollection", "incollection"),
        ("inproceedings", "inproceedings"),
        ("thesis", "phdthesis"),
        ("report", "techreport"),
        ("online", "misc"),  # plain.bst has no @online
        ("misc", "misc"),
        ("something-new", "misc"),
    ],
)
def test_entry_type(kind: str, expected: str) -> None:
    assert entry_type(Reference(raw="x", type=kind)) == expected


@pytest.mark.parametrize("case", TYPES, ids=[case["key"] for case in TYPES])
def test_every_reference_type_matches_its_hand_written_entry(case: dict[str, Any]) -> None:
    assert format_entry(case["key"], make_reference(case["reference"])) == case["bibtex"]


@pytest.mark.parametrize(
    ("raw", "degree"),
    [
        ("Yu, Y. (2019). Title [Master's thesis, Shandong Normal University].", "masters"),
        ("Yu, Y. (2019). Title. Masters dissertation, University of Leeds.", "masters"),
        ("Yu, Y. (2019). Title (MA thesis). Fudan University.", "masters"),
        ("Yu, Y. (2019). Title. M.A. thesis, Fudan University.", "masters"),
        ("Yu, Y. (2019). Title. MSc dissertation, LSE.", "masters"),
        ("Yu, Y. (2019). Title. Unpublished MPhil thesis, Oxford.", "masters"),
        ("俞燕娟. 社区党建引领社区治理研究[D]. 济南: 山东师范大学硕士学位论文, 2019.", "masters"),
        ("Hou, L. (2020). Title [Doctoral dissertation, West China Normal U.].", "doctoral"),
        ("Hou, L. (2020). Title. PhD thesis, West China Normal University.", "doctoral"),
        ("Hou, L. (2020). Title. Ph.D. dissertation, Peking University.", "doctoral"),
        ("Hou, L. (2020). Title. DPhil thesis, Oxford.", "doctoral"),
        ("侯丽娟. 基层党建引领社区治理的路径研究[D]. 西华师范大学博士学位论文, 2020.", "doctoral"),
        ("Deng, L. (2019). Title. Wuhan University of Technology.", None),
        ("Ma, J. (2019). A study of the MA region[D]. Wuhan University.", None),  # surname Ma
        ("Li, M. A. (2018). Title [Thesis]. Wuhan University.", None),  # initials M. A.
        ("Xu, Y. (2018). Master's and PhD programmes. Thesis, Wuhan University.", None),
    ],
)
def test_the_degree_of_a_thesis_is_what_its_raw_text_says(raw: str, degree: str | None) -> None:
    ref = Reference(raw=raw, type="thesis", title="Title", school="U", year="2019")
    assert thesis_degree(ref) == degree
    text = format_entry("k", ref)
    kind = "mastersthesis" if degree == "masters" else "phdthesis"
    assert text.startswith(f"@{kind}{{k,")
    assert ("  type = {Thesis},\n" in text) == (degree is None)


def test_a_thesis_names_its_school_or_else_its_publisher() -> None:
    ref = Reference(raw="PhD thesis", type="thesis", title="T", publisher="Fudan University")
    assert "  school = {Fudan University},\n" in format_entry("k", ref)
    assert "publisher" not in format_entry("k", ref)


def test_a_report_names_its_publisher_as_institution_and_its_series_as_type() -> None:
    ref = Reference(
        raw="x",
        type="report",
        authors=[Person("Chen", "S.")],
        title="T",
        container="Working Paper",
        number="12",
        publisher="World Bank",
        year="2019",
    )
    text = format_entry("k", ref)
    assert "  institution = {World Bank},\n  type = {Working Paper},\n" in text
    assert "  number = {12},\n" in text and "publisher" not in text


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("12 May 2023", "2023-05-12"),
        ("May 12, 2023", "2023-05-12"),
        ("12th Sept. 2023", "2023-09-12"),
        ("2023-05-12", "2023-05-12"),
        ("2023-5-2", "2023-05-02"),
        ("2023/05/12", "2023-05-12"),
        ("2023.05.12", "2023-05-12"),
        ("2023年5月12日", "2023-05-12"),
        ("May 2023", "2023-05"),
        ("2023-05", "2023-05"),
        ("05/12/2023", None),  # day first or month first: not known
        ("31 February 2023", None),
        ("last spring", None),
        ("2023", None),  # a year is no access date to write as one
    ],
)
def test_an_access_date_is_written_in_iso_8601(printed: str, iso: str | None) -> None:
    assert iso_date(printed) == iso


def test_an_access_date_that_is_no_date_goes_to_the_note() -> None:
    ref = Reference(
        raw="x", type="online", title="T", url="https://a.org", urldate="last spring", note="N."
    )
    text = format_entry("k", ref)
    assert "urldate" not in text
    assert "  note = {N. Accessed last spring},\n" in text
    ok = format_entry("k", Reference(raw="x", type="online", title="T", urldate="12 May 2023"))
    assert "  urldate = {2023-05-12},\n" in ok and "note" not in ok


def test_a_newspaper_article_is_an_article_with_its_subtype() -> None:
    text = format_entry("k", Reference(raw="x", type="newspaper", title="T", container="Daily"))
    assert text.startswith("@article{k,")
    assert "  journal = {Daily},\n  entrysubtype = {newspaper},\n" in text


def test_a_misc_reference_gives_its_publisher_as_organization() -> None:
    ref = Reference(raw="x", type="misc", title="T", container="Series", publisher="Press")
    text = format_entry("k", ref)
    assert "  howpublished = {Series},\n  organization = {Press},\n" in text


def test_an_entry_without_an_author_is_sorted_by_its_key() -> None:
    """plain.bst sorts by author, else key: "to sort, need author or key"."""
    titled = format_entry("k", Reference(raw="x", title='The "Title"', container="J"))
    assert "  key = {The “Title”},\n" in titled
    untitled = format_entry("k", Reference(raw="x", container="Journal & Co"))
    assert "  key = {Journal \\& Co},\n" in untitled
    edited = format_entry("k", Reference(raw="x", editors=[Person("Li", "L.")], title="T"))
    assert "  editor = {Li, L.},\n" in edited and "  key = {T},\n" in edited
    authored = format_entry("k", Reference(raw="x", authors=[Person("Li", "L.")], title="T"))
    assert "key" not in authored


@pytest.mark.parametrize(
    ("text", "typographic"),
    [
        ('Activating the "muscle cells"', "Activating the “muscle cells”"),
        ('"Six-connection working method" to do', "“Six-connection working method” to do"),
        ('areas—"last metre"', "areas—“last metre”"),
        ('the ("Chigang Experience")', "the (“Chigang Experience”)"),
        ("People's Forum", "People’s Forum"),
        ("the 'grid' system", "the ‘grid’ system"),
        ("the villagers' committees", "the villagers’ committees"),
        ("“already” ‘typographic’", "“already” ‘typographic’"),
        ("``LaTeX quotes'' stay", "``LaTeX quotes'' stay"),
    ],
)
def test_quotation_marks_in_a_title_are_typographic(text: str, typographic: str) -> None:
    assert typographic_quotes(text) == typographic


@pytest.mark.parametrize(
    ("title", "written"),
    [
        # Title Case: only names, acronyms and inner capitals keep their case.
        (
            "Party Building + Governance: Zhejiang Exploration of Party Building",
            "Party Building + Governance: {Zhejiang} Exploration of Party Building",
        ),
        ("The CPC and the iPhone", "The {CPC} and the {iPhone}"),
        ("Taking Hubei Province as an Example", "Taking {Hubei Province} as an Example"),
        # Sentence case: a capital inside a segment is the author's.
        (
            "Exploration of Party building in Bishan District, Chongqing",
            "Exploration of {Party} building in {Bishan District}, {Chongqing}",
        ),
        ("Governance efficacy—A study: The case", "Governance efficacy—A study: The case"),
        # Quotes and escapes around protected words.
        ('The "Chigang Experience" & 50%', "The “{Chigang} Experience” \\& 50\\%"),
        ("基层党建引领社会治理创新研究", "基层党建引领社会治理创新研究"),
    ],
)
def test_a_title_braces_only_the_words_that_keep_their_case(title: str, written: str) -> None:
    assert format_title(title) == written
    assert braces_balanced(written)


def test_the_title_is_never_braced_whole() -> None:
    text = format_entry("k", Reference(raw="x", title="Grassroots Governance in Rural Areas"))
    assert "  title = {Grassroots Governance in Rural Areas},\n" in text


def test_an_unknown_year_is_an_unspecified_date() -> None:
    """ISO 8601-2 "XXXX": biber wants a date on every entry, and reads this as none."""
    assert "  date = {XXXX},\n" in format_entry("k", Reference(raw="x", title="T"))
    dated = format_entry("k", Reference(raw="x", title="T", year="2020"))
    assert "  year = {2020},\n" in dated and "date" not in dated


def test_unparsed_is_misc_whatever_its_type() -> None:
    assert entry_type(Reference(raw="x", type="article", parsed=False)) == "misc"


def test_extra_fields_come_last_sorted_and_escaped() -> None:
    ref = Reference(raw="x", type="article", title="T", year="2020")
    text = format_entry("k", ref, {"zz": "b & c", "langid": "english"})
    assert text.splitlines()[-3:] == ["  langid = {english},", "  zz = {b \\& c},", "}"]


@pytest.mark.parametrize("name", ["title", "note", "keywords", "Bad", "a b", "x}"])
def test_extra_field_that_would_clash_or_break_is_refused(name: str) -> None:
    with pytest.raises(ValueError):
        format_entry("k", Reference(raw="x", title="T"), {name: "v"})


@pytest.mark.parametrize("key", ["", "a b", "a,b", "a}b", "a{b", "wang%2016", "é"])
def test_key_that_could_break_the_entry_is_refused(key: str) -> None:
    with pytest.raises(ValueError):
        format_entry(key, Reference(raw="x", title="T"))


def test_missing_fields_are_left_out_not_empty() -> None:
    """No author and no year: the entry says so with key and date, nothing is empty."""
    text = format_entry("k", Reference(raw="x", type="article", title="T", volume="  "))
    assert text == "@article{k,\n  title = {T},\n  date = {XXXX},\n  key = {T},\n}\n"


def test_pages_become_an_en_dash_whatever_dash_the_source_used() -> None:
    for pages in ("37-46", "37 - 46", "37–46", "37--46", "37—46", "37 - – 46"):
        ref = Reference(raw="x", type="article", pages=pages)
        assert "  pages = {37--46},\n" in format_entry("k", ref)


def test_a_misc_entry_says_its_volume_number_and_pages_in_the_note() -> None:
    text = format_entry("k", Reference(raw="x", title="T", volume="4", number="2", pages="5-8"))
    assert "  note = {Vol. 4, No. 2, pp. 5-8},\n" in text
    assert "volume" not in text and "number" not in text and "pages =" not in text


def test_et_al_without_authors_stays_a_note() -> None:
    text = format_entry("k", Reference(raw="x", title="T", note="et al."))
    assert "  note = {et al.},\n" in text and "author" not in text


def test_bibliography_is_sorted_deterministic_and_one_blank_line_apart() -> None:
    entries = [(c["key"], make_reference(c["reference"]), {}) for c in CASES]
    text = format_bibliography(entries, "Header one.\n\nHeader two.")
    shuffled = entries[:]
    random.Random(7).shuffle(shuffled)
    assert format_bibliography(shuffled, "Header one.\n\nHeader two.") == text
    assert text.startswith("% Header one.\n%\n% Header two.\n\n@")
    assert re.findall(r"^@\w+\{([^,]+),", text, re.M) == sorted(CASE_IDS)
    assert "\n\n\n" not in text and text.endswith("}\n")
    assert text.count("\n\n") == len(CASES)  # after the header and between entries


def test_bibliography_without_header_starts_with_the_first_entry() -> None:
    text = format_bibliography([("b", Reference(raw="x"), {}), ("a", Reference(raw="y"), {})], "")
    assert text.startswith("@misc{a,")


def test_header_cannot_start_an_entry() -> None:
    """BibTeX has no comments: it skips text up to the next "@", so none may be there."""
    text = format_bibliography([("a", Reference(raw="x", title="T"), {})], "By me@x.org\n@misc{")
    assert "@" not in text.split("\n\n")[0]
    assert set(bibtexparser_fields(text)) == {"a"}
    assert list(parse_string(text, "bibtex").entries.keys()) == ["a"]


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="dup"):
        format_bibliography([("dup", Reference(raw="x"), {}), ("dup", Reference(raw="y"), {})], "")


# --- names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "written", "last", "first"),
    [
        (Person("Wang", "J. N."), "Wang, J. N.", ["Wang"], ["J.", "N."]),
        (Person("Wang", "Junning"), "Wang, Junning", ["Wang"], ["Junning"]),
        (Person("Ouyang", "Xiu"), "Ouyang, Xiu", ["Ouyang"], ["Xiu"]),
        (Person("Sima", "Qian"), "Sima, Qian", ["Sima"], ["Qian"]),
        (Person("Ou Yang", "Junning"), "{Ou Yang}, Junning", ["{Ou Yang}"], ["Junning"]),
        (Person("O'Brien", "Kevin J."), "O'Brien, Kevin J.", ["O'Brien"], ["Kevin", "J."]),
        (Person("Smith-Jones", "Ann"), "Smith-Jones, Ann", ["Smith-Jones"], ["Ann"]),
        (Person("de la Cruz", "Juan"), "{de la Cruz}, Juan", ["{de la Cruz}"], ["Juan"]),
        (Person("van der Berg"), "{van der Berg}", ["{van der Berg}"], []),
        (Person("Wang"), "Wang", ["Wang"], []),
        (
            Person("Ministry of Civil Affairs"),
            "{Ministry of Civil Affairs}",
            ["{Ministry of Civil Affairs}"],
            [],
        ),
        (Person("王", "俊宁"), "王, 俊宁", ["王"], ["俊宁"]),
        (Person("Others"), "{Others}", ["{Others}"], []),
        (Person("Li", "Tom and Jerry"), "Li, {Tom and Jerry}", ["Li"], ["{Tom and Jerry}"]),
        (Person("Li", "Jr., Tom"), "Li, {Jr., Tom}", ["Li"], ["{Jr., Tom}"]),
        # BibTeX: a given name without a token ends in "has a comma at the end".
        (Person("Wang", "--"), "Wang, {--}", ["Wang"], ["{--}"]),
        # biber: more than two commas in a name skip the entry unless it is {...}, {...}.
        (Person("a,b,c", "X."), "{a,b,c}, {X.}", ["{a,b,c}"], ["{X.}"]),
        (Person("Wang", "x, y, z"), "{Wang}, {x, y, z}", ["{Wang}"], ["{x, y, z}"]),
        # biber: "given=" would switch it to its extended name format.
        (Person("Wang", "given=Evil"), "Wang, given{}=Evil", ["Wang"], ["given{}=Evil"]),
    ],
)
def test_the_surname_is_the_last_name_to_bibtex(
    person: Person, written: str, last: list[str], first: list[str]
) -> None:
    assert format_person(person) == written
    parsed = BibPerson(written)
    assert parsed.prelast_names == []
    assert parsed.last_names == last
    assert parsed.first_names + parsed.middle_names == first


def test_author_list_splits_into_the_same_people() -> None:
    people = [
        Person("Wang", "J. N."),
        Person("Ou Yang", "Lin"),
        Person("Ministry of Civil Affairs"),
    ]
    text = format_entry("k", Reference(raw="x", authors=people, title="T"))
    parsed = parse_string(text, "bibtex").entries["k"].persons["author"]
    assert [unlatex(" ".join(p.last_names)) for p in parsed] == [p.family for p in people]


# --- escaping -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("A & B", r"A \& B"),
        ("50% of $5 #1 a_b", r"50\% of \$5 \#1 a\_b"),
        ("a~b^c", r"a\textasciitilde{}b\textasciicircum{}c"),
        ("C:\\dir", r"C:\textbackslash{}dir"),
        ("{balanced}", r"\{balanced\}"),
        ("} then {", r"\textbraceright{} then \textbraceleft{}"),
        ("{a {b} c", r"\textbraceleft{}a \{b\} c"),
        ("<tag>", r"\textless{}tag\textgreater{}"),
        ("Why?`x` Yes!`y` a,,b", "Why?{}`x` Yes!{}`y` a,{},b"),
        ("Building--Based ``quoted''", "Building--Based ``quoted''"),
        ("Ōuyáng 欧阳 — “quotes”", "Ōuyáng 欧阳 — “quotes”"),
        ("line\nbreak\n\n para\tend\x00\x07", "line break para end"),
        ("\\cite{x}", r"\textbackslash{}cite\{x\}"),
        ("xdata=a-b, Family = c", "xdata{}=a-b, Family{} = c"),  # biber instructions
        ("a\uffffb\ufdd0c\U0010fffe", "abc"),  # noncharacters: biber refuses the file
    ],
)
def test_escape_latex(text: str, escaped: str) -> None:
    assert escape_latex(text) == escaped
    assert braces_balanced(escaped)


def test_url_and_doi_are_written_verbatim_but_cannot_break_the_field() -> None:
    ref = Reference(
        raw="x",
        title="T",
        url='https://example.org/a_b/c%20d?x=1&y={2}#frag \\ ^ | ` " < >',
        doi="10.1000/{odd}\\ doi",
    )
    text = format_entry("k", ref)
    assert "  doi = {10.1000/%7Bodd%7D%5C%20doi},\n" in text
    assert (
        "  url = {https://example.org/a_b/c%20d?x=1&y=%7B2%7D#frag%20%5C%20%5E%20%7C%20%60%20"
        "%22%20%3C%20%3E},\n"
    ) in text
    assert braces_balanced(text)
    fields = bibtexparser_fields(text)["k"]
    entry = parse_string(text, "bibtex").entries["k"]
    for name in ("url", "doi"):
        assert entry.fields[name] == fields[name]
        assert urllib.parse.unquote(fields[name]) == urllib.parse.unquote(getattr(ref, name))


def test_a_url_or_doi_biber_would_take_for_an_xdata_reference_is_encoded() -> None:
    text = format_entry("k", Reference(raw="x", title="T", url="xdata=a-url", doi="XData=b-doi"))
    assert "  doi = {XData%3Db-doi},\n" in text
    assert "  url = {xdata%3Da-url},\n" in text


# --- properties -----------------------------------------------------------------

# Text with every BibTeX/LaTeX special, Markdown specials, whitespace and unicode.
SPECIALS = "&%$#_{}~^\\@,\"'`<>-=!?;:()[]* \n\t"
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIALS), st.characters(codec="utf-8")), max_size=40
)
NAME_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIALS + "and "), st.characters(codec="utf-8")),
    max_size=20,
)
PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


# Where each type puts the container and the publisher (module docstring of bibtex.py).
CONTAINER_SLOTS = {
    "article": "journal",
    "newspaper": "journal",
    "book": "series",
    "incollection": "booktitle",
    "inproceedings": "booktitle",
    "report": "type",
}
PUBLISHER_SLOTS = {
    "thesis": "school",
    "report": "institution",
    "online": "organization",
    "misc": "organization",
}


@PROPERTY_SETTINGS
@given(
    title=TEXT,
    container=TEXT,
    family=NAME_TEXT,
    given_name=NAME_TEXT,
    kind=st.sampled_from(REFERENCE_TYPES),
)
def test_any_text_stays_inside_its_field_and_round_trips(
    title: str, container: str, family: str, given_name: str, kind: str
) -> None:
    """Every field decodes to what went in; a title (and a booktitle) up to the shape of
    its quotation marks, and with its case braces gone (LaTeX prints no braces)."""
    ref = Reference(
        raw="x",
        type=kind,
        authors=[Person(family, given_name), Person("Wang", "J. N.")],
        title=title,
        container=container,
        publisher=container,
        year="2020",
    )
    text = format_entry("key", ref)
    assert braces_balanced(text)
    assert text.count("\n") == len(text.splitlines())  # one field per line, no stray breaks

    fields = bibtexparser_fields(text)["key"]
    assert fields["year"] == "2020"
    if clean_text(title):
        decoded = unlatex(fields["title"])
        assert decoded.translate(QUOTE_SHAPES) == clean_text(title).translate(QUOTE_SHAPES)
        assert '"' not in decoded.replace("''", "")  # written typographic
    elif kind == "article" and clean_text(container):
        assert unlatex(fields["title"]).startswith("[Article in ")  # supplied, in brackets
    else:
        assert "title" not in fields
    slot = CONTAINER_SLOTS.get(kind, "howpublished")
    if clean_text(container):
        value = unlatex(fields[slot]).translate(QUOTE_SHAPES)
        assert value == clean_text(container).translate(QUOTE_SHAPES)
        publisher = unlatex(fields[PUBLISHER_SLOTS.get(kind, "publisher")])
        assert publisher == clean_text(container)

    entry = parse_string(text, "bibtex").entries["key"]
    people = entry.persons["author"]
    expected_people = 2 if clean_text(family) or clean_text(given_name) else 1
    assert len(people) == expected_people
    assert " ".join(people[-1].last_names) == "Wang"
    if expected_people == 2:
        first = people[0]
        assert first.prelast_names == []
        last = unlatex(" ".join(first.last_names))
        names = unlatex(" ".join(first.first_names + first.middle_names))
        if clean_text(family):
            assert last == clean_text(family)
            assert names.split() == clean_text(given_name).split()
        else:  # a given name alone is kept as the whole name
            assert last == clean_text(given_name)


@PROPERTY_SETTINGS
@given(raw=TEXT)
def test_unparsed_reference_keeps_its_text(raw: str) -> None:
    text = format_entry("k", Reference(raw=raw, parsed=False))
    assert braces_balanced(text)
    fields = bibtexparser_fields(text)["k"]
    assert fields["keywords"] == "unparsed"
    assert unlatex(fields.get("note", "")) == clean_text(raw)
    assert "k" in parse_string(text, "bibtex").entries


@PROPERTY_SETTINGS
@given(url=TEXT, doi=TEXT)
def test_any_url_or_doi_stays_inside_its_field(url: str, doi: str) -> None:
    text = format_entry("k", Reference(raw="x", title="T", url=url, doi=doi))
    assert braces_balanced(text)
    fields = bibtexparser_fields(text)["k"]
    entry = parse_string(text, "bibtex").entries["k"]
    for name, value in (("url", url), ("doi", doi)):
        if clean_text(value):
            assert entry.fields[name] == fields[name]
            assert urllib.parse.unquote(fields[name]) == urllib.parse.unquote(clean_text(value))


def test_an_article_cited_without_its_title_gets_a_supplied_one() -> None:
    """Physics and chemistry cite by journal, volume and page; plain.bst needs a title,
    and square brackets say it was supplied, not printed."""
    ref = Reference(
        raw="A. Rostworowski, Phys. Rev. Lett. 111, 051102 (2013).",
        type="article",
        authors=[Person("Rostworowski", "A.")],
        container="Phys. Rev. Lett.",
        volume="111",
        pages="051102",
        year="2013",
    )
    text = format_entry("k", ref)
    assert "  title = {[Article in Phys. Rev. Lett.]},\n" in text
    assert "  journal = {Phys. Rev. Lett.},\n" in text


def test_clean_text_drops_exactly_what_cannot_be_written_at_every_code_point() -> None:
    # clean_text removes characters with one regex class; the rule it implements is
    # spelt out here, character by character, over the whole of Unicode.
    def expected(ch: str) -> str:
        code = ord(ch)
        if ch.isspace():
            return ""  # a lone space collapses to nothing
        noncharacter = 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
        if noncharacter or unicodedata.category(ch) in ("Cc", "Cs"):
            return ""
        return ch

    wrong = [hex(code) for code in range(0x110000) if clean_text(chr(code)) != expected(chr(code))]
    assert wrong == []
    assert clean_text("a\x00b\x85c\ufffe d\U0010ffff\u3000e") == "ab c d e"


def _escape_one_character_at_a_time(text: str, protect: list[tuple[int, int]]) -> str:
    """The escaping rule spelt out character by character (bibtex._escape writes the
    same in slices)."""
    opens = {start for start, _ in protect}
    closes = {end for _, end in protect}
    partners = bibtex_module._matched_braces(text)
    out = []
    for index, ch in enumerate(text):
        if index in closes:
            out.append("}")
        if index in opens:
            out.append("{")
        if ch == "{":
            out.append(r"\{" if index in partners else r"\textbraceleft{}")
        elif ch == "}":
            out.append(r"\}" if index in partners else r"\textbraceright{}")
        else:
            out.append(bibtex_module._LATEX_SPECIALS.get(ch, ch))
    if len(text) in closes:
        out.append("}")
    escaped = bibtex_module._LIGATURES.sub("{}", "".join(out))
    return bibtex_module._BIBER_KEYWORD.sub(r"\1{}", escaped)


@pytest.mark.parametrize("seed", range(20))
def test_escaping_in_slices_equals_escaping_each_character(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "ab Zq{}{}\\&%$#_~^<>?!`,-'\"“é"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        cuts = sorted(rng.sample(range(len(text) + 1), k=min(len(text) + 1, 2 * rng.randint(0, 3))))
        protect = list(zip(cuts[0::2], cuts[1::2], strict=False))  # an odd cut is dropped
        assert bibtex_module._escape(text, protect) == _escape_one_character_at_a_time(
            text, protect
        )


def test_an_entry_signature_changes_with_every_field_and_only_then() -> None:
    # The formatted entry is recalled by this signature: a field it missed would serve
    # a stale entry.
    from dataclasses import fields, replace

    from digest.references.bibtex import entry_signature

    ref = Reference(
        raw="Wang J.N. Title. Journal, 2016(3): 1-5.",
        type="article",
        authors=[Person("Wang", "J. N.")],
        year="2016",
        title="Title",
        container="Journal",
    )
    same = replace(ref, authors=[Person("Wang", "J. N.")])
    assert entry_signature("wang2016title", ref) == entry_signature("wang2016title", same)
    assert entry_signature("wang2016title", ref) != entry_signature("wang2016titlea", ref)
    changed = {
        "authors": [Person("Wang", "J.")],
        "editors": [Person("Li", "M.")],
        "parsed": False,
        "confidence": 0.5,
    }
    for field in fields(Reference):
        value = changed.get(field.name, "other")
        other = replace(ref, **{field.name: value})
        assert entry_signature("k", other) != entry_signature("k", ref), field.name
