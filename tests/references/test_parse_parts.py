# ruff: noqa: E501 (reference strings are kept whole, one per line)
"""The parts of the reference parser around the model (issue 10): links broken by
line ends, titles cut from their quotes, the type a reader infers, names in the
forms other styles print, and the flag on what could not be read."""

from __future__ import annotations

import re

import pytest

from digest.model import Reference
from digest.references.fields import pages_text, title_text
from digest.references.links import rejoin_links
from digest.references.names import parse_authors
from digest.references.parse import parse_reference
from digest.references.work_types import infer_type


@pytest.mark.parametrize(
    ("broken", "whole"),
    [
        ("Available from: http: //a.org/x.html.", "Available from: http://a.org/x.html."),
        ("http://a.org/blog/ 2015-growing-a-process.html.", "http://a.org/blog/2015-growing-a-process.html."),
        ("https://github. com/org/repo/ issues/3#c-15.", "https://github.com/org/repo/issues/3#c-15."),
        ("http://a.org/data_ formats.html", "http://a.org/data_formats.html"),
        ("see http://a.org/ and more", "see http://a.org/ and more"),  # a word is no link
        ("https://doi.org/10.1/x. Accessed 2020.", "https://doi.org/10.1/x. Accessed 2020."),
        ("at https://a.org/x.htm. 1986. Accessed", "at https://a.org/x.htm. 1986. Accessed"),  # a year
        ("(2022) 1253–1276. doi:10. 1016/j.joule.2022.05.009.", "(2022) 1253–1276. doi:10.1016/j.joule.2022.05.009."),
        ("doi:10/ bwkzrt.", "doi:10/bwkzrt."),
        ("Joule (2021) S2542435121001008doi:10/gjk5bx.", "Joule (2021) S2542435121001008 doi:10/gjk5bx."),
        ("for europeArXiv:2205.11901 (2022)", "for europe ArXiv:2205.11901 (2022)"),
        ("in 10. Some text", "in 10. Some text"),
    ],
)  # fmt: skip
def test_a_link_broken_at_a_line_end_is_put_back_together(broken: str, whole: str) -> None:
    assert rejoin_links(broken) == whole


@pytest.mark.parametrize(
    ("span", "title"),
    [
        ("“Title,”", "Title"),
        ("“Who Benefits?”", "Who Benefits?"),
        ('A Study Based on the "Chigang Experience"', 'A Study Based on the "Chigang Experience"'),
        ("Title”", "Title"),  # the style's closing quote left by the cut
        ("Tidy Data.", "Tidy Data"),
        ("Data Structures for Statistical Computing in Python.", "Data Structures for Statistical Computing in Python"),
    ],
)  # fmt: skip
def test_a_title_loses_the_quotes_and_stop_a_style_put_around_it(span: str, title: str) -> None:
    assert title_text(span) == title


