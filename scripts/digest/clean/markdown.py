"""Read a Markdown source straight into the document model.

A Markdown text already says what its headings, paragraphs, lists, quotations and
footnotes are; running it through the line cleaner (built for PDF extractions)
would undo that: ``#`` would be escaped as text, a heading merged into the paragraph
after it, ``**bold**`` run-in labels lost. So a text that digest.clean.source_form
finds to be Markdown is parsed with markdown-it-py (CommonMark, with tables, and
mdit-py-plugins for YAML front matter and footnotes) and its blocks are taken as
written: nothing is re-wrapped, de-hyphenated or dropped as page furniture.

What the model needs beyond the syntax is read the way the cleaner reads it:
a heading's number in any scheme (digest.clean.numbering), labels such as
"Abstract", "Keywords", "References" (digest.clean.labels), and an item's run-in
marker ("(1)", "①", "a.") at a paragraph's start (digest.clean.runin). A strong or
emphasised phrase that opens a paragraph or a list item ("**Embed Party
organisations.** Every company ...") is that paragraph's run-in label.

A word processor's Markdown (pandoc's or a converter's from a .docx) often has no
heading marks at all: the author set each heading as a bold line, each sub-heading as
an italic one ("**III. What the New Houses Left Unsettled**", "*One village, two
rulebooks*"). A paragraph that is one short strong or emphasised phrase and no
sentence is read as such a heading, bold one level above italic, beside any real
headings of the text (digest.clean.markdown's _styled_heading).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from digest.clean.headings import format_number
from digest.clean.labels import BACK_MATTER, match_label, split_keywords
from digest.clean.numbering import parse_number
from digest.clean.runin import split_item_marker
from digest.clean.structure import key_part
from digest.clean.tables import is_caption
from digest.model import (
    BackSection,
    Document,
    Footnote,
    Heading,
    Paragraph,
    RawReference,
    TableCells,
)

__all__ = ["read_markdown"]

# pandoc's heading attributes: "{-}", "{.unnumbered}", "{#sec:intro .class}".
_ATTRIBUTES = re.compile(r"\s*\{(?:-|[#.][^}]*)\}\s*$")
# A run-in label is a phrase, not a paragraph set in bold.
MAX_LEAD_WORDS = 25
# A line before the first section that names people, not their institution.
_INSTITUTION = re.compile(
    r"\b(Universit\w*|School|Institute|College|Academy|Department|Centre|Center|Faculty|"
    r"Committee|Bureau|Office)\b"
)
MAX_AUTHOR_LINE = 200
# A bold or italic line read as a heading holds at most this many words.
MAX_STYLED_HEADING_WORDS = 20
# ... and ends on no sentence's or lead-in's punctuation ("**Three measures:**" leads
# in; "*The branch must act.*" is an emphasised sentence), a question aside.
_NOT_A_HEADING_END = re.compile(r"[.,;:!。，；：]$")
# A paragraph opening on "1. " in Markdown had its list mark escaped ("1\. ...").
_ESCAPED_NUMBER = re.compile(r"^(\d{1,2})\.\s+(?=[A-Z“\"])")


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(front_matter_plugin).use(footnote_plugin).enable("table")


@dataclass
class _Reader:
    """The document being built, and where in the paper the reader stands."""

    doc: Document = field(default_factory=Document)
    state: str = "front"  # front | body | abstract | keywords | references | back
    base_level: int = 1
    title_node: SyntaxTreeNode | None = None
    keys: list[tuple[int, str]] = field(default_factory=list)  # open headings' anchor parts
    # The level given to each dotted section number read so far ((3,) -> 1).
    number_levels: dict[tuple[int, ...], int] = field(default_factory=dict)
    # The level of every heading, by id of its node: a heading's mark, or for a bold or
    # italic line read as one, the level it was given (_heading_levels).
    levels: dict[int, int] = field(default_factory=dict)


def read_markdown(text: str) -> Document:
    """The Markdown text as a Document: front matter, body, footnotes, references."""
    root = SyntaxTreeNode(_parser().parse(text))
    reader = _Reader()
    nodes = list(root.children)
    front = next((node for node in nodes if node.type == "front_matter"), None)
    if front is not None:
        _read_front_matter(reader.doc, front.content)
    has_title = reader.doc.front.title is not None
    headings, reader.levels = _heading_levels(nodes, has_title)
    reader.title_node = _title_heading(nodes, headings, has_title, reader.levels)
    levels = [reader.levels[id(node)] for node in headings if node is not reader.title_node]
    reader.base_level = min(levels, default=1)
    for node in nodes:
        _read_block(reader, node)
    return reader.doc


# --- front matter -------------------------------------------------------------


def _read_front_matter(doc: Document, content: str) -> None:
    """title, author(s), date, abstract and keywords of a YAML front matter block."""
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        return
    doc.front.title = _plain_value(data.get("title"))
    authors = data.get("author", data.get("authors"))
    if isinstance(authors, list):
        names = [_author_name(entry) for entry in authors]
        doc.front.authors = ", ".join(name for name in names if name) or None
    elif authors:
        doc.front.authors = _author_name(authors)
    date = data.get("date")
    doc.front.dates = str(date) if date else None
    affiliations = data.get("affiliation", data.get("affiliations"))
    if isinstance(affiliations, list):
        doc.front.affiliations = [str(a) for a in affiliations if a]
    elif affiliations:
        doc.front.affiliations = [str(affiliations)]
    abstract = data.get("abstract")
    if abstract:
        doc.abstract = [
            " ".join(p.split()) for p in re.split(r"\n\s*\n", str(abstract)) if p.strip()
        ]
    keywords = data.get("keywords", data.get("tags"))
    if isinstance(keywords, list):
        doc.keywords = [str(k) for k in keywords if str(k).strip()]
    elif keywords:
        doc.keywords = split_keywords(str(keywords))


def _plain_value(value: Any) -> str | None:
    return " ".join(str(value).split()) if value not in (None, "") else None


def _author_name(entry: Any) -> str:
    """A name, or pandoc's {name: ..., affiliation: ...} mapping."""
    if isinstance(entry, dict):
        return str(entry.get("name") or "").strip()
    return str(entry).strip()


