"""Read a PDF source into the text the cleaner reads, with each line's type.

A PDF holds what a text extraction has lost: where each line stands and the type
it is set in. ``glyphs`` reads the printed lines with pdfium, ``layout`` puts them
in reading order without the page furniture; what comes out is a text like any
other source's plus, for each of its lines, its font size and weight, from which
the cleaner tells headings and their levels.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.model import LineStyle

__all__ = ["PdfError", "PdfText", "read_pdf"]


class PdfError(ValueError):
    """The file is no PDF pdfium can read, or holds no text (a scan)."""


@dataclass(frozen=True)
class PdfText:
    text: str
    styles: tuple[LineStyle, ...]  # one per line of ``text``


def read_pdf(data: bytes) -> PdfText:
    """The PDF's text in reading order and each line's type; PdfError if unreadable."""
    # Imported here: a build reads a PDF only when its cache lacks it.
    import pypdfium2 as pdfium

    from digest.ingest.pdf.glyphs import read_pages
    from digest.ingest.pdf.layout import lay_out

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfError(f"not a PDF pdfium can read ({exc})") from None
    try:
        pages = read_pages(document)
    except pdfium.PdfiumError as exc:  # a page pdfium cannot load: the file, not our bug
        raise PdfError(f"a page pdfium cannot read ({exc})") from None
    finally:
        document.close()
    laid = lay_out(pages)
    if not any(line.text.strip() for line in laid):
        raise PdfError("holds no text (a scanned PDF needs OCR first)")
    text_lines: list[str] = []
    styles: list[LineStyle] = []
    page_break = ""
    for line in laid:
        if line.text == "\f":
            page_break = "\f"  # opens the next page's first line, as pdftotext prints it
            continue
        text_lines.append(page_break + line.text)
        styles.append(LineStyle(line.size, line.bold, line.bold_words, line.italic))
        page_break = ""
    return PdfText("\n".join(text_lines) + "\n", tuple(styles))
