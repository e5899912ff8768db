"""A paper's body as a tree of sections, and the items anchored in it.

Headings nest by level; plain text loses the levels of unnumbered headings, so a
section of one paragraph that closes by counting what it leads in to ("Three strains
stand out.") takes in as many bare unnumbered headings after it as its sub-sections.
An item is anchored by its section's heading, or by its place in a count inside one
paragraph, as the paper numbers it: the anchors the site links to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.compare.counting import last_sentence, sentence_counts, sentences_of, what_it_counts
from digest.compare.kinds import announced_kind, heading_kind, is_background, kind_number_end
from digest.model import Document, Heading, Item, Paragraph


@dataclass
class Section:
    heading: Heading
    block: int
    paragraphs: list[tuple[int, Paragraph]] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def walk(self) -> list[tuple[int, Paragraph]]:
        """Its paragraphs and its sub-sections', in order."""
        return [*self.paragraphs, *(pair for child in self.children for pair in child.walk())]

    def text(self) -> str:
        parts = [paragraph_text(p) for _, p in self.paragraphs]
        parts.extend(child.heading.text + ". " + child.text() for child in self.children)
        return " ".join(part for part in parts if part)


def paragraph_text(paragraph: Paragraph) -> str:
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
    return _adopt_counted(roots)


def _adopt_counted(sections: list[Section]) -> list[Section]:
    """Siblings with the sub-headings a section counts taken in as its children.

    Unnumbered headings in plain text carry no level: "Strains in the Outbound
    Branches" closing on "Three strains stand out." and the three headings after it
    come out as four sections of one level. A section whose last sentence counts n
    things, followed by n unnumbered headings that announce nothing and have nothing
    under them, holds them (the reverse of _split_off_sections)."""
    adopted: list[Section] = []
    index = 0
    while index < len(sections):
        section = sections[index]
        section.children = _adopt_counted(section.children)
        index += 1
        count, announced = _closing_count(section)
        following = sections[index : index + count]
        kind = heading_kind(section.heading.text, top_level=True) or announced
        if count and len(following) == count and all(_bare_sub(f, kind) for f in following):
            section.children = following
            index += count
        adopted.append(section)
    return adopted


def _closing_count(section: Section) -> tuple[int, str | None]:
    """How many things of which kind an unnumbered, childless section of one paragraph
    leads in to by its last sentence ("The difficulties they described fall under four
    headings."); (0, None) if it leads in to none ("... in two compounds, wardens
    covered ..."). (A section that says more than a lead-in has points of its own.)"""
    if section.heading.number is not None or section.children or len(section.paragraphs) != 1:
        return 0, None
    text = section.paragraphs[0][1].text
    sentence = last_sentence(text)
    kind = announced_kind(sentence)
    counts = sentence_counts(sentence) if kind else []
    if counts:
        return counts[0], kind
    # (or by an earlier sentence that names what it counts, the last one saying more of
    # them: "Four difficulties recur in our material. They share a root in the seasonal
    # swing, but each calls for a different response.")
    counted = (what_it_counts(earlier) for earlier in sentences_of(text)[:-1])
    return next((found for found in counted if found), (0, None))


def _bare_sub(section: Section, kind: str | None) -> bool:
    """An unnumbered heading with nothing under it but paragraphs, announcing no kind
    but one a sub-heading of a ``kind`` section may (SAME_SIDE), and no background:
    what a counted sub-heading looks like once its level is lost."""
    text = section.heading.text
    return (
        section.heading.number is None
        and not section.children
        and heading_kind(text, top_level=True) in SAME_SIDE.get(kind, (None,))
        and not is_background(text)
    )


# Kinds a sub-heading may read as and still be its section's: what a case did that
# others can learn from reads as a thing to do ("Bringing the Designers into the
# Courtyard" under "What the Daguan Compound Got Right").
SAME_SIDE = {
    "problem": (None, "problem"),
    "cause": (None, "cause"),
    "path": (None, "path"),
    "experience": (None, "experience", "path"),
}


def heading_item(section: Section, kind: str, source: str = "heading") -> Item:
    text = section.heading.text
    # ("Path 1: Draw the Branch Along the Timber Chain": the words after kind and number)
    return Item(
        kind=kind,
        label=text[kind_number_end(text) :].strip() or text,
        passage=section.text(),
        section=section_number(section),
        source=source,
        anchor=section.heading.anchor,
        block=section.block,
    )


def section_number(section: Section) -> str:
    return (section.heading.number or "").rstrip(".")


def counted_item(
    section: Section,
    kind: str,
    source: str,
    number: int,
    block: int,
    offset: int,
    label: str,
    passage: str,
) -> Item:
    """The ``number``-th point counted inside the paragraph at ``block`` (an ordinal or a
    marker at ``offset``): anchored by its place in the count, as the paper numbers it."""
    return Item(
        kind=kind,
        label=label,
        passage=passage.strip(),
        section=section_number(section),
        source=source,
        anchor=f"{kind}-{section.heading.anchor}-{number + 1}",
        block=block,
        offset=offset,
    )
