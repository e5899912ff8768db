"""The title page's lines sorted into title, authors, affiliations and dates.

Expected values are written by hand from each title page, in the forms PDF
extractors print them (issue 11: the drafted sidecar starts from these).
"""

from __future__ import annotations

import pytest

from digest.clean.front import parse_front_matter
from digest.clean.lines import split_lines


def front(text: str):
    return parse_front_matter(split_lines(text))


def test_the_title_is_the_run_of_lines_above_the_names() -> None:
    """A wrapped title whose second line starts a new capitalised word is one title;
    a journal banner above it stays a label."""
    page = front(
        "Policy and Society Quarterly\n\n"
        "Between Mobilisation and Routine: Neighbourhood\n"
        "Governance in Zhejiang Province\n"
        "Fang Yuan, Tao Gao, Jie Sun\n"
        "School of Public Administration, Nanjing University, China\n"
    )
    assert page.title == (
        "Between Mobilisation and Routine: Neighbourhood Governance in Zhejiang Province"
    )
    assert page.authors == "Fang Yuan, Tao Gao, Jie Sun"
    assert page.labels == ["Policy and Society Quarterly"]


def test_a_title_line_ending_on_a_comma_goes_on_in_the_next() -> None:
    page = front(
        "Village Branches in Typhoon Relief: Gaps,\n"
        "Reasons and Remedies\n\n"
        "Zhou Lin, Institute of Rural Development, Fujian Academy of Social Sciences\n"
    )
    assert page.title == "Village Branches in Typhoon Relief: Gaps, Reasons and Remedies"


def test_a_blank_line_between_title_and_names_keeps_the_title_whole() -> None:
    page = front(
        "Who Governs the Grassroots? Neighbourhood Governance in\n"
        "Contemporary China\n\n"
        "Lin Han\n"
        "Department of Sociology, University of Xiamen, China\n"
    )
    assert (
        page.title == "Who Governs the Grassroots? Neighbourhood Governance in Contemporary China"
    )
    assert page.authors == "Lin Han"


def test_names_with_their_affiliations_in_brackets_one_per_line() -> None:
    """pandoc's title block: "Name (Affiliation)", and a name printed without one."""
    page = front(
        "Between Mobilisation and Routine: Policy\n"
        "Implementation in Sichuan Province\n"
        "Tao Wei (School of Public Administration, Zhengzhou University, China)\n"
        "Rui Cao (Institute of Political Science, Academy of Social Sciences, Beijing, China)\n"
        "Xiaoming Du\n"
        "Received 19 June 2022\n"
    )
    assert (
        page.title == "Between Mobilisation and Routine: Policy Implementation in Sichuan Province"
    )
    assert page.authors == "Tao Wei, Rui Cao, Xiaoming Du"
    assert page.affiliations == [
        "School of Public Administration, Zhengzhou University, China",
        "Institute of Political Science, Academy of Social Sciences, Beijing, China",
    ]
    assert page.dates == "Received 19 June 2022"


@pytest.mark.parametrize(
    "line",
    [
        "Public Service Provision and Its Discontents:",
        "Who Governs the Grassroots? Party and State",
    ],
)
def test_a_title_line_with_a_colon_or_question_mark_is_no_author_line(line: str) -> None:
    page = front(f"{line}\nEvidence from Zhengzhou\nYing Hu, Xue Peng\n")
    assert page.authors == "Ying Hu, Xue Peng"
    assert page.title is not None and page.title.startswith(line)
