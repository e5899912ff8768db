"""Which words of a title keep their capitals: hand-written cases for each rule of
digest.references.casing (the BibTeX writer puts braces around them)."""

from __future__ import annotations

import pytest

from digest.references.casing import is_pinyin_name, protected_spans


def braced(title: str) -> str:
    """The title with braces around each protected group, as the writer would put them."""
    out, last = [], 0
    for start, end in protected_spans(title):
        out.append(f"{title[last:start]}{{{title[start:end]}}}")
        last = end
    return "".join(out) + title[last:]


@pytest.mark.parametrize(
    "word",
    [
        "Zhejiang",
        "Chongqing",
        "Shenzhen",
        "Beijing",  # -ing, but "j" is spelled only in pinyin
        "Liaoning",
        "Bishan",
        "Foshan",
        "Ningbo",
        "Wuhan",
        "Luohu",
        "China",
        "Chinese",  # -ese of "China"
        "Taiwanese",
        "Xi'an",  # a vowel syllable after the apostrophe
        "Zhèjiāng",  # tone marks
        "Jinping's",
    ],
)
def test_chinese_names_in_pinyin(word: str) -> None:
    assert is_pinyin_name(word)


@pytest.mark.parametrize(
    "word",
    [
        "Governance",
        "Party",
        "Building",
        "Leading",  # le-a-ding: pinyin would write le'a
        "Taking",  # "king" is no Mandarin syllable
        "Case",  # ca-se, but a silent e
        "Change",
        "Language",
        "Running",  # -ing
        "Open",  # o-pen opens with a vowel syllable
        "Along",
        "Xian",  # one syllable
        "Ma",  # one syllable: a surname only before a name
        "zhejiang",  # not capitalised
        "CPC",
        "Japanese",
    ],
)
def test_english_words_and_others_are_no_pinyin_names(word: str) -> None:
    assert not is_pinyin_name(word)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Rule 1, shape: acronyms, inner capitals, a lone capital (not the first word).
        ("The CPC and MIMOs", "The {CPC} and {MIMOs}"),
        ("An iPhone for eBay", "An {iPhone} for {eBay}"),
        ("Plan B and Plan A", "Plan {B} and Plan A"),
        ("I Still Have It", "I Still Have It"),
        # Rule 2, pinyin names, in a Title Case title too; surname and place level join.
        ("Zhejiang Exploration of Party Building", "{Zhejiang} Exploration of Party Building"),
        ("Thought of Xi Jinping on Governance", "Thought of {Xi Jinping} on Governance"),
        ("Taking Hubei Province as an Example", "Taking {Hubei Province} as an Example"),
        ("Reform in Anhui Province", "Reform in {Anhui Province}"),  # an-hui before a level
        ("Research on Language Change", "Research on Language Change"),
        # Rule 3, sentence case: a capital inside a segment is the author's.
        (
            "Exploration of Party building in rural areas",
            "Exploration of {Party} building in rural areas",
        ),
        ("Governance efficacy—A study: The case", "Governance efficacy—A study: The case"),
        ("The case of Luohu District, Shenzhen", "The case of {Luohu District}, {Shenzhen}"),
        ("Grass-roots Party construction", "Grass-roots {Party} construction"),
        # Title Case: capitals say nothing, so ordinary words stay free.
        ("The Governance of the Grass Roots", "The Governance of the Grass Roots"),
        (
            "Party Building Leadership, Multi-dimensional Linkage",
            "Party Building Leadership, Multi-dimensional Linkage",
        ),
        # Nothing to protect.
        ("基层党建引领社会治理创新研究", "基层党建引领社会治理创新研究"),
        ("", ""),
    ],
)
def test_protected_words(title: str, expected: str) -> None:
    assert braced(title) == expected
