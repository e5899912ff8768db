"""Headings and their levels from the type lines are set in (PDF sources).

Where a source says what type each line is set in, a heading is what the type
sets apart, not what its wording suggests: a short block of lines larger than the
body text, or bold where the body is not. Its level is the rank of its type among
the headings' types, the largest first, bold before regular at one size. The
paper's title and its authors' names are set large too, but once, before the body:
a type counts as a heading's only when some block in it stands after the body has
begun. A number set apart from its title ("Chapter 2" over "Methods") is one
heading with the title under it, at the number's level.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from digest.clean.labels import label_for_heading, match_label
from digest.clean.lines import Line
from digest.clean.lists import list_marker
from digest.clean.numbering import parse_number
from digest.clean.paragraphs import ITEM_MARKER
from digest.clean.sentences import ends_sentence

# A heading block has at most this many lines and words.
MAX_BLOCK_LINES = 4
MAX_BLOCK_WORDS = 24
# Larger than the body by at least this many points.
MIN_SIZE_STEP = 0.5
# The body has begun at the first run of this many body-type lines.
BODY_RUN = 3

Style = tuple[float, bool]


@dataclass
class TypesetHeading:
    """A heading the type marks: its lines (source numbers), title and level."""

    lines: list[int]
    text: str
    level: int


def typeset_headings(lines: list[Line]) -> dict[int, TypesetHeading] | None:
    """Each heading by the source number of its first line; None when the lines carry
    no type (a text source), for the cleaner to find headings by their shape."""
    if not any(line.size for line in lines):
        return None
    body = _body_style(lines)
    blocks = _blocks(lines, body)
    start = _body_start(lines, body)
    position = {id(line): index for index, line in enumerate(lines)}

    def under(block: list[Line]) -> int | None:
        """The index of the first printed line under the block."""
        start = position[id(block[-1])] + 1
        return next((i for i in range(start, len(lines)) if not lines[i].blank), None)

    first = next((line for line in lines if not line.blank), None)
    merged = [
        block for block in _merge_numbers(blocks) if not _runs_on_below(block, lines, under(block))
    ]
    # (A label set as a heading, "References" in a chapter's type, ranks nothing.)
    styles = {
        _style(block[0])
        for block in merged
        if block[0].number > start and _is_heading_block(block) and not _is_label(block)
    }
    ranked = sorted(styles, key=lambda style: (-style[0], not style[1]))
    ranks = {style: rank for rank, style in enumerate(ranked)}
    chosen = [
        block
        for block in merged
        if _style(block[0]) in ranks
        and _is_heading_block(block)
        and not _is_run_in_label(block, body)
        and not (block[0] is first and _is_title(block, lines, under(block)))
    ]
    # One type may serve two levels, told apart by their numbers ("B." over "B.1").
    keys = {id(block): (ranks[_style(block[0])], _depth(block)) for block in chosen}
    # Under them all, a line alone in italic body type (a sub-heading some styles set so).
    for block in _italic_headings(lines, body, start):
        chosen.append(block)
        keys[id(block)] = (len(ranked), 1)
    chosen.sort(key=lambda block: block[0].number)
    levels = {key: level for level, key in enumerate(sorted(set(keys.values())), start=1)}
    found: dict[int, TypesetHeading] = {}
    for block in chosen:
        text = " ".join(line.text for line in block)
        level = levels[keys[id(block)]]
        found[block[0].number] = TypesetHeading([line.number for line in block], text, level)
    return found


# An italic sub-heading holds at most this many words.
MAX_ITALIC_WORDS = 12


def _italic_headings(lines: list[Line], body: Style, start: int) -> list[list[Line]]:
    """Lines set in italic body type, each alone between blank lines, short, no sentence
    and no caption, with body text under them, after the body has begun and before the
    reference list ("Land left behind, land not yet handed over" over its paragraph).
    A quotation or an emphasised sentence ends on its stop and stays a paragraph."""
    found: list[list[Line]] = []
    if body[1] or not any(line.italic for line in lines):
        return found  # (most PDFs: no line to look at, and no label to match)
    for index, line in enumerate(lines):
        label = match_label(line.text) if line.text else None
        if label is not None and label.kind == "references":
            break
        if not line.italic or line.bold or line.number <= start:
            continue
        if abs(line.size - body[0]) >= MIN_SIZE_STEP:
            continue
        before = lines[index - 1] if index else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if (before is not None and not before.blank) or after is None or not after.blank:
            continue
        under = next((other for other in lines[index + 1 :] if not other.blank), None)
        if under is None or under.italic or _style(under) != body:
            continue
        text = line.text.strip()
        if (
            len(text.split()) > MAX_ITALIC_WORDS
            or re.search(r"[.,;:!”\"’)]$", text)
            or not re.match(r"[A-Z0-9(]", text)
            or ITEM_MARKER.match(text)
            or list_marker(text, ordered=False)
        ):
            continue
        found.append([line])
    return found


def _is_title(block: list[Line], lines: list[Line], after: int | None) -> bool:
    """The document's first lines (``block``), unnumbered, set in a heading's type, with
    a byline standing apart or the abstract's label under them (at ``after``): the
    paper's title (preprints set it as a section's heading), for the front matter to
    read, not a section. (A first heading the body follows at once, "Introduction", is a
    section.)"""
    if after is None or parse_number(block[0].text) or _is_label(block):
        return False
    # (A byline stands apart: a blank line under it.)
    byline = after + 1 < len(lines) and lines[after + 1].blank
    return byline or match_label(lines[after].text) is not None


def _runs_on_below(block: list[Line], lines: list[Line], after: int | None) -> bool:
    """The block's sentence goes on in the line under it (at ``after``), which opens in
    lower case: a bold run-in label longer than its line ("Make the branch the leader of
    the shareholding" over "cooperative. The branch secretary ..."), not a heading."""
    if after is None or ends_sentence(block[-1].text) or parse_number(block[0].text):
        return False  # (a number makes a heading, if one run in to its text)
    text = lines[after].text.lstrip()
    # ("a. Select ...", "i) Responsibilities ...": an item under a heading.)
    return text[:1].islower() and not ITEM_MARKER.match(text)


def _is_run_in_label(block: list[Line], body: Style) -> bool:
    """A sentence in bold body type, unnumbered, closed by a full stop: a run-in label
    that happens to fill its lines ("Membership files stay in home villages while
    drivers spend months on the road." over "A driver's Party membership ..."), which
    opens its paragraph, as its fellows do that run on into their text. (Headings do
    not end in a full stop; a bigger type is a heading's whatever its stop.)"""
    text = " ".join(line.text for line in block).rstrip()
    same_size = abs(block[0].size - body[0]) < MIN_SIZE_STEP
    return same_size and block[0].bold and not parse_number(text) and text.endswith(".")


def _is_label(block: list[Line]) -> bool:
    text = " ".join(line.text for line in block)
    return match_label(text) is not None or label_for_heading(text) is not None


def _depth(block: list[Line]) -> int:
    """How deep a numbered heading's number goes ("2.1" is 2); 1 without a path number."""
    numbered = parse_number(block[0].text)
    if numbered is None or not numbered[0].is_path:
        return 1
    return len(numbered[0].values)


def _style(line: Line) -> Style:
    return (line.size, line.bold)


def _body_style(lines: list[Line]) -> Style:
    """The type most letters are set in."""
    counts: Counter[Style] = Counter()
    for line in lines:
        if line.size:
            counts[_style(line)] += len(line.text)
    return counts.most_common(1)[0][0]


def _stands_out(line: Line, body: Style) -> bool:
    size, bold = body
    return line.size >= size + MIN_SIZE_STEP or (
        line.bold and not bold and line.size >= size - MIN_SIZE_STEP
    )


def _blocks(lines: list[Line], body: Style) -> list[list[Line]]:
    """Runs of lines in one type that stands out from the body's (blank lines between
    a block's lines allowed; a numbered line starts a block of its own)."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            continue
        if not _stands_out(line, body):
            if current:
                blocks.append(current)
            current = []
            continue
        if current and (_style(line) != _style(current[-1]) or parse_number(line.text)):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _body_start(lines: list[Line], body: Style) -> int:
    """The source number of the first line of the first run of body-type lines."""
    run: list[Line] = []
    for line in lines:
        if line.blank:
            continue
        if _style(line) == body:
            run.append(line)
            if len(run) >= BODY_RUN:
                return run[0].number
        else:
            run = []
    return 0


def _merge_numbers(blocks: list[list[Line]]) -> list[list[Line]]:
    """A block holding a section number alone takes the block right under it."""
    merged: list[list[Line]] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and _number_alone(previous)
            and block[0].number - previous[-1].number <= 3
        ):
            previous.extend(block)
        else:
            merged.append(list(block))
    return merged


def _number_alone(block: list[Line]) -> bool:
    text = " ".join(line.text for line in block)
    numbered = parse_number(text)
    return numbered is not None and not numbered[1]


def _is_heading_block(block: list[Line]) -> bool:
    """Short, and no running sentence: a heading, not an emphasised passage, nor a bold
    run-in label and the first words of its paragraph on one line ("Placing the
    committee at the centre. The reform works because"), nor a list item whose bold
    lead makes most of its line bold ("• Residents are seldom asked. Some")."""
    text = " ".join(line.text for line in block)
    if len(block) > MAX_BLOCK_LINES or len(text.split()) > MAX_BLOCK_WORDS:
        return False
    if list_marker(text, ordered=False):
        return False
    numbered = parse_number(text)
    title = numbered[1] if numbered else text
    if _RUN_ON.search(title):
        return False
    if numbered and title.rstrip().endswith("?") and not re.search(r"[.?!]\s", title):
        return True  # ("3. What Goes Wrong Between the Pond and the Market?": one question)
    return not (ends_sentence(text) and text.count(". ") >= 1)


# A full stop inside the line and a sentence going on after it, if only by one word
# (or half of one) that ends the line.
_RUN_ON = re.compile(r"[a-z)”\"][.]\s+[A-Z“\"][\w’'-]*(?:[,;]?\s+\S|\s*$)")