def _heading_levels(
    nodes: list[SyntaxTreeNode], has_title: bool
) -> tuple[list[SyntaxTreeNode], dict[int, int]]:
    """The headings in document order, a word processor's bold and italic lines among
    them, and the level of each (by id of its node). A bold line stands at the level of
    the highest real heading that is no title (a lone "# Title" over bold sections is
    one), or at level 1; an italic line one below."""
    real = [node for node in nodes if node.type == "heading"]
    levels = {id(node): _level(node) for node in real}
    # (not in the title page: "**Li Ming, Zhang Wei**" over "**Abstract:** ...")
    front = [
        index
        for index, node in enumerate(nodes)
        if node.type == "paragraph"
        and (label := match_label(_inline_text(node.children[0]))) is not None
        and label.kind in ("abstract", "keywords")
    ]
    styled = [
        (node, style)
        for index, node in enumerate(nodes)
        if index > max(front, default=-1) and (style := _styled_heading(node))
    ]
    if not styled:
        return real, levels
    body = [node for node in nodes if node.type != "front_matter"]
    title = None
    if not has_title and real and body and body[0] is real[0]:
        first = real[0]
        if not parse_number(_inline_text(first.children[0])) and all(
            _level(node) > _level(first) for node in real[1:]
        ):
            title = first
    others = [_level(node) for node in real if node is not title]
    top = min(others) if others else (_level(title) + 1 if title is not None else 1)
    for node, style in styled:
        levels[id(node)] = top + (1 if style == "em" else 0)
    headings = [node for node in nodes if id(node) in levels]
    return headings, levels


