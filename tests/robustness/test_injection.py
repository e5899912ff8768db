"""Hostile input (issue 8, injection): text from sources and sidecars is data.

Every case of tests/robustness/injection.yml puts a payload (script tags, event
handlers, javascript:/data: links, raw HTML, Jinja syntax, Markdown block syntax) in
one place of a source text or sidecar, and says what the site must do with it:

- ``shown``: the built pages listed print the payload as text. The page's text (what
  a reader sees) holds it literally, the HTML holds it escaped, and no page of the
  site has a script, event-handler attribute, javascript:/data: link, comment or
  ``id="injected"`` that the payloads could have made.
- ``absent``: the field is not printed on the site at all (sidecar notes).
- ``refused``: ``digest check`` refuses the sidecar, naming file and line, and a lenient
  build lists the refusal, as text, on the health page.
- ``verbatim``: a source's verbatim copy holds the payload as it came, published as a
  ``.txt`` file and never rendered as a page.

The fixtures (tests/robustness/fixtures/injection/) are built once, with the seed
sources, in a temporary copy of the project; a second copy without them gives the
clean pages the hostile ones are compared with. The tests marked ``browser`` load the
affected pages and the search in Chromium and watch for dialogs and injected elements
(leave them out with ``-m "not browser"``).
"""

from __future__ import annotations

import functools
import gzip
import html
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from real_clients import require_client, require_playwright
from sitecheck import SEARCH_RESULT, mkdocs_build, type_search, warning_lines

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "injection"
TABLE = yaml.safe_load((HERE / "injection.yml").read_text(encoding="utf-8"))
CASES: list[dict] = TABLE["cases"]

pytestmark = pytest.mark.build

# A hostile page with no namesake in the clean site is compared with one of its kind.
CLEAN_COUNTERPARTS = {
    "papers/": "papers/wang-governance-grass-roots/",
    "bibliography/": "bibliography/w/wang-2016/",
    "compare/themes/": "compare/themes/weak-coordination/",
    "map/themes/": "map/themes/weak-coordination/",
    "map/years/": "map/years/2024/",
}


def cases(expect: str) -> list:
    return [pytest.param(case, id=case["id"]) for case in CASES if case["expect"] == expect]


# --- Projects and builds -------------------------------------------------------


