"""A sidecar drafted from what a new paper's text prints (``digest add``).

A maintainer used to type every sidecar by hand. The cleaner already reads the
front matter (title, author line, affiliations, dates, keywords); this module
turns that, and the identifiers the first page prints (DOI, "Vol. 5, No. 2"), into
sidecar values. It fills a field only from text the paper prints: every field it
cannot find goes into ``not_in_text``, and every field it filled is listed under
``review`` until a person has checked it against the text (``digest check`` warns
while the key is there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from digest.model import BIBLIOGRAPHIC_FIELDS, OPTIONAL_FIELDS, Document
from digest.references.keys import ascii_fold
from digest.references.pinyin import is_pinyin_surname

# The first page: front matter, running heads and the journal line sit here.
FIRST_PAGE_LINES = 60
JOURNAL_LINE_MAX = 160
KEYWORD_MAX_WORDS = 8
# The paper's own DOI, as a first page prints it ("doi:10...", "DOI: 10...",
# "https://doi.org/10..."), on a line of its own: not a cited work's DOI in prose.
_DOI = re.compile(r"(?:\bdoi:?\s*|doi\.org/)(10\.\d{4,9}/[^\s\"<>,;]+[^\s\"<>,;.)])", re.I)
_VOLUME = re.compile(r"\bVol(?:ume)?\.?\s*(\d+)", re.IGNORECASE)
_ISSUE = re.compile(r"\b(?:No|Issue)\.?\s*(\d+)", re.IGNORECASE)
_PAGES = re.compile(r"(?:\bpp?\.\s*)(\d+\s*[-–]\s*\d+)")
# The date a paper came out; "Received" and "Accepted" dates are not its year.
_PUBLISHED = re.compile(
    r"(?:Published(?: online)?|Available online|Online Published)\s*:?\s*[^;]*?\b((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_DATE = re.compile(r"^\s*((?:19|20)\d\d)(?:-\d\d?(?:-\d\d?)?)?\s*$")
_SPLIT_AUTHORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_SKIP_WORDS = frozenset(
    "a an the of on in and for to at by with from under into its their study research "
    "analysis".split()
)


@dataclass
class Draft:
    """The sidecar's values, which of them were filled, and which the text lacks."""

    values: dict[str, object] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)
    not_in_text: list[str] = field(default_factory=list)


def split_name(name: str, surname_first: bool | None = None) -> dict[str, str]:
    """ "Wang Sijing" / "Sijing Wang" / "WANG Sijing" -> family Wang, given Sijing.

    Pinyin names are printed in either order; the surname is the word that is a
    Chinese surname (or printed in capitals) when the other is not. With no such
    evidence ``surname_first`` (the order the list's other names show) decides,
    else the last word is the family name, as Western names print."""
    words = name.split()
    if len(words) == 1:
        return {"family": words[0], "given": ""}
    order = _printed_order(words)
    first = order if order is not None else bool(surname_first)
    family = words[0] if first else words[-1]
    given = words[1:] if first else words[:-1]
    return {"family": family.title() if family.isupper() else family, "given": " ".join(given)}


def split_names(names: list[str]) -> list[dict[str, str]]:
    """One name order per list: "Zhang Wei & Hu Lanfang" (both words of "Zhang Wei"
    are surnames) takes the order "Hu Lanfang" shows."""
    orders = {_printed_order(name.split()) for name in names} - {None}
    shared = orders.pop() if len(orders) == 1 else None
    return [split_name(name, shared) for name in names]


def _printed_order(words: list[str]) -> bool | None:
    """True: surname first; False: given name first; None: the words cannot tell."""
    if len(words) < 2:
        return None
    first, last = words[0], words[-1]
    capitals = [w for w in (first, last) if len(w) > 1 and w.isupper()]
    if len(capitals) == 1:
        return capitals[0] is first
    first_is, last_is = (is_pinyin_surname(ascii_fold(w)) for w in (first, last))
    if first_is != last_is:
        return first_is
    return None if first_is else False


