"""Unnumbered section labels of a scholarly paper: Abstract, Keywords, References ...

A label either stands alone on its line ("References") or opens its block
run-in with a colon ("Abstract: With the ..."), or for an abstract and keywords
also a full stop or a dash. The vocabulary is that of
scholarly papers in general, not of any one text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from digest.clean.numbering import LINE_CACHE

# canonical kind -> the spellings papers use
_KINDS: dict[str, tuple[str, ...]] = {
    "abstract": ("abstract", "summary"),
    "keywords": ("keywords", "key words", "keyword", "index terms"),
    # Elsevier's three to five bullet points ahead of the abstract.
    "highlights": ("highlights", "research highlights"),
    "acknowledgement": ("acknowledgement", "acknowledgements", "acknowledgment", "acknowledgments"),
    "funding": ("funding", "funding information", "fund project", "foundation item"),
    "references": ("references", "reference", "bibliography", "works cited", "literature cited"),
    "notes": ("notes", "endnotes"),
    "declarations": (
        "conflict of interest",
        "conflicts of interest",
        "declaration of interest",
        "declaration of interests",
        "declaration of competing interest",
        "declaration of competing interests",
        "competing interests",
        "competing interest",
        "ethics statement",
        "ethical approval",
        "credit authorship contribution statement",
        "author contributions",
        "data availability",
        "data availability statement",
    ),
    "appendix": ("appendix",),
}
_SPELLINGS = {spelling: kind for kind, names in _KINDS.items() for spelling in names}
_ALTERNATIVES = "|".join(sorted((re.escape(s) for s in _SPELLINGS), key=len, reverse=True))
# A label's first letter: a quick test that leaves most lines out before the
# spellings are tried one by one.
_FIRST = re.compile("[" + "".join(sorted({s[0] for s in _SPELLINGS})) + "]", re.IGNORECASE)
_ALONE = re.compile(rf"^({_ALTERNATIVES})\s*[:：.]?$", re.IGNORECASE)
_RUN_IN = re.compile(rf"^({_ALTERNATIVES})\s*[:：]\s*(\S.*)$", re.IGNORECASE)
# An abstract or keywords label may also run in after a full stop or a dash
# ("Abstract. In practice ...", "Index Terms—grassroots"), as journal classes print it.
_RUN_IN_STOP = re.compile(rf"^({_ALTERNATIVES})\s*(?:\.\s+|\s*[—–]\s*)(\S.*)$", re.IGNORECASE)
_RUN_IN_STOP_KINDS = frozenset({"abstract", "keywords"})
# Labels that may run in with a colon; others ("Notes: ...") are too often prose.
_RUN_IN_KINDS = frozenset({"abstract", "keywords", "funding", "acknowledgement"})

BACK_MATTER = frozenset({"acknowledgement", "funding", "notes", "declarations", "appendix"})


@dataclass(frozen=True)
class Label:
    kind: str  # canonical: "abstract", "references" ...
    text: str  # as printed, for display ("Acknowledgement")
    rest: str  # run-in text after the colon, "" when the label stands alone


@lru_cache(maxsize=LINE_CACHE)
def match_label(text: str) -> Label | None:
    """Recognise a section label at the start of a line. (Cached: the segmenter asks
    again for the same lines; a Label is immutable.)"""
    if not _FIRST.match(text):
        return None
    alone = _ALONE.match(text)
    if alone:
        spelling = alone.group(1)
        return Label(_SPELLINGS[spelling.lower()], spelling, "")
    run_in = _RUN_IN.match(text)
    if run_in and _SPELLINGS[run_in.group(1).lower()] in _RUN_IN_KINDS:
        spelling = run_in.group(1)
        return Label(_SPELLINGS[spelling.lower()], spelling, run_in.group(2))
    run_in = _RUN_IN_STOP.match(text)
    if run_in and _SPELLINGS[run_in.group(1).lower()] in _RUN_IN_STOP_KINDS:
        spelling = run_in.group(1)
        return Label(_SPELLINGS[spelling.lower()], spelling, run_in.group(2))
    return None


def label_for_heading(title: str) -> Label | None:
    """A numbered heading such as "6. References" is still the reference list."""
    label = match_label(title)
    return label if label is not None and not label.rest else None


def split_keywords(text: str) -> list[str]:
    """Keywords are separated by semicolons, commas or their full-width forms."""
    parts = re.split(r"\s*[;,，；]\s*", text.strip().rstrip("."))
    return [part.strip() for part in parts if part.strip()]
