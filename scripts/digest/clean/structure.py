"""Cut a text's lines into parts: labels, numbered headings, and runs of text.

This is the only place that walks the whole text in order; the rules it
consults (labels, headings) each live in their own module.
"""

from __future__ import annotations

import re

from digest.clean.headings import (
    MAX_TITLE_WORDS,
    continues_heading,
    format_number,
    is_capitals_title,
    is_heading_title,
    is_incomplete,
    is_title_case,
    is_title_like,
)
from digest.clean.hyphenation import Vocabulary
from digest.clean.labels import label_for_heading, match_label
from digest.clean.levels import is_outline_section, level_by_spacing, level_unnumbered
from digest.clean.lines import Line
from digest.clean.lists import list_marker, ordered_items
from digest.clean.numbering import Outline, SectionNumber, parse_number
from digest.clean.paragraphs import SHORT_LINE, join_lines
from digest.clean.parts import HeadingPart, LabelPart, Part, TextPart
from digest.clean.sentences import (
    FUNCTION_OPENERS,
    ends_sentence,
    first_sentence,
    first_word,
    opening_capitals,
    set_in_capitals,
    starts_lowercase,
)
from digest.clean.tables import is_caption
from digest.clean.typography import TypesetHeading
from digest.model import Heading

# A heading line at least this long (share of the longest wrapped heading line) is full;
# one much longer than it (this share) did not wrap where the text's headings do.
FULL_HEADING = 0.9
OVERLONG_HEADING = 1.25
# A heading's title an extractor printed on one line may be this many times as long
# as the text's lines (a long title in Title Case).
LONG_TITLE = 2.0
# Keywords run on for at most this many lines after their label.
MAX_KEYWORD_LINES = 2
# An unnumbered heading in sentence case ("Social interaction") has at most this many
# words; longer lines in sentence case are prose, a caption or a list item.
SENTENCE_CASE_WORDS = 4
# Up to this many when the line fills less than half the text's width: "Branch members
# left before the workers" over a long line of prose (a run of short lines in a narrow
# column, where any line of prose is short, does not qualify).
LONG_SENTENCE_CASE_WORDS = 8
# A sentence-case title of up to this many words (a comma allowed: "Absent villagers,
# present investors") when its line stops short of this share of the text's width.
STOPPED_SENTENCE_CASE_WORDS = 12
STOPPED_SHORT = 0.85
# A title after a lone section number may close on a full stop when it is this short.
SHORT_TITLE_WORDS = 6
# A heading line this long (share of the text's width) may wrap onto the next line even
# across a blank line, which some extractors put between a block's lines.
WRAPPING_HEADING = 0.45


