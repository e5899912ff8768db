"""Find the problems, causes, paths and experiences a paper puts forward.

Three sources, tried in this order for each announcing section (see kinds.py):
1. sub-sections: "3. Difficulties ..." with 3.1-3.3 gives three items, labelled
   by their headings (sub-sections that announce a different kind, such as
   "3.3 Analysis of the Causes", keep their own kind);
2. numbered items and run-in heads: "1) Weak political and ideological
   guidance. ..." gives an item labelled by its first sentence;
3. enumerations in prose: "One is ... The second is ...", "Firstly, ...
   Secondly, ...", "First, ... Second, ..." give an item per ordinal, labelled
   by its first clause.
A section that announces a kind but offers none of these is one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.compare.kinds import heading_kind
from digest.model import Document, Heading, Item, Paragraph

_FIRST = r"(?:First(?:ly)?,|First of all,|One is\b|The first is\b|In the first place,)"
_NEXT = (
    r"(?:Second(?:ly)?,|Third(?:ly)?,|Fourth(?:ly)?,|Fifth(?:ly)?,|Sixth(?:ly)?,|"
    r"Finally,|Lastly,|Last but not least,|Another is\b|"
    r"The (?:second|third|fourth|fifth|sixth|last) is\b)"
)
_SENTENCE_START = r"(?:(?<=^)|(?<=[.;!?]\s)|(?<=[.;!?][”\"]\s))"
_ORDINAL = re.compile(rf"{_SENTENCE_START}(?P<marker>{_FIRST}|{_NEXT})\s*")
_CLAUSE_END = re.compile(r"[.;:!?](?=\s|$)")
_MAX_LABEL_WORDS = 20


@dataclass
class Section:
    heading: Heading
    block: int
    paragraphs: list[tuple[int, Paragraph]] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def text(self) -> str:
        parts = [_paragraph_text(p) for _, p in self.paragraphs]
        parts.extend(child.heading.text + ". " + child.text() for child in self.children)
        return " ".join(part for part in parts if part)


def _paragraph_text(paragraph: Paragraph) -> str:
    lead = " ".join(part for part in (paragraph.marker, paragraph.lead) if part)
    return f"{lead} {paragraph.text}".strip()


def outline(doc: Document) -> list[Section]:
    """The body as a tree of numbered sections."""
    roots: list[Section] = []
    stack: list[Section] = []
    for index, block in enumerate(doc.body):
        if isinstance(block, Heading):
            section = Section(block, index)
            while stack and stack[-1].heading.level >= block.level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        elif stack:
            stack[-1].paragraphs.append((index, block))
    return roots


def extract_items(doc: Document) -> list[Item]:
    items: list[Item] = []
    for section in outline(doc):
        kind = heading_kind(section.heading.text, top_level=True)
        if kind is not None:
            items.extend(_section_items(section, kind))
    return items


def _section_items(section: Section, kind: str) -> list[Item]:
    if section.children:
        own = [heading_kind(child.heading.text, top_level=False) for child in section.children]
        # Children inherit the parent's kind unless some of them announce another;
        # then only the children that announce something count.
        mixed = any(k is not None and k != kind for k in own)
        items: list[Item] = []
        for child, child_kind in zip(section.children, own, strict=True):
            effective = child_kind if mixed else kind
            if effective is None:
                continue
            if child.children:
                items.extend(_section_items(child, effective))
            else:
                items.append(_heading_item(child, effective))
        return items
    return _paragraph_items(section, kind) or [_heading_item(section, kind, source="section")]


def _heading_item(section: Section, kind: str, source: str = "heading") -> Item:
    return Item(
        kind=kind,
        label=section.heading.text,
        passage=section.text(),
        section=_number(section),
        source=source,
        anchor=section.heading.anchor,
        block=section.block,
    )


def _number(section: Section) -> str:
    return (section.heading.number or "").rstrip(".")


def _paragraph_items(section: Section, kind: str) -> list[Item]:
    """Numbered items and run-in heads, else an enumeration in the prose."""
    items: list[Item] = []
    for index, paragraph in section.paragraphs:
        if paragraph.marker or paragraph.lead:
            label = (paragraph.lead or paragraph.text).rstrip(".").strip()
            items.append(
                Item(
                    kind=kind,
                    label=label,
                    passage=_paragraph_text(paragraph),
                    section=_number(section),
                    source="numbered" if paragraph.marker else "runin",
                    anchor=f"{kind}-{section.heading.anchor}-{len(items) + 1}",
                    block=index,
                )
            )
        elif items:  # a paragraph after an item, before the next, continues it
            items[-1].passage += " " + paragraph.text
    return items if len(items) >= 2 else _enumerated_items(section, kind)


def _enumerated_items(section: Section, kind: str) -> list[Item]:
    marks = [
        (index, match)
        for index, paragraph in section.paragraphs
        for match in _ORDINAL.finditer(paragraph.text)
    ]
    if len(marks) < 2 or not re.match(_FIRST, marks[0][1].group("marker")):
        return []
    items: list[Item] = []
    for number, (index, match) in enumerate(marks):
        text = dict(section.paragraphs)[index].text
        following = marks[number + 1] if number + 1 < len(marks) else None
        if following and following[0] == index:
            passage = text[match.start() : following[1].start()]
        else:
            passage = text[match.start() :]
            stop = following[0] if following else None
            for later, paragraph in section.paragraphs:
                if later > index and (stop is None or later < stop):
                    passage += " " + paragraph.text
            if following:
                passage += " " + dict(section.paragraphs)[following[0]].text[: following[1].start()]
        items.append(
            Item(
                kind=kind,
                label=_first_clause(text[match.end() :]),
                passage=passage.strip(),
                section=_number(section),
                source="enumeration",
                anchor=f"{kind}-{section.heading.anchor}-{number + 1}",
                block=index,
                offset=match.start(),
            )
        )
    return items


def _first_clause(text: str) -> str:
    end = _CLAUSE_END.search(text)
    clause = text[: end.start()] if end else text
    words = clause.split()
    if len(words) > _MAX_LABEL_WORDS:
        comma = clause.find(", ", len(" ".join(words[:6])))
        clause = clause[:comma] if comma > 0 else " ".join(words[:_MAX_LABEL_WORDS]) + " …"
    return clause.strip().rstrip(",")
