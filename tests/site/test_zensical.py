"""Zensical and MkDocs build the same site from the same sources and the same mkdocs.yml.

Zensical runs no MkDocs hooks, so its documented way (make site-zensical) is
`digest build` (the pipeline writes the docs tree, build/docs/) and then
`zensical build`; MkDocs runs the same pipeline through the hook. Both read
build/docs/, mkdocs.yml's docs_dir. The project is a copy of this repository's
configuration, hook, docs/ and sources/, so that neither build touches site/.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitecheck import (
    empty_project,
    find_external_requests,
    mkdocs_build,
    unexpected,
    warning_lines,
    zensical_build,
)

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.build

# What one generator writes and the other does not, beside the pages (every page and
# every copied file must be the same):
# - assets/: each ships its own build of the theme's scripts and styles.
# - the search index: both sites are indexed by Pagefind (site/pagefind/: after
#   MkDocs by the hook, after Zensical by `digest search-index`); Zensical also writes
#   its own search.json, which the pages do not use (the header's box is Pagefind's).
# - sitemap.xml.gz: MkDocs gzips the sitemap too; Zensical writes sitemap.xml only.
THEME_ASSETS = "assets/"
MKDOCS_ONLY = {"sitemap.xml.gz"}
# Pagefind's index (site/pagefind/) names its files by their content, which differs with
# the pages' markup: compared by its entry files, not file by file.
SEARCH_INDEX = "pagefind/"
SEARCH_ENTRY = {"pagefind/pagefind.js", "pagefind/pagefind-entry.json"}
ZENSICAL_ONLY = {"search.json"}


def site_files(site_dir: Path) -> set[str]:
    files = {
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file() and not path.relative_to(site_dir).as_posix().startswith(THEME_ASSETS)
    }
    assert files & SEARCH_ENTRY == SEARCH_ENTRY, f"no search index in {site_dir}"
    return {name for name in files if not name.startswith(SEARCH_INDEX)}


def tree_state(folder: Path) -> dict[str, tuple[str, int]]:
    """Each file's hash and modification time."""
    return {
        path.relative_to(folder).as_posix(): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".digest-output"
    }


