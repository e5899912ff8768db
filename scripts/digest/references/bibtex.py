r"""Write references as BibTeX that BibTeX, biber, pybtex and bibtexparser all read alike.

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

import re
import unicodedata

from digest.model import Person, Reference

# Field order of every entry; ``extra`` fields follow, sorted by name.
FIELD_ORDER: tuple[str, ...] = (
    "author",
    "title",
    "journal",
    "booktitle",
    "howpublished",
    "school",
    "type",
    "publisher",
    "address",
    "year",
    "volume",
    "number",
    "pages",
    "doi",
    "url",
    "note",
    "keywords",
)
ENTRY_TYPES: dict[str, str] = {
    "article": "article",
    "newspaper": "article",
    "thesis": "phdthesis",
    "book": "book",
    "misc": "misc",
}
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
    return ENTRY_TYPES.get(ref.type, "misc")


def clean_text(text: str) -> str:
    """One line of text: control characters, surrogates and noncharacters dropped,
    whitespace runs made one space.

    A newline in a value would be harmless to BibTeX, but a blank line is a
    paragraph break that stops LaTeX inside most bibliography macros. Every Unicode
    space (no-break, ideographic ...) counts, as it does for pybtex, which would
    otherwise read a different value than was written. A noncharacter (U+FFFF,
    U+FDD0 ...) is valid UTF-8 but biber refuses to read a file that holds one.
    """
    kept = "".join(ch for ch in text if ch.isspace() or not _unwritable(ch))
    return " ".join(kept.split())


def _unwritable(ch: str) -> bool:
    """A control character, a lone surrogate or a Unicode noncharacter."""
    code = ord(ch)
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return True
    return unicodedata.category(ch) in ("Cc", "Cs")


def escape_latex(text: str) -> str:
    """LaTeX/BibTeX-escape text from a source so that it typesets as itself."""
    text = clean_text(text)
    partners = _matched_braces(text)
    out = []
    for index, ch in enumerate(text):
        if ch == "{":
            out.append(r"\{" if index in partners else r"\textbraceleft{}")
        elif ch == "}":
            out.append(r"\}" if index in partners else r"\textbraceright{}")
        else:
            out.append(_LATEX_SPECIALS.get(ch, ch))
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
        raw = {"note": escape_latex(ref.raw), "keywords": "unparsed"}
        return {name: value for name, value in raw.items() if value}
    kind = entry_type(ref)
    fields: dict[str, str] = {}
    fields["author"] = format_authors(ref)
    title = escape_latex(ref.title or "")
    fields["title"] = f"{{{title}}}" if title else ""
    container = escape_latex(ref.container or "")
    slot = {"article": "journal", "misc": "howpublished"}.get(kind, "booktitle")
    fields[slot] = container
    fields["school"] = escape_latex(ref.school or "")
    if kind == "phdthesis":
        fields["type"] = "Thesis"  # the degree is not known; styles then print "Thesis"
    fields["publisher"] = escape_latex(ref.publisher or "")
    fields["address"] = escape_latex(ref.address or "")
    fields["year"] = escape_latex(ref.year or "")
    fields["volume"] = escape_latex(ref.volume or "")
    fields["number"] = escape_latex(ref.number or "")
    fields["pages"] = format_pages(ref.pages or "")
    fields["doi"] = escape_verbatim(ref.doi or "", _DOI_UNSAFE)
    fields["url"] = escape_verbatim(ref.url or "", _URL_UNSAFE)
    if not (_truncated(ref) and fields["author"]):
        fields["note"] = escape_latex(ref.note or "")
    return {name: fields[name] for name in FIELD_ORDER if fields.get(name)}


def format_entry(key: str, ref: Reference, extra: dict[str, str] | None = None) -> str:
    """One entry, fields in a fixed order, ``extra`` (plain text, escaped here) last.

    Raises ValueError for a key or extra field name that could break the entry,
    or an extra field the entry already writes: both are programming errors.
    """
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


def format_bibliography(entries: list[tuple[str, Reference, dict[str, str]]], header: str) -> str:
    """A whole .bib file: ``%`` header lines, then the entries sorted by key.

    The same input gives the same bytes. BibTeX has no comment syntax, it skips
    text outside entries until an ``@``, so an ``@`` in the header is written "(at)".
    """
    keys = [key for key, _, _ in entries]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate BibTeX keys: {', '.join(duplicates)}")
    blocks = []
    header_lines = [clean_text(line).replace("@", "(at)") for line in header.splitlines()]
    if any(header_lines):
        blocks.append("".join(f"% {line}".rstrip() + "\n" for line in header_lines))
    blocks.extend(
        format_entry(key, ref, extra) for key, ref, extra in sorted(entries, key=lambda e: e[0])
    )
    return "\n".join(blocks)