def _styled_heading(node: SyntaxTreeNode) -> str | None:
    """ "strong" or "em" when the paragraph is one short bold or italic phrase and no
    sentence ("**3. Where the Ledger Breaks**", "*Land left behind*", a converter's
    trailing backslash aside), None otherwise (a caption, an emphasised sentence, a
    run-in label with text after it, an attribution opening on a dash)."""
    if node.type != "paragraph" or not node.children:
        return None
    parts = [
        child
        for child in node.children[0].children
        if not (child.type == "text" and child.content.strip() in ("", "\\"))
        and child.type not in ("softbreak", "hardbreak")
    ]
    if len(parts) != 1 or parts[0].type not in ("strong", "em"):
        return None
    emphasis = parts[0]
    inner = [child for child in emphasis.children if child.type != "text" or child.content.strip()]
    style = "strong" if len(inner) == 1 and inner[0].type == "strong" else emphasis.type
    text = " ".join(_inline_parts(emphasis.children).split())
    if (
        not text
        or len(text.split()) > MAX_STYLED_HEADING_WORDS
        or _NOT_A_HEADING_END.search(text)
        or not re.match(r"[\w(（\[\"“‘'§]", text)
        or is_caption(text)
    ):
        return None
    return style


def _title_heading(
    nodes: list[SyntaxTreeNode],
    headings: list[SyntaxTreeNode],
    has_title: bool,
    levels: dict[int, int],
) -> SyntaxTreeNode | None:
    """Without a front matter title, a first heading is the paper's title when it is the
    only one of its level, above all the others ("# Title" then "## 1. Introduction"), or
    when what stands under it is a title page's: an abstract or keywords label, or only
    an author line while the headings of its level after it are numbered and it is not
    ("# Title" / "Li Ming, ... University" / "**Abstract:** ..." / "# 1. Introduction")."""
    if has_title or len(headings) < 2:
        return None
    body = [node for node in nodes if node.type != "front_matter"]
    first = body[0] if body else None
    if first is not headings[0]:
        return None
    level = levels[id(first)]
    if all(levels[id(node)] > level for node in headings[1:]):
        return first
    under = list(itertools.takewhile(lambda node: id(node) not in levels, body[1:]))
    texts = [_inline_text(node.children[0]) for node in under if node.type == "paragraph"]
    if any((label := match_label(t)) and label.kind in ("abstract", "keywords") for t in texts):
        return first
    title_text = _inline_text(first.children[0])
    peers = [node for node in headings[1:] if levels[id(node)] == level]
    numbered = peers and all(parse_number(_inline_text(n.children[0])) for n in peers)
    if numbered and not parse_number(title_text) and all(_reads_as_authors(t) for t in texts):
        return first
    return None


# --- blocks ---------------------------------------------------------------------


def _level(node: SyntaxTreeNode) -> int:
    return int(node.tag[1:])


def _line(node: SyntaxTreeNode) -> int:
    return node.map[0] + 1 if node.map else 0


def _read_block(reader: _Reader, node: SyntaxTreeNode) -> None:
    kind = node.type
    if kind == "front_matter" or kind == "hr":
        return
    if kind == "heading":
        _read_heading(reader, node)
    elif kind == "footnote_block":
        _read_footnotes(reader.doc, node)
    elif kind == "table":
        cells = [_inline_text(cell) for cell in node.walk() if cell.type == "inline"]
        reader.doc.tables.append(TableCells("", cells, _line(node)))
    elif kind in ("bullet_list", "ordered_list"):
        _read_list(reader, node)
    elif kind == "blockquote":
        for child in node.children:
            if child.type == "paragraph":
                _add_text(reader, _inline_text(child.children[0]), _line(child), quote=True)
            else:
                _read_block(reader, child)
    elif kind == "paragraph" and id(node) in reader.levels:
        # (a bold line in the reference list is a group of it, unless it opens a part
        # of the back matter: "**Appendix**")
        label = match_label(_inline_text(node.children[0]))
        if reader.state in ("references", "back") and label is None:
            _read_paragraph(reader, node)
        else:
            _read_heading(reader, node)
    elif kind == "paragraph":
        _read_paragraph(reader, node)
    else:  # code, HTML: kept as text, never dropped
        content = node.content.strip()
        if content:
            _add_text(reader, " ".join(content.split()), _line(node))


