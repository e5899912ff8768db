"""Render a record through a CSL style and label every character by construction.

Text fields go in wrapped in private-use marker characters, one opening marker
per field and one closing marker for all, so the rendered string says where each
survives. Names cannot carry markers whole (styles cut given names to initials),
so only the family name carries one; the given name is found beside it in
whatever form the style printed, and the separators between names ("and", "&",
commas, "et al.") join the list's region. Numbers (year, volume, issue, pages,
dates) are found by value; the record generator keeps their values distinct.
The result is the string a reader sees, with one label per character.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from digest.references.labeller import OTHER
from digest.references.tokens import tokenize

END = "\ue000"
# Opening marker of each marked field, and the label its text gets.
TEXT_FIELDS: dict[str, tuple[str, str]] = {
    "title": ("\ue001", "title"),
    "container-title": ("\ue002", "container"),
    "publisher": ("\ue003", "publisher"),
    "publisher-place": ("\ue004", "place"),
    "genre": ("\ue005", "note"),
    "note": ("\ue006", "note"),
    "number": ("\ue007", "number"),
    "URL": ("\ue008", "url"),
    "DOI": ("\ue009", "doi"),
}
LITERAL = "\ue00a"  # an organisation as author
FAMILY = {"author": "\ue010", "editor": "\ue011"}
_NAME_LABEL = {"author": "author", "editor": "editor"}
_MARKERS = re.compile("[\ue000-\ue01f]")
_MONTH_NAMES = [
    "January February March April May June July August September October November December",
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sept. Oct. Nov. Dec.",
]
_NAME_GAP = re.compile(r"^(?:\s*(?:,|;|&|and|with)\s*|\s+)+$", re.IGNORECASE)
_ET_AL = re.compile(r",?\s*(?:et\s+al\.?|and\s+others)", re.IGNORECASE)


@dataclass
class Rendered:
    """A rendered reference: the text, one label per character, and its record."""

    text: str
    labels: list[str]
    record: dict[str, Any]
    style: str


def load_style(path: Path, variant: str = "") -> CitationStylesStyle:
    """A CSL style, or a variant of it whose name lists print every author with
    given names whole (``full``), and given names first (``given-first``).

    Most styles cut given names to initials and lists to "et al.", but many real
    lists print them whole, given names first ("Gediminas Adomavicius and
    Alexander Tuzhilin. 2005."): dropping the style's initialising, inverting and
    et-al attributes gives those forms in every layout."""
    if not variant:
        return CitationStylesStyle(str(path), locale="en-US", validate=False)
    text = path.read_bytes()
    text = re.sub(rb'\s(?:initialize-with|initialize|et-al-[a-z-]+)="[^"]*"', b"", text)
    if variant == "given-first":
        text = re.sub(rb'\sname-as-sort-order="[^"]*"', b"", text)
    return CitationStylesStyle(io.BytesIO(text), locale="en-US", validate=False)


def marked_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record with markers around its text fields and before family names."""
    out = dict(record)
    for name, (marker, _) in TEXT_FIELDS.items():
        if name in out:
            out[name] = f"{marker}{out[name]}{END}"
    for role, marker in FAMILY.items():
        if role in out:
            people = []
            for person in out[role]:
                if "literal" in person:
                    people.append({"literal": f"{LITERAL}{person['literal']}{END}"})
                else:
                    people.append({**person, "family": marker + person["family"]})
            out[role] = people
    return out


def render_marked(style: CitationStylesStyle, record: dict[str, Any]) -> str:
    """The bibliography entry for one record, plain text, markers in place."""
    source = CiteProcJSON([marked_record(record)])
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(record["id"])]))
    entries = bibliography.bibliography()
    return str(entries[0]) if entries else ""


