"""What a reader downloads to search the built site, and how long the first result takes.

For each query, a fresh Chromium tab (empty cache) loads a page of the site, waits until
the page is idle, then focuses the header's search box and types the query. Every
response from the focus on until the first result shows is counted: its body bytes (as
served; Pagefind's index files are gzipped already) and its URL. The time runs from the
first keystroke to the first result on screen, Pagefind's typing debounce included.

    python -m digest.evaluation.search_payload SITE_DIR [QUERY ...] [--page papers/x/]

Needs the playwright package and Debian's chromium (the `dev` extra and `make test`).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

SEARCH_INPUT = ".digest-search input"
SEARCH_RESULT = ".digest-search a.pf-searchbox-result"
CHROMIUM = "/usr/bin/chromium"


@dataclass
class QueryPayload:
    query: str
    bytes: int  # response bodies from focusing the box to the first result
    requests: int
    ms_to_first_result: float  # from the first keystroke
    ms_after_typing: float  # from the last keystroke
    first_result: str
    urls: list[str] = field(default_factory=list)


def bundle_size(site_dir: Path) -> tuple[int, int]:
    """(bytes, files) of the site's Pagefind bundle, site_dir/pagefind/."""
    files = [path for path in (Path(site_dir) / "pagefind").rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """The site over HTTP on a free local port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def measure_query(browser, base: str, page: str, query: str, timeout: float = 30) -> QueryPayload:
    """One query in a fresh browser context, as described in the module's docstring."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(f"{base}/{page}", wait_until="networkidle")
        responses: list = []
        tab.on("response", lambda response: responses.append(response))
        tab.focus(SEARCH_INPUT)
        start = time.perf_counter()
        tab.keyboard.type(query)
        typed = time.perf_counter()
        tab.wait_for_selector(SEARCH_RESULT, timeout=timeout * 1000)
        shown = time.perf_counter()
        first = tab.eval_on_selector(SEARCH_RESULT, "link => link.getAttribute('href')")
        sizes = [len(response.body()) for response in responses]
        return QueryPayload(
            query=query,
            bytes=sum(sizes),
            requests=len(responses),
            ms_to_first_result=round((shown - start) * 1000, 1),
            ms_after_typing=round((shown - typed) * 1000, 1),
            first_result=first,
            urls=[response.url.removeprefix(base) for response in responses],
        )
    finally:
        context.close()


def measure(
    site_dir: Path, queries: Sequence[str], *, page: str = "", chromium: str = CHROMIUM
) -> list[QueryPayload]:
    """Each query's payload and time, typed on ``page`` (a location such as ``papers/x/``)."""
    from playwright.sync_api import sync_playwright

    with serve(Path(site_dir)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            return [measure_query(browser, base, page, query) for query in queries]
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site with its search index")
    parser.add_argument("queries", nargs="*", default=["governance", "Xi Jinping", "moneyism"])
    parser.add_argument("--page", default="", help="the page to search from, e.g. papers/x/")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_intermixed_args(argv)
    total, files = bundle_size(args.site)
    rows = measure(args.site, args.queries, page=args.page)
    if args.json:
        record = {
            "bundle_bytes": total,
            "bundle_files": files,
            "queries": [asdict(r) for r in rows],
        }
        print(json.dumps(record, indent=2, ensure_ascii=False))
        return 0
    print(f"site/pagefind: {total:,} bytes in {files} files")
    print(f"{'query':<24} {'bytes':>10} {'requests':>8} {'ms':>6} {'typed+ms':>8}  first result")
    for row in rows:
        print(
            f"{row.query:<24} {row.bytes:>10,} {row.requests:>8} "
            f"{row.ms_to_first_result:>6.0f} {row.ms_after_typing:>8.0f}  {row.first_result}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
