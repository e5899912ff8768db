"""Item markers and run-in headings at the start of a paragraph.

`1) Weak political and ideological guidance. Political leadership is ...` and
`Thought building. The essence of ...` are the same device: a label printed
inline at the head of a paragraph. Both are kept as a paragraph with a separate
``lead`` (and ``marker`` for the number) and rendered alike, as a bold lead-in:
promoting them to headings would invent a level the paper's numbering does not
have, and a list would fuse separate paragraphs into one block.
"""

from __future__ import annotations

import re

from digest.clean.paragraphs import ITEM_MARKER
from digest.clean.sentences import first_sentence
from digest.model import Paragraph

_MAX_LEAD_WORDS = 6


def mark_leads(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Fill in ``marker``/``lead`` for one section's paragraphs."""
    for paragraph in paragraphs:
        split_item_marker(paragraph)
    candidates = [_run_in_candidate(p) for p in paragraphs]
    for index, paragraph in enumerate(paragraphs):
        split = candidates[index]
        if split is None or paragraph.lead is not None:
            continue
        neighbours = [candidates[j] for j in (index - 1, index + 1) if 0 <= j < len(paragraphs)]
        # A run-in head comes in a series; one short opening sentence is just prose.
        if any(n is not None for n in neighbours):
            paragraph.lead, paragraph.text = split
    return paragraphs


def split_item_marker(paragraph: Paragraph) -> None:
    """Split "(1) Weak guidance. Political ..." into marker, lead and text."""
    match = ITEM_MARKER.match(paragraph.text)
    if not match:
        return
    paragraph.marker = match.group(1)
    rest = paragraph.text[match.end() :]
    split = first_sentence(rest)
    if split is None:
        paragraph.text = rest
    else:
        paragraph.lead, paragraph.text = split


def _run_in_candidate(paragraph: Paragraph) -> tuple[str, str] | None:
    if paragraph.marker is not None:
        return None
    split = first_sentence(paragraph.text)
    if split is None:
        return None
    lead, rest = split
    words = lead.split()
    if len(words) > _MAX_LEAD_WORDS or not lead.endswith(".") or not rest:
        return None
    if words[0].endswith(",") or lead.count(",") > 1:
        return None  # "However, it failed.": a clause; a label lists at most "A, B and C"
    if not re.match(r"[A-Z]", lead) or _SENTENCE_SUBJECT.match(lead):
        return None
    return lead, rest


# A short first sentence whose subject is a pronoun says something of what came before
# ("These are symptoms. Three causes lie behind them ..."): a sentence, not a label.
_SENTENCE_SUBJECT = re.compile(
    r"(?:(?:It|They|We|There|He|She|I)\s|(?:This|These|That|Those)\s+(?:is|are|was|were)\b)"
)
