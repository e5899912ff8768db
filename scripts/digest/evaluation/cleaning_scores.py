"""Score a cleaned body against a hand-written gold body.

Both sides are CommonMark text, so the cleaner is judged by what a reader of
the site would see, not by its internal data structures. Three numbers say
three different things went wrong:

* heading recall/precision -- sections lost, invented or put at the wrong level;
* paragraph-boundary precision/recall/F1 -- paragraphs split at page breaks or
  run together;
* character similarity -- words garbled, dropped or left in (page headers,
  hyphenation, stray front matter).

The lists of missed and extra items are there so a human can see *where* a
number came from without diffing 15,000 characters by eye.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Default targets; the command-line script exposes them as flags.
TARGET_HEADING_RECALL = 1.0
TARGET_PARAGRAPH_F1 = 0.98
TARGET_SIMILARITY = 0.99

# How many words either side of a boundary to show in a report.
CONTEXT_WORDS = 4

# Typographic variants that a cleaner may legitimately produce or drop; they
# are folded so that quote style never counts as a cleaning error.
_QUOTES = {
    "\u2018": "'",  # left single quotation mark
    "\u2019": "'",  # right single quotation mark
    "\u201a": "'",  # single low-9 quotation mark
    "\u201b": "'",  # single high-reversed-9 quotation mark
    "\u2032": "'",  # prime
    "\u00b4": "'",  # acute accent used as apostrophe
    "`": "'",
    "\u201c": '"',  # left double quotation mark
    "\u201d": '"',  # right double quotation mark
    "\u201e": '"',  # double low-9 quotation mark
    "\u201f": '"',  # double high-reversed-9 quotation mark
    "\u2033": '"',  # double prime
    "\u00ab": '"',  # left guillemet
    "\u00bb": '"',  # right guillemet
}
# Every dash-like character becomes an ASCII hyphen-minus.
_DASHES = dict.fromkeys(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d", "-"
)
# Invisible characters that PDF extraction leaves behind: soft hyphen,
# zero-width space/joiners, word joiner, byte-order mark.
_INVISIBLE = dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", "")
_TRANSLATION = str.maketrans({**_QUOTES, **_DASHES, **_INVISIBLE})


def normalise(text: str) -> str:
    """Fold Unicode variants that carry no cleaning information; keep case.

    NFKC first (ligatures, full-width forms, non-breaking spaces), then curly
    quotes to straight, all dashes to ``-``, invisible characters removed and
    whitespace collapsed to single spaces.
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_TRANSLATION)
    return " ".join(text.split())


@dataclass(frozen=True)
class ParsedBlock:
    """One parsed block: a heading (with its Markdown level) or a paragraph.

    ``text`` is plain text -- inline markup stripped, escapes and entities
    decoded -- and already normalised.
    """

    kind: str  # "heading" or "paragraph"
    text: str
    level: int = 0  # 1-6 for headings (``##`` is 2), 0 for paragraphs

    @property
    def label(self) -> str:
        """How the block reads in a report: headings as Markdown, with their level."""
        if self.kind == "heading":
            return "#" * self.level + " " + self.text
        return self.text


def _inline_text(tokens: list[Token]) -> str:
    """Plain text of an inline token's children (markup dropped, breaks as spaces)."""
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(_inline_text(token.children or []))
        # html_inline and *_open/*_close carry no reader-visible text.
    return "".join(parts)


_PARSER = MarkdownIt("commonmark")


def parse_blocks(markdown: str) -> list[ParsedBlock]:
    """Parse CommonMark into an ordered list of headings and paragraphs.

    Paragraphs inside lists and block quotes count as paragraphs too, and code
    blocks count as paragraphs of their literal text: a cleaner that produces
    them by accident (an indented line, a leading ``-``) should still be scored
    on its words, not lose them silently.
    """
    tokens = _PARSER.parse(markdown)
    blocks: list[ParsedBlock] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            text = _inline_text(tokens[index + 1].children or [])
            blocks.append(ParsedBlock("heading", normalise(text), int(token.tag[1:])))
        elif token.type == "paragraph_open":
            text = _inline_text(tokens[index + 1].children or [])
            blocks.append(ParsedBlock("paragraph", normalise(text)))
        elif token.type in ("code_block", "fence", "html_block"):
            text = normalise(token.content)
            if text:
                blocks.append(ParsedBlock("paragraph", text))
    return blocks