def segment(
    lines: list[Line],
    width: int,
    vocabulary: Vocabulary,
    *,
    unnumbered: bool = False,
    numbers: bool | None = None,
    typeset: dict[int, TypesetHeading] | None = None,
) -> list[Part]:
    """Cut the lines into parts. ``unnumbered`` also takes short title lines standing
    between paragraphs for headings: for texts whose sections carry no numbers, or
    only some. ``numbers``: whether numbered lines may be headings (by default not
    with ``unnumbered``: in a text without an outline, a line that starts with a
    number is no heading). ``typeset``: the headings the type marks (a PDF's), by
    their first line; then they are the headings, and no other line is."""
    if numbers is None:
        numbers = not unnumbered
    parts: list[Part] = []
    text = TextPart()
    outline = Outline()
    outline.first_printed = {
        numbered[0].scheme
        for line in lines
        if (numbered := parse_number(line.text)) is not None
        and numbered[0].values == (1,)
        and is_heading_title(numbered[1])
    }
    keys: list[tuple[int, str]] = []  # (level, key part) of the open headings, for anchors
    in_references = False
    body_started = False
    # With an abstract or keywords label, the body starts after it; else at the first
    # full line (a two-column paper's title and abstract run across both columns,
    # longer than the text's own lines).
    labelled_front = any(
        (label := match_label(line.text)) is not None and label.kind in ("abstract", "keywords")
        for line in lines
    )
    list_lines = ordered_items(lines)  # "1." "2." "3." close together: a list's items
    # (numbered lines left out: a heading run in to its text is what they are read for)
    openers = opening_capitals([line.text for line in lines if parse_number(line.text) is None])
    measure = _heading_measure(lines, width) if unnumbered else 0

    def flush() -> None:
        nonlocal text
        if any(not line.blank for line in text.lines):
            parts.append(text)
        text = TextPart()

    typeset_lines = {number for heading in (typeset or {}).values() for number in heading.lines}

    def emit(number: SectionNumber, title: str, line_number: int, level: int | None = None) -> None:
        outline_level = outline.accept(number)
        level = outline_level if level is None else level
        title = title.rstrip(".").strip() if title.endswith(".") else title
        while keys and keys[-1][0] >= level:
            keys.pop()
        keys.append((level, key_part(number.printed)))
        key = None if number.is_path else "s-" + "-".join(part for _, part in keys)
        # ("2" and "2." print alike as "2."; "§4.1" keeps its sign.)
        arabic = number.scheme == "path" and not number.printed.startswith("§")
        printed = format_number(number.values) if arabic else number.printed
        parts.append(HeadingPart(Heading(level, title, printed, line_number, key=key)))

    def as_label_part(title: str, line_number: int) -> bool:
        """A heading that is a label ("References", "Acknowledgements") becomes one."""
        nonlocal in_references
        as_label = label_for_heading(title)
        if as_label is None:
            return False
        parts.append(LabelPart(as_label, line_number))
        in_references = as_label.kind == "references"
        return True

    # Numbered Title Case lines the outline did not take yet (a heading printed out of
    # order), by their numbers' values: (line, number, title).
    orphans: dict[tuple[int, ...], tuple[Line, SectionNumber, str]] = {}

    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.blank:
            text.lines.append(line)
            continue
        label = match_label(line.text)
        if label is not None and not (in_references and label.rest):
            flush()
            parts.append(LabelPart(label, line.number))
            in_references = label.kind == "references"
            body_started = body_started or label.kind in ("abstract", "keywords")
            if label.rest:
                text.lines.append(Line(label.rest, line.number))
            continue
        if typeset is not None:
            if line.number in typeset:
                heading = typeset[line.number]
                own = [other for other in lines if other.number in heading.lines]
                title = join_lines([Line(other.text, 0) for other in own], vocabulary)
                flush()
                if as_label_part(title, line.number):
                    continue
                numbered = parse_number(title)
                if numbered is not None and numbered[1]:
                    emit(numbered[0], numbered[1], line.number, heading.level)
                else:
                    parts.append(HeadingPart(Heading(heading.level, title, None, line.number)))
                continue
            if line.number not in typeset_lines:
                text.lines.append(line)
            continue
        numbered = None if in_references or not numbers else parse_number(line.text)
        if (
            numbered is not None
            and (
                outline.accepts(numbered[0])
                or (outline.accepts_skipping(numbered[0]) and is_title_like(numbered[1]))
                or (
                    outline.accepts_after_lost(numbered[0])
                    and is_title_like(numbered[1])
                    and _outline_goes_on(numbered[0], lines, index)
                )
            )
            and is_heading_title(numbered[1])
            and not _list_item(numbered[1], line, lines, index, list_lines)
        ):
            number, title = numbered
            start = index
            last_line = line.text
            if not title:  # the number stands alone; the title is on the next line
                following = _title_line(lines, index, width)
                if following is None:
                    text.lines.append(line)
                    continue
                index, title = following
                last_line = title
            after_fragment = title.endswith(":")  # (a subtitle's words may follow alone)
            while index < len(lines):
                following = index
                long_line = bool(width) and len(last_line) >= WRAPPING_HEADING * width
                if lines[following].blank and (
                    is_incomplete(last_line)
                    or long_line
                    or _title_fragment(lines, following + 1, after_fragment)
                ):
                    following += 1  # an extractor's blank line inside a wrapped heading
                if _title_fragment(lines, following, after_fragment):
                    after_fragment = True
                elif (
                    following >= len(lines)
                    or not continues_heading(last_line, lines[following], width)
                    or _first_of_sub_headings(last_line, lines, following, width)
                ):
                    break
                last_line = lines[following].text
                title = join_lines([Line(title, 0), Line(last_line, 0)], vocabulary)
                index = following + 1
            if (is_incomplete(title) and not is_title_like(title)) or _sentence_goes_on(
                title, lines, index
            ):
                # Prose that runs on past its line ("... account of Party building
                # offered by"): a numbered sentence or list item, not a heading;
                # unless a heading runs in to it ("5.1.2 Forming a council A council").
                index = start
                run_in = _run_in_heading(numbered, outline, text, openers)
                if run_in is not None:
                    flush()
                    emit(run_in[0], run_in[1], line.number)
                    text.lines.append(Line(run_in[2], line.number))
                    continue
                text.lines.append(line)
                continue
            flush()
            if as_label_part(title, line.number):
                continue
            parent = _lost_parent(number, outline, orphans)
            if parent is not None:
                # The section's own heading stood out of order (a two-column page
                # read across): it moves to just before its first sub-section.
                orphan, orphan_number, orphan_title = orphans.pop(parent)
                for part in [*parts, text]:
                    if isinstance(part, TextPart) and orphan in part.lines:
                        part.lines.remove(orphan)
                emit(orphan_number, orphan_title, orphan.number)
            emit(number, title, line.number)
            continue
        run_in = _run_in_heading(numbered, outline, text, openers)
        if run_in is not None:
            # "A. Allocation Problem. The Title I of the ...": the heading and the
            # first line of its section's text share the line.
            run_in_number, run_in_title, rest = run_in
            flush()
            emit(run_in_number, run_in_title, line.number)
            text.lines.append(Line(rest, line.number))
            continue
        if (
            numbered is not None
            and numbered[1]
            and numbered[0].is_path
            and is_heading_title(numbered[1])
            and is_title_case(numbered[1])
        ):
            orphans.setdefault(numbered[0].values, (line, numbered[0], numbered[1]))
        if width and len(line.text) >= width * 0.9 and not labelled_front:
            body_started = True  # prose has begun: no more title page lines
        shaped = unnumbered and body_started and not in_references
        # A label's first lines are its text ("Acknowledgments" / "We are grateful to
        # Arjun Raj (University of ..."), however many names capitalise them.
        shaped = shaped and (
            not _label_awaits_text(parts, text) or _section_under_label(parts, line, width)
        )
        if shaped and looks_like_unnumbered_heading(
            lines, index - 1, width, fresh=_right_after_heading(parts, text)
        ):
            start = index
            title = last_line = line.text
            # (A line pdfium joined from two printed ones is no measure of fullness.)
            fill = 0 if line.joined else width
            while index < len(lines) and continues_heading(
                last_line, lines[index], fill, loose=False
            ):
                last_line = lines[index].text
                title = join_lines([Line(title, 0), lines[index]], vocabulary)
                index += 1
            if title == line.text and _fills_heading_line(lines, index - 1, width, measure):
                title = join_lines([Line(title, 0), lines[index]], vocabulary)
                index += 1
            if is_incomplete(title) and not set_in_capitals(title):
                # Still going on where its lines end ("... for their feedback on"): a
                # sentence full of names, not a title. (A title set in capitals is
                # one, whatever its last word: "KEEPING THE WALLED CITY LIVED IN".)
                index = start
                text.lines.append(line)
                continue
            if _stacked_wrap(parts, text, line, width, vocabulary, title):
                continue
            flush()
            parts.append(HeadingPart(Heading(1, title, None, line.number)))
            continue
        text.lines.append(line)
    flush()
    if unnumbered:
        level_unnumbered(parts)
        level_by_spacing(parts, {line.number: line.page for line in lines})
    return parts


