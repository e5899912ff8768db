"""Items a paragraph marks at its start or counts inside itself.

Markers ("(1)", "1)", "①", "a."), run-in labels (bold, italic, or closed by a colon or
a dash), headline sentences that lead paragraphs explaining them, and markers counting
up inside one paragraph, going on in the paragraphs after it. Also what labels an
item, and which gold source (``numbered``, ``runin``, ``list``) it counts as.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from digest.clean.numbering import numeral_value
from digest.clean.sentences import NOTE_MARK, first_sentence, starts_lowercase
from digest.compare.counting import ANY_COUNT, first_clause, first_sentence_of
from digest.compare.enumerations import ADDING, CLOSE, NEXT, ORDINAL, SENTENCE_START
from digest.compare.kinds import kind_number_end, named_kind
from digest.compare.outline import Section, counted_item, paragraph_text, section_number
from digest.model import Item, Paragraph

# A headline sentence is short, and does not open the way a paragraph of running
# prose does: with a pronoun, a connective or a frame for what follows.
_MAX_HEADLINE_WORDS = 12


_PROSE_OPENINGS = frozenset(
    """this these that those it its they their there we our us he she his her here
    however but and so thus therefore hence also moreover furthermore besides then
    in on at as for from by with to of after before since when while although though
    if because such some many most all none neither each both one two three several according
    overall generally first firstly second secondly finally lastly""".split()
)


# Markers inside a paragraph, at a sentence's start: "... one another. ① The reform ...
# ② Redevelopment is ...". Each scheme's n-th marker, for counting them in order.
# Or after a colon or semicolon, in one sentence: "three reasons: (1) incomes lag ...;
# (2) the systems answer to different superiors; (3) ...". A bracketed number may
# stand anywhere in the sentence: "the committee should (1) bring ...; and (4) relieve".
_INLINE_MARKER = re.compile(
    rf"(?:{SENTENCE_START}(?=\S+\s+[A-Z“\"])|(?<=[:;]\s)|(?<=\s)(?=\(|[ivx]{{1,4}}\)))"
    r"(?P<marker>[\u2460-\u2473]|\((?:\d{1,2}|[a-h]|[ivx]{1,4})\)|(?:\d{1,2}|[a-h]|[ivx]{1,4})\))"
    r"\s+(?=\S)"
)


def _marker_value(marker: str) -> tuple[str, int]:
    """("circled", 2) for "②", ("paren-digit", 2) for "(2)", ("letter", 2) for "b)",
    ("roman", 2) for "(ii)"."""
    if "\u2460" <= marker <= "\u2473":
        return "circled", ord(marker) - 0x2460 + 1
    marker = marker.replace("（", "(").replace("）", ")")  # (full-width: "（2）")
    core = marker.strip("().")  # (a paragraph's own marker may close on a stop: "a.")
    if core and set(core) <= set("ivx"):  # only "(i)" ... "(x)" are read as roman
        return "roman", numeral_value(core) or 0
    digit = core.isdigit()
    scheme = ("paren-" if marker.startswith("(") else "") + ("digit" if digit else "letter")
    if not digit and not (len(core) == 1 and core.isalpha()):
        return "other", 0
    return scheme, int(core) if digit else ord(core.lower()) - ord("a") + 1


def inline_numbered_items(section: Section, kind: str) -> list[Item]:
    """Items numbered inside one paragraph ("① ... ② ... ③ ..."): a run of markers of
    one scheme counting up from one, each at a sentence's start, going on in the
    paragraphs after it; two at least."""
    for index, paragraph in section.paragraphs:
        first = next(
            (
                _marker_value(match.group("marker"))[0]
                for match in _INLINE_MARKER.finditer(paragraph.text)
                if _marker_value(match.group("marker"))[1] == 1
            ),
            None,
        )
        if first is None:
            continue
        items = _counting_on(section, kind, index, paragraph.text, first, 0)
        for later, following in section.paragraphs:
            if later <= index:
                continue
            # ("Two further problems concern ... (c) Owners ... (d) ...": the count goes
            # on inside a paragraph of its own)
            more = _counting_on(section, kind, later, following.text, first, len(items))
            if more:
                items.extend(more)
                continue
            source, label = _goes_on(following, (first, len(items) + 1))
            if source is None:
                break
            passage = paragraph_text(following)
            items.append(counted_item(section, kind, source, len(items), later, 0, label, passage))
        # (one marker inside the paragraph counts if the next paragraph opens on the
        # next: "... beyond fishing. ① Party building ..." / "② Migrant members ...")
        if len(items) >= 2:
            return items
    return []


def _counting_on(
    section: Section, kind: str, block: int, text: str, scheme: str, counted: int
) -> list[Item]:
    """The points of a paragraph whose inline markers go on counting after ``counted``
    points of ``scheme`` ("(c) ... (d) ..." after "(a) ... (b) ..."), each at a
    sentence's start; none if its first marker is not the next one."""
    run = []
    for match in _INLINE_MARKER.finditer(text):
        if _marker_value(match.group("marker")) == (scheme, counted + len(run) + 1):
            run.append(match)
    items = []
    for number, match in enumerate(run):
        end = run[number + 1].start() if number + 1 < len(run) else len(text)
        passage = text[match.start() : end]
        # ("... on the routes and iii) open ...": the "and" joins the next item)
        label = re.sub(r"[,;]?\s+(?:and|or)$", "", first_clause(text[match.end() : end]))
        at = match.start()
        items.append(
            counted_item(section, kind, "numbered", counted + number, block, at, label, passage)
        )
    return items


