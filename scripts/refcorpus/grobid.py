"""Real reference strings for training: GROBID's hand-labelled citation corpus.

    .venv/bin/python scripts/refcorpus/grobid.py OUT.jsonl [--dev DEV.jsonl]

AnyStyle's strings were typed in clean; GROBID's were cut out of PDFs, with what
PDF text does to a reference list: line breaks inside names and titles, words
hyphenated across lines ("CAMP-BELL"), ligatures and lost spaces, lists in
French, German and Korean. GROBID (Apache-2.0, files and licence in
``data/grobid/``) labels them in TEI: ``<author>``, ``<title level="a|j|m">``,
``<biblScope unit="volume|issue|page">``, ``<date>``, ``<pubPlace>`` ... with the
punctuation between fields left outside any element.

Each element is renamed to AnyStyle's vocabulary and handed to
``anystyle.label_spans``, so both sources follow one convention (edge
punctuation, "In", "pp.", "Vol." belong to no field). A monograph title is the
work's title when the reference has no article title, else the book it sits in
(a chapter's or a proceedings paper's container). A sequence with a series title
(no field here) is left out and counted, like AnyStyle's; one in ten, by a hash
of its text, is dev and never trained on.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.references.rules import split_label
from refcorpus.anystyle import label_spans, write_split

DATA = Path(__file__).resolve().parent / "data" / "grobid"
_TEI = "{http://www.tei-c.org/ns/1.0}"

_SCOPES = {"vol": "volume", "volume": "volume", "issue": "issue", "pp": "pages", "page": "pages"}
_IDNO = {"doi": "doi"}  # other identifiers (arXiv, PMID, ISSN, report numbers) are notes


def _tag(element: ET.Element) -> str:
    return element.tag.removeprefix(_TEI)


def _anystyle_tag(element: ET.Element, has_article_title: bool) -> str | None:
    """The AnyStyle segment name for one TEI element; None: no field."""
    tag, kind = _tag(element), (element.get("type") or element.get("unit") or "").lower()
    if tag in ("author", "editor", "publisher", "date", "edition"):
        return tag
    if tag == "title":
        level = element.get("level")
        if level == "a":
            return "title"
        if level == "j":
            return "journal"
        if level == "m":
            return "container-title" if has_article_title else "title"
        return "collection-title"  # a series: no field here
    if tag == "biblScope":
        return _SCOPES.get(kind, "note")
    if tag == "pubPlace":
        return "location"
    if tag in ("orgName", "institution"):
        return "author" if kind == "collaboration" else "publisher"
    if tag == "note":
        return "genre" if kind == "report" else "note"
    if tag == "idno":
        return _IDNO.get(kind, "genre" if kind == "report" else "note")
    if tag == "ptr":
        return "url"
    if tag == "pubnum":
        return "genre"
    return None


def _flat(text: str | None) -> str:
    """PDF line breaks and tabs are spaces; runs of spaces are one."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or ""))


def convert(bibl: ET.Element) -> tuple[str, list[str]] | str:
    """(text, one label per token) for one ``<bibl>``, or why it is left out."""
    has_article_title = any(_tag(child) == "title" and child.get("level") == "a" for child in bibl)
    text, spans = _flat(bibl.text), []
    for child in bibl:
        value = _flat("".join(child.itertext()))
        if _tag(child) == "ptr" and not value.strip():
            value = _flat(child.get("target"))
        tag = _anystyle_tag(child, has_article_title)
        lead = len(value) - len(value.lstrip())
        start, end = len(text) + lead, len(text) + len(value.rstrip())
        text += value
        if tag and end > start:
            spans.append((tag, start, end))
        text += _flat(child.tail)
    cut = len(text) - len(text.lstrip())
    label, body = split_label(text[cut:])
    if label is not None and (not spans or spans[0][1] >= len(text) - len(body)):
        cut = len(text) - len(body)  # a list label before the first field
    text, spans = _shift(text, spans, cut)
    if not spans:
        return "no field"
    return label_spans(text, spans)


def _shift(text: str, spans: list[tuple[str, int, int]], cut: int):
    """Drop ``cut`` leading characters and trailing spaces; offsets follow."""
    text = text[cut:].rstrip()
    return text, [(tag, start - cut, min(end - cut, len(text))) for tag, start, end in spans]


def bibls(path: Path) -> list[ET.Element]:
    return [element for element in ET.parse(path).getroot().iter() if _tag(element) == "bibl"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dev", type=Path)
    args = parser.parse_args(argv)
    files = sorted((DATA / "corpus").glob("*.xml"))
    results = (convert(bibl) for path in files for bibl in bibls(path))
    write_split(results, args.out, args.dev, f"{len(files)} files in data/grobid/corpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())