def align(marked: str, record: dict[str, Any], style_name: str) -> Rendered | None:
    """Labels for the rendered string; None when the rendering lost a field's marker
    or printed something the labels cannot account for (the string is then skipped)."""
    # Some styles' affixes come out as HTML entities ("&#8211;"); a PDF prints the dash.
    text, labels = _strip_markers(html.unescape(marked))
    if text is None:
        return None
    text, labels = _split_glued(text, labels)
    text, labels = _drop_list_label(text, labels)
    if not _label_names(text, labels, record):
        return None
    _label_numbers(text, labels, record)
    _label_dates(text, labels, record)
    text, labels = _normalise_space(text, labels)
    if not text.strip():
        return None
    return Rendered(text, labels, record, style_name)


def _strip_markers(marked: str) -> tuple[str | None, list[str]]:
    """Remove text-field markers, labelling what they enclose; keep family markers as
    positions (labelled later) by recording them in the label list as 'family:role'."""
    text: list[str] = []
    labels: list[str] = []
    stack: list[str] = []
    opening = {marker: label for marker, label in TEXT_FIELDS.values()}
    opening[LITERAL] = "author"
    pending_family: str | None = None
    for ch in marked:
        if ch in opening:
            stack.append(opening[ch])
            # A letter glued before the marker opens the field (a .bib title's marker
            # sits after its first letter, which BibTeX's case change must keep).
            glued = text and text[-1].isalnum() and (len(text) < 2 or not text[-2].isalnum())
            if glued and labels[-1] == OTHER:
                labels[-1] = opening[ch]
            continue
        if ch == END:
            if not stack:
                return None, []
            stack.pop()
            continue
        if ch in FAMILY.values():
            pending_family = "author" if ch == FAMILY["author"] else "editor"
            continue
        text.append(ch)
        if pending_family:
            labels.append("family:" + pending_family)
            pending_family = None
        else:
            labels.append(stack[-1] if stack else OTHER)
    if stack:
        return None, []
    return "".join(text), labels


def _split_glued(text: str, labels: list[str]) -> tuple[str, list[str]]:
    """Block layouts lose the break between blocks ("L. A. YuanBeyond"): where two
    letters of different fields touch, a space goes between them."""
    out_text: list[str] = []
    out_labels: list[str] = []
    for index, (ch, label) in enumerate(zip(text, labels, strict=True)):
        if index and ch.isalnum() and text[index - 1].isalnum():
            before = labels[index - 1]
            # (a family name's first letter carries its marker, the rest is unlabelled yet)
            if before != label and not before.startswith("family:"):
                out_text.append(" ")
                out_labels.append(OTHER)
        out_text.append(ch)
        out_labels.append(label)
    return "".join(out_text), out_labels


def _drop_list_label(text: str, labels: list[str]) -> tuple[str, list[str]]:
    """Numeric styles print the list number; the parser gets entries without it."""
    match = re.match(r"^\s*(?:\[\d+\]|\(\d+\)|\d+\.(?!\d)|\d+(?=\s|[A-Z\ue000-\ue01f]))\s*", text)
    if match and all(label == OTHER for label in labels[: match.end()]):
        return text[match.end() :], labels[match.end() :]
    return text, labels


def _label_names(text: str, labels: list[str], record: dict[str, Any]) -> bool:
    """Family names from their markers, given names beside them, then the gaps.

    Every marker is matched to the person whose family name follows it. False
    when a person is printed twice: citeproc-py repeats some name lists ("X.M.
    Gongsun X. M. Gongsun"), which no real style does, so the string is not used."""
    for role in ("author", "editor"):
        people = [p for p in record.get(role, []) if "family" in p]
        matched: list[str] = []
        spans: list[tuple[int, int]] = []
        for start, label in enumerate(labels):
            if label != "family:" + role:
                continue
            person = next(
                (
                    p
                    for p in people
                    if text[start : start + len(p["family"])].lower() == p["family"].lower()
                ),
                None,
            )
            if person is None:
                spans.append((start, start + 1))
                continue
            if person["family"] in matched:
                return False
            matched.append(person["family"])
            end = start + len(person["family"])
            spans.append(_with_given(text, labels, start, end, person.get("given", "")))
        for start, end in spans:
            for i in range(start, end):
                labels[i] = role
        if any(label == role for label in labels):
            _fill_gaps(text, labels, role)
    return True


