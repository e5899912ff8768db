"""The kind word model (compare/kind_words.py): what it learns from, and how well it
reads the kind of a section of a paper it did not learn from.

It learns from three sorts of section of the dev papers (never the test part): those
the rules read, through their items matched to the gold (theme_training.examples_of);
those the rules leave unread, whose items (what the extractor would take as items
there) are the gold's when they match a gold label, else NOTHING; and background
(introductions, research designs, histories), whose would-be items are NOTHING. The
second sort is where the model is used, and mostly puts nothing forward (a case, a
setting, the data), as the third never does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from digest.clean import clean_text
from digest.clean.sentences import first_sentence
from digest.compare.extract import trial_items
from digest.compare.kind_words import KIND_WORDS, NOTHING, kind_by_words
from digest.compare.kinds import is_background
from digest.compare.outline import Section as OutlineSection
from digest.compare.outline import outline
from digest.compare.theme_words import WordModel, fit
from digest.evaluation.item_scores import MATCH_THRESHOLD, label_similarity
from digest.evaluation.theme_training import examples_of
from digest.model import Item


@dataclass
class SectionExample:
    """One section's items and the kind they put forward (NOTHING for none)."""

    paper: str
    kind: str
    items: list[Item]


def sections_of(paper: str, text: str, gold: list[dict[str, Any]]) -> list[SectionExample]:
    """The paper's sections: each read by the rules as one section of its matched items'
    kind, and each the rules leave unread, its items labelled by the gold."""
    document = clean_text(text)
    unread: list[list[Item]] = []
    read: dict[tuple[str, str], list[Item]] = {}
    for example in examples_of(paper, document, gold, unread=unread.append):
        item = example.item
        read.setdefault((item.kind, item.anchor.rsplit("-", 1)[0]), []).append(item)
    sections = [SectionExample(paper, kind, items) for (kind, _), items in read.items()]
    # Background (an introduction, the research design, a history) is what sections that
    # put nothing forward are written in, and there is more of it than of unread sections.
    for background in _background_sections(outline(document)):
        items = trial_items(background) or _paragraph_items(background)
        if items and not any(_gold_kind(item, gold) != NOTHING for item in items):
            sections.append(SectionExample(paper, NOTHING, items))
    for items in unread:
        kinds = [_gold_kind(item, gold) for item in items]
        # (a section the gold puts forward, missed by the rules: of its gold's kind)
        known = [kind for kind in kinds if kind != NOTHING]
        kind = max(set(known), key=known.count) if known else NOTHING
        sections.append(SectionExample(paper, kind, items))
    return sections


def _background_sections(sections: list[OutlineSection]) -> list[OutlineSection]:
    found: list[OutlineSection] = []
    for section in sections:
        if is_background(section.heading.text):
            found.append(section)
        else:
            found.extend(_background_sections(section.children))
    return found


def _paragraph_items(section: OutlineSection) -> list[Item]:
    """Each paragraph of a section as an item of no kind: its first sentence the label."""
    items = []
    for block, paragraph in section.paragraphs:
        split = first_sentence(paragraph.text)
        label = split[0] if split else paragraph.text[:80]
        items.append(Item(NOTHING, label, paragraph.text, "", "paragraph", "", block))
    return items


def _gold_kind(item: Item, gold: list[dict[str, Any]]) -> str:
    return next(
        (
            str(entry["kind"])
            for entry in gold
            if label_similarity(entry["label"], item.label) >= MATCH_THRESHOLD
        ),
        NOTHING,
    )


def train_kinds(sections: Iterable[SectionExample]) -> WordModel:
    """Each kind's (and NOTHING's) centroid of the words of its sections' items."""
    examples = [(i.label, i.passage, [s.kind]) for s in sections for i in s.items]
    return fit(examples, KIND_WORDS)


@dataclass
class SectionReadings:
    """Sections of two items or more read by the words: right, wrong, left unread; and
    the sections that put nothing forward, kept so or given a kind."""

    right: int = 0
    wrong: int = 0
    unread: int = 0
    nothing_kept: int = 0
    nothing_read: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        read = self.right + self.wrong + len(self.nothing_read)
        return self.right / read if read else 0.0


def leave_one_paper_out(papers: dict[str, list[SectionExample]]) -> SectionReadings:
    """Each paper's sections read by a model trained without the paper."""
    readings = SectionReadings()
    for held_out, sections in papers.items():
        model = train_kinds(
            s for paper, found in papers.items() if paper != held_out for s in found
        )
        for section in sections:
            if len(section.items) < 2:
                continue
            read = kind_by_words(section.items, model)
            if section.kind == NOTHING:
                if read is None:
                    readings.nothing_kept += 1
                else:
                    readings.nothing_read.append(f"{held_out}: {section.items[0].label} ({read})")
            elif read is None:
                readings.unread += 1
            elif read == section.kind:
                readings.right += 1
            else:
                readings.wrong += 1
    return readings