def test_the_type_is_what_the_fields_show() -> None:
    def kind(**fields: object) -> str:
        return infer_type(Reference(raw="x", **fields), {})

    assert kind(title="T", school="Peking University") == "thesis"
    assert kind(title="T", container="Book", editors=[object()], publisher="P") == "incollection"
    assert kind(title="T", container="Proceedings of the 9th Python in Science Conference") == (
        "inproceedings"
    )
    assert kind(title="T", container="Proc. WSSSPE 2014", editors=[object()]) == "inproceedings"
    assert kind(title="T", container="Proc Natl Acad Sci USA", volume="3") == "article"
    assert kind(title="T", container="Journal", volume="3", pages="1-9") == "article"
    assert kind(title="T", publisher="MIT Press") == "book"
    assert kind(title="T", url="https://a.org", urldate="12 May 2023") == "online"
    assert (
        infer_type(Reference(raw="x", title="T", container="China Daily"), {"year": "2019, May 3"})
        == "newspaper"
    )
    # A month alone dates a journal's issue as well: no day, no newspaper.
    for date in ("Nov. 2021", "May 1993", "2021"):
        assert infer_type(
            Reference(raw="x", title="T", container="Nature Energy"), {"year": date}
        ) == ("article")
    for date in ("23 March 2000", "March 23, 2000", "2000-03-23"):
        assert infer_type(Reference(raw="x", title="T", container="Daily"), {"year": date}) == (
            "newspaper"
        )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("van der Bell J-P, Gupta A", [("van der Bell", "J. P."), ("Gupta", "A.")]),
        ("Gray, R., van Walker, J., & Mitchell, A.", [("Gray", "R."), ("van Walker", "J."), ("Mitchell", "A.")]),
        ("Jean-Pierre van der Bell and Anne Müller", [("van der Bell", "Jean-Pierre"), ("Müller", "Anne")]),
        ("Organisation for Economic Co-operation and Development", [("Organisation for Economic Co-operation and Development", "")]),
        ("PEW RESEARCH CENTER", [("PEW RESEARCH CENTER", "")]),
        ("Tian, K., Lan, H., … Shen, Y.", [("Tian", "K."), ("Lan", "H."), ("Shen", "Y.")]),
        ("Guan, B., C. Cooper, and C. Brown", [("Guan", "B."), ("Cooper", "C."), ("Brown", "C.")]),
        # Given-first names with a capitalised particle; the family name keeps it.
        ("Marco De Gemmis and Christiana Soares De Freitas", [("De Gemmis", "Marco"), ("De Freitas", "Christiana Soares")]),
        ("Van der Vaart, Aad W.", [("Van der Vaart", "Aad W.")]),
        ("C. F. Heuberger, N. Mac Dowell", [("Heuberger", "C. F."), ("Mac Dowell", "N.")]),
        ("Project Jupyter", [("Project Jupyter", "")]),
        # A company's legal form after a comma is part of its name, not a second author.
        ("Online Computer Library Center, Inc.", [("Online Computer Library Center, Inc.", "")]),
        # Chicago/ASA/APSA invert the first author only; "and" is no inversion comma.
        ("Jung, Yoo Sun, Flávio DS Souza, and Guy D Whitten", [("Jung", "Yoo Sun"), ("Souza", "Flávio DS"), ("Whitten", "Guy D")]),
        ("Rimjhim and Roshni Chakraborty", [("Rimjhim", ""), ("Chakraborty", "Roshni")]),
        # One order in a list: "Li Chen" (both words surnames) follows the given-first names ...
        ("Li Chen, Marco Lops, and Brian Granger", [("Chen", "Li"), ("Lops", "Marco"), ("Granger", "Brian")]),
        # ... but a given name that is no surname shows the Chinese order on purpose.
        ("Guo Zhenglin, Thomas P. Bernstein", [("Guo", "Zhenglin"), ("Bernstein", "Thomas P.")]),
    ],
)  # fmt: skip
def test_names_in_the_forms_other_styles_print(text: str, names: list[tuple[str, str]]) -> None:
    people, _ = parse_authors(text)
    assert [(p.family, p.given) for p in people] == names


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        (
            "[3] J. N. Wang, “Party building in villages,” Journal of Chinese Political Science, vol. 36, no. 9, pp. 37–46, 2016.",
            {"label": "3", "title": "Party building in villages", "container": "Journal of Chinese Political Science", "volume": "36", "number": "9", "pages": "37-46", "year": "2016"},
        ),
        (
            "Steven J. Rosenstone and John Mark Hansen. Mobilization, Participation, and Democracy in America. Macmillan, New York, 1993.",
            {"title": "Mobilization, Participation, and Democracy in America", "year": "1993", "type": "book"},
        ),
    ],
)  # fmt: skip
def test_styles_the_rules_never_read_are_parsed(raw: str, fields: dict[str, str]) -> None:
    ref = parse_reference(raw)
    assert ref.parsed
    for name, value in fields.items():
        assert getattr(ref, name) == value, name


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("[3] Zhao Q. (1994). Study number 17 of village governance, Journal of Grassroots Studies, 18(6), 17-26.", "Study number 17 of village governance"),
        ("Evil, J. N. (2017). Hostile <img src=x onerror=alert(1)> Title. Journal of Tests, 3(1), 1-9.", "Hostile <img src=x onerror=alert(1)> Title"),
        ("Gediminas Adomavicius and Alexander Tuzhilin. 2005. Toward the next generation of recommender systems. IEEE Transactions on Knowledge and Data Engineering 17, 6 (2005), 734–749.", "Toward the next generation of recommender systems"),
        ("Song F (1979): Tidy households. J Comput Phys 45: 2393–2419.", "Tidy households"),
        ("Gelman, Andrew, and Jennifer Hill. 2006. Data analysis using regression and multilevel/hierarchical models. Cambridge University Press.", "Data analysis using regression and multilevel/hierarchical models"),
    ],
)  # fmt: skip
def test_a_reference_has_one_title_in_one_piece(raw: str, title: str) -> None:
    ref = parse_reference(raw)
    assert ref.parsed and ref.title == title


@pytest.mark.parametrize("raw", ["???", "[12]", "1998 1999 2000 2001", ", , , . . ."])
def test_what_cannot_be_read_is_kept_verbatim_and_flagged(raw: str) -> None:
    ref = parse_reference(raw)
    assert not ref.parsed
    assert ref.raw == raw
    assert 0.0 <= ref.confidence <= 1.0


def test_every_parsed_reference_carries_a_confidence() -> None:
    ref = parse_reference("Wang, J. (2016). Title of a paper. Journal of Things, 3(2), 1-9.")
    assert ref.parsed and 0.5 <= ref.confidence <= 1.0


def test_a_pdf_tools_decomposed_accents_are_read_as_letters() -> None:
    decomposed = "G. Luderer, F. Humpeno\u0308der, E. Kriegler, Impact of declining renewable energy costs on electrification, Nature Energy 6 (2021) 32–45."
    ref = parse_reference(decomposed)
    assert ref.raw == decomposed  # kept as given
    assert [p.family for p in ref.authors] == ["Luderer", "Humpenöder", "Kriegler"]


