"""The verbatim text of a source as an HTML page of its own (``sources/NAME.html``).

The raw copy (``sources/NAME.txt``) stays downloadable, but a server that sends a .txt
file without a charset makes browsers read UTF-8 as Latin-1 (“ shows as â€œ) and shows
lines of thousands of characters unwrapped on a phone. The page declares UTF-8 in a
``<meta charset>`` (which no server can take away), wraps the lines, follows the reader's
light or dark setting, and requests nothing from anywhere: its style is inline. It is a
standalone page, not one of the site's: the theme would add navigation and search to a
text that is data, and Pagefind indexes only the site's own pages (data-pagefind-body).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import quote

STYLE = """
:root { color-scheme: light dark; }
body { margin: 0 auto; padding: 1rem; max-width: 48rem;
  font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial,
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  background: #ffffff; color: #1f1f1f; }
nav { font-size: 0.9rem; margin-bottom: 1rem; }
nav a { display: inline-flex; align-items: center; min-height: 24px; }
a { color: #c62828; }
h1 { font-size: 1.2rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
p.note { color: #545454; font-size: 0.9rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: 0; }
@media (prefers-color-scheme: dark) {
  body { background: #1e2129; color: #e2e4e9; }
  a { color: #ff8a80; }
  p.note { color: #b4b8c2; }
}
"""


def source_page_path(published: Path) -> Path:
    """``sources/x.txt`` -> ``sources/x.html`` (``sources/x.md.txt`` -> ``sources/x.md.html``)."""
    return published.with_suffix(".html")


def render_source_page(name: str, published: bytes, raw_name: str, paper: tuple[str, str]) -> str:
    """The page of source ``name``: ``published`` (its bytes on the site, UTF-8) in full,
    a link to the raw file ``raw_name`` (beside the page) and to its paper's page
    (``paper``: id, title)."""
    text = published.decode("utf-8", errors="replace")
    paper_id, title = paper
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(name)}: verbatim source of {escape(title)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        '<nav aria-label="Breadcrumb"><a href="../">Home</a> › <a href="../papers/">Papers</a>'
        f' › <a href="../papers/{escape(quote(paper_id), quote=True)}/">{escape(title)}</a>'
        " › Source</nav>\n"
        f"<h1>{escape(name)}</h1>\n"
        f'<p class="note">The text of this source as received, unchanged. '
        f'<a href="{escape(quote(raw_name), quote=True)}" download>Download the raw file</a> '
        f"({len(published):,} bytes, UTF-8).</p>\n"
        f"<pre>{escape(text, quote=False)}</pre>\n"
        "</body>\n</html>\n"
    )
