"""Printed lines of a PDF, from its characters: text, position, font size and weight.

pdfium (pypdfium2) gives every character with its box, baseline origin and font; a
line is a run of characters on one baseline, read in the order the PDF draws them.
A gap wider than a few spaces ends the run too: two columns, or a table's cells,
drawn side by side on one baseline are separate lines, for the page layout to place.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from dataclasses import dataclass, field

# A character this far (share of the font size) off the line's baseline starts a new
# line; superscript marks and subscripts sit closer than this.
BASELINE_SHIFT = 0.6
# A gap this many font sizes wide inside a baseline separates two printed lines.
COLUMN_GAP = 1.5
# Weights and font names that mark bold type (pdfium gives -1 when it cannot tell).
BOLD_WEIGHT = 600
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi", "cmbx", "cmb10", "-bx")
# Font names and the descriptor's flag (bit 7) that mark italic or slanted type.
ITALIC_NAMES = ("italic", "oblique", "cmti", "cmsl", "slanted")
ITALIC_FLAG = 0x40
# A line is italic when at least this share of its letters are.
ITALIC_SHARE = 0.8
# pdfium's code for a hyphen it found at a line's end.
_HYPHEN_MARKS = {0x02, 0xFFFE}
_LINE_ENDS = {0x0A, 0x0D}
_SPACES = {0x09, 0x20, 0xA0}


@dataclass
class PrintedLine:
    """One line as printed: its text and where and how it stands on the page.

    ``top`` and ``bottom`` count down from the top of the page; ``size`` and
    ``bold`` are the type most of its letters are set in.
    """

    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    text: str
    size: float
    bold: bool
    # Opens with a raised mark: a footnote's number, as notes are printed.
    marked: bool = False
    # How many words open the line in bold, when the line is not bold by most of its
    # letters: a run-in label shorter than its line. 0 otherwise.
    bold_words: int = 0
    # Set in italic or slanted type by (nearly) all its letters.
    italic: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class PrintedPage:
    number: int
    width: float
    height: float
    lines: list[PrintedLine] = field(default_factory=list)


@dataclass
class _Run:
    """Characters gathered into a line so far."""

    chars: list[str] = field(default_factory=list)
    # Per character: its size and baseline (a space: those of the character before).
    sizes: list[float] = field(default_factory=list)
    baselines: list[float] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    baseline: float = 0.0
    size: float = 0.0
    styles: Counter = field(default_factory=Counter)
    bolds: list[bool] = field(default_factory=list)  # per character (a space: False)
    italics: list[bool] = field(default_factory=list)  # per character (a space: False)


def read_pages(document: object) -> list[PrintedPage]:
    """Every page's printed lines, in the order the PDF draws them."""
    import pypdfium2.raw as pdfium_c

    pages = []
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    x, y = ctypes.c_double(), ctypes.c_double()
    box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
    fonts: dict[tuple[bytes, int, int], tuple[bool, bool]] = {}  # (name, weight, flags)
    for number, page in enumerate(document, start=1):  # type: ignore[call-overload]
        width, height = page.get_size()
        printed = PrintedPage(number, width, height)
        textpage = page.get_textpage()
        run = _Run()
        high: int | None = None
        try:
            for index in range(textpage.count_chars()):
                code = pdfium_c.FPDFText_GetUnicode(textpage, index)
                if code in _LINE_ENDS:
                    continue
                if code in _SPACES:
                    if run.chars and run.chars[-1] != " ":
                        run.chars.append(" ")
                        run.sizes.append(run.sizes[-1])
                        run.baselines.append(run.baselines[-1])
                        run.bolds.append(False)
                        run.italics.append(False)
                    continue
                if code in _HYPHEN_MARKS:
                    code = ord("-")
                elif 0xD800 <= code <= 0xDBFF:
                    high = code  # the first half of a character beyond U+FFFF
                    continue
                elif 0xDC00 <= code <= 0xDFFF:
                    if high is None:
                        continue
                    code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                elif code < 0x20:
                    continue  # a control code: no character
                high = None
                pdfium_c.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
                pdfium_c.FPDFText_GetCharBox(
                    textpage, index, *(ctypes.byref(value) for value in box)
                )
                left, right, bottom, top = (value.value for value in box)
                size = pdfium_c.FPDFText_GetFontSize(textpage, index) or (top - bottom)
                baseline = height - y.value
                if run.chars and (
                    abs(baseline - run.baseline) > BASELINE_SHIFT * max(size, run.size)
                    or x.value < run.x1 - 2 * size
                    or x.value > run.x1 + COLUMN_GAP * max(size, run.size)
                ):
                    _close(run, printed)
                    run = _Run()
                pdfium_c.FPDFText_GetFontInfo(textpage, index, name, len(name), ctypes.byref(flags))
                weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
                font = (name.value, weight, flags.value)
                if font not in fonts:
                    fonts[font] = _is_bold(name.value, weight), _is_italic(name.value, flags.value)
                bold, italic = fonts[font]
                if not run.chars:
                    run.x0, run.top, run.bottom = left, height - top, height - bottom
                    run.baseline, run.size = baseline, size
                run.chars.append(chr(code))
                run.bolds.append(bold)
                run.italics.append(italic)
                run.sizes.append(size)
                run.baselines.append(baseline)
                run.x1 = max(run.x1, right)
                run.top = min(run.top, height - top)
                run.bottom = max(run.bottom, height - bottom)
                run.styles[(round(size, 1), bold)] += 1
                if size > run.size and abs(baseline - run.baseline) < 1:
                    run.size = size
            _close(run, printed)
        finally:
            textpage.close()
            page.close()
        pages.append(printed)
    return pages


