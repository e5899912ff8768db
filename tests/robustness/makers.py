"""The fixtures of tests/robustness/inputs.yml, one maker per row.

Most rows are bytes no editor writes by hand (GBK, UTF-16, NULs, 50 MB, links
out of the project), so each fixture is spelled out here, byte for byte, and
written into a copy of the project by the test. Every maker gets the project's
sources/ folder and a stem (``950_case``) and writes the text and/or sidecar.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from pathlib import Path

Maker = Callable[[Path, str], None]
MAKERS: dict[str, Maker] = {}

# A small paper in the shape of the corpus: an abstract, two sections, a reference.
PAPER = """Abstract: Party building leads grassroots governance in the villages we studied.

1. Introduction
Grassroots Party organisations coordinate village committees and residents. Wang (2016)
describes how this works in Zhanjiang.

2. Difficulties
The main difficulty is weak coordination between departments and residents.

References
""" + (
    "[1] Wang J.N. (2016). Research on the Innovation of Rural Social Governance, "
    "Journal of Rural Studies, 36(9), 37-46.\n"
)


def sidecar(stem: str, *, paper_id: str | None = None, extra: str = "", **fields: str) -> str:
    """A valid sidecar for the text ``<stem>.txt``; ``fields`` replace whole lines."""
    lines = {
        "id": f"id: {paper_id or 'case-' + stem.replace('_', '-')}",
        "source": f"source: {stem}.txt",
        "title": "title: A Case Study of Grassroots Governance",
        "authors": "authors:\n  - family: Li\n    given: Ming",
        "year": "year: 2020",
        "language": "language: en",
        "not_in_text": (
            "not_in_text: [venue, volume, issue, pages, doi, url, affiliations, keywords]"
        ),
    }
    lines.update(fields)
    return "\n".join(lines.values()) + "\n" + extra


def maker(name: str) -> Callable[[Maker], Maker]:
    def register(function: Maker) -> Maker:
        MAKERS[name] = function
        return function

    return register


def _pair(sources: Path, stem: str, text: bytes, suffix: str = ".txt", **fields: str) -> None:
    (sources / f"{stem}{suffix}").write_bytes(text)
    fields.setdefault("source", f"source: {stem}{suffix}")
    (sources / f"{stem}.yml").write_text(sidecar(stem, **fields), encoding="utf-8")


# --- Encodings ---------------------------------------------------------------


@maker("empty")
def _empty(sources: Path, stem: str) -> None:
    _pair(sources, stem, b"")


@maker("whitespace-only")
def _whitespace(sources: Path, stem: str) -> None:
    _pair(sources, stem, b"  \n\t\n   \r\n\n")


@maker("binary")
def _binary(sources: Path, stem: str) -> None:
    _pair(sources, stem, bytes(range(256)) * 64)


@maker("pdf-named-txt")
def _pdf(sources: Path, stem: str) -> None:
    _pair(sources, stem, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


@maker("gbk")
def _gbk(sources: Path, stem: str) -> None:
    text = "摘要：基层党建引领基层治理。\n\n1. 引言\n基层党组织是党在社会基层组织中的战斗堡垒。\n"
    _pair(sources, stem, text.encode("gbk"))


@maker("gb18030-four-byte")
def _gb18030(sources: Path, stem: str) -> None:
    # "𠀀" (U+20000) needs GB18030's four-byte form; the rest is common Chinese.
    text = "摘要：党建引领社区治理𠀀研究。\n\n一、问题的提出\n社区治理是国家治理的基础。\n"
    _pair(sources, stem, text.encode("gb18030"))


@maker("utf16-bom")
def _utf16_bom(sources: Path, stem: str) -> None:
    _pair(sources, stem, codecs.BOM_UTF16_LE + PAPER.encode("utf-16-le"))


@maker("utf16-no-bom")
def _utf16_no_bom(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode("utf-16-le"))


@maker("utf8-bom-crlf")
def _utf8_bom_crlf(sources: Path, stem: str) -> None:
    _pair(sources, stem, codecs.BOM_UTF8 + PAPER.replace("\n", "\r\n").encode("utf-8"))


@maker("mixed-line-ends")
def _mixed(sources: Path, stem: str) -> None:
    lines = PAPER.split("\n")
    ends = ["\r\n", "\n", "\r"]
    text = "".join(line + ends[n % 3] for n, line in enumerate(lines))
    _pair(sources, stem, text.encode("utf-8"))


@maker("nul-bytes")
def _nul(sources: Path, stem: str) -> None:
    text = PAPER.encode("utf-8")
    cut = text.index(b"2. Difficulties")
    _pair(sources, stem, text[:cut] + b"\x00\x00" + text[cut:])


@maker("invalid-utf8-middle")
def _invalid_middle(sources: Path, stem: str) -> None:
    text = PAPER.replace("Zhanjiang", "Zhanjiang “Model”").encode("utf-8")
    cut = text.index(b"The main difficulty")  # line 8
    _pair(sources, stem, text[:cut] + b"\xc3\x28 " + text[cut:])


@maker("windows-1252")
def _cp1252(sources: Path, stem: str) -> None:
    text = PAPER.replace("Wang (2016)", "Wang’s study (2016) – “the café model” –")
    _pair(sources, stem, text.encode("cp1252"))


@maker("sidecar-utf16")
def _sidecar_utf16(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode("utf-8"))
    (sources / f"{stem}.yml").write_bytes(sidecar(stem).encode("utf-16"))


@maker("sidecar-gbk")
def _sidecar_gbk(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode("utf-8"))
    text = sidecar(stem, setting="setting: 中国广东省佛山市")
    (sources / f"{stem}.yml").write_bytes(text.encode("gbk"))


# --- Size --------------------------------------------------------------------


def _many_paragraphs(size: int) -> bytes:
    body = PAPER.split("References")[0]
    paragraph = (
        "Grassroots Party organisations coordinate village committees, residents and "
        "social organisations, and the studies we read describe how this works.\n\n"
    )
    count = max(1, (size - len(body)) // len(paragraph))
    return (body + paragraph * count).encode("utf-8")


@maker("text-5mb")
def _five(sources: Path, stem: str) -> None:
    _pair(sources, stem, _many_paragraphs(5 * 1024 * 1024))


@maker("text-50mb")
def _fifty(sources: Path, stem: str) -> None:
    _pair(sources, stem, _many_paragraphs(50 * 1024 * 1024))


@maker("one-line-1mb")
def _one_line(sources: Path, stem: str) -> None:
    words = "governance " * (1024 * 1024 // len("governance "))
    _pair(sources, stem, f"1. Introduction\n{words.strip()}.\n".encode())


@maker("references-5000")
def _five_thousand(sources: Path, stem: str) -> None:
    references = "".join(
        f"[{n}] Zhao Q. ({1990 + n % 30}). Study number {n} of village governance, "
        f"Journal of Grassroots Studies, {n % 40 + 1}({n % 12 + 1}), {n}-{n + 9}.\n"
        for n in range(1, 5001)
    )
    text = PAPER.split("References")[0] + "References\n" + references
    _pair(sources, stem, text.encode("utf-8"))


@maker("references-100-identical")
def _identical(sources: Path, stem: str) -> None:
    reference = (
        "Zhao Q. (2019). The same study of village governance, "
        "Journal of Grassroots Studies, 3(2), 11-20.\n"
    )
    references = "".join(f"[{n}] {reference}" for n in range(1, 101))
    text = PAPER.split("References")[0] + "References\n" + references
    _pair(sources, stem, text.encode("utf-8"))


# --- Sidecars ----------------------------------------------------------------


@maker("yaml-open-quote")
def _open_quote(sources: Path, stem: str) -> None:
    # Line 3 opens a quoted title that is never closed; the file goes on to line 8.
    _pair(sources, stem, PAPER.encode(), title='title: "A Case Study of Grassroots Governance')


@maker("yaml-bad-indent")
def _bad_indent(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode(), authors="authors:\n  - family: Li\n   given: Ming")


@maker("wrong-types")
def _wrong_types(sources: Path, stem: str) -> None:
    _pair(
        sources,
        stem,
        PAPER.encode(),
        year='year: "abc"',
        authors="authors: Li Ming",
        extra="keywords: 7\n",
        not_in_text="not_in_text: [venue, volume, issue, pages, doi, url, affiliations]",
    )


@maker("unknown-key")
def _unknown_key(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode(), extra="titel: A typo\n")


@maker("missing-key")
def _missing_key(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode(), language="")


@maker("duplicate-key")
def _duplicate_key(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode(), extra="year: 2021\n")


@maker("no-sidecar")
def _no_sidecar(sources: Path, stem: str) -> None:
    (sources / f"{stem}.txt").write_text(PAPER, encoding="utf-8")


@maker("sidecar-without-text")
def _sidecar_alone(sources: Path, stem: str) -> None:
    (sources / f"{stem}.yml").write_text(sidecar(stem), encoding="utf-8")


@maker("duplicate-id")
def _duplicate_id(sources: Path, stem: str) -> None:
    # The id of a seed paper (001).
    _pair(sources, stem, PAPER.encode(), paper_id="wang-governance-grass-roots")


@maker("id-with-dot-dot")
def _id_dots(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode(), id="id: ../../etc/evil")


@maker("id-with-slash")
def _id_slash(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode(), id="id: papers/evil")


@maker("id-not-slug")
def _id_not_slug(sources: Path, stem: str) -> None:
    _pair(sources, stem, PAPER.encode(), id="id: Evil Id <b>")


# --- Paths -------------------------------------------------------------------


@maker("source-dot-dot")
def _source_up(sources: Path, stem: str) -> None:
    (sources / f"{stem}.yml").write_text(
        sidecar(stem, source="source: ../../../etc/passwd"), encoding="utf-8"
    )


@maker("source-absolute")
def _source_absolute(sources: Path, stem: str) -> None:
    (sources / f"{stem}.txt").write_text(PAPER, encoding="utf-8")
    (sources / f"{stem}.yml").write_text(
        sidecar(stem, source="source: /etc/passwd"), encoding="utf-8"
    )


@maker("symlink-etc-passwd")
def _link_passwd(sources: Path, stem: str) -> None:
    os.symlink("/etc/passwd", sources / f"{stem}.txt")
    (sources / f"{stem}.yml").write_text(sidecar(stem), encoding="utf-8")


@maker("symlink-proc-environ")
def _link_environ(sources: Path, stem: str) -> None:
    os.symlink("/proc/self/environ", sources / f"{stem}.txt")
    (sources / f"{stem}.yml").write_text(sidecar(stem), encoding="utf-8")


@maker("symlink-inside-project")
def _link_inside(sources: Path, stem: str) -> None:
    # Even a link to a file inside the project is refused: a link is never followed.
    (sources.parent / "elsewhere.txt").write_text(PAPER, encoding="utf-8")
    os.symlink("../elsewhere.txt", sources / f"{stem}.txt")
    (sources / f"{stem}.yml").write_text(sidecar(stem), encoding="utf-8")


@maker("symlink-sidecar")
def _link_sidecar(sources: Path, stem: str) -> None:
    (sources / f"{stem}.txt").write_text(PAPER, encoding="utf-8")
    os.symlink("/etc/hostname", sources / f"{stem}.yml")


@maker("fifo-text")
def _fifo(sources: Path, stem: str) -> None:
    os.mkfifo(sources / f"{stem}.txt")  # reading it would block the build forever
    (sources / f"{stem}.yml").write_text(sidecar(stem), encoding="utf-8")