@dataclass(frozen=True)
class BoundaryIssue:
    """A paragraph/heading start that one side has and the other lacks.

    ``index`` is the word index in the text the boundary belongs to (gold for
    missed boundaries, candidate for extra ones); ``context`` shows a few words
    either side, with ``|`` where the break is.
    """

    index: int
    context: str


@dataclass
class CleaningScores:
    """All numbers for one candidate/gold pair, plus what went wrong where."""

    heading_recall: float
    heading_precision: float
    paragraph_precision: float
    paragraph_recall: float
    paragraph_f1: float
    similarity: float
    gold_headings: int
    candidate_headings: int
    gold_boundaries: int
    candidate_boundaries: int
    # Of the gold headings found with their title (at any level), the share found at
    # their own level; 1.0 when none is found.
    heading_level_accuracy: float = 1.0
    missed_headings: list[str] = field(default_factory=list)
    extra_headings: list[str] = field(default_factory=list)
    missed_boundaries: list[BoundaryIssue] = field(default_factory=list)
    extra_boundaries: list[BoundaryIssue] = field(default_factory=list)

    def failures(
        self,
        min_heading_recall: float = TARGET_HEADING_RECALL,
        min_paragraph_f1: float = TARGET_PARAGRAPH_F1,
        min_similarity: float = TARGET_SIMILARITY,
    ) -> list[str]:
        """The targets this pair misses, as messages; empty means it passes."""
        checks = [
            ("heading recall", self.heading_recall, min_heading_recall),
            ("paragraph F1", self.paragraph_f1, min_paragraph_f1),
            ("similarity", self.similarity, min_similarity),
        ]
        return [
            f"{name} {value:.4f} < {target:.4f}" for name, value, target in checks if value < target
        ]

    def to_json(self) -> dict[str, Any]:
        """Plain JSON form for ``--json`` and for tooling."""
        return asdict(self)


def _ratio(hits: int, total: int, other_total: int) -> float:
    """hits/total, defining the empty case: 1.0 only if both sides are empty.

    With nothing to find and nothing found the cleaner did everything right;
    with nothing found but something to find (or vice versa) it did not.
    """
    if total == 0:
        return 1.0 if other_total == 0 else 0.0
    return hits / total


def _heading_scores(
    gold: list[ParsedBlock], candidate: list[ParsedBlock]
) -> tuple[float, float, list[str], list[str]]:
    """Recall/precision of headings as (level, text) multisets, plus the misses."""
    gold_heads = [b for b in gold if b.kind == "heading"]
    cand_heads = [b for b in candidate if b.kind == "heading"]
    gold_count = Counter((b.level, b.text) for b in gold_heads)
    cand_count = Counter((b.level, b.text) for b in cand_heads)
    matched = sum((gold_count & cand_count).values())
    missed = _surplus(gold_heads, gold_count - cand_count)
    extra = _surplus(cand_heads, cand_count - gold_count)
    recall = _ratio(matched, len(gold_heads), len(cand_heads))
    precision = _ratio(matched, len(cand_heads), len(gold_heads))
    return recall, precision, missed, extra


def heading_level_accuracy(gold: list[ParsedBlock], candidate: list[ParsedBlock]) -> float:
    """Of the gold headings whose title the candidate has as a heading, the share at the
    gold's level (titles matched as multisets, in document order)."""
    found: dict[str, list[int]] = {}
    for block in candidate:
        if block.kind == "heading":
            found.setdefault(block.text, []).append(block.level)
    matched = right = 0
    for block in gold:
        if block.kind == "heading" and found.get(block.text):
            level = found[block.text].pop(0)
            matched += 1
            right += level == block.level
    return right / matched if matched else 1.0


def _surplus(headings: list[ParsedBlock], surplus: Counter[tuple[int, str]]) -> list[str]:
    """Labels of the headings left unmatched, in document order.

    For a heading repeated more often on one side the first occurrences are
    reported; which copy is "the" extra one is arbitrary anyway.
    """
    left = Counter(surplus)
    labels: list[str] = []
    for block in headings:
        key = (block.level, block.text)
        if left[key] > 0:
            left[key] -= 1
            labels.append(block.label)
    return labels


def _words_and_starts(blocks: list[ParsedBlock]) -> tuple[list[str], list[int]]:
    """The text as one word sequence, and the word index where each block starts."""
    words: list[str] = []
    starts: list[int] = []
    for block in blocks:
        starts.append(len(words))
        words.extend(block.text.split())
    # A block with no words starts where the next one does; count it once.
    return words, sorted(set(starts))


