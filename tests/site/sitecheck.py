"""Checks on a built site (the output of ``mkdocs build``), reusable by any test.

The central one is :func:`find_external_requests`: the site is read in mainland
China, where Google Fonts, CDNs and GitHub's API are slow or unreachable, so no
page may make the browser contact another host, and no page links out either.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

# --- External requests -----------------------------------------------------

# Absolute (scheme://host) or protocol-relative (//host) URLs. ``data:``,
# ``mailto:``, ``#anchor`` and relative paths are local.
_EXTERNAL = re.compile(r"^\s*(?:(?:https?|wss?|ftp):)?//", re.IGNORECASE)

# Attributes whose value the browser fetches (or, for <a>/<area>, follows).
_URL_ATTRIBUTES = frozenset(
    {"src", "href", "xlink:href", "data", "poster", "action", "formaction", "background"}
)
_SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_IMPORT = re.compile(
    r"""@import\s+(?:url\(\s*)?(?:"([^"]*)"|'([^']*)'|([^\s"');]+))""", re.IGNORECASE
)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^\s"')]*))\s*\)""", re.IGNORECASE)
# A JS string literal (", ' or `) that starts with an absolute or //host URL.
_JS_URL = re.compile(
    r"""(?<=["'`])((?:(?:https?|wss?|ftp):)?//[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^"'`\s]*)"""
)
_META_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)

# URLs inside Material's own JavaScript bundle that are never requested with
# this site's configuration. Each one is listed with the condition under which
# the theme would request it; the checks named there keep that condition false.
# Applied only to files under assets/javascripts/ (the theme's own scripts).
THEME_JS_ALLOWED: Mapping[str, str] = {
    "https://unpkg.com/resize-observer-polyfill": (
        "loaded only by browsers without ResizeObserver (none current)"
    ),
    "https://unpkg.com/mermaid@": (
        "loaded only on a page with a Mermaid diagram; find_external_requests "
        "reports any element with class 'mermaid'"
    ),
    "https://api.github.com/": (
        "called only when mkdocs.yml sets repo_url, which would also put an "
        "<a href='https://...'> in every page header, reported as an external link"
    ),
}
_THEME_JS_DIR = "assets/javascripts/"

# URLs inside Pagefind's scripts (pagefind/, written by the indexer) that are never requested.
PAGEFIND_JS_ALLOWED: Mapping[str, str] = {
    "https://example.com$": (
        "a dummy base for new URL() to add an anchor or highlight parameter to a result's "
        "site-relative URL; the host is cut off again (pagefind.js, pagefind-worker.js)"
    ),
    "http://www.w3.org/2000/svg": (
        "the SVG namespace name for document.createElementNS, never fetched (pagefind-ui.js)"
    ),
}
_PAGEFIND_JS_DIR = "pagefind/"


def is_external(url: str) -> bool:
    """True if loading or following ``url`` contacts another host."""
    return bool(_EXTERNAL.match(html.unescape(url)))


def _line_at(text: str, position: int, first_line: int = 1) -> int:
    return first_line + text.count("\n", 0, position)


def css_external_urls(text: str, first_line: int = 1) -> list[tuple[int, str, str]]:
    """``(line, kind, url)`` for each external ``@import`` or ``url()`` in CSS text."""
    # Blank out comments but keep their newlines so line numbers stay right.
    text = _CSS_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    found: list[tuple[int, str, str]] = []
    for match in _CSS_IMPORT.finditer(text):
        url = next(group for group in match.groups() if group is not None)
        if is_external(url):
            found.append((_line_at(text, match.start(), first_line), "@import", url))
    for match in _CSS_URL.finditer(text):
        if re.search(r"@import\s*$", text[max(0, match.start() - 16) : match.start()]):
            continue  # already reported as @import url(...)
        url = next(group for group in match.groups() if group is not None)
        if is_external(url):
            found.append((_line_at(text, match.start(), first_line), "url()", url))
    return sorted(found)


