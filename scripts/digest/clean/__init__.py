"""Clean a received text (raw PDF extraction or Markdown-like) into a Document.

Each concern is one module: lines, hyphenation, headings, labels, front
matter, paragraphs, run-in heads, quotes, reference-list splitting. This module
only runs them in order, the same way for every kind of source, so that all
papers come out alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.clean.boldleads import BoldType, bold_leads
from digest.clean.displaced import gather_displaced_references
from digest.clean.footnotes import extract_footnotes, mark_pattern
from digest.clean.front import (
    looks_like_front_matter,
    merge_front_matter,
    parse_front_matter,
    split_title_page,
)
from digest.clean.furniture import forget_lines
from digest.clean.headings import is_title_case
from digest.clean.hyphenation import Vocabulary, mend_marked_breaks, split_overfull_lines
from digest.clean.labels import BACK_MATTER, match_label, split_keywords
from digest.clean.lines import Line, read_lines, typical_width
from digest.clean.lists import list_depth, list_marker, ordered_items
from digest.clean.merged import cut_merged_rows
from digest.clean.numbering import parse_number
from digest.clean.paragraphs import assemble_paragraphs
from digest.clean.parts import HeadingPart, LabelPart, Part, TextPart
from digest.clean.quotes import repair_quotes
from digest.clean.reflist import split_references
from digest.clean.runin import mark_leads
from digest.clean.sectionorder import restore_section_order
from digest.clean.sentences import opening_capitals
from digest.clean.source_form import SourceForm, source_form
from digest.clean.structure import segment
from digest.clean.tables import extract_tables, is_caption
from digest.clean.typography import typeset_headings
from digest.model import BackSection, Document, Footnote, LineStyle, Paragraph

__all__ = ["clean_text"]

# Numbered headings in a text that has an outline of numbered sections, at least; and
# headings found by shape alone outnumber stray numbered lines this many times over.
MIN_OUTLINE = 2
SHAPED_OVER_NUMBERED = 2
# A section divided into sub-sections has at least two of them.
MIN_SUB_SECTIONS = 2


def clean_text(text: str, styles: Sequence[LineStyle] = ()) -> Document:
    """Turn one source text into structure; never drops text it cannot place.

    A Markdown text (by the evidence digest.clean.source_form weighs) is parsed as
    Markdown, its structure taken as written; any other text, and a PDF's, is cleaned
    line by line. ``styles``: the type of each source line, where the source says (a
    PDF); its headings are then the lines the type sets apart."""
    form = source_form(text) if not styles else SourceForm(False)
    if form.markdown:
        # (markdown-it and its plugins are imported for a Markdown text only: a build
        # that cleans no Markdown need not load them.)
        from digest.clean.markdown import read_markdown

        doc = read_markdown(text)
    else:
        doc = _clean_lines(text, styles)
    doc.reading = form.describe()
    return doc


def _clean_lines(text: str, styles: Sequence[LineStyle]) -> Document:
    """The line cleaner, for extracted and plain texts."""
    _forget_lines()
    lines, furniture = read_lines(text, styles)
    if not styles:
        # (A PDF read by position has its columns apart and its blocks in place.)
        lines = restore_section_order(cut_merged_rows(lines, typical_width(lines)))
    typeset = typeset_headings(lines)
    headings = frozenset(number for found in (typeset or {}).values() for number in found.lines)
    lines, notes = extract_footnotes(lines, headings)
    lines, tables = extract_tables(lines, headings)
    width = typical_width(lines)
    vocabulary = Vocabulary.from_lines(lines)
    lines = mend_marked_breaks(lines, vocabulary)
    lines = split_overfull_lines(lines, width, vocabulary)
    parts = segment(lines, width, vocabulary, typeset=typeset)
    # No numbered sections (one numbered line is no outline: a list's item, a sentence
    # that starts with a number; nor are a figure's axis labels "1", "2" in a row):
    # look for headings by their shape, and keep them when they are many more.
    # (With an outline of numbered sections, the shape finds the headings it lacks:
    # a paper may number its sections but not its introduction or its sub-sections.)
    sections = _sections_with_text(parts)
    outline = sections >= MIN_OUTLINE
    if typeset is None:
        shaped = segment(lines, width, vocabulary, unnumbered=True, numbers=outline)
        found = sum(isinstance(part, HeadingPart) for part in shaped)
        if found > sections and (not outline or found > SHAPED_OVER_NUMBERED * sections):
            parts = shaped
        elif found > sections:
            parts = _sub_headings_kept(parts, shaped, lines) or parts
    has_headings = any(isinstance(part, HeadingPart) for part in parts)

    first_section = next(
        (
            index
            for index, part in enumerate(parts)
            if isinstance(part, HeadingPart) and part.heading.number is not None
        ),
        0,
    )
    doc = Document(furniture=furniture)
    doc.footnotes = [Footnote(note.label, note.text, note.line) for note in notes]
    doc.tables = tables
    state = "front"
    section: list[Paragraph] = []
    bold_type = BoldType.of(lines)
    # (Words that open sentences: where one follows a lower-case word, a run-in label ends.
    # Counted in prose: a Title Case heading capitalises every word.)
    openers = opening_capitals(line.text for line in lines if not is_title_case(line.text))

    def paragraphs(part_lines: list[Line]) -> list[Line]:
        assembled = assemble_paragraphs(part_lines, width, vocabulary)
        return [Line(repair_quotes(p.text), p.number, p.indent) for p in assembled]

    def close_section() -> None:
        nonlocal section
        mark_leads(section, openers)
        section = []

    for index, part in enumerate(parts):
        if isinstance(part, HeadingPart):
            close_section()
            doc.body.append(part.heading)
            state = "body"
        elif isinstance(part, LabelPart):
            close_section()
            kind = part.label.kind
            if kind in BACK_MATTER:
                doc.back.append(BackSection(part.label.text, [], part.line))
            state = "back" if kind in BACK_MATTER else kind
        elif state == "references":
            doc.references.extend(split_references(part.lines, vocabulary))
        elif state == "front" and index + 1 < len(parts) and looks_like_front_matter(part.lines):
            doc.front = parse_front_matter(part.lines)
            state = "preamble"
        elif state in ("front", "preamble") and index < first_section:
            # Before section 1 of a numbered text: the title page and an abstract that
            # carries no label, not the body (whose first words are section 1's).
            title_page, prose = split_title_page(part.lines, width)
            if any(not line.blank for line in title_page):
                doc.front = merge_front_matter(doc.front, parse_front_matter(title_page))
            doc.abstract.extend(p.text for p in paragraphs(prose))
            state = "preamble"
        else:
            found = paragraphs(part.lines)
            if state == "highlights":
                # The bullet points under the label; what follows them is text again.
                while found and (item := list_marker(found[0].text, ordered=False)):
                    doc.highlights.append(item[2])
                    found = found[1:]
                state = "body"
            if state == "keywords" and found:
                doc.keywords.extend(split_keywords(found[0].text))
                found = found[1:]
                state = "body"
            elif state == "abstract" and found:
                take = len(found) if has_headings else 1
                doc.abstract.extend(p.text for p in found[:take])
                found = found[take:]
                state = "body"
            if state == "back":
                doc.back[-1].paragraphs.extend(p.text for p in found)
                continue
            led = bold_leads(found, bold_type)
            found = [line for line, _ in led]
            leads = {id(line): lead for line, lead in led if lead}
            items = ordered_items(found)
            glyphs: list[str] = []  # the current list's bullets, outer first
            for position, found_paragraph in enumerate(found):
                ordered = position in items
                item = list_marker(found_paragraph.text, ordered=ordered)
                if item is not None:
                    kind, number, rest = item
                    text = found_paragraph.text
                    glyph = kind if number else text[: len(text) - len(rest)].strip()
                    depth = list_depth(glyphs, glyph)
                    # A list item is no run-in head: it stays out of mark_leads.
                    doc.body.append(
                        Paragraph(rest, found_paragraph.number, number, list=kind, depth=depth)
                    )
                    continue
                glyphs = []
                quote = found_paragraph.indent > 0  # set in: a block quote
                lead = leads.get(id(found_paragraph))
                paragraph = Paragraph(
                    found_paragraph.text, found_paragraph.number, lead=lead, quote=quote
                )
                doc.body.append(paragraph)
                if not is_caption(paragraph.text) and not quote:  # no run-in heads there
                    section.append(paragraph)
    close_section()
    gather_displaced_references(doc)
    _mark_footnotes(doc)
    return doc


def _forget_lines() -> None:
    """Empty the per-line caches: they serve one text, so that what a text costs never
    depends on the texts cleaned before it, and they hold no lines of those."""
    parse_number.cache_clear()
    match_label.cache_clear()
    forget_lines()


def _numbered(parts: list[Part]) -> list[tuple[str | None, str]]:
    return [
        (part.heading.number, part.heading.text)
        for part in parts
        if isinstance(part, HeadingPart) and part.heading.number
    ]


def _sub_headings_kept(
    numbered: list[Part], shaped: list[Part], lines: list[Line]
) -> list[Part] | None:
    """``shaped``, if it adds only sub-headings below the numbered headings and keeps
    every numbered heading as it was, with the sub-headings of each section it divides
    into two or more kept, and a lone one given back to the text; None if it divides no
    section. Unnumbered sub-sections of numbered sections ("V. Paths" / "Strengthening
    the Training of ..." / "Improving the ..."), which the outline alone cannot see; a
    lone short line under a section (a running head printed once, "Fieldwork") is no
    division of it, and does not stop the sections that are divided from being so."""
    if _numbered(numbered) != _numbered(shaped):
        return None
    top = min((part.heading.level for part in numbered if isinstance(part, HeadingPart)), default=1)
    added: dict[int, int] = {}  # position of the numbered section -> headings added under it
    under: dict[int, int] = {}  # position of an added heading -> its section's
    section = -1
    for position, part in enumerate(shaped):
        if not isinstance(part, HeadingPart):
            continue
        if part.heading.number:
            section = position
        elif part.heading.level <= top or section < 0:
            return None
        else:
            added[section] = added.get(section, 0) + 1
            under[position] = section
    if not any(count >= MIN_SUB_SECTIONS for count in added.values()):
        return None
    kept: list[Part] = []
    for position, part in enumerate(shaped):
        lone = position in under and added[under[position]] < MIN_SUB_SECTIONS
        if lone:
            assert isinstance(part, HeadingPart)
            ends = next((n for later in shaped[position + 1 :] if (n := _first_line(later))), None)
            part = TextPart(
                [
                    line
                    for line in lines
                    if part.heading.line <= line.number and (ends is None or line.number < ends)
                ]
            )
        if isinstance(part, TextPart) and kept and isinstance(kept[-1], TextPart):
            kept[-1] = TextPart([*kept[-1].lines, *part.lines])  # the text runs on
        else:
            kept.append(part)
    return kept


def _first_line(part: Part) -> int:
    """The number of the first source line of a part (0 for a part without lines)."""
    if isinstance(part, HeadingPart):
        return part.heading.line
    if isinstance(part, LabelPart):
        return part.line
    return part.lines[0].number if part.lines else 0


def _sections_with_text(parts: list[Part]) -> int:
    """Numbered headings with text of their own before the next heading: sections, not
    labels printed one under the other (a figure's axis, a list's numbers)."""
    count = 0
    for index, part in enumerate(parts):
        if isinstance(part, HeadingPart) and part.heading.number:
            following = parts[index + 1] if index + 1 < len(parts) else None
            count += following is not None and not isinstance(following, HeadingPart)
    return count


def _mark_footnotes(doc: Document) -> None:
    """Write each note's mark as ``[^n]`` where the text first carries it ("residents.1")."""
    paragraphs = [block for block in doc.body if isinstance(block, Paragraph)]
    for note in doc.footnotes:
        mark = mark_pattern(note.label)
        for paragraph in paragraphs:
            marked, count = mark.subn(f"[^{note.label}]", paragraph.text, count=1)
            if count:
                paragraph.text = marked
                break
