"""Rebuild paragraphs from hard-wrapped lines.

Three signals decide whether a line break is a paragraph break:
- a blank line ends a paragraph only if the line before it ends a sentence
  (otherwise it is a page break in mid-sentence);
- without a blank line, a line that ends a sentence ends the paragraph when the
  next line's first word would have fitted on it (with a 5% margin): justified text only leaves
  such room at a paragraph's last line. Texts with no blank lines at all (many
  PDF extractions) are split this way, against their own typical width;
- after a sentence's end, a change of indent (a layout-preserving extraction's
  indented first lines) begins a paragraph;
- an item marker (`1)`) or a run-in heading at a line start begins a paragraph, and
  after a sentence's end so does a numbered item (`2. Keep ...`);
- a caption ("Table 2.", "Figure 1.") is a paragraph of its own.
"""

from __future__ import annotations

import re

from digest.clean.hyphenation import Vocabulary, join_hyphenated
from digest.clean.lines import Line
from digest.clean.lists import list_marker, ordered_items
from digest.clean.sentences import ends_sentence, first_word, starts_lowercase
from digest.clean.tables import is_caption

# An item's marker at a paragraph's start: "(1)", "1)", "①", "a." or "(a)" before a
# capital (a lower-case letter and a full stop before a capital is no prose).
ITEM_MARKER = re.compile(
    r"^([\u2460-\u2473]|\(?\d{1,2}\)(?=\s)|\(?[a-h]\)(?=\s+[A-Z“\"])|[a-h]\.(?=\s+[A-Z“\"])"
    # (a full-width bracket keeps its own space: "（1）Young painters have drifted ...")
    r"|（\d{1,2}）(?=\s*[A-Z“\"])"
    # lower-case roman numbers: "i.", "(ii)", "iii)"
    r"|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)](?=\s+[A-Z“\"]))"
    r"\s*(?=\S)"
)
# After a sentence's end, "2. Keep ..." opens a numbered item (its number is no year:
# a year does not start a line after a full stop, in a sentence that begins there).
NUMBERED_ITEM = re.compile(r"^\d{1,2}\.\s+[A-Z]")
# A short sentence opening a line: the shape of a run-in head ("Style construction.").
# Justified lines vary by a few characters in a proportional font; a line must
# leave clearly more room than that before we call it a paragraph's last line.
FIT_MARGIN = 0.95
# A sentence's end followed by a line indented this many spaces more (or less) than
# its own: a new paragraph, in a layout-preserving extraction.
MIN_INDENT_STEP = 2
# An indented block has at least this many lines (a paragraph's first line is one).
MIN_BLOCK_LINES = 3
# A line shorter than this share of the width is no line a page break cut.
SHORT_LINE = 0.5
# Up to seven words ("Integrate party building into service projects."): across the
# 288 texts of the cleaning corpus, allowing seven rather than five changed no
# paragraph, and it found two more items in the dev item papers.
# (A comma may part the words after the first: "Combining law, morality and autonomy.";
# not the first word itself: "However, it failed." is a clause.)
RUN_IN_AT_START = re.compile(r"^([A-Z][\w’'-]*(?: [\w’'-]+(?:,(?= ))?){0,6})\.\s+[A-Z“\"]")
# A label closed by a dash or a colon ("Few Party members among the large growers —
# Most ...", "Goodwill without a mechanism: in-service members ..."): a head too.
LABEL_AT_START = re.compile(r"^[A-Z][\w’'-]*(?: [\w’'-]+){0,6}(?:\s?[—–]\s|:\s)\S")
# A run-in head's sibling may be longer ("Logistics services do not reach the last
# kilometre."): after a paragraph that opened with a run-in head, a line opening with a
# sentence of up to twelve words opens the next item.
SIBLING_AT_START = re.compile(r"^([A-Z][\w’'-]*(?: [\w’'-]+){0,11})\.\s+[A-Z“\"]")
# A sentence opening on one of these is prose ("This is true."), no head of a series.
# (Fewer words than compare.extract's prose openings: there a headline must be an item's
# label; here a head only decides where a paragraph breaks.)
_PRONOUN_OPENINGS = frozenset("this these that those it they there we here such".split())


def assemble_paragraphs(lines: list[Line], width: int, vocabulary: Vocabulary) -> list[Line]:
    """Group lines into paragraphs; each result is one Line holding a whole paragraph,
    indented when the paragraph is a block quote (see ``_quote_indent``)."""
    groups: list[list[Line]] = []
    blank_before = False
    items = ordered_items(lines)
    widths = _indented_widths(lines)
    for position, line in enumerate(lines):
        if line.blank:
            blank_before = bool(groups)
            continue
        item = position in items or bool(list_marker(line.text, ordered=False))
        # A caption is a block of its own, and all of its lines (the tables stage puts
        # a caption's lines between blank lines).
        in_caption = bool(groups) and is_caption(groups[-1][0].text)
        if in_caption and not blank_before and not is_caption(line.text):
            groups[-1].append(line)
            continue
        caption = is_caption(line.text) or in_caption
        # Inside an indented block (a block quote) lines fill the block's width.
        fill = widths.get(position, width)
        if (
            not groups
            or item
            or caption
            or _breaks(groups[-1][-1], line, blank_before, fill, groups[-1][0])
        ):
            groups.append([line])
        else:
            groups[-1].append(line)
        blank_before = False
    base = _usual_indent(lines)
    return [
        Line(join_lines(group, vocabulary), group[0].number, _quote_indent(group, base))
        for group in groups
    ]


