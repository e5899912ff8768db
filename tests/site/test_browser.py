"""In a real browser: sortable tables sort, search finds quoted words, and no page asks
another host for anything.

Needs Debian's chromium and the playwright package (`make test` installs both); skipped
locally, saying so, where either is missing, and failed in CI.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from real_clients import require_client, require_playwright
from sitecheck import mkdocs_build, type_search

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory):
    sync_api = require_playwright()
    chromium = require_client("chromium")
    site = tmp_path_factory.mktemp("site")
    assert mkdocs_build(REPO / "mkdocs.yml", site).returncode == 0
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser, f"http://127.0.0.1:{server.server_port}"
        browser.close()
    server.shutdown()


def test_a_comparison_table_sorts_by_column(site_url) -> None:
    browser, base = site_url
    page = browser.new_page()
    page.goto(f"{base}/compare/problems/")
    header = ".sortable table thead th:nth-child(1)"
    first_cell = ".sortable table tbody tr td"
    page.click(header)
    ascending = page.eval_on_selector(first_cell, "e => e.textContent.trim()")
    page.click(header)
    descending = page.eval_on_selector(first_cell, "e => e.textContent.trim()")
    assert page.get_attribute(header, "aria-sort") == "descending"
    assert ascending != descending


@pytest.mark.parametrize(
    "path", ["", "papers/wang-governance-grass-roots/", "compare/", "bibliography/w/wang-2016/"]
)
def test_pages_request_nothing_from_other_hosts(site_url, path: str) -> None:
    browser, base = site_url
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base}/{path}", wait_until="networkidle")
    assert requested and all(url.startswith(base) for url in requested), requested


@pytest.mark.parametrize(
    ("query", "paper"),
    [
        ("unitary", "papers/wang-governance-grass-roots/"),  # printed only as “unitary”
        ("moneyism", "papers/party-building-rural-social-governance/"),  # only “moneyism”
    ],
)
def test_search_finds_a_word_inside_curly_quotes(site_url, query: str, paper: str) -> None:
    browser, base = site_url
    tab = browser.new_page()
    tab.goto(f"{base}/")
    type_search(tab, query)
    links = tab.eval_on_selector_all(
        ".md-search-result__item a", "links => links.map(link => link.href)"
    )
    assert any(paper in link for link in links), links


@pytest.mark.parametrize(
    ("query", "paper"),
    [
        ("The Governance of the Grass Roots", "wang-governance-grass-roots"),
        (
            "Grass-roots Party construction — its content",
            "grassroots-party-construction-implementation",
        ),
        (
            "Party building leading rural social governance",
            "party-building-rural-social-governance",
        ),
        ("Study on the Problems and Countermeasures", "xu-li-party-building-community-governance"),
    ],
)
def test_a_papers_title_words_find_its_page_first(site_url, query: str, paper: str) -> None:
    browser, base = site_url
    tab = browser.new_page()
    tab.goto(f"{base}/")
    type_search(tab, query)
    first = tab.eval_on_selector(".md-search-result__item a", "link => link.href")
    assert first.split("?")[0] == f"{base}/papers/{paper}/"