def _read_heading(reader: _Reader, node: SyntaxTreeNode) -> None:
    text = _ATTRIBUTES.sub("", _inline_text(node.children[0])).strip()
    if node is reader.title_node:
        reader.doc.front.title = text
        return
    label = match_label(text)
    if label is not None and not label.rest:
        reader.state = "back" if label.kind in BACK_MATTER else label.kind
        if label.kind in BACK_MATTER:
            reader.doc.back.append(BackSection(label.text, [], _line(node)))
        return
    level = max(1, reader.levels[id(node)] - reader.base_level + 1)
    number, key = None, None
    parsed = parse_number(text)
    if parsed is not None and parsed[1]:
        section, title = parsed
        text = title.rstrip(".").strip() or title
        if section.is_path:
            # "## 3.1" written at the level of "3 Existing Issues" (a Setext "---"):
            # the number says it is a sub-section, whatever mark the writer chose.
            parent = reader.number_levels.get(section.values[:-1])
            level = max(level, parent + 1) if parent is not None else level
            reader.number_levels[section.values] = level
        number = format_number(section.values) if section.scheme == "path" else section.printed
        while reader.keys and reader.keys[-1][0] >= level:
            reader.keys.pop()
        reader.keys.append((level, key_part(section.printed)))
        if not section.is_path:
            key = "s-" + "-".join(part for _, part in reader.keys)
    reader.doc.body.append(Heading(level, text, number, _line(node), key=key))
    reader.state = "body"


def _read_paragraph(reader: _Reader, node: SyntaxTreeNode) -> None:
    inline = node.children[0]
    text = _inline_text(inline)
    if reader.state in ("front", "body", "abstract") and not _in_body(reader):
        label = match_label(text)
        if label is not None:
            if label.kind == "keywords":
                reader.doc.keywords.extend(split_keywords(label.rest))
                return
            if label.kind == "abstract":
                reader.state = "abstract"
                if label.rest:
                    reader.doc.abstract.append(label.rest)
                return
        if reader.state == "front" and _reads_as_authors(text) and not reader.doc.front.authors:
            names, places = _split_author_line(text)
            reader.doc.front.authors = names
            reader.doc.front.affiliations.extend(places)
            return
        reader.doc.abstract.append(text)
        return
    lead, rest = _emphasised_lead(inline)
    if lead is not None:
        reader_paragraph = Paragraph(rest, _line(node), lead=lead)
        _append(reader, reader_paragraph)
        return
    _add_text(reader, text, _line(node))


def _in_body(reader: _Reader) -> bool:
    return any(isinstance(block, Heading) for block in reader.doc.body)


def _reads_as_authors(text: str) -> bool:
    return len(text) <= MAX_AUTHOR_LINE and not re.search(r"[.!?]\s+[A-Z]|[.!?]$", text)