def make_project(root: Path, extra_sources: list[Path], *, seeds: bool = True) -> Path:
    """A copy of the project's layout (as sitecheck.mkdocs_build needs it), the seed
    sources unless ``seeds`` is false, and ``extra_sources``."""
    (root / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(REPO / "scripts/mkdocs_hook.py", root / "scripts/mkdocs_hook.py")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")
    (root / "build/docs").mkdir(parents=True)  # docs_dir, whose marker a clone has
    if seeds:
        shutil.copytree(REPO / "sources", root / "sources")
    else:
        (root / "sources").mkdir()
    for path in extra_sources:
        shutil.copy(path, root / "sources" / path.name)
    return root


def fixture_files(pattern: str) -> list[Path]:
    return sorted(FIXTURES.glob(pattern))


@dataclass
class Site:
    root: Path
    site: Path
    output: str


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    base = tmp_path_factory.mktemp("hostile")
    root = make_project(base / "project", fixture_files("9*"))
    result = mkdocs_build(root / "mkdocs.yml", base / "site")
    # --strict passes: every hostile sidecar is valid and no payload breaks a link.
    assert result.returncode == 0, result.stdout
    assert warning_lines(result.stdout) == [], result.stdout
    return Site(root, base / "site", result.stdout)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Site:
    base = tmp_path_factory.mktemp("clean")
    root = make_project(base / "project", [])
    result = mkdocs_build(root / "mkdocs.yml", base / "site")
    assert result.returncode == 0, result.stdout
    return Site(root, base / "site", result.stdout)


def clean_counterpart(location: str, clean_site: Path) -> str:
    """The clean page of the same kind as a hostile one (same template and layout)."""
    if (clean_site / location / "index.html").is_file():
        return location
    for prefix, counterpart in CLEAN_COUNTERPARTS.items():
        if location.startswith(prefix):
            return counterpart
    raise AssertionError(f"no clean page of the same kind as {location}")


# --- Reading built pages ---------------------------------------------------------

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_RAW_TEXT = frozenset({"script", "style"})
_URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
)
_BAD_SCHEME = re.compile(r"^(?:javascript|data|vbscript):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def text(self, skip: frozenset[str] = _RAW_TEXT) -> str:
        if self.tag in skip:
            return ""
        return "".join(c if isinstance(c, str) else c.text(skip) for c in self.children)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()


class _Parser(HTMLParser):
    """A forgiving tree builder that also notes everything a payload could have made."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.scripts = 0
        self.dangers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        for name, value in values.items():
            if name.startswith("on"):
                self.dangers.append(f"line {line}: <{tag}> has an event handler {name}={value!r}")
            if name in _URL_ATTRIBUTES and _BAD_SCHEME.match(_INVISIBLE.sub("", value)):
                self.dangers.append(f"line {line}: <{tag} {name}={value!r}>")
        if values.get("id") == "injected":
            self.dangers.append(f'line {line}: <{tag} id="injected">')
        if tag == "script":
            self.scripts += 1
        element = Element(tag, values)
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)
        if self.stack[-1].tag == "script" and "alert" in data:
            self.dangers.append(f"line {self.getpos()[0]}: a script runs {data.strip()!r}")

    def handle_comment(self, data: str) -> None:
        # The theme writes no comments: one in a built page was opened by a payload.
        self.dangers.append(f"line {self.getpos()[0]}: a comment <!--{data[:40]!r}")


def normal(text: str) -> str:
    return " ".join(text.split())


_CHAR_REF = re.compile(r"&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));")


def markup_escapes_only(page_html: str) -> str:
    """The HTML with character references decoded, except those of < > & " '.

    A payload may reach the page as "&#61;== ..." (an entity keeps "===" from opening a
    block): that is the payload, escaped. Only the escapes of markup characters count.
    """

    def decode(match: re.Match[str]) -> str:
        decimal, hexadecimal = match.groups()
        char = chr(int(decimal) if decimal else int(hexadecimal, 16))
        return match.group(0) if char in "<>&\"'" else char

    return _CHAR_REF.sub(decode, page_html)


@dataclass
class Page:
    location: str
    html: str
    root: Element
    scripts: int
    dangers: list[str]

    @functools.cached_property
    def text(self) -> str:
        """What a reader sees outside code blocks (a BibTeX block must not stand in)."""
        return normal(self.root.text(_RAW_TEXT | {"pre"}))

    def first(self, tag: str, **attrs: str) -> Element | None:
        for element in self.root.iter():
            if element.tag == tag and all(element.attrs.get(k) == v for k, v in attrs.items()):
                return element
        return None

    def element_text(self, name: str) -> str:
        """Text of one of the places a page title goes: title, h1, header (topic)."""
        found = {
            "title": lambda: self.first("title"),
            "h1": lambda: self.first("h1"),
            "header": lambda: self.first("div", **{"data-md-component": "header-topic"}),
        }[name]()
        assert found is not None, f"{self.location}: no {name}"
        return normal(found.text())


@functools.lru_cache(maxsize=256)
def read_page(site: Path, location: str) -> Page:
    """A built page, parsed once per module run (pages are never modified)."""
    path = site / location / "index.html"
    assert path.is_file(), f"no page {location}"
    text = path.read_text(encoding="utf-8")
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return Page(location, text, parser.root, parser.scripts, parser.dangers)


def site_pages(site: Path) -> list[str]:
    return sorted(
        path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""
        for path in site.rglob("index.html")
    )


ANY_ENTRY_PAGE = "bibliography/*/"


def entry_pages(site: Path, locations: list[str], shown: str) -> list[str]:
    """The pages to check, with ``bibliography/*/`` standing for the bibliography page
    that holds a source reference's entry: which letter that is follows the key the
    parser gives it (parsed or kept verbatim), and the test asks that the entry shows
    the payload as text, not which key it got."""
    pages = []
    for location in locations:
        letter = re.fullmatch(r"bibliography/([a-z])/", location)
        if location != ANY_ENTRY_PAGE and not letter:
            pages.append(location)
            continue
        # Entries sit on one page per name and year under their letter
        # (bibliography/w/wang-2016/): "bibliography/e/" stands for those under e.
        prefix = location if letter else "bibliography/"
        found = [
            page
            for page in site_pages(site)
            if ENTRY_PAGE.fullmatch(page)
            and page.startswith(prefix)
            and shown in read_page(site, page).text
        ]
        assert found, f"no bibliography entry page under {prefix} shows {shown!r}"
        pages += found
    return pages


# A page of entries: bibliography/<letter>/<name>-<year>/ (or .../no-year-N/).
ENTRY_PAGE = re.compile(r"bibliography/[a-z]+/[a-z0-9-]+/")


def search_entries(site: Path) -> list[dict]:
    """What the search box shows of each page: Pagefind's fragments (gzip, a signature,
    then JSON), as {"location": the page's address below the site, "title": ...}."""
    entries = []
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        page = json.loads(data)
        entries.append({"location": page["url"].lstrip("/"), "title": page["meta"]["title"]})
    return entries


# --- The table -------------------------------------------------------------------


def test_the_table_is_well_formed() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    places = {case["place"] for case in CASES}
    required = {
        "shown": {"pages"},
        "absent": {"shown"},
        "refused": {"reported"},
        "verbatim": {"fixtures"},
    }
    for case in CASES:
        assert case["expect"] in required, case["id"]
        assert case["payload"] and case["place"], case["id"]
        assert required[case["expect"]] <= case.keys(), case["id"]
        if case["expect"] == "shown":
            # What the reader sees contains the payload itself (escaped only in HTML).
            assert case["payload"] in case.get("shown", case["payload"]), case["id"]
    # Every place of the issue is covered.
    for place in TABLE["places"]:
        assert place in places, f"no case for {place}"


@pytest.mark.parametrize("case", cases("shown"))
def test_payload_is_shown_as_text(hostile: Site, case: dict) -> None:
    shown = normal(case.get("shown", case["payload"]))
    escaped = html.escape(case["payload"], quote=False)
    pages = entry_pages(hostile.site, case["pages"], shown)
    for location in pages:
        page = read_page(hostile.site, location)
        assert shown in page.text, f"{location}: {shown!r} is not shown as text"
        assert escaped in markup_escapes_only(page.html), f"{location}: no {escaped!r}"
        for gone in case.get("not_shown", []):
            assert gone not in page.text, f"{location}: {gone!r} shown: a template ran"
    # Titles: every place the theme prints a page title (head, header, H1, search).
    page = read_page(hostile.site, pages[0])
    for name in case.get("elements", []):
        if name == "search":
            titles = [
                entry["title"]
                for entry in search_entries(hostile.site)
                if entry["location"] == page.location
            ]
            # Pagefind keeps titles as text (JSON), and its box writes them as text: the
            # payload is there as typed (the browser test checks that nothing runs).
            assert titles and shown in normal(titles[0]), titles
        else:
            assert shown in page.element_text(name), f"{page.location} <{name}>"


@pytest.mark.parametrize("case", [case for case in cases("shown") if "link" in case.values[0]])
def test_citation_links_stay_links(hostile: Site, case: dict) -> None:
    link = case["link"]
    page = read_page(hostile.site, case["pages"][0])
    anchors = [
        element
        for element in page.root.iter()
        if element.tag == "a" and normal(element.text()) == link["text"]
    ]
    assert [a.attrs.get("href") for a in anchors] == [link["href"]]


def test_no_page_has_markup_a_payload_could_make(hostile: Site, clean: Site) -> None:
    """Every page of the hostile site: nothing a payload could make, and as many
    <script> elements as the clean page of the same kind."""
    problems = []
    for location in site_pages(hostile.site):
        page = read_page(hostile.site, location)
        problems += [f"{location or 'home'}: {danger}" for danger in page.dangers]
        counterpart = read_page(clean.site, clean_counterpart(location, clean.site))
        if page.scripts != counterpart.scripts:
            problems.append(
                f"{location}: {page.scripts} <script> elements, "
                f"{counterpart.scripts} on the clean {counterpart.location}"
            )
    assert problems == [], "\n".join(problems)


def test_templates_are_not_evaluated(hostile: Site) -> None:
    """No "49" where a ``{{ 7*7 }}`` stood: the literal is on every page it was sent to."""
    for location in ("papers/hostile-title/", "papers/hostile-working-title/", "papers/"):
        assert "{{ 7*7 }}" in read_page(hostile.site, location).text, location
    page = read_page(hostile.site, "papers/hostile-title/")
    assert "{% raw %}" in page.text
    assert "{% if true %}X{% endif %}" in page.text


@pytest.mark.parametrize("case", cases("absent"))
def test_field_is_not_printed(hostile: Site, case: dict) -> None:
    shown = normal(case.get("shown", case["payload"]))
    for path in hostile.site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".txt") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.parent.name == "sources":
                continue  # the verbatim source texts
            assert shown not in normal(html.unescape(text)), path


# --- Refused by digest check -----------------------------------------------------


@pytest.fixture(scope="module")
def check_output(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess:
    root = tmp_path_factory.mktemp("refused")
    (root / "sources").mkdir()
    for path in fixture_files("refused/*"):
        shutil.copy(path, root / "sources" / path.name)
    return subprocess.run(
        [sys.executable, "-m", "digest.cli", "check", "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("case", cases("refused"))
def test_digest_check_refuses(check_output: subprocess.CompletedProcess, case: dict) -> None:
    assert check_output.returncode == 1
    lines = (check_output.stdout + check_output.stderr).splitlines()
    reported = [line for line in lines if line.startswith(case["reported"])]
    assert reported, f"{case['reported']!r} not in:\n" + "\n".join(lines)
    assert repr(case["payload"]) in reported[0]


@pytest.fixture(scope="module")
def lenient(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The seeds and the refused sidecars, built without --strict: health.md lists them."""
    base = tmp_path_factory.mktemp("lenient")
    root = make_project(base / "project", fixture_files("refused/*"))
    result = mkdocs_build(root / "mkdocs.yml", base / "site", strict=False)
    assert result.returncode == 0, result.stdout
    return Site(root, base / "site", result.stdout)


@pytest.mark.parametrize("case", cases("refused"))
def test_health_page_shows_the_refusal_as_text(lenient: Site, case: dict) -> None:
    page = read_page(lenient.site, "health/")
    line = f"{case['reported']}"
    assert line in page.text, f"{line!r} is not on the health page"
    assert repr(case["payload"]) in page.text
    assert page.dangers == []


def test_health_page_has_no_more_scripts_than_a_clean_one(lenient: Site, clean: Site) -> None:
    assert read_page(lenient.site, "health/").scripts == read_page(clean.site, "health/").scripts


# --- Verbatim copies of sources -------------------------------------------------------


@pytest.mark.parametrize("case", cases("verbatim"))
def test_verbatim_copies_are_published_as_text_never_rendered(tmp_path: Path, case: dict) -> None:
    """A source's verbatim copy is data: a ``.txt`` file on the site, never a page."""
    root = make_project(tmp_path / "project", fixture_files(case["fixtures"]), seeds=False)
    result = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout
    problems = [
        f"{location}: {danger}"
        for location in site_pages(tmp_path / "site")
        for danger in read_page(tmp_path / "site", location).dangers
    ]
    assert problems == []
    copies = sorted((tmp_path / "site" / "sources").glob("*.md.txt"))
    assert copies and all(case["payload"] in copy.read_text("utf-8") for copy in copies)
    assert not list((tmp_path / "site" / "sources").glob("*/index.html")), "a copy was rendered"


# --- In a real browser -------------------------------------------------------------


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Browser:
    """One Chromium for the module, one tab on the hostile sites, one on the clean site."""

    tab: object
    clean_tab: object
    hostile: str  # base URLs of the served sites
    clean: str
    lenient: str
    dialogs: list[str] = field(default_factory=list)
    clean_scripts: dict[str, int] = field(default_factory=dict)

    def visit(self, url: str):
        self.dialogs.clear()
        self.tab.goto(url, wait_until="load")
        return self.tab


@pytest.fixture(scope="module")
def browser(hostile: Site, clean: Site, lenient: Site) -> Iterator[Browser]:
    sync_api = require_playwright()
    chromium = require_client("chromium")
    servers = [_serve(site.site) for site in (hostile, clean, lenient)]
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        found = Browser(launched.new_page(), launched.new_page(), *(url for _, url in servers))

        def on_dialog(dialog) -> None:
            found.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        found.tab.on("dialog", on_dialog)
        yield found
        launched.close()
    for server, _ in servers:
        server.shutdown()


_DOM_CHECK = """() => {
  // A pointer over every element: an onmouseover a payload made would run now.
  for (const element of document.querySelectorAll("body *")) {
    element.dispatchEvent(new MouseEvent("mouseover", {bubbles: false}));
  }
  return {
    scripts: document.scripts.length,
    injected: document.getElementById("injected") !== null,
    handlers: [...document.querySelectorAll("*")].flatMap(e => [...e.attributes]
        .filter(a => a.name.startsWith("on")).map(a => e.tagName + " " + a.name)),
    links: [...document.querySelectorAll("[href], [src], [action]")].map(
        e => e.getAttribute("href") || e.getAttribute("src") || e.getAttribute("action"))
        .filter(u => /^\\s*(javascript|data|vbscript):/i.test(u)),
  };
}"""


def _clean_scripts(browser: Browser, location: str, clean: Site) -> int:
    """<script> elements in Chromium on the clean page of the same kind."""
    counterpart = clean_counterpart(location, clean.site)
    if counterpart not in browser.clean_scripts:
        browser.clean_tab.goto(f"{browser.clean}/{counterpart}", wait_until="load")
        count = browser.clean_tab.evaluate("() => document.scripts.length")
        browser.clean_scripts[counterpart] = count
    return browser.clean_scripts[counterpart]


def _assert_inert(browser: Browser, clean: Site, location: str, where: str) -> None:
    browser.tab.wait_for_timeout(50)  # let failed images report their errors
    found = browser.tab.evaluate(_DOM_CHECK)
    assert browser.dialogs == [], f"{where}: a payload ran: {browser.dialogs}"
    assert not found["injected"], f"{where}: an element with id 'injected' exists"
    assert found["handlers"] == [], f"{where}: event handlers {found['handlers']}"
    assert found["links"] == [], f"{where}: script links {found['links']}"
    expected = _clean_scripts(browser, location, clean)
    assert found["scripts"] == expected, f"{where}: {found['scripts']} <script> elements"


@pytest.mark.browser
@pytest.mark.parametrize("location", TABLE["browser_pages"])
def test_page_runs_no_payload_in_chromium(
    browser: Browser, hostile: Site, clean: Site, location: str
) -> None:
    if location == ANY_ENTRY_PAGE:
        letters = [page for page in site_pages(hostile.site) if ENTRY_PAGE.fullmatch(page)]
        assert letters, "no bibliography letter pages"
    else:
        letters = [location]
    for page in letters:
        browser.visit(f"{browser.hostile}/{page}")
        _assert_inert(browser, clean, page, page or "home")


@pytest.mark.browser
def test_health_page_runs_no_payload_in_chromium(browser: Browser, clean: Site) -> None:
    browser.visit(f"{browser.lenient}/health/")
    _assert_inert(browser, clean, "health/", "health/ (lenient build)")


@pytest.mark.browser
@pytest.mark.parametrize("word", TABLE["search_words"])
def test_search_results_run_no_payload_in_chromium(
    browser: Browser, clean: Site, word: str
) -> None:
    tab = browser.visit(f"{browser.hostile}/")
    type_search(tab, word)
    tab.wait_for_timeout(100)  # every result rendered
    _assert_inert(browser, clean, "", f"results for {word!r}")
    # Follow the first result to its page.
    tab.click(SEARCH_RESULT)
    tab.wait_for_load_state("load")
    location = tab.url.split("?")[0].split("#")[0].removeprefix(browser.hostile + "/")
    _assert_inert(browser, clean, location, f"first result for {word!r} ({location})")
