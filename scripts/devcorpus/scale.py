# ruff: noqa: E501 (templates read best unbroken)
"""Synthetic corpora of N distinct papers for the scale benchmark (issue 12).

    .venv/bin/python scripts/devcorpus/scale.py --papers 1000 --out build/scale/1000

Each paper is a source and its sidecar, written the way maintainers receive them:
most as text extracted from a PDF (hard-wrapped lines with trailing spaces, words
hyphenated at line ends, page breaks with a running head and a page number between
them), a quarter as text already cleaned by hand (one line per paragraph). (Markdown
sources are issue 13's; they are left out until the cleaner reads them as Markdown.) Every stage has work to do, as on the real corpus:

* prose from the development corpus's composer (``compose.Composer``), seeded per
  paper, so no two papers share their text and none is merged as a duplicate;
* a "Problems" section with sub-sections and a "Paths" section with numbered run-in
  items, phrased with the codebook's vocabulary, so items are extracted and coded;
* a reference list drawn from one shared pool of works with Zipf-like popularity
  (a few works are cited by a large share of the papers, most by one or two), written
  in GB/T 7714 or APA with the small variations papers really show (``36(09)`` vs
  ``36(9)``, hyphen vs en dash), so that shared works are merged; some papers also cite
  earlier papers of the corpus itself;
* in-text citations to every reference: numeric (``[3]``, ``[2, 5]``) or author-year
  (``(Wang, 2016)``, ``Wang and Li (2016)``).

Deterministic: the same (papers, seed) writes byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devcorpus.compose import GIVEN, JOURNALS, PLACES, SURNAMES, Composer, title_case
from digest.compare.themes import Theme, load_codebook

WRAP = 92  # characters per printed line, about what extractors give for A4 at 10.5 pt
PAGE_LINES = 52  # printed lines per page

PROBLEM_FORMS = (
    "Insufficient {term} in grassroots Party organisations",
    "The problem of {term} in {field}",
    "Weak {term} at the grassroots level",
    "Shortcomings of {term} in {place}",
)
PATH_FORMS = (
    "Strengthen {term} under Party leadership",
    "Improve {term} in {field}",
    "Promote {term} at the grassroots level",
    "Establish {term} as a long-term mechanism",
)
WORK_TITLES = (
    "Research on {field} in {place}",
    "{field} and the role of {actor}",
    "The logic of {field}: evidence from {place}",
    "How {actor} shape {object}",
    "Dilemmas and paths of {field}",
    "{field} in the new era: practice and reflection",
)

SUBTITLES = (
    ": A Case Study of {place}",
    ": Based on a Survey in {place}",
    "--Taking {place} as an Example",
    ": Evidence from {place}",
)


@dataclass(frozen=True)
class Work:
    """One cited work of the shared pool (or a paper of the corpus, cited as a work)."""

    authors: tuple[tuple[str, str], ...]  # (surname, initials "J.N.")
    year: int
    title: str
    journal: str
    volume: int
    issue: int
    first_page: int
    last_page: int


@dataclass
class ScaleStats:
    papers: int = 0
    clean: int = 0  # sent already cleaned (one line per paragraph), the rest as extracted
    references: int = 0
    citations: int = 0
    pool: int = 0
    corpus_citations: int = 0  # references that point at another paper of the corpus
    most_cited: int = 0  # papers citing the most popular work
    files: list[Path] = field(default_factory=list)


def _terms() -> tuple[list[str], list[str]]:
    """Up to three plain terms (no wildcard, not too short) of each problem and path theme."""
    codebook, problems = load_codebook()
    if problems:
        raise SystemExit("\n".join(map(str, problems)))

    def plain(theme: Theme) -> list[str]:
        return [term for term in theme.terms if "*" not in term and len(term) > 6][:3]

    return (
        [term for theme in codebook.group("problems") for term in plain(theme)],
        [term for theme in codebook.group("paths") for term in plain(theme)],
    )


def _initials(rng: random.Random) -> str:
    given = rng.choice(GIVEN)
    # Two-syllable given names print two initials ("Jianing" -> "J.N.").
    return f"{given[0]}." if rng.random() < 0.5 else f"{given[0]}.{rng.choice(GIVEN)[0]}."


def _work_pool(count: int, rng: random.Random) -> list[Work]:
    # A composer draws from two topics' word banks: a new one every few works spreads
    # the pool over every topic, and a title met before is drawn again.
    works = []
    titles: set[str] = set()
    composer = Composer(rng.randint(0, 10**9))
    while len(works) < count:
        if rng.random() < 0.1:
            composer = Composer(rng.randint(0, 10**9))
        title = title_case(composer.fill(rng.choice(WORK_TITLES)))
        title = title[0].upper() + title[1:]
        if title in titles:  # as papers of one field do: the same title, another case
            title += rng.choice(SUBTITLES).format(place=rng.choice(PLACES))
        if title in titles:
            continue
        titles.add(title)
        first = rng.randint(5, 160)
        works.append(
            Work(
                authors=tuple(
                    (rng.choice(SURNAMES), _initials(rng)) for _ in range(rng.choice((1, 1, 2, 3)))
                ),
                year=rng.randint(2005, 2022),
                title=title,
                journal=rng.choice(JOURNALS),
                volume=rng.randint(3, 45),
                issue=rng.randint(1, 12),
                first_page=first,
                last_page=first + rng.randint(5, 20),
            )
        )
    return works


def _popularity(count: int) -> list[float]:
    """Zipf-like weights, flattened at the top: the most cited work appears in about one
    paper in five, the median work in one or two."""
    return [1 / (rank + 20) for rank in range(1, count + 1)]


def format_reference(work: Work, style: str, rng: random.Random) -> str:
    """The work as a paper of the corpus would print it, with small variations."""
    issue = f"{work.issue:02d}" if rng.random() < 0.3 else str(work.issue)
    dash = "–" if rng.random() < 0.5 else "-"
    pages = f"{work.first_page}{dash}{work.last_page}"
    if style == "gbt":
        names = ", ".join(f"{surname} {initials}" for surname, initials in work.authors)
        return f"{names.rstrip('.')}. {work.title}[J]. {work.journal}, {work.year}, {work.volume}({issue}): {pages}."
    people = [
        f"{surname}, " + " ".join(f"{part}." for part in initials.rstrip(".").split("."))
        for surname, initials in work.authors
    ]
    names = people[0] if len(people) == 1 else ", ".join(people[:-1]) + ", & " + people[-1]
    return f"{names} ({work.year}). {work.title}. {work.journal}, {work.volume}({issue}), {pages}."


def _cite_author_year(work: Work, narrative: bool) -> str:
    """ "(Wang, 2016)", "Wang and Li (2016)", "(Wang et al., 2016)"."""
    surnames = [surname for surname, _ in work.authors]
    name = (
        surnames[0]
        if len(surnames) == 1
        else f"{surnames[0]} and {surnames[1]}"
        if len(surnames) == 2
        else f"{surnames[0]} et al."
    )
    return f"{name} ({work.year})" if narrative else f"({name}, {work.year})"


class _CitingComposer(Composer):
    """The composer, citing the paper's own reference list instead of inventing works."""

    def __init__(self, seed: int, writer: PaperWriter) -> None:
        super().__init__(seed)
        self.writer = writer

    def cite(self) -> str:
        return self.writer.citation(narrative=False)

    def cite_narrative(self) -> str:
        return self.writer.citation(narrative=True)

    def fill(self, template: str, heading: bool = False) -> str:
        if self.writer.numeric:  # "(see, for example, [3])" reads oddly: just "[3]"
            template = re.sub(r"\([^()]*\{citein\}\)", "{cite}", template)
        return super().fill(template, heading)


