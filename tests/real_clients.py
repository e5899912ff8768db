"""The real client programs some tests drive (browser, BibTeX, CSL), found or reported."""

from __future__ import annotations

import os
import shutil

import pytest

# The real clients some tests drive; `make test` installs them (apt-get) where it can.
CLIENT_PACKAGES = {
    "chromium": "chromium",
    "bibtex": "texlive-binaries texlive-base",
    "biber": "biber",
    "pandoc": "pandoc",
}


def require_client(name: str) -> str:
    """The path of a real client program, or skip (locally) / fail (in CI) without it.

    CI installs every client (`make test`), so a missing one there is a broken set-up,
    not a reason to pass quietly.
    """
    debian = f"/usr/bin/{name}"
    path = shutil.which(name) or (debian if os.path.exists(debian) else None)
    if path:
        return path
    message = f"{name} is not installed (apt-get install {CLIENT_PACKAGES.get(name, name)})"
    if os.environ.get("CI"):
        pytest.fail(message + "; CI must run every client test", pytrace=False)
    pytest.skip(message)


def require_playwright():
    """playwright's sync API, or skip (locally) / fail (in CI) without it."""
    try:
        from playwright import sync_api
    except ImportError:
        message = "playwright is not installed (make install)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the browser tests", pytrace=False)
        pytest.skip(message)
    return sync_api
