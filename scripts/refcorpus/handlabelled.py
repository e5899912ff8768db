"""Training strings from hand-written gold parses (the corpus's own references and
the other development gold): each field's value is found in the string and its
tokens take the field's label.

Only development gold goes in (never a file whose header says it is test data).
An entry whose values cannot all be found in its string is left out, and said:
a guessed label would teach the model something nobody wrote.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from digest.references.labeller import OTHER
from digest.references.links import rejoin_links
from digest.references.rules import split_label
from refcorpus.render import token_tags

# Gold key -> training label, searched in this order (long, distinctive values first).
_STRING_FIELDS = [
    ("title", "title"),
    ("container", "container"),
    ("doi", "doi"),
    ("url", "url"),
    ("urldate", "urldate"),
    ("school", "school"),
    ("publisher", "publisher"),
    ("address", "place"),
    ("edition", "edition"),
    ("pages", "pages"),
    ("year", "year"),
    ("volume", "volume"),
    ("number", "issue"),
]
_DASH = "[-‐‑–—]+"
_QUOTE = "[\"“”'‘’]"


def _pattern(value: str) -> str:
    parts = []
    for ch in value:
        if ch in "-‐‑–—":
            parts.append(_DASH)
        elif ch in "\"“”'‘’":
            parts.append(_QUOTE)
        elif ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
    return "".join(parts).replace(_DASH + _DASH, _DASH)


def _claim(text: str, labels: list[str], value: str, label: str, numeric: bool) -> bool:
    pattern = _pattern(value)
    if numeric:
        pattern = rf"(?<![\w]){pattern}(?![\w])"
    for flags in (0, re.IGNORECASE):
        for match in re.finditer(pattern, text, flags):
            if all(x == OTHER for x in labels[match.start() : match.end()]):
                for k in range(match.start(), match.end()):
                    labels[k] = label
                return True
    return False


def _names(text: str, labels: list[str], people: list[dict[str, str]], label: str) -> bool:
    """The region from the first name to the last (separators included) is the list."""
    starts, ends = [], []
    for person in people:
        family = re.search(rf"(?<!\w){_pattern(person['family'])}(?!\w)", text, re.IGNORECASE)
        if not family:
            return False
        starts.append(family.start())
        end = family.end()
        parts = [p for p in re.split(r"[\s.\-]+", person.get("given", "")) if p]
        if parts:
            # One piece per given part, whole or as its initial ("Junning" / "J." / "JN").
            given = r"[\s.\-]*".join(
                (
                    rf"(?:{re.escape(p)}|{re.escape(p[0])}(?![a-z]))\.?"
                    if len(p) > 1
                    else rf"{re.escape(p)}(?![a-z])\.?"
                )
                for p in parts
            )
            compact = "".join(re.escape(p[0]) for p in parts)
            given = rf"(?:{given}|{compact}\b)"
            after = re.compile(rf",?\s*{given}", re.IGNORECASE).match(text, end)
            before = re.search(rf"{given}\s+$", text[: family.start()])
            if after and after.end() > end:
                end = after.end()
            elif before:
                starts[-1] = before.start()
        ends.append(end)
    start, end = min(starts), max(ends)
    tail = re.compile(r",?\s*(?:et\s+al\.?|等)").match(text, end)
    if tail:
        end = tail.end()
    if any(x != OTHER for x in labels[start:end]):
        return False
    for k in range(start, end):
        labels[k] = label
    return True


def token_labels(entry: dict[str, Any]) -> tuple[str, list[str]] | None:
    """(text, one label per token) for a gold entry, or None if a value is not found."""
    raw = unicodedata.normalize("NFC", " ".join(entry["raw"].split()))  # as parse.py reads it
    _, body = split_label(rejoin_links(raw))
    text = body.replace("*", " ")
    labels = [OTHER] * len(text)
    for key, label in _STRING_FIELDS:
        if key in entry and not _claim(
            text, labels, str(entry[key]), label, key in ("year", "volume", "number", "pages")
        ):
            return None
    for key, label in (("authors", "author"), ("editors", "editor")):
        if entry.get(key) and not _names(text, labels, entry[key], label):
            return None
    return text, token_tags(text, labels, thesis=entry["type"] == "thesis")


def load(paths: list[Path]) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Training pairs from the gold files, and the raw strings left out."""
    pairs: list[tuple[str, list[str]]] = []
    skipped: list[str] = []
    for path in paths:
        header = path.read_text(encoding="utf-8")[:2000]
        if "Test data" in header or "only ever scored" in header.lower():
            raise SystemExit(f"{path}: test data never trains the model")
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            result = token_labels(entry)
            if result is None:
                skipped.append(entry["raw"])
            else:
                pairs.append(result)
    return pairs, skipped