def _given_pattern(given: str) -> str:
    """Any printed form of a given name: whole, initials with or without dots/spaces."""
    parts = [p for p in re.split(r"[\s.]+", given) if p]
    forms = []
    for part in parts:
        pieces = [p for p in part.split("-") if p]
        initial = "-".join(re.escape(p[0]) + r"\.?" for p in pieces)
        whole = re.escape(part) if len(part) > 1 else None
        forms.append(f"(?:{whole}|{initial})" if whole else initial)
    return r"[\s.]*".join(forms) + r"\.?" if forms else ""


def _with_given(text: str, labels: list[str], start: int, end: int, given: str) -> tuple[int, int]:
    """Extend a family name's span over its given name, after it or before it.

    Initials after a family name belong to the next person when that person's
    family name follows them ("Rogers, K., L. Gu"): then they are not taken."""
    pattern = _given_pattern(given)
    if not pattern:
        return start, end
    after = re.compile(r",?\s*(?:" + pattern + r")", re.IGNORECASE).match(text, end)
    if after and after.end() > end:
        rest = re.compile(r"\s*").match(text, after.end())
        following = rest.end() if rest else after.end()
        if not (following < len(labels) and labels[following].startswith("family:")):
            return start, after.end()
    before = re.compile(r"(?:" + pattern + r")\s*$", re.IGNORECASE).search(text[:start])
    if before:
        return before.start(), end
    return start, end


def _fill_gaps(text: str, labels: list[str], role: str) -> None:
    """Separators between two names of one list, and a trailing "et al.", join it."""
    positions = [i for i, label in enumerate(labels) if label == role]
    first, last = positions[0], positions[-1]
    i = first
    while i <= last:
        if labels[i] != role:
            j = i
            while j <= last and labels[j] != role:
                j += 1
            gap = text[i:j]
            if all(label == OTHER for label in labels[i:j]) and _NAME_GAP.match(gap):
                for k in range(i, j):
                    labels[k] = role
            i = j
        else:
            i += 1
    tail = _ET_AL.match(text, last + 1)
    if tail:
        for k in range(last + 1, tail.end()):
            if labels[k] == OTHER:
                labels[k] = role


def _label_value(text: str, labels: list[str], value: str, label: str) -> int | None:
    """Label the first unlabelled occurrence of ``value`` standing alone as digits."""
    for match in re.finditer(r"(?<![\w])" + re.escape(value) + r"(?![\w])", text):
        if all(x == OTHER for x in labels[match.start() : match.end()]):
            for k in range(match.start(), match.end()):
                labels[k] = label
            return match.end()
    return None


def _label_numbers(text: str, labels: list[str], record: dict[str, Any]) -> None:
    if "page" in record:
        first, _, last = str(record["page"]).partition("-")
        end = _label_value(text, labels, first, "pages")
        if end is not None and last:
            tail = re.compile(r"\s*[-–—‐]+\s*\d+").match(text, end)
            if tail:
                for k in range(end, tail.end()):
                    labels[k] = "pages"
    year = str(record["issued"]["date-parts"][0][0])
    for name, label in (("volume", "volume"), ("issue", "issue"), ("edition", "edition")):
        if name == "volume" and record.get("volume") == year:
            continue  # the year printed as the volume is the year again (dates below)
        if name in record:
            end = _label_value(text, labels, str(record[name]), label)
            if end is None and name == "edition":
                _label_edition(text, labels, str(record[name]))
            elif end is not None and name == "edition":
                _extend_edition(text, labels, end)


_ORDINALS = {
    "2": "2nd|second",
    "3": "3rd|third",
    "4": "4th|fourth",
    "5": "5th|fifth",
    "6": "6th|sixth",
}


