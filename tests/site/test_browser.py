"""In a real browser: sortable tables sort, and no page asks another host for anything.

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
from sitecheck import mkdocs_build

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
    "path", ["", "papers/wang-governance-grass-roots/", "compare/", "bibliography/w/"]
)
def test_pages_request_nothing_from_other_hosts(site_url, path: str) -> None:
    browser, base = site_url
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base}/{path}", wait_until="networkidle")
    assert requested and all(url.startswith(base) for url in requested), requested