def _usual_indent(lines: list[Line]) -> int:
    """The text's own left edge: the least indent of its lines."""
    return min((line.indent for line in lines if not line.blank), default=0)


def _quote_indent(group: list[Line], base: int) -> int:
    """A block set in from the text's edge, all its lines alike (a block quote): their
    indent; else 0. A paragraph's indented first line alone is no quote."""
    indents = {line.indent for line in group}
    if len(group) < MIN_BLOCK_LINES - 1 or len(indents) != 1:
        return 0
    indent = indents.pop()
    return indent if indent - base >= MIN_INDENT_STEP else 0


def _indented_widths(lines: list[Line]) -> dict[int, int]:
    """For each line of a run of lines indented alike (a block quote in a layout-
    preserving extraction), the run's own width: its longest line."""
    widths: dict[int, int] = {}
    run: list[int] = []
    for position, line in enumerate([*lines, Line("", 0)]):
        indented = not line.blank and line.indent >= MIN_INDENT_STEP
        if indented and run and line.indent == lines[run[-1]].indent:
            run.append(position)
            continue
        if len(run) >= MIN_BLOCK_LINES:
            longest = max(len(lines[index].text) for index in run)
            widths.update(dict.fromkeys(run[1:], longest))  # its first line follows prose
        run = [position] if indented else []
    return widths


def _breaks(previous: Line, line: Line, blank_between: bool, width: int, opening: Line) -> bool:
    """Does ``line`` start a new paragraph after ``previous``, in the paragraph that
    ``opening`` opened?"""
    marker = ITEM_MARKER.match(line.text)
    if marker:
        # "...: (1) funds are fragmented;" / "(2) community workers are ...": items
        # counted inside one sentence, which a line happened to start with a number.
        inside = previous.text.endswith(";") and starts_lowercase(line.text[marker.end() :])
        return not inside
    ended = ends_sentence(previous.text)
    if blank_between:
        # A page break cuts a sentence after a full line; a short line before a blank
        # ends its block (a title, a label) even without a full stop.
        short = bool(width) and len(previous.text) < SHORT_LINE * width
        return (ended or short) and not starts_lowercase(line.text)
    if not ended:
        return False
    if previous.text.endswith(":") and line.text[:1].isupper():
        # A lead-in ("... described the routine as follows:") and a new sentence: the
        # quotation or list it leads in to, whose indent the extractor lost.
        return True
    if NUMBERED_ITEM.match(line.text):
        return True  # "1. Save the raw data ...": an item of a list whose items are long
    if abs(line.indent - previous.indent) >= MIN_INDENT_STEP:
        return True  # a paragraph's indented first line, or a block quote's start or end
    if len(previous.text) + 1 + len(first_word(line.text)) <= width * FIT_MARGIN:
        return True
    if RUN_IN_AT_START.match(line.text) and not RUN_IN_AT_START.match(previous.text):
        return True
    if LABEL_AT_START.match(line.text) and first_word(line.text).lower() not in _PRONOUN_OPENINGS:
        return True
    return (
        opening is not previous
        and _heads(RUN_IN_AT_START, opening.text)
        and _heads(SIBLING_AT_START, line.text)
    )


def _heads(pattern: re.Pattern[str], text: str) -> bool:
    """Does ``text`` open with a head-like sentence (``pattern``), not a prose one?"""
    return bool(pattern.match(text)) and first_word(text).lower() not in _PRONOUN_OPENINGS


_ENDS_HYPHENATED = re.compile(r"[A-Za-z]-$")
# (Searched in the last three characters: a match ends there, and the line's length
# is no cost.)
_ENDS_IN_RANGE = re.compile(r"\d[-–]$")


def join_lines(lines: list[Line], vocabulary: Vocabulary) -> str:
    """Join wrapped lines with single spaces, mending hyphens and dashes at the joins."""
    # Pieces are collected and joined once: growing one string and searching its end
    # with a regex would cost time quadratic in the paragraph's length.
    pieces: list[str] = []
    for line in lines:
        piece = line.text
        last = pieces[-1] if pieces else ""
        if not pieces:
            pieces.append(piece)
        elif _ENDS_HYPHENATED.search(last[-2:]) and piece[:1].isalpha():
            pieces[-1] = join_hyphenated(last, piece, vocabulary)
        elif last.endswith(("—", "/")) or piece.startswith("—"):
            pieces[-1] = last + piece
        elif _ENDS_IN_RANGE.search(last[-3:]) and piece[:1].isdigit():
            pieces[-1] = last + piece  # a number range broken at its dash: "257–" "260."
        else:
            pieces.append(piece)
    return " ".join(pieces)
