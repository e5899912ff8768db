"""Where a two-column page's rows are cut, for rows the text alone makes hard to read.

The fixtures (``fixtures/pages.txt``) check whole pages; these check single rows
around a heading set in a larger type, where the extractor moves the right column.
"""

from __future__ import annotations

from digest.clean.columns import Cut, _cut_row, _Measure, column_cuts

# A left-column heading in a larger type ("1. Background and Research / Questions")
# pulls the right column's text on its rows to about a fifth of the page's width,
# far left of the gutter the other rows share.
GUTTER = 61


def row(left: str, right: str, at: int = GUTTER) -> str:
    """One printed row: the left column's text, the right column's from ``at``."""
    return (left.ljust(at) + right).rstrip()


PAGE = [
    row("1. Background and Research", "to conclude that the reform of the committees", 27),
    row("", "has become routine practice (Ye, 2021).", 27),
    row("   Questions", "Moreover, local officials described the work", 27),
    row("", "as both a slogan and a working method."),
    row("However, the evidence presented here suggests that", "Turnout rose in every village"),
    row("village governance is shaped by local fiscal capacity", "after the reform of the rules,"),
    row("as much as by central policy. In the pilot districts", "and the committees met more"),
    row("of Guizhou Province, 13 of the 28 communities met", "often than they had before the"),
    row("the provincial targets for the reform of the rules.", "reform, and the residents say"),
    row("County governments are expected to balance their", "that the meetings are open to"),
    row("tasks against the everyday needs of residents.", "everyone in the village."),
]


def test_rows_beside_a_large_heading_are_cut_where_the_pulled_column_starts() -> None:
    cuts = column_cuts(PAGE)
    assert cuts[0] == Cut("1. Background and Research", PAGE[0][27:])
    assert cuts[1] is not None and cuts[1].left == ""
    assert cuts[1].right.strip() == "has become routine practice (Ye, 2021)."
    assert cuts[2] is not None and cuts[2].left.strip() == "Questions"
    assert cuts[2].right.strip() == "Moreover, local officials described the work"


def test_the_other_rows_keep_the_page_gutter() -> None:
    cuts = column_cuts(PAGE)
    for index in range(4, len(PAGE)):
        cut = cuts[index]
        assert cut is not None
        assert PAGE[index].startswith(cut.left)
        assert cut.right.strip() == PAGE[index][GUTTER:].strip()


def test_a_heading_number_cut_off_its_title_goes_back_to_it() -> None:
    rows = [
        "The committees met every month in the villages      of the election rules, and the",
        "of the two counties we studied, and the cadres      committees met more often than",
        "kept written minutes of all their meetings. The     they had before the reform.",
        "model was promoted by all the townships as a",
        "model was promoted by all the townships as a 2. Data and Methods",
        "way of improving the work of the committees in",
        "all the villages of the two counties we visited,    Of the sixty villages in our",
        "and the residents say that the meetings are open    sample, nineteen had adopted",
        "to everyone who lives in the village.               formal procedures by 2013.",
    ]
    cut = column_cuts(rows)[4]
    assert cut is not None
    assert cut.left == "model was promoted by all the townships as a"
    assert cut.right == "2. Data and Methods"


def test_a_paragraphs_short_last_line_one_space_from_the_left_column_is_cut() -> None:
    # The extractor squeezed this block's gutter to one space; the right column's
    # paragraph ends on a short line ("official documents.").
    rows = [
        row("1. Introduction", "problem, whereas it is also a question of compre-", 54),
        row("", "hensiveness and trust. Big-data bureaus are ex-", 54),
        "Much of the burden of the sharing of administrative pected to balance the tasks",
        "data across departments still falls on township gov- against the everyday needs",
        "ernments, who often lack the necessary resources of residents. In addition, the",
        "(Peng, 2015). Of the 33 villages in our sample, relationship between the officers",
        "18 had adopted formal procedures for the improve- official documents.",
        "ment of rural living environments by 2018. For ex-",
        "ample, roughly two thirds of the respondents (n =",
        row(
            "3,485) agreed that rural collective economic organ-", "However, the literature on", 54
        ),
        row("isations respond quickly to requests (Chen, 2009).", "rural governance has paid", 54),
        row("In practice, the protection of personal information", "growing attention to the", 54),
        row("involves negotiation among agricultural coopera-", "consolidation of poverty", 54),
    ]
    cut = column_cuts(rows)[6]
    assert cut == Cut("18 had adopted formal procedures for the improve-", "official documents.")


