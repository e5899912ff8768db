"""Real reference strings for training: AnyStyle's hand-labelled datasets.

    .venv/bin/python scripts/refcorpus/anystyle.py OUT.jsonl [--dev DEV.jsonl]

Synthetic strings teach the styles; they cannot teach what real lists do (a
page range printed "319327", "Comm. of th e ACM", a report number inside the
genre, editors introduced in German). AnyStyle (BSD-2-Clause, files and licence
in ``data/anystyle/``) ships about 11,000 reference strings from real papers,
labelled by hand, segment by segment. This module maps its segments onto the
parser's labels and conventions, the ones ``render.py`` gives synthetic strings:
punctuation at a field's edges and words such as "In", "pp.", "Vol.", "(Eds.)"
or "Retrieved" belong to no field; a volume segment "12(3)" is a volume and an
issue; a thesis's publisher is its school; an access date is ``urldate``.

A sequence with a label the parser has no field for (translator, director,
medium, series) is left out rather than guessed, and counted. One sequence in
ten (by a hash of its text) is written to ``--dev`` instead of the training
file, for a development score that no training string has seen.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.references.labeller import OTHER
from digest.references.links import rejoin_links
from digest.references.rules import split_label
from digest.references.tokens import Token, tokenize
from refcorpus.render import token_tags

DATA = Path(__file__).resolve().parent / "data" / "anystyle"
FILES = ("core.xml", "gold.xml", "good.xml", "ugly.xml")

# AnyStyle segment -> the parser's label. None: the segment is no field (cut out
# when it is a list label, else left as "other").
_LABELS = {
    "author": "author",
    "editor": "editor",
    "title": "title",
    "journal": "container",
    "container-title": "container",
    "date": "year",
    "volume": "volume",
    "issue": "issue",  # GROBID's; AnyStyle prints the issue inside its volume segment
    "pages": "pages",
    "publisher": "publisher",
    "location": "place",
    "edition": "edition",
    "note": "note",
    "genre": "note",
    "isbn": "note",
    "url": "url",
    "doi": "doi",
}
_CUT = {"citation-number"}
_UNKNOWN = {"translator", "director", "producer", "medium", "source", "collection-title"}

# Words that introduce or close a field and belong to none (the renderer's convention).
_NAME_WORDS = {
    "in", "edited", "by", "ed", "eds", "editor", "editors", "hrsg", "hg", "hgg", "éd", "éds",
    "dir", "dirs", "comp", "comps", "coord", "coords", "herausgegeben", "von", "trans",
}  # fmt: skip
_PAGE_WORDS = {"p", "pp", "page", "pages", "pg", "pgs", "s", "ss", "seite", "seiten", "pág", "págs"}
_VOLUME_WORDS = {"vol", "vols", "volume", "v", "bd", "band", "jg", "jahrgang", "tome", "t"}
_ISSUE_WORDS = {"no", "nos", "nr", "number", "issue", "iss", "heft", "h", "n", "num"}
_CONTAINER_WORDS = {"in"}
_ACCESS = re.compile(
    r"accessed|retrieved|viewed|visited|cited|consulted|abgerufen|zugegriffen|stand|zugriff",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(
    r"^(?:\d{1,4}(?:st|nd|rd|th)?|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*"
    r"|sep\w*|oct\w*|nov\w*|dec\w*|januar|februar|märz|mai|juni|juli|oktober|dezember)$",
    re.IGNORECASE,
)
_THESIS = re.compile(r"thesis|dissertation|diss\b|doctoral|ph\.?\s?d|master", re.IGNORECASE)


def _is_punct(token: Token) -> bool:
    return not any(ch.isalnum() for ch in token.text)


def _word(token: Token) -> str:
    return token.text.lower().rstrip(".")


def _trim(tokens: list[Token], tags: list[str], idx: list[int], words: set[str]) -> list[int]:
    """Drop punctuation and the given words from both ends of a field's tokens."""
    while idx and (_is_punct(tokens[idx[0]]) or _word(tokens[idx[0]]) in words):
        tags[idx.pop(0)] = OTHER
    while idx and (_is_punct(tokens[idx[-1]]) or _word(tokens[idx[-1]]) in words):
        last = idx[-1]
        # "Nielsen A." / "2nd ed.": the dot of an abbreviation is part of it.
        if (
            tokens[last].text == "."
            and len(idx) > 1
            and tags[last] in ("author", "editor", "edition")
            and (tags[last] == "edition" or re.fullmatch(r"[A-Z]{1,2}", tokens[idx[-2]].text))
        ):
            break
        tags[idx.pop()] = OTHER
    return idx


def _volume(tokens: list[Token], tags: list[str], idx: list[int]) -> None:
    """ "12(3)", "Vol. 81, No. 5", "4: 2": the first number is the volume, a number
    in brackets or after an issue word the issue; the words are no field."""
    label = "volume"
    seen_volume = False
    for k in idx:
        word = _word(tokens[k])
        if _is_punct(tokens[k]) or word in _VOLUME_WORDS:
            tags[k] = OTHER
            if tokens[k].text == "(" and seen_volume:
                label = "issue"
            continue
        if word in _ISSUE_WORDS:
            tags[k] = OTHER
            label = "issue"
            continue
        tags[k] = label
        seen_volume = True


