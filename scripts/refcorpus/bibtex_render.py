"""Render records through BibTeX styles (.bst), the way LaTeX papers print their lists.

Most reference lists in papers set with LaTeX come out of a .bst file, not a CSL
style: "Steven J. Rosenstone and John Mark Hansen. Title. Publisher, Place, 1993."
The same markers as for CSL go into the .bib fields; ``bibtex`` writes the .bbl,
whose LaTeX is turned into text (pylatexenc), and the marked string goes through
the same aligner as a CSL rendering.

A title's marker goes after its first letter: BibTeX's sentence-case keeps the
first character of a title as it is, and a marker there would lower the real
first letter. The aligner takes a letter glued before a marker into the field.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from pylatexenc.latex2text import LatexNodes2Text

from refcorpus.render import END, FAMILY, LITERAL, TEXT_FIELDS

# Styles of the families the real-paper test lists use are never trained on
# (IEEEtran, alpha and its kin, Vancouver, natbib's *nat, elsarticle, APA-likes),
# nor those of the held-out CSL families (chicago, harvard, springer, ieee ...).
_HELD_OUT_BST = re.compile(
    r"ieee|alpha|vancouver|nat$|nat-|elsarticle|apa|chicago|harvard|agsm|dcu|springer|"
    r"spbasic|spmpsci|acm|nature|mla|ama|sociolog|politic|gbt7714|gb7714",
    re.IGNORECASE,
)
# BibTeX styles that train: every .bst of TeX Live (texlive-bibtex-extra, -science,
# -publishers) that prints all the record types here, without a held-out family's
# name (checked at import, so an edit cannot slip one in), less thesis-class and
# non-English styles.
TRAINING_BST: tuple[str, ...] = (
    "ChemCommun",
    "ChemEurJ",
    "InorgChem",
    "JAmChemSoc",
    "JAmChemSoc_all",
    "aaai-named",
    "aabbrv",
    "aasjournal",
    "abbrv",
    "abbrv-letters",
    "achemso",
    "agecon",
    "agu",
    "agu04",
    "agufull",
    "agufull04",
    "aiaa",
    "aichej",
    "ajae",
    "amsplain",
    "angew",
    "aomplain",
    "apecon",
    "aplain",
    "apsrev",
    "apsrevM",
    "apsrmp",
    "apsrmpM",
    "asaetr",
    "ascelike",
    "asmeconf",
    "asmejour",
    "aunsnot",
    "aunsrt",
    "authordate1",
    "authordate2",
    "authordate3",
    "authordate4",
    "bath",
    "bathx",
    "besjournals",
    "biochem",
    "biolett",
    "cas-model2-names",
    "cascadilla",
    "cc",
    "cc2",
    "cell",
    "chronological",
    "chronoplainnm",
    "cjebibstyle",
    "cmpj",
    "cqunumerical",
    "dcbib",
    "dlfltxbbibtex",
    "ecca",
    "ecta",
    "erae",
    "fbs",
    "gammas",
    "hc-en",
    "ier",
    "ijmart",
    "ijqc",
    "imac",
    "iopart-num",
    "is-abbrv",
    "is-plain",
    "is-unsrt",
    "itaxpf",
    "jae",
    "jbact",
    "jcc",
    "jmb",
    "jneurosci",
    "jpc",
    "jpe",
    "jss2",
    "klunamed",
    "klunum",
    "lion-msc",
    "lni",
    "ltugbib",
    "mbplain",
    "mnras",
    "munich",
    "nar",
    "nddiss2e",
    "newcastle",
    "oega",
    "pccp",
    "perception",
    "plain",
    "plain-letters",
    "plainnm",
    "plainyr",
    "pnas2009",
    "prtec",
    "regstud",
    "resphilosophica",
    "revcompchem",
    "rsc",
    "sageep",
    "savetrees",
    "siam",
    "siam-letters",
    "smfplain",
    "spiebib",
    "splncs04",
    "tandfx",
    "thesnumb",
    "tufte",
    "tugboat",
    "unsrt",
    "unsrtnm",
    "usmeg-a",
    "usmeg-n",
    "ussagus",
    "worlddev",
    "zootaxa",
)
assert not [name for name in TRAINING_BST if _HELD_OUT_BST.search(name)]

_CSL_TO_BIB = {
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "thesis": "phdthesis",
    "report": "techreport",
    "article-newspaper": "article",
    "webpage": "misc",
    "article": "misc",
}
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def _marked(field: str, value: str) -> str:
    marker = TEXT_FIELDS[field][0]
    return "{" + marker + value + END + "}"


def _names(people: list[dict[str, str]], role: str) -> str:
    out = []
    for person in people:
        if "literal" in person:
            out.append("{" + LITERAL + person["literal"] + END + "}")
        else:
            out.append(f"{FAMILY[role]}{person['family']}, {person.get('given', '')}")
    return " and ".join(out)


def bib_entry(record: dict[str, Any]) -> str:
    """The record as a .bib entry with markers in its fields."""
    kind = _CSL_TO_BIB[record["type"]]
    if kind == "phdthesis" and "master" in record.get("genre", "").lower():
        kind = "mastersthesis"
    fields: dict[str, str] = {}
    if "author" in record:
        fields["author"] = _names(record["author"], "author")
    if "editor" in record:
        fields["editor"] = _names(record["editor"], "editor")
    title = record["title"]
    fields["title"] = "{" + title[0] + TEXT_FIELDS["title"][0] + title[1:] + END + "}"
    container = record.get("container-title")
    if container:
        slot = "booktitle" if kind in ("incollection", "inproceedings") else "journal"
        if kind == "misc":
            slot = "howpublished"
        fields[slot] = _marked("container-title", container)
    if "publisher" in record:
        slot = {"phdthesis": "school", "mastersthesis": "school", "techreport": "institution"}
        fields[slot.get(kind, "publisher")] = _marked("publisher", record["publisher"])
    if "publisher-place" in record:
        fields["address"] = _marked("publisher-place", record["publisher-place"])
    parts = record["issued"]["date-parts"][0]
    fields["year"] = str(parts[0])
    if len(parts) > 1:
        fields["month"] = _MONTHS[parts[1] - 1]
    for csl, bib in (("volume", "volume"), ("issue", "number"), ("edition", "edition")):
        if csl in record:
            fields[bib] = str(record[csl])
    if "number" in record:
        fields["number"] = _marked("number", record["number"])
    if "genre" in record and kind == "techreport":
        fields["type"] = _marked("genre", record["genre"])
    if "page" in record:
        fields["pages"] = str(record["page"]).replace("-", "--")
    if "DOI" in record:
        fields["doi"] = _marked("DOI", record["DOI"])
    if "URL" in record:
        fields["url"] = _marked("URL", record["URL"])
    notes = []
    if "note" in record:
        notes.append(_marked("note", record["note"]))
    if "accessed" in record:
        year, month, day = record["accessed"]["date-parts"][0]
        notes.append(f"Accessed {year}-{month:02d}-{day:02d}")
    if notes:
        fields["note"] = ". ".join(notes)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@{kind}{{{record['id']},\n{body}\n}}\n"


def render_bst(style: str, records: list[dict[str, Any]]) -> dict[str, str]:
    """Each record's entry as the style prints it, markers in place, by record id.
    Records the style prints nothing for are missing from the result."""
    if shutil.which("bibtex") is None:
        raise SystemExit("bibtex is not installed (apt-get install texlive-binaries)")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "refs.bib").write_text("".join(bib_entry(r) for r in records), encoding="utf-8")
        (work / "refs.aux").write_text(
            f"\\citation{{*}}\n\\bibstyle{{{style}}}\n\\bibdata{{refs}}\n", encoding="utf-8"
        )
        subprocess.run(
            ["bibtex", "-terse", "refs"], cwd=work, capture_output=True, check=False, timeout=120
        )
        bbl = work / "refs.bbl"
        if not bbl.exists():
            return {}
        text = bbl.read_text(encoding="utf-8", errors="replace")
    return _entries(text)


_BIBITEM = re.compile(r"\\bibitem\s*(?:\[(?:[^\[\]]|\[[^\]]*\])*\])?\s*\{([^}]*)\}")


def _entries(bbl: str) -> dict[str, str]:
    converter = LatexNodes2Text(math_mode="text")
    out: dict[str, str] = {}
    matches = list(_BIBITEM.finditer(bbl))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(bbl)
        body = bbl[match.end() : end].split("\\end{thebibliography}")[0]
        body = re.sub(r"\\(?:url|path|doi)\s*\{([^}]*)\}", r"\1", body)
        body = re.sub(r"\\(?:newblock|penalty0|relax|natexlab\{[^}]*\})", " ", body)
        try:
            text = converter.latex_to_text(body)
        except Exception:  # a .bbl construct pylatexenc cannot read: leave the entry out
            continue
        out[match.group(1)] = " ".join(text.replace("\u00a0", " ").split())
    return out