def _context(words: list[str], index: int) -> str:
    """A few words either side of a boundary, e.g. ``... and negative | attitude of ...``."""
    before = words[max(0, index - CONTEXT_WORDS) : index]
    after = words[index : index + CONTEXT_WORDS]
    left = ("... " if index > CONTEXT_WORDS else "") + " ".join(before)
    right = " ".join(after) + (" ..." if index + CONTEXT_WORDS < len(words) else "")
    return f"{left} | {right}".strip()


def _map_to_gold(
    gold_words: list[str], cand_words: list[str], cand_starts: list[int]
) -> dict[int, int]:
    """Map candidate word indices to gold word indices through the word alignment.

    Only positions whose word is aligned are mapped: words inside equal runs,
    words in a same-length replacement (a typo changes a word, not where the
    paragraph starts), and the first word of any other replacement (the block
    starts where the differing run starts). Candidate boundaries inside
    inserted text have no gold counterpart and stay unmapped (so count as
    extra).
    """
    matcher = difflib.SequenceMatcher(None, gold_words, cand_words, autojunk=False)
    mapping: dict[int, int] = {}
    wanted = set(cand_starts)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            if j not in wanted:
                continue
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                mapping[j] = i1 + (j - j1)
            elif tag == "replace" and j == j1:
                mapping[j] = i1
    return mapping


def _boundary_scores(
    gold: list[ParsedBlock], candidate: list[ParsedBlock]
) -> tuple[float, float, float, int, int, list[BoundaryIssue], list[BoundaryIssue]]:
    """Precision, recall and F1 of block starts after word alignment, plus the misses."""
    gold_words, gold_starts = _words_and_starts(gold)
    cand_words, cand_starts = _words_and_starts(candidate)
    mapping = _map_to_gold(gold_words, cand_words, cand_starts)
    gold_set = set(gold_starts)
    hits = {mapping[j] for j in cand_starts if mapping.get(j) in gold_set}
    precision = _ratio(len(hits), len(cand_starts), len(gold_starts))
    recall = _ratio(len(hits), len(gold_starts), len(cand_starts))
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    missed = [BoundaryIssue(i, _context(gold_words, i)) for i in gold_starts if i not in hits]
    extra = [
        BoundaryIssue(j, _context(cand_words, j))
        for j in cand_starts
        if mapping.get(j) not in gold_set
    ]
    return precision, recall, f1, len(gold_starts), len(cand_starts), missed, extra


def full_text(blocks: list[ParsedBlock]) -> str:
    """All block texts joined by single spaces: what the similarity compares."""
    return " ".join(block.text for block in blocks if block.text)


def similarity(gold_text: str, candidate_text: str) -> float:
    """``difflib.SequenceMatcher(autojunk=False).ratio()`` on characters: 2*M/T.

    M is the number of characters in matching blocks and T the total length
    of both strings. Chosen over edit distance because it is in the standard
    library and fast enough on a paper (seconds); it can slightly under-rate
    very repetitive text, never over-rate it. Two empty texts score 1.0.
    """
    return difflib.SequenceMatcher(None, gold_text, candidate_text, autojunk=False).ratio()


def score_cleaning(candidate_markdown: str, gold_markdown: str) -> CleaningScores:
    """Score a rendered candidate body against a gold body (both CommonMark)."""
    gold = parse_blocks(gold_markdown)
    candidate = parse_blocks(candidate_markdown)
    h_recall, h_precision, missed_h, extra_h = _heading_scores(gold, candidate)
    p_precision, p_recall, p_f1, n_gold_b, n_cand_b, missed_b, extra_b = _boundary_scores(
        gold, candidate
    )
    return CleaningScores(
        heading_recall=h_recall,
        heading_precision=h_precision,
        paragraph_precision=p_precision,
        paragraph_recall=p_recall,
        paragraph_f1=p_f1,
        similarity=similarity(full_text(gold), full_text(candidate)),
        gold_headings=sum(1 for b in gold if b.kind == "heading"),
        candidate_headings=sum(1 for b in candidate if b.kind == "heading"),
        gold_boundaries=n_gold_b,
        candidate_boundaries=n_cand_b,
        heading_level_accuracy=heading_level_accuracy(gold, candidate),
        missed_headings=missed_h,
        extra_headings=extra_h,
        missed_boundaries=missed_b,
        extra_boundaries=extra_b,
    )
