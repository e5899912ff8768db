"""A heading's wrapped lines, and how an arabic section number is printed.

The numbers themselves, in every scheme, and the outline they must follow are
``digest.clean.numbering``.
"""

from __future__ import annotations

import re

from digest.clean.labels import match_label
from digest.clean.lines import Line
from digest.clean.numbering import parse_number
from digest.clean.sentences import first_word, set_in_capitals

# Small words that end a heading line only when the heading goes on.
_CONNECTIVES = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "under", "via", "with", "within", "without"}
)

Number = tuple[int, ...]

_ADDRESS = re.compile(r"\S@\w|https?://|\bwww\.", re.IGNORECASE)

# A word as titles are judged by ("Party's", "grass-roots").
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# A heading line holds at most this many words; longer lines are prose even in Title Case.
MAX_TITLE_WORDS = 18


def is_title_like(text: str) -> bool:
    """A wrapped heading's second line: short, capitalised words, no sentence inside."""
    words = _TITLE_WORD.findall(text)
    if not words or len(words) > MAX_TITLE_WORDS or text.endswith((",", ";", ":")):
        return False
    if " | " in text:
        return False  # terms set apart by bars: a keywords line ("Fairness | Census")
    if re.search(r"[.!]\s", text) or (re.search(r"\?\s", text) and not is_title_case(text)):
        return False  # a sentence inside; a question in a Title Case title is fine
    return capital_share(text) >= 0.75


def is_heading_title(title: str) -> bool:
    """Could the text after a section number be a heading's title rather than prose?

    A title is Title Case, or short and without a clause break; a numbered list
    item or a sentence that happens to start with a number is neither ("4. In
    practice, the allocation of funds involves nego-").
    """
    if not title:
        return True
    if re.search(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]", title):
        return False  # control characters: an extractor's mangled formula, no title
    if _ADDRESS.search(title):
        return False  # an e-mail or web address: an affiliation or a footnote, no title
    if title.startswith("["):
        return False  # "2 [27] studies how ...": a footnote that opens on a citation
    words = _TITLE_WORD.findall(title)
    capitalised = is_title_case(title)
    # A sentence ends inside: prose (a question inside a Title Case title is fine:
    # "Why Do Reforms Stall? Evidence from Yunnan").
    question = re.search(r"\?\s+[A-Z]", title) is not None and not capitalised
    if len(title.split()) > 20 or re.search(r"[.!]\s+[A-Z]", title) or question:
        return False
    if capitalised and not (title.endswith(".") and len(words) > 12):
        return True
    # Sentence case: a title still has no clause break and no closing full stop.
    broken = re.search(r"[A-Za-z]-$", title) is not None  # prose hyphenated at the line end
    return len(words) <= 16 and "," not in title and not broken and not title.endswith((".", ";"))


def capital_share(text: str) -> float:
    """The share of the words that carry meaning (not "of", "the") that start with a capital."""
    words = _TITLE_WORD.findall(text)
    content = [w for w in words if w.lower() not in _CONNECTIVES]
    return sum(w[0].isupper() for w in content) / len(content) if content else 0.0


def is_title_case(text: str) -> bool:
    """Most words that carry meaning start with a capital ("Working Mechanism")."""
    return capital_share(text) >= 0.6


def is_incomplete(heading: str) -> bool:
    """A heading line that must go on: it stops on a connective or a hyphen."""
    last = heading.rsplit(" ", 1)[-1].lower()
    return last in _CONNECTIVES or (heading.endswith("-") and heading[-2:-1].isalpha())


def continues_heading(heading: str, next_line: Line, width: int, *, loose: bool = True) -> bool:
    """Does the heading line `heading` (as printed, number included) wrap onto `next_line`?

    It does when the heading line could not have held the next line's first
    word (it was full), or stops on a connective ("... under the Guidance of")
    or a hyphen, and the next line reads like the rest of a title, not like prose.
    """
    if next_line.blank or heading.endswith((".", "!")):
        return False
    if parse_number(next_line.text) is not None:
        return False
    label = match_label(next_line.text)
    if label is not None and not label.rest:
        return False  # "References", "Author Contributions": a label opens its own block
    if heading.endswith((":", "?")):
        # A title and its subtitle ("... Governance:" / "The Changing Role of ...",
        # "... Stall in Others?" / "Evidence from ..."), only where a number says the
        # heading's lines are one heading's: a long first line, a Title Case second.
        return (
            loose
            and width > 0
            and len(heading) > width * 0.45
            and is_title_case(next_line.text)
            and not next_line.text.endswith(".")
            and is_title_like(next_line.text)
        )
    full = width > 0 and len(heading) + 1 + len(first_word(next_line.text)) > width * 0.9
    following = next_line.text
    if heading.endswith("-") and heading[-2:-1].isalpha() and following[:1].islower():
        # "Commit-" / "tees": judge the line by what follows the broken word.
        rest = following.split(" ", 1)[1] if " " in following else ""
        return not following.endswith(".") and (not rest or is_title_like(rest))
    # A last word or two alone on a line ("Province") after a heading line; or, since a
    # heading set in a larger type wraps before the body's width, a long heading line
    # followed by more of a Title Case title.
    # (Not for unnumbered headings: there the next title line may be a sub-heading.)
    # Without a number to go by, a long heading line is followed by the rest of its
    # title only when that rest is much shorter than the line: a sub-heading's title
    # is a line of its own, of any length.
    tail = len(following.split()) <= 3 and not following.endswith(".")
    long = width > 0 and len(heading) > width * 0.45 and not following.endswith(".")
    long = long and is_title_case(heading) and is_title_case(following)
    if not loose:
        # (A last few words: small words like "for the" do not count.)
        few = len([w for w in following.split() if w.lower() not in _CONNECTIVES]) <= 3
        long = long and few and len(following) <= len(heading) / 2
        tail = False
    return (full or tail or long or is_incomplete(heading)) and is_title_like(following)


def format_number(number: Number) -> str:
    """`1.` for a top-level section, `1.1` below it, as the papers print them."""
    return f"{number[0]}." if len(number) == 1 else ".".join(map(str, number))


# A title in capitals has at least this many letters ("RESULTS"; not "A" or "UK").
MIN_CAPITALS_TITLE_LETTERS = 4


def is_capitals_title(text: str) -> bool:
    """A title set in capitals ("RESULTS", "RELATED WORK"): prose is not, so such a line
    is a heading even where the line before it ends on no full stop (a list item's
    "(open question)", a quotation's "– Participant 2")."""
    return set_in_capitals(text, MIN_CAPITALS_TITLE_LETTERS)
