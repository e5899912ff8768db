"""What the sequence labeller sees of each token: its form, its lexical class,
where it sits, and its neighbours.

The features say nothing of any corpus: word shape, case, digits, lexicons of
the language of references ("vol.", "pp.", "eds.", "Press", month names, pinyin
surnames), and the state a reader keeps while reading (inside quotes, inside
brackets, how many full stops have passed). Neighbours two tokens either side
carry the punctuation patterns that separate fields in every style.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digest.references.pinyin import SURNAMES
from digest.references.tokens import Token

_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Words that announce or close a field, in the styles of many families.
_CUES: dict[str, str] = {}
for _cue, _words in {
    "vol": "vol volume vols bd jg",
    "num": "no nr issue number num iss",
    "page": "pp p pages page s",
    "edit": "ed eds editor editors edited hrsg hg by",
    "edn": "edn edition",
    "in": "in",
    "and": "and &",
    "etal": "et al others",
    "access": "accessed retrieved viewed available cited online",
    "pub": "press publishers publishing publisher books verlag publications",
    "inst": "university universität college institute school academy centre center "
    "department ministry bank council office foundation commission organization "
    "organisation bureau agency association",
    "thesis": "thesis dissertation phd doctoral master masters diss",
    "report": "report working paper papers series technical brief",
    "conf": "proceedings conference symposium workshop meeting congress annual",
    "journal": "journal review quarterly studies bulletin letters transactions annals "
    "magazine times daily post news",
    "doi": "doi",
    "url": "url http https www",
    "press_note": "press forthcoming manuscript unpublished mimeo preprint",
}.items():
    for _word in _words.split():
        _CUES[_word] = _cue
CUE_WORDS = frozenset(_CUES)
_QUOTES_OPEN = frozenset("“‘«")
_QUOTES_CLOSE = frozenset("”’»")


def shape(word: str) -> str:
    """'Wang' -> 'Aa', '2016' -> '9', 'e-Gov' -> 'a-Aa': character classes, runs collapsed."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            kind = "A"
        elif ch.islower():
            kind = "a"
        elif ch.isdigit():
            kind = "9"
        elif ch.isalpha():
            kind = "a"
        else:
            kind = ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


@lru_cache(maxsize=1 << 16)
def _word_features(text: str) -> dict[str, str | float]:
    """A token's own features; cached, since reference lists repeat their words (read
    only)."""
    lower = text.lower()
    features: dict[str, str | float] = {
        "w": lower if len(lower) <= 20 else lower[:20],
        "shape": shape(text),
        "len": str(min(len(text), 12)),
    }
    if text.isdigit():
        value = int(text) if len(text) < 6 else 0
        features["num"] = "year" if len(text) == 4 and 1800 <= value <= 2039 else f"d{len(text)}"
    elif re.fullmatch(r"(?:1[89]|20)\d\d[a-z]", text):
        features["num"] = "year+letter"
    if len(text) == 1 and text.isalpha() and text.isupper():
        features["initial"] = "1"
    if lower in _CUES:
        features["cue"] = _CUES[lower]
    if lower in _MONTHS:
        features["month"] = "1"
    if lower in SURNAMES:
        features["pinyin"] = "1"
    if text.startswith(("http", "www")):
        features["link"] = "url"
    elif re.match(r"10\.\d{4,9}/", text):
        features["link"] = "doi"
    if len(text) > 3:
        features["suf3"] = lower[-3:]
        features["pre3"] = lower[:3]
    if text.isupper() and len(text) > 1:
        features["caps"] = "1"
    return features


# What a token tells its neighbours, in this order.
_NEIGHBOUR_KEYS = ("w", "shape", "cue", "num", "initial", "month")
# Neighbours two tokens either side.
_OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=1 << 16)
def _own_attributes(text: str) -> tuple[str, ...]:
    """A token's own features as the attributes the tagger reads ("w:wang")."""
    return tuple(f"{key}:{value}" for key, value in _word_features(text).items())


@lru_cache(maxsize=1 << 16)
def _neighbour_attributes(text: str) -> dict[int, tuple[str, ...]]:
    """What a token tells its neighbours, by their offset from it ("-1:w:wang" is what
    the token after it reads)."""
    own = _word_features(text)
    keys = [key for key in _NEIGHBOUR_KEYS if key in own]
    return {offset: tuple(f"{offset}:{key}:{own[key]}" for key in keys) for offset in _OFFSETS}


_EDGE = {offset: (f"{offset}:w:<edge>",) for offset in _OFFSETS}
_YEARS = frozenset({"year", "year+letter"})
# The reading state's yes-no features, by their value: _QUOTE[in_quote].
_QUOTE, _PAREN, _SEEN_YEAR, _AFTER_COLON, _SPACE_BEFORE = (
    (f"{name}:0", f"{name}:1")
    for name in ("quote", "paren", "seen_year", "after_colon", "space_before")
)


def sequence_features(tokens: list[Token]) -> list[list[str]]:
    """One list of attributes per token, the reading state and neighbours included.

    An attribute is a feature and its value ("w:wang", "stops:2"), as crfsuite writes a
    ``{"w": "wang"}`` mapping, or a name alone ("bias"), which weighs 1: handed strings,
    the tagger converts nothing (converting mappings cost it more than tagging them).
    """
    texts = [token.text for token in tokens]
    own = [_own_attributes(text) for text in texts]
    told = [_neighbour_attributes(text) for text in texts]
    count = len(tokens)
    out: list[list[str]] = []
    in_quote = False
    depth = 0
    stops = 0
    seen_year = False
    seen_colon = False
    for index, token in enumerate(tokens):
        text = texts[index]
        features = [*own[index], "bias"]
        features.append(f"pos:{index}" if index < 4 else f"pos:r{int(10 * index / count)}")
        if index == count - 1:
            features.append("last:1")
        gap_before = index > 0 and tokens[index - 1].end < token.start
        features += (
            _QUOTE[in_quote],
            _PAREN[depth > 0],
            f"stops:{min(stops, 5)}",
            _SEEN_YEAR[seen_year],
            _AFTER_COLON[seen_colon],
            _SPACE_BEFORE[gap_before],
        )
        for offset in _OFFSETS:
            other = index + offset
            features += told[other][offset] if 0 <= other < count else _EDGE[offset]
        out.append(features)
        if text in _QUOTES_OPEN or (text == '"' and not in_quote):
            in_quote = True
        elif text in _QUOTES_CLOSE or text == '"':
            in_quote = False
        elif text in "([":
            depth += 1
        elif text in ")]" and depth:
            depth -= 1
        elif text == "." and index > 0 and len(texts[index - 1]) > 1:
            stops += 1
        elif text == ":":
            seen_colon = True
        if _word_features(text).get("num") in _YEARS:
            seen_year = True
    return out