def _lost_parent(
    number: SectionNumber,
    outline: Outline,
    orphans: dict[tuple[int, ...], tuple[Line, SectionNumber, str]],
) -> tuple[int, ...] | None:
    """The values of a section whose first sub-section ``number`` is, when that section
    has not been seen in order but its heading stood earlier, out of order."""
    if not number.is_path or len(number.values) < 2 or number.values[-1] != 1:
        return None
    parent = number.values[:-1]
    previous = outline.last.get(number.scheme)
    if previous is not None and previous[: len(parent)] == parent:
        return None  # the section was seen
    return parent if parent in orphans else None


# A run-in title at most this long ("A. Allocation Problem. The Title I of ..."); a
# longer Title Case sentence at the head of a numbered line is a list item's.
MAX_RUN_IN_WORDS = 6


# A heading's words set apart from it are this many at most.
MAX_FRAGMENT_WORDS = 4


# How far below a numbered heading its unnumbered sub-headings are looked for (lines).
SUB_HEADING_REACH = 400


def _first_of_sub_headings(heading: str, lines: list[Line], index: int, width: int) -> bool:
    """Is the Title Case line at ``index``, right under a numbered heading it could
    continue, rather the first of the section's unnumbered sub-headings ("V. Paths for
    Village Branches" / "Optimizing the Structure of Branch Members" / prose ... /
    "Strengthening the Training of Secretaries" / prose)? It is when, before the next
    numbered line, another line has its shape: a title of its own after a blank line,
    followed by prose (a blank line between them or not). A heading's wrapped line has
    no such siblings. Only a heading line that is complete and has room left for the
    next line's first word can end where it does."""
    if is_incomplete(heading) or len(lines[index].text.split()) <= 3:
        return False
    if width and len(heading) + 1 + len(first_word(lines[index].text)) > width:
        return False

    def sub_heading(at: int) -> bool:
        line = lines[at]
        below = at + 2 if at + 2 < len(lines) and lines[at + 1].blank else at + 1
        return (
            not line.blank
            and not starts_lowercase(line.text)  # ("... to Create" / "a New Situation ...")
            and is_title_case(line.text)
            and is_title_like(line.text)
            and not line.text.endswith(".")
            and below < len(lines)
            and not lines[below].blank
            and not is_title_like(lines[below].text)
        )

    if not sub_heading(index):
        return False
    for at in range(index + 2, min(len(lines), index + SUB_HEADING_REACH)):
        if parse_number(lines[at].text) is not None:
            return False
        if lines[at - 1].blank and sub_heading(at):
            return True
    return False


