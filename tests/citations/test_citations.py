"""In-text citations of each form, resolved against a hand-made reference list."""

from __future__ import annotations

import pytest

from digest.citations import find_citations
from digest.model import Person, Reference

REFERENCES = [
    Reference(raw="", label="1", authors=[Person("Wang", "J. N.")], year="2016", title="A"),
    Reference(
        raw="",
        label="2",
        authors=[Person("Dai", "Y. Q."), Person("Liu", "Y.")],
        year="2017",
        title="B",
    ),
    Reference(
        raw="",
        label="3",
        authors=[Person("Yang", "Y."), Person("Wang", "J. W.")],
        year="2019",
        title="C",
    ),
    Reference(
        raw="",
        label="4",
        authors=[Person("Smith", "A."), Person("Jones", "B.")],
        year="2019",
        title="D",
    ),
    Reference(raw="", label="5", authors=[Person("Li", "L.")], year="2020", title="E"),
]
KEYS = ["wang2016a", "dai2017b", "yang2019c", "smith2019d", "li2020e"]


def cited(text: str) -> list[tuple[str, str, list[str | None]]]:
    return [
        (c.kind, text[c.start : c.end], [p.key for p in c.parts])
        for c in find_citations(text, REFERENCES, KEYS)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as shown (Wang, 2016).", [("author-year", "(Wang, 2016)", ["wang2016a"])]),
        ("formed (Dai and Liu, 2017)", [("author-year", "(Dai and Liu, 2017)", ["dai2017b"])]),
        (
            "see (Smith et al., 2019; Li, 2020)",
            [("author-year", "(Smith et al., 2019; Li, 2020)", ["smith2019d", "li2020e"])],
        ),
        ("wrong year (Wang, 2015)", [("author-year", "(Wang, 2015)", [None])]),
        ("in 2019 (the first year) it", []),
        ("Wang Junning pointed out", [("narrative", "Wang Junning", ["wang2016a"])]),
        (
            "Yang Yan and Wang Jiangwei discussed",
            [
                ("narrative", "Yang Yan", ["yang2019c"]),
                ("narrative", "Wang Jiangwei", ["yang2019c"]),
            ],
        ),
        ("Wang Hong said", []),
        ("capacity-building [1].", [("numeric", "[1]", ["wang2016a"])]),
        (
            "studies [3, 5] and [2-4]",
            [
                ("numeric", "[3, 5]", ["yang2019c", "li2020e"]),
                ("numeric", "[2-4]", ["dai2017b", "yang2019c", "smith2019d"]),
            ],
        ),
        ("beyond the list [9]", [("numeric", "[9]", [None])]),
    ],
)
def test_citation_forms(text: str, expected: list) -> None:
    assert cited(text) == expected


def test_without_a_reference_list_every_numeric_citation_is_unresolved() -> None:
    found = find_citations("as noted [1] and [2].", [], [])
    assert [c.resolved for c in found] == [False, False]


def test_alphabetic_labels_link_to_the_entries_printed_with_them() -> None:
    references = [
        Reference(raw="", label="Pen11", authors=[Person("Peng", "X.")], year="2011", title="A"),
        Reference(raw="", label="SBB+09", authors=[Person("Smith", "A.")], year="2009", title="B"),
    ]
    text = "as argued [Pen11] and later [SBB+09, Pen11]; not [Xyz99]."
    found = [
        (c.kind, text[c.start : c.end], [p.key for p in c.parts])
        for c in find_citations(text, references, ["peng2011a", "smith2009b"])
    ]
    assert found == [
        ("alphabetic", "[Pen11]", ["peng2011a"]),
        ("alphabetic", "[SBB+09, Pen11]", ["smith2009b", "peng2011a"]),
        ("alphabetic", "[Xyz99]", [None]),
    ]
