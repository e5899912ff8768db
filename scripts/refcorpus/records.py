"""Random bibliographic records, the known truth behind every training string.

A record is a CSL-JSON item (what citeproc-py renders) plus nothing else: the
fields *are* the gold. Values are composed for the purpose from word lists of
social-science and policy writing, with pinyin and Western names, so that no
record is a real work and no string comes from the corpus. The numbers of one
record (year, volume, issue, pages, access date) never share a value: the
aligner finds them in the rendered string by value, and a value printed twice
would be ambiguous.
"""

from __future__ import annotations

import random
from typing import Any

from digest.references.pinyin import SURNAMES

# CSL types and how often each is drawn; the mix of a social-science reference list.
TYPE_WEIGHTS: dict[str, int] = {
    "article-journal": 40,
    "book": 14,
    "chapter": 10,
    "paper-conference": 8,
    "thesis": 6,
    "report": 8,
    "article-newspaper": 5,
    "webpage": 7,
    "article": 3,  # a preprint or working draft: arXiv and the like
}

_PINYIN_SURNAMES = sorted(SURNAMES)
_PINYIN_GIVEN = (
    "Jianing Wei Xiaoming Lina Hui Jun Yanfang Zhiqiang Mingzhu Haiyan Guoqing Xiaolin Tao "
    "Yong Qiang Fang Jing Lei Ping Hongwei Dongmei Jianguo Xin Yue Shuang Chenyu Zihan Yuxuan "
    "Bo Kai Lin Na Rui Xu Yi Zhen Wenjie Qiuyue Shaohua Liqun Xueping Jiahui Zhengyu"
).split()
_WESTERN_SURNAMES = (
    "Smith Johnson Brown Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson White "
    "Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams Nelson Hill Campbell "
    "Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy "
    "Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood "
    "Watson Brooks Bennett Gray James Hughes Price Sanders Myers Long Ross Foster Perry Powell "
    "Sullivan Russell Fischer Schmidt Müller Dubois Rossi Nakamura Tanaka Kim Park Singh Gupta "
    "O'Brien McCarthy Thornton Whyte Shue Tsai Perry Heilmann Mertha Oi Unger Saich Pieke "
    "Pérez Ragan-Kelley Bussonnier Halfaker Geiger Kluyver Hunter McKinney Wickham Gentzkow "
    "Shapiro Steinmacher Redmiles Ioannidis Stodden Peng Jiménez Sørensen Kowalski Nowak "
    "Rossi Ferreira Silva Santos Oliveira Andersson Nielsen Dupont Lefebvre Novak Horvat"
).split()
_PARTICLES = ["van der", "de", "van", "von", "de la", "di"]
_WESTERN_GIVEN = (
    "John Mary Robert Patricia Michael Linda David Elizabeth James Susan Richard Jessica Thomas "
    "Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Sandra Steven Ashley Paul "
    "Kimberly Andrew Emily Joshua Donna Kevin Michelle Brian Carol Jean-Pierre Anne-Marie Hans "
    "Elizabeth J. Kevin J. Martin K. Vivienne Lily L. Benjamin L. Melanie Andrew G. "
    "Fernando Matthias Jessica Stéfan Jarrod Aaron Stuart R. Wes Hadley Greg Titus Jenny "
    "Tracy Justin Karthik Ana Sofía João Lars Ingrid Søren Zoë Dheeraj Swapnaa Shoaib"
).split()
_ORGANISATIONS = [
    "World Bank",
    "National Bureau of Statistics of China",
    "Organisation for Economic Co-operation and Development",
    "United Nations Development Programme",
    "Ministry of Civil Affairs",
    "State Council Information Office",
    "Asian Development Bank",
    "Central Organization Department of the CPC",
    "International Labour Organization",
    "China Development Research Foundation",
    "Pew Research Center",
    "European Commission",
]