def _title_fragment(lines: list[Line], index: int, after_fragment: bool) -> bool:
    """Is the line a few words of the heading above, set apart from it? An extractor
    that reads a justified heading's widely spaced words as boxes of their own
    prints "3.2 The Experience" / "of Yunnan" / "Province". A line that starts in
    lower case goes on the title (no section's text starts so); after such a line,
    or a title's colon, a Title Case word or two alone are its last words."""
    if index >= len(lines) or lines[index].blank:
        return False
    text = lines[index].text
    words = text.split()
    if len(words) > MAX_FRAGMENT_WORDS or ends_sentence(text) or text.endswith((",", ";")):
        return False
    if starts_lowercase(text):
        return True
    return after_fragment and len(words) <= 2 and is_title_case(text)


# How far ahead (lines) the next section's number is looked for.
OUTLINE_LOOKAHEAD = 400


def _outline_goes_on(number: SectionNumber, lines: list[Line], index: int) -> bool:
    """Does a later line carry the number after ``number`` ("4", or "3.1" after "3")?
    A lone number out of sequence is text; one the outline goes on from is a heading
    whose predecessor was lost."""
    following = {(number.values[0] + 1,), (number.values[0], 1)}
    for line in lines[index + 1 : index + OUTLINE_LOOKAHEAD]:
        numbered = None if line.blank else parse_number(line.text)
        if numbered and numbered[0].scheme == number.scheme and numbered[0].values in following:
            return True
    return False


