"""Find the problems, causes, paths and experiences a paper puts forward.

A section announces a kind by what its heading says (see kinds.py), whatever its
number ("3.", "III.", "C.", "Chapter 3", "(三)" or none) and at whatever level: a
section that announces nothing is searched for sub-sections that do ("3. Case
Analysis" / "3.2 Difficulties Encountered"), unless it is background (an
introduction, a literature review, a history).

Three sources, tried in this order for each announcing section:
1. sub-sections: "3. Difficulties ..." with 3.1-3.3 gives three items, labelled
   by their headings (sub-sections that announce a different kind, such as
   "3.3 Analysis of the Causes", keep their own kind);
2. numbered items and run-in heads: "1) Weak political and ideological
   guidance. ..." gives an item labelled by its first sentence, a bold or italic
   run-in label ("**Embed Party organisations.** ...") one labelled by itself;
   failing two of those, the items of a list, labelled by their run-in label or
   first sentence;
3. enumerations in prose: "One is ... The second is ...", "Firstly, ...
   Secondly, ...", "First, ... Second, ...", "First of all, ... In addition, ...
   Last but not least, ..." give an item per ordinal, labelled by its first clause;
   failing those, a count and as many clauses after a colon ("three causes: the
   branch has no standing ...; owners have no incentive ...; and ...").
Paragraphs that each lead with a short headline sentence or a label closed by a
colon and explain it ("Set up joint Party organisations in industrial parks. Small
firms ...", "Cross-appointment: Party members stood for ...") are items too,
labelled by that sentence or label, and win over run-in heads when they find more;
markers counting up inside one paragraph ("... ① The reform ... ② Redevelopment
...") are items when no paragraph holds a marker of its own, and the count goes on
in the paragraphs after it that open on its next marker.
A section that announces a kind but offers none of these is one item. A section
may mix styles: when the sentence leading in counts more points than one style gave,
ordinal prose before them ("To begin with, ... Moreover, ...") or paragraphs after them
that add a point ("In addition, ...", "A further problem is that ...") make up the
count, and so does a second group in a style of its own that a paragraph of its own
counts ("Two further measures concern ...:" and a list); a list of measures takes such a
paragraph after it when it prescribes. A sentence that counts a section's items names
their kind where the heading's words were a figure ("Behind the Camera: ..." / "...
points to three shortcomings"). Markers
go on counting in later paragraphs ("(c) ... (d) ...") and inside an item's paragraph
where the paragraphs' own markers skip a number ("① ... ② ..." / "③ ...").

Plain text loses the levels of unnumbered headings: a section of one paragraph that
closes by counting what it leads in to ("Three strains stand out.") takes in as many
unnumbered headings after it as its sub-sections, and a sub-heading that announces
another kind starts the next section.

A section whose heading names no kind in known words ("Where the Credit Link
Weakens") is read through its items: when most of their labels prescribe, they are paths;
when most name a deficit, problems (kinds.items_kind), or causes right after a section
of problems; failing that, by the kind the sentence leading in to them names last;
failing that, by their passages (which tell of troubles overcome as much as of
problems, and so come after the lead-in); failing that, by the words its items are
told in, when they are clearly those of one kind (kind_words.py,
learned from the dev papers); else it puts nothing forward. Its groups of sub-sections
are of one kind. An item that names its own kind ("Friction: ...", "Fix: ...") has that
kind, whatever its section's.

Labels tell things to do from things wrong, never lessons or causes from either: a
lead-in that counts the points and says others may take them up ("three of its
practices could be carried to other plants: ① ...") makes them experiences, in a case
section too, even one under a background heading ("Setting, Data and the Quanhe
Plant"), and after the points of a section of paths; one that refers back to the
problems just told and counts what lies behind them ("These shortfalls follow from
three conditions ...", "Why have these strains persisted? Three features ...") makes
them causes. A section's own points come before its sub-sections of another sort, and
its sub-sections take the kind its lead-in counts or announces as following ("the
following shortcomings recurred").

This module decides which sections hold which kind and which reading of a section
wins; the readers of one section's items live beside it, one job each: outline.py (the
tree of sections), counting.py (sentences and the counts they make), markers.py
(markers, run-in labels, headlines), enumerations.py (ordinal prose, counted series),
remedies.py (problems paired with their remedies).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from digest.clean.sentences import starts_lowercase
from digest.compare.counting import (
    ANY_COUNT,
    COUNT,
    COUNT_WORDS,
    SERIES_COUNT,
    count_kind,
    counted_at_close,
    counts_in_words,
    first_clause,
    first_sentence_of,
    last_sentence,
    sentence_counts,
    sentences_of,
    what_it_counts,
)
from digest.compare.enumerations import (
    FIRST,
    ORDINAL,
    ORDINAL_LEAD,
    SENTENCE_START,
    announced_series,
    clause_ordinal_items,
    enumerated_items,
    ordinal_value,
    points_after,
)
from digest.compare.kind_words import kind_by_words, load_kind_model
from digest.compare.kinds import (
    announced_kind,
    heading_kind,
    is_background,
    item_kind,
    items_kind,
    makes_a_claim,
    named_kind,
)
from digest.compare.markers import headline_items, inline_numbered_items, item_label, marked_items
from digest.compare.outline import (
    SAME_SIDE,
    Section,
    counted_item,
    heading_item,
    outline,
    paragraph_text,
)
from digest.compare.remedies import problem_and_remedy, remedies_between, with_paired_remedies
from digest.compare.theme_words import WordModel
from digest.model import Document, Item, Paragraph

# What reads the kind of a section's items when nothing else tells it (None: no kind).
KindReader = Callable[[list[Item]], str | None]


def extract_items(
    doc: Document, *, kind_model: WordModel | bool | None = True, unread: KindReader | None = None
) -> list[Item]:
    """The items of the paper's sections, each read knowing what the one before put
    forward (see _items_by_content). ``kind_model`` reads the kind of a section that
    nothing else tells (kind_words.py): the shipped one when True, none when False or
    None; or ``unread`` is given those sections' items, and says their kind (the kind
    model's training collects them with it)."""
    model = load_kind_model() if kind_model is True else kind_model or None
    if unread is not None:
        reader = unread
    elif model is not None:
        reader = partial(kind_by_words, model=model)
    else:
        reader = _unread
    items: list[Item] = []
    before: str | None = None
    for section in outline(doc):
        found = _with_causes_inside(section, _announced_items(section, reader, before))
        _asked_why(found)
        if found:
            before = found[-1].kind
        items.extend(found)
    for item in items:
        named = named_kind(item.label) or named_kind(item.passage)
        if named and named != item.kind:
            item.anchor = named + item.anchor.removeprefix(item.kind)
            item.kind = named
    return items


