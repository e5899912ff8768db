"""Presentation forms a PDF leaves in the text: ligatures and full-width forms.

A font that prints "ffi" as one glyph makes extractors write U+FB03, so the
text says ``oﬃcial``: search for "official" misses it, the hyphenation
vocabulary does not know it and the BibTeX of a title carries it. Full-width
letters, digits and punctuation come from Chinese input methods: ``（2019）`` in
an English sentence is ``(2019)``. Among CJK characters the full-width forms are
the right ones (a Chinese title's ``：``), so they stay there.
"""

from __future__ import annotations

import re
import unicodedata

# U+FB00..U+FB06: ff, fi, fl, ffi, ffl, long s t, st (NFKC gives their letters).
_LIGATURES = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# A full-width form (U+FF01..U+FF5E) or an ideographic comma / full stop.
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3001\u3002]")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_CONTEXT = re.compile("[^\\s\\d\uff01-\uff5e\u3001\u3002]")
# After these a Latin text puts a space before the next word.
_SPACE_AFTER = set(",;:!?)")
_IDEOGRAPHIC = {"\u3001": ",", "\u3002": "."}


def normalise_characters(text: str) -> str:
    """Ligatures to their letters; full-width forms to ASCII outside CJK text."""
    if _LIGATURE.search(text):  # (rare: ``str.translate`` looks every character up)
        text = text.translate(_LIGATURES)
    if not _FULL_WIDTH.search(text):
        return text
    return "\n".join(_half_width(line) for line in text.split("\n"))


def _half_width(line: str) -> str:
    out: list[str] = []
    i = 0
    for match in _FULL_WIDTH.finditer(line):
        start = match.start()
        before = line[:start].rstrip(" ")
        after = line[match.end() :].lstrip(" ")
        char = match.group()
        prev_char = before[-1:] if before else ""
        next_char = after[:1]
        out.append(line[i:start])
        i = match.end()
        if _is_cjk(_nearest(before[::-1])) or _is_cjk(_nearest(after)):
            out.append(char)
            continue
        ascii_char = _IDEOGRAPHIC.get(char) or chr(ord(char) - 0xFEE0)
        if ascii_char == "(" and prev_char.isalnum() and not out[-1].endswith(" "):
            ascii_char = " ("
        spaced = ascii_char in _SPACE_AFTER and next_char.isalpha()
        if ascii_char == "." and next_char.isupper():  # a full stop between sentences
            spaced = True
        if spaced and not line[match.end() : match.end() + 1].isspace():
            ascii_char += " "
        out.append(ascii_char)
    out.append(line[i:])
    return "".join(out)


def _nearest(text: str) -> str:
    """The first character of ``text`` that is not a space, digit or full-width form:
    what decides whether ``（2020）。`` belongs to a CJK phrase or a Latin one."""
    match = _CONTEXT.search(text)
    return match.group() if match else ""


def _is_cjk(char: str) -> bool:
    return bool(char) and bool(_CJK_CHAR.match(char))
