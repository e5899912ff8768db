"""APA 7 and GB/T 7714-2015 strings: hand-written expectations, the style rules one by
one, and that the Markdown renders to exactly the plain text in both Markdown dialects."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown as python_markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from digest.model import Person, Reference
from digest.references.styles import apa, apa_initials, gbt7714, gbt_initials, plain_text

FIXTURES = Path(__file__).parent / "fixtures"
CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "cases.yml").read_text(encoding="utf-8"))
CASE_IDS = [case["key"] for case in CASES]


def make_reference(data: dict[str, Any]) -> Reference:
    fields = dict(data)
    fields["authors"] = [Person(**person) for person in fields.get("authors", [])]
    return Reference(**fields)


def article(**fields: Any) -> Reference:
    base: dict[str, Any] = {
        "raw": "x",
        "type": "article",
        "authors": [Person("Wang", "J. N.")],
        "year": "2016",
        "title": "Title",
        "container": "Journal",
        "volume": "36",
        "number": "9",
        "pages": "37-46",
    }
    base.update(fields)
    return Reference(**base)


def people(count: int) -> list[Person]:
    return [Person(f"Name{chr(ord('A') + i)}", "X.") for i in range(count)]


# --- hand-written expectations --------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_apa_matches_hand_written_fixture(case: dict[str, Any]) -> None:
    ref = make_reference(case["reference"])
    assert apa(ref) == case["apa"]
    if "apa_plain" in case:
        assert plain_text(ref) == apa(ref, markdown=False) == case["apa_plain"]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_gbt7714_matches_hand_written_fixture(case: dict[str, Any]) -> None:
    ref = make_reference(case["reference"])
    assert gbt7714(ref) == case["gbt7714"]
    if "gbt7714_plain" in case:
        assert plain_text(ref, gbt7714) == gbt7714(ref, markdown=False) == case["gbt7714_plain"]


# --- APA 7 rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "NameA, X. (2016)."),
        (2, "NameA, X., & NameB, X. (2016)."),
        (3, "NameA, X., NameB, X., & NameC, X. (2016)."),
    ],
)
def test_apa_author_lists(count: int, expected: str) -> None:
    assert apa(article(authors=people(count))).startswith(expected)


def test_apa_lists_twenty_authors_and_elides_from_the_twenty_first() -> None:
    twenty = apa(article(authors=people(20)), markdown=False)
    assert "NameS, X., & NameT, X. (2016)" in twenty
    many = people(22)
    text = apa(article(authors=many), markdown=False)
    assert "NameR, X., NameS, X., . . . NameV, X. (2016)" in text
    assert "NameT" not in text and "NameU" not in text and "&" not in text


def test_apa_keeps_et_al_from_the_source_without_an_ampersand() -> None:
    ref = article(authors=people(2), note="et al.")
    assert apa(ref).startswith("NameA, X., NameB, X., et al. (2016).")


def test_apa_missing_year_is_nd() -> None:
    assert apa(article(year=None)).startswith("Wang, J. N. (n.d.). Title.")


def test_apa_without_author_the_title_leads() -> None:
    assert apa(article(authors=[])) == "Title. (2016). *Journal*, *36*(9), 37–46."


def test_apa_issue_without_volume_and_volume_without_issue() -> None:
    assert apa(article(volume=None)).endswith("*Journal*, (9), 37–46.")
    assert apa(article(number=None)).endswith("*Journal*, *36*, 37–46.")
    assert apa(article(volume=None, number=None, pages=None)).endswith("Title. *Journal*.")


def test_apa_article_with_nothing_after_the_title() -> None:
    ref = article(container=None, volume=None, number=None, pages=None)
    assert apa(ref) == "Wang, J. N. (2016). Title."


def test_apa_title_ending_in_a_question_mark_gets_no_full_stop() -> None:
    assert "(2016). Why now? *Journal*" in apa(article(title="Why now?"))
    book = Reference(raw="x", type="book", title="Why now?", publisher="P")
    assert apa(book) == "*Why now?* (n.d.). P."


def test_apa_doi_is_a_link_and_wins_over_url() -> None:
    ref = article(doi="10.1000/xyz", url="https://example.org/x")
    assert apa(ref).endswith("37–46. https://doi.org/10.1000/xyz")
    assert apa(article(url="https://example.org/x")).endswith("37–46. https://example.org/x")
    assert apa(article(doi="https://doi.org/10.1/a")).endswith(" https://doi.org/10.1/a")


def test_apa_thesis_without_school_or_title() -> None:
    thesis = Reference(raw="x", type="thesis", authors=[Person("Deng", "L.")], title="T")
    assert apa(thesis) == "Deng, L. (n.d.). *T* \\[Thesis\\]."
    untitled = Reference(raw="x", type="thesis", authors=[Person("Deng", "L.")], school="S")
    assert apa(untitled, markdown=False) == "Deng, L. (n.d.). [Thesis, S]."


def test_apa_misc_without_container_is_a_stand_alone_work() -> None:
    ref = Reference(raw="x", type="misc", authors=[Person("Li", "Y.")], year="2018", title="R")
    assert apa(ref) == "Li, Y. (2018). *R*."


@pytest.mark.parametrize(
    ("given_name", "initials"),
    [
        ("J. N.", "J. N."),
        ("J.N.", "J. N."),
        ("Kevin J.", "K. J."),
        ("Jean-Paul", "J.-P."),
        ("Junning", "J."),
        ("", ""),
    ],
)
def test_apa_initials(given_name: str, initials: str) -> None:
    assert apa_initials(given_name) == initials


# --- GB/T 7714 rules ------------------------------------------------------------------


def test_gbt_three_authors_then_et_al() -> None:
    three = gbt7714(article(authors=people(3)), markdown=False)
    assert three.startswith("NAMEA X, NAMEB X, NAMEC X. Title[J].")
    four = gbt7714(article(authors=people(4)), markdown=False)
    assert four.startswith("NAMEA X, NAMEB X, NAMEC X, et al. Title[J].")
    cut = gbt7714(article(authors=people(1), note="et al."), markdown=False)
    assert cut.startswith("NAMEA X, et al. Title[J].")
    chinese = [Person("王", "俊宁"), Person("李", "阳"), Person("张", "三"), Person("赵", "四")]
    assert gbt7714(article(authors=chinese), markdown=False).startswith(
        "王俊宁, 李阳, 张三, 等. Title[J]."
    )


@pytest.mark.parametrize(
    ("family", "given_name", "written"),
    [
        ("Wang", "J. N.", "WANG J N"),
        ("Wang", "J.N.", "WANG J N"),
        ("Wang", "Junning", "WANG J N"),  # one initial per pinyin syllable
        ("Sima", "Qian", "SIMA Q"),
        ("Ouyang", "Xiu", "OUYANG X"),
        ("Li", "Xian", "LI X"),  # xian / xi'an: the reading with fewer syllables
        ("O'Brien", "Kevin J.", "O'BRIEN K J"),
        ("Smith", "Anna", "SMITH A"),  # not a pinyin surname: no syllable splitting
        ("Wang", "", "WANG"),
        ("Ministry of Civil Affairs", "", "Ministry of Civil Affairs"),
        ("王", "俊宁", "王俊宁"),
    ],
)
def test_gbt_names(family: str, given_name: str, written: str) -> None:
    ref = article(authors=[Person(family, given_name)])
    assert gbt7714(ref, markdown=False).startswith(f"{written}. Title[J].")


def test_gbt_initials_ambiguous_pinyin_falls_back_to_the_first_letter() -> None:
    # "fangan" is fang+an or fan+gan: two readings of equal length.
    assert gbt_initials("Fangan", pinyin=True) == "F"
    assert gbt_initials("Jun-ning", pinyin=True) == "J N"


@pytest.mark.parametrize(
    ("fields", "tail"),
    [
        ({}, "Journal, 2016, 36(9): 37-46."),
        ({"volume": None}, "Journal, 2016(9): 37-46."),
        ({"number": None}, "Journal, 2016, 36: 37-46."),
        ({"pages": None}, "Journal, 2016, 36(9)."),
        ({"year": None, "volume": None}, "Journal, (9): 37-46."),
        ({"container": None, "volume": None, "number": None, "pages": None}, "Title[J]. 2016."),
        ({"pages": "37–46"}, "Journal, 2016, 36(9): 37-46."),
    ],
)
def test_gbt_periodical_parts(fields: dict[str, Any], tail: str) -> None:
    assert gbt7714(article(**fields), markdown=False).endswith(tail)


def test_gbt_thesis_book_newspaper_misc() -> None:
    def text(**fields: Any) -> str:
        return gbt7714(Reference(raw="x", title="T", **fields), markdown=False)

    assert text(type="thesis", school="S", address="Wuhan", year="2019") == "T[D]. Wuhan: S, 2019."
    assert text(type="thesis", year="2019") == "T[D]. 2019."
    assert text(type="book", publisher="P", address="Beijing", year="2012", pages="5-9") == (
        "T[M]. Beijing: P, 2012: 5-9."
    )
    assert text(type="book", publisher="P") == "T[M]. P."
    assert text(type="newspaper", container="N", year="2019") == "T[N]. N, 2019."
    assert text(type="misc") == "T[Z]."
    assert text(type="misc", container="C", year="2001", pages="3") == "T[Z]. C, 2001: 3."


def test_gbt_url_then_doi() -> None:
    ref = article(url="https://example.org/a", doi="10.1000/xyz")
    assert gbt7714(ref, markdown=False).endswith(
        "36(9): 37-46. https://example.org/a. DOI:10.1000/xyz."
    )


# --- nothing missing shows -------------------------------------------------------------

OPTIONAL = st.one_of(st.none(), st.just(""), st.just("  "), st.sampled_from(["2019", "A b", "7"]))
REFERENCES = st.builds(
    Reference,
    raw=st.just("x"),
    type=st.sampled_from(["article", "thesis", "book", "newspaper", "misc", "other"]),
    authors=st.lists(
        st.builds(
            Person,
            st.sampled_from(["Wang", "Ou Yang", "", "王"]),
            OPTIONAL.map(lambda value: value or ""),
        ),
        max_size=4,
    ),
    year=OPTIONAL,
    title=OPTIONAL,
    container=OPTIONAL,
    volume=OPTIONAL,
    number=OPTIONAL,
    pages=OPTIONAL,
    school=OPTIONAL,
    publisher=OPTIONAL,
    address=OPTIONAL,
    doi=OPTIONAL,
    url=OPTIONAL,
    note=st.sampled_from([None, "et al.", ""]),
)


@settings(max_examples=200, deadline=None)
@given(ref=REFERENCES)
def test_missing_fields_never_show(ref: Reference) -> None:
    for style in (apa, gbt7714):
        for text in (style(ref), style(ref, markdown=False)):
            assert "None" not in text
            assert "()" not in text and "[]" not in text and "**" not in text
            assert ",," not in text and ". ." not in text.replace(". . .", "")
            assert ", ." not in text and " ," not in text and "  " not in text
            assert text == text.strip()


# --- Markdown: escaped text renders as the plain text ------------------------------------


class _Text(HTMLParser):
    """The text of an HTML fragment, and which tags it used."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(html: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.text).strip(), parser.tags


