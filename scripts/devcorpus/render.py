"""Write one document three ways: gold body Markdown, LaTeX source, pandoc Markdown source.

Gold conventions (see README, "Development corpus for cleaning"):

* the body starts at the first body heading; title, authors, affiliations, date,
  abstract, keywords, running heads, page numbers and the reference list are not in it;
* level-1 headings are ``## <number> <title>``, level-2 ``### <number> <title>``, the
  number as printed (``1.``, ``1.1``, ``I.``, ``A.``, ``A.1``, ``(1)``, ``Chapter 2``;
  a bare top-level ``1`` is written ``1.``, the digest's form) or absent when unnumbered;
* one paragraph per block, blank-line separated, words joined by single spaces, words
  hyphenated at line ends joined again (hyphens that are part of a word kept);
* bulleted lists ``- item``, numbered lists ``1. item``, block quotes ``> text``;
* table and figure captions are paragraphs as printed (``Table 1. ...``, ``Figure 1. ...``);
  table cells and the (empty) figure box are not body text;
* footnotes: ``[^n]`` where the mark is printed, ``[^n]: text`` blocks after the body.
"""

from __future__ import annotations

import json

from .layouts import Layout
from .model import BulletList, Document, Figure, Heading, Note, NumberedList, Para, Quote, Table


def roman(number: int) -> str:
    values = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def alpha(number: int) -> str:
    return chr(ord("A") + number - 1)


def heading_label(scheme: str, level: int, section: int, sub: int) -> str | None:
    """A heading's number in the gold, or None when unnumbered.

    As printed, except that a bare top-level arabic number (``1 Introduction``, the
    LaTeX and pandoc default) is written ``1.`` as the digest renders it.
    """
    if scheme == "unnumbered":
        return None
    table = {
        "latex-default": (f"{section}.", f"{section}.{sub}"),
        "arabic-dot": (f"{section}.", f"{section}.{sub}"),
        "roman": (f"{roman(section)}.", f"{alpha(sub)}." if sub else ""),
        "letters": (f"{alpha(section)}.", f"{alpha(section)}.{sub}"),
        "paren": (f"{section}.", f"({sub})"),
        "chapter": (f"Chapter {section}", f"{section}.{sub}"),
    }
    return table[scheme][level - 1]


def numbered_headings(doc: Document, scheme: str) -> list[tuple[Heading, str]]:
    """Each heading with its full gold text (number and title)."""
    out: list[tuple[Heading, str]] = []
    section = sub = 0
    for block in doc.blocks:
        if not isinstance(block, Heading):
            continue
        if block.level == 1:
            section, sub = section + 1, 0
        else:
            sub += 1
        label = heading_label(scheme, block.level, section, sub)
        out.append((block, f"{label} {block.text}" if label else block.text))
    return out


def inline_gold(spans: list[str | Note], notes: list[Note]) -> str:
    parts = []
    for span in spans:
        if isinstance(span, Note):
            notes.append(span)
            parts.append(f"[^{len(notes)}]")
        else:
            parts.append(span)
    return "".join(parts)


def markdown_block(block: object, notes: list[Note]) -> str | None:
    """A paragraph, list or quotation as Markdown, the same in the gold and the pandoc
    source; None for the blocks each writes its own way (headings, tables, figures)."""
    if isinstance(block, Para):
        return inline_gold(block.spans, notes)
    if isinstance(block, BulletList):
        return "\n".join(f"- {item}" for item in block.items)
    if isinstance(block, NumberedList):
        return "\n".join(f"{i}. {item}" for i, item in enumerate(block.items, 1))
    if isinstance(block, Quote):
        return f"> {block.text}"
    return None


def gold_markdown(doc: Document, layout: Layout) -> str:
    titles = {id(h): text for h, text in numbered_headings(doc, layout.scheme)}
    notes: list[Note] = []
    out: list[str] = []
    for block in doc.blocks:
        shared = markdown_block(block, notes)
        if shared is not None:
            out.append(shared)
        elif isinstance(block, Heading):
            out.append("#" * (block.level + 1) + " " + titles[id(block)])
        elif isinstance(block, Table | Figure):
            out.append(block.caption)
    out.extend(f"[^{i}]: {note.text}" for i, note in enumerate(notes, 1))
    return "\n\n".join(out) + "\n"


# --------------------------------------------------------------------------- LaTeX

_TEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def tex(text: str) -> str:
    return "".join(_TEX_ESCAPES.get(ch, ch) for ch in text)


def caption_text(caption: str) -> str:
    """'Table 1. Foo' -> 'Foo' (LaTeX prints the label itself)."""
    return caption.split(". ", 1)[1]