def _run_in_heading(
    numbered: tuple[SectionNumber, str] | None,
    outline: Outline,
    text: TextPart,
    openers: frozenset[str],
) -> tuple[SectionNumber, str, str] | None:
    """(number, title, rest of the line) for a numbered heading run in to its text, as some
    classes print sub-sections: a number the outline expects, a short Title Case
    title closed by a full stop, text in a new sentence after it, and a
    line before it that does not go on; or a third-level title with no stop at all
    (``_unpunctuated_run_in``)."""
    if numbered is None or not numbered[1] or not outline.accepts(numbered[0]):
        return None
    unpunctuated = _unpunctuated_run_in(numbered[0], numbered[1], openers)
    if unpunctuated is not None:
        title, rest = unpunctuated
        return numbered[0], title, rest
    split = first_sentence(numbered[1])
    if split is None:
        return None
    title, rest = split
    words = title.split()
    if not title.endswith(".") or len(words) > MAX_RUN_IN_WORDS or not is_title_case(title):
        return None
    if not words[-1].rstrip(".")[-1:].isalpha() or "   " in numbered[1]:
        # "... Township 5. Data and Methods", "... Research 2009). The": the lines of
        # two columns side by side, a heading's first line beside the next's number.
        return None
    previous = next((line for line in reversed(text.lines) if not line.blank), None)
    if previous is not None and (
        is_incomplete(previous.text) or previous.text.endswith((",", ";", "-"))
    ):
        return None  # the number is a figure inside a sentence that goes on
    return numbered[0], title.rstrip("."), rest


# A sub-sub-section LaTeX prints run in with no stop ("5.1.2 Forming a canteen council
# under Party leadership A council convened by ..."): its text starts on a capitalised
# word no title capitalises inside it, an article or a preposition.
_SENTENCE_OPENER = re.compile(rf"\s(?=(?:{'|'.join(FUNCTION_OPENERS)})\s+\S)")
# Only below the second level: top-level sections and their sub-sections stand alone.
RUN_IN_DEPTH = 3
MAX_UNPUNCTUATED_TITLE_WORDS = 12


def _unpunctuated_run_in(
    number: SectionNumber, line: str, openers: frozenset[str]
) -> tuple[str, str] | None:
    """(title, text) where the text's first word opens a sentence (a function word, or
    a word the text capitalises only to open one: sentences.opening_capitals); None
    when the words before it are one, too many, or punctuated like prose."""
    if number.scheme != "path" or len(number.values) < RUN_IN_DEPTH:
        return None
    starts = [match.start() for match in _SENTENCE_OPENER.finditer(line)]
    starts += [
        match.start()
        for match in re.finditer(r"(?<=[a-z])\s+([A-Z][\w’'-]*)\s+\S", line)
        if match.group(1) in openers
    ]
    for start in sorted(starts):
        title, rest = line[:start], line[start:].lstrip()
        if len(title.split()) < 2:
            continue
        if len(title.split()) > MAX_UNPUNCTUATED_TITLE_WORDS or re.search(r"[.,;:!?]", title):
            return None
        return title, rest
    return None


def _stacked_wrap(
    parts: list[Part], text: TextPart, line: Line, width: int, vocabulary: Vocabulary, title: str
) -> bool:
    """Read three title lines in a row as two headings, one of them wrapped, where the
    text shows it; True when ``title`` (on ``line``) went on the heading above it.

    As three headings, they would make a section, a sub-section with no text and its
    sibling: but a section is never empty. So a line long enough to have wrapped
    goes on to the next one: the first two lines are one title when the first is the
    longer and nothing stands between them ("The Practice of Public Service" /
    "Provision in Ningbo" / "Sources of Data"), the last two otherwise ("Case
    Analysis: Shaanxi Province" / "Coordination between Township Party" /
    "Committees and Owners' Committees"). Three short lines are three levels of
    headings ("Methods" / "Resource Availability" / "Lead Contact").
    """
    if text.lines or len(parts) < 2 or not width:
        return False
    last, before = parts[-1], parts[-2]
    if not (isinstance(last, HeadingPart) and isinstance(before, HeadingPart)):
        return False
    second, first = last.heading, before.heading
    if second.number or second.line == 0:
        return False
    wraps = WRAPPING_HEADING * width
    adjacent = not first.number and first.line == second.line - 1
    if adjacent and len(first.text) >= max(wraps, len(second.text)):
        first.text = join_lines([Line(first.text, 0), Line(second.text, 0)], vocabulary)
        last.heading = Heading(1, title, None, line.number)
        return True
    if second.line == line.number - 1 and len(second.text) >= wraps:
        second.text = join_lines([Line(second.text, 0), Line(title, 0)], vocabulary)
        return True
    return False