def unescaped_stars(text: str) -> int:
    """Our italics markers: every "*" that no backslash escapes."""
    count, index = 0, 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        count += text[index] == "*"
        index += 1
    return count


COMMONMARK = MarkdownIt("commonmark")
# The extensions mkdocs.yml enables that read inline text.
PYTHON_MARKDOWN_EXTENSIONS = ["toc", "attr_list", "tables", "admonition", "pymdownx.superfences"]

SPECIALS = "&*_\\`[]{}|<>#-+=!.()~^$%@;:'\"/0123456789 "
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIALS), st.characters(codec="utf-8")), max_size=30
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=TEXT,
    container=TEXT,
    family=TEXT,
    given_name=TEXT,
    volume=TEXT,
    kind=st.sampled_from(["article", "thesis", "book", "newspaper", "misc"]),
)
def test_markdown_renders_to_the_plain_text(
    title: str, container: str, family: str, given_name: str, volume: str, kind: str
) -> None:
    ref = Reference(
        raw="x",
        type=kind,
        authors=[Person(family, given_name)],
        year="2020",
        title=title,
        container=container,
        school=container,
        publisher=container,
        volume=volume,
        number="3",
    )
    for style in (apa, gbt7714):
        markdown_text = style(ref)
        plain = style(ref, markdown=False)
        italics = unescaped_stars(markdown_text)
        for html in (
            COMMONMARK.render(markdown_text),
            python_markdown.markdown(markdown_text, extensions=PYTHON_MARKDOWN_EXTENSIONS),
        ):
            text, tags = rendered(html)
            assert text == plain, html
            assert set(tags) <= {"p", "em"}, html
            assert tags.count("em") * 2 == italics, html


@pytest.mark.parametrize(
    "title",
    [
        "~~~ fenced?",
        "```code",
        "- item",
        "+ item",
        "1. item",
        "2) item",
        "# heading",
        "= x",
        "> quote",
        "<div>",
        "[x]: https://example.org",
        "    indented",
        "| a | b |",
        "***",
    ],
)
def test_a_leading_title_starts_no_block(title: str) -> None:
    """Without an author the title starts the line: it must stay one plain paragraph."""
    ref = Reference(raw="x", type="article", title=title, year="2001")
    for style in (apa, gbt7714):
        for html in (
            COMMONMARK.render(style(ref)),
            python_markdown.markdown(style(ref), extensions=PYTHON_MARKDOWN_EXTENSIONS),
        ):
            text, tags = rendered(html)
            assert tags == ["p"], html
            assert text == style(ref, markdown=False), html
