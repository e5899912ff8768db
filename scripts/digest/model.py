"""The one data model that passes through every stage of the pipeline.

ingest -> clean -> (references -> citations -> compare) -> render all read and
extend these dataclasses; no stage keeps private state about a paper elsewhere,
so a stage can be cached, tested or replaced on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import InitVar, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any

# Metadata fields a sidecar must either fill in or list under ``not_in_text``.
# Kept in one place so the schema, the completeness score and the pages agree.
# Fields a sidecar may list in not_in_text without having to: a paper prints them or
# not, and sidecars written before they existed say nothing of them.
OPTIONAL_FIELDS: tuple[str, ...] = ("abstract",)
BIBLIOGRAPHIC_FIELDS: tuple[str, ...] = (
    "title",
    "authors",
    "year",
    "venue",
    "volume",
    "issue",
    "pages",
    "doi",
    "url",
    "affiliations",
    "keywords",
)


def plain(value: Any) -> Any:
    """A dataclass (and what it holds) as dicts and lists, for JSON: what
    ``dataclasses.asdict`` gives, without its deep copy of every value (a third of
    the time a cold build spent writing its caches)."""
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return {name: plain(item) for name, item in vars(value).items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


@dataclass(frozen=True)
class Person:
    """An author, surname first as pinyin writes it ("Wang Sijing" -> Wang, Sijing)."""

    family: str
    given: str = ""

    @property
    def display(self) -> str:
        """Pinyin order: surname, then given name, no comma."""
        return f"{self.family} {self.given}".strip()


@dataclass
class Metadata:
    """What the sidecar says about a paper; ``None`` means the text does not give it."""

    id: str
    title: str | None = None
    working_title: str | None = None
    authors: list[Person] = field(default_factory=list)
    year: int | None = None
    venue: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    url: str | None = None
    language: str = "en"
    affiliations: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    setting: str | None = None
    not_in_text: list[str] = field(default_factory=list)
    notes: str | None = None
    # Maintainer overrides of theme coding: item anchor -> theme ids.
    item_themes: dict[str, list[str]] = field(default_factory=dict)
    # Fields `digest add` drafted and no person has checked yet.
    review: list[str] = field(default_factory=list)
    # The abstract as the paper prints it (drafted by `digest add`, checked by a person).
    abstract: str | None = None
    # A PDF source is published on the site beside its text only when this is set.
    publish_pdf: bool | None = None

    def known_fields(self) -> list[str]:
        """Bibliographic fields that have a value (a working title does not count)."""
        return [name for name in BIBLIOGRAPHIC_FIELDS if getattr(self, name) not in (None, [], "")]

    @property
    def display_title(self) -> str:
        """The title to show; a working title is always labelled as such."""
        if self.title:
            return self.title
        if self.working_title:
            return f"{self.working_title} (working title)"
        return f"Untitled paper {self.id}"


@dataclass(frozen=True)
class LineStyle:
    """The type a source line is set in, where the source says (a PDF): size in
    points (0: unknown) and weight. Text sources carry none."""

    size: float = 0.0
    bold: bool = False
    # How many words open the line in bold, when fewer than most of its letters (a
    # run-in label shorter than its line: "Staff rotate out. Seven of the nine ...").
    bold_words: int = 0
    # Set in italic by (nearly) all its letters (a sub-heading some styles set so).
    italic: bool = False


@dataclass
class Source:
    """One file in ``sources/`` as received, with its sidecar."""

    path: Path  # relative to the repository root
    sidecar_path: Path
    text: str
    sha256: str  # of the source bytes and the sidecar bytes together
    metadata: Metadata
    # The text as published on the site: the bytes as received when they were UTF-8,
    # else the decoded text in UTF-8 (the site serves UTF-8 only).
    published: bytes = b""
    # Per line of ``text``, the type it is set in (PDF sources); empty for text sources.
    styles: tuple[LineStyle, ...] = ()
    # The PDF as received, kept only when its sidecar says publish_pdf: true.
    pdf: bytes | None = None


# --- The cleaned document -------------------------------------------------


@dataclass
class Heading:
    """A numbered section heading; level 1 is ``1.``, level 2 is ``1.1`` ..."""

    level: int
    text: str
    number: str | None = None
    line: int = 0
    kind: str = "heading"
    # The anchor of a heading numbered in an outline scheme ("s-ii-a" for A. under II.);
    # None for arabic paths (1.2 -> "s1-2") and unnumbered headings.
    key: str | None = None

    @property
    def anchor(self) -> str:
        """A stable anchor built from the section number, not the wording."""
        if self.key:
            return self.key
        if self.number:
            return "s" + self.number.rstrip(".").replace(".", "-")
        slug = "".join(ch if ch.isalnum() else "-" for ch in self.text.lower())
        return "-".join(part for part in slug.split("-") if part)


@dataclass
class Paragraph:
    """A paragraph of body text.

    ``marker`` holds an item number such as ``1)``; ``lead`` holds a run-in
    heading ("Thought building.") that starts the paragraph. Both are kept apart
    from ``text`` so that every renderer shows them the same way.
    """

    text: str
    line: int = 0
    marker: str | None = None
    lead: str | None = None
    kind: str = "paragraph"
    # "bullet" or "ordered" for an item of a list ("•", "1."); its number is ``marker``.
    list: str | None = None
    # How deep the list item stands in lists inside list items (0: the outer list): a
    # nested item details the item above it and puts forward nothing of its own.
    depth: int = 0
    # A block quote: lines set in from the text's own (a layout-preserving extraction).
    quote: bool = False


Block = Heading | Paragraph


@dataclass
class FrontMatter:
    """What stands before the abstract in a Markdown-like rendering."""

    title: str | None = None
    authors: str | None = None
    affiliations: list[str] = field(default_factory=list)
    dates: str | None = None
    labels: list[str] = field(default_factory=list)


@dataclass
class BackSection:
    """Acknowledgement, Funding and similar end matter, kept out of the body."""

    label: str
    paragraphs: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class RawReference:
    """One entry of a reference list, joined across wrapped lines, verbatim."""

    text: str
    line: int = 0


@dataclass
class Footnote:
    """A note from a page's foot, with the label the text marks it by."""

    label: str
    text: str
    line: int = 0