class PaperWriter:
    """Composes one paper's body around its references and citations."""

    def __init__(self, seed: int, references: list[Work], numeric: bool, terms) -> None:
        self.numeric = numeric
        self.composer = _CitingComposer(seed, self)
        self.rng = self.composer.rng
        self.references = references
        self.problem_terms, self.path_terms = terms
        self.uncited = list(range(len(references)))
        self.citations = 0

    def citation(self, narrative: bool = False) -> str:
        rng = self.rng
        # Every reference is cited once, in order of the list, before any is cited again.
        picks = [self.uncited.pop(0) if self.uncited else rng.randrange(len(self.references))]
        if self.numeric and rng.random() < 0.25 and self.uncited:
            picks.append(self.uncited.pop(0))
        self.citations += len(picks)
        if self.numeric:
            numbers = "[" + ", ".join(str(n + 1) for n in sorted(picks)) + "]"
            if narrative:
                return f"{self.references[picks[0]].authors[0][0]} {numbers}"
            return numbers
        return _cite_author_year(self.references[picks[0]], narrative=narrative)

    def paragraph(self, low: int = 3, high: int = 6, cites: int = 1) -> str:
        sentences = [self.composer.sentence() for _ in range(self.rng.randint(low, high))]
        for _ in range(cites):
            at = self.rng.randrange(len(sentences))
            sentences[at] = sentences[at][:-1] + f" {self.citation()}."
        return " ".join(sentences)

    def body(self) -> list[tuple[str, str]]:
        """(kind, text) blocks: heading-1, heading-2, item (numbered run-in), para."""
        rng, c = self.rng, self.composer
        field_ = c.pick("field")
        blocks: list[tuple[str, str]] = [("h1", "1. Introduction")]
        blocks += [("para", self.paragraph(cites=2)) for _ in range(2)]
        blocks.append(("h1", f"2. Problems of {title_case(field_)}"))
        for n, term in enumerate(rng.sample(self.problem_terms, 3), 1):
            form = rng.choice(PROBLEM_FORMS)
            heading = form.format(term=term, field=c.pick("field"), place=rng.choice(PLACES))
            blocks.append(("h2", f"2.{n} {title_case(heading)}"))
            blocks += [("para", self.paragraph()) for _ in range(rng.randint(1, 2))]
        section = 3
        if rng.random() < 0.4:
            blocks.append(("h1", f"{section}. Analysis of the Causes"))
            blocks.append(("para", self.paragraph(4, 7, cites=2)))
            section += 1
        blocks.append(("h1", f"{section}. Paths to Improve {title_case(field_)}"))
        blocks.append(("para", self.paragraph(2, 3)))
        for n, term in enumerate(rng.sample(self.path_terms, rng.randint(3, 4)), 1):
            label = rng.choice(PATH_FORMS).format(term=term, field=c.pick("field"))
            blocks.append(("item", f"{n}) {label[0].upper() + label[1:]}. {self.paragraph(2, 4)}"))
        section += 1
        blocks.append(("h1", f"{section}. Conclusion"))
        while self.uncited:
            blocks.append(("para", self.paragraph(2, 4, cites=min(3, len(self.uncited)))))
        blocks.append(("para", self.paragraph(3, 5, cites=0)))
        return blocks