def _access(tokens: list[Token], tags: list[str], idx: list[int]) -> None:
    """ "Retrieved on November 2, 2015 from": the date is the access date."""
    dates = [k for k in idx if _DATE_WORD.match(tokens[k].text)]
    for k in idx:
        tags[k] = OTHER
    if dates:
        for k in range(dates[0], dates[-1] + 1):
            tags[k] = "urldate"


def _genre(tokens: list[Token], tags: list[str], idx: list[int]) -> None:
    """ "Technical Report CAIP-TR-125": the kind is a note, its number a number."""
    for n, k in enumerate(idx):
        if _word(tokens[k]) in _ISSUE_WORDS:
            tags[k] = OTHER
        elif any(ch.isdigit() for ch in tokens[k].text):
            tags[k] = "number"
            # "CAIP-TR-125" is one number in three tokens: no space between them.
            back = n
            while back > 0 and tokens[idx[back - 1]].end == tokens[idx[back]].start:
                back -= 1
                tags[idx[back]] = "number"


def _segment_tags(tokens: list[Token], tags: list[str], idx: list[int], tag: str) -> None:
    label = _LABELS[tag]
    if label in ("author", "editor"):
        idx = _trim(tokens, tags, idx, _NAME_WORDS)
    elif label == "pages":
        idx = _trim(tokens, tags, idx, _PAGE_WORDS)
    elif label == "issue":
        idx = _trim(tokens, tags, idx, _ISSUE_WORDS)
    elif label == "container":
        idx = _trim(tokens, tags, idx, _CONTAINER_WORDS)
    elif label == "volume":
        _volume(tokens, tags, _trim(tokens, tags, idx, set()))
        return
    elif label in ("url", "doi"):
        for k in idx:
            if not re.match(r"(?:https?://|www\.|10\.\d)", tokens[k].text):
                tags[k] = OTHER
        return
    else:
        idx = _trim(tokens, tags, idx, set())
    text = " ".join(tokens[k].text for k in idx)
    if label == "note" and _ACCESS.search(text):
        _access(tokens, tags, idx)
    elif tag == "genre":
        _genre(tokens, tags, idx)


def convert(sequence: ET.Element) -> tuple[str, list[str]] | str:
    """(text, one label per token) for one AnyStyle sequence, or why it is left out."""
    segments = [
        (child.tag, unicodedata.normalize("NFC", " ".join((child.text or "").split())))
        for child in sequence
    ]
    segments = [(tag, value) for tag, value in segments if value and tag not in _CUT]
    text, spans = "", []
    for tag, value in segments:
        if text:
            text += " "
        spans.append((tag, len(text), len(text) + len(value)))
        text += value
    return label_spans(text, spans)


def label_spans(text: str, spans: list[tuple[str, int, int]]) -> tuple[str, list[str]] | str:
    """(text, one label per token) from AnyStyle-named segments at character
    offsets (text outside every span is no field), or why the string is left out.

    Shared by every source of hand-labelled strings, so that all of them follow
    one convention whatever markup they came in."""
    unknown = {tag for tag, _, _ in spans} & _UNKNOWN
    if unknown:
        return "label without a field: " + sorted(unknown)[0]
    if any(tag not in _LABELS for tag, _, _ in spans):
        return "label not mapped"
    _, body = split_label(rejoin_links(text))
    if body != text:
        return "changed by link mending or label cutting"
    thesis = any(tag == "genre" and _THESIS.search(text[start:end]) for tag, start, end in spans)
    chars = [OTHER] * len(text)
    for tag, start, end in spans:
        chars[start:end] = [_LABELS[tag]] * (end - start)
    tokens = tokenize(text)
    tags = token_tags(text, chars, thesis=thesis)
    for tag, start, end in spans:
        idx = [k for k, token in enumerate(tokens) if start <= token.start < end]
        _segment_tags(tokens, tags, idx, tag)
    return text, tags


def is_dev(text: str) -> bool:
    return hashlib.sha256(text.encode("utf-8")).digest()[0] % 10 == 0


def write_split(
    results: Iterable[tuple[str, list[str]] | str], out: Path, dev: Path | None, source: str
) -> None:
    """Write converted strings as JSON lines, one in ten to ``dev``, and say how
    many were left out and why (a duplicate string is written once)."""
    left_out: Counter[str] = Counter()
    seen: set[str] = set()
    rows: dict[bool, list[str]] = {True: [], False: []}
    for result in results:
        if isinstance(result, str):
            left_out[result] += 1
            continue
        text, tags = result
        if text in seen:
            left_out["duplicate"] += 1
            continue
        seen.add(text)
        rows[is_dev(text)].append(json.dumps({"text": text, "labels": tags}, ensure_ascii=False))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(row + "\n" for row in rows[False]), encoding="utf-8")
    if dev:
        dev.write_text("".join(row + "\n" for row in rows[True]), encoding="utf-8")
    print(f"{len(rows[False])} training and {len(rows[True])} dev strings from {source}")
    for reason, n in sorted(left_out.items()):
        print(f"  left out {n}: {reason}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dev", type=Path)
    parser.add_argument("--files", nargs="*", default=list(FILES))
    args = parser.parse_args(argv)
    results = (
        convert(sequence) for name in args.files for sequence in ET.parse(DATA / name).getroot()
    )
    write_split(results, args.out, args.dev, ", ".join(args.files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