def test_a_table_in_the_left_column_does_not_move_the_gutter() -> None:
    # The table's own columns stand two or more spaces apart, like the page's gutter.
    rows = [
        row("growing attention to the evaluation of grassroots", "5 of the 36 communities met"),
        row("leadership teams (see, for example, Yang, 2011).", "the targets for the sharing of"),
        row("Zhang et al. (2022) argued that the integration of", "administrative data across de-"),
        row("regional Party-building resources depends less on", "partments in the province."),
        row("formal rules than on the informal networks of vil-", "In addition, much of the bur-"),
        row("lage Party secretaries.", "den still falls on platform"),
        row("Table 1. Distribution of respondents by district", "operators, who lack resources."),
        row("", ""),
        row("          Indicator       Mean     Share (%)", ""),
        row("          Budget           823          15.4", "3. Policy Recommendations"),
        row("          Volunteers       284          32.8", ""),
        row("          Households       631          69.7", "By contrast, between 2015 and"),
        row("", "2020, spending on the supervision"),
    ]
    cuts = column_cuts(rows)
    assert cuts[9] is not None and cuts[9].right == "3. Policy Recommendations"
    assert cuts[9].left.split() == ["Budget", "823", "15.4"]
    assert cuts[8] is not None and cuts[8].right == ""
    assert cuts[11] is not None and cuts[11].right == "By contrast, between 2015 and"


def test_a_justified_heading_in_the_pulled_column_is_cut_where_it_starts() -> None:
    # Both columns open with a heading on one row; the right one, justified, has wide
    # spaces of its own, and starts where the right column's text on the next row does.
    rows = [
        "1. Background and Research 2. Explaining   Variation            in",
        "   Questions                  Party Building",
        row("", "2.1    Participation and Trust"),
        row("", "The number of registered volunteers in"),
        row("Dong et al. (2012) argued that the supervision of", "lem, whereas it is also a"),
        row("village cadres depends less on formal rules than", "and trust. By contrast, as one"),
        row("on the informal networks of village Party secre-", "it, the work of agricultural co-"),
        row("taries. By contrast, a recurring theme in the in-", "finished, only handed over."),
        row("terviews was the tension between professionalisa-", "This observation is consistent"),
        row("tion and flexibility. Moreover, this observation", "in Sichuan (Yang, 2009)."),
    ]
    cuts = column_cuts(rows)
    assert cuts[0] is not None and cuts[0].left == "1. Background and Research"
    assert cuts[0].right.split() == ["2.", "Explaining", "Variation", "in"]
    assert cuts[1] is not None and cuts[1].left.strip() == "Questions"
    assert cuts[1].right.strip() == "Party Building"


def test_a_short_last_line_above_a_row_of_both_columns_is_cut() -> None:
    # The right column's paragraph ends on the heading's row; the row below stands in
    # both columns, the row above in the right column alone.
    def at50(left: str, right: str) -> str:
        return row(left, right, 50)

    rows = [
        row("1. Introduction", "the provincial targets for the transfer", 50),
        row("", "of contracted land-use rights in every", 50),
        row("", "village of the two counties in the coun-", 50),
        "1.1 Implications for Grassroots Party Building ties.",
        at50("In 2013, 84.3 per cent of the households said", "Moreover, the relationship between"),
        at50("that Party members in the community had helped", "the township governments and the"),
        at50("with the mobilisation of the volunteers in the", "owners remains ambiguous in most"),
        at50("villages. However, the average time needed to", "documents. By contrast, the number"),
        at50("settle a dispute fell from 13 days to 4 days.", "of volunteers rose to 3,817."),
    ]
    cut = column_cuts(rows)[3]
    assert cut == Cut("1.1 Implications for Grassroots Party Building", "ties.")


def test_a_right_column_heading_one_space_after_a_full_left_line_is_cut_off() -> None:
    """A heading in the right column, one space after the left column's full line:
    a short tail, but a few capitalised words and no sentence, which an overlong
    left line never runs on by."""
    measure = _Measure(left_end=55, right_length=54)
    line = "quests. It would be premature, however, to conclude Resource Constraints"
    cut = _cut_row(line, 58, measure, close=True)
    assert cut == Cut("quests. It would be premature, however, to conclude", "Resource Constraints")
    # A left line that runs on by words of prose is not cut there.
    prose = "quests. It would be premature, however, to conclude that the rules"
    assert _cut_row(prose, 58, measure, close=True) is None