def js_external_urls(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """``(line, url)`` for each string literal in JS text that begins with an external URL."""
    return [
        (_line_at(text, match.start(), first_line), match.group(1))
        for match in _JS_URL.finditer(text)
    ]


class _HtmlScanner(HTMLParser):
    """Collects external URLs from attributes, <style>, style="" and <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._raw_tag: str | None = None  # "style" or "script" while inside one
        self._raw_is_js = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name in _URL_ATTRIBUTES and is_external(value):
                self.found.append((line, f'<{tag} {name}="{value}">'))
            elif name in _SRCSET_ATTRIBUTES:
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if is_external(url):
                        self.found.append((line, f'<{tag} {name}="{url} ...">'))
            elif name == "style":
                for _, kind, url in css_external_urls(value):
                    self.found.append((line, f'<{tag} style="{kind} {url}">'))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _META_REFRESH_URL.search(values.get("content", ""))
            if match and is_external(match.group(1)):
                self.found.append((line, f'<meta http-equiv="refresh" url={match.group(1)}>'))
        if "mermaid" in values.get("class", "").split():
            self.found.append((line, f"<{tag} class=mermaid>: the theme loads Mermaid from a CDN"))
        if tag in ("style", "script"):
            self._raw_tag = tag
            script_type = values.get("type", "").lower()
            self._raw_is_js = tag == "script" and "src" not in values
            self._raw_is_js &= script_type in ("", "module", "application/json") or (
                "javascript" in script_type
            )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._raw_tag = None

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw_tag:
            self._raw_tag = None

    def handle_data(self, data: str) -> None:
        line = self.getpos()[0]
        if self._raw_tag == "style":
            for at, kind, url in css_external_urls(data, line):
                self.found.append((at, f"<style> {kind} {url}"))
        elif self._raw_tag == "script" and self._raw_is_js:
            for at, url in js_external_urls(data, line):
                self.found.append((at, f"<script> {url}"))


def find_external_requests(
    site_dir: Path,
    *,
    theme_js_allowed: Mapping[str, str] = THEME_JS_ALLOWED,
    pagefind_js_allowed: Mapping[str, str] = PAGEFIND_JS_ALLOWED,
) -> list[str]:
    """Everything in the built site's HTML, CSS and JS that would contact another host.

    Reported as ``path:line: what`` with ``path`` relative to ``site_dir``:
    ``src``/``href`` (and ``srcset``, ``data``, ``poster``, ``action``) with an
    absolute or protocol-relative URL on any element, plain ``<a href>`` links
    included; CSS ``url()`` and ``@import`` in .css files, <style> and style="";
    string literals that start with such a URL in .js files and inline <script>;
    a meta refresh elsewhere; any element of class ``mermaid``. Source maps,
    the search index and the sitemap are not read by the browser and not scanned.
    """
    site_dir = Path(site_dir)
    problems: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix not in (".html", ".htm", ".css", ".js", ".mjs"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix in (".html", ".htm"):
            scanner = _HtmlScanner()
            scanner.feed(text)
            scanner.close()
            problems += [f"{relative}:{line}: {what}" for line, what in scanner.found]
        elif suffix == ".css":
            problems += [
                f"{relative}:{line}: {kind} {url}" for line, kind, url in css_external_urls(text)
            ]
        else:
            allowed: Mapping[str, str] = {}
            if relative.startswith(_THEME_JS_DIR):
                allowed = theme_js_allowed
            elif relative.startswith(_PAGEFIND_JS_DIR):
                allowed = pagefind_js_allowed
            problems += [
                f"{relative}:{line}: {url}"
                for line, url in js_external_urls(text)
                if not any(url.startswith(prefix) for prefix in allowed)
            ]
    return problems


# --- Building the site -------------------------------------------------------

_REPO = Path(__file__).resolve().parents[2]


def empty_project(root: Path) -> Path:
    """A digest with no sources: this repository's configuration, hook, docs/ and
    overrides/, and the docs tree's tracked marker (build/docs/.digest-output), as in a
    fresh clone."""
    (root / "scripts").mkdir(parents=True)
    shutil.copy(_REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(_REPO / "scripts/mkdocs_hook.py", root / "scripts/mkdocs_hook.py")
    shutil.copytree(_REPO / "docs", root / "docs")
    (root / "build/docs").mkdir(parents=True)
    shutil.copy(_REPO / "build/docs/.digest-output", root / "build/docs/.digest-output")
    shutil.copytree(_REPO / "overrides", root / "overrides")
    return root


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def mkdocs_build(
    config_file: Path,
    site_dir: Path,
    *,
    strict: bool = True,
    command: Sequence[str] = (sys.executable, "-m", "mkdocs"),
    env: Mapping[str, str] | None = None,
    timeout: float = 600,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` in the folder holding ``config_file``; output merged."""
    config_file = Path(config_file).resolve()
    args = [*command, "build", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    if strict:
        args.append("--strict")
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        args,
        cwd=config_file.parent,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )


def zensical_build(
    config_file: Path, *, strict: bool = True, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Run ``zensical build`` in the folder holding ``config_file``; output merged.

    Zensical has no --site-dir: the site goes to the config's site_dir. Its cache goes
    to .cache/ beside the config.
    """
    config_file = Path(config_file).resolve()
    args = [sys.executable, "-m", "zensical", "build", "--config-file"]
    args += [str(config_file), *(["--strict"] if strict else [])]
    return subprocess.run(
        args,
        cwd=config_file.parent,
        env={**os.environ, "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )


# The search box in the header (Pagefind's <pagefind-searchbox>, overrides/partials/search.html):
# its input, every result link (pages and their sections), and the page results alone.
SEARCH_INPUT = ".digest-search input"
SEARCH_RESULT = ".digest-search a.pf-searchbox-result"
SEARCH_PAGE_RESULT = ".digest-search a.pf-searchbox-result:not(.pf-searchbox-subresult)"


def type_search(tab, words: str, attempts: int = 3) -> None:
    """Type a query into the header's search box and wait for its results.

    The box is emptied first and its old results waited away, and the results are read
    once they stop changing: the box searches as each key is typed, so the first
    results shown may be a partial query's ("... the Gra" marks "grass-roots" whole).
    On a busy machine a slow first load of the index is given a new try.
    """
    for attempt in range(attempts):
        tab.fill(SEARCH_INPUT, "")
        tab.wait_for_selector(SEARCH_RESULT, state="detached", timeout=10000)
        tab.click(SEARCH_INPUT)
        tab.keyboard.type(words)
        try:
            tab.wait_for_selector(SEARCH_RESULT, timeout=10000 * (attempt + 1))
        except Exception:  # playwright's TimeoutError; the next attempt types again
            continue
        _settle(tab, SEARCH_RESULT)
        return
    raise AssertionError(f"no search result for {words!r}")


def _settle(tab, selector: str, rounds: int = 20) -> None:
    """Wait until what ``selector`` finds reads the same twice 250 ms apart."""
    tab.wait_for_load_state("networkidle")
    read = "nodes => nodes.map(node => node.outerHTML).join('')"
    last = None
    for _ in range(rounds):
        tab.wait_for_timeout(250)
        current = tab.eval_on_selector_all(selector, read)
        if current == last:
            return
        last = current


def settled_first_result(tab, selector: str, rounds: int = 20) -> str:
    """The first result's link once the results stop changing: the box searches as each
    key is typed, so the first results shown may be a partial query's."""
    tab.wait_for_load_state("networkidle")
    last = None
    for _ in range(rounds):
        tab.wait_for_timeout(250)
        current = tab.eval_on_selector(selector, "link => link.href")
        if current == last:
            return current
        last = current
    return last


def warning_lines(output: str) -> list[str]:
    """MkDocs log lines at WARNING level or above."""
    lines = (_ANSI.sub("", line).strip() for line in output.splitlines())
    return [line for line in lines if re.match(r"(WARNING|ERROR|CRITICAL)\b", line)]


# --- What the built site must contain -----------------------------------------

_PAGINATION = re.compile(r"page-\d+")


def paper_ids(generated_dir: Path) -> list[str]:
    """Paper ids, from build/docs/papers/*.md less the index and its pages."""
    return sorted(
        path.stem
        for path in (Path(generated_dir) / "papers").glob("*.md")
        if path.stem != "index" and not _PAGINATION.fullmatch(path.stem)
    )


_FENCE = re.compile(r"^\s*(```|~~~)")
_STRUCTURAL = re.compile(r"^\s*(#|\||>|!!!|\?\?\?|<|\[|\{|:|-{3,}|={3,}|[-*+]\s|\d+\.\s)")
_WORD_RUN = re.compile(r"(?<![\w&;])[A-Za-z]{2,}(?: [A-Za-z]+){4}(?![\w])")


def _strip_inline_markdown(line: str) -> str:
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", line)  # images
    line = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])", r"\1", line)  # links
    line = re.sub(r"\{[^}]*\}", " ", line)  # attr_list
    line = re.sub(r"<[^>]+>", " ", line)  # inline HTML
    line = re.sub(r"\\(.)", r"\1", line)  # escapes
    return re.sub(r"[*_`]+", "", line)