def _right_after_heading(parts: list[Part], text: TextPart) -> bool:
    """No text yet since a heading or the keywords: the previous line need not end a
    sentence for the next title line to be a heading."""
    if not parts:
        return False
    last = parts[-1]
    # Count the written lines only as far as the answer needs (a long run of text is
    # counted once per line of it otherwise: time quadratic in the text's length).
    written = 0
    for line in text.lines:
        written += not line.blank
        if written > MAX_KEYWORD_LINES:
            return False
    if isinstance(last, LabelPart) and last.label.kind == "keywords":
        # The keywords' own line (run in after the label, perhaps wrapped) ends there.
        return written <= MAX_KEYWORD_LINES
    return isinstance(last, HeadingPart) and not written


def _sentence_goes_on(title: str, lines: list[Line], index: int) -> bool:
    """A numbered line in sentence case whose sentence goes on in lower case on the
    next line ("3 This exponential decay structure can be related to the tenet of" /
    "similarity of [12] ..."): a footnote or a list item, not a heading."""
    if is_title_case(title):
        return False
    following = next((line for line in lines[index : index + 2] if not line.blank), None)
    return following is not None and starts_lowercase(following.text)


def _label_awaits_text(parts: list[Part], text: TextPart) -> bool:
    """A label (abstract, acknowledgments) came last and no line of its text yet."""
    if not parts or not isinstance(parts[-1], LabelPart):
        return False
    return all(line.blank for line in text.lines)


def _section_under_label(parts: list[Part], line: Line, width: int) -> bool:
    """A short Title Case line of three words or more right under "Abstract" is a
    section's heading, not the abstract's first line: where pdftotext read a
    two-column page out of order, the abstract's text comes later or elsewhere.
    (Two words or fewer is a structured abstract's own heading: "Purpose".)"""
    label = parts[-1]
    return (
        isinstance(label, LabelPart)
        and label.label.kind == "abstract"
        and len(line.text.split()) >= 3
        and is_title_case(line.text)
        and (not width or len(line.text) < 0.8 * width)
    )