@dataclass
class TableCells:
    """A table's cells as the extractor printed them, kept out of the running text."""

    caption: str
    cells: list[str]
    line: int = 0


@dataclass
class Document:
    """A source text cleaned into structure; the renderer turns it into Markdown."""

    front: FrontMatter = field(default_factory=FrontMatter)
    abstract: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)  # a journal's bullet points
    body: list[Block] = field(default_factory=list)
    back: list[BackSection] = field(default_factory=list)
    references: list[RawReference] = field(default_factory=list)
    # Source lines dropped as page furniture (running heads, feet, page numbers).
    furniture: list[int] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    tables: list[TableCells] = field(default_factory=list)
    # How the source was read and why ("read as Markdown (YAML front matter, ...)"):
    # digest.clean.source_form decides, the build reports it.
    reading: str = ""

    def to_json(self) -> dict[str, Any]:
        """A plain-JSON form, for the per-source cache."""
        return plain(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        body: list[Block] = []
        for block in data["body"]:
            body.append(Heading(**block) if block["kind"] == "heading" else Paragraph(**block))
        return cls(
            front=FrontMatter(**data["front"]),
            abstract=list(data["abstract"]),
            keywords=list(data["keywords"]),
            highlights=list(data.get("highlights", [])),
            body=body,
            back=[BackSection(**b) for b in data["back"]],
            references=[RawReference(**r) for r in data["references"]],
            furniture=list(data.get("furniture", [])),
            footnotes=[Footnote(**note) for note in data.get("footnotes", [])],
            tables=[TableCells(**table) for table in data.get("tables", [])],
            reading=str(data.get("reading", "")),
        )


@dataclass
class Paper:
    """A distinct paper: one or more sources that render the same text.

    Its cleaned document may be given as a function that reads it (from the cache):
    a build after one change reads only the documents of the pages it renders."""

    id: str
    metadata: Metadata
    cleaned: InitVar[Document | Callable[[], Document]]
    sources: list[Source]  # the richest rendering first

    def __post_init__(self, cleaned: Document | Callable[[], Document]) -> None:
        self._document = cleaned if isinstance(cleaned, Document) else None
        self._read = None if isinstance(cleaned, Document) else cleaned

    @property
    def document(self) -> Document:
        if self._document is None:
            assert self._read is not None
            self._document = self._read()
        return self._document

    @property
    def primary(self) -> Source:
        return self.sources[0]


@dataclass
class Problem:
    """A problem found in a source or sidecar, reported as ``file:line: message``."""

    path: Path
    line: int
    message: str
    # "error": the file is left out and a strict build fails; "warning": the file is
    # built, and the maintainer is told what was done to it (a limit, a guess).
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity != "warning"


# --- The bibliography ------------------------------------------------------

# Reference types; each maps to one BibTeX entry type in digest.references.bibtex.
# What a reference is; the BibTeX writer maps each to an entry type (thesis ->
# @phdthesis or @mastersthesis, report -> @techreport, online -> @online ...).
REFERENCE_TYPES: tuple[str, ...] = (
    "article",
    "book",
    "incollection",
    "inproceedings",
    "thesis",
    "report",
    "newspaper",
    "online",
    "misc",
)


@dataclass
class Reference:
    """One parsed entry of a reference list, or a corpus paper as a citable work.

    Field conventions (the gold files follow them too): ``authors`` in source
    order, given names as spaced initials ("J. N.") when the source gives
    initials; ``year`` as a string; ``title`` without the closing full stop
    and without Markdown emphasis; ``container`` is the journal, newspaper or
    proceedings name, or the edited book a chapter is in; ``number`` is the
    issue as printed ("03"), or a report's number; ``pages`` uses a plain hyphen
    ("37-46"); ``edition`` as printed without "ed." ("2nd"); ``urldate`` the
    access date as printed ("12 May 2023"). ``parsed`` is False when the string
    could not be parsed: the entry then keeps only ``raw`` and is listed in the
    report. ``confidence`` is how sure the parser is of the fields, 0 to 1.
    """

    raw: str
    type: str = "misc"
    authors: list[Person] = field(default_factory=list)
    year: str | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    number: str | None = None
    pages: str | None = None
    school: str | None = None
    publisher: str | None = None
    address: str | None = None
    doi: str | None = None
    url: str | None = None
    label: str | None = None  # the list label as printed, "1" for "[1]", "Pen11" for "[Pen11]"
    note: str | None = None
    editors: list[Person] = field(default_factory=list)
    edition: str | None = None
    urldate: str | None = None
    parsed: bool = True
    confidence: float = 1.0


@dataclass
class CitedIn:
    """Where a bibliography entry is cited: a paper's reference list item."""

    paper_id: str
    item: int  # 1-based position in that paper's reference list


@dataclass
class BibEntry:
    """One work in the digest's bibliography, merged across the papers that cite it."""

    key: str
    reference: Reference
    signature: str
    corpus_paper: str | None = None  # the paper id when the work is in the corpus
    cited_in: list[CitedIn] = field(default_factory=list)


# --- Problems and paths ------------------------------------------------------

ITEM_KINDS: tuple[str, ...] = ("problem", "cause", "path", "experience")


@dataclass
class Item:
    """A problem, cause, path or experience a paper puts forward.

    ``anchor`` is the id of the place on the paper page where the passage
    starts; ``block`` and ``offset`` locate it in ``Document.body`` so the
    renderer can put the anchor there.
    """

    kind: str
    label: str
    passage: str
    section: str
    source: str  # heading | numbered | runin | enumeration | section
    anchor: str
    block: int
    offset: int = 0
    themes: list[str] = field(default_factory=list)