class _Article(HTMLParser):
    """The ids, links and text inside a page's <article> (its content, not the theme)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ids: set[str] = set()
        self.links: set[str] = set()
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self.depth:
            self.depth += tag == "article"
            values = dict(attrs)
            if values.get("id") and values["id"] != "__skip":  # Zensical's skip-link target
                self.ids.add(values["id"] or "")
            if tag == "a" and values.get("href"):
                self.links.add(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.words.extend(data.split())


def article(page: Path) -> tuple[set[str], set[str], str]:
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.ids, parser.links, " ".join(parser.words)


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(project, MkDocs' site, Zensical's site) built from this repository's corpus."""
    tmp = tmp_path_factory.mktemp("zensical")
    root = empty_project(tmp / "project")
    shutil.copytree(REPO / "sources", root / "sources")
    shutil.copy(REPO / "references.bib", root / "references.bib")

    digest = subprocess.run(
        [sys.executable, "-m", "digest.cli", "build", "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert digest.returncode == 0, digest.stderr
    tree = root / "build/docs"
    written = tree_state(tree)

    zensical = zensical_build(root / "mkdocs.yml")
    assert zensical.returncode == 0, zensical.stdout
    assert "No issues found" in zensical.stdout, zensical.stdout
    # Zensical runs no hooks: the search index is the documented step after it.
    search = subprocess.run(
        [sys.executable, "-m", "digest.cli", "search-index", str(root / "site")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert search.returncode == 0, search.stderr

    mkdocs = mkdocs_build(root / "mkdocs.yml", tmp / "mkdocs-site")
    assert mkdocs.returncode == 0, mkdocs.stdout
    assert warning_lines(mkdocs.stdout) == [], mkdocs.stdout
    # The hook ran the pipeline again over the same sources: not a file rewritten.
    assert tree_state(tree) == written
    return root, tmp / "mkdocs-site", root / "site"


def test_zensical_writes_every_page_and_file_mkdocs_writes(
    both_sites: tuple[Path, Path, Path],
) -> None:
    root, mkdocs_site, zensical_site = both_sites
    mkdocs_files, zensical_files = site_files(mkdocs_site), site_files(zensical_site)
    # The stated differences are real ones (if one goes away, say so here) ...
    assert mkdocs_files & MKDOCS_ONLY == MKDOCS_ONLY
    assert zensical_files & ZENSICAL_ONLY == ZENSICAL_ONLY
    # ... and the only ones.
    missing = sorted(mkdocs_files - MKDOCS_ONLY - zensical_files)
    extra = sorted(zensical_files - ZENSICAL_ONLY - mkdocs_files)
    assert missing == [], unexpected(missing)
    assert extra == [], unexpected(extra)

    # Every Markdown file of the tree is a page (plus the 404 page), from the corpus.
    tree = root / "build/docs"
    pages = {
        re.sub(r"(^|/)index/$", r"\1", path.relative_to(tree).with_suffix("").as_posix() + "/")
        for path in tree.rglob("*.md")
    }
    # ... and the verbatim sources' own pages, which the pipeline writes as HTML (copied as is).
    sources = {path.relative_to(tree).as_posix() for path in tree.glob("sources/*.html")}
    assert len(sources) >= 5
    html = {name.removesuffix("index.html") for name in zensical_files if name.endswith(".html")}
    assert html == pages | sources | {"404.html"}
    assert len(pages) >= 50 and sum(page.startswith("papers/") for page in pages) >= 5
    assert {"", "about/", "papers/", "bibliography/", "compare/", "map/", "health/"} <= pages
    assert {"references.bib", "stylesheets/digest.css", "javascripts/sortable.js"} <= (
        zensical_files
    )
    for name in zensical_files - ZENSICAL_ONLY:
        if not name.endswith((".html", ".xml")):  # copied files are copied as they are
            assert (zensical_site / name).read_bytes() == (mkdocs_site / name).read_bytes(), name


def resolved(content: tuple, name: Path) -> tuple:
    """A page's (ids, links, text) with each relative link resolved against the page's
    address: the builders may write one target two ways ("chen-2019/" from
    bibliography/c/ is "../c/chen-2019/" too)."""
    ids, links, text = content
    here = name.parent.as_posix()

    def absolute(link: str) -> str:
        if re.match(r"[a-z]+:|#|/", link):
            return link
        path, hash_, fragment = link.partition("#")
        target = posixpath.normpath(posixpath.join(here, path)) if path else here
        target = "" if target == "." else target.removesuffix("/index.html")
        return f"{target}/{hash_}{fragment}".replace("//", "/")

    return ids, sorted(absolute(link) for link in links), text


def test_zensical_pages_have_the_same_content(both_sites: tuple[Path, Path, Path]) -> None:
    """Same anchors, same links, same text inside each page's <article>."""
    _, mkdocs_site, zensical_site = both_sites
    differing = []
    pages = sorted(mkdocs_site.rglob("*.html"))
    for page in pages:
        name = page.relative_to(mkdocs_site)
        if resolved(article(page), name) != resolved(article(zensical_site / name), name):
            differing.append(name.as_posix())
    assert differing == [], unexpected(differing)
    ids, links, _ = article(zensical_site / "papers/wang-governance-grass-roots/index.html")
    assert {"cite-1", "ref-1"} <= ids
    assert "../../bibliography/w/wang-2016/#wang2016research" in links


def test_zensical_pages_request_nothing_from_other_hosts(
    both_sites: tuple[Path, Path, Path],
) -> None:
    """The pages and styles contact no other host (fonts: false is honoured). Zensical's
    own script bundle (assets/javascripts/) names CDN URLs for features this site does not
    use (Pyodide, Ace, GLightbox): listed, not asserted, in the report of the change."""
    _, _, zensical_site = both_sites
    found = [
        item
        for item in find_external_requests(zensical_site)
        if not item.startswith("assets/javascripts/")
    ]
    assert found == [], unexpected(found)
