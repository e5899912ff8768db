"""Links and DOIs put back together where a PDF's line break left a space in them.

Text extracted from a PDF joins a reference's lines with a space, and a URL or DOI
broken at a line end keeps it ("http: //host/path/ file.html", "doi:10. 1016/j.x");
an identifier the extractor glued to the word before it ("1-10doi:10/x") loses the
space it needs. The parser reads identifiers by pattern, so they are mended first.
"""

from __future__ import annotations

import re

# What a DOI is printed after: its resolver as a link, or "doi:".
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)

# A link broken at a line end comes out of a PDF with a space inside it ("http:
# //host/path/ file.html", "https://github. com/x"): after a scheme, or after a link
# that ends in / . _ - = # or ~, a following run of link characters with one of
# those or a digit in it continues the link; a plain word does not.
_SCHEME_GAP = re.compile(r"\b(https?:)\s+(//)")
_LINK_GAP = re.compile(
    r"((?:https?://|www\.)\S*[/._\-=#~])\s+([\w\-.~%/#?=&+:]*[\w/#=~%-])(?=[.,;)]?(?:\s|$))"
)


# A DOI broken the same way ("doi:10. 1016/j.joule", "doi:10/ bwkzrt"), and an
# identifier glued to the word before it ("1-10doi:10/x", "europeArXiv:2205.11901").
_DOI_GAP = re.compile(r"((?:doi|DOI)\s*:?\s*(?:10\.(?:\d{4,9}/)?|10/))\s+(?=[\w.(])")
_GLUED_IDENTIFIER = re.compile(r"(?<=[a-z0-9])(?=(?:doi|DOI|arXiv|ArXiv):)")


def rejoin_links(text: str) -> str:
    """Links put back together where a line break left a space in them."""
    text = _GLUED_IDENTIFIER.sub(" ", text)
    text = _DOI_GAP.sub(r"\1", text)
    text = _SCHEME_GAP.sub(r"\1\2", text)
    while True:
        joined = _LINK_GAP.sub(_join_if_link, text)
        if joined == text:
            return text
        text = joined


def _join_if_link(match: re.Match[str]) -> str:
    head, tail = match.group(1), match.group(2)
    if head.endswith("."):  # a full stop may end the sentence: only a host's rest goes on
        if re.match(r"[a-z]{2,}(?:[./]|$)", tail):  # "github. com/x"
            return head + tail
        return match.group(0)
    if re.search(r"[/.#_=~%\d-]", tail):  # a plain word ("and") is text, not a link's rest
        return head + tail
    return match.group(0)
