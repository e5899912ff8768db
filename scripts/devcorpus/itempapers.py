"""Raw-text forms of the item corpus's papers (issue 13): ``make itemcorpus``.

    .venv/bin/python scripts/devcorpus/itempapers.py [--corpus tests/gold/itemcorpus]

Every paper of the item corpus is written by hand as ``paper.md`` with its gold
``items.yml``. This renders each ``paper.md`` to PDF with pandoc (LaTeX), in one of
several layouts (type size, margins, one or two columns, running heads and page
numbers), keeps it as ``paper.pdf`` (what a maintainer usually receives; the digest
reads a PDF by its layout) and extracts ``paper.txt`` with ``pdftotext``: the text a
user who only has that text would give the digest, with hard wraps, hyphenation and
page furniture. A paper whose text was extracted before its PDF was kept gets its PDF
rendered again; the text stays as it was scored, and a PDF that would not give the
same text is reported.

A paper with circled numbers is set with XeLaTeX in DejaVu Serif. A paper whose
text LaTeX cannot set without fonts this machine lacks (Chinese section numbers) is
instead wrapped and paginated here (layout ``wrapped``), as an extractor
would give it: lines of at most 80 characters, a running head and a page number per
page of 48 lines.

A new paper's layout is fixed by its position in the corpus and then recorded in
``layouts.yml``; a rerun renders only the papers without a ``paper.txt`` (``--all``
renders every one again, in its recorded layout, giving the same texts with the same
tool versions).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO / "tests" / "gold" / "itemcorpus"


@dataclass(frozen=True)
class PaperLayout:
    name: str
    fontsize: str
    margin: str
    twocolumn: bool = False
    running_head: bool = True
    engine: str = "pdflatex"


LAYOUTS: tuple[PaperLayout, ...] = (
    PaperLayout("journal-11pt", "11pt", "2.5cm"),
    PaperLayout("plain-12pt", "12pt", "3cm", running_head=False),
    PaperLayout("twocolumn-10pt", "10pt", "1.8cm", twocolumn=True),
    PaperLayout("narrow-10pt", "10pt", "2cm"),
    PaperLayout("xelatex-11pt", "11pt", "2.2cm", engine="xelatex"),
)
WRAPPED = "wrapped"
WRAP_WIDTH = 80
PAGE_LINES = 48


# The main font (DejaVu Serif) has no circled numbers: xelatex dropped "①" with only a
# warning, so a paper's PDF and text lost their run-in markers, which a published
# paper never does. They are set in DejaVu Sans, which has ① to ⑩ (U+2460-U+2469;
# no font here has ⑪ and above, which no paper of the corpus uses).
CIRCLED_FONT = "DejaVu Sans"


def _circled_numbers_from(font: str) -> list[str]:
    lines = ["\\usepackage{newunicodechar}", f"\\newfontfamily\\circledfont{{{font}}}"]
    lines += [
        f"\\newunicodechar{{{chr(c)}}}{{{{\\circledfont {chr(c)}}}}}" for c in range(0x2460, 0x246A)
    ]
    return lines


def _needs_cjk(text: str) -> bool:
    """Chinese characters, or the full-width punctuation of a Chinese word processor
    ("（1）", "：", "、"), which the TeX fonts here cannot set either."""
    return re.search(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]", text) is not None


def _title(text: str) -> str:
    if text.startswith("---\n"):
        front = yaml.safe_load(text.split("\n---\n", 1)[0][4:]) or {}
        return str(front.get("title") or "")
    return text.splitlines()[0].lstrip("# ")


# A year that a list item's wrapped text starts a line with ("   2020."): pandoc's
# Markdown reads it as a list nested in the item, numbered from 2020, and LaTeX cannot
# letter one so far ("Counter too large"); CommonMark, as the digest reads the paper,
# lets no such number interrupt a paragraph. Its stop is escaped for pandoc.
_YEAR_AT_LINE_START = re.compile(r"^(\s+)(\d{3,})\.(?=\s|$)", re.M)


def render_pdf(markdown: Path, pdf: Path, layout: PaperLayout) -> None:
    """pandoc -> LaTeX -> PDF; run-in "(1)" / "a." stay paragraphs (no fancy lists)."""
    text = markdown.read_text(encoding="utf-8")
    # A running head's short title: the title's words up to the first colon, at most
    # 40 characters (a longer one runs into the journal's name at the head's left).
    short = " ".join(_title(text).split(":")[0][:40].split()[:-1]).replace("&", "and")
    header = ["\\usepackage{fancyhdr}", "\\pagestyle{fancy}", "\\fancyhf{}"]
    if layout.running_head:
        header += [
            "\\fancyhead[L]{\\small\\itshape Journal of Grassroots Governance Studies}",
            f"\\fancyhead[R]{{\\small {short}}}",
        ]
    header.append("\\fancyfoot[C]{\\thepage}")
    if layout.engine == "xelatex":
        header += _circled_numbers_from(CIRCLED_FONT)
    with tempfile.TemporaryDirectory() as work:
        include = Path(work) / "header.tex"
        include.write_text("\n".join(header) + "\n", encoding="utf-8")
        source = Path(work) / "paper.md"
        source.write_text(_YEAR_AT_LINE_START.sub(r"\1\2\\.", text), encoding="utf-8")
        command = [
            "pandoc",
            str(source),
            "-f",
            "markdown-fancy_lists",
            "-o",
            str(pdf),
            f"--pdf-engine={layout.engine}",
            "-H",
            str(include),
            "-V",
            f"fontsize={layout.fontsize}",
            "-V",
            f"geometry:margin={layout.margin}",
        ]
        if layout.twocolumn:
            command += ["-V", "classoption=twocolumn"]
        if layout.engine == "xelatex":
            command += ["-V", "mainfont=DejaVu Serif"]
        subprocess.run(command, check=True, capture_output=True)


def extract(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    )
    return result.stdout.decode("utf-8")


def wrapped_text(markdown: str, running_head: str) -> str:
    """The paper as an extractor gives a typeset text: Markdown marks gone, paragraphs
    wrapped, a running head and a page number on every page."""
    body = markdown
    front: dict = {}
    if body.startswith("---\n"):
        head, body = body[4:].split("\n---\n", 1)
        front = yaml.safe_load(head) or {}
    lines: list[str] = []
    if front:
        lines += [str(front.get("title", "")), ""]
        authors = front.get("author") or []
        lines += [", ".join(authors) if isinstance(authors, list) else str(authors), ""]
        if front.get("abstract"):
            abstract = " ".join(str(front["abstract"]).split())
            lines += [*textwrap.wrap("Abstract: " + abstract, WRAP_WIDTH), ""]
        if front.get("keywords"):
            lines += ["Keywords: " + "; ".join(front["keywords"]), ""]
    for block in re.split(r"\n\s*\n", body.strip()):
        block = re.sub(r"\s*\{[-#.][^}]*\}\s*$", "", block.strip())
        block = re.sub(r"^#{1,6}\s+", "", block)
        block = re.sub(r"\*\*|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)", "", block)
        # A list's items each start a line, a bullet printed as typesetting prints it.
        items = re.split(r"\n(?=\s*(?:[-*+]|\d{1,2}[.)])\s)", block)
        for item in items:
            item = re.sub(r"^\s*[-*+]\s+", "• ", item)
            lines += textwrap.wrap(" ".join(item.split()), WRAP_WIDTH)
        lines.append("")
    pages = [lines[i : i + PAGE_LINES] for i in range(0, len(lines), PAGE_LINES)]
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        out += [running_head, "", *page, "", str(number), "\f"]
    return "\n".join(out)


# A pipe table's separator row ("|---|:--|"): pandoc sets the table as a longtable,
# which LaTeX cannot set in two columns.
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*\|", re.M)


def layout_for(position: int, markdown: str) -> str:
    if _needs_cjk(markdown):
        return WRAPPED
    if re.search(r"[\u2460-\u24ff]", markdown):
        return "xelatex-11pt"  # circled numbers: pdflatex has no glyph for them
    layout = LAYOUTS[position % len(LAYOUTS)]
    if layout.twocolumn and _TABLE_RULE.search(markdown):
        layout = LAYOUTS[(position + 1) % len(LAYOUTS)]
    return layout.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--all", action="store_true", help="render every paper again, not only those without"
    )
    args = parser.parse_args(argv)
    split = yaml.safe_load((args.corpus / "split.yml").read_text(encoding="utf-8"))
    papers = [*split["dev"], *split["test"]]
    layouts = {layout.name: layout for layout in LAYOUTS}
    # A paper keeps the layout it was given: adding papers must not re-lay the others.
    recorded = _recorded_layouts(args.corpus / "layouts.yml")
    record: dict[str, str] = {}
    differing: list[str] = []
    for position, paper in enumerate(papers):
        folder = args.corpus / paper
        markdown = (folder / "paper.md").read_text(encoding="utf-8")
        name = recorded.get(paper) or layout_for(position, markdown)
        record[paper] = name
        pdf = folder / "paper.pdf"
        has_text = (folder / "paper.txt").exists() and paper in recorded and not args.all
        if has_text and (name == WRAPPED or pdf.exists()):
            continue
        if name == WRAPPED:
            text = wrapped_text(markdown, "Journal of Grassroots Governance Studies")
        else:
            render_pdf(folder / "paper.md", pdf, layouts[name])
            text = extract(pdf)
        if has_text:
            # The PDF of a paper whose text was extracted earlier: the text stays as it
            # was scored; a PDF that no longer gives the same text is reported.
            if text != (folder / "paper.txt").read_text(encoding="utf-8"):
                differing.append(paper)
            continue
        (folder / "paper.txt").write_text(text, encoding="utf-8")
        print(f"{paper}: {name}", file=sys.stderr)
    for paper in differing:
        print(f"{paper}: paper.pdf does not give the paper.txt kept", file=sys.stderr)
    lines = ["# Layout of each paper's paper.txt (scripts/devcorpus/itempapers.py)."]
    lines += [f"{paper}: {name}" for paper, name in record.items()]
    (args.corpus / "layouts.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


def _recorded_layouts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    return {
        str(paper): str(name)
        for paper, name in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items()
    }


if __name__ == "__main__":
    sys.exit(main())
