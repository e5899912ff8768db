"""The metrics on tiny hand-written pairs whose scores were worked out by hand.

fixtures/gold.md, as the word sequence the boundary metric sees::

    0-1   "1. Introduction"                                   (heading, 2 words)
    2-10  "This paper studies ... grassroots level."          (9 words)
    11-12 "1.1 Scope"                                         (heading, 2 words)
    13-21 "We look at villages and towns in two provinces."   (9 words)
    22-29 "The data come from interviews held in 2019."       (8 words)

so its block starts are {0, 2, 11, 13, 22}: five boundaries. Its full text
(blocks joined by single spaces) is 15 + 1+58 + 1+9 + 1+47 + 1+43 = 176 characters.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.evaluation.cleaning_scores import (
    BoundaryIssue,
    ParsedBlock,
    full_text,
    normalise,
    parse_blocks,
    score_cleaning,
    similarity,
)

GOLD_LENGTH = 176


def test_gold_fixture_is_what_the_hand_counts_assume(fixture_text: Callable[[str], str]) -> None:
    """Guards the hand arithmetic below: if the fixture changes, this says so first."""
    blocks = parse_blocks(fixture_text("gold.md"))
    assert [len(b.text.split()) for b in blocks] == [2, 9, 2, 9, 8]
    assert len(full_text(blocks)) == GOLD_LENGTH


def test_identical_scores_one_everywhere(fixture_text: Callable[[str], str]) -> None:
    gold = fixture_text("gold.md")
    scores = score_cleaning(gold, gold)
    assert scores.heading_recall == 1.0
    assert scores.heading_precision == 1.0
    assert scores.paragraph_precision == 1.0
    assert scores.paragraph_recall == 1.0
    assert scores.paragraph_f1 == 1.0
    assert scores.similarity == 1.0
    assert (scores.gold_headings, scores.gold_boundaries) == (2, 5)
    assert scores.missed_headings == scores.extra_headings == []
    assert scores.missed_boundaries == scores.extra_boundaries == []
    assert scores.failures() == []


def test_equivalent_markup_scores_one(fixture_text: Callable[[str], str]) -> None:
    """Emphasis, closing #s, soft breaks, entities and NBSP are rendering, not text."""
    scores = score_cleaning(fixture_text("equivalent.md"), fixture_text("gold.md"))
    assert scores.heading_recall == 1.0
    assert scores.paragraph_f1 == 1.0
    assert scores.similarity == 1.0


def test_merged_paragraph_loses_exactly_one_boundary(fixture_text: Callable[[str], str]) -> None:
    """P2 and P3 run together: 4 of 5 gold starts found, none invented.

    precision 4/4, recall 4/5, F1 = 2 * 1 * 0.8 / 1.8 = 8/9. Same words, so
    similarity stays 1.
    """
    scores = score_cleaning(fixture_text("merged.md"), fixture_text("gold.md"))
    assert scores.paragraph_precision == 1.0
    assert scores.paragraph_recall == pytest.approx(4 / 5)
    assert scores.paragraph_f1 == pytest.approx(8 / 9)
    assert scores.missed_boundaries == [
        BoundaryIssue(22, "... towns in two provinces. | The data come from ...")
    ]
    assert scores.extra_boundaries == []
    assert scores.heading_recall == 1.0
    assert scores.similarity == 1.0
    assert scores.failures() == ["paragraph F1 0.8889 < 0.9800"]


def test_wrong_heading_level_drops_heading_recall(fixture_text: Callable[[str], str]) -> None:
    """ "1.1 Scope" as ## instead of ###: 1 of 2 headings right on both sides."""
    scores = score_cleaning(fixture_text("wrong_level.md"), fixture_text("gold.md"))
    assert scores.heading_recall == 0.5
    assert scores.heading_precision == 0.5
    assert scores.missed_headings == ["### 1.1 Scope"]
    assert scores.extra_headings == ["## 1.1 Scope"]
    assert scores.paragraph_f1 == 1.0
    assert scores.similarity == 1.0
    assert scores.failures() == ["heading recall 0.5000 < 1.0000"]


def test_typo_lowers_similarity_but_keeps_boundaries(fixture_text: Callable[[str], str]) -> None:
    """ "The" -> "Tge" at a paragraph start: one character of 176 differs.

    difflib matches the 175 others, so ratio = 2 * 175 / (176 + 176) = 175/176.
    The changed word is a same-length replacement in the word alignment, so the
    paragraph still starts where it should.
    """
    scores = score_cleaning(fixture_text("typo.md"), fixture_text("gold.md"))
    assert scores.similarity == pytest.approx(175 / 176)
    assert scores.similarity < 1.0
    assert scores.paragraph_precision == 1.0
    assert scores.paragraph_recall == 1.0
    assert scores.heading_recall == 1.0


