"""The composed development corpus of issue 13 (tests/gold/itemcorpus): its shape, its
gold, and the extractor's figures on its dev part, from Markdown and from raw text.

The test part is only ever scored (scripts/evaluate_items.py --split test); no floor
here is set from it.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from types import ModuleType
from typing import Any

import pytest
from item_corpus import CODEBOOK, CORPUS, LAYOUTS, PAPERS, REPO, SPLIT

from digest.clean import clean_text
from digest.evaluation.item_scores import (
    ITEM_SOURCES,
    load_codebook_ids,
    load_gold_file,
    theme_problems,
)
from digest.model import ITEM_KINDS

SCRIPT = REPO / "scripts" / "evaluate_items.py"


def test_the_split_is_fixed_disjoint_and_large_enough() -> None:
    assert len(PAPERS) >= 12
    assert not set(SPLIT["dev"]) & set(SPLIT["test"])
    assert len(SPLIT["test"]) >= 6
    folders = {path.name for path in CORPUS.iterdir() if path.is_dir()}
    assert folders == set(PAPERS), "every paper folder is in the split, and only those"


@pytest.mark.parametrize("paper", PAPERS)
def test_every_paper_has_both_forms_and_valid_gold(paper: str) -> None:
    folder = CORPUS / paper
    gold = load_gold_file(folder / "items.yml")
    assert len(gold) >= 5
    assert theme_problems(gold, load_codebook_ids(CODEBOOK)) == []
    markdown = (folder / "paper.md").read_text(encoding="utf-8")
    raw = (folder / "paper.txt").read_text(encoding="utf-8")
    assert clean_text(markdown).reading.startswith("read as Markdown")
    assert clean_text(raw).reading == "read as plain text"
    # The PDF the text was extracted from, unless the script wrapped the text itself.
    wrapped = LAYOUTS[paper] == "wrapped"
    assert (folder / "paper.pdf").is_file() != wrapped
    # The gold labels are the paper's words (Markdown marks aside), not a program's.
    flat = " ".join(re.sub(r"[*_]", "", markdown).casefold().split())
    for entry in gold:
        assert " ".join(entry["label"].casefold().split()) in flat, entry["label"]
    # The typeset text keeps every circled number the paper prints (a PDF font without
    # the glyph once dropped them, and the run-in markers with them).
    circled = re.compile("[\u2460-\u2473]")
    assert len(circled.findall(raw)) == len(circled.findall(markdown))


def _style(heading_number: str) -> str:
    for style, pattern in (
        ("chapter", r"Chapter \d"),
        ("part", r"Part \w+"),
        ("section-sign", r"§\d"),
        ("section", r"Section \d"),
        ("rparen", r"\d\)"),
        ("roman", r"[IVX]+\."),
        ("letters", r"[A-H]\."),
        ("cjk", r"[一二三四五六七八九十]、"),
        ("paren", r"\(\d\)"),
        ("arabic", r"\d"),
    ):
        if re.match(pattern, heading_number):
            return style
    return "unnumbered"


def test_the_corpus_varies_section_and_item_styles() -> None:
    section_styles: set[str] = set()
    item_sources: set[str] = set()
    kinds: set[str] = set()
    for paper in PAPERS:
        text = (CORPUS / paper / "paper.md").read_text(encoding="utf-8")
        headings = re.findall(r"^#{1,3} (.*)$|^(.+)\n[-=]{3,}$", text, re.M)
        titles = [a or b for a, b in headings]
        # (The conclusion's heading shows the paper's numbering; "Closing Remarks" too.)
        last = next((t for t in titles if "conclu" in t.lower()), titles[-1])
        section_styles.add(_style(last))
        gold = load_gold_file(CORPUS / paper / "items.yml")
        item_sources |= {entry["source"] for entry in gold}
        kinds |= {entry["kind"] for entry in gold}
    assert len(section_styles) >= 4, section_styles
    assert len(item_sources) >= 5 and item_sources <= set(ITEM_SOURCES)
    assert kinds == set(ITEM_KINDS)


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate_items", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("evaluate_items", module)
    spec.loader.exec_module(module)
    return module


def _scores(script: ModuleType, capsys: Any, *args: str) -> dict[str, Any]:
    script.main(["--json", "--corpus", str(CORPUS), *args])
    return json.loads(capsys.readouterr().out)


# Floors under the dev figures (118 papers: Markdown .99 / .99; raw text .97 / .87, what
# is lost being lost mostly before extraction: a two-column page whose columns and
# headings pdftotext interleaves, a paragraph break after a nearly full line; the PDFs
# read by their layout, .98 / .98), so that a rule that loses items fails here. (Each
# blind round's dev papers, in styles no rule had seen, lower them until rules are
# written from them: the last took Markdown from .990 / .986 to .986 / .978.)
@pytest.mark.parametrize(
    ("form", "precision", "recall"), [("md", 0.97, 0.97), ("txt", 0.95, 0.85), ("pdf", 0.97, 0.97)]
)
def test_dev_figures_hold(
    script: ModuleType, capsys: Any, form: str, precision: float, recall: float
) -> None:
    report = _scores(script, capsys, "--split", "dev", "--form", form)
    extraction = report["scores"]["extraction"]
    assert extraction["precision"] >= precision and extraction["recall"] >= recall, extraction
    read = [p for p in SPLIT["dev"] if form != "pdf" or LAYOUTS[p] != "wrapped"]
    assert set(report["readings"]) == set(read)
    assert report["split"] == "dev" and report["form"] == form
    # The dev papers' second coder's themes are reported beside the coder's.
    second = report["second_coder"]
    coded = [p for p in read if (CORPUS / p / "themes-second-coder.yml").exists()]
    assert second["papers"] == len(coded) >= 23 and second["items"] >= 200


def test_the_seeds_stay_at_one(script: ModuleType, capsys: Any) -> None:
    script.main(["--json"])
    extraction = json.loads(capsys.readouterr().out)["scores"]["extraction"]
    assert extraction["precision"] == 1.0 and extraction["recall"] == 1.0
