"""Screenshots of every page type of the built site, for a person to look at.

    python scripts/screenshots.py [SITE] [OUT]     (make screenshots: site/ into
                                                    build/screenshots/)

Serves SITE (default site/) on a local port and writes OUT/<page>-<width>-<scheme>.png
for each page type below at 1280x800 and 390x844, in the light and the dark palette:
the viewport's first screen, and a full-page shot of the pages whose layout is the point
(tables, heatmap). Needs Playwright and Debian's chromium (make test installs both).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from digest.evaluation.search_payload import serve

SIZES = {"wide": (1280, 800), "phone": (390, 844)}
SCHEMES = ("light", "dark")


def page_types(site: Path) -> dict[str, str]:
    """One URL (from the site's root) per page type, picked from what the build wrote."""

    def first(pattern: str) -> str | None:
        found = sorted(site.glob(pattern))
        return found[0].relative_to(site).as_posix() if found else None

    paper = first("papers/*/index.html")
    theme = first("compare/themes/*/index.html")
    letter = first("bibliography/?/index.html")
    entry = first("bibliography/?/*/index.html")
    source = first("sources/*.html")
    picked = {
        "home": "index.html",
        "papers-index": "papers/index.html",
        "paper": paper,
        # A passage reached from a table's cell (the shot follows the first cell's link).
        "paper-target": "compare/problems/index.html",
        "compare": "compare/index.html",
        "compare-problems": "compare/problems/index.html",
        "compare-paths": "compare/paths/index.html",
        "compare-gaps": "compare/gaps/index.html",
        "compare-theme": theme,
        "bibliography": "bibliography/index.html",
        "bibliography-letter": letter,
        "bibliography-entry": entry,
        "map": "map/index.html",
        "health": "health/index.html",
        "about": "about/index.html",
        "source": source,
    }
    return {
        name: url for name, url in picked.items() if url and (site / url.split("#")[0]).exists()
    }


# Page types shot whole as well as their first screen.
FULL_PAGE = {"compare", "compare-problems", "compare-gaps", "compare-theme"}


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    out = Path(argv[2] if len(argv) > 2 else "build/screenshots")
    if not (site / "index.html").exists():
        print(f"{site}/index.html is missing: build the site first (make site)")
        return 1
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    pages = page_types(site)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for size, (width, height) in SIZES.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                tab = context.new_page()
                for name, url in pages.items():
                    tab.goto(f"{base}/{url}", wait_until="networkidle")
                    if name == "paper-target":
                        tab.click(".digest-compare tbody td a[href*='#']")
                        tab.wait_for_load_state("networkidle")
                    stem = f"{name}-{size}-{scheme}"
                    tab.screenshot(path=out / f"{stem}.png")
                    if name in FULL_PAGE:
                        tab.screenshot(path=out / f"{stem}-full.png", full_page=True)
                context.close()
        browser.close()
    print(f"{len(list(out.glob('*.png')))} screenshots in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