# "Behind it stands a cause of a different kind: no collective body ...", "The cause is
# that ...": a problem's passage that names what lies behind it.
_CAUSE_INSIDE = re.compile(
    rf"{SENTENCE_START}(?:"
    r"Behind (?:it|this|that|them|these) (?:stands?|lies?|is|are) (?:a|an|one|the) "
    r"[^.:;!?]*?\b(?:cause|reason|root)\b[^.:;!?]*:"
    r"|(?:The|Its|One|A) (?:deeper |root |underlying |main |real )?(?:cause|reason)"
    r"(?: (?:of|for|behind) (?:this|it|that))? (?:is|lies in)(?: that)?"
    # "This happens because ...", "This is because ...", "Behind this lies a branch that
    # has neither the people nor the habits ...", "It persists because ..."
    r"|(?:This|It|That) (?:happens|is so|is|persists|arises|occurs|continues) because"
    r"|Behind (?:this|it|that|them|these) (?:lies?|stands?|sits?)(?= (?:a|an|the)\b)"
    r")\s+(?=\w)"
)


def _with_causes_inside(section: Section, items: list[Item]) -> list[Item]:
    """Each problem, and after it the cause its passage names in passing: two points
    of two kinds in one paragraph. The cause's anchor stands where its words start in
    the section's paragraphs (else with the problem's)."""
    texts = [(index, paragraph.text) for index, paragraph in section.walk()]
    found: list[Item] = []
    for item in items:
        found.append(item)
        match = _CAUSE_INSIDE.search(item.passage) if item.kind == "problem" else None
        if match is None or match.start() == 0:
            continue
        cause = item.passage[match.end() :]
        block, offset = item.block, item.offset
        for index, text in texts:
            at = text.find(cause[:60]) if index >= item.block else -1
            if at >= 0:
                block, offset = index, at
                break
        found.append(
            replace(
                item,
                kind="cause",
                label=first_clause(cause),
                passage=cause,
                anchor=f"cause-{item.anchor.removeprefix('problem-')}-behind",
                block=block,
                offset=offset,
                themes=[],
            )
        )
        item.passage = item.passage[: match.start()].strip()
    return found


def _asked_why(items: list[Item]) -> None:
    """Points of one section (``items`` are those of one top-level section) that each
    ask why ("**Why does no one clean the panels?** Because ...", two at least) are
    causes, whatever kind their section's heading announced: each answers for something
    wrong."""
    by_section: dict[str, list[Item]] = {}
    for item in items:
        by_section.setdefault(item.section, []).append(item)
    for group in by_section.values():
        if len(group) >= 2 and all(re.match(r"Why\b", item.label) for item in group):
            for item in group:
                if item.anchor.startswith(f"{item.kind}-"):
                    item.anchor = "cause" + item.anchor.removeprefix(item.kind)
                item.kind = "cause"


def _unread(items: list[Item]) -> None:
    return None


def _grouped_items(section: Section, reader: KindReader) -> list[Item]:
    """The items of the sub-sections of a section whose heading says nothing: groups of
    one kind ("3.1 Inside the organisations", "3.2 Between the organisations and the
    neighbourhoods"), so that a group its items leave unread takes the kind of the
    others, if it holds two items or more; or sub-sections that are each one item of
    the kind the section's lead-in counts (_counted_groups)."""
    groups = section.children
    found = [_announced_items(group, reader) for group in groups]
    # ("Four Knots ..., and Their Untying": sub-sections each a problem closing on its
    # remedy, two at least)
    paired = [
        [] if items or group.children else problem_and_remedy(group)
        for group, items in zip(groups, found, strict=True)
    ]
    if sum(bool(pair) for pair in paired) >= 2:
        found = [pair or items for pair, items in zip(paired, found, strict=True)]
    _counted_groups(section, found)
    kinds = {item.kind for items in found for item in items}
    if any(len(items) == 1 and items[0].source == "section" for items in found):
        # Sub-sections that are each one point, of kinds told apart by their headings
        # ("Why the Money Went to the Front of House"): a sibling whose heading says no
        # kind in known words is one too, of the kind its heading or its text shows ("A
        # Village Served for Its Visitors, Not Its Residents"; "A Service Hall Under the
        # Branch's Roof" over "We suggest that the branch ... should ...").
        for index, group in enumerate(groups):
            if found[index] or group.children or is_background(group.heading.text):
                continue
            text = group.text()
            shown = heading_kind(group.heading.text, top_level=False) or item_kind(
                group.heading.text, first_sentence_of(text), text
            )
            if shown is not None and shown not in kinds:
                found[index] = [heading_item(group, shown, source="section")]
        kinds = {item.kind for items in found for item in items}
    if len(kinds) == 1:
        kind = kinds.pop()
        # Sub-sections that are each one item, by their headings ("Bringing absent
        # members back ...", "Letting villagers write ..."): a sibling of theirs whose
        # heading reads as nothing ("Publishing every yuan of ticket income") is one too.
        whole = [items for items in found if items]
        parallel = len(whole) >= 2 and all(
            len(items) == 1 and items[0].source == "section" for items in whole
        )
        for index, group in enumerate(groups):
            if found[index] or is_background(group.heading.text):
                continue
            trial = _structured(_section_items(group, kind))
            if len(trial) >= 2:
                found[index] = trial
            elif parallel and not group.children:
                found[index] = [heading_item(group, kind, source="section")]
    return [item for items in found for item in items]


_THE_FOLLOWING = re.compile(r"\bthe following\b", re.I)


def _counted_groups(section: Section, found: list[list[Item]]) -> None:
    """Sub-sections that read as nothing, as many as the section's lead-in counts of a
    kind, are each one item of it ("Three troubles recur across the five villages"
    over "A Branch That Meets Apart from the Vats", "Lime Water in the Stream", "Moulds
    with No One to Lift Them" and a sub-section of their causes). A lead-in that counts
    all its sub-sections ("Three of them seem to us to account for the difference")
    without naming them gives them the kind the rest of it names ("... which is why
    they can be carried to other villages"), whatever their own headings read as
    ("Putting the Rent Book on the Threshing Floor"). ``found`` is filled in place."""
    leaves = [
        index
        for index, group in enumerate(section.children)
        if not group.children and not is_background(group.heading.text)
    ]
    unread = [index for index in leaves if not found[index]]
    lead_in = " ".join(paragraph.text for _, paragraph in section.paragraphs)
    if len(unread) < 2 or not lead_in:
        return
    whole = len(leaves) == len(section.children) and all(len(found[index]) <= 1 for index in leaves)
    sentences = sentences_of(lead_in)
    for sentence in sentences:
        kind = count_kind(sentence, len(unread))
        if kind is None and whole and len(leaves) in sentence_counts(sentence):
            kind = announced_kind(lead_in)
            unread = leaves
        if kind is None and sentence is sentences[-1] and _THE_FOLLOWING.search(sentence):
            # ("Across the three sites, the following shortcomings recurred.")
            kind = announced_kind(sentence)
        if kind is not None:
            for index in unread:
                found[index] = [heading_item(section.children[index], kind)]
            return


