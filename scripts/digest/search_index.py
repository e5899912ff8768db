"""The site's search index: Pagefind's indexer, run over a built site.

MkDocs runs it after each build (``on_post_build`` in scripts/mkdocs_hook.py); for a site
built by another tool, ``digest search-index SITE`` does the same. It writes
``SITE/pagefind/``: the index, split into chunks a query loads only when it needs them,
and the search box's scripts and styles, all served from the site itself.

The binary is the one the ``pagefind[bin]`` extra installs (the ``pagefind_bin`` package,
pinned in requirements.lock); ``PAGEFIND_BINARY_PATH`` names another one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

BUNDLE_DIR = "pagefind"

# Material's permalink marks (the ¶ after each heading) are not text of the page.
EXCLUDE_SELECTORS = (".headerlink",)


# Pagefind splits words at whitespace and, inside a word, at . , / : - _ and brackets, but
# not at dashes, curly quotes or full-width punctuation: "construction—content" or
# "在《乡村振兴》中" would each be one word, found by neither half. The indexer therefore
# reads a copy of the pages with a space around these marks wherever they join two words;
# the site's pages stay as they are (only search excerpts show the space).
WORD_BREAKS = re.compile(
    r"(?<=\w)([\u2010-\u2015\u2018\u2019\u201c\u201d\u2026\u00b7\u2e3a\u2e3b"
    r"\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20"
    r"\uff3b-\uff40\uff5b-\uff65]+)(?=\w)"
)
_TAG_OR_RAW = re.compile(r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>)", re.I | re.S)


def spaced_for_index(page: str) -> str:
    """The HTML ``page`` with a space around each word-joining mark in its text."""
    parts = _TAG_OR_RAW.split(page)
    # split() with one group: text at even positions, tags (and scripts, styles) at odd.
    parts[::2] = [WORD_BREAKS.sub(r" \1 ", text) for text in parts[::2]]
    return "".join(parts)


# Pagefind records each element with an id as an anchor (its tag, id, the word it starts at)
# with the element's whole text; a paragraph's would hold the paragraph a second time in
# the page's record (twice the bytes a result downloads). The indexer therefore reads a
# paragraph or list item with an id as an empty one of the same tag that carries the id,
# then the content without it: the same words at the same places, the anchor without text.
# The search box (docs/javascripts/search.js) links a result to the paragraph whose
# anchor is the last before the place where the words asked for are found together.
_BLOCK_WITH_ID = re.compile(r"""<(p|li)\b([^>]*?)\s+id=(?:"([^"]*)"|'([^']*)')([^>]*)>""", re.I)


def anchored_for_index(page: str) -> str:
    """The HTML ``page`` with each ``<p id>`` and ``<li id>`` split in two: an empty element
    that holds the id, then the element's content under the tag without it."""
    parts = _TAG_OR_RAW.split(page)
    parts[1::2] = [
        _empty_anchor(found) if (found := _BLOCK_WITH_ID.fullmatch(tag)) else tag
        for tag in parts[1::2]
    ]
    return "".join(parts)


def _empty_anchor(found: re.Match[str]) -> str:
    tag, before, double, single, after = found.groups()
    anchor = double if double is not None else single
    return f'<{tag} id="{anchor}"></{tag}><{tag}{before}{after}>'


def page_for_index(page: str) -> str:
    """The copy of ``page`` the indexer reads: marks spaced, paragraphs' ids made empty."""
    return anchored_for_index(spaced_for_index(page))


class SearchIndexError(Exception):
    """The index could not be written; the message says why and what to do."""


def pagefind_binary() -> Path:
    """The Pagefind executable, or SearchIndexError saying how to install it."""
    try:
        from pagefind.service import get_executable
    except ImportError as error:
        raise SearchIndexError(
            f"the pagefind package is missing ({error}); install the pinned packages with "
            "`make install` (or `pip install 'pagefind[bin]'`)"
        ) from error
    binary = get_executable()
    if binary is None:
        raise SearchIndexError(
            "no Pagefind binary found: the pagefind_bin package is missing; install the "
            "pinned packages with `make install` (or `pip install 'pagefind[bin]'`), or set "
            "PAGEFIND_BINARY_PATH to a pagefind executable"
        )
    if not binary.is_file():
        raise SearchIndexError(
            f"the Pagefind binary {binary} does not exist (PAGEFIND_BINARY_PATH?); "
            "reinstall with `make install`"
        )
    return binary


def index_site(site_dir: Path, *, timeout: float = 1800) -> str:
    """Index the built site in ``site_dir`` into ``site_dir/pagefind/``; Pagefind's summary.

    The bundle of a previous run is removed first, so no stale chunk is left behind.
    """
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise SearchIndexError(f"{site_dir} is not a folder: build the site first")
    if not any(site_dir.glob("*.html")):
        raise SearchIndexError(f"{site_dir} has no index.html or other page: build the site first")
    binary = pagefind_binary()
    bundle = site_dir.resolve() / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="digest-search-") as pages:
        for path in site_dir.rglob("*.html"):
            if bundle in path.resolve().parents:
                continue
            copy = Path(pages) / path.relative_to(site_dir)
            copy.parent.mkdir(parents=True, exist_ok=True)
            text = path.read_text(encoding="utf-8", errors="replace")
            copy.write_text(page_for_index(text), encoding="utf-8")
        command = [str(binary), "--site", pages, "--output-path", str(bundle)]
        for selector in EXCLUDE_SELECTORS:
            command += ["--exclude-selectors", selector]
        try:
            result = subprocess.run(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=timeout,
                check=False,
                env={**os.environ, "NO_COLOR": "1"},
            )
        except OSError as error:
            raise SearchIndexError(f"cannot run the Pagefind binary {binary}: {error}") from error
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind failed (exit status {result.returncode}):\n{result.stdout.strip()}"
        )
    return summary(result.stdout)


def summary(output: str) -> str:
    """``Indexed 55 pages, 2277 words`` from Pagefind's log (its whole log if not found)."""
    counts = re.findall(r"Indexed (\d+) (pages?|words?)\b", output)
    if not counts:
        return output.strip()
    return "Indexed " + ", ".join(f"{number} {what}" for number, what in counts)