def phrase_from_markdown(text: str) -> str | None:
    """Five consecutive plain words from the first prose line of a Markdown page.

    Top-level paragraphs come first; indented lines (admonition bodies and the
    like) only if no top-level line has five plain words in a row.
    """
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":  # front matter
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1 :]
    prose: list[str] = []
    nested: list[str] = []  # indented: admonition or details bodies, list continuations
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and not _STRUCTURAL.match(line):
            (nested if line[:1] in (" ", "\t") else prose).append(line)
    for line in prose + nested:
        match = _WORD_RUN.search(_strip_inline_markdown(line))
        if match:
            return match.group(0)
    return None


def plain_text(fragment: str) -> str:
    """HTML (as in the search index) to whitespace-normalised text."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


LUNR_INDEX = "search/search_index.json"


def search_fragments(site_dir: Path) -> dict[str, dict]:
    """Pagefind's record of each indexed page, by location (``papers/x/``).

    A fragment (``pagefind/fragment/*.pf_fragment``) is gzipped ``pagefind_dcd`` + JSON:
    the page's url, its indexed text (``content``), title and anchors.
    """
    pages: dict[str, dict] = {}
    for path in sorted((Path(site_dir) / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data.removeprefix(b"pagefind_dcd").decode("utf-8"))
        pages[record["url"].lstrip("/")] = record
    return pages


def search_text_by_page(site_dir: Path) -> dict[str, str]:
    """The text the search index holds for each page location (``papers/x/``)."""
    return {
        page: " ".join(record["content"].split())
        for page, record in search_fragments(site_dir).items()
    }


class _PrimaryNavLinks(HTMLParser):
    """The hrefs of links inside Material's sidebar (``nav.md-nav--primary``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.found_nav = False
        self._depth = 0  # <nav> nesting depth inside the primary nav; 0 = outside

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "nav":
            if self._depth:
                self._depth += 1
            elif "md-nav--primary" in values.get("class", "").split():
                self._depth = 1
                self.found_nav = True
        elif tag == "a" and self._depth and "href" in values:
            self.hrefs.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._depth:
            self._depth -= 1


def sidebar_links(page_html: str) -> list[str] | None:
    """Hrefs in the primary navigation sidebar, or None if the page has none."""
    parser = _PrimaryNavLinks()
    parser.feed(page_html)
    parser.close()
    return parser.hrefs if parser.found_nav else None


def _site_path(page_location: str, href: str) -> str:
    """The site-relative directory or file a link on ``page_location`` points to."""
    path = urlsplit(urljoin("http://site.invalid/" + page_location, href)).path
    path = posixpath.normpath(path).lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path.rstrip("/") + "/" if path and "." not in posixpath.basename(path) else path


def check_built_site(generated_dir: Path, site_dir: Path, *, min_papers: int = 4) -> list[str]:
    """Everything wrong with a built site; empty when it is fine.

    Every generated paper has a page, is findable through the search index by a
    phrase of its own, the sidebar lists no paper pages, nothing in the site
    contacts another host, and no lunr index is written beside Pagefind's.
    """
    generated_dir, site_dir = Path(generated_dir), Path(site_dir)
    failures: list[str] = []
    if (site_dir / LUNR_INDEX).exists():
        failures.append(f"{LUNR_INDEX} is written: MkDocs' lunr search is on again")
    if not (site_dir / "pagefind/pagefind-entry.json").is_file():
        failures.append("no search index: pagefind/pagefind-entry.json is missing")
    ids = paper_ids(generated_dir)
    if len(ids) < min_papers:
        failures.append(f"only {len(ids)} paper(s) generated, expected at least {min_papers}")
    paper_locations = {f"papers/{paper_id}/": paper_id for paper_id in ids}
    search = search_text_by_page(site_dir)
    for paper_id in ids:
        location = f"papers/{paper_id}/"
        page = site_dir / location / "index.html"
        if not page.is_file():
            failures.append(f"{paper_id}: no page at {page.relative_to(site_dir)}")
            continue
        markdown = (generated_dir / "papers" / f"{paper_id}.md").read_text("utf-8")
        phrase = phrase_from_markdown(markdown)
        if phrase is None:
            failures.append(f"{paper_id}: no prose line to take a search phrase from")
        elif phrase not in search.get(location, ""):
            failures.append(f"{paper_id}: search index has no {phrase!r} for {location}")
        links = sidebar_links(page.read_text("utf-8"))
        if links is None:
            failures.append(f"{paper_id}: page has no sidebar (nav.md-nav--primary)")
            continue
        for href in links:
            target = _site_path(location, href)
            if target in paper_locations and target != location:
                failures.append(f"{paper_id}: sidebar links to paper page {target} ({href})")
    failures += [f"external request: {item}" for item in find_external_requests(site_dir)]
    return failures


def unexpected(items: Iterable[str]) -> str:
    """A readable assertion message for a list of failures."""
    return "\n".join(["", *items])