def _announced_items(section: Section, reader: KindReader, before: str | None = None) -> list[Item]:
    """The items of a section that announces a kind, else of its sub-sections that do
    (``before``: the kind of the items of the section before it)."""
    kind = heading_kind(section.heading.text, top_level=True)
    if kind is not None:
        own, following = _split_off_sections(section, kind)
        items = _two_kinds_items(own, kind) or _section_items(own, kind)
        counted = _counted_kind(own, _structured(items))
        if counted is not None and counted != kind:
            # "Behind the Camera: How Governance Misses the Extras" / "What we saw points
            # to three shortcomings ...": the sentence that counts the items says what
            # they are, where the heading's words were a figure.
            items = _section_items(own, counted)
        items = _with_opening_lessons(own, kind, _with_closing_lessons(own, kind, items))
        for sibling in following:
            items.extend(_announced_items(sibling, reader))
        return items
    if is_background(section.heading.text):
        # (its sub-sections too: "Site, Data and Case" over "Site and data" and "The
        # Yanhu Road joint branch")
        parts = section.children or [section]
        return [item for part in parts for item in _lessons_in_passing(part)]
    grouped = _grouped_items(section, reader)
    if not grouped:
        return _items_by_content(section, reader, before)
    # Points in the section's own paragraphs, before sub-sections of another sort ("①
    # Land compensation is settled ... ④ ..." and then "Why the Talks Sour").
    own = Section(section.heading, section.block, section.paragraphs, [])
    return _items_by_content(own, reader, before) + grouped


# Where a heading joins the names of two kinds: "What Houzhuang Teaches, and What Should
# Follow", "Lessons and Next Steps", "What Zhangjia Got Right; Where the County Goes Next".
_JOINED_NAMES = re.compile(r"\s*(?:,\s*and|;|\s+[—–])\s+|\s+and\s+", re.I)


def _two_kinds_items(section: Section, kind: str) -> list[Item]:
    """The items of a section whose heading names two kinds, ``kind`` first: the points
    before the paragraph that turns to the second ("... three proposals follow from the
    problems set out above."), or before its sub-sections, are of the first; the rest of
    the second. [] where the section does not turn so, or either part has fewer than two."""
    names = _JOINED_NAMES.split(section.heading.text)
    if len(names) != 2 or heading_kind(names[0], top_level=True) != kind:
        return []
    second = heading_kind(names[1], top_level=True)
    if second is None or second == kind:
        return []
    # (or counts things by the heading's own word for them: "Steps for the Zone" / "For
    # the zone as a whole, three steps follow.")
    named = {word.lower() for word in re.findall(r"[A-Za-z]{4,}", names[1])}
    turn = next(
        (
            position
            for position, (_, paragraph) in enumerate(section.paragraphs)
            if position > 0
            and (second in _turns_to(paragraph.text) or _counts_named(paragraph.text, named))
        ),
        None,
    )
    if turn is None and not section.children:
        return []
    turn = len(section.paragraphs) if turn is None else turn
    head = Section(section.heading, section.block, section.paragraphs[:turn], [])
    tail = Section(section.heading, section.block, section.paragraphs[turn:], section.children)
    first_items, second_items = _section_items(head, kind), _section_items(tail, second)
    if len(first_items) < 2 or len(second_items) < 2:
        return []
    return first_items + second_items


def _counts_named(text: str, words: set[str]) -> bool:
    """Whether the paragraph's last sentence counts things by one of ``words`` ("three
    steps follow", "three further steps")."""
    counted = re.finditer(
        rf"\b{COUNT}\s+([\w-]+)(?:\s+([\w-]+))?",
        last_sentence(text),
        re.I,
    )
    return any({(w or "").lower() for w in match.groups()} & words for match in counted)


def _turns_to(text: str) -> set[str | None]:
    """The kinds a paragraph leads on to by its last sentence ("... three proposals follow
    from the problems ...") or opens on by its first ("The causes lie less in the vendors
    than in the arrangements around them. (a) ..."): the kind of what it counts, else the
    kind it names last."""
    kinds = set()
    for sentence in (last_sentence(text), sentences_of(text)[0]):
        counted = what_it_counts(sentence)
        kinds.add(counted[1] if counted else announced_kind(sentence))
    return kinds


# Background that frames the paper rather than tells of a case.
_FRAMING = re.compile(
    r"^(?:introduction|conclu|summary|literature|research (?:background|question))", re.I
)


def _lessons_in_passing(section: Section) -> list[Item]:
    """The lessons a case section draws in passing ("Setting, Data and the Quanhe
    Plant": "... three of its practices could be carried to other plants with little
    cost: ① ... ② ... ③ ..."): points the sentence before them counts and announces as
    experiences. None in the paper's introduction or conclusion, which sum up points
    made elsewhere."""
    if _FRAMING.match(section.heading.text) or section.children:
        return []
    return _lessons_from(section, 0)[1]


def _with_closing_lessons(section: Section, kind: str, items: list[Item]) -> list[Item]:
    """The items of a section, and the points of another kind it closes on that the
    paragraph leading in to them counts: lessons ("Building 7 offers lessons that other
    relocation sites can use. Three things it did stand out: ..."), or after problems
    their causes ("These shortfalls follow from three conditions ... 1) ..."). The
    items' passages end before them, and that paragraph, if read as one more item, is
    none."""
    if kind == "experience" or section.children or len(items) < 2:
        return items
    start = next(
        (n for n, (index, _) in enumerate(section.paragraphs) if index > items[0].block), None
    )
    position, closing = _lessons_from(section, start) if start is not None else (0, [])
    if not closing and kind == "problem" and start is not None:
        position, closing = _counted_from(section, start, _explains_problems, "cause")
    if not closing:
        return items
    block, paragraph = section.paragraphs[position]
    if any(item.block > block for item in items):
        return items  # (points in the midst of the section's own: not its close)
    opening = paragraph_text(paragraph)
    kept = [item for item in items if item.block < block]
    for item in kept:
        item.passage = item.passage.split(opening)[0].strip()
    return kept + closing


def _with_opening_lessons(section: Section, kind: str, items: list[Item]) -> list[Item]:
    """The items of a section, after the lessons it opens on, where its first paragraph
    counts them and announces them as worth taking up, in a style of their own ("Three
    things done in Dongli since 2020 point the way:" and a list, then the paths as
    labelled paragraphs)."""
    if kind == "experience" or section.children or len(items) < 2 or not section.paragraphs:
        return items
    before = [(i, p) for i, p in section.paragraphs if i < min(item.block for item in items)]
    if len(before) < 3:
        return items
    opening = Section(section.heading, section.block, before, [])
    trial = trial_items(opening)
    lead_in = paragraph_text(before[0][1])
    if len(trial) < 2 or trial[0].block == before[0][0] or not _counts_lessons(lead_in, len(trial)):
        return items
    if {item.source for item in trial} & {item.source for item in items}:
        return items  # (one style throughout: the section's own points)
    return _section_items(opening, "experience") + items


