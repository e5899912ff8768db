"""Text extraction with several real tools, and the versions of everything used."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path


def _pdftotext(*flags: str) -> Callable[[Path], str]:
    def run(pdf: Path) -> str:
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *flags, str(pdf), "-"],
            check=True,
            capture_output=True,
        )
        return result.stdout.decode("utf-8")

    return run


def _pypdfium2(pdf: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    # pdfium ends lines with CRLF; fixtures use LF (one page after the other, as a
    # script that joins page texts with a newline would produce them).
    return "\n".join(page.replace("\r\n", "\n").replace("\r", "\n") for page in pages)


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


# File name in a fixture folder -> extractor.
EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pdftotext": _pdftotext(),
    "pdftotext-layout": _pdftotext("-layout"),
    "pdftotext-raw": _pdftotext("-raw"),
    "pypdfium2": _pypdfium2,
    "pdfminer": _pdfminer,
}


def extract_all(pdf: Path) -> dict[str, str]:
    return {name: extract(pdf) for name, extract in EXTRACTORS.items()}


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    return int(match.group(1)) if match else 0


def _first_line(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return "not installed"
    text = (result.stdout or result.stderr).strip()
    return text.splitlines()[0] if text else "unknown"


def _dpkg(package: str) -> str:
    return _first_line(["dpkg-query", "-W", "-f=${Version}", package])


def versions() -> dict[str, str]:
    import pdfminer
    import pypdfium2

    return {
        "pdflatex": _first_line(["pdflatex", "--version"]),
        "xelatex": _first_line(["xelatex", "--version"]),
        "pandoc": _first_line(["pandoc", "--version"]),
        "pdftotext": _first_line(["pdftotext", "-v"]),
        "pypdfium2": f"{pypdfium2.PYPDFIUM_INFO} (pdfium {pypdfium2.PDFIUM_INFO})",
        "pdfminer.six": pdfminer.__version__,
        "texlive-base (Debian)": _dpkg("texlive-base"),
        "texlive-latex-recommended (Debian)": _dpkg("texlive-latex-recommended"),
        "texlive-xetex (Debian)": _dpkg("texlive-xetex"),
        "poppler-utils (Debian)": _dpkg("poppler-utils"),
        "pandoc (Debian)": _dpkg("pandoc"),
    }
