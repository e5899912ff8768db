"""Write a Document as CommonMark that Python-Markdown reads the same way.

Source text is data: every character that Markdown would read as syntax is
escaped, and raw HTML is turned into entities, never passed through. The
escapes used are the subset both CommonMark (markdown-it-py, used by the
tests) and Python-Markdown (used by mkdocs) understand.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from digest.model import Document, Heading, Paragraph, TableCells

# A bare "&" is literal in both dialects; only one that spells an entity must be escaped.
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|{}])")
# A line break inside a value would let its next line open a block of its own (a heading,
# a table row, an admonition) or end the table row or heading the value sits in.
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")
# "#"s that end a heading line are its closing sequence, which Markdown drops.
_TRAILING_HASHES = re.compile(r"(#+)(\s*)$")
# Only what opens a block at a paragraph's start: "#", "+", "-", "1." / "1)", "~~~"
# (a superfences fence), "!!!" (admonition), "???" (details) and "===" (tabbed).
_BLOCK_START = re.compile(r"^(\s*)([#+!-]|\d+[.)]|[~?=])")
# Python-Markdown has no backslash escape for these: they are written as entities.
_BLOCK_ENTITIES = {"~": "&#126;", "?": "&#63;", "=": "&#61;"}
_EMPHASIS = re.compile(r"\*([^*\n]+)\*")
# Any character one of the rules of escape_inline rewrites: most values hold none.
_NEEDS_ESCAPE = re.compile(r"[\r\n\\`*_\[\]|{}<>&#]")


def escape_inline(text: str) -> str:
    """Escape text that sits inside a block (a heading, a table cell, after a lead-in).

    The result is one line: a line break in the value becomes a space, as HTML would
    show it anyway.
    """
    if not _NEEDS_ESCAPE.search(text):  # the common case, half a million times a big build
        return text
    text = _LINE_BREAK.sub(" ", text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _TRAILING_HASHES.sub(lambda m: "\\#" * len(m.group(1)) + m.group(2), text)


def escape(text: str) -> str:
    """Escape one paragraph of source text so it renders literally."""
    return _BLOCK_START.sub(_escape_block_start, escape_inline(text))


def guard_block_start(markdown: str) -> str:
    """Markdown rendered elsewhere (a citation) made safe to start a line or a tab's body.

    Its text is escaped already; only a marker that opens a block is guarded, so a
    citation that begins with, say, '=== "' can never open a tab.
    """
    return _BLOCK_START.sub(_escape_block_start, markdown)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker = match.groups()
    if marker in _BLOCK_ENTITIES:  # Python-Markdown has no backslash escape for these
        return f"{indent}{_BLOCK_ENTITIES[marker]}"
    if marker[0].isdigit():
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


def escape_keeping_emphasis(text: str) -> str:
    """Escape text but keep `*...*` spans (a Markdown-like source's italics) as emphasis."""
    pieces: list[str] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        pieces.append(escape_inline(text[position : match.start()]))
        pieces.append("*" + escape_inline(match.group(1)) + "*")
        position = match.end()
    pieces.append(escape_inline(text[position:]))
    return _BLOCK_START.sub(_escape_block_start, "".join(pieces))


def render_heading(heading: Heading, *, anchors: bool = False) -> str:
    hashes = "#" * min(heading.level + 1, 6)
    number = f"{heading.number} " if heading.number else ""
    anchor = f" {{ #{heading.anchor} }}" if anchors else ""
    return f"{hashes} {escape_inline(number + heading.text)}{anchor}"


# Text -> Markdown for one paragraph body; the default escapes, a linker adds citation links.
TextRenderer = Callable[[int, str], str]


def render_paragraph(
    paragraph: Paragraph,
    text: TextRenderer | None = None,
    index: int = 0,
    *,
    anchor: str | None = None,
) -> str:
    """A run-in head or item marker becomes a bold lead-in, the same for both; a list
    item becomes an item of a Markdown list, a block quote a Markdown quote.

    ``anchor`` (see paragraph_ids) becomes the paragraph's id, with a permalink (¶) after
    its text: attr_list's ``{: #id }`` on a line of its own, which only the writer puts
    there (a ``{...}`` of the source is escaped and stays text).
    """
    body = text(index, paragraph.text) if text else escape_inline(paragraph.text)
    if anchor and has_text(paragraph):
        body = f"{body.rstrip()} {_permalink(anchor)}".lstrip()
        after = f"\n{{: #{anchor} }}"
    else:
        after = ""
    if paragraph.list:
        # A list item's run-in label (a Markdown source's "- **Owners put profit first.**")
        # stays at its head, in bold.
        item = f"**{escape_inline(paragraph.lead)}** {body}" if paragraph.lead else body
        number = f"{paragraph.marker}. " if paragraph.list == "ordered" else "- "
        return f"{number}{item}".rstrip() + after
    lead = " ".join(part for part in (paragraph.marker, paragraph.lead) if part)
    if not lead:
        block = _BLOCK_START.sub(_escape_block_start, body)
        if paragraph.quote:
            return f"> {block}".rstrip() + after.replace("\n", "\n> ")
        return block + after
    return f"**{escape_inline(lead)}** {body}".rstrip() + after


def _permalink(anchor: str) -> str:
    """The ¶ that links to a paragraph: Material's headerlink (shown on hover, left out of
    search), empty, its ¶ drawn by the stylesheet (digest.css), so that the page's text,
    copied or read by a tool, is the paper's text alone."""
    return f'[](#{anchor}){{ .headerlink title="Permanent link" }}'


def has_text(paragraph: Paragraph) -> bool:
    """Whether the paragraph renders as a block of its own, so it can carry an id."""
    return bool(
        paragraph.text.strip() or paragraph.lead or (not paragraph.list and paragraph.marker)
    )


def paragraph_ids(doc: Document) -> dict[int, str]:
    """The id of each paragraph of the body, by its index in ``doc.body``.

    ``s3-2-p1`` is the first paragraph of the section whose heading's anchor is ``s3-2``
    (any level: §3 and §3.2 count apart), ``p1`` the first before any heading. Counted
    within the section, so an id stays when text outside its section changes. Unique on
    the page: a second section of the same anchor counts on; a number that would spell a
    heading's anchor is skipped.
    """
    headings = {block.anchor for block in doc.body if isinstance(block, Heading)}
    counts: dict[str, int] = {}
    ids: dict[int, str] = {}
    section = ""
    for index, block in enumerate(doc.body):
        if isinstance(block, Heading):
            section = block.anchor
            continue
        if not has_text(block):
            continue
        prefix = f"{section}-p" if section else "p"
        while True:
            counts[section] = counts.get(section, 0) + 1
            candidate = f"{prefix}{counts[section]}"
            if candidate not in headings:
                break
        ids[index] = candidate
    return ids


def footnote_id(number: int) -> str:
    """The id of the ``number``-th footnote (from 1): ``fn1``."""
    return f"fn{number}"


def render_body(doc: Document, *, anchors: bool = False, text: TextRenderer | None = None) -> str:
    """Only the numbered body: headings and paragraphs, blank-line separated.

    ``text`` renders a paragraph's text given the block's index (to add links);
    it must escape what it does not turn into Markdown. With ``anchors``, headings
    and paragraphs (paragraph_ids) and footnotes (footnote_id) carry ids.
    """
    ids = paragraph_ids(doc) if anchors else {}
    blocks = [
        render_heading(block, anchors=anchors)
        if isinstance(block, Heading)
        else render_paragraph(block, text, index, anchor=ids.get(index))
        for index, block in enumerate(doc.body)
    ]
    # Footnotes close the body, each as "[^n]: text" (shown as written, never dropped).
    for number, note in enumerate(doc.footnotes, 1):
        block = f"\\[^{note.label}\\]: {escape_inline(note.text)}"
        if anchors:
            anchor = footnote_id(number)
            block = f"{block} {_permalink(anchor)}\n{{: #{anchor} }}"
        blocks.append(block)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def render_cells(table: TableCells) -> str:
    """A table's cells in the order extracted, escaped, one after another."""
    return " · ".join(escape_inline(cell) for cell in table.cells)


def render_table_cells(table: TableCells) -> str:
    """A table's caption in bold, then its cells."""
    return f"**{escape_inline(table.caption)}** {render_cells(table)}"


def render_document(doc: Document) -> str:
    """The whole cleaned text, front matter to references, as one Markdown file."""
    blocks: list[str] = []
    front = doc.front
    if front.title:
        blocks.append(f"# {escape(front.title)}")
    if front.authors:
        blocks.append(escape(front.authors))
    blocks.extend(escape(affiliation) for affiliation in front.affiliations)
    if front.dates:
        blocks.append(escape(front.dates))
    if doc.abstract:
        blocks.append("## Abstract")
        blocks.extend(escape(paragraph) for paragraph in doc.abstract)
    if doc.keywords:
        blocks.append("**Keywords:** " + "; ".join(escape(k) for k in doc.keywords))
    if doc.highlights:
        blocks.append("## Highlights")
        blocks.append("\n".join(f"- {escape(point)}" for point in doc.highlights))
    body = render_body(doc).strip()
    if body:
        blocks.append(body)
    if doc.tables:
        blocks.append("## Tables as extracted")
        blocks.extend(render_table_cells(table) for table in doc.tables)
    for section in doc.back:
        blocks.append(f"## {escape(section.label)}")
        blocks.extend(escape(paragraph) for paragraph in section.paragraphs)
    if doc.references:
        blocks.append("## References")
        blocks.append("\n".join(f"- {escape_keeping_emphasis(ref.text)}" for ref in doc.references))
    return "\n\n".join(blocks) + "\n"
