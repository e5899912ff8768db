"""Scoring of extracted items (digest.evaluation.item_scores, scripts/evaluate_items.py).

The scorer is tested on tiny hand-made items, so every count can be worked
out by hand; the command-line script with stand-in pipelines on a tiny corpus
in tmp_path. The last groups check the gold item files and the codebook
themselves: well-formed, grounded in the cleaned papers, and consistent with
each other.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from digest.evaluation.item_scores import (
    ITEM_SOURCES,
    GoldError,
    label_similarity,
    label_tokens,
    labels_match,
    load_codebook_ids,
    load_gold_dir,
    load_gold_file,
    match_items,
    score_items,
    theme_problems,
    validate_gold_item,
)
from digest.model import ITEM_KINDS, Heading

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "gold" / "items"
SOURCES = REPO / "sources"
CODEBOOK = REPO / "scripts" / "digest" / "data" / "codebook.yml"
SCRIPT = REPO / "scripts" / "evaluate_items.py"


def item(label: str, kind: str = "problem", paper: str = "p", **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"paper": paper, "kind": kind, "label": label, "section": "3"}
    entry.update(extra)
    return entry


# --- label normalisation and agreement ---------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Grass-roots Party Organisations", "grassroots party organizations"),
        ("Grass Roots Party Construction", "grass-roots party construction"),
        (
            "Low Participation of Neighbourhood Residents",
            "low participation of neighborhood residents.",
        ),
        ("Villagers\u2019 Self-Government", "villagers' self-government"),
        ("Standardise the Model", "standardize the model"),
        ("The Masses", "masses"),
        ("Preferential Policies", "preferential policy"),
    ],
)
def test_spelling_case_and_punctuation_variants_normalise_alike(left: str, right: str) -> None:
    assert label_tokens(left) == label_tokens(right)


def test_stop_words_are_dropped_but_negation_and_field_words_kept() -> None:
    assert label_tokens("The assessment mechanism is not perfect") == {
        "assessment",
        "mechanism",
        "not",
        "perfect",
    }
    assert label_tokens("Party building and business") == {"party", "building", "business"}


def test_three_of_five_shared_words_agree_two_of_four_do_not() -> None:
    gold = "cadre ability weak rural village"
    assert label_similarity(gold, "cadre ability weak urban town") == pytest.approx(0.6)
    assert labels_match(gold, "cadre ability weak urban town")
    assert label_similarity("cadre ability rural village", "cadre ability urban town") == 0.5
    assert not labels_match("cadre ability rural village", "cadre ability urban town")


def test_overlap_is_measured_against_the_shorter_label() -> None:
    # 2 shared words; the short label has 2, the long one 6.
    long_label = "Working Mechanism of village affairs openness coordination"
    assert label_similarity("Working Mechanism", long_label) == 1.0
    assert label_similarity(long_label, "working mechanisms") == 1.0


def test_containment_counts_whole_words_only() -> None:
    assert (
        label_similarity("reduce the cost of participation", "Reduce the cost of participation.")
        == 1.0
    )
    # "form" is not contained in "formalism": one of two content words shared.
    assert label_similarity("party form", "party formalism") == 0.5


def test_a_label_of_stop_words_agrees_with_nothing() -> None:
    assert label_similarity("The first is", "The first is the impact of values") == 0.0
    assert not labels_match("", "")


# --- matching -------------------------------------------------------------------


def test_same_label_of_another_kind_is_a_miss_and_an_extra() -> None:
    scores = score_items([item("Weak leadership")], [item("Weak leadership", kind="cause")])
    assert (scores.extraction.tp, scores.extraction.fp, scores.extraction.fn) == (0, 1, 1)
    assert scores.by_kind["problem"].fn == 1
    assert scores.by_kind["cause"].fp == 1


def test_items_are_matched_within_their_paper_only() -> None:
    scores = score_items([item("Weak leadership", paper="a")], [item("Weak leadership", paper="b")])
    assert scores.extraction.tp == 0
    assert scores.by_paper["a"].fn == 1
    assert scores.by_paper["b"].fp == 1


def test_matching_is_one_to_one() -> None:
    scores = score_items([item("Weak leadership")], [item("Weak leadership")] * 2)
    assert (scores.extraction.tp, scores.extraction.fp, scores.extraction.fn) == (1, 1, 0)
    assert scores.extraction.precision == 0.5
    assert scores.extraction.recall == 1.0
    # and the other way round: one extracted item cannot match two gold items
    scores = score_items([item("Weak leadership")] * 2, [item("Weak leadership")])
    assert (scores.extraction.tp, scores.extraction.fp, scores.extraction.fn) == (1, 0, 1)


def test_greedy_matching_takes_the_best_pair_first() -> None:
    gold = [item("rural cadre ability"), item("urban cadre ability")]
    # "cadre ability" agrees fully with both gold labels; in document order it
    # would take the first, leaving the exact "rural cadre ability" with the
    # weaker second pair. Best first, the exact pair is made first.
    predicted = [item("cadre ability"), item("rural cadre ability")]
    matches, misses, extras = match_items(gold, predicted)
    assert not misses and not extras
    pairs = {m.gold["label"]: m.predicted["label"] for m in matches}
    assert pairs == {
        "rural cadre ability": "rural cadre ability",
        "urban cadre ability": "cadre ability",
    }


def test_a_tie_goes_to_the_pair_in_the_same_section() -> None:
    gold = [item("Weak leadership", section="2"), item("Weak leadership", section="3")]
    predicted = [item("Weak leadership", section="3")]
    matches, misses, _ = match_items(gold, predicted)
    assert [m.gold["section"] for m in matches] == ["3"]
    assert [m["section"] for m in misses] == ["2"]


def test_below_threshold_pairs_are_never_matched() -> None:
    matches, misses, extras = match_items(
        [item("cadre ability rural village")], [item("cadre ability urban town")]
    )
    assert matches == []
    assert len(misses) == 1 and len(extras) == 1


# --- counts ----------------------------------------------------------------------


def test_counts_overall_per_kind_and_per_paper() -> None:
    gold = [
        item("Weak political leadership"),
        item("Low participation of residents"),
        item("Administrative burden", paper="q"),
        item("Strengthen organisation", kind="path"),
    ]
    predicted = [
        item("weak political leadership"),
        item("Administrative burden of communities", paper="q"),
        item("Develop culture", kind="path"),
    ]
    scores = score_items(gold, predicted)
    assert (scores.extraction.tp, scores.extraction.fp, scores.extraction.fn) == (2, 1, 2)
    assert scores.extraction.precision == pytest.approx(2 / 3)
    assert scores.extraction.recall == pytest.approx(1 / 2)
    assert scores.extraction.f1 == pytest.approx(4 / 7)
    assert (scores.by_kind["problem"].tp, scores.by_kind["problem"].fn) == (2, 1)
    assert (scores.by_kind["path"].fp, scores.by_kind["path"].fn) == (1, 1)
    assert (scores.by_paper["p"].tp, scores.by_paper["p"].fp, scores.by_paper["p"].fn) == (1, 1, 2)
    assert (scores.by_paper["q"].tp, scores.by_paper["q"].fp, scores.by_paper["q"].fn) == (1, 0, 0)
    assert [m["label"] for m in scores.misses] == [
        "Low participation of residents",
        "Strengthen organisation",
    ]
    assert [e["label"] for e in scores.extras] == ["Develop culture"]


def test_themes_are_scored_per_item_theme_pair_over_matched_items_only() -> None:
    gold = [
        item("Weak leadership", themes=["a", "b"]),
        item("Low participation", themes=["c"]),  # not extracted: its theme is not counted
    ]
    predicted = [
        item("Weak leadership", themes=["b", "d"]),
        item("Something else entirely", themes=["a"]),  # extra: not counted either
    ]
    scores = score_items(gold, predicted)
    assert (scores.themes.tp, scores.themes.fp, scores.themes.fn) == (1, 1, 1)
    assert scores.themes_by_kind["problem"].tp == 1
    assert len(scores.theme_disagreements) == 1


def test_agreeing_themes_are_not_a_disagreement() -> None:
    scores = score_items([item("x label", themes=["a", "b"])], [item("x label", themes=["b", "a"])])
    assert (scores.themes.tp, scores.themes.fp, scores.themes.fn) == (2, 0, 0)
    assert scores.theme_disagreements == []


def test_empty_sides() -> None:
    both_empty = score_items([], [])
    assert both_empty.extraction.precision == 1.0 and both_empty.extraction.recall == 1.0
    assert both_empty.failures() == []
    nothing_extracted = score_items([item("Weak leadership")], [])
    assert nothing_extracted.extraction.recall == 0.0
    assert nothing_extracted.extraction.precision == 0.0
    assert len(nothing_extracted.failures()) == 2


def test_failures_name_the_missed_target() -> None:
    gold = [item(f"label {word}") for word in ("alpha", "beta", "gamma", "delta", "epsilon")]
    predicted = gold[:4]  # recall 0.8, precision 1.0
    scores = score_items(gold, predicted)
    failures = scores.failures(0.9, 0.9)
    assert len(failures) == 1 and failures[0].startswith("extraction recall 0.8000")
    assert scores.failures(0.9, 0.8) == []


def test_json_report_lists_misses_extras_and_matches() -> None:
    scores = score_items([item("Weak leadership", themes=["a"])], [item("Weak leadership")])
    report = json.loads(json.dumps(scores.to_json()))
    assert report["extraction"]["tp"] == 1
    assert report["matches"][0]["gold"]["themes"] == ["a"]
    assert report["themes"]["fn"] == 1


# --- gold file format --------------------------------------------------------------


def gold_item(**overrides: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kind": "problem",
        "section": "3.1",
        "label": "Working Mechanism",
        "source": "heading",
        "themes": ["lack-transparency"],
    }
    for key, value in overrides.items():
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
    return entry


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"section": 3.1}, "quote it"),
        ({"section": "3.1."}, "no final dot"),
        ({"section": None}, "section must be a string"),
        ({"kind": "symptom"}, "kind"),
        ({"source": "prose"}, "source"),
        ({"label": ""}, "label"),
        ({"label": "The first is"}, "no content word"),
        ({"themes": "lack-transparency"}, "themes"),
        ({"themes": ["a", "a"]}, "twice"),
        ({"colour": "red"}, "unknown key"),
        ({"source": None}, "source"),
    ],
)
def test_malformed_gold_items_are_rejected(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(GoldError, match=message):
        validate_gold_item(gold_item(**overrides), "x.yml#1")


def test_a_well_formed_gold_item_passes() -> None:
    assert validate_gold_item(gold_item()) == gold_item()


def test_gold_file_must_be_named_after_its_paper(tmp_path: Path) -> None:
    path = tmp_path / "other.yml"
    path.write_text(yaml.safe_dump({"paper": "p", "items": [gold_item()]}), encoding="utf-8")
    with pytest.raises(GoldError, match=r"named p\.yml"):
        load_gold_file(path)
    good = tmp_path / "p.yml"
    good.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert [entry["paper"] for entry in load_gold_file(good)] == ["p"]


def test_unquoted_section_in_yaml_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "p.yml"
    path.write_text(
        "paper: p\nitems:\n"
        "  - {kind: path, section: 4.1, label: Develop culture, source: heading}\n",
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match=r"p\.yml#1: section must be a string"):
        load_gold_file(path)


def test_theme_problems_check_the_group_of_the_kind() -> None:
    codebook = {"problems": {"low-participation"}, "paths": {"participation-self-government"}}
    good = [
        item("x label", kind="cause", themes=["low-participation"]),
        item("y label", kind="experience", themes=["participation-self-government"]),
    ]
    assert theme_problems(good, codebook) == []
    bad = [item("x label", kind="cause", themes=["participation-self-government"])]
    problems = theme_problems(bad, codebook)
    assert len(problems) == 1 and "not in the codebook's problems" in problems[0]


# --- the gold files themselves ------------------------------------------------------

EXPECTED_COUNTS = {
    "wang-governance-grass-roots": {"problem": 3, "path": 3},
    "grassroots-party-construction-implementation": {"problem": 4, "path": 4},
    "party-building-rural-social-governance": {"problem": 3, "path": 4},
    "xu-li-party-building-community-governance": {
        "problem": 4,
        "cause": 4,
        "experience": 5,
        "path": 4,
    },
}


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return load_gold_dir(GOLD_DIR)


def sidecar_sources() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for sidecar in sorted(SOURCES.glob("*.yml")):
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        found[data["id"]] = SOURCES / data["source"]
    return found


@pytest.fixture(scope="module")
def documents() -> dict[str, Any]:
    from digest.clean import clean_text

    sources = sidecar_sources()
    return {
        paper: clean_text(sources[paper].read_text(encoding="utf-8")) for paper in EXPECTED_COUNTS
    }


def test_one_gold_file_per_distinct_paper_with_the_promised_items(
    gold: list[dict[str, Any]],
) -> None:
    counts: dict[str, dict[str, int]] = {}
    for entry in gold:
        paper_counts = counts.setdefault(entry["paper"], {})
        paper_counts[entry["kind"]] = paper_counts.get(entry["kind"], 0) + 1
    assert counts == EXPECTED_COUNTS
    # 000 is the same paper as 001 and has no gold file of its own.
    assert "grassroots-governance-party-building-raw" not in counts
    assert set(counts) <= set(sidecar_sources())


def test_gold_themes_are_codebook_ids_of_the_right_group(gold: list[dict[str, Any]]) -> None:
    assert theme_problems(gold, load_codebook_ids(CODEBOOK)) == []
    assert all(entry["themes"] for entry in gold), "every gold item has at least one theme"


def _flat(text: str) -> str:
    return " ".join(text.casefold().split())


def test_gold_labels_are_printed_in_their_paper(
    gold: list[dict[str, Any]], documents: dict[str, Any]
) -> None:
    for entry in gold:
        document = documents[entry["paper"]]
        if entry["source"] == "heading":
            texts = [b.text for b in document.body if isinstance(b, Heading)]
        elif entry["source"] == "numbered":
            texts = [b.lead or "" for b in document.body if getattr(b, "marker", None)]
        else:
            texts = [b.text for b in document.body if not isinstance(b, Heading)]
        assert any(_flat(entry["label"]) in _flat(text) for text in texts), entry["label"]


def test_gold_sections_are_headings_of_their_paper(
    gold: list[dict[str, Any]], documents: dict[str, Any]
) -> None:
    for entry in gold:
        numbers = {
            (b.number or "").rstrip(".")
            for b in documents[entry["paper"]].body
            if isinstance(b, Heading)
        }
        assert entry["section"] in numbers, (entry["paper"], entry["section"])
        if entry["source"] == "heading":
            heading = next(
                b
                for b in documents[entry["paper"]].body
                if isinstance(b, Heading) and (b.number or "").rstrip(".") == entry["section"]
            )
            assert _flat(heading.text) == _flat(entry["label"])


def test_gold_sources_and_kinds_are_known(gold: list[dict[str, Any]]) -> None:
    assert {entry["source"] for entry in gold} <= set(ITEM_SOURCES)
    assert {entry["kind"] for entry in gold} == set(ITEM_KINDS)


# --- the codebook -----------------------------------------------------------------------

_SLUG = re.compile(r"^[a-z]+(-[a-z]+)*$")


@pytest.fixture(scope="module")
def codebook_data() -> dict[str, Any]:
    return yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))


def test_codebook_has_8_to_14_themes_per_group(codebook_data: dict[str, Any]) -> None:
    assert set(codebook_data) == {"problems", "paths"}
    for group in ("problems", "paths"):
        assert 8 <= len(codebook_data[group]) <= 14, group


def test_codebook_entries_are_complete(codebook_data: dict[str, Any]) -> None:
    ids: list[str] = []
    for group in ("problems", "paths"):
        for entry in codebook_data[group]:
            assert set(entry) == {"id", "label", "description", "terms"}, entry.get("id")
            assert _SLUG.match(entry["id"]), entry["id"]
            assert entry["label"].strip() and len(entry["description"].split()) >= 8
            terms = entry["terms"]
            assert len(terms) >= 5 and len(set(terms)) == len(terms), entry["id"]
            for term in terms:
                assert isinstance(term, str) and term == term.lower(), (entry["id"], term)
                assert "*" not in term[:-1], (entry["id"], term)  # a stem mark only at the end
                assert len(term.split()) <= 5, (entry["id"], term)  # phrases, not sentences
            ids.append(entry["id"])
    assert len(ids) == len(set(ids))


def test_every_codebook_theme_is_used_in_the_gold(
    codebook_data: dict[str, Any], gold: list[dict[str, Any]]
) -> None:
    used = {theme for entry in gold for theme in entry["themes"]}
    for group in ("problems", "paths"):
        for entry in codebook_data[group]:
            assert entry["id"] in used, entry["id"]


def test_codebook_loads_in_the_theme_coder() -> None:
    themes = pytest.importorskip("digest.compare.themes")
    codebook, problems = themes.load_codebook(CODEBOOK)
    assert problems == []
    assert {t.id for t in codebook.themes} == set().union(*load_codebook_ids(CODEBOOK).values())


# --- the command-line script ---------------------------------------------------------------


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate_items", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("evaluate_items", module)
    spec.loader.exec_module(module)
    return module


@dataclass
class FakeItem:
    kind: str
    label: str
    section: str = "2"
    source: str = "numbered"
    themes: list[str] = field(default_factory=list)


TINY_GOLD = {
    "paper": "tiny-paper",
    "items": [
        {"kind": "problem", "section": "2", "label": "Weak guidance", "source": "numbered",
         "themes": ["weak-political-leadership"]},
        {"kind": "problem", "section": "2", "label": "Low participation", "source": "numbered",
         "themes": ["low-participation"]},
        {"kind": "path", "section": "3", "label": "Train cadres", "source": "numbered",
         "themes": ["cadre-training"]},
    ],
}  # fmt: skip


@pytest.fixture
def tiny(tmp_path: Path) -> dict[str, Path]:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "tiny-paper.yml").write_text(yaml.safe_dump(TINY_GOLD), encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "009_tiny.txt").write_text("TINY TEXT", encoding="utf-8")
    (sources / "009_tiny.yml").write_text(
        "id: tiny-paper\nsource: 009_tiny.txt\n", encoding="utf-8"
    )
    return {"gold": gold_dir, "sources": sources}


def stand_in(script: ModuleType, items: list[FakeItem], seen: list[str]) -> Any:
    def clean_text(text: str) -> str:
        seen.append(text)
        return text

    def code_items(found: list[FakeItem], codebook: Any) -> None:
        for entry in found:
            entry.themes = entry.themes or ["low-participation"]

    return script.Pipeline(clean_text, lambda doc: list(items), code_items, codebook=None)


def run(script: ModuleType, tiny: dict[str, Path], *extra: str) -> int:
    return script.main(
        ["--gold-dir", str(tiny["gold"]), "--sources-dir", str(tiny["sources"]), *extra]
    )


def test_script_passes_a_perfect_extractor(
    script: ModuleType, tiny: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    items = [
        FakeItem("problem", "Weak guidance", themes=["weak-political-leadership"]),
        FakeItem("problem", "Low participation"),
        FakeItem("path", "Train cadres", section="3", themes=["cadre-training"]),
    ]
    seen: list[str] = []
    monkeypatch.setattr(script, "load_pipeline", lambda path: stand_in(script, items, seen))
    assert run(script, tiny) == 0
    out = capsys.readouterr().out
    assert seen == ["TINY TEXT"]  # the source was found through its sidecar id
    assert "result: PASS" in out
    assert "all themes" in out


def test_script_fails_below_target_and_lists_the_differences(
    script: ModuleType, tiny: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    items = [
        FakeItem("problem", "Weak guidance", themes=["low-participation"]),
        FakeItem("path", "Develop culture", section="3"),
    ]
    monkeypatch.setattr(script, "load_pipeline", lambda path: stand_in(script, items, []))
    assert run(script, tiny) == 1
    out = capsys.readouterr().out
    assert "missed (2 gold items not extracted)" in out
    assert "'Low participation'" in out and "'Train cadres'" in out
    assert "extra (1 extracted items not in the gold)" in out and "'Develop culture'" in out
    assert "gold ['weak-political-leadership'] | coded ['low-participation']" in out
    assert "FAIL: extraction precision 0.5000 < 0.9000" in out
    # a lower target lets the same extraction pass
    assert run(script, tiny, "--min", "0.3") == 0


def test_script_json_report(
    script: ModuleType, tiny: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    items = [FakeItem("problem", "Weak guidance")]
    monkeypatch.setattr(script, "load_pipeline", lambda path: stand_in(script, items, []))
    assert run(script, tiny, "--json") == 1
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["passed"] is False
    assert report["papers"] == {"tiny-paper": "009_tiny.txt"}
    assert report["scores"]["extraction"]["tp"] == 1
    assert report["scores"]["extraction"]["fn"] == 2
    assert "result: FAIL" in captured.err


def test_script_reports_an_extractor_crash(
    script: ModuleType, tiny: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    def broken(doc: Any) -> list[Any]:
        raise RuntimeError("boom")

    pipeline = script.Pipeline(lambda text: text, broken, lambda items, codebook: None, None)
    monkeypatch.setattr(script, "load_pipeline", lambda path: pipeline)
    assert run(script, tiny) == 1
    assert (
        "extractor error: tiny-paper (009_tiny.txt): RuntimeError: boom" in capsys.readouterr().out
    )


def test_script_exits_2_without_an_extractor(
    script: ModuleType, tiny: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    def missing(path: Path) -> Any:
        raise ImportError("cannot import name 'extract_items'")

    monkeypatch.setattr(script, "load_pipeline", missing)
    assert run(script, tiny) == 2
    assert "cannot be imported yet" in capsys.readouterr().err


def test_script_exits_2_for_a_theme_not_in_the_codebook(
    script: ModuleType, tiny: dict[str, Path], capsys: Any
) -> None:
    data = json.loads(json.dumps(TINY_GOLD))
    data["items"][0]["themes"] = ["cadre-training"]  # a path theme on a problem
    (tiny["gold"] / "tiny-paper.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert run(script, tiny) == 2
    assert "not in the codebook's problems" in capsys.readouterr().err


def test_script_exits_2_for_a_paper_without_source(
    script: ModuleType, tiny: dict[str, Path], capsys: Any
) -> None:
    (tiny["sources"] / "009_tiny.yml").write_text(
        "id: another\nsource: 009_tiny.txt\n", encoding="utf-8"
    )
    assert run(script, tiny) == 2
    assert "no source" in capsys.readouterr().err


def test_script_runs_on_the_real_gold(script: ModuleType, capsys: Any) -> None:
    """Gold files, codebook and sources fit together; the score itself is the script's business."""
    pytest.importorskip("digest.compare.extract")
    status = script.main(["--json"])
    report = json.loads(capsys.readouterr().out)
    assert status in (0, 1)
    assert set(report["papers"]) == set(EXPECTED_COUNTS)
    assert report["papers"]["wang-governance-grass-roots"] == "001_b894dce3f1db1ec4.txt"
    assert report["scores"]["extraction"]["tp"] + report["scores"]["extraction"]["fn"] == 38


def test_script_reports_theme_f1_against_its_target_without_failing(
    script: ModuleType, tiny: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    # Perfect extraction; themes: 2 of 3 right, 1 wrong -> F1 2/3, below 0.85.
    items = [
        FakeItem("problem", "Weak guidance", themes=["weak-political-leadership"]),
        FakeItem("problem", "Low participation"),
        FakeItem("path", "Train cadres", section="3", themes=["culture-ethics"]),
    ]
    monkeypatch.setattr(script, "load_pipeline", lambda path: stand_in(script, items, []))
    assert run(script, tiny) == 0  # the exit status stays with extraction
    out = capsys.readouterr().out
    assert "theme F1 0.6667 (target 0.8500)  BELOW" in out
    assert run(script, tiny, "--theme-min", "0.6", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["theme_target"] == 0.6 and report["theme_f1_ok"] is True
