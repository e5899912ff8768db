"""No generated page grows with the corpus (issue 12): built from synthetic corpora of
40 and 160 distinct papers (scripts/devcorpus/scale.py), the pipeline alone (no MkDocs).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from devcorpus_import import devcorpus_module

from digest.build import build
from digest.site.bibliography_pages import CITED_BY_SHOWN
from digest.site.compare_pages import CELL_NAMES, QUOTES_PER_PAGE

pytestmark = pytest.mark.build


def scale_corpus(root: Path, papers: int) -> Path:
    devcorpus_module("scale").write_scale_corpus(root / "sources", papers)
    (root / "docs").mkdir()
    report = build(root, root / "build" / "docs")
    assert report.errors == [], report.errors[:3]
    return root / "build" / "docs"


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    base = tmp_path_factory.mktemp("scale")
    return {papers: scale_corpus(base / str(papers), papers) for papers in (40, 160)}


def page_sizes(tree: Path) -> dict[str, int]:
    return {path.relative_to(tree).as_posix(): path.stat().st_size for path in tree.rglob("*.md")}


def test_the_largest_page_does_not_grow_with_the_corpus(trees: dict[int, Path]) -> None:
    small, large = page_sizes(trees[40]), page_sizes(trees[160])
    assert len(large) > 2.5 * len(small)  # the corpus grew, and the pages with it
    biggest = max(large, key=large.get)
    assert large[biggest] <= 1.25 * max(small.values()), biggest
    assert large[biggest] < 200_000, biggest


def test_a_theme_with_many_passages_is_cut_into_pages(trees: dict[int, Path]) -> None:
    themes = trees[160] / "compare" / "themes"
    continued = sorted(themes.glob("*/page-2.md"))
    assert continued, "no theme has a second page at 160 papers"
    first = themes / f"{continued[0].parent.name}.md"
    text = first.read_text(encoding="utf-8")
    assert len(re.findall(r"^## ", text, re.M)) == QUOTES_PER_PAGE
    assert "(x/page-2.md)".replace("x", continued[0].parent.name) in text


def test_a_crowded_gap_map_cell_links_to_its_own_list(trees: dict[int, Path]) -> None:
    gaps = (trees[160] / "compare" / "gaps.md").read_text(encoding="utf-8")
    cells = re.findall(r"\[(\d+) papers\]\((gaps/[^)]+\.md)\)", gaps)
    assert cells
    count, link = cells[0]
    assert int(count) > CELL_NAMES
    listed = (trees[160] / "compare" / link).read_text(encoding="utf-8")
    assert len(re.findall(r"^\d+\. \[", listed, re.M)) == min(int(count), 50)


def test_a_much_cited_work_names_a_few_citing_papers_and_links_to_all(
    trees: dict[int, Path],
) -> None:
    overflow = sorted((trees[160] / "bibliography" / "cited-by").glob("*.md"))
    assert overflow, "no work is cited by more than the shown papers"
    key = overflow[0].stem
    entry_pages = [
        path
        for path in (trees[160] / "bibliography").glob("*/*.md")
        if f"{{ #{key} " in path.read_text(encoding="utf-8")
    ]
    assert len(entry_pages) == 1
    entry = entry_pages[0].read_text(encoding="utf-8").split(f"{{ #{key} ")[1]
    entry = entry.split("\n### ")[0]
    assert len(re.findall(r"^- .*\[reference \d+\]", entry, re.M)) == CITED_BY_SHOWN
    assert f"(../cited-by/{key}.md)" in entry  # from bibliography/<letter>/


LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


def test_every_link_between_pages_leads_to_a_page_when_every_list_runs_to_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages two folders down (compare/themes/x/page-2.md) link as well as the first:
    40 papers with every list cut at 3 rows, so that every kind of page has followers."""
    from digest.compare import theme_words
    from digest.site import bibliography_pages, compare_pages, pages

    for module, names in (
        (compare_pages, ("QUOTES_PER_PAGE", "CELL_NAMES", "UNTHEMED_PER_PAGE", "PAPERS_PER_PAGE")),
        (bibliography_pages, ("CITED_BY_SHOWN", "GROUPS_PER_PAGE", "REPORT_ROWS")),
        (bibliography_pages, ("PAPERS_PER_PAGE",)),
        (pages, ("PAPERS_PER_PAGE",)),
    ):
        for name in names:
            monkeypatch.setattr(module, name, 3)
    # (The composer's prose leaves few items without a theme: one to a page, and with
    # the codebook's terms alone: the word model would find a theme for nearly all.)
    monkeypatch.setattr(compare_pages, "UNTHEMED_PER_PAGE", 1)
    monkeypatch.setattr(theme_words, "MIN_SIMILARITY", 2.0)
    tree = scale_corpus(tmp_path, 40)
    followers = {path.parent.relative_to(tree).parts[0] for path in tree.rglob("page-2.md")}
    assert {"compare", "bibliography", "papers"} <= followers
    assert list((tree / "compare" / "unthemed").glob("page-*.md"))
    broken = []
    for page in sorted(tree.rglob("*.md")):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if "://" not in target and not (page.parent / target).resolve().is_file():
                broken.append(f"{page.relative_to(tree)} -> {target}")
    assert broken == [], broken[:10]


def test_the_map_is_drawn_for_each_year_with_only_that_years_papers(
    trees: dict[int, Path],
) -> None:
    tree = trees[160]
    years = {}
    for sidecar in (tree.parents[1] / "sources").glob("*.yml"):
        meta = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        years[meta["id"]] = meta["year"]
    pages = sorted((tree / "map" / "years").glob("*.md"))
    assert [page.stem for page in pages] == sorted({str(year) for year in years.values()})
    for page in pages:
        text = page.read_text(encoding="utf-8")
        drawn = re.findall(r"^1\. \[[^\]]*\]\(\.\./\.\./papers/([^)]+)\.md\)", text, re.M)
        circles = re.findall(r'<a href="\.\./\.\./\.\./papers/([^"/]+)/">', text)
        assert drawn and sorted(drawn) == sorted(circles)
        assert {years[paper] for paper in drawn} == {int(page.stem)}
    overview = (tree / "map" / "index.md").read_text(encoding="utf-8")
    assert f"(years/{pages[0].stem}.md)" in overview and "(themes/" in overview
