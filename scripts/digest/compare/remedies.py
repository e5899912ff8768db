"""Problems told each with its remedy beside it.

Papers that pair each problem with what should be done about it, in one sub-section
or one numbered point ("... To address this, the township should ..."), put forward
problems and paths alternately; read as one kind, the remedies would be lost or
mislabelled as problems.
"""

from __future__ import annotations

from digest.clean.sentences import first_sentence
from digest.compare.counting import first_sentence_of
from digest.compare.kinds import REMEDY_OPENING, item_kind
from digest.compare.markers import item_label, item_source
from digest.compare.outline import Section, heading_item, paragraph_text, section_number
from digest.model import Item, Paragraph


def remedies_between(section: Section, items: list[Item]) -> list[Item]:
    """Problems each followed by a paragraph that names its remedy and goes on "To
    address this, ..." (a labelled remedy whose label's type plain text lost): each such
    paragraph, two at least, is a path after its problem."""
    blocks = [item.block for item in items]
    remedies: dict[int, tuple[int, Paragraph, str]] = {}
    for number, item in enumerate(items):
        stop = blocks[number + 1] if number + 1 < len(blocks) else None
        for index, paragraph in section.paragraphs:
            if index <= item.block or (stop is not None and index >= stop):
                continue
            label = None if paragraph.lead or paragraph.marker else _remedy_label(paragraph)
            if label:
                remedies[number] = (index, paragraph, label)
                break
    if len(remedies) < 2 or any(item.kind != "problem" for item in items):
        return items
    found: list[Item] = []
    for number, item in enumerate(items):
        found.append(item)
        if number not in remedies:
            continue
        index, paragraph, label = remedies[number]
        item.passage = item.passage.split(paragraph.text[:40])[0].strip()
        found.append(
            Item(
                kind="path",
                label=label,
                passage=paragraph.text,
                section=item.section,
                source="runin",
                anchor=f"path-{section.heading.anchor}-{number + 1}",
                block=index,
            )
        )
    return found


def problem_and_remedy(section: Section) -> list[Item]:
    """A sub-section that states one problem under its heading and closes on the remedy
    for it, in one labelled or marked paragraph that prescribes ("### 3.1 Owner-Members
    Who No Longer Come to Meetings" ... "**A joint branch that follows the combing
    lines.** To address this, Xielu town should set up ..."): the problem, and the path."""
    marked = [(n, p) for n, (_, p) in enumerate(section.paragraphs) if p.lead or p.marker]
    if not marked:
        # (plain text lost the label's type: "A joint branch that follows the combing
        # lines. To address this, Xielu town should ...")
        marked = [
            (n, p) for n, (_, p) in enumerate(section.paragraphs) if _remedy_label(p) and n > 0
        ]
    if len(marked) != 1 or marked[0][0] == 0 or section.children:
        return []
    position, paragraph = marked[0]
    told = " ".join(paragraph_text(p) for _, p in section.paragraphs[:position])
    label = (
        item_label(paragraph) if paragraph.lead or paragraph.marker else _remedy_label(paragraph)
    )
    remedy = item_kind(label, first_sentence_of(paragraph.text), paragraph.text) == "path"
    if not label or not remedy or item_kind(section.heading.text, told, told) == "path":
        return []
    problem = heading_item(section, "problem")
    problem.passage = told
    index = section.paragraphs[position][0]
    path = Item(
        kind="path",
        label=label,
        passage=paragraph_text(paragraph),
        section=section_number(section),
        source=item_source(paragraph),
        anchor=f"path-{section.heading.anchor}-1",
        block=index,
    )
    return [problem, path]


_MAX_REMEDY_LABEL_WORDS = 12


def _remedy_label(paragraph: Paragraph) -> str | None:
    """The label of a paragraph that opens on a short sentence naming a remedy and goes
    on "To address this, ..." or "The remedy is ...", as a labelled paragraph reads when
    its label's type is lost; else None."""
    split = first_sentence(paragraph.text)
    # (its next sentence opens on the remedy: "To address this, ...", "The remedy is ...")
    if split is None or not REMEDY_OPENING.match(split[1]):
        return None
    label = split[0].rstrip(".")
    return label if len(label.split()) <= _MAX_REMEDY_LABEL_WORDS else None


def with_paired_remedies(items: list[Item]) -> list[Item]:
    """Problems each followed by its remedy, in two styles that alternate ("(1) The
    services reach mostly those who least need them. ..." / "**An open order pool.** The
    remedy is for the branch to ..."): the second style's points are paths when every one
    of them prescribes and none of the first's does."""
    if len(items) < 4 or len(items) % 2:
        return items
    firsts, seconds = items[0::2], items[1::2]
    styles = {item.source for item in firsts}, {item.source for item in seconds}
    if len(styles[0]) != 1 or len(styles[1]) != 1 or styles[0] == styles[1]:
        return items

    def shown(item: Item) -> str | None:
        return item_kind(item.label, first_sentence_of(item.passage), item.passage)

    if not all(shown(item) == "path" for item in seconds):
        return items
    if any(shown(item) == "path" for item in firsts):
        return items
    for item in seconds:
        item.anchor = "path" + item.anchor.removeprefix(item.kind)
        item.kind = "path"
    return items