def test_page_header_split_adds_two_false_boundaries(fixture_text: Callable[[str], str]) -> None:
    """P2 split by a running header made its own paragraph.

    Candidate starts {0, 2, 11, 13, 19, 25, 28}: 19 (the header) lies in
    inserted words, 25 ("in two provinces.") maps to gold word 19, not a start;
    28 maps to gold 22. So precision 5/7, recall 5/5, F1 = (10/7) / (12/7) = 5/6.
    The header adds " Journal of Grassroots Studies, Vol. 3" (38 characters)
    and all 176 gold characters still match: ratio = 2 * 176 / (176 + 214).
    """
    scores = score_cleaning(fixture_text("split_with_header.md"), fixture_text("gold.md"))
    assert scores.candidate_boundaries == 7
    assert scores.paragraph_precision == pytest.approx(5 / 7)
    assert scores.paragraph_recall == 1.0
    assert scores.paragraph_f1 == pytest.approx(5 / 6)
    assert [issue.index for issue in scores.extra_boundaries] == [19, 25]
    assert scores.extra_boundaries[0].context == (
        "... at villages and towns | Journal of Grassroots Studies, ..."
    )
    assert scores.missed_boundaries == []
    assert scores.similarity == pytest.approx(2 * 176 / (176 + 214))


def test_word_inserted_mid_paragraph_does_not_shift_later_boundaries(
    fixture_text: Callable[[str], str],
) -> None:
    """The alignment is the point of metric 2: one stray word must not cost boundaries."""
    candidate = fixture_text("gold.md").replace("grassroots level", "grassroots 12 level")
    scores = score_cleaning(candidate, fixture_text("gold.md"))
    assert scores.paragraph_precision == 1.0
    assert scores.paragraph_recall == 1.0


def test_empty_candidate_scores_zero(fixture_text: Callable[[str], str]) -> None:
    scores = score_cleaning("", fixture_text("gold.md"))
    assert scores.heading_recall == 0.0
    assert scores.heading_precision == 0.0
    assert scores.paragraph_f1 == 0.0
    assert scores.similarity == 0.0
    assert len(scores.missed_boundaries) == 5


def test_both_empty_is_perfect() -> None:
    """Nothing to find and nothing found is not a cleaning error."""
    scores = score_cleaning("", "")
    assert (scores.heading_recall, scores.paragraph_f1, scores.similarity) == (1.0, 1.0, 1.0)


def test_repeated_heading_is_matched_once() -> None:
    """Headings are a multiset: a duplicated heading is one extra, not two matches."""
    scores = score_cleaning("## A\n\n## A\n", "## A\n")
    assert scores.heading_recall == 1.0
    assert scores.heading_precision == 0.5
    assert scores.extra_headings == ["## A"]


def test_parse_blocks_strips_markup_and_decodes() -> None:
    """The renderer's escapes and run-in leads must read as the plain words."""
    markdown = (
        "## 2. Party&#39;s Role\n\n"
        "**1) Thought building.** The party\\'s \\*role\\* &amp; “task” \\[1\\]\n"
        "`x_y` ![a *b*](u.png) [link](v) <span>h</span>\n"
    )
    assert parse_blocks(markdown) == [
        ParsedBlock("heading", "2. Party's Role", 2),
        ParsedBlock(
            "paragraph", '1) Thought building. The party\'s *role* & "task" [1] x_y a b link h'
        ),
    ]


def test_parse_blocks_keeps_words_in_accidental_lists_and_code() -> None:
    """A leading "- " or four-space indent must not make words vanish from the score."""
    blocks = parse_blocks("- item one\n\n    indented text\n")
    assert blocks == [
        ParsedBlock("paragraph", "item one"),
        ParsedBlock("paragraph", "indented text"),
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“unit person” and ‘x’", "\"unit person\" and 'x'"),
        ("grass‐roots – and — 1−2", "grass-roots - and - 1-2"),
        ("ﬁnance\u00a0and  \n  Ｆｕｌｌ", "finance and Full"),
        ("co\u00adoperation\u200b", "cooperation"),
        ("Case Kept", "Case Kept"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_similarity_is_difflib_ratio() -> None:
    """2 * matches / total length: "abcd" vs "abxd" share 3 of 4 on each side."""
    assert similarity("abcd", "abxd") == pytest.approx(6 / 8)
    assert similarity("", "") == 1.0


def test_failures_respect_custom_targets(fixture_text: Callable[[str], str]) -> None:
    scores = score_cleaning(fixture_text("merged.md"), fixture_text("gold.md"))
    assert scores.failures(min_paragraph_f1=0.88) == []
    assert scores.failures(min_similarity=1.01) == [
        "paragraph F1 0.8889 < 0.9800",
        "similarity 1.0000 < 1.0100",
    ]
