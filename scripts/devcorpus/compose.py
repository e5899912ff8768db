# ruff: noqa: E501 (sentence templates read best unbroken)
"""Compose social-science prose on governance topics, deterministically from a seed.

A small grammar: sentence templates whose slots are filled from topic word banks.
Paragraphs mix claims, evidence with numbers, citations like ``(Wang, 2016)``,
quoted phrases, parentheses and long words that hyphenate at line ends. The same
seed always gives the same document; different seeds give different bodies.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from .model import (
    Block,
    BulletList,
    Document,
    Figure,
    Heading,
    Note,
    NumberedList,
    Para,
    Quote,
    Table,
)

SURNAMES = (
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao "
    "Tang Song Deng Han Feng Cao Peng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su"
).split()
GIVEN = (
    "Sijing Wei Xiaoming Jun Hui Lei Yan Min Jie Tao Ying Qiang Fang Ning Rui Hao Lin Xue Bo Kai"
).split()
PLACES = (
    "Zhejiang Province|Guangdong Province|Sichuan Province|Hubei Province|Shandong Province|"
    "Jiangsu Province|Foshan City|Chengdu|Hangzhou|Zhengzhou|Ningbo|Xiamen|Guizhou Province|"
    "Yunnan Province|Anhui Province|Hunan Province|Shaanxi Province|Jiangxi Province"
).split("|")
JOURNALS = (
    "Chinese Public Administration|Journal of Public Management|Social Sciences in China|"
    "Governance Studies|Rural Economy|Urban Problems|Journal of Chinese Political Science|"
    "China Quarterly of Policy Research|Public Administration Review Asia|Local Governance Forum"
).split("|")
JOURNAL_NAMES = (
    "Journal of Grassroots Governance Studies|Review of Public Policy and Administration|"
    "Asian Journal of Community Governance|Policy and Society Quarterly|"
    "International Journal of Rural Development Policy|Studies in Local Government"
).split("|")

TOPICS: dict[str, dict[str, list[str]]] = {
    "community": {
        "field": ["community governance", "neighbourhood governance", "urban community governance"],
        "actor": [
            "neighbourhood committees",
            "community Party branches",
            "property management companies",
            "owners' committees",
            "community social workers",
            "residents' representatives",
        ],
        "object": [
            "the renovation of old residential compounds",
            "the management of shared public space",
            "the mediation of neighbourhood disputes",
            "the coordination of volunteer services",
            "the allocation of community service funds",
        ],
        "keyword": ["community governance", "neighbourhood committees", "co-governance"],
    },
    "party": {
        "field": ["grassroots Party building", "Party-building-led governance", "Party building"],
        "actor": [
            "grassroots Party organisations",
            "village Party secretaries",
            "Party members in the community",
            "township Party committees",
            "Party-building alliances",
        ],
        "object": [
            "the integration of regional Party-building resources",
            "the supervision of village cadres",
            "the mobilisation of Party members as volunteers",
            "the standardisation of branch activities",
            "the evaluation of grassroots leadership teams",
        ],
        "keyword": ["Party building", "grassroots organisations", "political leadership"],
    },
    "rural": {
        "field": ["rural revitalisation", "rural governance", "village governance"],
        "actor": [
            "village committees",
            "rural collective economic organisations",
            "returning entrepreneurs",
            "township governments",
            "agricultural cooperatives",
        ],
        "object": [
            "the consolidation of poverty alleviation achievements",
            "the development of characteristic agricultural industries",
            "the improvement of rural living environments",
            "the transfer of contracted land-use rights",
            "the management of collective assets",
        ],
        "keyword": ["rural revitalisation", "village governance", "collective economy"],
    },
    "services": {
        "field": ["public service provision", "basic public services", "social service delivery"],
        "actor": [
            "street-level bureaucrats",
            "county health commissions",
            "social organisations",
            "service centres for the elderly",
            "contracted service providers",
        ],
        "object": [
            "the equalisation of basic public services",
            "the purchase of services from social organisations",
            "home-based care for the elderly",
            "the accessibility of primary health care",
            "the digitalisation of administrative approval",
        ],
        "keyword": ["public services", "service delivery", "equalisation"],
    },
    "policy": {
        "field": [
            "policy implementation",
            "intergovernmental coordination",
            "policy experimentation",
        ],
        "actor": [
            "county-level governments",
            "functional departments",
            "inspection teams",
            "township cadres",
            "provincial leading groups",
        ],
        "object": [
            "the implementation of environmental regulations",
            "the decomposition of performance targets",
            "the accountability of local officials",
            "the diffusion of pilot programmes",
            "the coordination of overlapping responsibilities",
        ],
        "keyword": ["policy implementation", "accountability", "target responsibility"],
    },
    "digital": {
        "field": ["digital governance", "smart community construction", "grid management"],
        "actor": [
            "grid administrators",
            "big-data bureaus",
            "platform operators",
            "community information officers",
        ],
        "object": [
            "the construction of integrated service platforms",
            "the sharing of administrative data across departments",
            "the online handling of residents' requests",
            "the protection of personal information",
        ],
        "keyword": ["digital governance", "grid management", "information platforms"],
    },
}

LONG_WORDS = [
    "institutionalisation",
    "accountability",
    "decentralisation",
    "professionalisation",
    "representativeness",
    "bureaucratisation",
    "comprehensiveness",
    "standardisation",
    "responsiveness",
    "intergovernmental coordination",
    "administrative fragmentation",
    "interdepartmental cooperation",
]

QUOTED = [
    "three-in-one",
    "last mile",
    "one core, multiple actors",
    "small matters stay in the village",
    "grid plus Party building",
    "running at most once",
    "bottom-up feedback",
    "whistle from the street, departments report",
]

CLAIMS = [
    "In recent years, {actor} have played an increasingly visible role in {object}.",
    "The literature on {field} has paid growing attention to {object} (see, for example, {citein}).",
    "{Actor} are expected to balance administrative tasks against the everyday needs of residents.",
    "Existing studies tend to treat {object} as a technical problem, whereas it is also a question of {long} and trust.",
    "{Cite} argued that {object} depends less on formal rules than on the informal networks of {actor}.",
    "Scholars disagree about whether {field} strengthens or weakens the autonomy of {actor} {cite}.",
    "A recurring theme in the interviews was the tension between {long} and flexibility.",
    "This observation is consistent with earlier work on {field} in {place} {cite}.",
    "The so-called “{quoted}” model has been promoted as a way of improving {object}.",
    "Local officials described the “{quoted}” approach as both a slogan and a working method.",
    "It would be premature, however, to conclude that {object} has become routine practice.",
    "Much of the burden of {object} still falls on {actor}, who often lack the necessary resources.",
    "The evidence presented here suggests that {field} is shaped by local fiscal capacity as much as by central policy.",
    "Critics note that the emphasis on {long} can crowd out genuine participation by residents.",
    "These findings qualify the optimistic account of {field} offered by {cite2}.",
    "As one township cadre put it, the work of {actor} is “never finished, only handed over”.",
    "Where {actor} were involved from the outset, {object} proceeded more smoothly and with fewer complaints.",
    "The relationship between {actor} and {actor2} remains ambiguous in most official documents.",
    "In practice, {object} involves negotiation among {actor}, {actor2} and ordinary residents.",
    "Such arrangements raise questions about {long}, transparency and the limits of administrative absorption.",
]
EVIDENCE = [
    "In {year}, {pct} per cent of the surveyed households reported that {actor} had helped with {object}.",
    "Of the {n} villages in our sample, {m} had adopted formal procedures for {object} by {year}.",
    "The number of registered volunteers in {place} rose from {n} in {year0} to {big} in {year}.",
    "Between {year0} and {year}, spending on {object} increased by {pct} per cent (in constant prices).",
    "Our survey ({n} respondents, response rate {pct} per cent) shows considerable variation across districts.",
    "Roughly two thirds of the respondents (n = {big}) agreed that {actor} respond quickly to requests.",
    "The average time needed to settle a dispute fell from {m} days to {m2} days after the reform.",
    "In the pilot districts of {place}, {m} of the {n} communities met the provincial targets for {object}.",
]
LINKS = [
    "Moreover, ",
    "However, ",
    "By contrast, ",
    "At the same time, ",
    "In addition, ",
    "For example, ",
    "Nevertheless, ",
    "",
    "",
    "",
]

# Sentence-initial words that may follow a linking phrase in lower case.
LOWERABLE = {
    "The",
    "This",
    "These",
    "Such",
    "It",
    "Much",
    "Where",
    "Existing",
    "Scholars",
    "Critics",
    "As",
    "Local",
    "Our",
    "Roughly",
    "A",
    "Between",
}

SECTION_OPENERS = ["Introduction", "Background and Research Questions", "Introduction and Context"]
SECTION_CLOSERS = ["Conclusion", "Conclusions and Policy Implications", "Concluding Remarks"]
SECTION_MIDDLE = [
    "Literature Review",
    "Theoretical Framework",
    "Research Design and Data",
    "Data and Methods",
    "Findings",
    "Discussion",
    "Case Analysis: {Place}",
    "The Practice of {Field} in {Place}",
    "Problems in {Field}",
    "Explaining Variation in {Field}",
    "Policy Recommendations",
]
LONG_HEADINGS = [
    "Institutional Arrangements for Coordinating {Actor}, {Actor2} and Residents in {Field}",
    "From Administrative Absorption to Collaborative Governance: The Changing Role of {Actor} in {Place}",
    "Why Do Reforms of {Field} Succeed in Some Districts and Stall in Others? Evidence from {Place}",
    "Resources, Responsibilities and Accountability: Rethinking the Division of Labour between {Actor} and {Actor2}",
]
SUB_HEADINGS = [
    "The Role of {Actor}",
    "Sources of Data",
    "Measurement of Key Variables",
    "Case Selection",
    "Resource Constraints",
    "Participation and Trust",
    "Accountability Mechanisms",
    "Fiscal Capacity and Incentives",
    "The Experience of {Place}",
    "Limits of the Present Study",
    "Coordination between {Actor} and {Actor2}",
    "Strengthening {Field}",
    "Implications for {Field}",
]
FOOTNOTES = [
    "The survey was conducted between March and June {year} in {n} administrative villages.",
    "All names of villages and interviewees have been anonymised.",
    "Figures are rounded to the nearest whole number; totals may therefore not add up.",
    "See the notice issued by the provincial Party committee in {year} on strengthening {field}.",
    "Interviews were recorded with the consent of the participants and transcribed in full.",
    "The classification follows the official statistical yearbook of {place} for {year}.",
    "We thank the anonymous reviewers for drawing our attention to this point.",
    "On the history of this slogan see {cite2}.",
]
BLOCK_QUOTES = [
    "When residents come to us with a problem, we cannot tell them that it belongs to another "
    "department. We write it down, we call the department, and if nothing happens within a week "
    "we go to the township ourselves. Otherwise nobody will trust the committee again.",
    "The Party branch should not do everything by itself. Its task is to bring the property "
    "company, the owners' committee and the volunteers to the same table and to make sure that "
    "the decision taken there is actually carried out.",
    "We used to hold meetings only when the township asked for them. Now the villagers' council "
    "meets every month, the accounts are posted on the noticeboard, and anyone may ask questions "
    "about how the collective income has been spent.",
    "The targets come down from the county every year, but the money does not always follow. "
    "So we rely on volunteers, on donations from local entrepreneurs and on the goodwill of the "
    "older Party members, who still remember how things were done before.",
]
LIST_INTROS = [
    "The reform rested on the following measures:",
    "Three mechanisms can be distinguished:",
    "The interviews point to several recurring problems:",
    "The provincial guidelines require the following steps:",
]
LIST_ITEMS = [
    "regular joint meetings of {actor} and {actor2}",
    "public disclosure of village accounts every quarter",
    "a single service window for residents' requests",
    "training for newly elected cadres in {field}",
    "performance evaluation that includes residents' satisfaction",
    "a clear list of the responsibilities of {actor}",
    "earmarked funding for {object}",
    "follow-up visits to households that filed complaints",
    "annual reports by {actor} to the villagers' assembly",
]
TABLE_CAPTIONS = [
    "Basic characteristics of the sample villages (n = {n})",
    "Distribution of respondents by district and age group",
    "Indicators used to measure {field}",
    "Spending on {object}, {year0}–{year}",
]
FIGURE_CAPTIONS = [
    "Analytical framework of {field}",
    "Organisational structure of {actor} in {place}",
    "The process of handling residents' requests",
    "Trends in participation, {year0}–{year}",
]


def title_case(text: str) -> str:
    small = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"}
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in small:
            out.append(word.lower())
        elif word[:1].islower():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


class Composer:
    """Fills templates from the word banks of one or two topics, with its own RNG."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.topics = self.rng.sample(sorted(TOPICS), 2)
        self.cited: dict[tuple[str, ...], int] = {}
        self.used: set[str] = set()

    def bank(self, key: str) -> list[str]:
        return [word for topic in self.topics for word in TOPICS[topic][key]]

    def pick(self, key: str) -> str:
        return self.rng.choice(self.bank(key))

    def citation_names(self) -> tuple[tuple[str, ...], int]:
        rng = self.rng
        if self.cited and rng.random() < 0.3:
            names, year = rng.choice(sorted(self.cited.items()))
            return names, year
        count = rng.choice([1, 1, 1, 2, 3])
        names = tuple(rng.sample(SURNAMES, count))
        year = rng.randint(2005, 2022)
        self.cited[names] = year
        return names, year

    @staticmethod
    def _names(names: tuple[str, ...]) -> str:
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return f"{names[0]} and {names[1]}"
        return f"{names[0]} et al."

    def cite(self) -> str:
        names, year = self.citation_names()
        return f"({self._names(names)}, {year})"

    def cite_narrative(self) -> str:
        names, year = self.citation_names()
        return f"{self._names(names)} ({year})"

    def fill(self, template: str, heading: bool = False) -> str:
        rng = self.rng
        year = rng.randint(2012, 2021)
        actor = self.pick("actor")
        actor2 = self.rng.choice([a for a in self.bank("actor") if a != actor])
        values = {
            "actor": actor,
            "actor2": actor2,
            "object": self.pick("object"),
            "field": self.pick("field"),
            "place": rng.choice(PLACES),
            "long": rng.choice(LONG_WORDS),
            "quoted": rng.choice(QUOTED),
            "year": str(year),
            "year0": str(year - rng.randint(3, 8)),
            "pct": f"{rng.randint(12, 88)}.{rng.randint(0, 9)}",
            "n": str(rng.randint(24, 96)),
            "m": str(rng.randint(5, 20)),
            "m2": str(rng.randint(2, 4)),
            "big": f"{rng.randint(1, 9)},{rng.randint(100, 999)}",
        }

        def replace(match: re.Match[str]) -> str:
            key = match.group(1)
            if key.lower() == "cite":
                return self.cite() if key == "cite" else self.cite_narrative()
            if key == "cite2":
                return self.cite_narrative()
            if key == "citein":
                return self.cite()[1:-1]
            value = values[key.lower()]
            if not key[0].isupper():
                return value
            return title_case(value) if heading else value[0].upper() + value[1:]

        return re.sub(r"\{(\w+)\}", replace, template)

    def sentence(self) -> str:
        for _ in range(20):
            template = self.rng.choice(EVIDENCE if self.rng.random() < 0.3 else CLAIMS)
            text = self.fill(template)
            if text not in self.used:
                break
        self.used.add(text)
        link = self.rng.choice(LINKS)
        first = text.split(" ", 1)[0]
        if link and first in LOWERABLE and "however" not in text:
            text = link + text[0].lower() + text[1:]
        if self.rng.random() < 0.15 and not text.endswith(")."):
            text = text[:-1] + f" {self.cite()}."
        return text

    def paragraph(self, low: int = 3, high: int = 7) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def heading(self, template: str) -> str:
        return self.fill(template, heading=True)


