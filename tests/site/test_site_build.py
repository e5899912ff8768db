"""Build the site with `mkdocs build --strict` and check what comes out.

test_real_site_builds runs the real pipeline (digest.build) over sources/.
The fake_root tests run the same mkdocs.yml, hook and docs/ in a temporary
project whose digest.build is tests/site/fake_digest_build.py: they check the
MkDocs side (config, hook, validation, theme) apart from the pipeline.
"""

from __future__ import annotations

import gzip
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from sitecheck import (
    check_built_site,
    empty_project,
    mkdocs_build,
    search_fragments,
    search_text_by_page,
    unexpected,
    warning_lines,
)

REPO = Path(__file__).resolve().parents[2]
FAKE_MKDOCS = (sys.executable, str(Path(__file__).with_name("run_mkdocs_with_fake_build.py")))

pytestmark = pytest.mark.build


def assert_clean_build(result, generated_dir: Path, site_dir: Path) -> None:
    assert result.returncode == 0, result.stdout
    assert warning_lines(result.stdout) == [], result.stdout
    failures = check_built_site(generated_dir, site_dir)
    assert failures == [], unexpected(failures)


def test_real_site_builds(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site_dir)
    assert_clean_build(result, REPO / "build/docs", site_dir)

    # The bibliography: downloads, entry anchors, citation links both ways.
    assert (site_dir / "references.bib").read_bytes() == (REPO / "references.bib").read_bytes()
    for paper_page in (REPO / "build/docs/papers").glob("*.md"):
        if paper_page.stem != "index" and not paper_page.stem.startswith("page-"):
            assert (site_dir / "bib" / f"{paper_page.stem}.bib").is_file()
    letter = (site_dir / "bibliography/w/wang-2016/index.html").read_text(encoding="utf-8")
    assert 'id="wang2016research"' in letter
    assert "../../papers/wang-governance-grass-roots/#cite-1" in letter  # cited-by passage
    paper = (site_dir / "papers/wang-governance-grass-roots/index.html").read_text(encoding="utf-8")
    assert 'href="../../bibliography/w/wang-2016/#wang2016research"' in paper
    assert 'id="cite-1"' in paper and 'id="ref-1"' in paper
    unresolved = site_dir / "papers/grassroots-party-construction-implementation/index.html"
    assert unresolved.read_text(encoding="utf-8").count("citation unresolved") == 9

    # Every paragraph of a paper has an id (a search result leads there), no id repeats on
    # its page, and the search index records each paragraph's place without its text.
    records = search_fragments(site_dir)
    for page in sorted(site_dir.glob("papers/*/index.html")):
        text = page.read_text(encoding="utf-8")
        ids = re.findall(r'\sid="([^"]*)"', text)
        assert len(ids) == len(set(ids)), page
        paragraphs = re.findall(r'<p id="((?:[^"]+-)?p\d+)">', text)
        assert len(paragraphs) >= 5, page
        anchors = {a["id"]: a for a in records[f"papers/{page.parent.name}/"]["anchors"]}
        assert {(anchors[p]["element"], anchors[p]["text"]) for p in paragraphs} == {("p", "")}

    # Search indexes each text once: a passage quoted on a theme page is found on its
    # paper's page only (the quotes are data-pagefind-ignore), and no lunr index is written.
    assert not (site_dir / "search").exists()
    indexed = search_text_by_page(site_dir)
    phrases = quoted_phrases(REPO / "build/docs/compare/themes")
    assert len(phrases) >= 20
    for phrase in phrases:
        pages = [page for page, text in indexed.items() if phrase in text]
        assert len(pages) == 1 and pages[0].startswith("papers/"), (phrase, pages)
    assert "Matching terms" in indexed["compare/themes/low-participation/"]  # its own prose
    # A paper's title is found on its own page, not on its bibliography entry's page (a
    # small page that would otherwise outrank the paper for its own title).
    sidecars = [
        yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        for sidecar in sorted((REPO / "sources").glob("*.yml"))
    ]
    titles = [" ".join((meta["title"] or meta["working_title"]).split()) for meta in sidecars]
    found = {title: [page for page, text in indexed.items() if title in text] for title in titles}
    assert sum(1 for pages in found.values() if pages) >= 4  # one source is merged into another
    entry_pages = re.compile(r"bibliography/[a-z]+/[^/]+/")  # bibliography/w/wang-2016/
    assert not [page for pages in found.values() for page in pages if entry_pages.fullmatch(page)]


def quoted_phrases(themes_dir: Path) -> list[str]:
    """Six plain words from each passage the theme pages quote (their `> ` lines)."""
    phrases = []
    for page in sorted(themes_dir.glob("*.md")):
        for line in page.read_text("utf-8").splitlines():
            match = re.search(r"(?<![\w&;])[A-Za-z]{2,}(?: [A-Za-z]{2,}){5}(?![\w])", line[2:])
            if line.startswith("> ") and match:
                phrases.append(match.group(0))
    return phrases


# --- The MkDocs side on its own, with a fake pipeline -------------------------

FAKE_SOURCES = {
    f"00{n}_{word}.txt": (
        f"Paper {n}: {word} and grassroots governance\n\n"
        f"The {word} committee of village {n} meets every month to settle disputes.\n\n"
        "A second paragraph, so that the page has more than one.\n"
    )
    for n, word in enumerate(["party", "village", "street", "community", "county"], 1)
}