def _lessons_from(section: Section, start: int) -> tuple[int, list[Item]]:
    """(where they start, the lessons counted from the paragraph that counts them on,
    at ``start`` or after): the case may first be told in labelled paragraphs of its
    own ("**Setting.** ...", "**Data.** ..."), a section of paths may close on them."""
    return _counted_from(section, start, _counts_lessons, "experience")


def _counted_from(
    section: Section, start: int, leads_in: Callable[[str, int], bool], kind: str
) -> tuple[int, list[Item]]:
    """(where they start, the points of ``kind`` from the first paragraph at ``start`` or
    after whose text before them ``leads_in`` to as many as they are)."""
    for position in range(start, len(section.paragraphs)):
        if not ANY_COUNT.search(section.paragraphs[position][1].text):
            continue  # (no count, no lead-in: most paragraphs, not read again)
        rest = Section(section.heading, section.block, section.paragraphs[position:], [])
        trial = trial_items(rest)
        if len(trial) >= 2 and leads_in(_text_before(rest, trial[0]), len(trial)):
            return position, _section_items(rest, kind)
    return start, []


# Problems referred back to: "These shortfalls follow from ...", "Why have these strains
# persisted ...?".
_BACK_TO_PROBLEMS = re.compile(
    r"\b(?:these|such|those|the above)\s+(?:\w+\s+)?(?:problems|difficulties|shortfalls|"
    r"shortcomings|gaps|strains|frictions|failings|troubles|weaknesses|tensions|deficiencies|"
    r"issues|snags)\b",
    re.I,
)


def _explains_problems(lead_in: str, number: int) -> bool:
    """Does the lead-in's last sentence count ``number`` things, and the lead-in refer
    back to the problems just told or name them causes, what lies behind them ("These
    problems share an institutional background. Three conditions stand out: ...")?"""
    last = last_sentence(lead_in)
    if not counts_in_words(last, number):
        return False
    # (or names them as it counts: "Two causes lay behind the season's disorder:")
    return _BACK_TO_PROBLEMS.search(lead_in) is not None or count_kind(last, number) == "cause"


def _counts_lessons(lead_in: str, number: int) -> bool:
    """Does the lead-in's last sentence count ``number`` things, and the lead-in announce
    them as what others may take up ("... the Yuxu record offers three things worth
    imitating:")? Labels tell things to do from things wrong, never lessons from either."""
    sentence = last_sentence(lead_in)
    counts = counts_in_words(sentence, number)
    # (what it counts may name their kind: "We put forward four proposals, each of which
    # draws on what Tonggurtu has shown to be possible")
    named = count_kind(sentence, number)
    return counts and named in (None, "experience") and announced_kind(lead_in) == "experience"


def _items_by_content(
    section: Section, reader: KindReader, before: str | None = None
) -> list[Item]:
    """The items of a section whose heading announces nothing in known words, when its
    items show the kind (kinds.items_kind): at least two of them, each found by its
    own structure (sub-sections, markers, run-in heads, a list, ordinals).

    Deficits right after a section of problems are their causes ("What Keeps the Snags
    in Place", "Tracing the Frictions to Their Source"): papers of the field go from
    problems to causes to paths, and do not put their problems in two sections in a row
    without saying so in the second one's heading."""
    mixed = _mixed_kind_items(section)
    if mixed:
        return mixed
    as_problems = _section_items(section, "problem")
    trial = _structured(as_problems)
    if len(trial) >= 2 and _counts_study_aims(_text_before(section, trial[0]), len(trial)):
        return []  # ("Four questions guided the fieldwork: 1. ...?": the study's, no points)
    # (the lead-in's sentences before the count may name them: "... and the reasons are
    # instructive. When we asked ..., he pointed to two things the branch had done:")
    lessons = len(trial) >= 2 and _counts_lessons(_text_before(section, trial[0]), len(trial))
    kind = "experience" if lessons else items_kind([item.label for item in trial])
    if kind is None and len(trial) >= 2:
        kind = _counting_lead_in(section, trial) or _lead_in_kind(section, trial[0])
    if kind is None:  # (a lesson's passage tells of the troubles a case overcame)
        kind = items_kind([item.label for item in trial], [item.passage for item in trial])
    if kind is None and len(trial) >= 2:
        kind = reader(trial)  # (by the words problems, paths ... are told in)
    if kind == "problem" and (
        before == "problem" or _explains_problems(_text_before(section, trial[0]), len(trial))
    ):
        kind = "cause"
    if kind is None:
        return []
    if kind == "problem":
        return as_problems
    return _problems_told_first(section, trial[0]) + _section_items(section, kind)


_STUDY_AIMS = re.compile(
    r"\b(?:questions|aims|objectives|hypothes[ie]s|research tasks|goals)\b", re.I
)


def _counts_study_aims(lead_in: str, number: int) -> bool:
    """Does the lead-in count ``number`` questions or aims of the study ("The study set
    out to answer three questions:")?"""
    sentence = last_sentence(lead_in)
    return (
        counts_in_words(sentence, number)
        and _STUDY_AIMS.search(sentence) is not None
        and _THE_STUDY.search(sentence) is not None
        and _LEFT_OPEN.search(sentence) is None
    )


# Whose questions: the study's ("guided the fieldwork", "The study set out to answer"),
# not the ones a field leaves open ("three governance questions open", "not yet answered").
_THE_STUDY = re.compile(
    r"\b(?:study|studies|research|fieldwork|survey|interviews|paper|article|we|our|us)\b", re.I
)


_LEFT_OPEN = re.compile(r"\b(?:open|unanswered|unsettled|unresolved|not yet|remain)\b", re.I)


