"""find_external_requests must find what would contact another host, and only that."""

from pathlib import Path

import pytest
from sitecheck import THEME_JS_ALLOWED, find_external_requests


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


LOCAL_PAGE = """<!doctype html>
<html><head>
<link rel="stylesheet" href="../assets/stylesheets/main.css">
<link rel="icon" href="assets/images/favicon.png">
<script src="assets/javascripts/bundle.js"></script>
<style>body { background: url("../img/bg.png"); }</style>
</head><body>
<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>
<a href="#s1">Section 1</a> <a href="../papers/x/">x</a> <a href="mailto:a@b.c">mail</a>
<img src="data:image/png;base64,AAAA">
<p>The DOI is https://doi.org/10.1000/xyz, written as plain text.</p>
<script>var path = "/search/worker.js"; // see https://example.com/docs
</script>
</body></html>
"""

LOCAL_CSS = """/* @import url("https://fonts.googleapis.com/css?family=Roboto"); */
.icon { mask: url("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'/>"); }
@font-face { font-family: X; src: url(../fonts/x.woff2) format("woff2"); }
@import "print.css";
"""


def test_local_paths_are_not_flagged(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {"index.html": LOCAL_PAGE, "a/b.css": LOCAL_CSS, "c.js": 'fetch("search/index.json")'},
    )
    assert find_external_requests(root) == []


def test_external_stylesheet_and_font_preconnect_are_found(tmp_path: Path) -> None:
    page = (
        "<html><head>\n"
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>\n'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">\n'
        "</head></html>"
    )
    assert find_external_requests(site(tmp_path, {"p/index.html": page})) == [
        'p/index.html:2: <link href="https://fonts.gstatic.com">',
        'p/index.html:3: <link href="https://fonts.googleapis.com/css?family=Roboto">',
    ]


@pytest.mark.parametrize(
    "element",
    [
        '<script src="//cdn.example.com/lib.js"></script>',
        '<img src="http://example.com/a.png">',
        '<iframe src="https://www.youtube.com/embed/x"></iframe>',
        '<picture><source srcset="a.png 1x, https://cdn.example.com/b.png 2x"></picture>',
        '<a href="https://doi.org/10.1000/xyz">doi</a>',
        '<a href="HTTPS://EXAMPLE.COM/">shouting</a>',
        '<div style="background-image: url(https://cdn.example.com/bg.png)"></div>',
        "<style>@import url('https://fonts.googleapis.com/css2?family=Noto');</style>",
        '<script>fetch("https://api.github.com/repos/x/y")</script>',
        '<meta http-equiv="refresh" content="0; url=https://example.com/">',
        '<pre class="mermaid">graph LR; a-->b</pre>',
    ],
)
def test_external_request_in_html_is_found(tmp_path: Path, element: str) -> None:
    root = site(tmp_path, {"index.html": f"<html><body>\n{element}\n</body></html>"})
    found = find_external_requests(root)
    assert len(found) == 1, found
    assert found[0].startswith("index.html:2: ")


@pytest.mark.parametrize(
    "rule",
    [
        '@import url("https://fonts.googleapis.com/css?family=Roboto");',
        "@import 'https://fonts.googleapis.com/css?family=Roboto';",
        "@import https://fonts.googleapis.com/css;",
        '@font-face { src: url("https://fonts.gstatic.com/s/roboto.woff2"); }',
        "body { background: url(//cdn.example.com/bg.png); }",
    ],
)
def test_external_request_in_css_is_found(tmp_path: Path, rule: str) -> None:
    root = site(tmp_path, {"assets/x.css": f"/* first line */\n{rule}\n"})
    found = find_external_requests(root)
    assert len(found) == 1, found
    assert found[0].startswith("assets/x.css:2: ")


def test_font_import_in_our_stylesheet_is_found(tmp_path: Path) -> None:
    css = '@import url("https://fonts.googleapis.com/css2?family=Noto+Serif+SC");\n'
    assert find_external_requests(site(tmp_path, {"stylesheets/digest.css": css})) == [
        "stylesheets/digest.css:1: @import https://fonts.googleapis.com/css2?family=Noto+Serif+SC"
    ]


def test_external_url_in_javascript_is_found(tmp_path: Path) -> None:
    js = 'let a = 1;\nimport("https://cdn.example.com/m.js");\nfetch(`//api.example.com/q`)\n'
    assert find_external_requests(site(tmp_path, {"js/extra.js": js})) == [
        "js/extra.js:2: https://cdn.example.com/m.js",
        "js/extra.js:3: //api.example.com/q",
    ]


def test_theme_allowance_applies_only_to_the_theme_bundle(tmp_path: Path) -> None:
    js = 'x?y:_t("https://unpkg.com/resize-observer-polyfill")'
    root = site(tmp_path, {"assets/javascripts/bundle.js": js, "js/ours.js": js})
    assert find_external_requests(root) == [
        "js/ours.js:1: https://unpkg.com/resize-observer-polyfill"
    ]
    assert find_external_requests(root, theme_js_allowed={}) == [
        "assets/javascripts/bundle.js:1: https://unpkg.com/resize-observer-polyfill",
        "js/ours.js:1: https://unpkg.com/resize-observer-polyfill",
    ]


def test_theme_allowance_is_by_prefix_not_by_host(tmp_path: Path) -> None:
    js = 'fetch("https://unpkg.com/some-other-library")'
    root = site(tmp_path, {"assets/javascripts/bundle.js": js})
    assert find_external_requests(root) == [
        "assets/javascripts/bundle.js:1: https://unpkg.com/some-other-library"
    ]
    assert all(prefix.startswith("https://") for prefix in THEME_JS_ALLOWED)


def test_pagefind_allowance_applies_only_to_pagefinds_bundle(tmp_path: Path) -> None:
    """The dummy base Pagefind parses result URLs with is allowed in pagefind/ alone."""
    js = "let u=new URL(`https://example.com${anchored_url}`);fetch(`https://example.com/x`)"
    root = site(tmp_path, {"pagefind/pagefind.js": js, "javascripts/search.js": js})
    assert find_external_requests(root) == [
        "javascripts/search.js:1: https://example.com${anchored_url}",
        "javascripts/search.js:1: https://example.com/x",
        "pagefind/pagefind.js:1: https://example.com/x",
    ]


def test_source_maps_and_data_files_are_not_scanned(tmp_path: Path) -> None:
    url = '"https://example.com/x"'
    root = site(tmp_path, {"a.js.map": url, "search/search_index.json": url, "s.xml": url})
    assert find_external_requests(root) == []