# A paragraph that adds a point to those counted before it: "In addition, the council
# has become ...", "Finally, ...".
_ADDS_A_POINT = re.compile(
    rf"^(?:{ADDING.pattern}|Finally{CLOSE}|Lastly{CLOSE}|Last but not least,)\s*"
)


def _goes_on(paragraph: Paragraph, next_marker: tuple[str, int]) -> tuple[str | None, str]:
    """Whether a paragraph after one whose markers counted the points is the next point,
    and (its source, its label): it opens on the next marker ("... (ii) The homes ..." /
    "(iii) The services ..."), on a run-in head of its own ("**Township oversight stops
    at the minute book.** The third cause ..."), or on words that add a point ("In
    addition, the council ...")."""
    if paragraph.marker is not None:
        if _marker_value(paragraph.marker) == next_marker:
            return "numbered", item_label(paragraph)
        return None, ""
    if paragraph.lead and not paragraph.list:
        return "runin", item_label(paragraph)
    adding = _ADDS_A_POINT.match(paragraph.text)
    if adding and not paragraph.list:
        return "enumeration", first_clause(paragraph.text[adding.end() :])
    return None, ""


def headline_items(section: Section, kind: str) -> list[Item]:
    """An item per paragraph that leads with a short sentence it then explains ("Set
    up joint Party organisations in industrial parks. Small firms can ..."): the style
    of papers that print no markers, and of a PDF whose font had no glyph for its
    circled numbers. Paragraphs before the first such one introduce them; every
    paragraph after it must be another or go on with a sentence (lower case: a column
    or a page cut it). Prose does not qualify: some paragraph of it opens with a long
    sentence, or with words that tie it to the one before."""
    paragraphs = [p for _, p in section.paragraphs]
    leads = [_leads_with_headline(p) for p in paragraphs]
    # (plain text may set the headline as a paragraph of its own: it filled less than a
    # line, and the explanation after it starts on the next one)
    alone = [
        not lead
        and following is not None
        and not _leads_with_headline(following)
        and _headline_alone(paragraph)
        for paragraph, lead, following in zip(
            paragraphs, leads, [*paragraphs[1:], None][: len(paragraphs)], strict=True
        )
    ]
    leads = [lead or by_itself for lead, by_itself in zip(leads, alone, strict=True)]
    if sum(leads) < 2:
        return []
    first = leads.index(True)
    # Among headlines, "Many family operators work outside the rules." is one more.
    opening = {
        id(p)
        for p, by_itself in zip(paragraphs[first:], alone[first:], strict=True)
        if by_itself or _leads_with_headline(p, among=True)
    }
    # (the points a paper adds after them in ordinal prose, "In addition, the town
    # should ...", are _mixed_points's)
    end = len(paragraphs)
    while end > first + 2 and re.match(NEXT, paragraphs[end - 1].text):
        end -= 1
    # (and a further group in a list, led in by a paragraph that counts it: "Two further
    # steps reach beyond the branch:" and two dashes)
    for position in range(first + 2, end):
        further = paragraphs[position + 1 : end]
        if _leads_in_further(paragraphs[position]) and all(p.list is not None for p in further):
            end = position
            break
    if not all(
        id(p) in opening
        or starts_lowercase(p.text)
        or _leads_in_further(p)
        or (position > first and alone[position - 1])  # (a headline alone's explanation)
        for position, p in enumerate(paragraphs[first:end], start=first)
    ):
        return []
    return marked_items(section, kind, lambda paragraph: id(paragraph) in opening)


