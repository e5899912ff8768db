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
_MARK = re.compile(f"[{_OPEN}{_CLOSE}]")
# A possessive apostrophe pushed onto the next word: `villagers ’self-government`.
_DETACHED_APOSTROPHE = re.compile(r"(\w[sS]) ’(?=\w)")


def repair_quotes(text: str) -> str:
    """Return the paragraph with its double quotes paired and spaced correctly."""
    if _OPEN not in text and _CLOSE not in text:
        return text if "‘" in text else _DETACHED_APOSTROPHE.sub(r"\1’ ", text)
    # The text between the marks is copied in runs; only the marks are looked at.
    out: list[str] = []
    quote_open = False
    copied = 0  # the text before this is in ``out``
    for mark in _MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        run = text[copied:i]
        if run:
            out.append(run)
        before = run[-1] if run else out[-1] if out else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        copied = i + 1
        if not quote_open:
            # Whatever the glyph, this mark opens a quotation.
            if ch == _CLOSE and not before.isspace() and after == " ":
                out.append(" " + _OPEN)  # `of” administrative` -> `of “administrative`
                copied = i + 2
            elif ch == _CLOSE and before.isalnum() and after.isalnum():
                out.append(" " + _OPEN)  # `2017”Study` -> `2017 “Study`
            else:
                out.append(_OPEN)
            quote_open = True
        else:
            if ch == _OPEN and before.isspace() and not after.isspace():
                # `administrative “leadership` -> `administrative” leadership`
                out[-1] = out[-1][:-1]  # (the space before it: ``run``'s last character)
                out.append(_CLOSE + " ")
            else:
                out.append(_CLOSE)
            quote_open = False
    out.append(text[copied:])
    result = "".join(out)
    if "‘" not in result:
        result = _DETACHED_APOSTROPHE.sub(r"\1’ ", result)
    return result
