"""Load and check one metadata sidecar (``sources/<stem>.yml``).

A sidecar is written by hand, so every mistake is reported as
``file:line: message`` with what was expected, and all mistakes are reported
at once rather than the first only. Lines come from the YAML node tree
(``yaml.compose``) because plain ``yaml.safe_load`` forgets them.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from digest.ingest.encoding import decode_utf8, normalise_line_ends
from digest.ingest.files import SIDECAR_LIMITS, read_limited
from digest.model import (
    BIBLIOGRAPHIC_FIELDS,
    OPTIONAL_FIELDS,
    Metadata,
    Person,
    Problem,
    plain,
)

# Suffixes a source may have (a PDF is read by its layout); its sidecar is <stem>.yml.
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".pdf")

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
YEAR_RANGE = (1900, 2100)

# One complaint about one node: (node whose line to report, message).
Complaint = tuple[yaml.Node, str]
Check = Callable[[str, yaml.Node, Any], Iterator[Complaint]]


# --- Value checks -----------------------------------------------------------
# Each check gets the key, the value's node and the constructed value, and
# yields what is wrong with it; it yields nothing for a good value.


def _got(node: yaml.Node, value: Any) -> str:
    """Describe a value the way the author wrote it, for 'got ...'."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value; quote it if you mean text)"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if isinstance(value, int | float):
        return f"{value} (a number; quote it if you mean text)"
    return repr(str(node.value))


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _optional_text(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    if value is not None and not _is_text(value):
        yield node, f"{key}: expected a non-empty string or null, got {_got(node, value)}"


def _flag(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    if value is not None and not isinstance(value, bool):
        yield node, f"{key}: expected true or false, got {_got(node, value)}"


def _required_text(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    if not _is_text(value):
        yield node, f"{key}: expected a non-empty string, got {_got(node, value)}"


def _slug(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    if not (isinstance(value, str) and SLUG.match(value)):
        yield (
            node,
            f"{key}: expected a slug of lowercase letters and digits joined by single "
            f"hyphens (like 'wang-grassroots-governance'), got {_got(node, value)}",
        )


def _language(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    if not (isinstance(value, str) and LANGUAGE.match(value)):
        yield (
            node,
            f"{key}: expected a two-letter ISO 639-1 code such as 'en' or 'zh', "
            f"got {_got(node, value)}",
        )


def _year(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    low, high = YEAR_RANGE
    if value is None:
        return
    whole = isinstance(value, int) and not isinstance(value, bool)
    if not (whole and low <= value <= high):
        shown = str(value) if whole else _got(node, value)
        yield node, f"{key}: expected a whole number between {low} and {high} or null, got {shown}"


def _doi(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    if value is not None and not (isinstance(value, str) and DOI.match(value)):
        yield (
            node,
            f"{key}: expected a bare DOI such as '10.1234/abcd' (no 'https://doi.org/') "
            f"or null, got {_got(node, value)}",
        )


def _url(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    if value is None:
        return
    good = False
    if isinstance(value, str) and not any(ch.isspace() for ch in value):
        try:
            parts = urlsplit(value)
        except ValueError:  # "http://[" and other malformed hosts
            parts = None
        good = parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)
    if not good:
        yield node, f"{key}: expected an http(s) URL or null, got {_got(node, value)}"


def _text_list(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    if not isinstance(node, yaml.SequenceNode):
        yield node, f"{key}: expected a list of strings (or []), got {_got(node, value)}"
        return
    for index, (item_node, item) in enumerate(zip(node.value, value, strict=True), start=1):
        if not _is_text(item):
            yield (
                item_node,
                f"{key}: entry {index} should be a non-empty string, got {_got(item_node, item)}",
            )


def _authors(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    if not isinstance(node, yaml.SequenceNode):
        yield (
            node,
            f"{key}: expected a list of {{family, given}} mappings (or []), "
            f"got {_got(node, value)}",
        )
        return
    for index, (item_node, item) in enumerate(zip(node.value, value, strict=True), start=1):
        where = f"{key}: entry {index}"
        if not isinstance(item_node, yaml.MappingNode):
            yield (
                item_node,
                f"{where} should be a mapping like '{{family: Wang, given: Sijing}}', "
                f"got {_got(item_node, item)}",
            )
            continue
        nodes = {k.value: v for k, v in item_node.value if isinstance(k, yaml.ScalarNode)}
        for name in item:
            if name not in AUTHOR_KEYS:
                hint = _suggest(str(name), AUTHOR_KEYS)
                yield item_node, f"{where} has unknown key {name!r}{hint}"
        if "family" not in item:
            yield item_node, f"{where} has no 'family'; expected the surname, e.g. 'family: Wang'"
        elif not _is_text(item["family"]):
            yield (
                nodes.get("family", item_node),
                f"{where} family: expected a non-empty string, "
                f"got {_got(nodes.get('family', item_node), item['family'])}",
            )
        if "given" in item and item["given"] is not None and not isinstance(item["given"], str):
            yield (
                nodes.get("given", item_node),
                f"{where} given: expected a string (or leave it out), "
                f"got {_got(nodes.get('given', item_node), item['given'])}",
            )


def _item_themes(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    """Maintainer overrides of theme coding: item anchor -> list of codebook theme ids."""
    if value is None:
        return
    if not isinstance(node, yaml.MappingNode):
        yield (
            node,
            f"{key}: expected a mapping of item anchors to lists of theme ids, "
            f"e.g. 'problem-s2-1: [cadre-capacity]', got {_got(node, value)}",
        )
        return
    for anchor_node, themes_node in node.value:
        anchor = anchor_node.value
        if not isinstance(anchor, str) or not re.fullmatch(r"[a-z][a-z0-9-]*", anchor):
            yield anchor_node, f"{key}: {anchor!r} is not an item anchor like 'problem-s2-1'"
        ok = isinstance(themes_node, yaml.SequenceNode) and all(
            isinstance(n, yaml.ScalarNode) and re.fullmatch(r"[a-z][a-z0-9-]*", n.value)
            for n in themes_node.value
        )
        if not ok:
            yield themes_node, f"{key}: {anchor}: expected a list of theme ids (or [])"


def _names_among(
    key: str,
    node: yaml.Node,
    value: Any,
    known: tuple[str, ...],
    *,
    listing: str,
    what: str,
    unique: bool,
) -> Iterator[Complaint]:
    """A list whose items must be names from ``known`` (each once when ``unique``)."""
    if not isinstance(node, yaml.SequenceNode):
        yield node, f"{key}: expected a list of {listing} (or []), got {_got(node, value)}"
        return
    seen: set[Any] = set()
    for item_node, item in zip(node.value, value, strict=True):
        if not isinstance(item, str) or item not in known:
            yield (
                item_node,
                f"{key}: {_got(item_node, item)} is not {what}"
                f"{_suggest(str(item), known)}; expected some of {', '.join(known)}",
            )
        elif unique and item in seen:
            yield item_node, f"{key}: {item!r} is listed twice; expected each field once"
        seen.add(item)


def _field_names(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    known = (*BIBLIOGRAPHIC_FIELDS, *OPTIONAL_FIELDS)
    yield from _names_among(
        key, node, value, known, listing="field names", what="a bibliographic field", unique=True
    )


# Keys a drafted sidecar may ask a person to check (``digest add`` fills them).
REVIEWABLE: tuple[str, ...] = (*BIBLIOGRAPHIC_FIELDS, *OPTIONAL_FIELDS, "language")


def _review(key: str, node: yaml.Node, value: Any) -> Iterator[Complaint]:
    yield from _names_among(
        key,
        node,
        value,
        REVIEWABLE,
        listing="keys to check",
        what="a key a draft fills",
        unique=False,
    )


@dataclass(frozen=True)
class Rule:
    """How to check one top-level key, and whether the sidecar must have it."""

    check: Check
    required: bool = False


SCHEMA: dict[str, Rule] = {
    "id": Rule(_slug, required=True),
    "source": Rule(_required_text, required=True),
    "title": Rule(_optional_text, required=True),
    "working_title": Rule(_optional_text),
    "authors": Rule(_authors, required=True),
    "year": Rule(_year),
    "venue": Rule(_optional_text),
    "volume": Rule(_optional_text),
    "issue": Rule(_optional_text),
    "pages": Rule(_optional_text),
    "doi": Rule(_doi),
    "url": Rule(_url),
    "language": Rule(_language, required=True),
    "affiliations": Rule(_text_list),
    "keywords": Rule(_text_list),
    "setting": Rule(_optional_text),
    "not_in_text": Rule(_field_names, required=True),
    "notes": Rule(_optional_text),
    "item_themes": Rule(_item_themes),
    "review": Rule(_review),
    "abstract": Rule(_optional_text),
    "publish_pdf": Rule(_flag),
}
AUTHOR_KEYS: tuple[str, ...] = ("family", "given")
# libyaml's parser when PyYAML was built with it (it keeps line marks too): ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _suggest(name: str, known: Iterable[str]) -> str:
    """The closest known name, for a typo such as 'titel'."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


# --- Reading ----------------------------------------------------------------


@dataclass
class Sidecar:
    """A sidecar as read: its bytes, the metadata if valid, and where each key is.

    ``load_corpus`` needs more than the metadata: the bytes for the cache key
    and the key lines for problems that span two sidecars (duplicate ids).
    """

    path: Path
    raw: bytes = b""
    metadata: Metadata | None = None
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_sidecar(path: Path) -> Sidecar:
    """Read and check one sidecar; never raises for bad content."""
    sidecar = Sidecar(path)
    raw, sidecar.problems = read_limited(path, path, SIDECAR_LIMITS)
    if raw is None:
        return sidecar
    sidecar.raw = raw
    memo = hashlib.sha256(str(path).encode("utf-8") + b"\0" + raw).hexdigest()
    limits = list(sidecar.problems)  # what reading found; the rest is what checking finds
    stored = _READ.get(memo)
    if stored is not None:
        try:
            sidecar.metadata, sidecar.lines, checked = _from_json(sidecar.path, stored)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # a damaged record is checked again, never trusted
        else:
            sidecar.problems = limits + checked
            _IN_USE.add(memo)
            return sidecar
    sidecar.problems = []
    _check(sidecar, raw)
    if len(_READ) >= _READ_LIMIT:  # a long `mkdocs serve` session
        _READ.clear()
        _IN_USE.clear()
    _READ[memo] = _to_json(sidecar)
    _IN_USE.add(memo)
    sidecar.problems[:0] = limits
    return sidecar


# Sidecars already read and checked, by their path and bytes: a build of a thousand
# papers spent most of its reading of the corpus in YAML. ``recall_sidecars`` starts
# from what an earlier build stored (keyed by this package's code), ``sidecars_in_use``
# gives back what this one read, to store.
_READ: dict[str, dict[str, Any]] = {}
_IN_USE: set[str] = set()
_READ_LIMIT = 100_000


def recall_sidecars(stored: dict[str, Any]) -> None:
    _IN_USE.clear()
    _READ.update(stored)


def sidecars_in_use() -> dict[str, Any]:
    return {memo: _READ[memo] for memo in sorted(_IN_USE) if memo in _READ}


def _to_json(sidecar: Sidecar) -> dict[str, Any]:
    return {
        "metadata": plain(sidecar.metadata) if sidecar.metadata else None,
        "lines": sidecar.lines,
        "problems": [[p.line, p.message, p.severity] for p in sidecar.problems],
    }


def _from_json(
    path: Path, stored: dict[str, Any]
) -> tuple[Metadata | None, dict[str, int], list[Problem]]:
    fields, metadata = stored["metadata"], None
    if fields is not None:
        authors = [Person(**person) for person in fields["authors"]]
        metadata = Metadata(**{**fields, "authors": authors})
    lines = {str(key): int(line) for key, line in stored["lines"].items()}
    problems = [
        Problem(path, int(line), str(message), str(severity))
        for line, message, severity in stored["problems"]
    ]
    return metadata, lines, problems


def _check(sidecar: Sidecar, raw: bytes) -> None:
    """Decode, parse and check the sidecar's bytes into ``sidecar``."""
    path = sidecar.path
    text, problems = decode_utf8(raw, path)
    sidecar.problems.extend(problems)
    if text is None:
        return
    text = normalise_line_ends(text)
    root = _compose(text, path, sidecar.problems)
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        sidecar.problems.append(
            Problem(
                path,
                _line(root),
                "expected a mapping of keys (id, source, title, ...) at the top level, "
                f"got {'a list' if isinstance(root, yaml.SequenceNode) else 'a single value'}",
            )
        )
        return
    _check_mapping(sidecar, root)
    sidecar.problems.sort(key=lambda problem: problem.line)


def load_sidecar(path: Path) -> tuple[Metadata | None, list[Problem]]:
    """Load one sidecar; the metadata is ``None`` whenever there are problems."""
    sidecar = read_sidecar(path)
    return sidecar.metadata, sidecar.problems


def _compose(text: str, path: Path, problems: list[Problem]) -> yaml.Node | None:
    """Parse YAML into a node tree, turning syntax errors into problems."""
    try:
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError:
            # Re-read with the pure-Python parser: its messages and lines are the clearer.
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = "; ".join(part for part in (exc.context, exc.problem) if part)
        hint = (
            "expected 'key: value' lines (check indentation, and quote values that "
            "contain ': ' or start with a quote)"
        )
        if exc.context_mark and "end of stream" in (exc.problem or ""):
            # Something opened earlier (a quote, a bracket) runs to the end of the file:
            # the line to fix is where it was opened, not the last line.
            line = exc.context_mark.line + 1
            hint = (
                f"what opens on this line is never closed (the file ends on line "
                f"{mark.line + 1 if mark else '?'}): add the closing quote or bracket"
            )
        problems.append(Problem(path, line, f"YAML syntax error: {what}; {hint}"))
        return None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        code = int(exc.character)  # PyYAML gives the offending character as a code point
        problems.append(
            Problem(
                path,
                line,
                f"YAML cannot contain the character {chr(code)!r} (U+{code:04X}); "
                "expected printable text",
            )
        )
        return None
    if root is None:
        problems.append(
            Problem(path, 1, "sidecar is empty; expected a mapping with id, source, title, ...")
        )
    return root


def _construct(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    """Build the Python value of one node with the safe constructor (one loader serves
    a sidecar's keys: making one costs more than reading a value)."""
    return loader.construct_object(node, deep=True)


def _check_mapping(sidecar: Sidecar, root: yaml.MappingNode) -> None:
    path, problems = sidecar.path, sidecar.problems

    def fail(node: yaml.Node, message: str) -> None:
        problems.append(Problem(path, _line(node), message))

    values: dict[str, Any] = {}
    nodes: dict[str, yaml.Node] = {}
    valid: set[str] = set()
    loader = yaml.SafeLoader("")
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in SCHEMA:
            shown = (
                f"{key!r}{_suggest(key, SCHEMA)}" if key is not None else "that is not a plain name"
            )
            fail(key_node, f"unknown key {shown}")
            continue
        if key in nodes:
            fail(key_node, f"duplicate key {key!r}; first given on line {_line(nodes[key])}")
            continue
        nodes[key] = value_node
        sidecar.lines[key] = _line(key_node)
        try:
            value = values[key] = _construct(value_node, loader)
        except yaml.YAMLError as exc:
            loader = yaml.SafeLoader("")  # the failed one may keep half-built state
            fail(value_node, f"{key}: cannot read this value ({getattr(exc, 'problem', exc)})")
            continue
        complaints = list(SCHEMA[key].check(key, value_node, value))
        for node, message in complaints:
            fail(node, message)
        if not complaints:
            valid.add(key)

    for key, rule in SCHEMA.items():
        if rule.required and key not in nodes:
            fail(root, f"missing required key {key!r}")

    if "source" in valid:
        _check_source(sidecar, nodes["source"], values["source"], fail)
    _check_consistency(values, nodes, valid, root, fail)

    if not problems:
        sidecar.metadata = _to_metadata(values)
        if values.get("review"):
            problems.append(
                Problem(
                    path,
                    sidecar.lines["review"],
                    f"review: {', '.join(values['review'])} drafted by `digest add`, not yet "
                    "checked; compare them with the text, then delete the review key",
                    severity="warning",
                )
            )


def _check_source(
    sidecar: Sidecar, node: yaml.Node, source: str, fail: Callable[[yaml.Node, str], None]
) -> None:
    """``source`` must name the text beside the sidecar, so the pair cannot drift apart."""
    if Path(source).name != source or source in (".", "..") or "\\" in source:
        fail(
            node,
            f"source: expected the name of the text file beside this sidecar in sources/ "
            f"(no folders, no '..', not an absolute path), got {source!r}; nothing outside "
            "sources/ is ever read",
        )
        return
    names = [sidecar.path.stem + suffix for suffix in TEXT_SUFFIXES]
    expected = [name for name in names if (sidecar.path.parent / name).is_file()] or names
    if source not in expected:
        fail(
            node,
            f"source: expected {' or '.join(repr(name) for name in expected)} "
            f"(the text beside this sidecar), got {source!r}",
        )


def _check_consistency(
    values: dict[str, Any],
    nodes: dict[str, yaml.Node],
    valid: set[str],
    root: yaml.Node,
    fail: Callable[[yaml.Node, str], None],
) -> None:
    """Rules between keys: say for every bibliographic field whether the text gives it."""
    has_working_title = "working_title" in valid and values["working_title"] is not None
    if has_working_title and "title" in valid and values["title"] is not None:
        fail(
            nodes["working_title"],
            "working_title: only allowed when title is null (a title we made up must "
            "never stand beside the real one); remove working_title",
        )
    if "not_in_text" not in valid:
        return  # its own problem is reported; checking against it would only add noise
    absent = set(values["not_in_text"])
    for name in BIBLIOGRAPHIC_FIELDS:
        if (name in nodes and name not in valid) or (name not in nodes and SCHEMA[name].required):
            continue  # already reported as a bad value or a missing key
        empty = _is_empty(values.get(name))
        if empty and name not in absent:
            fail(
                nodes.get(name, root),
                f"{name}: has no value and is not listed in not_in_text; expected a value, "
                f"or {name!r} added to not_in_text if the text does not give it",
            )
        elif not empty and name in absent:
            fail(nodes[name], _listed_yet_given(name))
    for name in OPTIONAL_FIELDS:
        if name in valid and not _is_empty(values.get(name)) and name in absent:
            fail(nodes[name], _listed_yet_given(name))


def _listed_yet_given(name: str) -> str:
    return (
        f"{name}: has a value but is also listed in not_in_text; expected one or the "
        f"other (remove {name!r} from not_in_text, or set {name} to null)"
    )


def _to_metadata(values: dict[str, Any]) -> Metadata:
    authors = [
        Person(family=entry["family"].strip(), given=(entry.get("given") or "").strip())
        for entry in values.get("authors") or []
    ]
    fields = {k: v for k, v in values.items() if k not in ("source", "authors")}
    fields["review"] = list(fields.get("review") or [])
    overrides = fields.get("item_themes") or {}
    fields["item_themes"] = {str(k): list(v or []) for k, v in overrides.items()}
    return Metadata(authors=authors, **fields)


__all__ = [
    "SCHEMA",
    "TEXT_SUFFIXES",
    "Sidecar",
    "load_sidecar",
    "read_sidecar",
]
