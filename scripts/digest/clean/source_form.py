"""Is a received text Markdown, or plain text (a PDF's extraction, a tidy .txt)?

The answer decides whether a text is parsed as Markdown (digest.clean.markdown)
or cleaned line by line (the rest of digest.clean). It is taken from evidence in
the text only, never from the file's name, so that a `.md` file that merely holds
extracted text is still cleaned and a Markdown text keeps its structure whatever
it is called. The evidence is kept, so the build can say why a text took its path.

Markdown is claimed on syntax that extracted text does not produce: a YAML front
matter block at the very start, ATX headings (``## 2. Methods``), Setext underlines,
footnote definitions (``[^1]: ...``), pandoc heading attributes (``{-}``), strong
emphasis (``**...**``), bullet items (``- ``). One heading alone is not enough (a
stray ``#`` line); a front matter block, two headings, or a heading with one other
kind of mark is. Bold phrases or bullets without a heading are not enough either.
A word processor's Markdown sets its headings as lines wholly in bold
(``**3. Where the Ledger Breaks**``) and escapes the punctuation that would start a
list (``1\\.``, ``\\(1\\)``): two such bold lines count as headings, and escapes are one
more kind of mark; extracted text has neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\n(?:[A-Za-z_][\w -]*:.*\n|[ \t-].*\n|[ \t]*\n)+?(?:---|\.\.\.)[ \t]*$",
    re.M,
)
# A heading's words: a "## 2016-04-08" or an equation's "=" line is no evidence.
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+[^\n]*?[A-Za-z]{2}", re.M)
# (The underlined line is checked for words afterwards: a pattern that looked for them
# before the line's end would try every split of a long line.)
_SETEXT = re.compile(r"^([^\s#>*+-][^\n]*)\n {0,3}(?:={3,}|-{3,})[ \t]*$", re.M)
_WORD = re.compile(r"[A-Za-z]{2}")
_FOOTNOTE = re.compile(r"^\[\^[^\]\s]+\]:\s", re.M)
_ATTRIBUTES = re.compile(r"^ {0,3}#{1,6}[ \t].*\{(?:-|#[\w-]+|\.[\w-]+)[^}]*\}[ \t]*$", re.M)
_BULLET = re.compile(r"^ {0,3}[-*+][ \t]+\S", re.M)
_STRONG = re.compile(r"(?<![\w*])\*\*[^*\n]+?\*\*(?![\w*])")
# A line wholly in bold, no sentence (a trailing backslash is a hard line break).
_BOLD_LINE = re.compile(r"^ {0,3}\*\*[^*\n]*[^*\s.:;,]\*\*[ \t]*\\?[ \t]*$", re.M)
# A backslash before the punctuation a Markdown writer escapes at a line's start.
_ESCAPE = re.compile(r"^ {0,3}(?:\d+\\[.)]|\\[(\[#*+-])", re.M)


# Bullet items ("- ", "* ") count as evidence from this many (one dash may open a line).
MIN_BULLETS = 2


@dataclass
class SourceForm:
    """Which reader a text goes to, and the evidence for it (empty for plain text)."""

    markdown: bool
    evidence: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """ "read as Markdown (YAML front matter, 6 ATX headings)" or "read as plain text"."""
        if not self.markdown:
            return "read as plain text"
        return f"read as Markdown ({', '.join(self.evidence)})"


def source_form(text: str) -> SourceForm:
    """Weigh the Markdown syntax a text shows; see the module docstring for the rule."""
    evidence: list[str] = []
    block = _FRONT_MATTER.match(text)
    front = block is not None
    if block is not None:
        evidence.append("YAML front matter")
        text = text[block.end() :]  # its closing "---" underlines no heading
    headings = len(_ATX.findall(text))
    if headings:
        evidence.append(_count(headings, "ATX heading"))
    setext = sum(1 for line in _SETEXT.findall(text) if _WORD.search(line))
    if setext:
        evidence.append(_count(setext, "Setext heading"))
    for pattern, name in ((_FOOTNOTE, "footnote definition"), (_ATTRIBUTES, "heading attribute")):
        found = len(pattern.findall(text))
        if found:
            evidence.append(_count(found, name))
    bullets = len(_BULLET.findall(text))
    if bullets >= MIN_BULLETS:
        evidence.append(_count(bullets, "bullet item"))
    strong = len(_STRONG.findall(text))
    if strong:
        evidence.append(_count(strong, "bold phrase"))
    bold_lines = len(_BOLD_LINE.findall(text))
    if bold_lines >= 2:
        evidence.append(_count(bold_lines, "bold line"))
    escapes = len(_ESCAPE.findall(text))
    if escapes:
        evidence.append(_count(escapes, "escaped marker"))
    all_headings = headings + setext + (bold_lines if bold_lines >= 2 else 0)
    kinds = len(evidence)
    markdown = front or all_headings >= 2 or (all_headings == 1 and kinds >= 2)
    return SourceForm(markdown, evidence if markdown else [])


def _count(number: int, name: str) -> str:
    return f"{number} {name}{'' if number == 1 else 's'}"
