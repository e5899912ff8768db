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
from digest.clean.sentences import FUNCTION_OPENERS, first_sentence
from digest.model import Paragraph

_MAX_LEAD_WORDS = 6
_MAX_QUESTION_LEAD_WORDS = 8


# A title may follow these inside a sentence ("as argued in The Governance of China").
_JOINING_WORDS = frozenset(
    "a an the of in on at to for by with from as and or but than into onto about".split()
)


def mark_leads(
    paragraphs: list[Paragraph], openers: frozenset[str] = frozenset()
) -> list[Paragraph]:
    """Fill in ``marker``/``lead`` for one section's paragraphs."""
    for paragraph in paragraphs:
        split_item_marker(paragraph)
    candidates = [_run_in_candidate(p) or _unstopped_candidate(p, openers) for p in paragraphs]
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
    colon = _COLON_LEAD.match(paragraph.text)
    lead = colon.group(1) if colon else ""
    if lead and len(lead.split()) <= _MAX_COLON_LEAD_WORDS and not _LEADS_IN.search(lead):
        return lead + ":", paragraph.text[colon.end() :]
    split = first_sentence(paragraph.text)
    if split is None:
        return None
    lead, rest = split
    words = lead.split()
    # (or a label that asks: "Why does the branch look away? The branch has no ...")
    asks = lead.endswith("?") and len(words) <= _MAX_QUESTION_LEAD_WORDS
    if (len(words) > _MAX_LEAD_WORDS and not asks) or not lead.endswith((".", "?")) or not rest:
        return None
    if words[0].endswith(",") or lead.count(",") > 1:
        return None  # "However, it failed.": a clause; a label lists at most "A, B and C"
    if not re.match(r"[A-Z]", lead) or _SENTENCE_SUBJECT.match(lead):
        return None
    if _OPENS_A_COUNT.match(rest) or _LEADS_IN.search(lead.rstrip(".?")):
        return None  # "Four proposals follow. First, the town should ...": a lead-in
    return lead, rest


def _unstopped_candidate(paragraph: Paragraph, openers: frozenset[str]) -> tuple[str, str] | None:
    """A label run into its paragraph with no stop after it, as LaTeX's
    ``\\paragraph`` sets one and a text extractor prints it without its bold type:
    "Letting each council hire its own caretaker Courtyards should elect ...". Its end
    is a word that opens a sentence (sentences.opening_capitals: ``openers``) right
    after a lower-case word."""
    if not openers or paragraph.marker is not None or paragraph.lead is not None:
        return None
    words = paragraph.text.split()
    if not words or not re.fullmatch(r"[A-Z][a-z]+", words[0]):
        return None
    for index in range(_MIN_UNSTOPPED_WORDS, min(len(words), _MAX_UNSTOPPED_WORDS + 1)):
        before, word = words[index - 1], words[index]
        if re.search(r"[.,;:!?]", before):
            return None
        opens = word in openers or word in FUNCTION_OPENERS
        if opens and re.fullmatch(r"[a-z’'-]+", before) and before not in _JOINING_WORDS:
            rest = words[index:]
            if len(rest) < _MIN_UNSTOPPED_WORDS:
                return None
            return " ".join(words[:index]), " ".join(rest)
    return None


# A label ending on a colon before a capital ("Tourist pressure outruns what the village
# can provide: On holiday evenings ..."), not a sentence leading in to what follows.
_COLON_LEAD = re.compile(r"([A-Z][^.:;!?]*?):\s+(?=[“\"‘']?[A-Z])")
_MAX_COLON_LEAD_WORDS = 10
_LEADS_IN = re.compile(r"\b(?:follows?|following|includes?|included|are|is|was|were)$")

# The first of the points a sentence leads in to: "Four proposals follow. First, ...".
_OPENS_A_COUNT = re.compile(
    r"(?:First(?:ly)?,|First of all,|To begin with,|To start with,|In the first place,|"
    r"For a start,|One is\b|The first (?:is|lies|of (?:these|them))\b)"
)

# A label without a stop has some words to it and stops short of a sentence's length.
_MIN_UNSTOPPED_WORDS = 3
_MAX_UNSTOPPED_WORDS = 14


# A short first sentence whose subject is a pronoun says something of what came before
# ("These are symptoms. Three causes lie behind them ..."): a sentence, not a label.
_SENTENCE_SUBJECT = re.compile(
    r"(?:(?:It|They|We|There|He|She|I)\s|(?:This|These|That|Those)\s+(?:is|are|was|were)\b)"
)