def compose(seed: int, *, footnotes: int = 3, long_headings: bool = False) -> Document:
    """A whole composed document: front matter, 4-7 sections, references."""
    c = Composer(seed)
    rng = c.rng
    blocks: list[Block] = []
    n_sections = rng.randint(4, 6)
    middles = rng.sample(SECTION_MIDDLE, n_sections - 2)
    titles = [rng.choice(SECTION_OPENERS), *middles, rng.choice(SECTION_CLOSERS)]
    if long_headings:
        for position in rng.sample(range(1, n_sections - 1), min(2, n_sections - 2)):
            titles[position] = rng.choice(LONG_HEADINGS)
    extras = ["bullets", "numbers", "quote", "table", "figure"]
    rng.shuffle(extras)
    # Spread the special blocks over the middle sections.
    slots: dict[int, list[str]] = {}
    for i, extra in enumerate(extras):
        slots.setdefault(1 + i % max(1, n_sections - 2), []).append(extra)
    counters = {"table": 0, "figure": 0}
    for index, template in enumerate(titles):
        blocks.append(Heading(1, c.heading(template)))
        subs = rng.randint(2, 3) if 0 < index < n_sections - 1 and rng.random() < 0.6 else 0
        chunks = [[] for _ in range(max(1, subs))]
        for chunk in chunks:
            chunk.extend(Para([c.paragraph()]) for _ in range(rng.randint(1, 3)))
        for extra in slots.get(index, []):
            chunk = rng.choice(chunks)
            at = rng.randint(1, len(chunk))
            chunk[at:at] = _extra(c, extra, counters)
        sub_titles = rng.sample(SUB_HEADINGS, subs) if subs else []
        if long_headings and sub_titles:
            sub_titles[0] = rng.choice(LONG_HEADINGS)
        for i, chunk in enumerate(chunks):
            if subs:
                blocks.append(Heading(2, c.heading(sub_titles[i])))
            blocks.extend(chunk)
    _add_footnotes(c, blocks, footnotes)
    return _wrap(c, blocks, seed)