SCHEME_PREAMBLE = {
    "latex-default": "",
    "unnumbered": "",
    "arabic-dot": r"""\usepackage{titlesec}
\titleformat{\section}{\normalfont\Large\bfseries}{\thesection.}{0.6em}{}""",
    "roman": r"""\usepackage{titlesec}
\renewcommand\thesection{\Roman{section}}
\renewcommand\thesubsection{\Alph{subsection}}
\titleformat{\section}{\normalfont\large\bfseries}{\thesection.}{0.6em}{}
\titleformat{\subsection}{\normalfont\normalsize\bfseries\itshape}{\thesubsection.}{0.5em}{}""",
    "letters": r"""\usepackage{titlesec}
\renewcommand\thesection{\Alph{section}}
\renewcommand\thesubsection{\thesection.\arabic{subsection}}
\titleformat{\section}{\normalfont\large\bfseries}{\thesection.}{0.6em}{}""",
    "paren": r"""\usepackage{titlesec}
\renewcommand\thesubsection{(\arabic{subsection})}
\titleformat{\section}{\normalfont\Large\bfseries}{\thesection.}{0.6em}{}""",
    "chapter": r"""\counterwithout{footnote}{chapter}
\counterwithout{table}{chapter}
\counterwithout{figure}{chapter}""",
}


def short_authors(doc: Document) -> str:
    surname = doc.authors[0].split()[-1]
    return surname if len(doc.authors) == 1 else f"{surname} et al."


def pagestyle_preamble(layout: Layout, doc: Document) -> str:
    journal, short, authors = tex(doc.journal), tex(doc.short_title), tex(short_authors(doc))
    fancy = "\\usepackage{fancyhdr}\n\\pagestyle{fancy}\n\\fancyhf{}\n"
    styles = {
        "plain": "",
        "journal": fancy + f"\\fancyhead[L]{{\\small\\itshape {journal}}}\n"
        f"\\fancyhead[R]{{\\small {short}}}\n\\fancyfoot[C]{{\\thepage}}",
        "authors": fancy + f"\\fancyhead[L]{{\\small {authors}}}\n"
        f"\\fancyhead[R]{{\\small\\itshape {short}}}\n\\fancyfoot[R]{{\\small Page \\thepage}}",
        "chapter": fancy + f"\\fancyhead[L]{{\\small\\leftmark}}\n"
        f"\\fancyhead[R]{{\\small {journal}}}\n\\fancyfoot[C]{{\\thepage}}",
        "lastpage": "\\usepackage{lastpage}\n" + fancy + f"\\fancyhead[C]{{\\small {journal}, "
        f"Vol. {doc.seed % 30 + 3}, No. {doc.seed % 4 + 1}}}\n"
        "\\fancyfoot[C]{Page \\thepage\\ of \\pageref{LastPage}}",
        "xhead": fancy + f"\\fancyhead[L]{{\\small {short}}}\n\\fancyhead[R]{{\\thepage}}\n"
        f"\\fancyfoot[C]{{\\footnotesize {journal}}}",
        "koma": "\\usepackage[automark]{scrlayer-scrpage}\n\\clearpairofpagestyles\n"
        f"\\ihead{{{short}}}\n\\ohead{{{journal}}}\n\\cfoot*{{\\pagemark}}",
    }
    return styles[layout.pagestyle]


def latex_inline(spans: list[str | Note]) -> str:
    return "".join(
        f"\\footnote{{{tex(span.text)}}}" if isinstance(span, Note) else tex(span) for span in spans
    )


def latex_body(doc: Document, layout: Layout) -> list[str]:
    star = "*" if layout.scheme == "unnumbered" else ""
    level_cmd = (
        {1: "chapter", 2: "section"}
        if layout.scheme == "chapter"
        else {
            1: "section",
            2: "subsection",
        }
    )
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(f"\\{level_cmd[block.level]}{star}{{{tex(block.text)}}}")
        elif isinstance(block, Para):
            out.append(latex_inline(block.spans))
        elif isinstance(block, BulletList | NumberedList):
            env = "itemize" if isinstance(block, BulletList) else "enumerate"
            items = "\n".join(f"  \\item {tex(item)}" for item in block.items)
            out.append(f"\\begin{{{env}}}\n{items}\n\\end{{{env}}}")
        elif isinstance(block, Quote):
            out.append(f"\\begin{{quote}}\n{tex(block.text)}\n\\end{{quote}}")
        elif isinstance(block, Table):
            rows = [" & ".join(tex(cell) for cell in row) + r" \\" for row in block.rows]
            body = "\n".join([r"\hline", rows[0], r"\hline", *rows[1:], r"\hline"])
            out.append(
                "\\begin{table}[H]\n\\centering\n"
                f"\\caption{{{tex(caption_text(block.caption))}}}\n"
                f"\\begin{{tabular}}{{lrr}}\n{body}\n\\end{{tabular}}\n\\end{{table}}"
            )
        elif isinstance(block, Figure):
            out.append(figure_tex(block))
    return out


def figure_tex(block: Figure) -> str:
    return (
        "\\begin{figure}[H]\n\\centering\n"
        "\\fbox{\\begin{minipage}[c][3cm][c]{0.8\\linewidth}\\hfill\\end{minipage}}\n"
        f"\\caption{{{tex(caption_text(block.caption))}}}\n\\end{{figure}}"
    )