def _mixed_kind_items(section: Section) -> list[Item]:
    """The items of a section that tells of one field of governance (a domain, not a
    kind: "Lees and Wastewater", "Supervision: Leases, Subsidies and the Accounts") what
    goes wrong in it, why, and what to do: its paragraphs fall into runs, each opened by
    a paragraph that says its kind ("Why. Two causes stand out: ...", "What to do:", "*Why
    the branch stepped aside.*", "**A branch food-safety post.** The branch should ...",
    "... and it teaches two things."), and each run gives its items. Nothing unless the
    runs are of two kinds or more, each with items."""
    runs: list[tuple[str | None, list[tuple[int, Paragraph]]]] = [(None, [])]
    said: set[str] = set()  # the kinds paragraphs say in so many words
    counted = 0  # items a lead-in counted that are still to come: of the kind it named
    for index, paragraph in section.paragraphs:
        item = bool(paragraph.lead or paragraph.marker or paragraph.list)
        if item and counted:
            counted -= 1
            kind, explicit = None, False
        else:
            kind, explicit, count = _paragraph_kind_cue(paragraph)
            counted = count if kind is not None else counted
        if kind is not None and explicit:
            said.add(kind)
        if kind is not None and runs[-1][0] != kind:
            runs.append((kind, []))
        runs[-1][1].append((index, paragraph))
    # One kind said in so many words, and a second by another run's cue or by the points
    # before the first cue, if there are any (read from their words below).
    kinds = {kind for kind, _ in runs if kind} | said
    unread_first = bool(runs[0][1])
    if not said or len(kinds) + unread_first < 2:
        return []
    items: list[Item] = []
    for kind, paragraphs in runs:
        run = Section(section.heading, section.block, paragraphs, [])
        if kind is None:
            # (before the first paragraph that says its kind: the field's setting, or
            # points that show their kind by their own words: "① The resident branch
            # is old and small: ...")
            found = _structured(_paragraph_items(run, "problem"))
            labels, passages = [i.label for i in found], [i.passage for i in found]
            if len(found) < 2 or items_kind(labels, passages) != "problem":
                continue
        else:
            found = _structured(_paragraph_items(run, kind))
        if not found:
            found = marked_items(run, kind, lambda p: bool(p.lead or p.marker))
        if not found:
            return []
        items.extend(found)
    if len({item.kind for item in items}) < 2:
        return []
    for number, item in enumerate(items, start=1):
        item.anchor = f"{item.kind}-{section.heading.anchor}-{number}"
    return items


# A paragraph that opens on the name of what follows: "What goes wrong.", "Why.", "What
# to do:", "Lessons:".
_SIGNPOST = re.compile(
    r"(?P<problem>what goes wrong|what went wrong|the problems?|problems?|difficult(?:y|ies))"
    r"|(?P<cause>why|causes?|reasons?|roots?)"
    r"|(?P<path>what to do|what should be done|what can be done|remed(?:y|ies)|measures?"
    r"|suggestions?|recommendations?)"
    r"|(?P<experience>lessons?|what (?:it|this|they|the case) teach(?:es)?)",
    re.I,
)


_SIGNPOST_END = re.compile(r"\s*[.:?—–]\s")


_MAX_LEAD_IN_CHARACTERS = 200


# "The first problem is that ...": an ordinal that names the kind of its point.
_NAMED_ORDINAL = re.compile(
    r"\b(?:the|a) (?:first|second|third|main|chief) (\w+) (?:is|was|lies)\b", re.I
)


def _paragraph_kind_cue(paragraph: Paragraph) -> tuple[str | None, bool, int]:
    """The kind a paragraph says it opens, whether it says so in so many words, and how
    many items after it a count in it puts under that kind. A labelled or marked
    paragraph (an item) says it by a signpost or a "Why ...?" label, else shows it by
    what its label and passage do (item_kind); one of prose says it by a signpost, an
    ordinal that names the kind or a sentence that counts points of a kind. None for a
    paragraph that goes on with the last."""
    text = paragraph.text
    lead = paragraph.lead or ""
    opening = lead or text
    post = _SIGNPOST.match(opening)
    if post and _SIGNPOST_END.match(opening + " ", post.end()):
        return post.lastgroup, True, 0
    if re.match(r"why\b", lead, re.I):
        return "cause", True, 0
    if paragraph.lead or paragraph.marker or paragraph.list:
        # (what an item's words do is no word on its kind: one problem told with a
        # "should" in it would part a section of problems)
        return item_kind(item_label(paragraph), first_sentence_of(text), text), False, 0
    sentences = sentences_of(text)
    ordinal = _NAMED_ORDINAL.search(sentences[0]) if sentences else None
    if ordinal and (named := announced_kind(ordinal.group(1))):
        return named, True, 0
    for position, sentence in enumerate(sentences):
        after = sentences[position + 1] if position + 1 < len(sentences) else ""
        # (a sentence that leads in to points is short and comes right before them: it
        # ends on a colon, ends the paragraph or is followed by the first of them)
        leads_in = not after or sentence.rstrip().endswith(":") or ORDINAL.match(after)
        if len(sentence) > _MAX_LEAD_IN_CHARACTERS or not leads_in:
            continue
        for count in ANY_COUNT.finditer(sentence):
            word = count.group(0).lower()
            number = SERIES_COUNT.get(word) or (int(word) if word.isdigit() else 2)
            named = count_kind(sentence, number)
            if named is None and counts_in_words(sentence, number):
                # (or what it counts the parts of: "The remedy we propose has two parts:")
                subject = _SIGNPOST.search(sentence[: count.start()])
                named = announced_kind(sentence) or (subject.lastgroup if subject else None)
            if named is not None:
                return named, True, number
            if counts_in_words(sentence, number):
                break  # (the sentence's kind was read: its other counts say no more)
    return None, False, 0


def _problems_told_first(section: Section, first: Item) -> list[Item]:
    """The problems a case section counts before the sentence leading in to their causes
    ("Dalu's difficulties came as a pair: A; and B." ... "Two things lay behind the
    branch's absence ..." and two labelled paragraphs): a series in the paragraphs before
    that sentence's."""
    earlier = [(index, p) for index, p in section.paragraphs if index < first.block]
    told = Section(section.heading, section.block, earlier, [])
    found = announced_series(told, "problem") or inline_numbered_items(told, "problem")
    if len(found) < 2 or items_kind([i.label for i in found], [i.passage for i in found]) in (
        "path",
        "experience",
    ):
        return []
    return found


def trial_items(section: Section) -> list[Item]:
    """What the extractor would take for the section's items, were it to announce a kind
    (its sub-sections, markers, run-in heads, a list, ordinals), of no kind yet."""
    return _structured(_section_items(section, "problem"))


def _structured(items: list[Item]) -> list[Item]:
    """The items a section's structure gave, without the section taken whole as one."""
    return [item for item in items if item.source != "section"]


def _counted_kind(section: Section, items: list[Item]) -> str | None:
    """The kind the sentence leading in to two items or more names, when it counts them
    ("... points to three shortcomings in the way ..."); else None."""
    if not items or items[0].block not in dict(section.paragraphs):
        return None
    return count_kind(_lead_in_sentence(section, items[0]), len(items))


def _counting_lead_in(section: Section, items: list[Item]) -> str | None:
    """The kind a sentence before the items names as it counts them, the last such
    ("Four measures follow from these findings. Each answers one of the weaknesses
    above.": measures, whatever the sentence after it names)."""
    before = _text_before(section, items[0])
    kinds = [count_kind(sentence, len(items)) for sentence in sentences_of(before)]
    return next((kind for kind in reversed(kinds) if kind is not None), None)


def _lead_in_kind(section: Section, first: Item) -> str | None:
    """What the sentence leading in to a section's items announces ("Yet three weak
    spots stand out."): the kind it names last (kinds.announced_kind)."""
    sentence = _lead_in_sentence(section, first)
    return announced_kind(sentence) if sentence else None