@pytest.mark.parametrize(
    ("raw", "editors", "authors", "container"),
    [
        ("Qi, Y. (Ed.) (1994) Clean labour markets: A Handbook. Princeton, NJ: Institute for Advanced Study.", [("Qi", "Y.")], [], None),
        ("Ma J, Liang X. 2016. Why e-government matters. In: Gupta R ed. Rethinking village elections. Zhejiang University Press, 310–319.", [("Gupta", "R.")], [("Ma", "J."), ("Liang", "X.")], "Rethinking village elections"),
        ("Gu Y. The Rise of mass line. In: Murphy J, ed. Time series, causal inference, and data. MIT Press; 1997:174–209.", [("Murphy", "J.")], [("Gu", "Y.")], "Time series, causal inference, and data"),
    ],
)  # fmt: skip
def test_editors_are_told_by_their_ed(
    raw: str, editors: list, authors: list, container: str | None
) -> None:
    ref = parse_reference(raw)
    assert [(p.family, p.given) for p in ref.editors] == editors
    assert [(p.family, p.given) for p in ref.authors] == authors
    assert ref.container == container


def test_a_field_that_opens_a_bracket_closes_it() -> None:
    ref = parse_reference(
        "Li Chen and Marco Lops. 2013. Human decision making and recommender systems. ACM Transactions on Interactive Intelligent Systems (TiiS) 3, 2 (2013), 17."
    )
    assert ref.container == "ACM Transactions on Interactive Intelligent Systems (TiiS)"


def test_numbers_without_a_container_take_the_titles_last_sentence() -> None:
    ref = parse_reference(
        'Yan, J., & Huang, K. X. (2021). Activating the "muscle cells" —Exploration of Party building in Bishan District. Social Governance, 2021(12).'
    )
    assert (
        ref.title
        == 'Activating the "muscle cells" —Exploration of Party building in Bishan District'
    )
    assert ref.container == "Social Governance"


def test_a_second_title_after_in_or_the_editors_is_the_book() -> None:
    ref = parse_reference(
        "Ouyang Y. Welfare Provision: Concepts, Methods and Applications. In: Yuan WJ, Situ S, editors. Social Organisations in Transition, New York: Columbia University Press; 2014, p. 7–32."
    )
    assert ref.title == "Welfare Provision: Concepts, Methods and Applications"
    assert ref.container == "Social Organisations in Transition"
    assert [p.family for p in ref.editors] == ["Yuan", "Situ"]
    assert ref.type == "incollection"


def test_a_page_word_goes_but_a_page_with_a_letter_stays() -> None:
    assert pages_text("pp. 3–9") == "3-9"
    assert pages_text("S. 161–182") == "161-182"
    assert pages_text("S2542435121001008") == "S2542435121001008"


@pytest.mark.parametrize(
    ("raw", "edition", "publisher", "address", "container"),
    [
        ("Venables, W. N., and B. D. Ripley. 2002. Modern Applied Statistics with S. Fourth ed. New York: Springer.", "Fourth", "Springer", "New York", None),
        ("Casella, George, and Roger L. Berger. 2002. Statistical Inference. 2nd ed. Pacific Grove, CA: Duxbury.", "2nd", "Duxbury", "Pacific Grove, CA", None),
    ],
)  # fmt: skip
def test_an_edition_in_words_and_a_place_before_the_publisher(
    raw: str, edition: str, publisher: str, address: str, container: str | None
) -> None:
    ref = parse_reference(raw)
    assert (ref.edition, ref.publisher, ref.address, ref.container) == (
        edition,
        publisher,
        address,
        container,
    )
    assert ref.type == "book"


def test_a_number_after_the_volume_is_the_issue() -> None:
    ref = parse_reference(
        "Christiana Soares De Freitas. 2012. O software público brasileiro: novos modelos de cooperação econômica entre estado e sociedade civil. Informacao e Sociedade 22, 2 (2012), 99–113."
    )
    assert (ref.volume, ref.number, ref.pages) == ("22", "2", "99-113")


@pytest.mark.parametrize(
    ("raw", "families", "journal", "volume", "pages", "year"),
    [
        ("[12] A. Rostworowski and M. Maliborski, Phys. Rev. Lett. 111, 051102 (2013).",
         ["Rostworowski", "Maliborski"], "physrevlett", "111", "051102", "2013"),
        ("J. P. Collman and J. I. Brauman, Acc. Chem. Res. 10, 265 (1977).",
         ["Collman", "Brauman"], "accchemres", "10", "265", "1977"),
        ("Diemer B., Kravtsov A. V., 2014, ApJ, 789, 1",
         ["Diemer", "Kravtsov"], "apj", "789", "1", "2014"),
    ],
)  # fmt: skip
def test_an_article_cited_by_journal_volume_and_page_alone_is_parsed(
    raw: str, families: list[str], journal: str, volume: str, pages: str, year: str
) -> None:
    """Physics, chemistry and astronomy print no article title: such a reference is an
    article all the same, not a string to flag."""
    ref = parse_reference(raw)
    assert ref.parsed and ref.type == "article" and ref.title is None
    assert [person.family for person in ref.authors] == families
    assert re.sub(r"[^a-z]", "", (ref.container or "").lower()) == journal
    assert (ref.volume, ref.pages, ref.year) == (volume, pages, year)
