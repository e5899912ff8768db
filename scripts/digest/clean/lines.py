"""Split a received text into numbered, whitespace-normalised lines.

Every later rule works on these lines, and each keeps the 1-based line number
of the source so that messages and anchors can point back at the raw file.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.clean.characters import normalise_characters
from digest.clean.columns import raw_pages, reading_order
from digest.clean.furniture import remove_furniture
from digest.clean.linenumbers import strip_line_numbers
from digest.clean.spacing import undouble
from digest.model import LineStyle

# Runs of odd or repeated spaces, each to be one space (a single space is left alone:
# replacing every space of every line with itself costs more than the rest of the line).
_SPACES = re.compile(
    r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
# A line this many times longer than three lines in four is two lines an extractor joined.
OVERFULL = 1.5
# Lines ending in a hyphen are a minority of a justified text, so are the lines joined.
MAX_JOINED_SHARE = 0.25
BREAK_MARK = "\ufffe"
_STRAY_BREAK_MARK = re.compile(r"\ufffe(?![A-Za-z])|(?<![A-Za-z])\ufffe")
# (A regex, not ``str.translate``, which looks every character of the text up.)
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")


@dataclass(frozen=True)
class Line:
    """One source line: text without outer spaces, its number, and its indent."""

    text: str
    number: int
    indent: int = 0
    page: int = 1  # from form feeds; 1 when the text has none
    # Two printed lines an extractor joined (pdfium's break mark was inside): its
    # length says nothing of how full a line is.
    joined: bool = False
    # The type the line is set in, when the source says (a PDF's lines): size in
    # points, 0 when unknown, and weight.
    size: float = 0.0
    bold: bool = False
    bold_words: int = 0  # words opening a plain line in bold (LineStyle.bold_words)
    italic: bool = False  # (LineStyle.italic)

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """The text's lines, normalised; see ``read_lines``."""
    return read_lines(text)[0]


def read_lines(text: str, styles: Sequence[LineStyle] = ()) -> tuple[list[Line], list[int]]:
    """Normalise line ends, odd spaces and invisible characters, keep numbering.

    PDF extraction leaves stray leading spaces, no-break spaces, soft hyphens,
    ligatures and full-width forms; none of them carries meaning, but the indent
    is kept because a wrapped reference continues on an indented line. Pages
    (form feeds) lose their running heads, feet and page numbers, and two-column
    pages are read column by column. Returns the lines and the source line numbers dropped as
    page furniture.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # pdfium marks a line-end hyphen with U+FFFE: a hyphen at a line's end; inside a line
    # (where it printed the two halves as one) it stays between the letters, for
    # ``digest.clean.hyphenation.mend_marked_breaks`` to judge with the vocabulary.
    text = _INVISIBLE.sub("", text.replace("\ufffe\n", "-\n"))
    if BREAK_MARK in text:
        text = _STRAY_BREAK_MARK.sub("", text)
    pages, furniture = remove_furniture(strip_line_numbers(raw_pages(text)), _display(styles))
    lines = []
    # (Lines that carry their type come from a PDF read by position: its columns are
    # resolved already, and a heading's hanging indent is no gutter.)
    ordered = [raw for page in pages for raw in page] if styles else reading_order(pages)
    for raw in ordered:
        # (Ligatures expand only now: in a text laid out by position, ``ﬁ`` takes one
        # column, and the columns are split by position.)
        line = normalise_characters(unicodedata.normalize("NFC", raw.text)).replace("\t", " ")
        stripped = _collapse_spaces(line.strip(" \t\u00a0\u3000"))
        indent = len(line) - len(line.lstrip(" \t\u00a0\u3000"))  # spaces, not collapsed
        style = styles[raw.number - 1] if raw.number <= len(styles) else LineStyle()
        lines.append(
            Line(
                stripped,
                raw.number,
                indent if stripped else 0,
                raw.page,
                size=style.size if stripped else 0.0,
                bold=style.bold and bool(stripped),
                bold_words=style.bold_words if stripped else 0,
                italic=style.italic and bool(stripped),
            )
        )
    lines = undouble(lines)
    while lines and lines[-1].blank:
        lines.pop()
    return lines, sorted({raw.number for raw in furniture})


# The spaces of ``_SPACES`` other than the plain one and the tab (none is ASCII).
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _collapse_spaces(text: str) -> str:
    """Each run of spaces one plain space; most lines have none to collapse, and
    plain string tests say so faster than the regex finds it."""
    if "  " in text or "\t" in text or (not text.isascii() and _ODD_SPACE.search(text)):
        return _SPACES.sub(" ", text)
    return text


# Type this many points larger than the body's is a heading's or a title's, never a
# running head's.
DISPLAY_STEP = 0.5


def _display(styles: Sequence[LineStyle]) -> frozenset[int]:
    """Source lines set larger than the body text (the size most lines are set in)."""
    sizes = Counter(style.size for style in styles if style.size)
    if not sizes:
        return frozenset()
    body = sizes.most_common(1)[0][0]
    return frozenset(
        number for number, style in enumerate(styles, start=1) if style.size >= body + DISPLAY_STEP
    )


def typical_width(lines: list[Line]) -> int:
    """The width a hard-wrapped text fills: the 90th percentile of line lengths.

    Justified PDF lines cluster just under the column width; the percentile
    ignores headings, short paragraph ends and the odd overfull line. Lines much
    longer than most are left out first: an extractor that undoes
    hyphenation joins the two lines it mends into one (``pdftotext``), and a
    text with many of those would otherwise seem twice as wide as it is.
    """
    # A line holding pdfium's break mark is two printed lines joined: not a width.
    lengths = sorted(len(line.text) for line in lines if line.text and BREAK_MARK not in line.text)
    if not lengths:
        return 0
    usual = lengths[int(0.75 * (len(lengths) - 1))]
    fitting = [length for length in lengths if length <= OVERFULL * usual]
    if len(lengths) - len(fitting) <= MAX_JOINED_SHARE * len(lengths):
        lengths = fitting  # a few joined lines; many long ones are the text's own width
    return lengths[int(0.9 * (len(lengths) - 1))]