_SUBJECTS = (
    "grassroots governance|Party building|village elections|community governance|rural "
    "revitalisation|urban neighbourhoods|social organisations|public participation|township "
    "governments|local cadres|policy experimentation|fiscal decentralisation|grid management|"
    "street-level bureaucracy|collective action|land requisition|village committees|homeowners' "
    "associations|migrant workers|poverty alleviation|environmental governance|digital "
    "government|social credit|civic engagement|deliberative democracy|cadre evaluation|public "
    "services|welfare provision|petitioning|authoritarian resilience|state capacity|"
    "policy diffusion|e-government|social capital|trust in government|protest|"
    "corporatism|mass line|neighbourhood committees|urbanisation|hukou reform"
).split("|")
# Other fields' words, so the model learns what a title looks like, not which words
# this field's titles use: computing, statistics, medicine, economics, physics, ecology.
_GENERAL_NOUNS = (
    "data|software|code review|reproducibility|version control|notebooks|workflows|"
    "machine learning|neural networks|graph algorithms|databases|compilers|type systems|"
    "open source|collaboration|peer review|citation analysis|scientometrics|wikipedia|"
    "bots|online communities|crowdsourcing|privacy|security|cryptography|blockchains|"
    "renewable energy|power systems|storage|transmission|climate policy|emissions|"
    "molten salt reactors|neutron transport|heat transfer|turbulence|fluid dynamics|"
    "gene expression|protein folding|cancer screening|clinical trials|vaccination|"
    "mental health|sleep|cognition|reasoning|belief|memory|attention|decision making|"
    "labour markets|inflation|monetary policy|trade|inequality|education|schools|"
    "teachers|funding formulas|title I|households|field experiments|surveys|panel data|"
    "causal inference|regression|bayesian models|uncertainty|forecasting|time series|"
    "homotopy type theory|category theory|proof assistants|formal verification|"
    "species distribution|biodiversity|forests|fisheries|water quality|urban heat"
).split("|")
_GENERAL_TITLES = [
    "{G}",
    "Tidy {G}",
    "{G} in Practice",
    "Clean {G}: A Handbook",
    "Good Enough Practices in {G}",
    "The Rise and Fall of {G}",
    "{G} for {G}",
    "A Survey of {G} and {G}",
    "Scalable {G} with {G}",
    "On the Use of {G} in {G}",
    "Best Practices for {G}",
    "{G}: A Practitioner's Guide",
    "Ten Simple Rules for {G}",
    "When the Levee Breaks: {G} and {G}",
    "Broad Ranges of {G} for {G}",
    "Why Most Published {G} Findings Are False",
    "Estimating the Effect of {G} on {G}: Evidence from {P}",
    "{G} at Scale: Lessons Learned",
    "Data Structures for {G} in Python",
    "Toward a Theory of {G}",
    "A {G} Benchmark for {G}",
    "Do {G} Improve {G}? A Randomized Trial",
    "{G}, {G}, and {G}",
    "The {G} Handbook (Version 2.0)",
]
_PLACES_IN_TITLES = (
    "China|Rural China|Urban China|Zhejiang|Guangdong|Sichuan|Shanghai|Beijing|Jiangsu|"
    "Yunnan|Shenzhen|Chengdu|Hangzhou|East Asia|Taiwan|Vietnam|Europe|Latin America|"
    "the United States|India|Post-Mao China|the Reform Era|Xi Jinping's China"
).split("|")
_TITLE_TEMPLATES = [
    "{S} and {S} in {P}",
    "The Politics of {S}: Evidence from {P}",
    "Rethinking {S}",
    "{S} under Authoritarianism",
    "When Does {S} Work? Evidence from {P}",
    "How {S} Shapes {S}: A Field Experiment in {P}",
    "Between {S} and {S}: The Case of {P}",
    "{S}, {S} and Local Government",
    "The Limits of {S} in {P}",
    "Who Benefits from {S}?",
    "Explaining Variation in {S} across {P}",
    "{S} Revisited: A Comparative Analysis",
    "From {S} to {S}: Institutional Change in {P}",
    "{S} in Transition",
    "Can {S} Strengthen {S}? A Survey Study",
    "Making {S} Work: Lessons from {P}",
    "The Rise of {S} — Local Responses in {P}",
    "Measuring {S}: A New Dataset",
    '"{S}" as a Governance Tool in {P}',
    "{S} and {S}: A Review",
    "Incentives, {S} and {S}",
    "Does {S} Reduce Inequality? Panel Evidence, 2005–2015",
    "Beyond {S}! Reflections on {S}",
    "A Theory of {S}",
    "{S}: Concepts, Methods and Applications",
]
_JOURNALS = [
    "Jianghai Academic Journal",
    "Exploration and Free Views",
    "Journal of Huazhong Normal University (Humanities and Social Sciences)",
    "Social Sciences in China",
    "Sociological Studies",
    "Chinese Rural Economy",
    "The China Quarterly",
    "The China Journal",
    "Journal of Contemporary China",
    "China Information",
    "Journal of Peasant Studies",
    "Comparative Political Studies",
    "American Political Science Review",
    "American Journal of Political Science",
    "Public Administration Review",
    "Journal of Chinese Political Science",
    "Governance",
    "World Development",
    "Urban Studies",
    "Social Science & Medicine",
    "Journal of Public Management",
    "Comparative Economic & Social Systems",
    "China Review",
    "Asian Survey",
    "Journal of Public Administration Research and Theory",
    "Chinese Public Administration",
    "Comparative Politics",
    "Politics & Society",
    "Journal of Rural Studies",
    "Public Management Review",
    "Policy Studies Journal",
    "Chinese Journal of Sociology",
    "PLOS ONE",
    "Annual Review of Political Science",
    "Journal of Peasant Studies",
    "Environmental Politics",
    "Journal of Statistical Software",
    "PLOS Computational Biology",
    "Nature",
    "Science",
    "Scientometrics",
    "Computing in Science & Engineering",
    "Information and Software Technology",
    "IEEE Transactions on Software Engineering",
    "Proc. Natl. Acad. Sci. USA",
    "J. Comput. Phys.",
    "Nucl. Eng. Des.",
    "Annals of Nuclear Energy",
    "Energy Policy",
    "Joule",
    "Psychological Science",
    "Cognition",
    "The American Economic Review",
    "Journal of Public Economics",
    "Communications of the ACM",
    "Behavior Research Methods",
]
_PUBLISHERS = [
    ("Cambridge University Press", "Cambridge"),
    ("Oxford University Press", "Oxford"),
    ("Stanford University Press", "Stanford, CA"),
    ("Harvard University Press", "Cambridge, MA"),
    ("Routledge", "London"),
    ("Palgrave Macmillan", "Basingstoke"),
    ("Springer", "Singapore"),
    ("Edward Elgar", "Cheltenham"),
    ("University of California Press", "Berkeley"),
    ("Princeton University Press", "Princeton, NJ"),
    ("Social Sciences Academic Press", "Beijing"),
    ("People's Publishing House", "Beijing"),
    ("Zhejiang University Press", "Hangzhou"),
    ("Sage", "Thousand Oaks, CA"),
    ("Brill", "Leiden"),
    ("Columbia University Press", "New York"),
    ("Lexington Books", "Lanham, MD"),
    ("Cornell University Press", "Ithaca, NY"),
    ("ACM", "New York, NY, USA"),
    ("IEEE", "Piscataway, NJ"),
    ("MIT Press", "Cambridge, MA"),
    ("O'Reilly Media", "Sebastopol, CA"),
    ("Addison-Wesley", "Boston"),
    ("Elsevier", "Amsterdam"),
    ("John Wiley & Sons", "Hoboken, NJ"),
    ("IOS Press", "Amsterdam"),
    ("Institute for Advanced Study", "Princeton, NJ"),
    ("World Bank Group", "Washington, DC"),
]
_SCHOOLS = [
    ("Peking University", "Beijing"),
    ("Tsinghua University", "Beijing"),
    ("Fudan University", "Shanghai"),
    ("Harvard University", "Cambridge, MA"),
    ("University of Oxford", "Oxford"),
    ("Renmin University of China", "Beijing"),
    ("London School of Economics and Political Science", "London"),
    ("University of Michigan", "Ann Arbor"),
    ("Sun Yat-sen University", "Guangzhou"),
    ("Zhejiang University", "Hangzhou"),
    ("National University of Singapore", "Singapore"),
]
_GENRES = ["PhD thesis", "Doctoral dissertation", "Master's thesis", "PhD dissertation"]
_REPORT_GENRES = ["Working Paper", "Policy Report", "Technical Report", "Research Report"]
_NEWSPAPERS = [
    "The New York Times",
    "People's Daily",
    "South China Morning Post",
    "The Guardian",
    "China Daily",
    "Financial Times",
    "The Economist",
    "Guangming Daily",
]
_SITES = [
    "Xinhua",
    "The Diplomat",
    "China Digital Times",
    "Brookings",
    "East Asia Forum",
    "Sixth Tone",
    "MERICS",
    "Council on Foreign Relations",
]
_CONFERENCES = [
    "Proceedings of the 9th Python in Science Conference",
    "Proceedings of the 2019 ACM Conference on Computer Supported Cooperative Work",
    "Proceedings of the 14th International Symposium on Open Collaboration (OpenSym 2018)",
    "Proc. of the IEEE International Conference on Software Engineering",
    "Advances in Neural Information Processing Systems",
    "International Conference on Machine Learning",
    "Positioning and Power in Academic Publishing: Players, Agents and Agendas",
    "Proceedings of the Annual Meeting of the American Political Science Association",
    "Proceedings of the International Conference on Public Administration",
    "Proceedings of the 2019 Conference on Digital Government Research",
    "Annual Conference of the Association for Asian Studies",
    "Proceedings of the ACM Conference on Computer-Supported Cooperative Work",
    "International Conference on E-Government",
]
_NOTES = ["In press", "Forthcoming", "Unpublished manuscript", "In Chinese", "Mimeo"]
_MONTHS = 12