def _headline_alone(paragraph: Paragraph) -> bool:
    """A paragraph that is one short sentence, as a headline is ("Train owners and
    packers through a joint branch with the egg association.")."""
    if paragraph.list or paragraph.quote or paragraph.marker or paragraph.lead:
        return False
    text = paragraph.text.strip()
    if not text.endswith((".", "?")) or first_sentence(text) is not None:
        return False
    return not ORDINAL.match(text) and bool(re.match(r"[A-Z]", text)) and _reads_as_headline(text)


def _leads_in_further(paragraph: Paragraph) -> bool:
    """A paragraph among headlines that counts the ones after it, leading in to them:
    "Two further steps reach beyond the branch:"."""
    text = paragraph.text.strip()
    return text.endswith(":") and ANY_COUNT.search(text) is not None


# A headline among headlines may open with a quantifier ("Many family operators work
# outside the rules."), which in running prose opens a paragraph as often.
_QUANTIFIER_OPENINGS = frozenset("some many most all each both several few".split())


def _leads_with_headline(paragraph: Paragraph, *, among: bool = False) -> bool:
    if paragraph.list or paragraph.quote or paragraph.marker:
        return False
    if paragraph.lead:
        return True  # a run-in head the cleaner found
    if ORDINAL.match(paragraph.text):
        return False  # "Another is ...": a point of an enumeration, which reads it whole
    if _colon_label(paragraph.text):
        return True
    split = first_sentence(paragraph.text)
    return split is not None and _reads_as_headline(split[0], among=among)


def _reads_as_headline(sentence: str, *, among: bool = False) -> bool:
    """Short, and not opening the way prose does (``among`` headlines, a quantifier may)."""
    words = sentence.split()
    opening = words[0].lower().rstrip(",;:")
    prose = opening in _PROSE_OPENINGS and not (among and opening in _QUANTIFIER_OPENINGS)
    return len(words) <= _MAX_HEADLINE_WORDS and not prose


def marked_items(
    section: Section, kind: str, opens_item: Callable[[Paragraph], bool]
) -> list[Item]:
    """An item per paragraph that ``opens_item``; the paragraphs after one continue it.
    A marker the count skips between two paragraphs ("① ... ③ ...") stands inside the
    first one, at a sentence's start: "① Members drop out ... ② Pay disputes ..."."""
    items: list[Item] = []
    for index, paragraph in section.paragraphs:
        if opens_item(paragraph):
            if paragraph.marker and items and items[-1].source == "numbered":
                items.extend(_skipped_points(section, kind, items, paragraph.marker))
            items.append(
                Item(
                    kind=kind,
                    label=item_label(paragraph),
                    passage=paragraph_text(paragraph),
                    section=section_number(section),
                    source=item_source(paragraph),
                    anchor=f"{kind}-{section.heading.anchor}-{len(items) + 1}",
                    block=index,
                )
            )
        elif items:  # a paragraph after an item, before the next, continues it
            items[-1].passage += " " + paragraph_text(paragraph)
    if items and items[-1].source in ("numbered", "list"):
        # ("③ A standing joint meeting ... ④ Apprentices should ...": the last
        # paragraph's count goes on inside it; "1) Most troupes ... 2) Branches ...",
        # which Markdown reads as a list of one item)
        items.extend(_skipped_points(section, kind, items))
    if items and items[0].source == "numbered":
        before = _points_before(section, kind, items[0])
        if before:
            items[:0] = before
            for number, item in enumerate(items):
                item.anchor = f"{kind}-{section.heading.anchor}-{number + 1}"
    return items


