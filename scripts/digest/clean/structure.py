"""Cut a text's lines into parts: labels, numbered headings, and runs of text.

This is the only place that walks the whole text in order; the rules it
consults (labels, headings) each live in their own module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.clean.headings import (
    Number,
    continues_heading,
    format_number,
    is_successor,
    parse_number,
)
from digest.clean.labels import Label, label_for_heading, match_label
from digest.clean.lines import Line
from digest.model import Heading


@dataclass
class TextPart:
    lines: list[Line] = field(default_factory=list)


@dataclass
class LabelPart:
    label: Label
    line: int


@dataclass
class HeadingPart:
    heading: Heading


Part = TextPart | LabelPart | HeadingPart


def segment(lines: list[Line], width: int) -> list[Part]:
    parts: list[Part] = []
    text = TextPart()
    last_number: Number | None = None
    in_references = False

    def flush() -> None:
        nonlocal text
        if any(not line.blank for line in text.lines):
            parts.append(text)
        text = TextPart()

    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.blank:
            text.lines.append(line)
            continue
        label = match_label(line.text)
        if label is not None and not (in_references and label.rest):
            flush()
            parts.append(LabelPart(label, line.number))
            in_references = label.kind == "references"
            if label.rest:
                text.lines.append(Line(label.rest, line.number))
            continue
        numbered = None if in_references else parse_number(line.text)
        if numbered is not None and is_successor(last_number, numbered[0]):
            number, title = numbered
            last_line = line.text
            while index < len(lines) and continues_heading(last_line, lines[index], width):
                last_line = lines[index].text
                title = f"{title} {last_line}"
                index += 1
            flush()
            as_label = label_for_heading(title)
            if as_label is not None:
                parts.append(LabelPart(as_label, line.number))
                in_references = as_label.kind == "references"
            else:
                title = title.rstrip(".").strip() if title.endswith(".") else title
                heading = Heading(len(number), title, format_number(number), line.number)
                parts.append(HeadingPart(heading))
            last_number = number
            continue
        text.lines.append(line)
    flush()
    return parts