def _extra(c: Composer, kind: str, counters: dict[str, int]) -> list[Block]:
    rng = c.rng
    if kind == "bullets":
        items = [c.fill(t) for t in rng.sample(LIST_ITEMS, rng.randint(3, 4))]
        items = [item[0].upper() + item[1:] + "." for item in items]
        return [Para([c.paragraph(1, 2) + " " + rng.choice(LIST_INTROS)]), BulletList(items)]
    if kind == "numbers":
        items = [c.sentence() for _ in range(rng.randint(3, 4))]
        return [Para([c.paragraph(1, 2) + " " + rng.choice(LIST_INTROS)]), NumberedList(items)]
    if kind == "quote":
        return [
            Para([c.paragraph(1, 2) + " One interviewee described the routine as follows:"]),
            Quote(rng.choice(BLOCK_QUOTES)),
        ]
    if kind == "table":
        counters["table"] += 1
        caption = c.fill(rng.choice(TABLE_CAPTIONS))
        rows = [["Indicator", "Mean", "Share (%)"]]
        for label in rng.sample(
            ["Households", "Party members", "Volunteers", "Cadres", "Budget"], 3
        ):
            rows.append(
                [label, str(rng.randint(10, 900)), f"{rng.randint(5, 95)}.{rng.randint(0, 9)}"]
            )
        return [Table(f"Table {counters['table']}. {caption}", rows)]
    counters["figure"] += 1
    caption = c.fill(rng.choice(FIGURE_CAPTIONS))
    return [Figure(f"Figure {counters['figure']}. {caption}")]


