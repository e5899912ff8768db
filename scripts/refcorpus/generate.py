"""Training and evaluation strings for the reference labeller (issue 10).

    .venv/bin/python scripts/refcorpus/generate.py train OUT.jsonl [--records N] [--styles K]
    .venv/bin/python scripts/refcorpus/generate.py heldout OUT_DIR [--records N]
    .venv/bin/python scripts/refcorpus/generate.py dev OUT_DIR [--records N]

``train``: N synthetic records, each rendered in a few of K training styles
(held-out families excluded) and through a few BibTeX styles (bibtex_render.py),
one JSON line per string: the text and one label per token. ``heldout``: one
gold file per held-out family's style (scored only; no style of those families
ever trains). ``dev``: gold files for
training-pool styles with records the model never saw, to compare with.

Everything is seeded: the same command writes the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.references.labeller import OTHER
from digest.references.tokens import tokenize
from digest.references.work_types import DAY_IN_DATE
from refcorpus.bibtex_render import TRAINING_BST, render_bst
from refcorpus.records import make_record
from refcorpus.render import Rendered, align, load_style, render_marked, token_tags
from refcorpus.styles import HELD_OUT_STYLES, styles_folder, training_styles

TRAIN_SEED = 20261127
HELDOUT_SEED = 7714
DEV_SEED = 3141
STYLE_SEED = 44
# Labels of the CSL rendering -> the parser's labels (a thesis's publisher is its school).
_CSL_TYPES = {
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "thesis": "thesis",
    "report": "report",
    "article-newspaper": "newspaper",
    "webpage": "online",
    "article": "misc",
}


def token_labels(item: Rendered) -> tuple[list[str], list[str]]:
    """The tokens of a rendered string and their labels (render.token_tags)."""
    tags = token_tags(item.text, item.labels, thesis=item.record["type"] == "thesis")
    return [token.text for token in tokenize(item.text)], tags


def _styles(names: list[str], variant: str = "") -> list[tuple[str, Any]]:
    folder = styles_folder()
    loaded = []
    for name in names:
        try:
            style = load_style(folder / f"{name}.csl", variant)
            loaded.append((f"{name}+{variant}" if variant else name, style))
        except Exception as error:  # a style citeproc-py cannot read is skipped, and said
            print(f"skip style {name}: {type(error).__name__}: {error}", file=sys.stderr)
    return loaded


def _render(style: Any, name: str, record: dict[str, Any]) -> Rendered | None:
    try:
        marked = render_marked(style, record)
    except Exception:  # citeproc-py does not implement every construct of every style
        return None
    return align(marked, record, name) if marked.strip() else None


def write_training(out: Path, records: int, styles: int, per_record: int, per_bst: int) -> None:
    """CSL renderings (``per_record`` styles each) and BibTeX renderings (``per_bst``
    .bst styles each) of ``records`` synthetic records, one JSON line per string."""
    rng = random.Random(TRAIN_SEED)
    chosen = training_styles(styles, STYLE_SEED)
    # Each style also in a variant with every name printed whole (render.load_style).
    loaded = _styles(chosen) + _styles(chosen[::2], "full") + _styles(chosen[1::2], "given-first")
    usable: Counter[str] = Counter()
    lines = []
    made = []
    for number in range(records):
        record = make_record(rng, number)
        made.append(record)
        for name, style in rng.sample(loaded, per_record):
            _keep(_render(style, name, record), lines, usable)
    bst_rng = random.Random(TRAIN_SEED + 1)
    assigned: dict[str, list[dict[str, Any]]] = {name: [] for name in TRAINING_BST}
    for record in made:
        for name in bst_rng.sample(TRAINING_BST, per_bst):
            assigned[name].append(record)
    for name in TRAINING_BST:
        rendered = render_bst(name, assigned[name]) if assigned[name] else {}
        if assigned[name] and not rendered:  # a missing .bst would change the model unseen
            raise SystemExit(f"bibtex printed nothing with {name}.bst: is TeX Live complete?")
        for record in assigned[name]:
            if record["id"] in rendered:
                _keep(align(rendered[record["id"]], record, name), lines, usable)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} strings from {len(usable)} styles -> {out}")


def _keep(item: Rendered | None, lines: list[str], usable: Counter[str]) -> None:
    if item is None:
        return
    _, tags = token_labels(item)
    if not any(tag == "title" for tag in tags):
        return  # a style that dropped the title teaches nothing reliable
    usable[item.style] += 1
    lines.append(
        json.dumps({"style": item.style, "text": item.text, "labels": tags}, ensure_ascii=False)
    )


def gold_entry(item: Rendered) -> dict[str, Any]:
    """The gold a careful reader writes for this string: each field as printed,
    names from the record in the form the style printed them."""
    _, tags = token_labels(item)
    tokens = tokenize(item.text)
    spans: dict[str, str] = {}
    for label in set(tags) - {OTHER}:
        indexes = [i for i, tag in enumerate(tags) if tag == label]
        run_end = indexes[0]
        while run_end + 1 < len(tags) and tags[run_end + 1] == label:
            run_end += 1
        spans[label] = item.text[tokens[indexes[0]].start : tokens[run_end].end]
    record = item.record
    entry: dict[str, Any] = {
        "raw": item.text,
        "source": item.style,
        "type": _printed_type(record["type"], spans),
    }
    for role, key in (("author", "authors"), ("editor", "editors")):
        if role in record and role in spans:
            entry[key] = [_gold_person(p, spans[role]) for p in record[role]]
            if not _all_printed(record[role], item.text):
                entry[key] = [
                    p
                    for p, r in zip(entry[key], record[role], strict=True)
                    if _printed(r, item.text)
                ]
            if not entry[key]:
                del entry[key]
    simple = {
        "title": "title",
        "container": "container",
        "volume": "volume",
        "issue": "number",
        "number": "number",
        "pages": "pages",
        "publisher": "publisher",
        "place": "address",
        "school": "school",
        "url": "url",
        "doi": "doi",
        "urldate": "urldate",
    }
    for label, key in simple.items():
        if label in spans:
            entry[key] = _trim(spans[label])
    if "pages" in entry:
        entry["pages"] = re.sub(r"\s*[-–—‐]+\s*", "-", entry["pages"])
    if "year" in spans:
        year = re.search(r"\d{4}", spans["year"])
        if year:
            entry["year"] = year.group()
    if "edition" in spans:
        entry["edition"] = re.sub(
            r"\s*\b(?:ed\.?|edn\.?|edition)$", "", _trim(spans["edition"]), flags=re.IGNORECASE
        ).strip()
    if "doi" in entry:
        entry["doi"] = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", entry["doi"])
    return {k: v for k, v in entry.items() if v not in ("", None, [])}


def _printed_type(csl_type: str, spans: dict[str, str]) -> str:
    """The type a reader can tell from the string: a report printed with neither its
    kind nor its number reads as a book, a newspaper article without its day (a month alone) as a
    journal article, a web page without its address or access date as an article."""
    kind = _CSL_TYPES[csl_type]
    if kind == "report" and not ({"note", "number"} & set(spans)):
        return "book"
    if kind == "newspaper" and not DAY_IN_DATE.search(spans.get("year", "")):
        return "article"
    if kind == "online" and not ({"url", "urldate"} & set(spans)):
        return "article" if "container" in spans else "misc"
    return kind


def _trim(text: str) -> str:
    """A span's text without the separator a style put after it (a title's own
    quotes and closing ? or ! are part of it)."""
    return text.strip().rstrip(" .,;:").strip()


def _printed(person: dict[str, str], text: str) -> bool:
    name = person.get("family") or person.get("literal", "")
    return name.lower() in text.lower()


def _all_printed(people: list[dict[str, str]], text: str) -> bool:
    return all(_printed(p, text) for p in people)


def _gold_person(person: dict[str, str], span: str) -> dict[str, str]:
    """The name as the gold convention writes it: a given name printed whole stays
    whole; printed as initials, it becomes spaced initials ("J. N.", hyphen dropped)."""
    if "literal" in person:
        return {"family": person["literal"]}
    given = person.get("given", "")
    parts = [p for p in re.split(r"[\s.]+", given) if p]
    others = re.sub(re.escape(person["family"]), " ", span, flags=re.IGNORECASE)
    first = parts[0] if parts else ""
    if len(first) > 1 and re.search(rf"(?<!\w){re.escape(first)}(?!\w)", others, re.IGNORECASE):
        return {"family": person["family"], "given": given}
    family = f"(?i:{re.escape(person['family'])})"
    after = re.search(rf"{family},?\s+([A-Z](?:[.\-\s]*[A-Z](?![a-z]))*)(?![a-z])", span)
    before = re.search(rf"(?<![A-Za-z])([A-Z](?:[.\-\s]*[A-Z](?![a-z]))*)\.?\s+{family}", span)
    printed = (after or before).group(1) if (after or before) else ""
    letters = re.findall(r"[A-Z]", printed.upper()) or [first[:1].upper()]
    return {"family": person["family"], "given": " ".join(ch + "." for ch in letters)}


def write_gold(out: Path, styles: list[str], records: int, seed: int, header: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, style in _styles(styles):
        rng = random.Random(f"{seed}-{name}")
        entries = []
        number = 0
        while len(entries) < records and number < records * 3:
            record = make_record(rng, number)
            number += 1
            item = _render(style, name, record)
            if item is None:
                continue
            entries.append(gold_entry(item))
        text = header.format(style=name) + yaml.safe_dump(
            entries, allow_unicode=True, sort_keys=False, width=1000
        )
        (out / f"{name}.yml").write_text(text, encoding="utf-8")
        print(f"{len(entries)} gold entries -> {out / (name + '.yml')}")


_HEADER = (
    "# Generated by scripts/refcorpus/generate.py {part}: records rendered through the CSL\n"
    "# style {{style}} by citeproc-py; the gold is the record, exact by construction\n"
    "# (fields as the style printed them). {use}\n"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("part", choices=["train", "heldout", "dev"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--records", type=int)
    parser.add_argument("--styles", type=int, default=120)
    parser.add_argument("--per-record", type=int, default=6)
    parser.add_argument("--per-bst", type=int, default=3)
    args = parser.parse_args(argv)
    if args.part == "train":
        write_training(args.out, args.records or 3200, args.styles, args.per_record, args.per_bst)
    elif args.part == "heldout":
        header = _HEADER.format(part="heldout", use="Held out: only ever scored.")
        write_gold(
            args.out, sorted(HELD_OUT_STYLES.values()), args.records or 40, HELDOUT_SEED, header
        )
    else:
        header = _HEADER.format(part="dev", use="A training style, records never trained on.")
        dev = training_styles(args.styles, STYLE_SEED)[:: max(1, args.styles // 8)][:8]
        write_gold(args.out, dev, args.records or 40, DEV_SEED, header)
    return 0


if __name__ == "__main__":
    sys.exit(main())