@pytest.fixture
def fake_root(tmp_path: Path) -> Path:
    root = empty_project(tmp_path / "project")
    (root / "sources").mkdir()
    for name, text in FAKE_SOURCES.items():
        (root / "sources" / name).write_text(text, encoding="utf-8")
    return root


def test_fake_root_builds_clean(fake_root: Path, tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    result = mkdocs_build(fake_root / "mkdocs.yml", site_dir, command=FAKE_MKDOCS)
    assert_clean_build(result, fake_root / "build/docs", site_dir)
    # Pages left out of the nav on purpose are reported at INFO, not WARNING.
    assert 'not included in the "nav" configuration' in result.stdout
    assert (site_dir / "papers/page-2/index.html").is_file()
    assert (site_dir / "sources/003_street.txt").read_text("utf-8") == FAKE_SOURCES[
        "003_street.txt"
    ]
    assert (site_dir / "about/index.html").is_file()


def test_fake_root_bad_source_fails_strict_only(fake_root: Path, tmp_path: Path) -> None:
    source = fake_root / "sources/002_village.txt"
    source.write_text(source.read_text("utf-8") + "BROKEN\n", encoding="utf-8")

    strict = mkdocs_build(fake_root / "mkdocs.yml", tmp_path / "strict", command=FAKE_MKDOCS)
    assert strict.returncode != 0, strict.stdout
    assert warning_lines(strict.stdout)[0] == (
        "WARNING -  sources/002_village.txt:6: cannot make sense of this line"
    ), strict.stdout
    assert "nothing was written" in strict.stdout

    lenient = mkdocs_build(
        fake_root / "mkdocs.yml", tmp_path / "lenient", strict=False, command=FAKE_MKDOCS
    )
    assert lenient.returncode == 0, lenient.stdout
    for n, word in enumerate(["party", "village", "street", "community", "county"], 1):
        assert (tmp_path / f"lenient/papers/paper-00{n}/index.html").is_file(), word


@pytest.mark.parametrize(
    ("link", "complaint"),
    [
        ("[gone](papers/paper-009.md)", "not found among documentation files"),
        ("[no such section](papers/paper-001.md#s9)", "does not contain an anchor"),
        ("[absolute](/papers/)", "absolute link"),
    ],
)
def test_fake_root_broken_link_fails_strict(
    fake_root: Path, tmp_path: Path, link: str, complaint: str
) -> None:
    (fake_root / "docs/about.md").write_text(f"# About\n\nSee {link}.\n", encoding="utf-8")
    result = mkdocs_build(fake_root / "mkdocs.yml", tmp_path / "site", command=FAKE_MKDOCS)
    assert result.returncode != 0, result.stdout
    warnings = warning_lines(result.stdout)
    assert len(warnings) == 1, result.stdout
    assert "about.md" in warnings[0]
    assert complaint in warnings[0]


def test_fake_root_external_link_is_caught(fake_root: Path, tmp_path: Path) -> None:
    (fake_root / "docs/about.md").write_text(
        "# About\n\nSee [the DOI](https://doi.org/10.1000/xyz).\n", encoding="utf-8"
    )
    site_dir = tmp_path / "site"
    result = mkdocs_build(fake_root / "mkdocs.yml", site_dir, command=FAKE_MKDOCS)
    assert result.returncode == 0, result.stdout  # MkDocs itself does not mind
    failures = check_built_site(fake_root / "build/docs", site_dir)
    assert len(failures) == 1, unexpected(failures)
    assert failures[0].startswith("external request: about/index.html:")
    assert 'href="https://doi.org/10.1000/xyz"' in failures[0]


def test_fake_root_checks_can_fail(fake_root: Path, tmp_path: Path) -> None:
    """check_built_site notices a paper in the sidebar, a missing page, a gap in search."""
    config = fake_root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  - About: about.md\n", "  - About: about.md\n  - One paper: papers/paper-001.md\n"
        ),
        encoding="utf-8",
    )
    site_dir = tmp_path / "site"
    result = mkdocs_build(config, site_dir, command=FAKE_MKDOCS)
    assert result.returncode == 0, result.stdout
    generated = fake_root / "build/docs"
    failures = check_built_site(generated, site_dir)
    assert failures == [
        f"paper-00{n}: sidebar links to paper page papers/paper-001/ (../paper-001/)"
        for n in range(2, 6)
    ], unexpected(failures)

    shutil.rmtree(site_dir / "papers/paper-002")
    for fragment in (site_dir / "pagefind/fragment").glob("*.pf_fragment"):
        if b'"url":"/papers/paper-003/"' in gzip.decompress(fragment.read_bytes()):
            fragment.unlink()
    (site_dir / "search").mkdir()
    (site_dir / "search/search_index.json").write_text('{"docs": []}', encoding="utf-8")
    failures = check_built_site(generated, site_dir, min_papers=6)
    assert failures[0] == "search/search_index.json is written: MkDocs' lunr search is on again"
    assert "only 5 paper(s) generated, expected at least 6" in failures
    assert "paper-002: no page at papers/paper-002/index.html" in failures
    assert (
        "paper-003: search index has no 'The street committee of village' for papers/paper-003/"
        in failures
    )
    shutil.rmtree(site_dir / "pagefind")
    assert "no search index: pagefind/pagefind-entry.json is missing" in check_built_site(
        generated, site_dir
    )
