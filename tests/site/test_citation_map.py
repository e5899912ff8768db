"""The citation map on the site: a paper sharing references with a seed is coupled
to it, on the map page and on both papers' pages.

The added paper is written here by hand; its reference list repeats three entries
of the seed 004_6d188b614b00f695.txt (Xu and Li), as two papers of one field would.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sitecheck import empty_project, mkdocs_build, warning_lines

from digest.build import build
from digest.model import Document, Metadata, Paper
from digest.references.coupling import Coupled, PaperLinks
from digest.site.map_graph import MAX_NODES, coupling_svg
from digest.site.map_pages import paper_map_section

ROOT = Path(__file__).resolve().parents[2]
SHARED = [
    "- Chen, M. J. (2020). Give full play to the leading role of party building to solve the "
    "governance problems of commercial residential areas. *Learning*, 2020(10).",
    "- Deng, L. (2019). Research on Grassroots Party Building Leading Community Governance. "
    "Wuhan University of Technology.",
    "- Han, D. X., & Hu, X. D. (2020). Community party organisations in community governance: "
    "Operation mechanism and governance efficacy—A study based on the relationship between "
    "the party, the state and society. *Administrative Forum*, 2020(03).",
]
TEXT = "\n".join(
    [
        "Neighbourhood Committees and Party Branches in Three Cities",
        "",
        "1. Introduction",
        "",
        "Neighbourhood committees in Chengdu, Xi'an and Hefei work beside the community Party "
        "branch (Chen, 2020). Earlier studies of community governance (Deng, 2019; Han & Hu, "
        "2020) describe how the branch leads the committee in practice.",
        "",
        "2. Three Cities",
        "",
        "In Chengdu the branch secretary chairs the committee's monthly meeting, sets its "
        "agenda and reports to the street office. Residents bring complaints about parking, "
        "noise and the upkeep of shared courtyards, and the meeting assigns each to a member.",
        "",
        "In Xi'an the committee meets on its own and sends its minutes to the branch, which "
        "comments in writing. Volunteers drawn from retired Party members visit elderly "
        "residents twice a week and keep a register of their needs.",
        "",
        "In Hefei a joint office of branch and committee handles property disputes. Its staff "
        "are hired on contracts by the district and rotate between neighbourhoods every two "
        "years, which residents say weakens their knowledge of local families.",
        "",
        "3. Conclusion",
        "",
        "The three arrangements differ less in who leads than in how often the branch and the "
        "committee meet, and in who carries the daily work between their meetings.",
        "",
        "References",
        "",
        *SHARED,
        "- Zhou, R. (2018). Street offices and their residents. *Urban Studies Review*, 2018(4).",
        "",
    ]
)
SIDECAR = """\
id: three-cities-neighbourhood-committees
source: 005_three-cities.txt
title: Neighbourhood Committees and Party Branches in Three Cities
authors: []
language: en
not_in_text: [authors, year, venue, volume, issue, pages, doi, url, affiliations, keywords]
"""


def test_papers_sharing_references_are_coupled_on_the_map_and_their_pages(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "sources" / "005_three-cities.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sources" / "005_three-cities.yml").write_text(SIDECAR, encoding="utf-8")
    out = tmp_path / "out"
    report = build(tmp_path, out, cache_dir=tmp_path / "cache")
    assert [p for p in report.problems if p.is_error] == []

    page = (out / "map" / "index.md").read_text(encoding="utf-8")
    most_cited, pairs = page.split("## Papers that share references")
    # One pair shares works: the added paper and Xu and Li's, three of them.
    rows = [line for line in pairs.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[1:] == [
        "| 3 | [Neighbourhood Committees and Party Branches in Three Cities]"
        "(../papers/three-cities-neighbourhood-committees.md) | [Study on the Problems and "
        "Countermeasures in the Process of Party Building Leading Community Governance]"
        "(../papers/xu-li-party-building-community-governance.md) |"
    ]
    # The three shared works are the most cited (two papers each); Zhou's is not there.
    assert most_cited.count("| 2 |") == 3 and "Zhou" not in most_cited
    assert "(../bibliography/c/chen-2020.md#chen2020give)" in most_cited
    added = (out / "papers" / "three-cities-neighbourhood-committees.md").read_text("utf-8")
    assert "## Related papers in the digest" in added
    assert "(xu-li-party-building-community-governance.md): 3 shared works" in added
    seed = (out / "papers" / "xu-li-party-building-community-governance.md").read_text("utf-8")
    assert "(three-cities-neighbourhood-committees.md): 3 shared works" in seed
    lonely = (out / "papers" / "party-building-rural-social-governance.md").read_text("utf-8")
    assert "## Related papers" not in lonely


def test_a_papers_map_section_is_bounded() -> None:
    links = PaperLinks(
        coupled=[Coupled.sharing(f"p{n:02d}", [f"k{m}" for m in range(8)]) for n in range(15)],
        cited_by=[f"p{n:02d}" for n in range(12)],
    )
    titles = {f"p{n:02d}": f"Paper {n}" for n in range(15)}
    section = paper_map_section(links, titles)
    assert len(section["coupled"]) == 10 and section["coupled_more"] == 5
    assert [len(row["shared"]) for row in section["coupled"]] == [5] * 10
    assert {row["more"] for row in section["coupled"]} == {3}
    assert len(section["cited_by"]) == 10 and section["cited_by_more"] == 2


def _paper(paper_id: str, title: str, year: int | None = None) -> Paper:
    return Paper(paper_id, Metadata(id=paper_id, title=title, year=year), Document(), [])


def test_the_drawing_is_bounded_escaped_and_the_same_every_time() -> None:
    # 100 papers in a ring, each sharing one work with the next: all linked, 60 drawn.
    papers = [_paper(f"p{n:03d}", f"Paper {n}", 2000 + n % 20) for n in range(100)]
    papers[0] = _paper("p000", 'A <script>alert(1)</script> & "quoted" title', 2000)
    links = {paper.id: PaperLinks() for paper in papers}
    for n in range(100):
        first, second = f"p{n:03d}", f"p{(n + 1) % 100:03d}"
        links[first].coupled.append(Coupled.sharing(second, ["k"]))
        links[second].coupled.append(Coupled.sharing(first, ["k"]))
    svg = coupling_svg(papers, links)
    root = ElementTree.fromstring(svg)  # well-formed
    namespace = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f".//{namespace}circle")) == MAX_NODES == 60
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert coupling_svg(list(reversed(papers)), links) == svg  # order of input is no matter
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # no other host


def test_nothing_is_drawn_when_no_paper_is_linked() -> None:
    papers = [_paper("a", "A"), _paper("b", "B")]
    assert coupling_svg(papers, {"a": PaperLinks(), "b": PaperLinks()}) == ""


@pytest.mark.build
def test_the_map_page_builds_with_its_drawing(tmp_path: Path) -> None:
    root = empty_project(tmp_path / "project")
    shutil.copytree(ROOT / "sources", root / "sources")
    (root / "sources" / "005_three-cities.txt").write_text(TEXT, encoding="utf-8")
    (root / "sources" / "005_three-cities.yml").write_text(SIDECAR, encoding="utf-8")
    result = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0 and warning_lines(result.stdout) == [], result.stdout
    html = (tmp_path / "site" / "map" / "index.html").read_text(encoding="utf-8")
    assert html.count("<circle") == 2
    for link in re.findall(r'<a href="\.\./(papers/[^"]+/)">', html):
        assert (tmp_path / "site" / link / "index.html").is_file(), link