def _person(rng: random.Random) -> dict[str, str]:
    """A pinyin or Western name, sometimes given as initials, sometimes with a particle."""
    if rng.random() < 0.55:
        family = rng.choice(_PINYIN_SURNAMES).capitalize()
        given = rng.choice(_PINYIN_GIVEN)
        if rng.random() < 0.25:
            given = " ".join(part[0].upper() + "." for part in _split_pinyin(given))
        return {"family": family, "given": given}
    family = rng.choice(_WESTERN_SURNAMES)
    if rng.random() < 0.06:
        family = f"{rng.choice(_PARTICLES)} {family}"
    given = rng.choice(_WESTERN_GIVEN)
    if rng.random() < 0.3:
        given = given[0] + "."
    return {"family": family, "given": given}


def _split_pinyin(given: str) -> list[str]:
    """'Jianing' -> ['Jia', 'ning'] well enough for initials: split before a consonant
    cluster start after a vowel (only used to draw initials for synthetic names)."""
    from digest.references.pinyin import SYLLABLES

    word = given.lower()
    for cut in range(len(word) - 1, 0, -1):
        if word[:cut] in SYLLABLES and word[cut:] in SYLLABLES:
            return [given[:cut], given[cut:]]
    return [given]


def _people(rng: random.Random, low: int, high: int) -> list[dict[str, str]]:
    """Distinct people (no family name twice, so each is found once in the string)."""
    count = rng.choice([low] * 3 + list(range(low, high + 1)))
    people: list[dict[str, str]] = []
    while len(people) < count:
        person = _person(rng)
        if all(p["family"].lower() != person["family"].lower() for p in people):
            people.append(person)
    return people