def _add_footnotes(c: Composer, blocks: list[Block], count: int) -> None:
    paras = [b for b in blocks if isinstance(b, Para) and not b.spans[0].endswith(":")]
    for para in sorted(c.rng.sample(paras, min(count, len(paras))), key=blocks.index):
        text = para.spans[0]
        # Anchor after the first or second sentence.
        ends = [m.end() for m in re.finditer(r"[a-z0-9)]\.(?= [A-Z])", text)]
        cut = c.rng.choice(ends[:2]) if ends else len(text)
        note = Note(c.fill(c.rng.choice(FOOTNOTES)))
        rest = text[cut:]
        para.spans = [text[:cut], note, *([rest] if rest else [])]


def _wrap(c: Composer, blocks: list[Block], seed: int) -> Document:
    rng = c.rng
    field = c.pick("field")
    place = rng.choice(PLACES)
    title = rng.choice(
        [
            f"{title_case(field)} and Its Discontents: Evidence from {place}",
            f"Between Mobilisation and Routine: {title_case(field)} in {place}",
            f"Who Governs the Grassroots? {title_case(field)} in Contemporary China",
            f"Rethinking {title_case(field)}: A Study of {title_case(c.pick('actor'))}",
            f"The Practice and Problems of {title_case(field)} in {place}",
        ]
    )
    short = title.split(":")[0].split("?")[0]
    if len(short) > 45:
        short = short[:45].rsplit(" ", 1)[0]
    n_authors = rng.randint(1, 3)
    authors = [f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}" for _ in range(n_authors)]
    affiliations = rng.sample(
        [
            f"School of Public Administration, {rng.choice(['Zhengzhou', 'Sichuan', 'Nanjing'])} University, China",
            "Institute of Political Science, Academy of Social Sciences, Beijing, China",
            f"Department of Sociology, University of {rng.choice(['Wuhan', 'Xiamen', 'Shandong'])}, China",
            "Party School of the Provincial Party Committee, Hangzhou, China",
        ],
        min(n_authors, 2),
    )
    abstract = [c.paragraph(4, 6)]
    keywords = [*rng.sample(c.bank("keyword"), 3), c.pick("field")]
    keywords = list(dict.fromkeys(keywords))
    references = []
    for names, year in sorted(c.cited.items()):
        people = ", ".join(f"{n}, {rng.choice(GIVEN)[0]}." for n in names)
        rtitle = title_case(
            c.fill(rng.choice(["{object}", "{field} in {place}", "the role of {actor}"]))
        )
        references.append(
            f"{people} ({year}). {rtitle[0].upper() + rtitle[1:]}. {rng.choice(JOURNALS)}, "
            f"{rng.randint(3, 40)}({rng.randint(1, 6)}), {(p := rng.randint(10, 180))}–{p + rng.randint(8, 25)}."
        )
    month = rng.choice(["March", "June", "September", "December"])
    return Document(
        title=title,
        short_title=short,
        authors=authors,
        affiliations=affiliations,
        abstract=abstract,
        keywords=keywords,
        blocks=blocks,
        references=references,
        journal=rng.choice(JOURNAL_NAMES),
        date=f"Received {rng.randint(1, 28)} {month} {rng.randint(2019, 2023)}",
        seed=seed,
    )


def from_seed(path: Path, seed: int) -> Document:
    """A document whose body is a seed gold body (numbering stripped; renumbered by layout)."""
    doc = compose(seed, footnotes=0)
    blocks: list[Block] = []
    for chunk in path.read_text(encoding="utf-8").split("\n\n"):
        chunk = chunk.strip()
        if not chunk:
            continue
        match = re.match(r"(#+) (?:[0-9.]+ )?(.*)", chunk)
        if match:
            blocks.append(Heading(len(match.group(1)) - 1, match.group(2)))
        else:
            blocks.append(Para([" ".join(chunk.split())]))
    doc.blocks = blocks
    doc.body_source = f"seed:{path.name}"
    return doc
