"""The layouts: document class, engine, numbering scheme, running heads, margins, fonts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    engine: str  # pdflatex | xelatex | pandoc (pdflatex) | pandoc-xelatex
    docclass: str = "article"
    options: str = "11pt,a4paper"
    scheme: str = "arabic-dot"  # see render.heading_label
    fonts: str = ""  # extra font packages (pdflatex) or fontspec lines (xelatex)
    geometry: str = ""  # \usepackage[...]{geometry} options, empty for the class default
    pagestyle: str = "plain"  # plain | journal | authors | chapter | lastpage | xhead | koma
    twocolumn: bool = False
    abstract: bool = True
    footnotes: int = 3
    long_headings: bool = False
    docs: int = 3  # documents made in this layout

    @property
    def is_pandoc(self) -> bool:
        return self.engine.startswith("pandoc")


LAYOUTS: list[Layout] = [
    Layout(
        "article-11pt-plain",
        "article 11pt, Computer Modern (OT1), LaTeX default numbering 1 / 1.1, "
        "page number centred in the foot",
        "pdflatex",
        scheme="latex-default",
        docs=4,
    ),
    Layout(
        "article-10pt-twocolumn",
        "article 10pt twocolumn, Latin Modern (T1), numbering 1. / 1.1, "
        "title and abstract spanning both columns",
        "pdflatex",
        options="10pt,a4paper,twocolumn",
        fonts="\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}",
        twocolumn=True,
        docs=4,
    ),
    Layout(
        "fancyhdr-journal-roman",
        "article 11pt, Times, fancyhdr running head (journal name left, short title right) "
        "and page number in the foot, roman sections I. / A.",
        "pdflatex",
        fonts="\\usepackage[T1]{fontenc}\n\\usepackage{mathptmx}",
        scheme="roman",
        pagestyle="journal",
        docs=4,
    ),
    Layout(
        "fancyhdr-twocolumn-letters",
        "article 10pt twocolumn, Times, fancyhdr running head (authors left, short title right), "
        "'Page N' in the foot, sections A. / A.1",
        "pdflatex",
        options="10pt,letterpaper,twocolumn",
        fonts="\\usepackage[T1]{fontenc}\n\\usepackage{mathptmx}",
        geometry="margin=0.75in",
        scheme="letters",
        pagestyle="authors",
        twocolumn=True,
    ),
    Layout(
        "wide-margins-12pt-paren",
        "article 12pt, geometry with wide margins (narrow text block, many hyphens), "
        "sections 1. and subsections (1)",
        "pdflatex",
        options="12pt,a4paper",
        fonts="\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}",
        geometry="left=1.8in,right=1.8in,top=1.2in,bottom=1.2in",
        scheme="paren",
        docs=4,
    ),
    Layout(
        "narrow-margins-10pt-unnumbered",
        "article 10pt, geometry with narrow margins (long lines), unnumbered \\section*, "
        "page number centred in the foot",
        "pdflatex",
        options="10pt,a4paper",
        geometry="margin=0.6in",
        scheme="unnumbered",
    ),
    Layout(
        "report-chapters",
        "report 11pt, 'Chapter N' headings (number and title on two lines), sections N.1, "
        "fancyhdr with the chapter mark (upper case) as running head, page numbers in the foot",
        "pdflatex",
        docclass="report",
        options="11pt,a4paper,openany",
        fonts="\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}",
        scheme="chapter",
        pagestyle="chapter",
        docs=4,
    ),
    Layout(
        "long-headings-footnotes",
        "article 11pt, long headings that wrap (1. / 1.1), many footnotes",
        "pdflatex",
        fonts="\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}",
        geometry="margin=1.3in",
        footnotes=7,
        long_headings=True,
    ),
    Layout(
        "lastpage-roman-noabstract",
        "article 11pt, no abstract, centred journal running head, 'Page N of M' foot, "
        "roman sections I. / A.",
        "pdflatex",
        geometry="margin=1in",
        scheme="roman",
        pagestyle="lastpage",
        abstract=False,
    ),
    Layout(
        "xelatex-fancyhdr",
        "XeLaTeX article 11pt (Latin Modern OpenType), short title and page number in the head, "
        "journal name in the foot, numbering 1. / 1.1",
        "xelatex",
        pagestyle="xhead",
        long_headings=True,
    ),
    Layout(
        "xelatex-twocolumn-unnumbered",
        "XeLaTeX article 10pt twocolumn, unnumbered headings, page number centred in the foot",
        "xelatex",
        options="10pt,a4paper,twocolumn",
        geometry="margin=0.8in",
        scheme="unnumbered",
        twocolumn=True,
    ),
    Layout(
        "pandoc-default",
        "pandoc Markdown -> PDF with the default LaTeX template (pdflatex), --number-sections "
        "(1 / 1.1), abstract from the metadata",
        "pandoc",
        scheme="latex-default",
        docs=4,
    ),
    Layout(
        "pandoc-xelatex-12pt",
        "pandoc Markdown -> PDF with --pdf-engine=xelatex, 12pt, 1in margins, unnumbered headings",
        "pandoc-xelatex",
        options="12pt",
        geometry="margin=1in",
        scheme="unnumbered",
    ),
    Layout(
        "koma-scrartcl",
        "KOMA-Script scrartcl 11pt (sans-serif headings), scrlayer-scrpage running head "
        "(short title / journal), page number centred in the foot, numbering 1 / 1.1",
        "pdflatex",
        docclass="scrartcl",
        fonts="\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}",
        scheme="latex-default",
        pagestyle="koma",
        long_headings=True,
    ),
]

BY_NAME = {layout.name: layout for layout in LAYOUTS}