def _lead_in_sentence(section: Section, first: Item) -> str:
    """The last sentence before the first item ("" if none)."""
    return last_sentence(_text_before(section, first))


def _text_before(section: Section, first: Item) -> str:
    """The section's text before its first item."""
    before = [p.text for index, p in section.paragraphs if index < first.block]
    if first.offset:
        before.append(dict(section.paragraphs)[first.block].text[: first.offset])
    return " ".join(before)


def _split_off_sections(section: Section, kind: str) -> tuple[Section, list[Section]]:
    """(the section with the sub-sections that are its own, the sections that follow it).

    Unnumbered headings in plain text carry no level: after "Weak Links in ..." and its
    four sub-headings, "Improving ..." and "Implications" look like more sub-headings.
    An unnumbered sub-heading that announces another kind as a section's heading would
    is taken for the next section, with the sub-headings after it that announce nothing
    of that sort."""
    if section.heading.number is not None:
        return section, []
    cut = next(
        (
            index
            for index, child in enumerate(section.children)
            if child.heading.number is None
            and heading_kind(child.heading.text, top_level=True) not in SAME_SIDE[kind]
            and index > 0
        ),
        None,
    )
    if cut is None:
        return section, []
    own = Section(section.heading, section.block, section.paragraphs, section.children[:cut])
    following: list[Section] = []
    for child in section.children[cut:]:
        if following and heading_kind(child.heading.text, top_level=True) is None:
            following[-1].children.append(child)
        else:
            following.append(
                Section(child.heading, child.block, child.paragraphs, list(child.children))
            )
    return own, following


def _section_items(section: Section, kind: str) -> list[Item]:
    bare = not any(child.paragraphs or child.children for child in section.children)
    if section.children and bare:
        # Headings with nothing under them after points of the section's own ("(1) ...
        # (4) ..." and then a table's rows, which plain text printed as lines of their
        # own): the points are the section's, not those bare headings.
        own = _section_items(Section(section.heading, section.block, section.paragraphs, []), kind)
        if len(own) >= 2:
            return own
    if section.children:
        own = [_sub_heading_kind(child, kind) for child in section.children]
        # Children inherit the parent's kind unless some of them announce another;
        # then only the children that announce something count.
        mixed = any(k is not None and k != kind for k in own)
        items: list[Item] = []
        for child, child_kind in zip(section.children, own, strict=True):
            effective = child_kind if mixed else kind
            if effective is None:
                continue
            if child.children:
                items.extend(_section_items(child, effective))
            else:
                paired = problem_and_remedy(child) if effective == "problem" else []
                items.extend(
                    paired or _grouped_points(child, effective) or [heading_item(child, effective)]
                )
        return items
    found = _paragraph_items(section, kind)
    if kind == "problem":
        found = remedies_between(section, with_paired_remedies(found))
    return found or [heading_item(section, kind, source="section")]


def _sub_heading_kind(child: Section, kind: str) -> str | None:
    """The kind a sub-heading announces under a section of ``kind``. A cause is a
    deficit too: under "Why the Crews Slip Through", "Townships Counting Meetings, Not
    Outcomes" is a cause, though its "Not" would make it a problem elsewhere; only a
    sub-heading that announces problems as a section's heading would ("Remaining
    Difficulties") is one. Under paths, such a sub-heading over a passage that
    prescribes is a path put as a contrast ("Fund Community Work by Need, Not by
    Occupancy" / "The district should replace ...")."""
    text = child.heading.text
    own = heading_kind(text, top_level=False)
    if own != "problem" or heading_kind(text, top_level=True) is not None:
        return own
    if kind == "cause":
        return kind
    if kind == "path" and _PRESCRIBES.search(child.text()):
        return kind
    return own


def _grouped_points(section: Section, kind: str) -> list[Item]:
    """The points of a sub-section that only groups them ("4.1 Inside the Party" over
    a list of two causes): two or more, each marked in print (a list's items, numbered
    markers, run-in heads the cleaner found), so that the heading is the group's name,
    not a point of its own. A heading that prescribes or names a deficit is a point, and
    its list tells how."""
    marked = sum(bool(p.list or p.marker or p.lead) for _, p in section.paragraphs)
    if makes_a_claim(section.heading.text):
        return []
    if marked < 2:
        # ("... its findings came down to two points: i) households sprayed ...; ii) ...":
        # markers inside a paragraph, counted by the sentence before them)
        inline = inline_numbered_items(section, kind)
        if len(inline) >= 2 and _counts(section, inline[0], len(inline)):
            return _with_closing_lessons(section, kind, inline)
        return []  # (checked first: most sub-sections are points, and this is per leaf)
    found = _structured(_paragraph_items(section, kind))
    # (Not ordinals in prose: "First, ... Second, ..." under a sub-heading that is a
    # point in itself is how a paper explains that point.)
    if len(found) >= 2 and all(item.source in ("list", "numbered", "runin") for item in found):
        # (a case told under its sub-heading may close on what lay behind its troubles)
        return _with_closing_lessons(section, kind, found)
    return []


def _paragraph_items(section: Section, kind: str) -> list[Item]:
    """The items of a section without sub-sections, in one style (_styled_items), with
    the points in another style that make up the count it announces (_mixed_points)."""
    items = _styled_items(section, kind)
    return _mixed_points(section, kind, items) if len(items) >= 2 else items


def _mixed_points(section: Section, kind: str, items: list[Item]) -> list[Item]:
    """The items, and the points put in ordinal prose before or after them, when the
    sentence leading in counts them all: "We propose four measures." / "To begin with,
    ... Moreover, ..." / two bullets; or three bold run-in heads / "In addition, the
    town should ...", "A further problem is that ...". Without the count an ordinal
    paragraph after the last item may go on with it, and one before the first may be
    the lead-in's own."""
    if any(item.source == "enumeration" for item in items):
        return items
    further = _further_group(section, kind, items)
    if further:
        return _numbered_in_order(section, kind, items + further)
    first, last = items[0].block, items[-1].block
    before = [(index, p) for index, p in section.paragraphs if index < first]
    opening = next(
        (at for at, (_, p) in enumerate(before) if re.match(FIRST, p.text) and not p.lead),
        len(before),
    )
    counts = _counts_led_in([p.text for _, p in before[:opening]])
    if not counts and kind == "path" and items[-1].source == "list":
        # A list of measures is over where its items end: a paragraph after it that adds
        # one more and prescribes ("In addition, the town should ...") is one too.
        added = [
            item
            for item in points_after(section, kind, items[-1].block)
            if _PRESCRIBES.search(first_sentence_of(item.passage))
        ]
        return _numbered_in_order(section, kind, items + added)
    if not counts or max(counts) <= len(items):
        # ("Two adjustments lie within reach:" and two bullets, then "Last but not least,
        # the branch should be judged by ...": the phrase adds a point past the count)
        added = [
            point
            for point in points_after(section, kind, last)
            if _LAST_BUT_NOT_LEAST.match(dict(section.paragraphs)[point.block].text)
        ][:1]
        return _numbered_in_order(section, kind, items + added) if added else items
    ahead = enumerated_items(Section(section.heading, section.block, before[opening:]), kind)
    behind = points_after(section, kind, last)
    if len(ahead) + len(items) + len(behind) not in counts:
        return items
    return _numbered_in_order(section, kind, ahead + items + behind)


