"""Footnotes where the page numbers are not known (a text with no page breaks)."""

from __future__ import annotations

from digest.clean.footnotes import extract_footnotes
from digest.clean.lines import split_lines

# A page number the furniture stage could not tell from a section's number stands
# over a reference entry, which reads like a note's sentence.
TEXT = """\
Village committees coordinate the work of residents and social organisations in every
township we visited.2 The cadres we interviewed described the work as never finished.
2 See the notice issued by the provincial Party committee in 2016.
Their committees meet every month and keep minutes of their decisions as required.
References
Li, M. (2019). Village Committees. Rural Economy, 8(4), 83–108.
2
Wang, J. (2020). Party Building in Cities. Urban Studies, 3(1), 10–20.
"""


def test_one_mark_gives_one_note() -> None:
    lines, notes = extract_footnotes(split_lines(TEXT))
    assert [(note.label, note.text) for note in notes] == [
        ("2", "See the notice issued by the provincial Party committee in 2016.")
    ]
    assert "Wang, J. (2020). Party Building in Cities. Urban Studies, 3(1), 10–20." in [
        line.text for line in lines
    ]


def test_a_second_mark_gives_a_second_note() -> None:
    """Notes numbered per page: the same label again, after a mark of its own."""
    text = TEXT.replace(
        "as required.\n", "as required.2 The minutes are posted on the noticeboard.\n"
    )
    _, notes = extract_footnotes(split_lines(text))
    assert [note.label for note in notes] == ["2", "2"]


def test_a_note_whose_first_line_a_superscript_broke_is_a_note() -> None:
    """ "The 5th" stops short where the extractor wrote the superscript "th" apart; the
    line after goes on with the sentence, as no section's first sentence does."""
    text = """\
We study the relations between suppliers and the buyers of their goods in six provinces.4
4
The 5th
relation is that of vertical integration, but we are interested in market transactions.
The hold-up problem originates from the behaviour of one party in a relation of trade.
"""
    _, notes = extract_footnotes(split_lines(text))
    assert [(note.label, note.text) for note in notes] == [
        (
            "4",
            "The 5th relation is that of vertical integration, but we are interested in"
            " market transactions.",
        )
    ]
