"""Put curly quotes back where PDF extraction displaced them.

Extraction often moves a quote mark across the neighbouring space
(`concept of” administrative “leadership`) or prints a closing quote with the
opening glyph (`the “last Km “problem`). Reading the marks in order with one bit
of state (is a quotation open?) tells which mark is which, without knowing
anything about the words.
"""

from __future__ import annotations

import re

_OPEN, _CLOSE = "“", "”"
# A possessive apostrophe pushed onto the next word: `villagers ’self-government`.
_DETACHED_APOSTROPHE = re.compile(r"(\w[sS]) ’(?=\w)")


def repair_quotes(text: str) -> str:
    """Return the paragraph with its double quotes paired and spaced correctly."""
    if _OPEN not in text and _CLOSE not in text:
        return text if "‘" in text else _DETACHED_APOSTROPHE.sub(r"\1’ ", text)
    out: list[str] = []
    quote_open = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch not in (_OPEN, _CLOSE):
            out.append(ch)
            i += 1
            continue
        before = out[-1] if out else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if not quote_open:
            # Whatever the glyph, this mark opens a quotation.
            if ch == _CLOSE and not before.isspace() and after == " ":
                out.append(" " + _OPEN)  # `of” administrative` -> `of “administrative`
                i += 2
            elif ch == _CLOSE and before.isalnum() and after.isalnum():
                out.append(" " + _OPEN)  # `2017”Study` -> `2017 “Study`
                i += 1
            else:
                out.append(_OPEN)
                i += 1
            quote_open = True
        else:
            if ch == _OPEN and before.isspace() and not after.isspace():
                # `administrative “leadership` -> `administrative” leadership`
                out[-1] = _CLOSE + " "
            else:
                out.append(_CLOSE)
            quote_open = False
            i += 1
    result = "".join(out)
    if "‘" not in result:
        result = _DETACHED_APOSTROPHE.sub(r"\1’ ", result)
    return result
