"""The parts ``segment`` cuts a text into: labels, headings, and runs of text lines.

Kept apart from the walk that makes them so that the stages reading them (levels,
the document builder) need not import the walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.clean.labels import Label
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