def _points_before(section: Section, kind: str, first: Item) -> list[Item]:
    """The points that the paragraph before the first numbered one counts inside itself,
    when they fill the count up to it ("... the same handful of troubles. ① Disputes
    ... ② The village branches ..." and then "③ Smallholders ..."); else none."""
    paragraph = dict(section.paragraphs)[first.block]
    if paragraph.marker is None:
        return []
    scheme, value = _marker_value(paragraph.marker)
    before = [(index, p) for index, p in section.paragraphs if index < first.block]
    if value <= 1 or not before:
        return []
    index, previous = before[-1]
    if previous.marker or previous.lead or previous.list is not None:
        return []
    points = _counting_on(section, kind, index, previous.text, scheme, 0)
    if len(points) != value - 1:
        return []
    # (not when the count also goes on inside a paragraph after the numbered ones: "(a)
    # ..." / "(b) ..." / "Two further problems ... (c) ... (d) ...", a run of inline
    # markers for inline_numbered_items to read whole)
    last = max(
        counted
        for marked, counted in (_marker_value(p.marker) for _, p in section.paragraphs if p.marker)
        if marked == scheme
    )
    if any(
        _counting_on(section, kind, block, p.text, scheme, last)
        for block, p in section.paragraphs
        if block > first.block and not p.marker
    ):
        return []
    return points


def _skipped_points(
    section: Section, kind: str, items: list[Item], marker: str | None = None
) -> list[Item]:
    """The points between the last item and the paragraph opening on ``marker`` that
    the last item's paragraph counts inside itself, cutting its passage short; none
    unless they fill the gap exactly (without ``marker``: the points it goes on
    counting, the last paragraph's)."""
    last = items[-1]
    paragraph = dict(section.paragraphs)[last.block]
    if paragraph.marker is None:
        return []
    scheme, value = _marker_value(paragraph.marker)
    next_scheme, next_value = _marker_value(marker) if marker else (scheme, None)
    if next_scheme != scheme or (next_value is not None and next_value <= value + 1):
        return []
    more = _counting_on(section, kind, last.block, paragraph.text, scheme, value)
    if not more or (next_value is not None and len(more) != next_value - value - 1):
        return []
    whole = paragraph_text(paragraph)
    head = whole[: len(whole) - len(paragraph.text)]  # (its marker and run-in head)
    last.passage = (head + paragraph.text[: more[0].offset]).strip()
    # (its first sentence ends where the next marker starts, whatever the stop before)
    last.label = item_label(replace(paragraph, text=paragraph.text[: more[0].offset].rstrip()))
    for number, item in enumerate(more):
        item.anchor = f"{kind}-{section.heading.anchor}-{len(items) + number + 1}"
    return more


# "Cross-appointment: qualified Party members were ...": a label closed by a colon or
# a dash ("Branches that exist only on the signboard — In nine of ..."), of a few
# words that do not open the way prose does ("The materials include:").
_COLON_LABEL = re.compile(r"([A-Z“\"][^:.;!?—–]{0,80}?)(?::|\s*[—–]|\s+-{1,2})\s+\S")


def _colon_label(text: str) -> str | None:
    match = _COLON_LABEL.match(text)
    if match is None or named_kind(text):
        return None  # ("Fix: a joint card ...": the kind's name, and the label after it)
    words = match.group(1).split()
    if len(words) > _MAX_HEADLINE_WORDS or words[0].lower() in _PROSE_OPENINGS:
        return None
    return match.group(1)


_CLOSING_MARKS = re.compile(rf"(?:\s*{NOTE_MARK})+$")


def item_label(paragraph: Paragraph) -> str:
    """The run-in label, else the first sentence, without its closing stop or colon,
    and without the kind and number that name it ("Dilemma Two — ...")."""
    lead = paragraph.lead
    text = paragraph.text
    if lead:
        # ("**Lesson 1: Follow the trade.**", or "**Countermeasure 2.** Fund the ...": the
        # label is the text's)
        lead = lead[kind_number_end(lead) :].strip()
        if not lead.rstrip(".:：;—– "):
            lead = None
    else:
        text = text[kind_number_end(text) :]
    label = lead or _colon_label(text) or first_sentence_of(text)
    # (a note's mark or citation closing it is the paper's reference, not its words:
    # "... each month [8].", "... a fixed evening.[^2]")
    return _CLOSING_MARKS.sub("", label.rstrip(".:：;")).rstrip(".:：;").strip()


def item_source(paragraph: Paragraph) -> str:
    if paragraph.list:
        return "list"
    return "numbered" if paragraph.marker else "runin"