_LEADS = [
    "A Study on the Mechanism of {S} Driven by {S}",
    "How {S} Reshapes {S}: Logic and Practice",
    "The Institutional Logic of {S} under {S}",
    "Rethinking {S}, {S} and {S} in Present-Day {P}",
    "Obstacles to {S} Engagement in {S} and Ways Forward",
    "Coordination, Resources and Trust: Three Channels of {S}",
    "Achievements, Shortcomings and Remedies of {S}",
    "{S} in Border Counties: Pressure Points and Prospects of {S}",
    "Strengthen the Guiding Function of {S} to Overcome the Weaknesses of {S}",
    "Why {S} Matters for {S}, and Why It Is Hard to Measure",
]
_SUBTITLES = [
    "With {P} as a Case",
    "An Inquiry into the Link from {S} to {S}",
    "Field Observations in {P}",
    "The Case of {P}",
    "Evidence from a Survey in {P}",
    "Household Survey Data from {P}",
    "Constraints, Experiments and Options",
    "Theory, Practice and Prospects",
    "A Comparative Perspective",
]


def _title(rng: random.Random) -> str:
    """A title: a short template, a long lead with a subtitle after a colon or a
    dash, as Chinese-English and Western titles print them, or one of another field."""
    roll = rng.random()
    if roll < 0.4:
        template = rng.choice(_GENERAL_TITLES)
    elif roll < 0.75:
        template = rng.choice(_TITLE_TEMPLATES)
    else:
        template = rng.choice(_LEADS)
    if rng.random() < 0.35:
        joint = rng.choice([": ", "—", "--", " — ", ": ", " - "])
        template = f"{template}{joint}{rng.choice(_SUBTITLES)}"
    out = template
    while "{G}" in out:
        out = out.replace("{G}", rng.choice(_GENERAL_NOUNS), 1)
    while "{S}" in out:
        subject = rng.choice(_SUBJECTS)
        out = out.replace("{S}", subject, 1)
    while "{P}" in out:
        out = out.replace("{P}", rng.choice(_PLACES_IN_TITLES), 1)
    return _title_case(out) if rng.random() < 0.6 else _sentence_case(out)


