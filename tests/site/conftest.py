"""Shared set-up for the built-site tests (tests/site/)."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "build: runs `mkdocs build` (seconds, not milliseconds); runs by default, "
        "select with -m build or leave out with -m 'not build'",
    )