def looks_like_unnumbered_heading(
    lines: list[Line], index: int, width: int, *, fresh: bool = False
) -> bool:
    """A short Title Case line between the end of one sentence and the start of the next.

    Without numbers, a heading is known by its shape and its place: it is short,
    ends with no punctuation, reads like a title, follows a finished sentence (or a
    blank line) and is followed by a line that starts a sentence.
    """
    text = lines[index].text
    if not text or len(text) > max(width, 20) or len(text.split()) > MAX_TITLE_WORDS:
        return False
    rest = index + 1  # where the lines after the heading start
    if text.endswith("-") and text[-2:-1].isalpha() and rest < len(lines):
        # A word broken at the end of a heading line ("Research Ques-" / "tions"): a
        # title set in a narrow column; its rest must read as the rest of a title.
        following = lines[rest]
        if not (starts_lowercase(following.text) and continues_heading(text, following, width)):
            return False
        rest += 1
    elif text.endswith((".", ",", ";", ":", "-")):
        return False
    # (A title may open on a quotation: "\"Time Bank\" Points Cannot Be Redeemed".)
    if not text.lstrip("“\"‘'")[:1].isupper() or parse_number(text) is not None:
        return False
    if sum(char.isalpha() for char in text) < MIN_TITLE_LETTERS or _STATEMENT.match(text):
        return False
    if is_caption(text):
        return False  # "Figure 1: Local Consumption and Correlation": a caption
    following = next((line for line in lines[rest:] if not line.blank), None)
    if not (
        is_title_like(text)
        or _sentence_case_title(text, width)
        or _stops_short_title(text, following, width)
    ):
        return False
    previous = next((line for line in reversed(lines[:index]) if not line.blank), None)
    blank_before = index > 0 and lines[index - 1].blank
    if previous is not None:
        # (A figure alone on the line before it is a table's last value or a page's
        # number: no sentence that goes on. Not before a single word: a chart's values
        # and its legend's words come out in turn.)
        figures = _FIGURE.fullmatch(previous.text) is not None and len(text.split()) > 1
        capitals = (
            is_capitals_title(text)
            and not is_incomplete(previous.text)
            # Prose right under it, not a block of short lines (an address in capitals).
            and _prose_follows(lines, rest, width)
        )
        # (At the top of a page, after a page that ended on a closing bracket: an
        # equation's number "(26)", an address "(Fabian Neumann)", no sentence.)
        page_top = previous.page < lines[index].page and previous.text.endswith(")")
        # (A section of the usual outline alone on its line, prose under it: after a
        # keywords line with no label, "Fairness | Census" / "Introduction".)
        outline = is_outline_section(text)
        settled = blank_before or fresh or figures or capitals or page_top or outline
        if not settled and not ends_sentence(previous.text):
            return False
        if previous.text.endswith((",", ";")):
            return False  # the rest of a list ("Keywords: ...; information platforms;")
        # (Stopped on a connective or a hyphen: a caption with no full stop may end
        # anywhere else, "Figure 1. Trends in participation, 2012–2018".)
        caption_goes_on = is_caption(previous.text) and is_incomplete(previous.text)
        if caption_goes_on and previous.number == lines[index].number - 1:
            return False  # a caption's second line ("Figure 3: ... Diversity and" / "...")
    if sum(bool(re.fullmatch(r"[\d.,%()]+", word)) for word in text.split()) >= 2:
        return False  # a table row ("Budget 795 25.4")
    after = [line for line in lines[rest : rest + 4] if not line.blank]
    if not after:
        return False
    first = after[0].text[:1]
    # ("1. How many ...", "i. Stability ...", "a) Villages ...")
    numbered_item = re.match(r"(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)] +[A-Z]", after[0].text) is not None
    # (A list under a heading: only after a blank line and a sentence that ended, not
    # under a running head's lines at the top of a page, nor after a colon that leads
    # in to the list.)
    bulleted = (
        list_marker(after[0].text, ordered=False) is not None
        and index > 0
        and lines[index - 1].blank
        and (previous is None or ends_sentence(previous.text, lead_in=False))
    )
    if not (first.isupper() or first in "“\"‘'(" or numbered_item or bulleted):
        return False  # (a heading may open on a list: "Methods" / "1. How many ..." / "• ...")
    # Prose follows a heading: a long line next, or after the rest of the title or a
    # sub-heading. Short lines in a row are table cells or a list.
    return any(width and len(line.text) >= width * 0.5 for line in after[:3])


def _prose_follows(lines: list[Line], start: int, width: int) -> bool:
    """Is the first written line from ``start`` on at least half the text's width?"""
    following = next((line for line in lines[start:] if not line.blank), None)
    return following is not None and bool(width) and len(following.text) >= width * 0.5


_FIGURE = re.compile(r"[\d.,%()–-]+")
# A heading has a word to it: "Bi" alone is a formula's symbol on a line of its own.
MIN_TITLE_LETTERS = 3
# A numbered statement of a paper's argument ("Definition 9 (Projection onto Simplex)",
# "Proposition 2"), as theorem environments print it: a block of text, not a section.
_STATEMENT = re.compile(
    r"(Definition|Theorem|Lemma|Proposition|Corollary|Remark|Example|Assumption"
    r"|Conjecture|Claim|Axiom|Hypothesis)\s+\d+(\.\d+)*\b"
)


def _sentence_case_title(text: str, width: int) -> bool:
    """A short title in sentence case ("Social interaction", "Post-interview
    questionnaire"): a few words, no clause break, no sentence end."""
    words = text.split()
    short = bool(width) and len(text) < SHORT_LINE * width
    most = LONG_SENTENCE_CASE_WORDS if short else SENTENCE_CASE_WORDS
    return 1 < len(words) <= most and not re.search(r"[,;:.!?]", text)


def _stops_short_title(text: str, following: Line | None, width: int) -> bool:
    """A longer title in sentence case on a line that stops well short of where the
    text's lines wrap: the next line's first word would have fitted on it, so the line
    was ended on purpose ("Drawing the heating company into the community's circle"
    over a paragraph). Prose breaks a line only where the next word does not fit; a
    paragraph's last line ends a sentence, which a title does not."""
    if following is None or not width:
        return False
    words = text.split()
    if not 1 < len(words) <= STOPPED_SENTENCE_CASE_WORDS or re.search(r"[;:.!?]", text):
        return False
    return len(text) + 1 + len(first_word(following.text)) <= STOPPED_SHORT * width


