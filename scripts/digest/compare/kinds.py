"""What a section heading announces: problems, their causes, paths, or experiences.

The vocabulary is that of policy-oriented social science in general; a heading
with none of these words announces none of them (an introduction, a literature
review, the "importance" or "content" of something).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Checked in this order: "Analysis of the Causes of the Problems" is about causes,
# "Experiences ... and Lessons" about experiences, "Problems and Countermeasures"
# would be about both and is read as paths only when it leads with them.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "cause",
        re.compile(
            # ("roots", not "grass-roots"; not "took root")
            # (not a motive: "gives villagers a reason to return to them")
            # (nor a renewal: "How the Branches Might Re-root Themselves")
            r"\b(causes?|reasons?(?! to\b)|(?<!took )(?<!take )(?<!takes )(?<!taking )(?<!-)root|"
            r"(?<!grass-)(?<!grass )roots|origins?|factors?)\b|"
            # "How the Trouble Took Root": where a problem came from
            r"\b(?:troubles?|problems?|difficult(?:y|ies)|gaps?|strains?|frictions?) "
            r"(?:took|take|takes|taking) root\b|"
            r"^(?:why|behind)\b|\blies? behind\b|\bto (?:its|their|the) sources?\b|"
            # "The Generative Logic of the Dilemmas", "The Formation Mechanism of ...": how
            # the problems came about, in the words of Chinese journals' English editions
            r"\bgenerative logic\b|\bformation (?:mechanism|logic)s?\b|"
            # "How the Strains Came About"
            r"\b(?:came|come|comes|coming) about\b|"
            # "What Keeps the Gaps Open", "What Lies Beneath the Frictions": what keeps a
            # problem in being, whatever the problem's own word ("What Keeps Branches
            # from Leading?" names what stands in the way: obstacles, no causes)
            r"^what (?:keeps|holds|lies|sits|drives|explains)\b(?!.*\bfrom\b)|"
            # "Where the Frictions Come From"
            r"^where\b[^?]*\bcomes? from\b|"
            r"\blies? (?:beneath|under)\b|"
            # "The Gaps Persist Because Firms Move, Staff Are Few ..."
            r"\bbecause\b|"
            # "Sources of the Difficulties", not "Sources of Material"
            r"\b(?:sources|origins?) of (?:the |these |its |their )?(?:difficult|problem|dilemma|"
            r"weakness|tension|friction|strain|gap|shortcoming|fault|failing|trouble)|"
            # "The faults have three sources:"
            r"\b(?:two|three|four|five|[2-5]) (?:main |chief |principal |common )?sources\b",
            re.I,
        ),
    ),
    (
        "experience",
        re.compile(
            # (not a skill: "a company with Macao management experience")
            r"(?<!management )(?<!working )(?<!work )(?<!professional )"
            r"(?<!prior )(?<!previous )\b(experiences?|lessons?|enlightenments?|inspirations?|"
            r"insights?|takeaways?|instructive|"
            r"teach(?:es|ings?)?|"
            r"taught|(?:can|could|to) (?:learn|borrow|copy|emulate|replicate)|learning from)\b|"
            # "what other gachas could most usefully take from it", "practices that other
            # villages emerging from a clean-up could adapt"
            r"\b(?:can|could|may|might)(?:\s+\w+){0,2}?\s+(?:take from|take up|adapt|adopt)\b|"
            # what others may take up: "Three of its practices can be taken up by other
            # workshop villages"
            r"\b(?:can|could|may|might) be (?:taken up|adopted|copied|borrowed|replicated|"
            r"transferred|carried (?:over )?to)\b|"
            # "The Haibin Pilot as a Template": a case held up for others
            r"\bas an? (?:template|blueprint|model for)\b|"
            r"(?<!policy )\bimplications?\b|"
            # "What the Badaguan Station Shows", "Xinfeng and What It Shows", "What Dongbi
            # Got Right", "What the Floor Branch Learned", "What Laoling Offers Its
            # Neighbours", "... a Model Worth Copying": what a case shows others, not what
            # is wrong in it
            r"\bwhat\b[^?]*\b(?:shows?|showed|shown|demonstrates?|demonstrated|prove[sd]?|proven|"
            r"got right|went right|"
            r"did right|did differently|does differently|gets right|learned|learnt)\b|"
            r"^what\b[^?]*\boffers?\b|\band what (?:it|they|this|these)\b[^?]*\boffers?\b|"
            # "Tower Q Has Found Ways to Reach ...", "Xingguang Has Found Its Footing Again"
            r"\bha(?:s|ve) found\b|"
            # "Two findings of the pilot seem to us to travel beyond Qujiang"
            r"\btravel(?:s|led)? (?:beyond|well|to other)\b|\bcarr(?:y|ies) over to\b|"
            # "What made the difference in Xiayuan ... can be put in two points."
            r"\bmade (?:all )?the difference\b|"
            # "Three things done in Dongli since 2020 point the way:"
            r"\b(?:done|did|tried)\b[^.;:]*\bpoints? the way\b|"
            # (a lead-in: "Three things stand out from this case.")
            r"\bfrom (?:this|the|these|that) cases?\b|"
            # "Propositions Drawn from the Three Villages", "... with Counsel for Other
            # New Districts": what others may take from the cases
            r"\bdrawn from\b|\bcounsel\b|"
            r"\bworth (?:copying|emulating|following|replicating|learning from|borrowing|"
            r"spreading|carrying|taking|imitating)\b|"
            # "Several of its practices seem to us transferable to other oasis villages"
            r"\btransferable\b|"
            # "Reference Value of the Zhuorang Pilot", "three points of reference value for
            # other pastoral areas", "Revelations from ...": what others may draw on
            r"\breference (?:value|significance)\b|\bpoints? of reference\b|"
            r"\bfor reference\b|\brevelations?\b",
            re.I,
        ),
    ),
    (
        "path",
        re.compile(
            r"\b(paths?|countermeasures?|measures?|suggestions?|recommendations?|strateg(?:y|ies)|"
            r"adjustments?|remed(?:y|ies)|"
            r"optimi[sz]ation|solutions?|ways? to|how to|approach(?:es)?|"
            r"improve|strengthen|promote|develop|establish|build|innovate|enhance)\b",
            re.I,
        ),
    ),
    (
        "problem",
        re.compile(
            r"\b(problems?|difficult(?:y|ies)|dilemmas?|challenges?|deficienc(?:y|ies)|"
            r"shortcomings?|obstacles?|predicaments?|weakness(?:es)?|bottlenecks?|issues|"
            r"constraints?|pain points?|weak (?:links?|points?)|plights?|barriers?|impediments?|"
            r"failures?|insufficient(?:ly)?|inadequa\w+|lack|low|weak|not\s+\w+)\b",
            re.I,
        ),
    ),
)
# A heading that names one of these is background, whatever else it says.
# (A history is background too: "The Evolution of the Fengqiao Experience" tells how an
# experience came about; it puts forward no experience of its own.)
_BACKGROUND = re.compile(
    r"^(introduction|conclusions?|literature review|research background|summary|"
    r"research (?:design|questions?|issues|methods?|data|sites?)|data and methods?|methodology|"
    # the study's setting ("Setting and Sources", "Setting, Sources and Approach":
    # "setting" is no verb here)
    r"(?:the )?(?:study |research )?(?:settings?|sites?|cases?)(?=,|\s+and\b|\s*$)|"
    # a setting and how it was studied: "The Nursery Belt and the Survey"
    r"[^:?]*\band (?:the |our |its )?(?:survey|fieldwork|methods?)$|"
    r"the importance|importance|content|the contemporary value|purpose|significance|"
    r"(?:the\s+)?(?:evolution|history|historical development|formation|origins?) of|overview)\b",
    re.I,
)


# "Origins of the Gaps": where deficits come from, not the history of a practice.
_ORIGINS_OF_DEFICITS = re.compile(
    r"^(?:the\s+)?origins? of (?:the |these |its |their )?(?:difficult|problem|dilemma|"
    r"weakness|tension|friction|strain|gap|shortcoming)",
    re.I,
)


# A conclusion's (or summary's) heading that goes on to name more after a colon, a dash
# or "and".
_CLOSING_WITH_MORE = re.compile(
    r"^(?:concluding remarks|conclusions?|summary)\s*(?:[:—–]|,?\s+(?:and|with)\b)\s*(?=\S)",
    re.I,
)


# An item that names its own kind ("Friction: members whose files stayed behind",
# "Fix: a dual-registration card"): papers that pair each problem with its remedy.
_NAMED_KINDS = {
    "problem": "problem friction issue difficulty challenge shortcoming weakness gap dilemma "
    "predicament bottleneck obstacle",
    "cause": "cause reason root",
    "path": "fix remedy solution countermeasure response suggestion measure path "
    "recommendation proposal strategy",
    "experience": "lesson experience enlightenment revelation",
}
_KIND_NAMES = "|".join(w for words in _NAMED_KINDS.values() for w in words.split())
_NAMED_KIND = re.compile(rf"^({_KIND_NAMES})s?\s*:\s", re.I)
# ... or before its number, as many Chinese authors writing in English label their
# points: "Problem 1: ...", "Dilemma Two — ...", "Countermeasure (3) ...", "Lesson 2.".
_NUMBER_WORDS = "one two three four five six seven eight nine ten first second third fourth fifth"
_NUMBERED_KIND = re.compile(
    rf"^({_KIND_NAMES})\s+(?:no\.\s*)?"
    rf"(?:\d{{1,2}}|\(\d{{1,2}}\)|[IVX]{{1,4}}|{'|'.join(_NUMBER_WORDS.split())})"
    r"(?:\s*[:：.—–]|\s+-{1,2}|(?=\s+[A-Z]))\s*",
    re.I,
)


def kind_number_end(label: str) -> int:
    """Where the words of a label named by its kind and number start ("Problem 1:
    Village funds sit idle" -> the index of "Village"); 0 when it is not so named."""
    match = _NUMBERED_KIND.match(label)
    return match.end() if match else 0


def named_kind(label: str) -> str | None:
    """The kind an item's label names before a colon ("Fix: ...") or before its
    number ("Dilemma Two — ..."), if any."""
    match = _NAMED_KIND.match(label) or _NUMBERED_KIND.match(label)
    if match is None:
        return None
    word = match.group(1).lower()
    return next(kind for kind, words in _NAMED_KINDS.items() if word in words.split())


# What a paper says of itself, not of its field: the study's limits and the research
# still to do ("What This Study Cannot Tell Us", "Limitations and Future Research",
# "This study has three limitations.", "Future work should follow the dealers ...").
# Counted and listed as items are, they are none.
_ABOUT_THE_STUDY = re.compile(
    r"\b(?:this|the|our|present) (?:study|paper|research|article|analysis|note|survey)"
    r"(?:'s|’s)? (?:\w+ ){0,4}?(?:limitations?|limits|cannot|can not|does not tell|"
    r"did not (?:cover|reach|examine|include))\b"
    r"|\b(?:limitations?|limits) (?:of|in|to) (?:this|the|our|present) "
    r"(?:study|paper|research|article|analysis|note|survey)\b"
    r"|^(?:research |study )?limitations\b(?! of (?!(?:this|the|our) (?:study|research)))"
    r"|\bfuture (?:research|studies|study|work|inquiry)\b|\bfurther (?:research|studies|inquiry)\b"
    r"|\b(?:directions|avenues|agenda) for (?:future|further|later) \w+",
    re.I,
)


def is_background(text: str) -> bool:
    """An introduction, a review, a history, the study's own limits: a section whose
    sub-sections announce nothing either, whatever their wording."""
    about = _ABOUT_THE_STUDY.search(text)
    if about and not any(p.search(text[: about.start()]) for _, p in _TOP_LEVEL_KINDS):
        # (not "Suggestions and Future Research": suggestions first)
        return True
    return _BACKGROUND.match(text) is not None and not _ORIGINS_OF_DEFICITS.match(text)


# A heading naming what worked in a case ("What Worked in Baiyun", "What Went Right"):
# in a sentence "what already works" is only a verb ("Our proposals build on what
# already works in Lingjing.").
_WHAT_WORKED = re.compile(r"^what\b(?:\s+\w+){0,3}?\s+(?:worked|works)\b(?!\s+on\b)", re.I)


def heading_kind(text: str, *, top_level: bool) -> str | None:
    """The kind of item a heading announces, or None for background sections.

    Top-level headings are read strictly (a section "announces" with nouns such
    as "Difficulties" or "Countermeasures"); in sub-headings, where papers phrase
    each path as an imperative ("Strengthen the Construction of ..."), verbs and
    evaluative words ("Insufficiently", "Low") count too.
    """
    closing = _CLOSING_WITH_MORE.match(text)
    if closing:
        # "Conclusion: What the Travelling Branches Have Taught", "Conclusions and
        # Suggestions": a conclusion that also puts forward a kind.
        return heading_kind(text[closing.end() :], top_level=top_level)
    if is_background(text):
        return None
    if _WHAT_WORKED.match(text):
        return "experience"
    for kind, pattern in _KINDS[:2]:
        if pattern.search(text):
            return kind
    path_pattern, problem_pattern = (
        (_STRICT_PATH, _STRICT_PROBLEM) if top_level else (_KINDS[2][1], _KINDS[3][1])
    )
    path_at, problem_at = _first(path_pattern, text), _first(problem_pattern, text)
    # (a heading opening on a verb of action is the action, whatever it acts on:
    # "Binding the Stalls to the Branch", "Mending the Weak Links")
    if top_level and (problem_at is None or problem_at > 0) and _prescribing_heading(text):
        return "path"
    if path_at is not None and (problem_at is None or path_at < problem_at):
        return "path"
    if problem_at is not None:
        return "problem"
    return None


_STRICT_PATH = re.compile(
    r"\b(paths?|pathways?|countermeasures?|measures?|suggestions?|recommendations?|proposals?|"
    # "Rewiring Branch, Bureau and Volunteers: Four Adjustments"
    r"adjustments?|remed(?:y|ies)|"
    r"strateg(?:y|ies)|optimi[sz]ation|solutions?|ways? (?:to|of|for)|ways? forward|how to|"
    r"approach(?:es)? to|policy implications?|steps? (?:to|for)|directions? for|"
    r"programmes? for|programs? for|agenda for)\b"
    # "Steps the Town Can Take", "What the County and the Host Cities Could Do"
    r"|\bsteps\b[^?]*\b(?:can|could|should|must)\b"
    r"|^what\b[^?]*\b(?:can|could|should|must|might|may) (?:do|be done)\b"
    # "What Should Follow", "Where the County Goes Next", "Next Steps"
    r"|^what (?:should|must|might|could) (?:follow|come next|change)\b"
    r"|\b(?:goes|go|going|moves|move) next\b|\bnext steps?\b"
    # "How Party Work Can Keep Pace with the Fleet": what can be done
    r"|^how\b[^?]*\b(?:can|could|should|might)\b"
    # A section named for what it does ("Improving Party-Led Services for Veterans").
    r"|^(?:improving|strengthening|optimi[sz]ing|enhancing|perfecting|deepening)\b",
    re.I,
)
_STRICT_PROBLEM = re.compile(
    r"\b(problems?|difficult(?:y|ies)|dilemmas?|challenges?|deficienc(?:y|ies)|shortcomings?|"
    r"obstacles?|predicaments?|weakness(?:es)?|bottlenecks?|issues|constraints|pain points?|"
    r"weak (?:links?|points?|spots?)|plights?|barriers?|impediments?|gaps|"
    r"shortfalls?|falls? short|failures?|troubles?|troubled|"
    r"stalls?|strains?|frictions?|tensions?|pitfalls?|limitations?|weakens|"
    # verbs of failing: "How the Councils Falter in Practice", "Where Services Lag"
    r"falter(?:s|ing)?|struggl(?:e|es|ing)|lag(?:s|ging)?|break(?:s)? down|"
    # "Unsold Trees, Unsettled Rents: What Has Gone Wrong"
    r"(?:go(?:es)?|gone|went|going) wrong|"
    # "... Still Trail Behind the Crayfish Boom", "... Has Not Yet Become the Backbone"
    r"trail(?:s|ing)? behind|not yet|"
    # "Where the Branches Lose Their Footing", "Where Party Work Loses the Drivers"
    r"los(?:e|es|ing|t)|"
    # verbs of unsettling and missing: "How the Digging Season Unsettles Village
    # Order", "How Governance Misses the Extras", "Where Workshop Governance Slips"
    r"unsettl(?:e|es|ing)|disrupt(?:s|ing)?|undermin(?:e|es|ing)|erod(?:e|es|ing)|"
    # what stays wrong: "What the New Houses Left Unsettled", "What Remains Unresolved"
    r"un(?:settled|resolved|finished|answered|addressed|met)|undone|"
    r"fray(?:s|ing)?|slips?|slipping|miss(?:es|ing)?)\b",
    re.I,
)
# A section named for what is to be done: "Weaving a Party-Led Network for ...",
# "Toward Hospitals That Belong to the Neighbourhood": "toward" or the -ing form of a
# verb of action (not "Beijing", not "Measuring ...": a list of verbs, not a suffix).
_ACTION_OPENING = re.compile(r"^(?:towards?\b|(?P<gerund>[A-Za-z]+ing)\b)", re.I)


def _prescribing_heading(text: str) -> bool:
    match = _ACTION_OPENING.match(text)
    if not match:
        return False
    gerund = match.group("gerund")
    return gerund is None or _action_gerund(gerund.lower())


def _first(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    return match.start() if match else None


# --- what a section's items say, when its heading says nothing ----------------------
#
# "Where the Credit Link Weakens" or "Frictions around the Bulldozer" announce problems
# in words no list holds. Such a section still shows its kind in its items: paths are
# put as things to do ("Open the rating process ...", "Building a ...", "... should be
# made public"), problems as things that are wrong ("Branch cadres know little about
# finance"). These words are general English of prescription and of deficit, not the
# field's vocabulary.

_PRESCRIBING = re.compile(r"\b(should|must|ought to|needs? to|has to|have to)\b", re.I)
_ACTION_VERBS = frozenset(
    """adopt advance anchor align bind bridge bring build clarify combine connect count
    create cultivate deepen define develop embed empower encourage enhance ensure
    establish expand extend foster give guide hold implement improve incorporate innovate
    integrate introduce invest involve keep knit launch lighten let link make map
    mobilise mobilize open optimise optimize organise organize pair perfect pool promote
    provide put raise rebuild reform refine reinforce rely renew reshape restore reward
    root select separate set share simplify sink standardise standardize streamline
    strengthen support take tie train transform turn unify upgrade use weave widen""".split()
)
_DEFICIT = re.compile(
    r"\b(lacks?|lacking|little|few|fewer|no|not|cannot|never|without|weak\w*|poor\w*|"
    r"insufficient\w*|inadequate\w*|fail\w*|rarely|seldom|hard|difficult\w*|absen\w+|"
    r"shortages?|only|outside|burden\w*|unclear|vague\w*|formalis\w+|"
    r"formaliz\w+|lag\w*|hollow\w*|idle|distrust\w*|mistrust\w*|conflicts?|disputes?|"
    r"too|neglect\w*|ignor\w+|struggl\w+|problems?|gaps?|left|out of|"
    # "Compensation is slow and opaque", "Duties at the seawall overlap", "The
    # branches are old and thin"
    r"slow\w*|opaque|thin|overlap\w*|delay\w*|outdated|fragment\w*|"
    # "Co-rearing centres are underused", "understaffed", "underfunded"
    r"under(?:used|funded|staffed|resourced|served|powered|utili[sz]ed))\b",
    re.I,
)
# At least this share of a section's items must read alike for it to count.
ITEMS_AGREE = 2 / 3


def _action_gerund(word: str) -> bool:
    """ "building" -> build, "making" -> make, "setting" -> set: a verb of action?"""
    if not word.endswith("ing"):
        return False
    stem = word[:-3]
    return any(w in _ACTION_VERBS for w in (stem, stem + "e", stem[:-1]))


def _prescribes(label: str) -> bool:
    if _PRESCRIBING.search(label):
        return True
    words = label.lower().split()
    if words[:1] == ["to"]:  # "to set up long-term project funds"
        words = words[1:]
    word = words[0] if words else ""
    return _action_gerund(word) or word in _ACTION_VERBS or _imperative(words)


# What an imperative's verb is followed by: its object's determiner ("Hand the slopes
# back", "Recruit young stewards"), where a noun subject is followed by its verb.
_OBJECT_OPENINGS = frozenset("the a an each every all their its our more young".split())
_NOT_VERBS = frozenset(
    """the a an each every all some many most no one two three four this these that those
    its their our his her party village county township branch community
    inside outside beyond between within across among amid behind under over above below
    after before at in on for from with without into onto through toward towards around
    along against about beside near by of to up down off out upon despite during like
    unlike via per when where how why what who whom whose which then once while if and
    but or nor as so yet than""".split()
)


def _imperative(words: list[str]) -> bool:
    """A label in the imperative mood by its shape, whatever its verb: a bare word
    (not a plural or third-person "-s", not "-ed" or "-ing", not a determiner) right
    before an object's determiner."""
    if len(words) < 3 or words[1] not in _OBJECT_OPENINGS:
        return False
    verb = words[0]
    return verb.isalpha() and verb not in _NOT_VERBS and not verb.endswith(("s", "ed", "ing", "ly"))


# A remedy named as such: "The remedy is a standing council ...", "To address this, the
# town ...", "The better course is ..." (extract.py also reads a label's sentence by it).
_REMEDY = (
    r"(?:to (?:address|remedy|fix|tackle|solve|ease|correct) (?:this|it|that|these|them)\b"
    r"|(?:the|our|a|one) (?:\w+ )?(?:remedy|solution|cure|fix|course|answer)"
    r" (?:is|lies|would be)\b)"
)
REMEDY_OPENING = re.compile(_REMEDY, re.I)
# The authors' own advice: "We suggest that the branch bring ...", or a remedy.
_ADVISES = re.compile(
    r"\b(?:we|i) (?:would )?(?:suggest|propose|recommend|urge)\b"
    rf"|\bit is (?:advisable|recommended)\b|\b{_REMEDY}",
    re.I,
)


def item_kind(label: str, opening: str, passage: str) -> str | None:
    """The kind one item shows by itself: "path" when its label or its passage's
    opening sentence prescribes, or its passage does and its label names no deficit;
    "problem" when its label or its passage names deficits and nothing in it
    prescribes; None when it shows neither."""
    whole = f"{label}. {passage}"
    deficit = _DEFICIT.search(label) is not None
    if _prescribes(label) or _PRESCRIBING.search(opening):
        return "path"
    if _PRESCRIBING.search(whole) or _ADVISES.search(whole):
        # ("Returning the agenda to the branch meeting. Since 2021 the branch has ...
        # We think this should become a rule")
        return None if deficit else "path"
    if deficit or len(_DEFICIT.findall(passage)) >= _PASSAGE_DEFICITS:
        return "problem"
    return None


def makes_a_claim(label: str) -> bool:
    """Does a heading put a point itself, prescribing ("Strengthen the training of
    ...") or naming a deficit ("Grid members are overloaded ...")? A heading that does
    neither may only name a group of points ("Inside the Party")."""
    return _prescribes(label) or _DEFICIT.search(label) is not None


# A passage that tells of a deficit says so more than once ("... seldom stepped in
# until ... could only put out fires"); one "not" is any sentence's.
_PASSAGE_DEFICITS = 2


def items_kind(labels: list[str], passages: list[str] | None = None) -> str | None:
    """ "path" when most labels prescribe, "problem" when most name a deficit, else
    None: a heading that says nothing is read through the items under it. Labels that
    say neither ("Owners who treat Party activities as a cost") are read with their
    passages: a problem's tells what is wrong and prescribes nothing, a path's says
    what should be done."""
    if len(labels) < 2:
        return None
    needed = ITEMS_AGREE * len(labels)
    actions = sum(_prescribes(label) for label in labels)
    deficits_named = sum(bool(_DEFICIT.search(label)) for label in labels)
    if actions >= needed:
        return "path"
    if deficits_named >= needed:
        return "problem"
    if passages is None:
        return None
    texts = [f"{label}. {passage}" for label, passage in zip(labels, passages, strict=True)]
    prescribing = [_PRESCRIBING.search(text) is not None for text in texts]
    deficits = [
        not prescribes and len(_DEFICIT.findall(text)) >= _PASSAGE_DEFICITS
        for text, prescribes in zip(texts, prescribing, strict=True)
    ]
    if sum(deficits) >= needed:
        return "problem"
    if sum(prescribing) >= needed:
        return "path"
    # Half the labels name an action ("Building a joint branch for riders") and the rest
    # name arrangements ("A lane roundtable of riders ..."), none a deficit: measures.
    if 2 * actions >= len(labels) and not deficits_named:
        return "path"
    return None


# Each kind's words as a top-level heading uses them (nouns for paths and problems).
_TOP_LEVEL_KINDS = (*_KINDS[:2], ("path", _STRICT_PATH), ("problem", _STRICT_PROBLEM))


@lru_cache(maxsize=4096)  # (pure; the readers ask again of the same lead-ins)
def announced_kind(sentence: str) -> str | None:
    """The kind a sentence leading in to items announces: of the kinds it names, the
    one named last, its object ("The experience of Tower Q cannot be copied, but it
    points to measures ..." announces paths; "Even with these issues, the practice
    offers several points of enlightenment" experiences)."""
    if _BACKGROUND.match(sentence) or _ABOUT_THE_STUDY.search(sentence):
        return None
    last: tuple[int, str] | None = None
    for kind, pattern in _TOP_LEVEL_KINDS:
        for match in pattern.finditer(sentence):
            if last is None or match.end() > last[0]:
                last = (match.end(), kind)
    return last[1] if last else None
