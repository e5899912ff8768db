"""Corrections to the labeller's output that follow from how references are built.

A CRF labels tokens one by one; a few facts hold of every reference, whatever its
style, and mend its mistakes: a work has one title, printed in one piece; an
author-date list prints "Names. Year. Title."; two fields torn into pieces mean
the labels are not to be trusted. Each function takes labels and gives labels.
"""

from __future__ import annotations

from digest.references.features import CUE_WORDS
from digest.references.labeller import OTHER, Labelled


def names_before_year(labelled: Labelled) -> Labelled:
    """A title before the year and another after it: the first is (the rest of) the
    author list.

    Author-date lists print "Names. Year. Title."; full given names without
    initials ("Gediminas Adomavicius and Alexander Tuzhilin. 2005.") look like a
    title to the model, but a work has one title, and it follows the year there."""
    labels = labelled.labels
    year = next((i for i, label in enumerate(labels) if label == "year"), None)
    if year is None or year == 0:
        return labelled
    before, after = labels[:year], labels[year + 1 :]
    if "title" not in after or "title" not in before:
        return labelled
    if not all(x in ("title", "author", OTHER) for x in before):
        return labelled
    words = [t.text for t, x in zip(labelled.tokens[:year], before, strict=True) if x == "title"]
    if not words or not all(w[0].isupper() or w in ("and", "&") for w in words if w.isalpha()):
        return labelled
    relabelled = ["author" if x == "title" else x for x in before] + labels[year:]
    return Labelled(labelled.tokens, relabelled, labelled.confidence)


_NAME_LABELS = ("author", "editor")


def edited_by_the_names(labelled: Labelled) -> Labelled:
    """Names that open the entry and are followed by "(Ed.)", "(eds)" or ", ed." are
    the editors of the whole work ("Qi, Y. (Ed.) (1994) Title."), however the model
    split them between author and editor."""
    tokens, labels = labelled.tokens, labelled.labels
    end = -1
    for index, label in enumerate(labels):
        if label in _NAME_LABELS:
            end = index
        elif label != OTHER or tokens[index].text.isalnum():
            break
    if end < 0 or "author" not in labels[: end + 1]:
        return labelled
    after = [t.text.lower() for t in tokens[end + 1 : end + 5]]
    opened = after[:1] == ["("] and after[1:2] in (["ed"], ["eds"])
    commaed = after[:1] == [","] and after[1:2] in (["ed"], ["eds"]) and after[2:3] == ["."]
    if not (opened or commaed):
        return labelled
    relabelled = ["editor" if label == "author" else label for label in labels[: end + 1]]
    return Labelled(tokens, relabelled + labels[end + 1 :], labelled.confidence)


def second_title_is_the_book(labelled: Labelled) -> Labelled:
    """A work has one title: a second title after "In" or after the editors is the
    book the work is in ("Title. In: Yuan WJ, editors. Book Title, New York: ...")."""
    tokens, labels = labelled.tokens, list(labelled.labels)
    if "container" in labels or "title" not in labels:
        return labelled
    first_end = labels.index("title")
    while first_end + 1 < len(labels) and labels[first_end + 1] == "title":
        first_end += 1
    later = [i for i in range(first_end + 1, len(labels)) if labels[i] == "title"]
    if not later:
        return labelled
    between = range(first_end + 1, later[0])
    introduced = any(
        labels[i] == "editor" or (labels[i] == OTHER and tokens[i].text.lower() == "in")
        for i in between
    )
    if not introduced:
        return labelled
    index = later[0]
    while index < len(labels) and labels[index] == "title":
        labels[index] = "container"
        index += 1
    return Labelled(tokens, labels, labelled.confidence)


def second_volume_is_the_issue(labelled: Labelled) -> Labelled:
    """ "Sociedade 22, 2 (2012)": a number after the volume with only a mark between,
    and no issue elsewhere, is the issue (ACM prints "Volume, Issue (Year)")."""
    tokens, labels = labelled.tokens, list(labelled.labels)
    if "issue" in labels or labels.count("volume") < 2:
        return labelled
    first = labels.index("volume")
    after = first + 1
    while after < len(labels) and labels[after] == OTHER and not tokens[after].text.isalnum():
        after += 1
    if after == first + 1 or after >= len(labels) or labels[after] != "volume":
        return labelled
    if not tokens[after].text.isdigit() or "volume" in labels[after + 1 :]:
        return labelled
    labels[after] = "issue"
    return Labelled(tokens, labels, labelled.confidence)


def place_glued_to_the_journal(labelled: Labelled) -> Labelled:
    """A place belongs with a publisher: one that runs straight on from the container,
    with no mark between and no publisher anywhere, is the end of the journal's name
    ("Proc Natl Acad Sci USA 2021: 2391-2403")."""
    tokens, labels = labelled.tokens, list(labelled.labels)
    if "publisher" in labels or "place" not in labels:
        return labelled
    start = labels.index("place")
    if start == 0 or labels[start - 1] != "container":
        return labelled
    end = start
    while end < len(labels) and labels[end] == "place":
        labels[end] = "container"
        end += 1
    if "place" in labels[end:]:
        return labelled
    return Labelled(tokens, labels, labelled.confidence)


