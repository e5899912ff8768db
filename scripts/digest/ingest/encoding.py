"""Turn a received file's bytes into text, or say plainly why not.

Sources arrive from many tools and many machines: UTF-8 with or without a
byte-order mark, Windows line ends, UTF-16 from a Windows editor, GBK/GB18030 from
a Chinese one, Latin-1 from an old one, or a binary file given the wrong name.
Only what can be decoded without guessing is decoded (UTF-8, and UTF-16 when its
byte-order mark says so, with a warning); everything else is refused with the
encoding it most likely is and the command that converts it, because a wrong
guess would publish mojibake under the paper's name.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from digest.model import Problem

# Control characters a text never holds; tab, line feed, form feed and carriage
# return are layout (pdftotext writes a form feed at each page break).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF; extract its text first (e.g. `pdftotext -layout FILE.pdf`)"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .epub?); save or export it as plain text"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file; save it as plain text (UTF-8)"),
    (b"{\\rtf", "an RTF document; save it as plain text (UTF-8)"),
    (b"\x89PNG", "a PNG image, not a text"),
    (b"\xff\xd8\xff", "a JPEG image, not a text"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
)


@dataclass
class Decoded:
    """The text (None when refused) and what was said about the decoding."""

    text: str | None
    problems: list[Problem] = field(default_factory=list)
    transcoded: bool = False  # decoded from another encoding than UTF-8


def decode_text(data: bytes, path: Path) -> Decoded:
    """Decode a source text: UTF-8 (a BOM is dropped), or UTF-16 with a BOM, else refuse."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return Decoded(None, [Problem(path, 1, f"is {what}; expected a UTF-8 text file")])
    for bom, codec, name in (
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 little-endian"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 big-endian"),
    ):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                line = text_line(
                    data[len(bom) : len(bom) + exc.start].decode(codec, "replace"), None
                )
                message = f"starts with a {name} byte-order mark but is not valid {name}"
                return Decoded(None, [Problem(path, line, f"{message}: {exc.reason}")])
            return _checked(
                text,
                path,
                [
                    Problem(
                        path,
                        1,
                        f"decoded as {name} (its byte-order mark says so); better save it as "
                        f"UTF-8: iconv -f UTF-16 -t UTF-8 {path.name}",
                        severity="warning",
                    )
                ],
                transcoded=True,
            )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data:
        return Decoded(None, [_nul_problem(data, path)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Decoded(None, [_not_utf8(data, exc, path)])
    if len(data.translate(None, _CONTROL_BYTES)) == len(data):
        # UTF-8 writes a control character as its own byte and uses none inside another
        # character's bytes: no such byte, no control character (a bytes scan in C,
        # not a regex over the text; every source is read on every build).
        return Decoded(text, [])
    return _checked(text, path, [])


def decode_utf8(data: bytes, path: Path) -> tuple[str | None, list[Problem]]:
    """Decode a sidecar: UTF-8 only (a BOM is dropped), with the same diagnosis."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data:
        return None, [_nul_problem(data, path)]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(data, exc, path)]


def text_line(text: str, position: int | None) -> int:
    """The 1-based line of a position in text (the end when position is None)."""
    return normalise_line_ends(text[:position]).count("\n") + 1


def normalise_line_ends(text: str) -> str:
    """CRLF and lone CR become LF, so line numbers agree with every editor's count."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _checked(
    text: str, path: Path, problems: list[Problem], *, transcoded: bool = False
) -> Decoded:
    """Refuse decoded text that still holds control characters: it is not a text."""
    match = _CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        code = ord(match.group())
        problems.append(
            Problem(
                path,
                line,
                f"contains the control character U+{code:04X}, which no text holds; "
                "is it a binary file or a damaged copy?",
            )
        )
        return Decoded(None, problems)
    return Decoded(text, problems, transcoded)


def _nul_problem(data: bytes, path: Path) -> Problem:
    position = data.index(b"\x00")
    line = data.count(b"\n", 0, position) + 1
    sample = data[:4096]
    nuls = sample.count(b"\x00")
    if nuls > len(sample) // 4 and _alternating_nuls(sample):
        return Problem(
            path,
            1,
            "looks like UTF-16 without a byte-order mark (every other byte is 0); "
            f"expected UTF-8: iconv -f UTF-16LE -t UTF-8 {path.name}",
        )
    controls = sum(byte < 0x09 or 0x0E <= byte < 0x20 for byte in sample)
    if controls > len(sample) // 20:
        return Problem(path, 1, "looks like binary data (many control bytes); expected a text file")
    return Problem(
        path,
        line,
        f"contains a NUL byte at byte {position} (counting from 0); a text has none: "
        "a damaged copy, or binary data pasted in?",
    )


def _alternating_nuls(sample: bytes) -> bool:
    even = sample[0::2].count(b"\x00")
    odd = sample[1::2].count(b"\x00")
    return max(even, odd) > 4 * max(1, min(even, odd))


def _not_utf8(data: bytes, exc: UnicodeDecodeError, path: Path) -> Problem:
    """Name the encoding the bytes most likely are, with the command that converts them."""
    line = data.count(b"\n", 0, exc.start) + 1
    where = f"not valid UTF-8 at byte {exc.start} (0x{data[exc.start]:02x}, counting from 0)"
    mended = data.decode("utf-8", errors="replace")
    bad = mended.count("\ufffd")
    good = sum(ord(ch) > 0x7F for ch in mended) - bad
    likely = None if good > bad else _likely_encoding(data)
    if likely:
        name, iconv_name = likely
        return Problem(
            path,
            line,
            f"{where}; it looks like {name} text. Expected UTF-8: convert it with "
            f"iconv -f {iconv_name} -t UTF-8 {path.name}",
        )
    high = sum(byte >= 0x80 for byte in data[:65536])
    if good <= bad and high > min(len(data), 65536) // 3:
        return Problem(path, line, f"{where}; it looks like binary data, not a text file")
    return Problem(
        path,
        line,
        f"{where}, although the text before it is UTF-8: a damaged copy, or text pasted in "
        "from another encoding; expected the whole file saved as UTF-8",
    )


def _likely_encoding(data: bytes) -> tuple[str, str] | None:
    """GBK/GB18030 when the bytes decode to mostly Chinese; Windows-1252 when to Latin text."""
    sample = data[:65536]
    try:
        chinese = sample.decode("gb18030", errors="strict")
    except UnicodeDecodeError:
        chinese = None
    if chinese is not None:
        non_ascii = [ch for ch in chinese if ord(ch) > 0x7F]
        if non_ascii and sum(bool(_CJK.match(ch)) for ch in non_ascii) >= 0.8 * len(non_ascii):
            return "GBK/GB18030", "GB18030"
    latin = sample.decode("cp1252", errors="replace")
    non_ascii = [ch for ch in latin if ord(ch) > 0x7F]
    if non_ascii and sum(ch.isalpha() or ch in "‘’“”–—…€" for ch in non_ascii) >= 0.8 * len(
        non_ascii
    ):
        return "Windows-1252/Latin-1", "WINDOWS-1252"
    return None
