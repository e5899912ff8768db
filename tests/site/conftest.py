"""Shared set-up for the built-site tests (tests/site/)."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "build: runs `mkdocs build` (seconds, not milliseconds); runs by default, "
        "select with -m build or leave out with -m 'not build'",
    )


# One browser and one build of the site for every browser test of the session
# (test_browser.py, test_reading.py): a build takes seconds, a browser start a second.
@pytest.fixture(scope="session")
def browser():
    from real_clients import require_client, require_playwright

    sync_api = require_playwright()
    chromium = require_client("chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(browser, tmp_path_factory: pytest.TempPathFactory):
    """The browser and the base URL of this repository's site, built by `mkdocs build`
    and served on a local port."""
    from sitecheck import mkdocs_build

    from digest.evaluation.search_payload import serve

    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout
    with serve(site) as base:
        yield browser, base
