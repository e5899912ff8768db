r"""Write references as BibTeX that BibTeX, biber, pybtex, bibtexparser and pandoc read alike.

The aim: ``bibtex`` with plain.bst and ``biber --tool --validate-datamodel`` say
nothing about an entry whose reference has the fields its type needs, and every
entry renders through a CSL processor (pandoc ``--citeproc``) as a reference a
reader can find. Where BibTeX's and biblatex's models disagree, the entry keeps
the form every client reads and one of them says so, for that reference only:

- an article that gives an issue and no volume (a Chinese journal's "2020(03)")
  keeps it in ``number``, where pandoc, biblatex and Zotero read the issue, and
  takes its year as the volume, as the reference prints it: plain.bst would warn
  "there's a number but no volume" otherwise (it still does when no year is known).
- a misc entry (a web page, a document) that prints a volume, number or pages says
  so in its note ("Vol. 4, No. 2, pp. 5-8"): biber's misc has no such fields.
- an edited book (editors, no author) is ``@book`` with ``editor``, as BibTeX
  writes one; biber's model wants ``@collection``, which plain.bst does not know,
  and warns "Missing mandatory field 'author'".

Entry types and fields. Each reference type has the entry type both plain.bst
and biber's data model define, and each field goes to the slot that type has:

- article: ``@article``, container -> journal; a newspaper article too, with
  ``entrysubtype = {newspaper}`` (biblatex's way; pandoc reads it as a newspaper).
- book: ``@book``, editors, edition, publisher, address; container -> series.
- incollection / inproceedings: ``@incollection`` / ``@inproceedings``, container
  -> booktitle, editors, edition, publisher, address.
- thesis: ``@mastersthesis`` when the reference's raw text says master's (Master,
  MA, MSc, MPhil, 硕士), ``@phdthesis`` when it says doctoral (PhD, DPhil,
  doctoral, 博士), both with no ``type`` so styles print their own words; when it
  says neither, ``@phdthesis`` with ``type = {Thesis}`` (the degree is not known).
  school is the school, or else the publisher.
- report: ``@techreport``, institution (the publisher, or else the school),
  number; container -> type ("Working Paper" 12: plain prints "Working Paper 12").
- online and misc: ``@misc`` (plain.bst has no ``@online``: it would warn and
  fall back to misc), container -> howpublished, publisher -> organization, url
  and urldate. urldate is written as ISO 8601 (biber refuses any other form and
  pandoc reads it as the access date); an access date that cannot be read as a
  date goes to the note as "Accessed ...", so it is never lost.

A field the entry type has no slot for is written all the same under its usual
name (a volume on a misc): nothing the source gives is dropped, and biber's
validator then points at the reference, not at the writer.

Two fields exist for the styles:

- ``key``, on every entry without an author: plain.bst sorts by author, else by
  key, and warns "to sort, need author or key" without one. It is the title (or
  the container, or the raw text): what a reader looks an anonymous work up by.
- ``date = {XXXX}`` when the year is not known: ISO 8601-2's "year unspecified".
  biber's data model wants a date on every entry type written here; XXXX says
  that it is unknown, and biber and pandoc read it as no date ("n.d."), while
  plain.bst reads only ``year``.

Titles (title and booktitle, which styles recase). Case is protected word by word
the way Better BibTeX does it, never around the whole title: braces go around
the words that must keep their capitals, by the rules of
:mod:`digest.references.casing` (acronyms and inner capitals, pinyin names and
the places they name, capitals inside a sentence-case title); a sentence-case
style may lower the rest. Straight quotation marks become typographic ones: a
``"`` that opens (at the start, after a space or an opening bracket or dash)
becomes “ and any other ”; a lone ``'`` after a letter or digit becomes ’ (an
apostrophe or a closing quote), one before a word ‘. So styles and CSL
processors see quotation marks they can nest, not characters (babel makes ``"``
active). LaTeX's quote ligatures ``````, ``''`` are left as they are (below).

Every value comes from a source text and is treated as data, never as markup:

- Text fields are LaTeX-escaped (\&, \%, \$, \#, \_, \textasciitilde{},
  \textasciicircum{}, \textbackslash{}, \textless{}, \textgreater{}) and kept as
  UTF-8; nothing is turned into LaTeX accents, since biber and pybtex read UTF-8.
- Braces are always balanced *as BibTeX counts them*: BibTeX and biber count every
  brace, escaped or not, so a brace from the source is written \{ or \} only when
  it has a partner, and \textbraceleft{} or \textbraceright{} when it does not.
  (bibtexparser skips \{ when it counts, so a parse that succeeds there proves
  nothing about BibTeX; the tests count braces themselves.)
- Whitespace runs become one space and control characters are dropped, so no value
  spans lines; an "@" inside a braced value is harmless to every reader.
  Noncharacters (U+FFFF, U+FDD0 ...) are dropped too: biber refuses a whole file
  that holds one.
- biber reads some text as instructions: a value ``xdata=key-field`` as an XDATA
  reference, and a name holding ``family=``, ``given=``, ``prefix=`` or ``suffix=``
  in its extended name format (which loses the rest of the name). An empty group
  goes between such a word and its "=" (``given{}=``): LaTeX, BibTeX and the
  decoders read nothing there, and biber no longer sees the pattern.
- Names: BibTeX stops ("has a comma at the end") when a given name has no token
  (only hyphens, "--"), so such a given name is braced. biber skips the entry
  ("too many commas") when a name holds more than two commas, braced or not,
  unless the name starts with "{" and ends with "}", so both parts of such a name
  are braced.
- Ligatures no source meant are broken with "{}": "?`" and "!`" (inverted marks)
  and ",," (a low quote in T1 fonts). The dash and quote ligatures "--", "---",
  "``" and "''" are left to LaTeX on purpose: in the sources they stand for
  dashes and quotes.
- url and doi are verbatim fields: biblatex/biber read them raw, hyperref's \url
  and url.sty take them as they are, and pybtex formats them with raw=True. A
  LaTeX escape there would end up in the link (biblatex keeps "\%" as typed and
  the link gets "%5C%"). So they are written as they are, except that the
  characters RFC 3986 does not allow in a URI are percent-encoded: { } \ ^ | `
  " < > and space (in a DOI only { } \ and space, none of which a real DOI has).
  That keeps braces balanced and the link equivalent, and leaves "%" and "#"
  alone, as biblatex expects. The cost: a classic .bst that puts \url inside
  another command's argument cannot take a raw "%" (a LaTeX limit of \url);
  escaping it would break the link for every biblatex user instead. A value that
  starts ``xdata=`` has that "=" encoded too (``%3D``): biber would read it as an
  XDATA reference.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import Counter
from collections.abc import Mapping

from digest.model import Person, Reference
from digest.references.casing import protected_spans

# Field order of every entry; ``extra`` fields follow, sorted by name.
FIELD_ORDER: tuple[str, ...] = (
    "author",
    "editor",
    "title",
    "journal",
    "booktitle",
    "series",
    "howpublished",
    "edition",
    "school",
    "institution",
    "type",
    "entrysubtype",
    "organization",
    "publisher",
    "address",
    "year",
    "date",
    "volume",
    "number",
    "pages",
    "doi",
    "url",
    "urldate",
    "note",
    "key",
    "keywords",
)
ENTRY_TYPES: dict[str, str] = {
    "article": "article",
    "newspaper": "article",
    "book": "book",
    "incollection": "incollection",
    "inproceedings": "inproceedings",
    "thesis": "phdthesis",
    "report": "techreport",
    "online": "misc",
    "misc": "misc",
}
# Where the container goes, by entry type (a thesis has no slot: howpublished).
CONTAINER_SLOT: dict[str, str] = {
    "article": "journal",
    "book": "series",
    "incollection": "booktitle",
    "inproceedings": "booktitle",
    "techreport": "type",
}
# The degree a thesis reference names in its raw text.
_MASTERS = re.compile(
    r"(?i:\bmaster(?:['’]?s)?\b)|\bM\.?\s?(?:Sc|Phil|Res|Ed|Eng)\b"
    r"|\bM\.?A\b\.?(?=\s*(?i:thesis|dissertation|diss\b|degree|[)\],]))|(?<=[(\[])M\.?A\b|硕士"
)
_DOCTORAL = re.compile(r"\bPh\.?\s?D\b|\bD\.?\s?Phil\b|(?i:\bdoctor(?:al|ate)\b)|博士")
# A year not known (ISO 8601-2, "year unspecified"): see the module docstring.
UNKNOWN_DATE = "XXXX"
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?")
_DAY_MONTH_YEAR = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
# Keys as digest.references.keys writes them; anything else could end the entry head.
_KEY = re.compile(r"[A-Za-z0-9_:.\-]+")
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_\-]*")

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    # OT1 fonts print "<" and ">" as inverted marks; the text commands work everywhere.
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
# Every character _escape rewrites: the specials and the braces.
_LATEX_CHARACTERS = re.compile("[" + re.escape("".join(_LATEX_SPECIALS)) + "{}]")
# What a straight double quote opens after (besides a space).
_OPENERS = frozenset("([{<“‘—–-/")
# Ligatures no reader of the source meant: "?`" is an inverted question mark in
# LaTeX, "!`" an inverted exclamation mark, ",," a low quotation mark in T1.
_LIGATURES = re.compile(r"(?<=[?!])(?=`)|(?<=,)(?=,)")
# Not allowed anywhere in a URI (RFC 3986); all of them can upset BibTeX or LaTeX.
_URL_UNSAFE = frozenset('{}\\^|`"<> ')
_DOI_UNSAFE = frozenset("{}\\ ")
# What biber parses inside a value: an XDATA reference (the whole value "xdata=key-field")
# and the extended name format ("family=Wang, given=Sijing"), in any case, spaces allowed.
_BIBER_KEYWORD = re.compile(r"(xdata|family|given|prefix|suffix)(?=\s*=)", re.IGNORECASE)
_XDATA = re.compile(r"(?i)^xdata=")
# BibTeX splits names into tokens at spaces and hyphens ("~" is always escaped here).
_NO_NAME_TOKEN = re.compile(r"[\s-]+")
# A run of dashes (any kind, spaces between allowed) in a page range.
_PAGE_DASHES = re.compile(r"\s*[-‐‑–—](?:[\s\-‐‑–—]*[-‐‑–—])?\s*")


def entry_type(ref: Reference) -> str:
    """The BibTeX entry type; unparsed and unknown references are ``misc``."""
    if not ref.parsed:
        return "misc"
    if ref.type == "thesis" and thesis_degree(ref) == "masters":
        return "mastersthesis"
    return ENTRY_TYPES.get(ref.type, "misc")


def thesis_degree(ref: Reference) -> str | None:
    """ "masters" or "doctoral" when the raw text names exactly one of them, else None."""
    masters = bool(_MASTERS.search(ref.raw))
    doctoral = bool(_DOCTORAL.search(ref.raw))
    if masters != doctoral:
        return "masters" if masters else "doctoral"
    return None


def iso_date(printed: str) -> str | None:
    """An access date as printed ("12 May 2023", "May 12, 2023", "2023-5-12",
    "2023年5月12日", "May 2023") in ISO 8601 (``2023-05-12``, ``2023-05``), or None when
    it is not such a date (day-first and month-first numbers, "05/12/2023", are
    ambiguous and stay None)."""
    text = clean_text(printed)
    year = month = day = None
    if match := _NUMERIC_DATE.fullmatch(text):
        year, month = int(match.group(1)), int(match.group(2))
        day = int(match.group(3)) if match.group(3) else None
    elif (match := _MONTH_DAY_YEAR.fullmatch(text)) and match.group(1).lower() in _MONTHS:
        year, month, day = int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2))
    elif (match := _DAY_MONTH_YEAR.fullmatch(text)) and match.group(2).lower() in _MONTHS:
        year, month = int(match.group(3)), _MONTHS[match.group(2).lower()]
        day = int(match.group(1)) if match.group(1) else None
    if year is None or month is None:
        return None
    try:
        datetime.date(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def clean_text(text: str) -> str:
    """One line of text: control characters, surrogates and noncharacters dropped,
    whitespace runs made one space.

    A newline in a value would be harmless to BibTeX, but a blank line is a
    paragraph break that stops LaTeX inside most bibliography macros. Every Unicode
    space (no-break, ideographic ...) counts, as it does for pybtex, which would
    otherwise read a different value than was written. A noncharacter (U+FFFF,
    U+FDD0 ...) is valid UTF-8 but biber refuses to read a file that holds one.
    """
    return " ".join(_UNWRITABLE.sub("", text).split())


def _unwritable_class() -> re.Pattern[str]:
    """One character class for what cannot be written, spaces excepted (they are kept,
    then collapsed): the control characters (Cc), the surrogates (Cs) and the 66
    noncharacters (a test checks every code point against that rule)."""
    candidates = [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000)]
    candidates += range(0xFDD0, 0xFDF0)
    candidates += [plane | low for plane in range(0, 0x110000, 0x10000) for low in (0xFFFE, 0xFFFF)]
    runs: list[list[int]] = []
    for code in candidates:
        if chr(code).isspace():
            continue
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile("[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in runs) + "]")


_UNWRITABLE = _unwritable_class()


def escape_latex(text: str) -> str:
    """LaTeX/BibTeX-escape text from a source so that it typesets as itself."""
    return _escape(clean_text(text))


def format_title(title: str) -> str:
    """A title or booktitle: typographic quotes, escaped, braces around the words that
    must keep their case (see the module docstring and :mod:`digest.references.casing`)."""
    text = typographic_quotes(clean_text(title))
    return _escape(text, protected_spans(text))


def typographic_quotes(text: str) -> str:
    """Straight quotation marks as typographic ones: " -> “ or ”, ' -> ‘ or ’.

    A ``"`` opens at the start or after a space, an opening bracket or quote, or a
    dash; any other closes. A ``'`` after a letter or digit is an apostrophe or a
    closing quote (’); before a letter or digit it opens (‘); ``''`` is LaTeX's
    closing double quote and stays.
    """
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    for index, ch in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if ch == '"':
            ch = "“" if before.isspace() or before in _OPENERS else "”"
        elif ch == "'" and "'" not in (before, after):
            ch = "’" if before.isalnum() or not after.isalnum() else "‘"
        out.append(ch)
    return "".join(out)


def _escape(text: str, protect: list[tuple[int, int]] | None = None) -> str:
    """Escape ``text`` (already one clean line), with braces around the ``protect`` spans.

    Only the positions where something is written (a special character, a span's start
    or end) are visited; the text between is copied in slices.
    """
    opens = {start for start, _ in protect or [] if start < len(text)}
    closes = {end for _, end in protect or [] if end <= len(text)}
    specials = {found.start() for found in _LATEX_CHARACTERS.finditer(text)}
    partners = _matched_braces(text) if "{" in text or "}" in text else set()
    out = []
    copied = 0
    for index in sorted(opens | closes | specials):
        out.append(text[copied:index])
        copied = index
        if index in closes:
            out.append("}")
        if index in opens:
            out.append("{")
        if index in specials:
            ch = text[index]
            if ch == "{":
                out.append(r"\{" if index in partners else r"\textbraceleft{}")
            elif ch == "}":
                out.append(r"\}" if index in partners else r"\textbraceright{}")
            else:
                out.append(_LATEX_SPECIALS[ch])
            copied = index + 1
    out.append(text[copied:])
    # No escape contains "?", "!", "`" or ",": breaking ligatures afterwards is safe.
    text = _LIGATURES.sub("{}", "".join(out))
    return _BIBER_KEYWORD.sub(r"\1{}", text)


def _matched_braces(text: str) -> set[int]:
    """Positions of braces that close or are closed by a partner, in order."""
    open_at: list[int] = []
    matched: set[int] = set()
    for index, ch in enumerate(text):
        if ch == "{":
            open_at.append(index)
        elif ch == "}" and open_at:
            matched.update((open_at.pop(), index))
    return matched


def escape_verbatim(value: str, unsafe: frozenset[str]) -> str:
    """A url or doi: as written, with only the ``unsafe`` characters percent-encoded."""
    value = clean_text(value)
    encoded = "".join(
        "".join(f"%{byte:02X}" for byte in ch.encode("utf-8")) if ch in unsafe else ch
        for ch in value
    )
    return _XDATA.sub(lambda match: match.group(0)[:-1] + "%3D", encoded)


def format_person(person: Person) -> str:
    """``Family, Given``, braced where a BibTeX engine would split the name otherwise."""
    family = escape_latex(person.family)
    given = escape_latex(person.given)
    if not family:
        return f"{{{given}}}" if given else ""
    brace_family = _family_needs_braces(family)
    if not given:
        return f"{{{family}}}" if brace_family else family
    brace_given = _given_needs_braces(given)
    if family.count(",") + given.count(",") > 1:  # biber counts braced commas too
        brace_family = brace_given = True
    family = f"{{{family}}}" if brace_family else family
    given = f"{{{given}}}" if brace_given else given
    return f"{family}, {given}"


def _family_needs_braces(family: str) -> bool:
    """Braces unless the family name is one plain capitalised word ("Wang", "O'Brien").

    More words ("Ou Yang", "Ministry of Civil Affairs") or a lowercase piece
    ("de la Cruz", "Smith-de Vries") would be read as first or "von" parts; a
    comma or a lone "and"/"others" would split the author list.
    """
    if not re.fullmatch(r"[^\W\d_][\w'’.]*(?:-[\w'’.]+)*", family):
        return True
    if family.lower() in ("and", "others"):
        return True
    return any(piece[:1].islower() for piece in family.split("-"))


def _given_needs_braces(given: str) -> bool:
    """After the comma everything is the given name, unless a comma or "and" splits it,
    or it has no token for BibTeX ("--"): BibTeX then stops, "comma at the end"."""
    if "," in given or _NO_NAME_TOKEN.fullmatch(given):
        return True
    return any(word.lower() == "and" for word in given.split())


def format_authors(ref: Reference) -> str:
    """Authors joined with `` and ``; ``and others`` when the source wrote "et al."."""
    names = [name for name in (format_person(person) for person in ref.authors) if name]
    if names and _truncated(ref):  # entry_fields then leaves the note out
        names.append("others")
    return " and ".join(names)


def format_people(people: list[Person]) -> str:
    """Editors (or any name list) joined with `` and ``."""
    return " and ".join(name for name in (format_person(person) for person in people) if name)


def _truncated(ref: Reference) -> bool:
    """The parser marks an author list cut short by "et al." with note "et al."."""
    return (ref.note or "").strip().lower() in ("et al.", "et al")


def format_pages(pages: str) -> str:
    """ "37-46" -> ``37--46``; dashes of any kind or number (and the spaces around and
    between them) become one en dash."""
    return _PAGE_DASHES.sub("--", escape_latex(pages))


def entry_fields(ref: Reference) -> dict[str, str]:
    """The fields of one entry, already escaped, in :data:`FIELD_ORDER`."""
    if not ref.parsed:
        raw = {"note": escape_latex(ref.raw), "key": escape_latex(ref.raw), "keywords": "unparsed"}
        return {name: value for name, value in raw.items() if value}
    kind = entry_type(ref)
    fields: dict[str, str] = {}
    fields["author"] = format_authors(ref)
    fields["editor"] = format_people(ref.editors)
    title = clean_text(ref.title or "")
    container = clean_text(ref.container or "")
    if not title and container and ref.type == "article":
        # Physics and chemistry cite an article by journal, volume and page only. A
        # title in square brackets is the cataloguing convention for one supplied,
        # and every style needs a title ("empty title" in plain.bst).
        title = f"[Article in {container}]"
    fields["title"] = format_title(title)
    slot = CONTAINER_SLOT.get(kind, "howpublished")
    fields[slot] = format_title(container) if slot == "booktitle" else escape_latex(container)
    fields["edition"] = escape_latex(ref.edition or "")
    publisher, school = ref.publisher or "", ref.school or ""
    if kind in ("phdthesis", "mastersthesis"):
        publisher, school = "", school or publisher
        if thesis_degree(ref) is None:
            fields["type"] = "Thesis"  # the degree is not known; styles then print "Thesis"
    elif kind == "techreport":
        fields["institution"] = escape_latex(publisher or school)
        publisher = school = ""
    fields["school"] = escape_latex(school)
    if ref.type == "newspaper":
        fields["entrysubtype"] = "newspaper"
    publisher_slot = "organization" if kind == "misc" else "publisher"
    fields[publisher_slot] = escape_latex(publisher)
    fields["address"] = escape_latex(ref.address or "")
    fields["year"] = escape_latex(ref.year or "")
    if not fields["year"]:
        fields["date"] = UNKNOWN_DATE
    fields["volume"] = escape_latex(ref.volume or "")
    fields["number"] = escape_latex(ref.number or "")
    if kind == "article" and fields["number"] and not fields["volume"] and fields["year"]:
        # "2020(03)": a journal that numbers its issues within the year prints the year
        # where the volume goes; so does the entry, and plain.bst has nothing to warn of.
        fields["volume"] = fields["year"]
    fields["pages"] = format_pages(ref.pages or "")
    fields["doi"] = escape_verbatim(ref.doi or "", _DOI_UNSAFE)
    fields["url"] = escape_verbatim(ref.url or "", _URL_UNSAFE)
    notes = [] if _truncated(ref) and fields["author"] else [clean_text(ref.note or "")]
    if clean_text(ref.urldate or ""):
        accessed = iso_date(ref.urldate or "")
        if accessed:
            fields["urldate"] = accessed
        else:
            notes.append("Accessed " + clean_text(ref.urldate or ""))
    if kind == "misc":  # biber's misc has no volume, number or pages: said in the note
        printed = [
            f"{word} {value}"
            for word, value in (("Vol.", ref.volume), ("No.", ref.number), ("pp.", ref.pages))
            if clean_text(value or "")
        ]
        if printed:
            notes.append(", ".join(clean_text(part) for part in printed))
        fields["volume"] = fields["number"] = fields["pages"] = ""
    fields["note"] = escape_latex(_sentences(notes))
    if not fields["author"]:
        fields["key"] = escape_latex(typographic_quotes(title) or container or ref.raw)
    return {name: fields[name] for name in FIELD_ORDER if fields.get(name)}


def _sentences(parts: list[str]) -> str:
    """Join notes as sentences: "A" + "B" -> "A. B", "A." + "B" -> "A. B"."""
    text = ""
    for part in filter(None, parts):
        text = f"{text}{'' if not text or text[-1] in '.?!' else '.'} {part}".strip()
    return text


# A build writes each entry three times (references.bib, the citing papers' .bib files,
# the bibliography page): entries without extra fields are formatted once per process,
# and a build stores the ones it used (``formatted_in_use``) for the next to start from
# (``recall_formatted``), so that a build after one changed source formats only its entries.
_FORMATTED: dict[str, str] = {}
_IN_USE: set[str] = set()
_FORMATTED_LIMIT = 200_000


def format_entry(
    key: str, ref: Reference, extra: dict[str, str] | None = None, signed: str | None = None
) -> str:
    """One entry, fields in a fixed order, ``extra`` (plain text, escaped here) last;
    ``signed``: its ``entry_signature``, if the caller has it already.

    Raises ValueError for a key or extra field name that could break the entry,
    or an extra field the entry already writes: both are programming errors.
    """
    if extra:
        return _format_entry(key, ref, extra)
    memo = signed or entry_signature(key, ref)
    text = _FORMATTED.get(memo)
    if text is None:
        if len(_FORMATTED) >= _FORMATTED_LIMIT:  # a long `mkdocs serve` session
            _FORMATTED.clear()
            _IN_USE.clear()
        text = _FORMATTED[memo] = _format_entry(key, ref, None)
    _IN_USE.add(memo)
    return text


def entry_signature(key: str, ref: Reference) -> str:
    """What an entry is formatted from: its key and every field of the reference (as
    plain values: the repr of a tuple is made in C, a dataclass's in Python, and every
    entry of the corpus is signed on every build)."""
    values = tuple(
        tuple((person.family, person.given) for person in value)
        if isinstance(value, list)
        else value
        for value in vars(ref).values()
    )
    return hashlib.blake2b(f"{key}\0{values!r}".encode(), digest_size=16).hexdigest()


def recall_formatted(stored: dict[str, str]) -> None:
    """Start from entries formatted by an earlier build (by this very code: the caller
    keys the store by a fingerprint of it); forget which entries were in use."""
    _IN_USE.clear()
    _FORMATTED.update(stored)


def formatted_in_use() -> dict[str, str]:
    """The entries formatted or recalled since ``recall_formatted``, to store."""
    return {memo: _FORMATTED[memo] for memo in sorted(_IN_USE) if memo in _FORMATTED}


def _format_entry(key: str, ref: Reference, extra: dict[str, str] | None) -> str:
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a usable BibTeX key: {key!r}")
    fields = entry_fields(ref)
    for name in sorted(extra or {}):
        if not _FIELD_NAME.fullmatch(name):
            raise ValueError(f"not a usable BibTeX field name: {name!r}")
        if name in FIELD_ORDER or name in fields:
            raise ValueError(f"extra field {name!r} would duplicate a field of the entry")
        value = escape_latex((extra or {})[name])
        if value:
            fields[name] = value
    lines = [f"@{entry_type(ref)}{{{key},"]
    lines.extend(f"  {name} = {{{value}}}," for name, value in fields.items())
    lines.append("}")
    return "\n".join(lines) + "\n"


def format_bibliography(
    entries: list[tuple[str, Reference, dict[str, str]]],
    header: str,
    signed: Mapping[str, str] | None = None,
) -> str:
    """A whole .bib file: ``%`` header lines, then the entries sorted by key (``signed``:
    their ``entry_signature`` by key, if the caller has them).

    The same input gives the same bytes. BibTeX has no comment syntax, it skips
    text outside entries until an ``@``, so an ``@`` in the header is written "(at)".
    """
    counts = Counter(key for key, _, _ in entries)
    duplicates = sorted(key for key, count in counts.items() if count > 1)
    if duplicates:
        raise ValueError(f"duplicate BibTeX keys: {', '.join(duplicates)}")
    blocks = []
    header_lines = [clean_text(line).replace("@", "(at)") for line in header.splitlines()]
    if any(header_lines):
        blocks.append("".join(f"% {line}".rstrip() + "\n" for line in header_lines))
    blocks.extend(
        format_entry(key, ref, extra, (signed or {}).get(key))
        for key, ref, extra in sorted(entries, key=lambda e: e[0])
    )
    return "\n".join(blocks)