# A superscript (a note's mark) is set this much smaller than its line and raised this
# share of the line's size above its baseline.
SUPERSCRIPT_SIZE = 0.85
SUPERSCRIPT_RISE = 0.15


def _is_bold(name: bytes, weight: int) -> bool:
    font = name.decode("latin-1").lower()
    return weight >= BOLD_WEIGHT or any(mark in font for mark in BOLD_NAMES)


def _is_italic(name: bytes, flags: int) -> bool:
    font = name.decode("latin-1").lower()
    return bool(flags & ITALIC_FLAG) or any(mark in font for mark in ITALIC_NAMES)


def _close(run: _Run, page: PrintedPage) -> None:
    if not run.chars:
        return
    (size, bold), _ = run.styles.most_common(1)[0]
    run.baseline = _main_baseline(run, size)
    raised = _raised(run, size)
    text = _with_marks_apart(run, raised).strip()
    if not text:
        return
    marked = raised[0] and run.chars[0].isdigit()
    words = 0 if bold else _bold_words(run)
    page.lines.append(
        PrintedLine(
            page.number,
            run.x0,
            run.x1,
            run.top,
            run.bottom,
            run.baseline,
            text,
            size,
            bold,
            marked,
            words,
            _is_italic_run(run),
        )
    )


def _is_italic_run(run: _Run) -> bool:
    letters = [
        italic for char, italic in zip(run.chars, run.italics, strict=True) if char.isalpha()
    ]
    return bool(letters) and sum(letters) >= ITALIC_SHARE * len(letters)


def _bold_words(run: _Run) -> int:
    """How many whole words open the run in bold type (0 when the first is plain)."""
    words, inside, all_bold = 0, False, True
    for char, bold in zip(run.chars, run.bolds, strict=True):
        if char == " ":
            if inside:
                if not all_bold:
                    return words
                words += 1
            inside, all_bold = False, True
            continue
        inside = True
        all_bold = all_bold and bold
    return words if not inside or not all_bold else words + 1


def _main_baseline(run: _Run, size: float) -> float:
    """The baseline of the line's own type (not of a mark raised above it)."""
    baselines = Counter(
        round(baseline, 1)
        for baseline, char_size in zip(run.baselines, run.sizes, strict=True)
        if abs(char_size - size) < 0.05
    )
    return baselines.most_common(1)[0][0] if baselines else run.baseline


def _raised(run: _Run, main: float) -> list[bool]:
    """Which of the run's characters are superscripts (``main``: the line's size; its
    baseline is ``run.baseline``)."""
    baseline = run.baseline
    return [
        char_size <= SUPERSCRIPT_SIZE * main and baseline - char_base >= SUPERSCRIPT_RISE * main
        for char_size, char_base in zip(run.sizes, run.baselines, strict=True)
    ]


def _with_marks_apart(run: _Run, raised: list[bool]) -> str:
    """The run's text, a space after a superscript mark that a word follows at once.

    A note's mark is drawn right against the next word ("absorption.2In"); set apart,
    it reads as the cleaner reads a mark. A mark opening the line is the note's own
    label, left glued to its text ("2The survey ...") as extractors print it: that is
    how the cleaner knows a superscript label."""
    out: list[str] = []
    for index, char in enumerate(run.chars):
        mark_ends = index and raised[index - 1] and not raised[index] and char.isalnum()
        if mark_ends and not all(raised[:index]):
            out.append(" ")
        out.append(char)
    return "".join(out)