def _label_edition(text: str, labels: list[str], value: str) -> None:
    pattern = _ORDINALS.get(value, re.escape(value) + "th")
    for match in re.finditer(r"(?<!\w)(?:" + pattern + r")(?!\w)", text, re.IGNORECASE):
        if all(x == OTHER for x in labels[match.start() : match.end()]):
            for k in range(match.start(), match.end()):
                labels[k] = "edition"
            _extend_edition(text, labels, match.end())
            return


def _extend_edition(text: str, labels: list[str], end: int) -> None:
    """'2nd ed.' / '2nd edn' / '2nd edition': the word is part of the edition."""
    word = re.compile(r"\s*(?:ed\.|edn\.?|edition|ed)(?!\w)", re.IGNORECASE).match(text, end)
    if word:
        for k in range(end, word.end()):
            labels[k] = "edition"


def _label_dates(text: str, labels: list[str], record: dict[str, Any]) -> None:
    """The issued year (and month, day where printed) as year; the access date as urldate."""
    for name, label in (("accessed", "urldate"), ("issued", "year")):
        if name not in record:
            continue
        parts = record[name]["date-parts"][0]
        year = str(parts[0])
        if len(parts) == 3:
            _label_full_date(text, labels, parts, label)
        _label_value(text, labels, year, label)
        if name == "issued" and record.get("volume") == year:
            _label_value(text, labels, year, label)


def _label_full_date(text: str, labels: list[str], parts: list[int], label: str) -> None:
    year, month, day = (int(p) for p in parts)
    names = "|".join(re.escape(table.split()[month - 1]) for table in _MONTH_NAMES)
    patterns = [
        rf"{year}-0?{month}-0?{day}",
        rf"{year}/0?{month}/0?{day}",
        rf"(?:{names})\.?\s+{day},?\s+{year}",
        rf"{day}\s+(?:{names})\.?,?\s+{year}",
        rf"{year},?\s+(?:{names})\.?\s+{day}",
        rf"{year}\s*\(\s*(?:{names})\.?\s+{day}\s*\)",
        rf"(?:{names})\.?\s+{day}",
        rf"{day}\s+(?:{names})",
    ]
    for pattern in patterns:
        for match in re.finditer(r"(?<!\w)" + pattern + r"(?!\w)", text):
            if all(x == OTHER for x in labels[match.start() : match.end()]):
                for k in range(match.start(), match.end()):
                    labels[k] = label
                return


def _normalise_space(text: str, labels: list[str]) -> tuple[str, list[str]]:
    """Runs of whitespace become one space, trimmed, labels kept in step."""
    out_text: list[str] = []
    out_labels: list[str] = []
    for ch, label in zip(text, labels, strict=True):
        if ch.isspace():
            if not out_text or out_text[-1] == " ":
                continue
            out_text.append(" ")
            out_labels.append(OTHER)
        else:
            out_text.append(ch)
            out_labels.append(label)
    while out_text and out_text[-1] == " ":
        out_text.pop()
        out_labels.pop()
    for index in range(1, len(out_text) - 1):  # a space inside a field belongs to it
        if out_text[index] == " " and out_labels[index - 1] == out_labels[index + 1]:
            out_labels[index] = out_labels[index - 1]
    return "".join(out_text), out_labels


def token_tags(text: str, labels: list[str], thesis: bool = False) -> list[str]:
    """One label per token of ``text``: the label most of its characters carry, ties
    to the alphabetically last (a URL token that holds a DOI is a DOI: the
    "https://doi.org/" prefix is not). A thesis's publisher is its school."""
    if thesis:
        labels = ["school" if label == "publisher" else label for label in labels]
    tags = []
    for token in tokenize(text):
        counts: dict[str, int] = {}
        for label in labels[token.start : token.end]:
            if label != OTHER:
                counts[label] = counts.get(label, 0) + 1
        tags.append(max((n, label) for label, n in counts.items())[1] if counts else OTHER)
    return tags