def _heading_measure(lines: list[Line], width: int) -> int:
    """How long a heading's line grows before it wraps, in this text: the longest
    first line of the headings that surely wrap (broken inside a word or stopped on
    a connective). Headings are set in a larger type than the body, so they wrap
    short of the body's width."""
    return max(
        (
            len(line.text)
            for index, line in enumerate(lines[:-1])
            if is_incomplete(line.text)
            and continues_heading(line.text, lines[index + 1], width, loose=False)
            and looks_like_unnumbered_heading(lines, index, width, fresh=True)
        ),
        default=0,
    )


def _fills_heading_line(lines: list[Line], index: int, width: int, measure: int) -> bool:
    """Does the heading line at ``index`` go on to the next title line? It does when
    it is as full as the text's headings get (the next line's first word would not
    have fitted), the next line is no longer and prose follows it: a sub-heading
    would stand between the two."""
    if not measure or index + 2 >= len(lines):
        return False
    text, following, after = (lines[position] for position in (index, index + 1, index + 2))
    if following.blank or after.blank or not is_title_like(following.text):
        return False
    # As full as the longest line known to wrap, and not much longer (a longer line
    # did not wrap where this text's headings do: two lines an extractor joined).
    length = len(text.text)
    full = FULL_HEADING * measure <= length <= OVERLONG_HEADING * measure and (
        length + 1 + len(first_word(following.text)) > measure
    )
    prose = bool(width) and len(after.text) >= width * 0.5 and not is_title_like(after.text)
    return full and len(following.text) <= len(text.text) and prose


def _list_item(title: str, line: Line, lines: list[Line], index: int, runs: set[int]) -> bool:
    """A numbered line inside a run of numbered lines that reads like a sentence."""
    if index - 1 not in runs:  # ``index`` is the position after ``line``
        return False
    following = lines[index] if index < len(lines) else None
    runs_on = (
        following is not None
        and not following.blank
        and starts_lowercase(following.text)
        and not line.text.endswith("-")  # a word broken at the line end says nothing
        # A Title Case title going on to the rest of a title ("... Others? Evidence" /
        # "from Yunnan Province") is a wrapped heading, not an item's sentence.
        and not (is_title_case(title) and is_title_like(following.text))
    )
    return runs_on or (len(title.split()) > 8 and not is_title_case(title))


def _title_line(lines: list[Line], index: int, width: int) -> tuple[int, str] | None:
    """(index after it, the title) when a number standing alone is followed by a title."""
    position = index
    while position < len(lines) and position - index < 2 and lines[position].blank:
        position += 1
    if position >= len(lines):
        return None
    candidate = lines[position].text
    # (A short Title Case title may close on a full stop: "RELATED WORK.")
    closed = candidate.endswith(".") and _short_closed_title(candidate)
    if not candidate or (candidate.endswith((".", ",", ";")) and not closed):
        return None
    if parse_number(candidate):
        return None
    # A line as wide as the text is a title only in Title Case (extractors may print a
    # heading set in large type on one line longer than the body's); else it is prose.
    full = bool(width) and len(candidate) > width * 0.9
    too_long = full and (len(candidate) > width * LONG_TITLE or not is_title_case(candidate))
    if too_long or not (candidate[0].isupper() or candidate[0] in "“\"'("):
        return None
    if not is_heading_title(candidate):
        return None
    return position + 1, candidate


def _short_closed_title(text: str) -> bool:
    """A few capitalised words and one full stop at the end ("Related Work.")."""
    body = text[:-1]
    return len(body.split()) <= SHORT_TITLE_WORDS and "." not in body and is_title_case(body)


def key_part(printed: str) -> str:
    """ "IV." -> "iv", "Chapter 2" -> "chapter2", "(一)" -> "x4e00"-free ascii key."""
    ascii_part = "".join(ch for ch in printed.lower() if ch.isascii() and ch.isalnum())
    return ascii_part or "".join(f"{ord(ch):x}" for ch in printed if ch.isalnum())
