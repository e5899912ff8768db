"""Scoring of parsed references (digest.evaluation.reference_scores, evaluate_references.py).

The scorer is tested on tiny hand-made Reference objects, so every count can
be worked out by hand; the command-line script is tested with stand-in
parsers. The last group checks the gold files themselves: well-formed, the
promised sizes, and the corpus ``raw`` strings really in the sources.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from digest.evaluation.reference_scores import (
    SCORED_FIELDS,
    FieldCounts,
    GoldError,
    author_key,
    compare,
    load_gold,
    normalise_value,
    reference_from_gold,
    score,
    validate_gold_entry,
)
from digest.model import Person, Reference

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "gold" / "references"
CORPUS_GOLD = GOLD_DIR / "corpus.yml"
OTHER_GOLD = GOLD_DIR / "other_styles.yml"
SCRIPT = REPO / "scripts" / "evaluate_references.py"

RAW = "[1] Wang J.N. (2016). Title--Sub, *Administration and Law*, 36(9), 37-46."


def gold_entry(**overrides: Any) -> dict[str, Any]:
    """A small gold entry; keyword arguments replace or (with None) remove fields."""
    entry: dict[str, Any] = {
        "raw": RAW,
        "type": "article",
        "label": "1",
        "authors": [{"family": "Wang", "given": "J. N."}],
        "year": "2016",
        "title": "Title--Sub",
        "container": "Administration and Law",
        "volume": "36",
        "number": "9",
        "pages": "37-46",
    }
    for key, value in overrides.items():
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
    return entry


def perfect(gold: dict[str, Any]) -> Reference:
    return reference_from_gold(gold)


# --- normalisation ----------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Governance--Based on", "Governance—Based on"),
        ("37–46", "37-46"),
        ("37 - 46", "37-46"),
        ("\u201cChigang Experience\u201d", '"Chigang Experience"'),
        ("People\u2019s Forum", "People's Forum"),
        ("ＡＢＣ  Journal", "abc journal"),
        ("Theory and Reform.", "Theory and Reform"),
        ("Theory and Reform ,", "Theory and Reform"),
        ("  Theory\n and   Reform ", "Theory and Reform"),
        ("soft\u00adhyphen", "softhyphen"),
    ],
)
def test_normalise_value_folds_what_carries_no_meaning(left: str, right: str) -> None:
    assert normalise_value(left) == normalise_value(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Dancing with Diversity?", "Dancing with Diversity"),
        ("36", "360"),
        ("Learning", "Learning and Practice"),
    ],
)
def test_normalise_value_keeps_what_matters(left: str, right: str) -> None:
    assert normalise_value(left) != normalise_value(right)


def test_author_key_ignores_full_stops_case_and_spacing() -> None:
    assert author_key("Wang", "J. N.") == author_key("wang", "J.N.") == author_key("WANG", "J  N")
    assert author_key("Wang", "J. N.") != author_key("Wang", "JN")
    assert author_key("Tsai", "Lily L.") == author_key("Tsai", "lily l")


# --- one reference ----------------------------------------------------------


def test_perfect_prediction_is_all_true_positives() -> None:
    gold = gold_entry()
    result = compare(gold, perfect(gold))
    assert result.exact
    assert result.mismatches == []
    assert result.counts["authors"] == FieldCounts(tp=1)
    assert result.counts["title"] == FieldCounts(tp=1)
    # Fields neither side has are not counted at all.
    assert result.counts["doi"] == FieldCounts()


def test_wrong_value_is_a_false_positive_and_a_false_negative() -> None:
    gold = gold_entry()
    predicted = perfect(gold)
    predicted.container = "Administration"
    result = compare(gold, predicted)
    assert result.counts["container"] == FieldCounts(fp=1, fn=1)
    assert not result.exact
    assert [(m.field, m.gold, m.predicted) for m in result.mismatches] == [
        ("container", "Administration and Law", "Administration")
    ]


def test_missing_value_is_a_false_negative_and_extra_value_a_false_positive() -> None:
    gold = gold_entry()
    predicted = perfect(gold)
    predicted.pages = None
    predicted.doi = "10.1000/xyz"
    result = compare(gold, predicted)
    assert result.counts["pages"] == FieldCounts(fn=1)
    assert result.counts["doi"] == FieldCounts(fp=1)
    assert {m.field for m in result.mismatches} == {"pages", "doi"}


def test_empty_string_counts_as_missing() -> None:
    gold = gold_entry()
    predicted = perfect(gold)
    predicted.volume = "  "
    assert compare(gold, predicted).counts["volume"] == FieldCounts(fn=1)


def test_equal_after_normalisation_is_a_match() -> None:
    gold = gold_entry(title="Party Building--Based on Zhanjiang", pages="37-46")
    predicted = perfect(gold)
    predicted.title = "Party Building — Based on Zhanjiang."
    predicted.pages = "37–46"
    predicted.authors = [Person("WANG", "J.N.")]
    assert compare(gold, predicted).exact


def test_type_is_scored_like_any_field() -> None:
    gold = gold_entry(type="thesis")
    predicted = perfect(gold)
    predicted.type = "article"
    assert compare(gold, predicted).counts["type"] == FieldCounts(fp=1, fn=1)


def test_each_author_is_one_unit() -> None:
    gold = gold_entry(
        authors=[
            {"family": "He", "given": "H. B."},
            {"family": "Chen", "given": "Y. T."},
            {"family": "Zhao", "given": "X."},
        ]
    )
    predicted = perfect(gold)
    # One given name wrong, one author missing: 1 right, 1 wrong, 1 missing.
    predicted.authors = [Person("He", "H. B."), Person("Chen", "Y.")]
    result = compare(gold, predicted)
    assert result.counts["authors"] == FieldCounts(tp=1, fp=1, fn=2)
    mismatch = next(m for m in result.mismatches if m.field == "authors")
    assert mismatch.gold == "He, H. B.; Chen, Y. T.; Zhao, X."
    assert mismatch.predicted == "He, H. B.; Chen, Y."


def test_author_order_costs_the_exact_match_only() -> None:
    gold = gold_entry(
        authors=[{"family": "Dai", "given": "Y. Q."}, {"family": "Liu", "given": "Y."}]
    )
    predicted = perfect(gold)
    predicted.authors = list(reversed(predicted.authors))
    result = compare(gold, predicted)
    assert result.counts["authors"] == FieldCounts(tp=2)
    assert not result.exact


def test_corporate_author_without_given_name() -> None:
    gold = gold_entry(authors=[{"family": "General Office of the State Council"}])
    predicted = perfect(gold)
    assert predicted.authors == [Person("General Office of the State Council", "")]
    assert compare(gold, predicted).exact


def test_unparsed_reference_scores_as_misses() -> None:
    gold = gold_entry()
    result = compare(gold, Reference(raw=RAW, parsed=False))
    # type "misc" is a wrong type; every other gold field is missing.
    assert result.counts["type"] == FieldCounts(fp=1, fn=1)
    assert result.counts["authors"] == FieldCounts(fn=1)
    assert sum(c.fn for c in result.counts.values()) == 9


# --- many references --------------------------------------------------------


def test_micro_average_and_exact_match_over_references() -> None:
    first = gold_entry()
    second = gold_entry(raw="other", title="Another", label=None)
    wrong = perfect(second)
    wrong.title = "Something else"
    wrong.url = "https://example.org/x"
    scores = score([(first, perfect(first)), (second, wrong)])

    # first: 9 units right; second: 7 right, title wrong (fp+fn), url extra (fp).
    assert scores.micro == FieldCounts(tp=16, fp=2, fn=1)
    assert scores.micro.precision == pytest.approx(16 / 18)
    assert scores.micro.recall == pytest.approx(16 / 17)
    assert scores.micro.f1 == pytest.approx(2 * (16 / 18) * (16 / 17) / (16 / 18 + 16 / 17))
    assert scores.fields["title"] == FieldCounts(tp=1, fp=1, fn=1)
    assert scores.fields["label"] == FieldCounts(tp=1)
    assert scores.exact_matches == 1
    assert scores.exact_match_rate == 0.5
    assert [r.where for r in scores.results] == ["#1", "#2"]


def test_empty_field_conventions() -> None:
    # Nothing to find and nothing found is perfect; something on one side only is not.
    assert FieldCounts().precision == FieldCounts().recall == FieldCounts().f1 == 1.0
    only_gold = FieldCounts(fn=2)
    assert only_gold.precision == 0.0 and only_gold.recall == 0.0 and only_gold.f1 == 0.0
    only_pred = FieldCounts(fp=1)
    assert only_pred.precision == 0.0 and only_pred.recall == 0.0


def test_failures_name_the_targets_missed() -> None:
    gold = gold_entry()
    predicted = perfect(gold)
    predicted.year = "2017"
    scores = score([(gold, predicted)])
    # 8 of 9 units right, one wrong: precision = recall = F1 = 8/9.
    assert scores.micro.f1 == pytest.approx(8 / 9)
    assert scores.failures(min_f1=0.85, min_exact=0.0) == []
    assert scores.failures(min_f1=0.99, min_exact=0.5) == [
        f"micro F1 {scores.micro.f1:.4f} < 0.9900",
        "exact match 0.0000 < 0.5000",
    ]


def test_to_json_is_plain_json() -> None:
    gold = gold_entry()
    predicted = perfect(gold)
    predicted.number = "09"
    report = score([(gold, predicted)], where=["g.yml#1"]).to_json()
    text = json.dumps(report)
    assert json.loads(text)["mismatches"] == [
        {
            "where": "g.yml#1",
            "raw": RAW,
            "fields": [{"field": "number", "gold": "9", "predicted": "09"}],
        }
    ]
    assert set(report["fields"]) == set(SCORED_FIELDS)


# --- gold validation --------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (gold_entry(year=2016), "year must be a string"),
        (gold_entry(number=3), "quote it"),
        (gold_entry(raw=None), "'raw' is required"),
        (gold_entry(type="journal"), "not one of"),
        (gold_entry(journal="X"), "unknown key(s) journal"),
        (gold_entry(volume=""), "omit a field"),
        (gold_entry(authors=[{"given": "J. N."}]), "non-empty family"),
        (gold_entry(authors=[{"family": "Wang", "middle": "X"}]), "family and given"),
        (["not", "a", "mapping"], "must be a mapping"),
    ],
)
def test_malformed_gold_entries_are_rejected(entry: Any, message: str) -> None:
    with pytest.raises(GoldError, match=re.escape(message)):
        validate_gold_entry(entry, "g.yml#1")


def test_load_gold_reads_a_yaml_list(tmp_path: Path) -> None:
    path = tmp_path / "g.yml"
    path.write_text(
        '- raw: "Deng, L. (2019). Research. Wuhan University of Technology."\n'
        "  type: thesis\n"
        "  authors:\n"
        "    - {family: Deng, given: L.}\n"
        '  year: "2019"\n'
        "  title: Research\n"
        "  school: Wuhan University of Technology\n",
        encoding="utf-8",
    )
    [entry] = load_gold(path)
    assert entry["school"] == "Wuhan University of Technology"
    assert reference_from_gold(entry).authors == [Person("Deng", "L.")]


def test_load_gold_names_the_bad_entry(tmp_path: Path) -> None:
    path = tmp_path / "g.yml"
    path.write_text("- raw: x\n  type: article\n- raw: y\n  type: article\n  year: 2019\n")
    with pytest.raises(GoldError, match=r"g\.yml#2: year must be a string"):
        load_gold(path)


# --- the command-line script ------------------------------------------------


@pytest.fixture(scope="module")
def ref_script() -> ModuleType:
    """scripts/evaluate_references.py imported from its path, as the CLI would run it."""
    spec = importlib.util.spec_from_file_location("evaluate_references", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("evaluate_references", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tiny_gold(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yml"
    path.write_text(
        '- raw: "Wang J N. Title[J]. Journal, 2016, 36(9): 37-46."\n'
        "  type: article\n"
        "  authors:\n"
        "    - {family: Wang, given: J. N.}\n"
        '  year: "2016"\n'
        "  title: Title\n"
        "  container: Journal\n"
        '  volume: "36"\n'
        '  number: "9"\n'
        "  pages: 37-46\n"
        '- raw: "Deng, L. (2019). Research. Wuhan University of Technology."\n'
        "  type: thesis\n"
        "  authors:\n"
        "    - {family: Deng, given: L.}\n"
        '  year: "2019"\n'
        "  title: Research\n"
        "  school: Wuhan University of Technology\n",
        encoding="utf-8",
    )
    return path


def oracle_for(*paths: Path) -> dict[str, Reference]:
    """What a perfect parser returns, keyed by raw string."""
    return {e["raw"]: reference_from_gold(e) for path in paths for e in load_gold(path)}


def test_cli_passes_with_a_perfect_parser(
    ref_script: ModuleType,
    tiny_gold: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answers = oracle_for(tiny_gold)
    monkeypatch.setattr(ref_script, "load_parser", lambda: answers.__getitem__)
    code = ref_script.main([str(tiny_gold)])
    out = capsys.readouterr().out
    assert code == 0
    assert "micro         13    13    13     0     0    1.0000  1.0000  1.0000" in out
    assert "exact match 2/2 = 1.0000 (target 0.9000)  ok" in out
    assert out.rstrip().endswith("result: PASS")


def test_cli_fails_below_target_and_lists_the_mismatch(
    ref_script: ModuleType,
    tiny_gold: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answers = oracle_for(tiny_gold)
    thesis = answers["Deng, L. (2019). Research. Wuhan University of Technology."]
    thesis.type = "book"
    thesis.publisher, thesis.school = thesis.school, None
    monkeypatch.setattr(ref_script, "load_parser", lambda: answers.__getitem__)
    code = ref_script.main([str(tiny_gold)])
    out = capsys.readouterr().out
    assert code == 1
    assert "tiny.yml#2: Deng, L. (2019). Research. Wuhan University of Technology." in out
    assert "    type: gold 'thesis' | predicted 'book'" in out
    assert "    school: gold 'Wuhan University of Technology' | predicted (none)" in out
    assert "    publisher: gold (none) | predicted 'Wuhan University of Technology'" in out
    assert "exact match 1/2 = 0.5000 (target 0.9000)  BELOW" in out
    assert "FAIL: exact match 0.5000 < 0.9000" in out
    # Lower targets pass the same prediction.
    code = ref_script.main([str(tiny_gold), "--min-f1", "0.5", "--min-exact", "0.5"])
    assert code == 0


def test_cli_json_report(
    ref_script: ModuleType,
    tiny_gold: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answers = oracle_for(tiny_gold)
    answers["Wang J N. Title[J]. Journal, 2016, 36(9): 37-46."].pages = None
    monkeypatch.setattr(ref_script, "load_parser", lambda: answers.__getitem__)
    code = ref_script.main([str(tiny_gold), "--json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert code == 1
    assert report["passed"] is False
    assert report["scores"]["fields"]["pages"]["fn"] == 1
    assert report["scores"]["mismatches"][0]["where"] == "tiny.yml#1"
    assert report["targets"] == {"micro_f1": 0.98, "exact_match": 0.9}
    assert "result: FAIL" in captured.err


def test_cli_survives_a_parser_crash(
    ref_script: ModuleType,
    tiny_gold: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answers = oracle_for(tiny_gold)

    def parse(raw: str) -> Reference:
        if raw.startswith("Deng"):
            raise ValueError("boom")
        return answers[raw]

    monkeypatch.setattr(ref_script, "load_parser", lambda: parse)
    code = ref_script.main([str(tiny_gold)])
    out = capsys.readouterr().out
    assert code == 1
    assert "unparsed: 1" in out
    assert "parser error: ValueError: boom -- in 'Deng, L. (2019)." in out


def test_cli_without_parser_is_a_usage_error(
    ref_script: ModuleType,
    tiny_gold: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def missing() -> Any:
        raise ImportError("No module named 'digest.references.parse'")

    monkeypatch.setattr(ref_script, "load_parser", missing)
    assert ref_script.main([str(tiny_gold)]) == 2
    assert "cannot be imported" in capsys.readouterr().err


def test_cli_rejects_missing_or_malformed_gold(ref_script: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as missing:
        ref_script.main([str(tmp_path / "nope.yml")])
    assert missing.value.code == 2
    bad = tmp_path / "bad.yml"
    bad.write_text("- raw: x\n  type: article\n  year: 2019\n")
    with pytest.raises(SystemExit) as malformed:
        ref_script.main([str(bad)])
    assert malformed.value.code == 2


# --- the gold files themselves ----------------------------------------------


def test_gold_files_are_well_formed_and_of_the_promised_size() -> None:
    corpus = load_gold(CORPUS_GOLD)
    other = load_gold(OTHER_GOLD)
    assert len(corpus) == 26
    assert len(other) >= 30
    assert all("source" in entry for entry in corpus)
    assert not any("source" in entry for entry in other)
    raws = [entry["raw"] for entry in corpus + other]
    assert len(raws) == len(set(raws)), "a reference appears twice"


@pytest.mark.parametrize("path", [CORPUS_GOLD, OTHER_GOLD], ids=lambda p: p.name)
def test_a_perfect_parser_scores_one_on_the_gold(path: Path) -> None:
    entries = load_gold(path)
    scores = score([(entry, reference_from_gold(entry)) for entry in entries])
    assert scores.micro.f1 == 1.0
    assert scores.exact_match_rate == 1.0


def _reference_lines(source: Path) -> set[str]:
    """The source's lines with wraps joined as the gold conventions say.

    A continuation line (indented) joins with one space, or with none when it
    starts with a dash; a leading "- " bullet is dropped.
    """
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"\n[ \t]+(?=[—–-])", "", text)
    text = re.sub(r"\n[ \t]+", " ", text)
    return {line[2:] if line.startswith("- ") else line for line in text.split("\n")}


def test_corpus_raw_strings_are_the_references_as_printed() -> None:
    corpus = load_gold(CORPUS_GOLD)
    by_source: dict[str, list[str]] = {}
    for entry in corpus:
        by_source.setdefault(entry["source"], []).append(entry["raw"])
    assert {name: len(raws) for name, raws in by_source.items()} == {
        "001_b894dce3f1db1ec4.txt": 6,
        "004_6d188b614b00f695.txt": 20,
    }
    for name, raws in by_source.items():
        lines = _reference_lines(REPO / "sources" / name)
        missing = [raw for raw in raws if raw not in lines]
        assert missing == [], f"not found as printed in {name}"