_SMALL = {"and", "of", "in", "the", "a", "an", "to", "for", "on", "from", "under", "as", "by"}


def _title_case(text: str) -> str:
    words = text.split(" ")
    out = []
    for number, word in enumerate(words):
        if number and word in _SMALL:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _numbers(rng: random.Random, record: dict[str, Any], pages: bool = True) -> None:
    """Year, volume, issue and pages, no two printing the same digits."""
    used: set[str] = {str(record["issued"]["date-parts"][0][0])}

    def fresh(low: int, high: int) -> str:
        while True:
            value = str(rng.randint(low, high))
            if value not in used and all(value not in u and u not in value for u in used):
                used.add(value)
                return value

    record["volume"] = fresh(1, 99)
    if rng.random() < 0.8:
        record["issue"] = fresh(1, 12)
    if pages:
        if rng.random() < 0.08:
            record["page"] = "e" + fresh(100000, 999999)
        else:
            first = int(fresh(1, 2400))
            last = first + rng.randint(5, 30)
            while str(last) in used or any(str(last) in u or u in str(last) for u in used):
                last += 1
            used.add(str(last))
            record["page"] = f"{first}-{last}"


def _doi(rng: random.Random) -> str:
    prefix = rng.choice(["10.1017", "10.1080", "10.1177", "10.1111", "10.1007", "10.1093"])
    body = rng.choice(
        [
            f"S{rng.randint(1000, 9999)}{rng.randint(100000, 999999)}",
            f"{rng.randint(10000000, 99999999)}.{rng.randint(2000, 2024)}.{rng.randint(1, 999)}",
            f"padm.{rng.randint(10000, 99999)}",
            f"s{rng.randint(10000, 99999)}-0{rng.randint(10, 99)}-{rng.randint(1000, 9999)}-x",
        ]
    )
    return f"{prefix}/{body}"


def _url(rng: random.Random, site: str | None = None) -> str:
    host = rng.choice(
        [
            "www.gov.cn",
            "www.worldbank.org",
            "chinadigitaltimes.net",
            "thediplomat.com",
            "www.brookings.edu",
            "eastasiaforum.org",
            "www.sixthtone.com",
            "www.stats.gov.cn",
        ]
    )
    path = "/".join(
        rng.choice(["news", "reports", "2019", "en", "policy", "article", "publications"])
        for _ in range(rng.randint(1, 3))
    )
    leaf = rng.choice(["index.html", f"{rng.randint(1000, 99999)}.htm", "governance-reform", ""])
    return f"https://{host}/{path}/{leaf}"