def _wrap(text: str, rng: random.Random, width: int = WRAP) -> list[str]:
    """Hard-wrap like an extractor: a trailing space on each line, some words hyphenated."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if len(word) > 9 and word.isalpha() and room > 4 and rng.random() < 0.3:
                cut = min(room, len(word) - 4)
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line + " ")
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line + " ")
    return lines


def _raw_text(
    front: list[str], blocks: list[tuple[str, str]], refs: list[str], head: str, rng
) -> str:
    """The paper as a PDF extractor prints it: wrapped, with page breaks."""
    lines: list[str] = [*front, ""]
    for kind, text in blocks:
        if kind in ("h1", "h2"):
            lines += [text + " ", ""]
        else:
            lines += [*_wrap(text, rng), ""]
    lines += ["References ", ""]
    for ref in refs:
        lines += _wrap(ref, rng)
    page = 1
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        if (index + 1) % PAGE_LINES == 0 and index + 1 < len(lines):
            # A page break, often mid-paragraph: page number, form feed, running head.
            out += [f"{page} ", "\f" + head + " ", ""]
            page += 1
    return "\n".join(out) + "\n"


def _clean_text(front: list[str], blocks: list[tuple[str, str]], refs: list[str]) -> str:
    """A text already cleaned by hand, as some maintainers send: one line per paragraph."""
    lines = [*front, ""]
    for _kind, text in blocks:
        lines += [text, ""]
    lines += ["References", ""]
    lines += [f"- {ref}" for ref in refs]
    return "\n".join(lines) + "\n"


def _paper_title(c: Composer, rng: random.Random, used: set[str]) -> str:
    while True:
        title = title_case(
            rng.choice(
                (
                    "Problems and Countermeasures of {field} in {place}",
                    "The Dilemmas and Paths of {field}: A Study of {actor}",
                    "Research on {field} Led by {actor} in {place}",
                    "Optimising {field}: Evidence from {place}",
                    "{field} and {object}: Difficulties and Paths",
                )
            ).format(
                field=c.pick("field"),
                place=rng.choice(PLACES),
                actor=c.pick("actor"),
                object=c.pick("object"),
            )
        )
        title = title[0].upper() + title[1:]
        if title not in used:
            used.add(title)
            return title


def write_scale_corpus(out: Path, papers: int, seed: int = 12) -> ScaleStats:
    """Write ``papers`` distinct papers into out/ (the folder must not exist)."""
    rng = random.Random(seed)
    terms = _terms()
    pool = _work_pool(max(60, papers * 3), rng)
    weights = _popularity(len(pool))
    out.mkdir(parents=True)
    stats = ScaleStats(papers=papers, pool=len(pool))
    cited_by = [0] * len(pool)
    corpus_works: list[Work] = []
    used_titles: set[str] = set()
    for index in range(papers):
        paper_rng = random.Random(rng.randint(0, 10**12))
        count = paper_rng.randint(8, 22)
        picked: set[int] = set()
        while len(picked) < count:
            picked.update(paper_rng.choices(range(len(pool)), weights, k=count - len(picked)))
        for n in picked:
            cited_by[n] += 1
        references = [pool[n] for n in sorted(picked)]
        if corpus_works and paper_rng.random() < 0.3:
            own = paper_rng.sample(corpus_works, min(len(corpus_works), paper_rng.randint(1, 2)))
            references += own
            stats.corpus_citations += len(own)
        paper_rng.shuffle(references)
        numeric = paper_rng.random() < 0.6
        style = "gbt" if numeric and paper_rng.random() < 0.7 else "apa"
        if not numeric:
            references.sort(key=lambda work: (work.authors[0][0], work.year, work.title))
        writer = PaperWriter(paper_rng.randint(0, 10**9), references, numeric, terms)
        c = writer.composer
        title = _paper_title(c, paper_rng, used_titles)
        authors = [
            (paper_rng.choice(SURNAMES), paper_rng.choice(GIVEN))
            for _ in range(paper_rng.randint(1, 3))
        ]
        year = paper_rng.randint(2015, 2024)
        blocks = writer.body()
        refs = [format_reference(work, style, paper_rng) for work in references]
        if numeric:
            refs = [f"[{n}] {ref}" for n, ref in enumerate(refs, 1)]
        abstract = writer.paragraph(3, 5, cites=0)
        keywords = [c.pick("keyword") for _ in range(3)]
        byline = ", ".join(f"{surname} {given}" for surname, given in authors)
        journal = paper_rng.choice(JOURNALS)
        front = [
            title + " ",
            byline + " ",
            f"{journal}, {year} ",
            "",
            "Abstract: " + abstract,
            "",
            "Keywords: " + "; ".join(dict.fromkeys(keywords)) + " ",
        ]
        stem = f"{index:04d}_scale"
        name = f"{stem}.txt"
        if paper_rng.random() < 0.25:
            text = _clean_text([line.strip() for line in front], blocks, refs)
            stats.clean += 1
        else:
            front = [*front[:3], "", *_wrap(front[4], paper_rng), "", front[6]]
            text = _raw_text(front, blocks, refs, f"{journal}, {year}", paper_rng)
        sidecar = {
            "id": f"scale-{index:04d}",
            "source": name,
            "title": title,
            "authors": [{"family": s, "given": g} for s, g in authors],
            "year": year,
            "venue": journal,
            "volume": None,
            "issue": None,
            "pages": None,
            "doi": None,
            "url": None,
            "language": "en",
            "affiliations": [],
            "keywords": list(dict.fromkeys(keywords)),
            "not_in_text": ["volume", "issue", "pages", "doi", "url", "affiliations"],
        }
        (out / name).write_text(text, encoding="utf-8")
        (out / f"{stem}.yml").write_text(
            yaml.safe_dump(sidecar, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        stats.files.append(out / name)
        stats.references += len(refs)
        stats.citations += writer.citations
        first = random.Random(index).randint(5, 160)
        corpus_works.append(
            Work(
                authors=tuple((s, f"{g[0]}.") for s, g in authors),
                year=year,
                title=title,
                journal=journal,
                volume=random.Random(index).randint(3, 45),
                issue=random.Random(index).randint(1, 12),
                first_page=first,
                last_page=first + 12,
            )
        )
    stats.most_cited = max(cited_by)
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    stats = write_scale_corpus(args.out, args.papers, args.seed)
    print(
        f"{stats.papers} papers ({stats.clean} already clean), {stats.references} references "
        f"from a pool of {stats.pool} works (the most cited in {stats.most_cited} papers; "
        f"{stats.corpus_citations} to papers of the corpus), {stats.citations} in-text citations"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
