"""Hostile input (issue 8, BibTeX): references.bib loads in every real client and round-trips.

Every row of tests/robustness/bibtex.yml becomes one entry, written by the project's writer
(digest.references.bibtex.format_bibliography over digest.model.Reference objects). The
real pipeline adds the rest: a copy of the project with the fixture paper
fixtures/bibtex/901_bibtex.* (hostile sidecar fields and a hostile reference list) is
built with digest.build.build, and its references.bib is appended. Each client then reads
that one file once:

- bibtexparser v2: no failed block, every entry there, the same fields pybtex reads;
- pybtex, strict: parses, and its plain style formats every entry;
- ``bibtex`` with plain.bst (a hand-written .aux citing everything): exit 0, no error in
  the .blg, one \\bibitem per entry and no other;
- ``biber --tool --validate-datamodel`` (and ``--output-resolve-xdata``, so that a value
  taken for an XDATA reference warns): exit 0, no ERROR line, every entry kept, every
  name list and text field written back as it was written, and only the warning kinds
  listed below (ones that say biber misread a value are not among them);

and every field decodes (pylatexenc; url and doi percent-decoded; names split by pybtex)
back to the value that went in, after the writer's documented normalisations. The rows'
values also go through `digest check`, in copies of the fixture sidecar.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bibtexparser
import pybtex.errors
import pytest
import yaml
from latex_text import unlatex
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
from real_clients import require_client

from digest.build import build
from digest.model import Person, Reference
from digest.references.bibtex import entry_type, format_bibliography, iso_date, thesis_degree
from digest.references.parse import parse_reference

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "bibtex"
TABLE = yaml.safe_load((HERE / "bibtex.yml").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = TABLE["cases"]
PIPELINE: dict[str, Any] = TABLE["pipeline"]
CASE_IDS = [case["id"] for case in CASES]
SIDECAR_CASES = [case for case in CASES if case["field"] != "raw"]

# Where a row's value goes in an entry (see bibtex.yml).
BASE_AUTHOR = Person("Wang", "A.")
SLOTS = {"venue": "container", "issue": "number", "notes": "note", "working_title": "note"}
BIB_FIELD = {
    "title": "title",
    "family": "author",
    "given": "author",
    "venue": "journal",
    "volume": "volume",
    "issue": "number",
    "pages": "pages",
    "doi": "doi",
    "url": "url",
    "notes": "note",
    "working_title": "note",
    "keywords": "addendum",
    "raw": "note",
}

# Warnings the hostile values call for: an unparsed string has no title or date, a volume
# "12 }" is no number, an article gives an issue and no volume (see
# tests/references/test_bibtex_readers.py, where well-formed references give none but that
# last one). Any other kind fails the test: biber saying "Invalid namepart" or "XDATA
# reference" would mean it read a value as an instruction.
BIBER_WARNINGS = (
    r"Datamodel: Entry '[^']+' \([^)]+\): Missing mandatory field .*",
    r"Datamodel: Entry '[^']+' \([^)]+\): Invalid value of field 'volume' must be datatype "
    r"'integer' - ignoring field",
)
BIBTEX_WARNINGS = (r"there's a number but no volume in \S+",)


# --- decoding -----------------------------------------------------------------


def normalise(text: str | None) -> str:
    """The writer's documented normalisation: control characters, surrogates and
    noncharacters dropped, whitespace runs (any Unicode space) made one space. Written
    here from the docstring, not imported."""
    kept = "".join(
        ch
        for ch in text or ""
        if ch.isspace()
        or not (
            unicodedata.category(ch) in ("Cc", "Cs")
            or 0xFDD0 <= ord(ch) <= 0xFDEF
            or ord(ch) & 0xFFFE == 0xFFFE
        )
    )
    return " ".join(kept.split())


def normalise_pages(text: str | None) -> str:
    return re.sub(r"\s*[-‐‑–—](?:[\s\-‐‑–—]*[-‐‑–—])?\s*", "--", normalise(text))


def typographic(text: str) -> str:
    """The writer's documented quotes in titles, written here from its docstring: a " opens
    at the start or after a space, bracket, quote or dash, else closes; a lone ' after a
    letter or digit (or before none) is ’, else ‘; '' stays."""
    out = []
    for index, ch in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if ch == '"':
            ch = "“" if before.isspace() or before in "([{<“‘—–-/" else "”"
        elif ch == "'" and before != "'" and after != "'":
            ch = "’" if before.isalnum() or not after.isalnum() else "‘"
        out.append(ch)
    return "".join(out)


def decode_field(name: str, value: str) -> str:
    """url and doi percent-decoded, the rest LaTeX-decoded (a title's case braces go)."""
    if name in ("url", "doi"):
        return urllib.parse.unquote(value)
    return unlatex(value)


def decode_people(people: list[Any]) -> list[tuple[str, str]]:
    """pybtex's split of an author field, decoded: (family, given) per person."""
    decoded = []
    for person in people:
        assert person.prelast_names == [] and person.lineage_names == [], str(person)
        family = unlatex(" ".join(person.last_names))
        given = unlatex(" ".join(person.first_names + person.middle_names))
        decoded.append((family, given))
    return decoded


# --- expected entries ---------------------------------------------------------------


NAME_LISTS = ("author", "editor")
# Where the container goes, by entry type (the writer's docstring); else howpublished.
CONTAINER_SLOTS = {
    "article": "journal",
    "book": "series",
    "incollection": "booktitle",
    "inproceedings": "booktitle",
    "techreport": "type",
}


def people_of(persons: list[Person]) -> list[tuple[str, str]]:
    people = []
    for person in persons:
        family, given = normalise(person.family), normalise(person.given)
        if family or given:
            people.append((family, given) if family else (given, ""))
    return people


def sentences(parts: list[str]) -> str:
    """Notes joined as sentences: "A" and "B" -> "A. B"; "A." and "B" -> "A. B"."""
    text = ""
    for part in filter(None, parts):
        text = part if not text else f"{text}{'' if text[-1] in '.?!' else '.'} {part}"
    return text


def expected_fields(ref: Reference, extra: dict[str, str]) -> dict[str, Any]:
    """Every field an entry must decode to, from the Reference it was written from (the
    entry type and a thesis's degree as the writer's tested classifiers say)."""
    if not ref.parsed:
        return {"note": normalise(ref.raw), "key": normalise(ref.raw), "keywords": "unparsed"}
    kind = entry_type(ref)
    people = people_of(ref.authors)
    truncated = normalise(ref.note).lower() in ("et al.", "et al") and bool(people)
    if truncated:
        people.append(("others", ""))
    title, container = typographic(normalise(ref.title)), normalise(ref.container)
    slot = CONTAINER_SLOTS.get(kind, "howpublished")
    publisher, school = normalise(ref.publisher), normalise(ref.school)
    fields: dict[str, Any] = {"author": people, "editor": people_of(ref.editors), "title": title}
    fields[slot] = typographic(container) if slot == "booktitle" else container
    if kind in ("phdthesis", "mastersthesis"):
        publisher, school = "", school or publisher
        fields["type"] = "Thesis" if thesis_degree(ref) is None else ""
    elif kind == "techreport":
        fields["institution"], publisher, school = publisher or school, "", ""
    fields["school"] = school
    fields["organization" if kind == "misc" else "publisher"] = publisher
    accessed = normalise(ref.urldate)
    notes = [] if truncated else [normalise(ref.note)]
    if accessed and not iso_date(accessed):
        notes.append("Accessed " + accessed)
    fields.update(
        {
            "edition": normalise(ref.edition),
            "entrysubtype": "newspaper" if ref.type == "newspaper" else "",
            "address": normalise(ref.address),
            "year": normalise(ref.year),
            "date": "" if normalise(ref.year) else "XXXX",
            "volume": normalise(ref.volume),
            "number": normalise(ref.number),
            "pages": normalise_pages(ref.pages),
            "doi": urllib.parse.unquote(normalise(ref.doi)),
            "url": urllib.parse.unquote(normalise(ref.url)),
            "urldate": iso_date(accessed) or "",
            "note": sentences(notes),
            "key": "" if people else title or container or normalise(ref.raw),
        }
    )
    if kind == "article" and fields["number"] and not fields["volume"] and fields["year"]:
        fields["volume"] = fields["year"]  # "2020(03)": the year where the volume goes
    if kind == "misc":  # no volume, number or pages in biber's misc: the note says them
        printed = [
            f"{word} {value}"
            for word, value in (
                ("Vol.", fields["volume"]),
                ("No.", fields["number"]),
                ("pp.", normalise(ref.pages)),
            )
            if value
        ]
        if printed:
            notes.append(", ".join(printed))
            fields["note"] = sentences(notes)
        fields["volume"] = fields["number"] = fields["pages"] = ""
    fields.update({name: normalise(value) for name, value in extra.items()})
    return {name: value for name, value in fields.items() if value}


def case_entry(case: dict[str, Any]) -> tuple[str, Reference, dict[str, str]]:
    """The row as an entry: a complete article (plain.bst's required fields) with the
    row's value in its field, or an unparsed reference for a raw string."""
    key = f"row-{case['id']}"
    name, value = case["field"], case["value"]
    if name == "raw":
        return key, Reference(raw=value, parsed=False), {}
    ref = Reference(
        raw=f"row {case['id']}",
        type="article",
        authors=[BASE_AUTHOR],
        title="Base title",
        container="Base Journal",
        year="2020",
    )
    extra: dict[str, str] = {}
    if name == "family":
        ref.authors = [Person(value, BASE_AUTHOR.given)]
    elif name == "given":
        ref.authors = [Person(BASE_AUTHOR.family, value)]
    elif name == "keywords":
        extra = {"addendum": value}
    else:
        setattr(ref, SLOTS.get(name, name), value)
    return key, ref, extra


# --- one file, every client once ------------------------------------------------------


@dataclass
class Run:
    folder: Path
    text: str
    expected: dict[str, dict[str, Any]]  # key -> field -> decoded value
    pipeline_keys: list[str]
    fixture_key: str
    bibtexparser: dict[str, dict[str, str]] = field(default_factory=dict)
    failed_blocks: list[Any] = field(default_factory=list)
    pybtex_fields: dict[str, dict[str, str]] = field(default_factory=dict)
    pybtex_people: dict[str, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    pybtex_formatted: dict[str, str] = field(default_factory=dict)
    pybtex_errors: list[str] = field(default_factory=list)


@contextmanager
def strict_pybtex() -> Iterator[None]:
    """pybtex reports problems through pybtex.errors; strict mode makes them errors."""
    before = pybtex.errors.strict
    pybtex.errors.set_strict_mode(True)
    try:
        yield
    finally:
        pybtex.errors.set_strict_mode(before)


def read_with_pybtex(text: str, result: Run) -> None:
    with strict_pybtex():
        try:
            data = parse_string(text, "bibtex")
        except Exception as error:  # reported by the pybtex tests, not as a set-up error
            result.pybtex_errors.append(f"parse: {error!r}")
            return
        result.pybtex_fields = {key: dict(entry.fields) for key, entry in data.entries.items()}
        result.pybtex_people = {
            key: {role: decode_people(people) for role, people in entry.persons.items()}
            for key, entry in data.entries.items()
        }
        style = find_plugin("pybtex.style.formatting", "plain")()
        for key, entry in data.entries.items():
            try:
                (formatted,) = style.format_entries([entry])
            except Exception as error:
                result.pybtex_errors.append(f"plain style, {key}: {error!r}")
                continue
            result.pybtex_formatted[key] = formatted.text.render_as("text")


def build_pipeline(folder: Path) -> tuple[str, Any]:
    """The fixture paper beside the real sources, through the real build."""
    shutil.copytree(ROOT / "sources", folder / "sources")
    for path in FIXTURE.glob("901_bibtex.*"):
        shutil.copy(path, folder / "sources" / path.name)
    report = build(folder, folder / "out", cache_dir=folder / "cache")
    assert [str(p) for p in report.problems] == []
    return (folder / "references.bib").read_text(encoding="utf-8"), report


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    folder = tmp_path_factory.mktemp("bibtex-clients")
    pipeline_text, report = build_pipeline(folder / "project")
    rows = [case_entry(case) for case in CASES]
    expected = {key: expected_fields(ref, extra) for key, ref, extra in rows}
    assert report.bibliography is not None
    for key, entry in report.bibliography.entries.items():
        expected[key] = expected_fields(entry.reference, {})
    text = format_bibliography(rows, "Hostile rows of tests/robustness/bibtex.yml.")
    text += "\n" + pipeline_text
    (folder / "references.bib").write_text(text, encoding="utf-8")

    result = Run(
        folder,
        text,
        expected,
        list(report.bibliography.entries),
        report.bibliography.paper_keys["bibtex-hostile-fixture"],
    )
    library = bibtexparser.parse_string(text)
    result.failed_blocks = list(library.failed_blocks)
    result.bibtexparser = {
        entry.key: {f.key: f.value for f in entry.fields} for entry in library.entries
    }
    read_with_pybtex(text, result)
    return result


@pytest.fixture(scope="module")
def bibtex_run(run: Run) -> tuple[subprocess.CompletedProcess[str], str, str]:
    program = require_client("bibtex")
    (run.folder / "doc.aux").write_text(
        "\\relax\n\\citation{*}\n\\bibdata{references}\n\\bibstyle{plain}\n", encoding="utf-8"
    )
    done = subprocess.run(
        [program, "doc"], cwd=run.folder, capture_output=True, text=True, timeout=120
    )
    blg = (run.folder / "doc.blg").read_text(encoding="utf-8", errors="replace")
    bbl_path = run.folder / "doc.bbl"
    bbl = bbl_path.read_text(encoding="utf-8", errors="replace") if bbl_path.exists() else ""
    return done, blg, bbl


@pytest.fixture(scope="module")
def biber_run(run: Run) -> tuple[subprocess.CompletedProcess[str], str]:
    program = require_client("biber")
    output = run.folder / "biber-tool.bib"
    done = subprocess.run(
        [
            program,
            "--tool",
            "--validate-datamodel",
            "--output-resolve-xdata",  # a value biber took for an XDATA reference warns
            "--output-file",
            str(output),
            "references.bib",
        ],
        cwd=run.folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    tool = output.read_text(encoding="utf-8") if output.exists() else ""
    return done, tool


# --- the table itself -------------------------------------------------------------------


def test_rows_are_well_formed() -> None:
    assert len(set(CASE_IDS)) == len(CASE_IDS)
    for case in CASES:
        assert case["field"] in BIB_FIELD, case["id"]
        assert isinstance(case["value"], str), case["id"]
        if case["field"] == "raw":
            assert "sidecar" not in case, case["id"]
        else:
            assert case["sidecar"] in ("accepted", "refused"), case["id"]
            assert ("message" in case) == (case["sidecar"] == "refused"), case["id"]


# --- bibtexparser v2 and pybtex -----------------------------------------------------------


def test_bibtexparser_reads_every_entry_and_nothing_else(run: Run) -> None:
    assert run.failed_blocks == []
    assert set(run.bibtexparser) == set(run.expected)
    assert not any("evil" in key.lower() for key in run.bibtexparser)


def test_pybtex_strict_reads_the_same_fields_as_bibtexparser(run: Run) -> None:
    assert [error for error in run.pybtex_errors if error.startswith("parse")] == []
    assert set(run.pybtex_fields) == set(run.expected)
    for key, fields in run.bibtexparser.items():
        texts = {name: value for name, value in fields.items() if name not in NAME_LISTS}
        assert run.pybtex_fields[key] == texts, key


def test_pybtex_plain_style_formats_every_entry(run: Run) -> None:
    assert run.pybtex_errors == []
    assert set(run.pybtex_formatted) == set(run.expected)
    for key, text in run.pybtex_formatted.items():
        assert text.strip(), key


# --- round trip -------------------------------------------------------------------------


def decoded_entry(run: Run, key: str) -> dict[str, Any]:
    fields = run.bibtexparser[key]
    decoded: dict[str, Any] = {
        name: decode_field(name, value) for name, value in fields.items() if name not in NAME_LISTS
    }
    for role in NAME_LISTS:
        if role in fields:
            decoded[role] = run.pybtex_people[key][role]
    return decoded


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_row_round_trips(run: Run, case: dict[str, Any]) -> None:
    """The row's own field decodes to the hand-written value, every other field to the base."""
    key = f"row-{case['id']}"
    decoded = decoded_entry(run, key)
    want = case.get("decoded", case["value"])
    name = BIB_FIELD[case["field"]]
    if case["field"] == "family":
        assert decoded["author"] == [(want, BASE_AUTHOR.given)]
    elif case["field"] == "given":
        assert decoded["author"] == [(BASE_AUTHOR.family, want)]
    elif want is None:
        assert name not in decoded
    else:
        assert decoded[name] == want
    assert decoded == run.expected[key]


def test_every_pipeline_entry_round_trips(run: Run) -> None:
    for key in run.pipeline_keys:
        assert decoded_entry(run, key) == run.expected[key], key


def test_the_fixture_paper_entry_is_what_its_sidecar_says(run: Run) -> None:
    """Hand-written from fixtures/bibtex/901_bibtex.yml."""
    decoded = decoded_entry(run, run.fixture_key)
    want = dict(PIPELINE["paper"])
    want["author"] = [tuple(person) for person in want["author"]]
    assert decoded == want


def test_every_hostile_reference_string_survives_the_pipeline(run: Run) -> None:
    """Each reference of fixtures/bibtex/901_bibtex.txt (the hostile strings listed in
    bibtex.yml, hand-written from the fixture) is in some entry: its text verbatim in
    an entry flagged unparsed, or, parsed, the title the parser read. How well the
    parser reads hostile strings is not asked here (the model may flag one it reads in
    pieces); that none is dropped is."""
    entries = [decoded_entry(run, key) for key in run.pipeline_keys]
    for raw in PIPELINE["references"]:
        ref = parse_reference(raw)
        if ref.parsed:
            want = {"title": typographic(normalise(ref.title))}
        else:
            want = {"note": normalise(raw), "keywords": "unparsed"}
        matches = [entry for entry in entries if all(entry.get(k) == v for k, v in want.items())]
        assert len(matches) == 1, (raw, want)


# --- bibtex -------------------------------------------------------------------------------


def test_bibtex_plain_reads_every_entry_without_an_error(run: Run, bibtex_run) -> None:
    done, blg, bbl = bibtex_run
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error message" not in blg, blg
    assert sorted(re.findall(r"^\\bibitem\{([^}]*)\}", bbl, re.M)) == sorted(run.expected)
    warnings = re.findall(r"^Warning--(.*)$", blg, re.M)
    unknown = [w for w in warnings if not any(re.fullmatch(p, w) for p in BIBTEX_WARNINGS)]
    assert unknown == []
    print(f"\nbibtex: {len(warnings)} warning(s): " + summary(warnings, r" in \S+$"))


# --- biber --------------------------------------------------------------------------------


def test_biber_validates_without_an_error(biber_run) -> None:
    done, _ = biber_run
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert [line for line in log.splitlines() if line.startswith("ERROR")] == []
    warnings = [line[len("WARN - ") :] for line in log.splitlines() if line.startswith("WARN")]
    unknown = [w for w in warnings if not any(re.fullmatch(p, w) for p in BIBER_WARNINGS)]
    assert unknown == []
    kinds = summary(warnings, r"Entry '[^']+' \([^)]+\): ")
    print(f"\nbiber: {len(warnings)} warning(s): {kinds}")


# Fields biber --tool writes back under another name; volume is left out when it is not a
# number (a datamodel warning), pages are parsed as a range, year becomes a date.
BIBER_NAMES = {
    "author": "AUTHOR",
    "title": "TITLE",
    "journal": "JOURNALTITLE",
    "howpublished": "HOWPUBLISHED",
    "number": "NUMBER",
    "doi": "DOI",
    "url": "URL",
    "note": "NOTE",
    "keywords": "KEYWORDS",
    "addendum": "ADDENDUM",
}


def test_biber_keeps_every_entry_and_reads_every_value_as_data(run: Run, biber_run) -> None:
    """biber writes back each name list and text field as it was written (it only turns the
    \\textless{} and \\textgreater{} it knows into characters): no name was read in its
    extended format, no value as an XDATA reference, no entry skipped."""
    _, tool = biber_run
    blocks = dict(re.findall(r"^@\w+\{([^,\n]+),\n(.*?)^\}", tool, re.M | re.S))
    assert set(blocks) == set(run.expected)
    for key, fields in run.bibtexparser.items():
        for name, value in fields.items():
            if name not in BIBER_NAMES:
                continue
            found = re.search(rf"^  {BIBER_NAMES[name]} = \{{(.*)\}},$", blocks[key], re.M)
            written = value.replace("\\textless{}", "<{}").replace("\\textgreater{}", ">{}")
            assert found is not None and found.group(1) == written, (key, name, value)


def summary(warnings: list[str], strip: str) -> str:
    kinds: dict[str, int] = {}
    for warning in warnings:
        kind = re.sub(strip, "", warning)
        kind = re.sub(r"'[^']*'", "'…'", kind) if "legacy" in kind else kind
        kinds[kind] = kinds.get(kind, 0) + 1
    return "; ".join(f"{count} x {kind}" for kind, count in sorted(kinds.items())) or "none"


# --- digest check over the rows as sidecar values ---------------------------------------------


def sidecar_variant(case: dict[str, Any], stem: str, paper_id: str) -> tuple[str, int]:
    """The fixture sidecar with the row's value in its key, every value written as a JSON
    string (a YAML double-quoted scalar, ASCII escapes); also the line of that key."""
    data = yaml.safe_load((FIXTURE / "901_bibtex.yml").read_text(encoding="utf-8"))
    data.update(id=paper_id, source=f"{stem}.txt")
    name, value = case["field"], case["value"]
    authors = data["authors"][:1]
    if name in ("family", "given"):
        authors = [{**authors[0], name: value}]
    elif name == "keywords":
        data["keywords"] = [value]
    elif name == "working_title":
        data.update(title=None, working_title=value, not_in_text=["title"])
    else:
        data[name] = value
    data["authors"] = authors
    lines, where = [], 0
    for key, item in data.items():
        if key == "authors":
            lines.append("authors:")
            for person in item:
                lines.append(f"  - family: {json.dumps(person['family'])}")
                if name == "family":
                    where = len(lines)
                lines.append(f"    given: {json.dumps(person['given'])}")
                if name == "given":
                    where = len(lines)
            continue
        if isinstance(item, list):
            lines.append(f"{key}: [{', '.join(json.dumps(v) for v in item)}]")
        else:
            lines.append(f"{key}: {json.dumps(item)}")
        if key == name:
            where = len(lines)
    assert where
    return "\n".join(lines) + "\n", where


@pytest.fixture(scope="module")
def check_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, tuple[str, int]]]:
    """`digest check` once over a project holding one copy of the fixture per row."""
    root = tmp_path_factory.mktemp("bibtex-sidecars")
    (root / "sources").mkdir()
    text = (FIXTURE / "901_bibtex.txt").read_text(encoding="utf-8")
    where: dict[str, tuple[str, int]] = {}
    for number, case in enumerate(SIDECAR_CASES, start=800):
        stem = f"{number}_variant"
        sidecar, line = sidecar_variant(case, stem, f"bibtex-variant-{number}")
        (root / "sources" / f"{stem}.txt").write_text(text, encoding="utf-8")
        (root / "sources" / f"{stem}.yml").write_text(sidecar, encoding="utf-8")
        where[case["id"]] = (f"sources/{stem}.yml", line)
    done = subprocess.run(
        [sys.executable, "-m", "digest.cli", "check", "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    return done.stderr, where


@pytest.mark.parametrize("case", SIDECAR_CASES, ids=[case["id"] for case in SIDECAR_CASES])
def test_digest_check_accepts_or_refuses_the_value(check_run, case: dict[str, Any]) -> None:
    stderr, where = check_run
    path, line = where[case["id"]]
    about = [text for text in stderr.splitlines() if text.startswith(path + ":")]
    if case["sidecar"] == "accepted":
        assert about == []
    else:
        assert any(text.startswith(f"{path}:{line}: {case['message']}") for text in about), about