def make_record(rng: random.Random, number: int) -> dict[str, Any]:
    """One CSL-JSON item; ``number`` only makes the id unique."""
    kind = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
    year = rng.randint(1978, 2024)
    record: dict[str, Any] = {
        "id": f"r{number}",
        "type": kind,
        "title": _title(rng),
        "issued": {"date-parts": [[year]]},
    }
    roll = rng.random()
    max_authors = 15 if roll < 0.08 else 6 if roll < 0.25 else 3
    if kind in ("report", "webpage") and rng.random() < 0.5:
        record["author"] = [{"literal": rng.choice(_ORGANISATIONS)}]
    elif kind == "book" and rng.random() < 0.15:
        record["editor"] = _people(rng, 1, 3)
    else:
        record["author"] = _people(rng, 1, max_authors)
    if kind == "article-journal":
        record["container-title"] = rng.choice(_JOURNALS)
        _numbers(rng, record)
        if rng.random() < 0.12:  # Chinese journals number issues within the year: 2020(10)
            record["volume"] = str(year)
            record["issue"] = (
                f"{rng.randint(1, 12):02d}" if rng.random() < 0.5 else str(rng.randint(1, 12))
            )
        if rng.random() < 0.45:
            record["DOI"] = _doi(rng)
    elif kind == "book":
        record["publisher"], place = rng.choice(_PUBLISHERS)
        if rng.random() < 0.75:
            record["publisher-place"] = place
        if rng.random() < 0.2:
            record["edition"] = str(rng.randint(2, 6))
    elif kind == "chapter":
        editors = _people(rng, 1, 3)
        taken = {p["family"] for p in record.get("author", [])}
        record["editor"] = [e for e in editors if e["family"] not in taken] or [
            {"family": "Perry", "given": "Elizabeth J."}
        ]
        record["container-title"] = _title(rng)
        record["publisher"], place = rng.choice(_PUBLISHERS)
        if rng.random() < 0.75:
            record["publisher-place"] = place
        first = rng.randint(1, 400)
        record["page"] = f"{first}-{first + rng.randint(8, 40)}"
    elif kind == "paper-conference":
        record["container-title"] = rng.choice(_CONFERENCES)
        if rng.random() < 0.5:
            first = rng.randint(1, 900)
            record["page"] = f"{first}-{first + rng.randint(4, 12)}"
        if rng.random() < 0.4:
            record["publisher"], record["publisher-place"] = rng.choice(_PUBLISHERS)
        if rng.random() < 0.4:
            record["DOI"] = _doi(rng)
    elif kind == "thesis":
        record["publisher"], place = rng.choice(_SCHOOLS)
        record["genre"] = rng.choice(_GENRES)
        if rng.random() < 0.4:
            record["publisher-place"] = place
    elif kind == "report":
        record["publisher"], place = rng.choice(
            _PUBLISHERS + [(o, "Washington, DC") for o in _ORGANISATIONS[:4]]
        )
        if rng.random() < 0.6:
            record["genre"] = rng.choice(_REPORT_GENRES)
        if rng.random() < 0.5:
            record["number"] = rng.choice(
                [
                    f"{rng.randint(1, 60)}/{year}",
                    f"WP-{rng.randint(100, 999)}",
                    str(rng.randint(1, 60)),
                ]
            )
        if rng.random() < 0.5:
            record["publisher-place"] = place
        if rng.random() < 0.4:
            record["URL"] = _url(rng)
    elif kind == "article-newspaper":
        record["container-title"] = rng.choice(_NEWSPAPERS)
        record["issued"] = {"date-parts": [[year, rng.randint(1, _MONTHS), rng.randint(13, 28)]]}
        if rng.random() < 0.3:
            record["page"] = f"{rng.choice(['A', 'B', ''])}{rng.randint(1, 9)}"
        if rng.random() < 0.4:
            record["URL"] = _url(rng)
        if "author" in record and rng.random() < 0.3:
            del record["author"]
    elif kind == "webpage":
        if rng.random() < 0.6:
            record["container-title"] = rng.choice(_SITES)
        record["URL"] = _url(rng)
        accessed = max(year, 2015) + rng.randint(1, 3)
        if accessed > 2026 or accessed == year:
            accessed = 2026 if year != 2026 else 2025
        record["accessed"] = {
            "date-parts": [[accessed, rng.randint(1, _MONTHS), rng.randint(13, 28)]]
        }
    elif kind == "article":
        ident = f"{rng.randint(1000, 2412)}.{rng.randint(10000, 99999)}"
        record["note"] = f"arXiv:{ident}"
        if rng.random() < 0.6:
            record["URL"] = f"http://arxiv.org/abs/{ident}"
    if kind in ("book", "article-journal", "report") and rng.random() < 0.05:
        record["note"] = rng.choice(_NOTES)
    return record
