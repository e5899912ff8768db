"""LaTeX back to text, the way the BibTeX writer's escapes mean it (for round-trip tests)."""

from __future__ import annotations

from pylatexenc.latex2text import (
    LatexNodes2Text,
    MacroTextSpec,
    SpecialsTextSpec,
    get_default_latex_context_db,
)


def _decoder() -> LatexNodes2Text:
    """pylatexenc, taught the text commands the writer uses, keeping the dash and quote
    ligatures as typed (the writer leaves them to LaTeX on purpose, see bibtex.py)."""
    db = get_default_latex_context_db()
    db.add_context_category(
        "digest-bibtex",
        prepend=True,
        macros=[
            MacroTextSpec("textbraceleft", "{"),
            MacroTextSpec("textbraceright", "}"),
            MacroTextSpec("textasciicircum", "^"),
            MacroTextSpec("textasciitilde", "~"),
            MacroTextSpec("textless", "<"),
            MacroTextSpec("textgreater", ">"),
            MacroTextSpec("textbackslash", "\\"),
        ],
        specials=[SpecialsTextSpec(chars, chars) for chars in ("--", "---", "``", "''")],
    )
    return LatexNodes2Text(latex_context=db, strict_latex_spaces=True)


DECODER = _decoder()


def unlatex(value: str) -> str:
    """The text a LaTeX-escaped BibTeX value stands for."""
    return DECODER.latex_to_text(value)
