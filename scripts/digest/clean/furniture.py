"""Running heads, running feet and page numbers: found by repetition, removed.

A page's furniture sits at its edges and repeats from page to page with only
its numbers changing ("Journal of Rural Studies, Vol. 3" / "Page 4 of 12").
So the first and last lines of every page are compared across pages, with
digits masked: a line that recurs at the edges of enough pages is furniture,
and so is a bare page number at an edge. Nothing is removed on a text without
page breaks except exact repeats of a short line standing alone, because
without pages a lone number may just as well be a section number.

Removing the furniture between two pages also removes the blank lines around
it, so that a sentence the page break cut is joined again by the ordinary
paragraph rules.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from digest.clean.columns import RawLine
from digest.clean.numbering import LINE_CACHE, parse_number
from digest.clean.sentences import set_in_capitals

# How many non-blank lines at the top and at the bottom of a page may be furniture.
EDGE_LINES = 3
# A line is a running head or foot when it recurs at the edges of this share of pages
# (and of at least two pages): alternate pages often carry different heads.
MIN_PAGE_SHARE = 0.3
MAX_FURNITURE_LENGTH = 120
# A line of this many words ending in a full stop reads as a sentence; as furniture it
# must recur on this share of the pages.
SENTENCE_WORDS = 6
SENTENCE_PAGE_SHARE = 0.5
# Without page breaks: an exact short line standing alone this many times.
MIN_REPEATS_WITHOUT_PAGES = 3
# ... and a running line recurs this many lines apart at least (a page), with at most
# this many words.
MIN_PAGE_GAP = 15
MAX_RUNNING_WORDS = 12
# A recurring part of changing running heads: this many words, this many capitalised.
MIN_AFFIX_WORDS = 3
MAX_AFFIX_WORDS = 6
MIN_AFFIX_CAPITALS = 2
# A running head abbreviates the title: the first page's lines that are compared with it,
# without quotation marks (a head set in another font turns 'Two' into ’Two).
OPENING_LINES = 6
_QUOTES = re.compile("[\"'‘’“”]")
# ... recurring on this many pages suffices even in a long text: chapters' first pages
# and odd pages often print other heads.
MIN_AFFIX_PAGES = 3
# In a head set in capitals, prose's words cannot pass for the recurring part: two
# words suffice ("CHAPTER 2." of "CHAPTER 2. LITERATURE REVIEW").
MIN_CAPITALS_AFFIX_WORDS = 2

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+|p\.\s*)?(?:[-–—]\s*)?(?:#+|[ivxlcdm]+)(?:\s*[-–—])?(?:\s+of\s+#+)?$"
)

# The most words ``_PAGE_NUMBER`` reads: "Page - 12 - of 30".
MAX_PAGE_NUMBER_WORDS = 6


# A short line with a number at one end only ("Who Governs the Villages 7", "12 Li and
# Wang"), a running head that carries the page's number.
_NUMBERED_HEAD = re.compile(r"^(?:(?P<before>\d{1,4})\s+\D+|\D+\s(?P<after>\d{1,4}))$")


_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=LINE_CACHE)
def furniture_key(text: str) -> str:
    """The shape of a line with its numbers masked: 'Vol. 3, p. 12' -> 'vol. #, p. #'.
    (Cached: the edges' lines are compared again and again.)"""
    masked = _DIGITS.sub("#", text.lower())
    return _SPACES.sub(" ", masked).strip()


def page_number(text: str) -> int | None:
    """The number a page-number line prints ("12", "- 12 -", "Page 12 of 30"), else None."""
    if len(text.split()) > MAX_PAGE_NUMBER_WORDS:
        return None  # a line of prose (asked of every line that holds a digit)
    if not _PAGE_NUMBER.match(furniture_key(text)):
        return None
    digits = _DIGITS.search(text)
    return int(digits.group()) if digits else None


def _page_numbering(
    pages: list[list[RawLine]], content: list[list[int]]
) -> tuple[int | None, set[str]]:
    """How printed page numbers relate to page positions, and at which edge they stand.

    A bare number at a page's edge is a page number only when it fits the count of
    the other pages' numbers and stands where they stand: a section number "2" at
    the top of page 2 fits the count, but the page numbers are at the bottom.
    """
    offsets: Counter[tuple[int, str]] = Counter()
    for position, (page, indexes) in enumerate(zip(pages, content, strict=True)):
        found: set[tuple[int, str]] = set()
        for edge, run in (("top", indexes[:EDGE_LINES]), ("bottom", indexes[-EDGE_LINES:])):
            for index in run:
                number = page_number(page[index].text.strip())
                if number is not None:
                    found.add((number - position, edge))
        offsets.update(found)
    if not offsets:
        return None, set()
    needed = max(2, MIN_PAGE_SHARE * len(pages))
    best_offset = max(
        {offset for offset, _ in offsets},
        key=lambda o: (offsets[(o, "top")] + offsets[(o, "bottom")], o),
    )
    edges = {edge for edge in ("top", "bottom") if offsets[(best_offset, edge)] >= needed}
    if not edges:
        return None, set()
    if len(edges) == 2:  # both edges fit: keep the one most pages use (or both if alike)
        top, bottom = offsets[(best_offset, "top")], offsets[(best_offset, "bottom")]
        edges = {"top"} if top > 1.5 * bottom else {"bottom"} if bottom > 1.5 * top else edges
    return best_offset, edges


def _head_page_number(text: str) -> int | None:
    """The number a running head prints at one end ("Who Governs the Villages 7"),
    else None: not a caption's label alone ("Table 3"), nor a heading's number
    ("3 Findings and Discussion")."""
    match = _NUMBERED_HEAD.match(text)
    if match is None or not 3 <= len(text.split()) <= MAX_RUNNING_WORDS:
        return None
    if parse_number(text) is not None:
        return None
    return int(match["before"] or match["after"])


def _lone_folios(
    pages: list[list[RawLine]],
    content: list[list[int]],
    needed: float,
    offset: int | None,
    folio_edges: set[str],
) -> set[tuple[int, int]]:
    """(page, line) of page numbers standing where the other pages print none.

    A page in another style (the first, in a "plain" style) prints its number alone
    at its foot while the rest print theirs at the top, or in a running head ("Grid
    Management 2"): a bare number at such a page's very edge that fits the others'
    count is its number.
    """
    numbered: set[int] = set()  # pages that print their number where the others do
    if offset is None:
        heads: dict[int, set[int]] = {}  # offset (number - page position) -> pages
        for position, (page, indexes) in enumerate(zip(pages, content, strict=True)):
            for index in indexes[:EDGE_LINES] + indexes[-EDGE_LINES:]:
                number = _head_page_number(page[index].text.strip())
                if number is not None:
                    heads.setdefault(number - position, set()).add(position)
        if not heads:
            return set()
        offset, numbered = max(heads.items(), key=lambda item: (len(item[1]), item[0]))
        if len(numbered) < needed:
            return set()
    else:
        for position, (page, indexes) in enumerate(zip(pages, content, strict=True)):
            for edge, run in (("top", indexes[:EDGE_LINES]), ("bottom", indexes[-EDGE_LINES:])):
                if any(_is_folio(page[i].text, edge, position, offset, folio_edges) for i in run):
                    numbered.add(position)
    found: set[tuple[int, int]] = set()
    for position, (page, indexes) in enumerate(zip(pages, content, strict=True)):
        if position in numbered or not indexes:
            continue
        for index in {indexes[0], indexes[-1]}:
            text = page[index].text.strip()
            if text.isdigit() and int(text) == position + offset:
                found.add((position, index))
    return found


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(digits) for digits in _DIGITS.findall(text))


