"""Theme coding: terms in label or passage, sidecar overrides, honest empties."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from digest.compare.themes import Codebook, Theme, code_items, load_codebook
from digest.model import Item

ROOT = Path(__file__).resolve().parents[2]
CODEBOOK = Codebook(
    [
        Theme("cadres", "problems", "Cadre quality", "", ("cadre*", "working ability")),
        Theme("participation", "problems", "Low participation", "", ("participat*",)),
        Theme("training", "paths", "Train cadres", "", ("train*", "cadre*")),
        Theme("digital", "paths", "Internet", "", ("internet", "big data", "grass roots platform")),
    ]
)


def item(kind: str, label: str, passage: str = "", anchor: str = "a") -> Item:
    return Item(kind, label, passage, "1", "heading", anchor, 0)


def test_a_term_in_the_label_codes_the_item() -> None:
    (coded,) = code_items([item("problem", "Weak cadre teams")], CODEBOOK)
    assert coded.themes == ["cadres"]


def test_the_passage_needs_two_different_terms_unless_it_is_short_and_names_one_theme() -> None:
    two = item("problem", "Mechanism", "Cadres lack working ability.")
    one = item("problem", "Mechanism", "Residents rarely participate.")
    both = item("problem", "Mechanism", "Cadres rarely participate.")  # two themes once each
    long = item("problem", "Mechanism", "Residents rarely participate. " + "Text. " * 130)
    code_items([two, one, both, long], CODEBOOK)
    assert two.themes == ["cadres"]
    assert one.themes == ["participation"]
    assert both.themes == [] and long.themes == []


def test_kinds_use_their_own_side_of_the_codebook() -> None:
    cause, path = item("cause", "Cadres untrained"), item("path", "Train cadres")
    code_items([cause, path], CODEBOOK)
    assert cause.themes == ["cadres"]
    assert path.themes == ["training"]


def test_hyphens_spaces_and_closed_forms_match_alike() -> None:
    coded = code_items([item("path", "A grass-roots platform"), item("path", "Big-data")], CODEBOOK)
    assert [i.themes for i in coded] == [["digital"], ["digital"]]
    closed = code_items([item("path", "The grassroots platform")], CODEBOOK)
    assert closed[0].themes == ["digital"]


def test_a_sidecar_override_replaces_the_rules() -> None:
    overridden = item("problem", "Weak cadre teams", anchor="s3-1")
    code_items([overridden], CODEBOOK, {"s3-1": ["participation"]})
    assert overridden.themes == ["participation"]


def test_the_shipped_codebook_loads_with_both_sides() -> None:
    codebook, problems = load_codebook()
    assert problems == []
    assert len(codebook.group("problems")) >= 8 and len(codebook.group("paths")) >= 8
    assert len({t.id for t in codebook.themes}) == len(codebook.themes)


def test_a_broken_codebook_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "codebook.yml"
    bad.write_text("problems:\n  - id: x\n    terms: [a, b\n", encoding="utf-8")
    codebook, problems = load_codebook(bad)
    assert codebook.themes == []
    assert problems and problems[0].line > 1 and "cannot read the codebook" in problems[0].message


def test_digest_items_prints_json_for_any_text() -> None:
    text = (
        "1. Problems in Village Governance\n\n"
        "1) Weak cadre teams. The cadres are old.\n\n"
        "2) Low participation. Villagers stay away.\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "digest.cli", "items", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [(r["kind"], r["label"], r["source"]) for r in records] == [
        ("problem", "Weak cadre teams", "numbered"),
        ("problem", "Low participation", "numbered"),
    ]
    assert set(records[0]) == {"kind", "label", "passage", "themes", "section", "source", "anchor"}


def test_coding_compiles_only_the_patterns_of_words_the_text_holds() -> None:
    from digest.compare import themes

    codebook, _ = themes.load_codebook()
    terms = sum(len(theme.terms) for theme in codebook.themes)
    themes._term_pattern.cache_clear()
    label = "Cadres have low ability"
    item = Item("problem", label, label + ".", "2", "runin", "a", 0)
    themes.code_items([item], codebook)
    assert item.themes  # coded, by a pattern compiled for it
    assert 0 < themes._term_pattern.cache_info().currsize < terms / 10