_STOPS = frozenset(".;")
_NUMBERS = frozenset({"volume", "issue", "number", "pages", "year"})
# Words that end a title when the model left them unlabelled after it.
_TITLE_ENDS = CUE_WORDS | {"arxiv", "isbn", "issn", "pmid", "pmcid"}


def _is_free_word(token_text: str, label: str) -> bool:
    """An unlabelled word that no style prints as a connective ("In", "pp", "doi")."""
    return label == OTHER and token_text.isalpha() and token_text.lower() not in CUE_WORDS


def _title_goes_on(tokens: list, labels: list[str], start: int) -> None:
    """Styles set a punctuation mark (or "In") between a title and what follows it:
    a container that begins on the title's next word, with nothing between, is the
    rest of the title ("Data | analysis using regression models.")."""
    end = start
    while end + 1 < len(labels) and labels[end + 1] == "title":
        end += 1
    after = end + 1
    if after >= len(labels) or labels[after] != "container" or not tokens[after].text.isalpha():
        return
    if not tokens[end].text.isalnum() or tokens[after].text[0].isupper():
        return  # a title closed by a mark, or a capitalised word that may start a name
    probe = after
    while probe < len(labels) and labels[probe] == "container":
        labels[probe] = "title"
        probe += 1


def mend_title(labelled: Labelled) -> Labelled:
    """Every reference has one title, printed in one piece: words the model left
    unlabelled (or took for a number) right before the title's first run belong to
    it ("Study number 17 of village governance"), and with no title at all, the
    longest unlabelled stretch of words is the title ("Hostile <img ...> Title")."""
    tokens, labels = labelled.tokens, list(labelled.labels)
    if "title" in labels:
        start = labels.index("title")
        _title_goes_on(tokens, labels, start)
        probe = start - 1  # back over unlabelled words, and numbers between words
        while probe >= 0:
            text, label = tokens[probe].text, labels[probe]
            word = label == OTHER and text.isalpha()
            inner_number = (
                label in _NUMBERS
                and text.isdigit()
                and probe > 0
                and labels[probe - 1] == OTHER
                and tokens[probe - 1].text.isalpha()
            )
            if not (word or inner_number):
                break
            probe -= 1
        for index in range(probe + 1, start):
            labels[index] = "title"
        end = start  # on over the title's run and what the model left unlabelled in it
        # A place is printed beside its publisher and set off by a mark; a "place" with
        # no publisher that follows the title's words with no mark between is the title.
        lone_place = "publisher" not in labels and "school" not in labels
        while end + 1 < len(labels) and (
            labels[end + 1] in ("title", OTHER)
            or (lone_place and labels[end + 1] == "place" and tokens[end].text not in ".,;:")
        ):
            following = tokens[end + 1]
            if labels[end + 1] == OTHER and (
                following.text in _STOPS | {","}
                or following.text.lower() in _TITLE_ENDS
                or (following.text in "([" and following.start > tokens[end].end)
            ):
                break  # a stop, a connective, or a parenthesis set apart: a note follows
            end += 1
        if "title" not in labels[end + 1 :]:  # only a run that ends the title
            while end > start and labels[end] == OTHER and not tokens[end].text.isalnum():
                end -= 1
            for index in range(start, end + 1):
                labels[index] = "title"
        return Labelled(tokens, labels, labelled.confidence)
    best: tuple[int, int, int] = (0, 0, 0)  # (words, start, end)
    index = 0
    while index < len(tokens):
        if labels[index] != OTHER or tokens[index].text in _STOPS:
            index += 1
            continue
        end = index
        while (
            end + 1 < len(tokens)
            and labels[end + 1] == OTHER
            and tokens[end + 1].text not in _STOPS
        ):
            end += 1
        words = sum(_is_free_word(tokens[k].text, labels[k]) for k in range(index, end + 1))
        if words > best[0]:
            best = (words, index, end)
        index = end + 1
    words, start, end = best
    if words >= 2:
        while start <= end and not tokens[start].text.isalnum():
            start += 1
        while end >= start and not tokens[end].text.isalnum() and tokens[end].text not in "?!":
            end -= 1
        for index in range(start, end + 1):
            labels[index] = "title"
    return Labelled(tokens, labels, labelled.confidence)


_ONE_PIECE = frozenset(
    {"title", "container", "author", "editor", "publisher", "volume", "issue", "pages"}
)


def scattered(labels: list[str]) -> list[str]:
    """Fields the labels cut into more than one piece (a year may come twice)."""
    pieces: dict[str, int] = {}
    previous = None
    for label in labels:
        if label != OTHER and label != previous:
            pieces[label] = pieces.get(label, 0) + 1
        if label != OTHER:
            previous = label
    return [label for label, count in pieces.items() if count > 1 and label in _ONE_PIECE]


# In order: who edited and which number is the issue first, since the title mends
# read the labels around the names and numbers; one title in one piece last.
LABEL_MENDS = (
    edited_by_the_names,
    second_volume_is_the_issue,
    place_glued_to_the_journal,
    names_before_year,
    second_title_is_the_book,
    mend_title,
)