def _numbers_like_furniture(seen: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Each number of a running head stays the same ("Vol. 3") or follows the pages ("p. 12").

    A line whose numbers count something else ("Chapter 1" ... "Chapter 4" at the top
    of the pages where chapters start) is not furniture, however often it recurs.
    """
    lengths = {len(values) for _, values in seen}
    if len(lengths) != 1:
        return False
    for slot in range(lengths.pop()):
        values = [(position, found[slot]) for position, found in seen]
        constant = len({value for _, value in values}) == 1
        paged = len({value - position for position, value in values}) == 1
        if not (constant or paged):
            return False
    return True


def remove_furniture(
    pages: list[list[RawLine]], keep: frozenset[int] = frozenset()
) -> tuple[list[list[RawLine]], list[RawLine]]:
    """(the pages without furniture, the furniture lines dropped), pages as printed.

    Works on the printed order of each page, before columns are resolved: a running
    head split by the gutter ("Journal ...   Vol. 3") is still one line at the top.
    ``keep``: source lines known to be no furniture (set in a heading's large type).
    """
    if len(pages) < 2:
        return _remove_repeats(pages)
    content = [[i for i, line in enumerate(page) if line.text.strip()] for page in pages]
    edges = [indexes[:EDGE_LINES] + indexes[-EDGE_LINES:] for indexes in content]
    recurring: Counter[str] = Counter()
    numbers: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for position, (page, indexes) in enumerate(zip(pages, edges, strict=True)):
        keys = {furniture_key(page[i].text): page[i].text for i in indexes}
        recurring.update(keys.keys())
        for key, text in keys.items():
            numbers.setdefault(key, []).append((position, _numbers(text)))
    for key, seen in numbers.items():
        if not _numbers_like_furniture(seen):
            recurring[key] = 0  # "Chapter 1" ... "Chapter 4": a count of its own, not pages
    needed = max(2, MIN_PAGE_SHARE * len(pages))
    affixes = _recurring_affixes(
        [
            [page[i].text.strip() for i in indexes]
            for page, indexes in zip(pages, edges, strict=True)
        ],
        min(needed, MIN_AFFIX_PAGES),
    )
    offset, folio_edges = _page_numbering(pages, content)
    folios = _lone_folios(pages, content, needed, offset, folio_edges)
    opening = _opening(pages[0], content[0])
    kept_pages: list[list[RawLine]] = []
    dropped: list[RawLine] = []
    for page_index, (page, indexes) in enumerate(zip(pages, content, strict=True)):
        remove: set[int] = set()
        for edge, run in (("top", indexes[:EDGE_LINES]), ("bottom", indexes[-EDGE_LINES:][::-1])):
            inward_all = indexes if edge == "top" else indexes[::-1]
            for index in run:  # from the edge inwards; stop at the first real line
                if page[index].number in keep:
                    break
                text = page[index].text.strip()
                key = furniture_key(text)
                number = page_number(text)
                folio = _is_folio(page[index].text, edge, page_index, offset, folio_edges)
                folio = folio or (page_index, index) in folios
                # A bare number repeats at every edge once masked: only the count decides.
                running = number is None and recurring[key] >= _needed(text, needed, pages)
                # Running heads abbreviate the title that the first page prints whole
                # ("Between Mobilisation and Routine" / "...: Neighbourhood"): there
                # a shared beginning alone does not make a line a running head.
                running = running or (page_index > 0 and _carries_affix(text, affixes))
                if not (folio or running) and page_index > 0 and edge == "top":
                    # A short paper's head is printed too few times to recur: it is
                    # known by abbreviating the title of the first page, and the lines
                    # above it at the page's top (the journal's name) belong to it.
                    head = run[run.index(index) :]
                    running = any(_abbreviates(page[i].text, opening) for i in head)
                if not (folio or running) and _is_capitals(text) and len(run) > 1:
                    # A running head in capitals wrapped over two lines: its first line
                    # goes when the next one carries the recurring part.
                    inward = run[run.index(index) + 1 :]
                    running = bool(inward) and _carries_affix(page[inward[0]].text.strip(), affixes)
                if len(text) > MAX_FURNITURE_LENGTH or not (folio or running):
                    # The page's number, just inside a line the extractor put before it
                    # (a heading's number): still the page's number, if the page shows
                    # no other.
                    after = inward_all.index(index) + 1
                    numbered = any(
                        _is_folio(page[i].text, side, page_index, offset, folio_edges)
                        for i in remove
                        for side in ("top", "bottom")
                    )
                    if (
                        not numbered
                        and after < len(inward_all)
                        and _is_folio(
                            page[inward_all[after]].text, edge, page_index, offset, folio_edges
                        )
                    ):
                        remove.add(inward_all[after])
                    break
                remove.add(index)
        dropped.extend(page[i] for i in sorted(remove))
        kept = [line for i, line in enumerate(page) if i not in remove]
        # The blank lines around a page break are padding, not a paragraph break.
        while kept and not kept[0].text.strip():
            kept.pop(0)
        while kept and not kept[-1].text.strip():
            kept.pop()
        kept_pages.append(kept)
    return kept_pages, dropped


def _opening(page: list[RawLine], indexes: list[int]) -> tuple[str, ...]:
    """The first page's opening lines joined from each line on (digits masked): the
    title, its authors, whatever heads the paper, as running heads abbreviate them."""
    lines = [_unquoted(furniture_key(page[i].text)) for i in indexes[:OPENING_LINES]]
    return tuple(" ".join(lines[start:]) for start in range(len(lines)))


def _unquoted(key: str) -> str:
    """Without quotation marks: a head set in another font turns 'Two' into ’Two."""
    return _QUOTES.sub("", key)


def _abbreviates(text: str, opening: tuple[str, ...]) -> bool:
    """Is the line the beginning of the title (or of a line after it), cut short? Or
    is its right-hand part one, set apart by a gap ("Journal of Grassroots Governance
    Studies   Party Building Empowering Rural": a PDF reader joins the two halves of a
    head printed on one baseline)?"""
    halves = _HEAD_GAP.split(text.strip())
    if len(halves) > 1 and _abbreviates(halves[-1], opening):
        return True
    key = _unquoted(furniture_key(text))
    if len(key.split()) < MIN_AFFIX_WORDS or _reads_as_sentence(text.strip()):
        return False
    return any(joined.startswith(key) and len(joined) > len(key) for joined in opening)


# The gap between a running head's left and right halves on one line.
_HEAD_GAP = re.compile(r"\s{3,}")


def _is_folio(
    text: str, edge: str, page_index: int, offset: int | None, folio_edges: set[str]
) -> bool:
    """Is the line this page's printed number, by the text's page numbering?"""
    number = page_number(text.strip())
    return (
        number is not None
        and edge in folio_edges
        and offset is not None
        and number - page_index == offset
    )


@lru_cache(maxsize=LINE_CACHE)
def _affixes(text: str) -> frozenset[tuple[str, str]]:
    """The line's first and last few words (digits masked), as running parts may be.
    (Cached: each edge line is asked for them again for every test.)"""
    words = furniture_key(text).split()
    smallest = MIN_CAPITALS_AFFIX_WORDS if _is_capitals(text) else MIN_AFFIX_WORDS
    found: set[tuple[str, str]] = set()
    for size in range(smallest, min(MAX_AFFIX_WORDS, len(words) - 1) + 1):
        found.add(("start", " ".join(words[:size])))
        found.add(("end", " ".join(words[-size:])))
    return frozenset(found)


def _recurring_affixes(edges: list[list[str]], needed: float) -> set[tuple[str, str]]:
    """Parts of running heads that recur while the rest of the line changes: the
    journal's name after a chapter's title ("CHAPTER 2. FINDINGS Policy and Society
    Quarterly"). Only capitalised parts count: a phrase that ends lines of prose
    ("in the village") is no running head, however often it recurs."""
    pages_with: Counter[tuple[str, str]] = Counter()
    rests: dict[tuple[str, str], set[str]] = {}
    for texts in edges:
        pages_with.update({affix for text in texts for affix in _affixes(text)})
        for text in texts:
            key = furniture_key(text)
            for affix in _affixes(text):
                rest = key[len(affix[1]) :] if affix[0] == "start" else key[: -len(affix[1])]
                rests.setdefault(affix, set()).add(rest.strip())
    # The rest of the line must change: the same line throughout is a plain running
    # head (found by its own recurrence), and sections that share a title
    # ("2.3 Fiscal Capacity", "4.1 Fiscal Capacity") differ only in their numbers.
    return {
        affix
        for affix, count in pages_with.items()
        if count >= needed
        and len(rests[affix]) > 1
        and (
            # (A part shorter than prose's is taken from heads in capitals only.)
            len(affix[1].split()) < MIN_AFFIX_WORDS
            or _capitalised_words(affix[1], edges) >= MIN_AFFIX_CAPITALS
        )
    }


def _capitalised_words(masked: str, edges: list[list[str]]) -> int:
    """How many words of a (lower-cased) affix start with a capital where it is printed."""
    for texts in edges:
        for text in texts:
            if masked in furniture_key(text):
                position = furniture_key(text).index(masked)
                printed = re.sub(r"\s+", " ", text.strip())[position : position + len(masked)]
                return sum(1 for word in printed.split() if word[:1].isupper())
    return 0


def _carries_affix(text: str, affixes: set[tuple[str, str]]) -> bool:
    return bool(affixes) and not _affixes(text).isdisjoint(affixes)


def _is_capitals(text: str) -> bool:
    return len(text.split()) >= 2 and set_in_capitals(text)


def _needed(text: str, needed: float, pages: list[list[RawLine]]) -> float:
    """On how many pages' edges a line must recur to be furniture. A sentence (a
    footnote that two pages happen to share) must recur on half the pages: a
    banner printed on every page still does, a note repeated once does not."""
    sentence = _reads_as_sentence(text)
    # A line in lower case is the end of a sentence ("governance."), not a head.
    if sentence or text[:1].islower():
        return max(needed, 3, SENTENCE_PAGE_SHARE * len(pages))
    return needed


def _reads_as_sentence(text: str) -> bool:
    return text.endswith(".") and len(text.split()) >= SENTENCE_WORDS


def _remove_repeats(pages: list[list[RawLine]]) -> tuple[list[list[RawLine]], list[RawLine]]:
    """No pages known: drop only exact repeats of a short line that stands alone."""
    lines = pages[0] if pages else []

    def alone(index: int) -> bool:
        before = index == 0 or not lines[index - 1].text.strip()
        after = index + 1 == len(lines) or not lines[index + 1].text.strip()
        return before and after

    texts = [line.text.strip() for line in lines]
    counts = Counter(text for index, text in enumerate(texts) if text and alone(index))
    remove = {
        index
        for index, text in enumerate(texts)
        if text
        and alone(index)
        and counts[text] >= MIN_REPEATS_WITHOUT_PAGES
        and len(text) <= MAX_FURNITURE_LENGTH
        and not re.search(r"[.!?]$", text)
        and not re.fullmatch(r"[\d.]+", text)  # a lone number may be a section's
    }
    remove |= _page_number_run(texts)
    remove |= _printed_page_numbers(texts)
    remove |= _numbers_before_headings(texts)
    numbers = set(remove)
    remove |= _running_lines(texts, numbers)
    remove |= _running_heads_by_affix(texts, numbers)
    remove |= _running_heads_with_numbers(texts)
    kept = [line for index, line in enumerate(lines) if index not in remove]
    return [kept], [lines[index] for index in sorted(remove)]


def _numbers_before_headings(texts: list[str]) -> set[int]:
    """Without page breaks: a bare number just before a heading that prints its own
    number ("1" / "Chapter 2", "2" / "2. Findings"), after a finished sentence, is the
    foot of the page the heading's section does not start on."""
    written = [index for index, text in enumerate(texts) if text]
    remove: set[int] = set()
    for before, index, after in zip(written, written[1:], written[2:], strict=False):
        if not re.fullmatch(r"\d{1,4}", texts[index]):
            continue
        numbered = parse_number(texts[after])
        if numbered is None or not (numbered[1] or numbered[0].scheme == "chapter"):
            continue  # (a bare "3" before "Findings" is the heading's own number)
        if not re.search(r"[.!?][”’\")]?$", texts[before]):
            continue
        remove.add(index)
    return remove


def _printed_page_numbers(texts: list[str]) -> set[int]:
    """Without page breaks: "Page 2 of 12", "p. 3", "- 4 -" counting up are page numbers
    (bare numbers are left to ``_page_number_run``: they may be sections' numbers)."""
    found = [
        (index, number)
        for index, text in enumerate(texts)
        if text
        and not text.isdigit()
        and re.search(r"\d", text)
        and (number := page_number(text)) is not None
    ]
    counting = [
        index
        for position, (index, number) in enumerate(found)
        if any(abs(other - number) == 1 for _, other in found[:position] + found[position + 1 :])
    ]
    return set(counting)


def _running_lines(texts: list[str], page_ends: set[int]) -> set[int]:
    """Without page breaks: a running head or foot, the same short line again and again.

    It recurs at least three times, pages apart; or twice, each time next to a
    page number already found, since a short paper has few pages.
    """
    places: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        short = text and len(text.split()) <= MAX_RUNNING_WORDS and len(text) <= 120
        if short and not re.search(r"[.!?:]$", text) and not re.fullmatch(r"[\d.]+", text):
            places.setdefault(text, []).append(index)
    remove: set[int] = set()
    for indexes in places.values():
        # Pages apart, most times (a short last page may bring two closer).
        gaps = sorted(b - a for a, b in pairwise(indexes))
        if len(indexes) < 2 or gaps[(len(gaps) - 1) // 2] < MIN_PAGE_GAP:
            continue
        numbers = [
            [near for near in range(index - 2, index + 3) if _page_like(texts, near, page_ends)]
            for index in indexes
        ]
        if len(indexes) >= MIN_REPEATS_WITHOUT_PAGES or all(numbers):
            remove.update(indexes)
            # A bare number beside each time is the page's number.
            remove.update(near for found in numbers for near in found if texts[near].isdigit())
    return remove


def _running_heads_by_affix(texts: list[str], page_ends: set[int]) -> set[int]:
    """Without page breaks: running heads with a recurring part and a changing one
    ("CHAPTER 2. FINDINGS Policy and Society Quarterly"), known by standing next to a
    page number, with that number (and a first line in capitals, when the head wraps)."""
    beside = {
        index
        for end in range(len(texts))
        if _page_like(texts, end, page_ends)
        for index in (end - 1, end + 1)
        if 0 <= index < len(texts)
        and texts[index]
        and not _page_like(texts, index, page_ends)
        # (a reference entry beside the page's number shares its journal with others)
        and not _reads_as_sentence(texts[index])
    }
    candidates = sorted(beside | {index + 1 for index in beside if index + 1 < len(texts)})
    affixes = _recurring_affixes([[texts[index]] for index in candidates], 2)
    remove: set[int] = set()
    for index in sorted(beside):
        lines = [index, index + 1] if _is_capitals(texts[index]) else [index]
        carrier = next(
            (i for i in lines if i < len(texts) and _carries_affix(texts[i], affixes)), None
        )
        if carrier is None:
            continue
        remove.update(range(index, carrier + 1))
        remove.update(
            near
            for near in (index - 1, carrier + 1)
            if 0 <= near < len(texts) and texts[near].isdigit()
        )
    return remove


def _running_heads_with_numbers(texts: list[str]) -> set[int]:
    """Without page breaks: a running head that prints the page's number in its line
    ("Who Governs the Villages 7"), its words the same each time and its number going
    up with the pages, one page's length of lines per number."""
    places: dict[str, list[tuple[int, int]]] = {}
    for index, text in enumerate(texts):
        number = _head_page_number(text)
        if number is not None:
            places.setdefault(furniture_key(text), []).append((index, number))
    remove: set[int] = set()
    for found in places.values():
        if len(found) < MIN_REPEATS_WITHOUT_PAGES:
            continue
        steps = [(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(found)]
        if any(pages <= 0 for _, pages in steps):
            continue  # numbers that do not go up are no page numbers
        per_page = sorted(lines / pages for lines, pages in steps)
        usual = per_page[len(per_page) // 2]
        regular = sum(0.5 * usual <= value <= 1.5 * usual for value in per_page)
        if usual >= MIN_PAGE_GAP and regular >= 0.75 * len(per_page):
            remove.update(index for index, _ in found)
    return remove


def _page_like(texts: list[str], index: int, page_ends: set[int]) -> bool:
    """A page number found already, or a bare number that may be one."""
    if index in page_ends:
        return True
    return 0 <= index < len(texts) and re.fullmatch(r"\d{1,4}", texts[index]) is not None


def _page_number_run(texts: list[str]) -> set[int]:
    """Without page breaks: lone numbers 1, 2, 3 ... at regular intervals are page numbers.

    Section numbers standing alone also count upwards, but sections differ in length;
    pages do not (the last page aside).
    """
    lone = [
        (index, int(text)) for index, text in enumerate(texts) if re.fullmatch(r"\d{1,4}", text)
    ]
    best: list[int] = []
    for start in range(len(lone)):
        run = [start]
        for position in range(start + 1, len(lone)):
            if lone[position][1] == lone[run[-1]][1] + 1:
                run.append(position)
        if len(run) > len(best):
            best = run
    if len(best) < MIN_REPEATS_WITHOUT_PAGES + 1:
        return set()
    gaps = [lone[b][0] - lone[a][0] for a, b in pairwise(best)]
    regular = sorted(gaps[:-1]) if len(gaps) > 2 else sorted(gaps)
    median = regular[len(regular) // 2]
    if median < 10 or max(regular) > 1.3 * median or min(regular) < 0.7 * median:
        return set()
    return {lone[position][0] for position in best}


def forget_lines() -> None:
    """Empty this module's per-line caches (a new text begins)."""
    furniture_key.cache_clear()
    _affixes.cache_clear()
