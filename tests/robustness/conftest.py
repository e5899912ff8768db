"""Shared set-up for the hostile-input tests (tests/robustness/)."""

import sys
from pathlib import Path

import pytest

# The built-site helpers (sitecheck: mkdocs_build, warning_lines) live with the site tests.
SITE_TESTS = str(Path(__file__).resolve().parents[1] / "site")
if SITE_TESTS not in sys.path:
    sys.path.append(SITE_TESTS)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "build: runs `mkdocs build` (seconds, not milliseconds); runs by default, "
        "select with -m build or leave out with -m 'not build'",
    )
    config.addinivalue_line(
        "markers",
        "browser: loads built pages in headless Chromium; leave out with -m 'not browser'",
    )