def _split_author_line(text: str) -> tuple[str, list[str]]:
    """ "Gao Yuan, School of Public Administration, Sichuan University": names and places."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    places = [part for part in parts if _INSTITUTION.search(part)]
    names = [part for part in parts if part not in places]
    if places and names:
        return ", ".join(names), [", ".join(places)]
    return text, []


def _add_text(reader: _Reader, text: str, line: int, *, quote: bool = False) -> None:
    """A paragraph of the body, with its run-in item marker split off ("(1) Weak ...")."""
    if not text:
        return
    paragraph = Paragraph(text, line, quote=quote)
    numbered = None if quote else _ESCAPED_NUMBER.match(text)
    if numbered:
        # "1\. The branch moved in ...": a numbered point the writer kept from being
        # a list (a converter's escape); an item of an ordered list, as the cleaner
        # reads "1. The branch ..." opening a paragraph.
        paragraph = Paragraph(text[numbered.end() :], line, numbered.group(1), list="ordered")
    elif not quote:
        split_item_marker(paragraph)
    _append(reader, paragraph)


def _append(reader: _Reader, paragraph: Paragraph) -> None:
    state = reader.state
    if state == "references":
        reader.doc.references.append(RawReference(_paragraph_text(paragraph), paragraph.line))
    elif state == "back" and reader.doc.back:
        reader.doc.back[-1].paragraphs.append(_paragraph_text(paragraph))
    elif state == "keywords":
        reader.doc.keywords.extend(split_keywords(_paragraph_text(paragraph)))
        reader.state = "body" if _in_body(reader) else "front"
    elif state == "abstract" and not _in_body(reader):
        reader.doc.abstract.append(_paragraph_text(paragraph))
    else:
        reader.doc.body.append(paragraph)


def _paragraph_text(paragraph: Paragraph) -> str:
    return " ".join(part for part in (paragraph.marker, paragraph.lead, paragraph.text) if part)


def _read_list(reader: _Reader, node: SyntaxTreeNode, depth: int = 0) -> None:
    """Every item of a list (and of a list inside it, one ``depth`` deeper) as a list
    item of the body."""
    ordered = node.type == "ordered_list"
    for item in node.children:
        number = item.info if ordered else None
        first, *more = item.children or [None]
        if first is not None and first.type == "paragraph":
            lead, rest = _emphasised_lead(first.children[0])
            text = rest if lead is not None else _inline_text(first.children[0])
            paragraph = Paragraph(
                text,
                _line(item),
                number,
                lead=lead,
                list="ordered" if ordered else "bullet",
                depth=depth,
            )
            if reader.state in ("references", "back", "keywords"):
                _append(reader, paragraph)
            else:
                reader.doc.body.append(paragraph)
        elif first is not None:
            more = [first, *more]
        for child in more:  # a second paragraph of the item, a nested list
            if child.type in ("bullet_list", "ordered_list"):
                _read_list(reader, child, depth + 1)
            else:
                _read_block(reader, child)


def _read_footnotes(doc: Document, node: SyntaxTreeNode) -> None:
    for note in node.children:
        label = str(note.meta.get("label", note.meta.get("id", "")))
        texts = [
            _inline_text(child.children[0]) for child in note.children if child.type == "paragraph"
        ]
        doc.footnotes.append(Footnote(label, " ".join(texts), _line(note)))


# --- inline text ------------------------------------------------------------------


def _inline_text(node: SyntaxTreeNode) -> str:
    """An inline node's text as a reader sees it: marks of emphasis gone, a link's text
    with its address, a footnote's mark as ``[^label]`` (the cleaner's form). A
    backslash ending it is a converter's hard line break at a paragraph's end."""
    return " ".join(_inline_parts(node.children).split()).removesuffix("\\").rstrip()


def _inline_parts(children: list[SyntaxTreeNode]) -> str:
    out: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "footnote_ref":
            out.append(f"[^{child.meta.get('label', child.meta.get('id', ''))}]")
        elif kind == "link":
            words = _inline_parts(child.children)
            href = str(child.attrs.get("href", ""))
            out.append(words if not href or href == words else f"{words} ({href})")
        elif kind == "image":
            out.append(child.content or _inline_parts(child.children))
        else:  # strong, em and the like: their words
            out.append(_inline_parts(child.children))
    return "".join(out)


def _emphasised_lead(inline: SyntaxTreeNode) -> tuple[str | None, str]:
    """(the run-in label, the rest) when the text opens on a strong or emphasised phrase
    followed by more text; (None, the text) otherwise."""
    children = [
        child
        for child in inline.children
        if not (child.type == "text" and not child.content.strip() and child is inline.children[0])
    ]
    if len(children) < 2 or children[0].type not in ("strong", "em"):
        return None, _inline_text(inline)
    lead = " ".join(_inline_parts(children[0].children).split())
    rest = " ".join(_inline_parts(children[1:]).split())
    if not lead or not rest or len(lead.split()) > MAX_LEAD_WORDS:
        return None, _inline_text(inline)
    punctuation = re.match(r"^[.:：]\s*", rest)
    if punctuation:  # "**Lead**: text" -> lead "Lead:"
        lead += punctuation.group(0).strip()
        rest = rest[punctuation.end() :]
    return lead, rest