def references_tex(doc: Document, layout: Layout) -> str:
    star_cmd = "\\section*" if layout.scheme != "chapter" else "\\chapter*"
    items = "\n".join(f"\\item {tex(ref)}" for ref in doc.references)
    return (
        f"{star_cmd}{{References}}\n"
        "\\begin{list}{}{\\setlength{\\leftmargin}{1.5em}\\setlength{\\itemindent}{-1.5em}"
        "\\setlength{\\itemsep}{2pt}}\n"
        f"{items}\n\\end{{list}}"
    )


def front_tex(doc: Document, layout: Layout) -> tuple[str, str]:
    """(\\title/\\author/\\date definitions, the commands that print title and abstract)."""
    authors = ", ".join(tex(a) for a in doc.authors)
    affiliations = "".join(f"\\\\ {{\\small {tex(a)}}}" for a in doc.affiliations)
    defs = (
        f"\\title{{{tex(doc.title)}}}\n\\author{{{authors}{affiliations}}}\n"
        f"\\date{{{tex(doc.date)}}}"
    )
    keywords = "\\noindent\\textbf{Keywords:} " + "; ".join(tex(k) for k in doc.keywords)
    abstract = "\n\n".join(tex(p) for p in doc.abstract)
    if not layout.abstract:
        return defs, "\\maketitle"
    if layout.twocolumn:
        block = (
            "\\twocolumn[{\\csname @maketitle\\endcsname\n"
            "\\begin{center}\\begin{minipage}{0.86\\textwidth}\\small\n"
            f"\\textbf{{Abstract.}} {abstract}\n\n\\smallskip\n{keywords}\n"
            "\\end{minipage}\\end{center}\\bigskip}]\n\\thispagestyle{plain}"
        )
        return defs, block
    return defs, (
        f"\\maketitle\n\\begin{{abstract}}\n{abstract}\n\n\\smallskip\n{keywords}\n\\end{{abstract}}"
    )


def latex_source(doc: Document, layout: Layout) -> str:
    lines = [f"\\documentclass[{layout.options}]{{{layout.docclass}}}"]
    if layout.engine == "xelatex":
        lines.append("\\usepackage{fontspec}")
    if layout.fonts:
        lines.append(layout.fonts)
    if layout.geometry:
        lines.append(f"\\usepackage[{layout.geometry}]{{geometry}}")
    lines += [
        "\\usepackage{float}",
        "\\usepackage{caption}",
        "\\captionsetup{labelsep=period}",
    ]
    if SCHEME_PREAMBLE[layout.scheme]:
        lines.append(SCHEME_PREAMBLE[layout.scheme])
    style = pagestyle_preamble(layout, doc)
    if style:
        lines.append(style)
    defs, front = front_tex(doc, layout)
    lines += [defs, "\\begin{document}", front, ""]
    lines.append("\n\n".join(latex_body(doc, layout)))
    if doc.references:
        lines += ["", references_tex(doc, layout)]
    lines += ["", "\\end{document}", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- pandoc


def pandoc_source(doc: Document, layout: Layout) -> str:
    header = [
        "\\usepackage{float}",
        "\\usepackage{caption}",
        "\\captionsetup{labelsep=period}",
    ]
    abstract = "\n\n".join(doc.abstract) + "\n\n**Keywords:** " + "; ".join(doc.keywords)
    meta = {
        "title": doc.title,
        "author": [
            f"{a}" + (f" ({doc.affiliations[i]})" if i < len(doc.affiliations) else "")
            for i, a in enumerate(doc.authors)
        ],
        "date": doc.date,
        "abstract": abstract,
        "header-includes": header,
    }
    if "pt" in layout.options:
        meta["fontsize"] = layout.options.split(",")[0]
    if layout.geometry:
        meta["geometry"] = layout.geometry
    yaml = "\n".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()
    )
    out = [f"---\n{yaml}\n---"]
    notes: list[Note] = []
    unnumbered = " {-}" if layout.scheme == "unnumbered" else ""
    for block in doc.blocks:
        shared = markdown_block(block, notes)
        if shared is not None:
            out.append(shared)
        elif isinstance(block, Heading):
            out.append("#" * block.level + f" {block.text}{unnumbered}")
        elif isinstance(block, Table):
            head, *rows = block.rows
            lines = ["| " + " | ".join(head) + " |", "|:--|--:|--:|"]
            lines += ["| " + " | ".join(row) + " |" for row in rows]
            out.append("\n".join(lines) + f"\n\n: {caption_text(block.caption)}")
        elif isinstance(block, Figure):
            out.append(figure_tex(block))
    if doc.references:
        out.append("# References {-}")
        out.extend(doc.references)
    out.extend(f"[^{i}]: {note.text}" for i, note in enumerate(notes, 1))
    return "\n\n".join(out) + "\n"