def draft_sidecar(document: Document, text: str, source: str, taken_ids: set[str]) -> Draft:
    """Sidecar values for ``source`` from its cleaned ``document`` and raw ``text``."""
    draft = Draft()
    front = document.front
    first_page = "\n".join(text.splitlines()[:FIRST_PAGE_LINES])
    names = [n for n in _SPLIT_AUTHORS.split(front.authors or "") if n.strip()]
    authors = split_names([n.strip() for n in names])
    found: dict[str, object] = {
        "title": front.title,
        "authors": authors,
        "year": _year(front.dates or "", first_page),
        **_journal_line(first_page),
        "doi": _first(_DOI, _short_lines(first_page)),
        "url": None,
        "affiliations": list(front.affiliations),
        "keywords": _keywords(document.keywords),
        "abstract": "\n\n".join(document.abstract) or None,
    }
    draft.values["id"] = _unique_id(authors, front.title or source, taken_ids)
    draft.values["source"] = source
    for name, value in found.items():
        draft.values[name] = value if value not in ("", []) else None
        if draft.values[name] is not None:
            draft.review.append(name)
        elif name in BIBLIOGRAPHIC_FIELDS or name in OPTIONAL_FIELDS:
            draft.not_in_text.append(name)
    draft.values["language"] = "zh" if _mostly_chinese(text) else "en"
    for name in ("affiliations", "keywords"):
        if draft.values[name] is None:
            draft.values[name] = []
    return draft


def _journal_line(first_page: str) -> dict[str, str | None]:
    """ "Journal of Politics and Law; Vol. 17, No. 2; 2024" and the like: a short line
    with a volume gives the venue before it, the issue and pages on it. A volume in
    running prose ("Bilan River No. 1") is no journal line."""
    found: dict[str, str | None] = {"venue": None, "volume": None, "issue": None, "pages": None}
    for line in first_page.splitlines():
        volume = _VOLUME.search(line)
        if not volume or len(line) > JOURNAL_LINE_MAX:
            continue
        venue = line[: volume.start()].strip(" ,;:.|-–")
        found["venue"] = venue if re.search(r"[A-Za-z]{3,}", venue) else None
        found["volume"] = volume.group(1)
        found["issue"] = _first(_ISSUE, line[volume.end() :])
        found["pages"] = _first(_PAGES, line)
        break
    return found


def _keywords(keywords: list[str]) -> list[str]:
    """Keywords are short; a long one is the body text a page break ran into them."""
    kept = []
    for keyword in keywords:
        if len(keyword.split()) > KEYWORD_MAX_WORDS:
            break
        kept.append(keyword)
    return kept


def _short_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if len(line) <= JOURNAL_LINE_MAX)


def _year(dates: str, first_page: str) -> int | None:
    """The year a paper came out: as a "Published" line says, or a date standing alone
    (a Markdown source's front matter: ``date: 2022-03-15``)."""
    match = _PUBLISHED.search(dates) or _PUBLISHED.search(first_page) or _DATE.match(dates)
    return int(match.group(1)) if match else None


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


def _unique_id(authors: list[dict[str, str]], title: str, taken: set[str]) -> str:
    """ "wang-governance-grass-roots": first author's surname and three title words."""
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_fold(title)) if w not in _SKIP_WORDS]
    family = ascii_fold(authors[0]["family"]) if authors else ""
    parts = ([re.sub(r"[^a-z0-9]", "", family)] if family else []) + words[:3]
    base = "-".join(p for p in parts if p) or "paper"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _mostly_chinese(text: str) -> bool:
    letters = [ch for ch in text[:5000] if ch.isalpha()]
    han = sum("\u3400" <= ch <= "\u9fff" for ch in letters)
    return bool(letters) and han / len(letters) > 0.5


# The order a maintainer reads a sidecar in, as the hand-written ones are laid out.
KEY_ORDER = (
    "id", "source", "title", "authors", "year", "venue", "volume", "issue",
    "pages", "doi", "url", "language", "affiliations", "keywords", "abstract", "not_in_text",
    "review",
)  # fmt: skip


def sidecar_yaml(draft: Draft) -> str:
    """The draft as YAML, keys in the usual order, a comment saying what to do."""
    values = {**draft.values, "not_in_text": draft.not_in_text, "review": draft.review}
    ordered = {key: values[key] for key in KEY_ORDER if key in values}
    body = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100)
    return (
        "# Drafted by `digest add` from what the text prints. Check every field listed\n"
        "# under `review` against the text, then delete the `review` key.\n" + body
    )
