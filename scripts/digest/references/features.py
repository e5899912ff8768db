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
    """A token's own features; cached, since reference lists repeat their words (the
    caller copies the mapping before adding to it)."""
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


@lru_cache(maxsize=1 << 16)
def _as_neighbour(text: str, offset: int) -> dict[str, str | float]:
    """What a token tells its neighbour ``offset`` places away (cached, read only)."""
    own = _word_features(text)
    features: dict[str, str | float] = {f"{offset}:w": own["w"], f"{offset}:shape": own["shape"]}
    for key in ("cue", "num", "initial", "month"):
        if key in own:
            features[f"{offset}:{key}"] = own[key]
    return features


def sequence_features(tokens: list[Token]) -> list[dict[str, str | float]]:
    """One feature mapping per token, the reading state and neighbours included."""
    words = [_word_features(token.text) for token in tokens]
    count = len(tokens)
    out: list[dict[str, str | float]] = []
    in_quote = False
    depth = 0
    stops = 0
    seen_year = False
    seen_colon = False
    for index, token in enumerate(tokens):
        text = token.text
        features: dict[str, str | float] = dict(words[index])
        features["bias"] = 1.0
        features["pos"] = str(min(index, 4)) if index < 4 else f"r{int(10 * index / count)}"
        if index == count - 1:
            features["last"] = "1"
        features["quote"] = "1" if in_quote else "0"
        features["paren"] = "1" if depth > 0 else "0"
        features["stops"] = str(min(stops, 5))
        features["seen_year"] = "1" if seen_year else "0"
        features["after_colon"] = "1" if seen_colon else "0"
        gap_before = index > 0 and tokens[index - 1].end < token.start
        features["space_before"] = "1" if gap_before else "0"
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if 0 <= other < count:
                features.update(_as_neighbour(tokens[other].text, offset))
            else:
                features[f"{offset}:w"] = "<edge>"
        out.append(features)
        if text in _QUOTES_OPEN or (text == '"' and not in_quote):
            in_quote = True
        elif text in _QUOTES_CLOSE or text == '"':
            in_quote = False
        elif text in "([":
            depth += 1
        elif text in ")]" and depth:
            depth -= 1
        elif text == "." and index > 0 and len(tokens[index - 1].text) > 1:
            stops += 1
        elif text == ":":
            seen_colon = True
        if words[index].get("num") in ("year", "year+letter"):
            seen_year = True
    return out