_LAST_BUT_NOT_LEAST = re.compile(r"Last(?:ly)?,? but (?:by no means |not )least\b", re.I)


def _numbered_in_order(section: Section, kind: str, items: list[Item]) -> list[Item]:
    """The items, anchored by their place among the section's points (each style
    counted its own from one)."""
    for number, item in enumerate(items):
        item.anchor = f"{kind}-{section.heading.anchor}-{number + 1}"
    return items


# "Two further measures concern the village committee itself:", "Three more ...".
_FURTHER = re.compile(r"\b(?:further|more|other|additional)\b", re.I)


def _further_group(section: Section, kind: str, items: list[Item]) -> list[Item]:
    """The points of a second group after the items, in a style of its own, that a
    paragraph of its own counts: "① ... ② ..." then "Two further measures concern the
    village committee itself:" and a list of two. The last item's passage ends before
    that paragraph."""
    paragraphs = [(index, p) for index, p in section.paragraphs if index > items[-1].block]
    for position, (index, paragraph) in enumerate(paragraphs):
        if paragraph.list or paragraph.marker or paragraph.lead:
            continue
        last = items[-1]
        kept = [p for block, p in section.paragraphs if last.block <= block < index]
        # ("Ashore, two further measures are needed. First, the companies should ...
        # Second, ...": the group told in ordinal prose in the paragraph that counts it)
        opening = sentences_of(paragraph.text)[0]
        counted = sentence_counts(opening) if _FURTHER.search(opening) else []
        if len(counted) == 1:
            alone = Section(section.heading, section.block, [(index, paragraph)])
            told = enumerated_items(alone, kind)
            if len(told) == counted[0]:
                last.passage = " ".join(paragraph_text(p) for p in kept)
                return told
        sentence = last_sentence(paragraph.text)
        counts = sentence_counts(sentence) if _FURTHER.search(sentence) else []
        group = []
        for later, point in paragraphs[position + 1 :]:
            if not (point.list or point.lead or point.marker):
                break
            group.append((later, point))
        if len(counts) != 1 or len(group) != counts[0]:
            return []
        last.passage = " ".join(paragraph_text(p) for p in kept)
        return marked_items(Section(section.heading, section.block, group), kind, lambda _: True)
    return []


def _counts_led_in(paragraphs: list[str]) -> set[int]:
    """The numbers of things the paragraph before the points counts, in any of its
    sentences ("Four measures follow from this diagnosis. The first three concern the
    villages themselves:" counts four or three; "Four shortcomings recur in all three
    villages" four or three)."""
    if not paragraphs:
        return set()
    sentences = sentences_of(paragraphs[-1])
    return {number for sentence in sentences for number in sentence_counts(sentence)}


def _styled_items(section: Section, kind: str) -> list[Item]:
    """Numbered items and run-in heads, else a list's items, else an enumeration in the
    prose. A list inside a numbered item is part of that item. Paragraphs that lead
    with a headline sentence are items too, and take the place of run-in heads when
    they find more (a head of eight words is a headline, not a run-in label)."""
    items = marked_items(section, kind, lambda p: not p.list and bool(p.marker or p.lead))
    headlines = headline_items(section, kind)
    if len(headlines) >= 3 and (
        _counts(section, headlines[0], len(headlines) - 1, closing=True)
        or _closes_on_some(section, headlines[0], kind)
    ):
        # "Beneath the displays, however, four shortfalls recur in our material." leads
        # in to the four headlines after it, and is none of them.
        headlines = headlines[1:]
    announced = _announced_paragraphs(section, kind) if len(items) < 2 else []
    if len(announced) > len(headlines):
        # (a topic sentence longer than a headline's is still the point's)
        headlines = announced
    listed = len([p for _, p in section.paragraphs if p.list is not None and not p.depth])
    if (
        len(headlines) > len(items)
        and len(headlines) > listed
        and not _leads_in(section, headlines, items)
    ):
        # (a list's items are points in print; paragraphs around it that happen to open
        # on a short sentence are its frame unless they outnumber it)
        items = headlines
    series = announced_series(section, kind)
    # (or that open on the words that count them: "Moreover, a small common fund ...")
    if items and all(ORDINAL_LEAD.match(i.label) or ORDINAL.match(i.label) for i in items):
        # "The first lies in the rules themselves." names no point: the series that
        # announced them ("three causes: A; B; and C") does, if it counts as far as they
        # do. (It may count more: the cleaner took "The second is organisational." for
        # a run-in head but not "The first lies in ...", or plain text lost the break
        # before "The second explains ...".)
        if series and len(series) >= max(len(items), *map(ordinal_value, items)):
            return series
        # ("The first difficulty is the drift of the branch to the margins of ..." is
        # too long a sentence for a headline; "A third difficulty is ..." is not: the
        # ordinals count them all)
        enumerated = enumerated_items(section, kind)
        if len(enumerated) > len(items):
            return enumerated
    if (
        series
        and len(items) >= 2
        and len(series) > len(items)
        and series[0].block < items[0].block
        and all(item.source == "runin" for item in items)
    ):
        # "three things carry over ...: A; B; and C." and then fewer labelled paragraphs
        # that dwell on some of them ("Continuity deserves emphasis ..."): the series
        # names the points.
        return series
    if items is headlines:
        # "Three roots lie beneath them: A; B; and C." and three paragraphs, each
        # leading with its own sentence on one of them: the series names them.
        # (With the paragraphs after them that add one more: "Finally, the branches
        # themselves ...".)
        added = points_after(section, kind, headlines[-1].block) if series else []
        if len(series) == len(headlines) + len(added) and series[0].block < headlines[0].block:
            return series
        # ("Gangcheng's record carries, to our mind, two lessons: A; and B.": the
        # headline that counts them is the series' lead-in, no point of its own)
        counting = [h for h in headlines if series and h.block == series[0].block]
        if len(series) > 1 and counting and counts_in_words(counting[0].label, len(series)):
            return series
        # ("The weaknesses are not accidental. Three causes stand out: A; B; and C." leads
        # with a sentence of its own, and the series in it names more points than there
        # are headlines: "The first cause leaves ..." only goes on to explain them.)
        if len(series) > len(headlines) and series[0].block == headlines[0].block:
            return series
        return headlines
    if len(items) < 2:
        # (an item of a list inside a list item details the item above it)
        items = marked_items(section, kind, lambda p: p.list is not None and not p.depth)
        if len(items) >= 2:
            return _with_inline_run(section, kind, items)
    if len(items) >= 2:
        return items
    inline = inline_numbered_items(section, kind) or clause_ordinal_items(section, kind)
    if len(inline) >= 2:
        return inline
    enumerated = enumerated_items(section, kind)
    # "three causes stand out: A; B; and C. The first cause is historical ...": the
    # series names the points that the ordinals go on to explain (all of them, or more
    # where the prose loses count: "The first is structural. The second is local. The
    # third sits at county level.").
    if enumerated and len(series) >= len(enumerated) and series[0].block < enumerated[0].block:
        return series
    if enumerated or series or kind != "path":
        return enumerated or series
    return _prescribing_paragraphs(section, kind)


