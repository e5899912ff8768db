"""Split a reference string into the tokens the sequence labeller tags.

One tokenizer serves training and parsing, so a token means the same thing in
both. Punctuation is a token of its own (it is the strongest evidence of where
a field ends); a URL or DOI is one token, since nothing inside one is a field
boundary; hyphenated and apostrophised words stay whole ("e-government",
"O'Brien", "Jean-Pierre"), while a page range splits at its dash ("37", "-",
"46") whatever dash a style prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?P<link>(?:https?://|www\.)\S+"  # a URL, up to the next space
    r"|(?<![\w/])10\.\d{4,9}/\S+)"  # a bare DOI
    r"|\w+(?:[-‐'’][^\W\d_]\w*)*"  # a word or number; a hyphen or apostrophe before a letter
    r"|[^\w\s]"  # one punctuation mark
)
# Punctuation a URL or DOI does not end with: it closes the sentence around it.
_URL_TAIL = re.compile(r"[.,;:)\]>”\"']+$")


@dataclass(frozen=True)
class Token:
    """A token and where it sits in the string, so fields are cut from the text."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        value, start = match.group(), match.start()
        if match.group("link"):
            tail = _URL_TAIL.search(value)
            if tail and tail.start() > 0:
                tokens.append(Token(value[: tail.start()], start, start + tail.start()))
                for offset in range(tail.start(), len(value)):
                    tokens.append(Token(value[offset], start + offset, start + offset + 1))
                continue
        tokens.append(Token(value, start, match.end()))
    return tokens