def _with_inline_run(section: Section, kind: str, listed: list[Item]) -> list[Item]:
    """A list's items, and the points a paragraph of the section's own counts inside it
    ("Two weaknesses lie inside the branches themselves. ① Most branches ... ② ..." and
    then a list of the other difficulties): two styles in one section, numbered in the
    order they stand."""
    inline = inline_numbered_items(section, kind)
    if len(inline) < 2 or {item.block for item in inline} & {item.block for item in listed}:
        return listed
    items = sorted(listed + inline, key=lambda item: (item.block, item.offset))
    return _numbered_in_order(section, kind, items)


# A paragraph that announces the paragraphs after it as the points: "... the following
# shortcomings were observed again and again.", "What we found can be set out as
# follows.", "... three gaps stand out:".
_ANNOUNCING = re.compile(r"\bas follows\b|\bthe following\b|\bworth setting out\b|:$", re.I)


def _announced_paragraphs(section: Section, kind: str) -> list[Item]:
    """After a paragraph whose last sentence announces them, each paragraph is a point,
    labelled by its first sentence (the topic sentences of papers that print no marker
    and no label): at least two, each opening a sentence of its own."""
    for position, (_, paragraph) in enumerate(section.paragraphs[:-2]):
        text = paragraph.text.strip()
        last = re.split(r"(?<=[.!?])\s+", text)[-1]
        following = section.paragraphs[position + 1 :]
        # ("Three things stand out from this case." counts the paragraphs after it, and
        # so does "But four frictions came up again and again in our interviews and in
        # the council's minutes.", which names what it counts, when they are topic
        # sentences: points told in ordinal prose are the enumeration's to read, which
        # also finds a point whose paragraph break the text lost)
        counted = counted_at_close(text, len(following)) or (
            counts_in_words(last, len(following))
            and count_kind(last, len(following)) == kind
            and not any(ORDINAL.match(p.text) for _, p in following)
        )
        if not (_ANNOUNCING.search(last) or counted):
            continue
        if any(p.list or p.quote or p.marker or starts_lowercase(p.text) for _, p in following):
            return []
        items: list[Item] = []
        for block, point in following:
            sides = _two_sides(point.text)
            for offset, label, passage in sides or [(0, item_label(point), point.text)]:
                source = "enumeration" if sides else "runin"
                number = len(items)
                items.append(
                    counted_item(section, kind, source, number, block, offset, label, passage)
                )
        return items
    return []


# A paragraph that opens by prescribing: "It is advisable to ...", "The county could
# ...", "We propose ...", "The street should ...".
_PRESCRIBES = re.compile(
    r"\b(?:should|must|ought to|could|advisable|propose|recommend|suggest)\b", re.I
)


def _prescribing_paragraphs(section: Section, kind: str) -> list[Item]:
    """In a section of paths that marks none, the paragraphs that each open with a
    sentence saying what should be done are the paths, from the first of them on (a
    paragraph leading in before it is none): at least two, and every paragraph after
    the first such."""
    paragraphs = section.paragraphs
    opens = [
        not p.list and not p.quote and bool(_PRESCRIBES.search(first_sentence_of(p.text)))
        for _, p in paragraphs
    ]
    if sum(opens) < 2:
        return []
    first = opens.index(True)
    if not all(opens[first:]):
        return []
    chosen = {id(p) for _, p in paragraphs[first:]}
    return marked_items(section, kind, lambda paragraph: id(paragraph) in chosen)


# "This retreat shows itself in two directions. On the one hand, villagers ... On the
# other hand, the customary water system ...": a paragraph that counts two sides and
# weighs them is two points (without the count, one point weighed both ways).
_TWO_SIDES = re.compile(
    r"\btwo\b[^.]*[.:]\s+On the one hand,\s*(?P<one>.*?)\s+On the other hand,\s*"
)


def _two_sides(text: str) -> list[tuple[int, str, str]]:
    """(offset, label, passage) of each side, when the paragraph counts two and weighs them."""
    match = _TWO_SIDES.search(text)
    if match is None:
        return []
    other = text[match.end() :]
    return [
        (match.start("one"), first_clause(match.group("one")), match.group("one")),
        (match.end(), first_clause(other), other),
    ]


def _leads_in(section: Section, headlines: list[Item], items: list[Item]) -> bool:
    """Whether the one headline before the first run-in head is the paragraph leading in
    to them, counting them ("... four shortfalls recur in our material.") or closing on
    their kind ("... still faces a number of realistic dilemmas."), and no item."""
    if len(items) < 2 or len(headlines) != len(items) + 1 or headlines[0].block >= items[0].block:
        return False
    return _counts(section, headlines[0], len(items)) or _closes_on_some(
        section, headlines[0], items[0].kind
    )


# "... the practice still faces a number of realistic dilemmas.": some of a kind, among
# the last words, counted without a number.
_SOME_AT_CLOSE = re.compile(
    r"\b(?:a number of|several|a series of|various|a range of|the following|multiple)"
    r"(?:\s+[\w’'-]+){1,3}[.:]?$",
    re.I,
)


def _closes_on_some(section: Section, lead_in: Item, kind: str) -> bool:
    """Whether the paragraph of ``lead_in`` closes on a sentence that leads in to some
    things of ``kind`` without counting them: the frame of the points after it."""
    sentence = last_sentence(dict(section.paragraphs)[lead_in.block].text)
    return _SOME_AT_CLOSE.search(sentence) is not None and announced_kind(sentence) == kind


def _counts(section: Section, lead_in: Item, number: int, *, closing: bool = False) -> bool:
    """Whether the paragraph of ``lead_in`` counts ``number`` things ("... four
    shortfalls recur in our material."), and is not the first of them ("The first lies
    in ..."). ``closing``: the count is among its last words (counted_at_close)."""
    if ORDINAL_LEAD.match(lead_in.label):
        return False
    text = dict(section.paragraphs)[lead_in.block].text
    if closing:
        return counted_at_close(text, number)
    count = COUNT_WORDS.get(number)
    counted = rf"\b(?:{count}|{number})\s+[a-z]"  # "four shortfalls", not "two-thirds"
    return count is not None and re.search(counted, text, re.I) is not None
