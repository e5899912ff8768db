"""Code items to the cross-paper themes of a reviewable codebook.

The codebook (scripts/digest/data/codebook.yml) lists problem themes (used for
problems and causes) and path themes (for paths and experiences), each with
matching terms. A term in an item's label is strong evidence, two different terms
in its passage are evidence too. A maintainer's choice in the sidecar
(``item_themes``) replaces the rules for that item.

The shipped word model (theme_words.py: the words of the hand-coded dev items per
theme) adds what an item's words say: each theme scores the cosine of its words with
the item's, plus a little for each term found, and the best theme joins the themes
of a term in the label or two in the passage, with a second that scores nearly as
well (a point is often about two things: "Cadres lack training and pay"). One term
in a short passage only tips the reading: a paragraph names themes in passing ("the
service station") that it is not about. Left out one paper at a time
(scripts/train_theme_words.py --check, 122 dev papers and seeds), adding that one
term's theme too coded at F1 .720, tipping at .738. An item the model reads near no
theme keeps the terms' themes; with neither it keeps an empty list, shown as such.
Without the model, the terms alone code the items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from digest.compare import theme_words
from digest.compare.theme_words import WordModel, load_word_model
from digest.model import Item, Problem

CODEBOOK = Path(__file__).resolve().parent.parent / "data" / "codebook.yml"
GROUP_OF_KIND = {"problem": "problems", "cause": "problems", "path": "paths", "experience": "paths"}
MAX_THEMES = 4


@dataclass(frozen=True)
class Theme:
    id: str
    group: str  # "problems" | "paths"
    label: str
    description: str
    terms: tuple[str, ...]

    @property
    def probes(self) -> tuple[tuple[str, str], ...]:
        """(a word the text must contain, the term) per term: the substring test rules
        out most terms before a regex runs (coding a corpus is terms x items), and a
        term's pattern is compiled only when its word is found (a build that codes one
        changed paper compiles a few patterns, not the codebook's hundreds)."""
        return _probes(self.terms)


@dataclass
class Codebook:
    themes: list[Theme] = field(default_factory=list)

    def group(self, name: str) -> list[Theme]:
        return [theme for theme in self.themes if theme.group == name]

    def get(self, theme_id: str) -> Theme | None:
        return next((theme for theme in self.themes if theme.id == theme_id), None)


def _normalise(text: str) -> str:
    """Lower case, quotes dropped, hyphens and spaces alike ("grass-roots" = "grass roots")."""
    text = re.sub(r"[“”\"‘]", "", text.lower().replace("’", "'"))
    return re.sub(r"[\s\-‐–]+", " ", text)


@cache
def _probes(terms: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # The term's first word, as the pattern spells it: a match contains it literally.
    return tuple((_normalise(term.rstrip("*")).strip().split(" ")[0], term) for term in terms)


@cache
def _term_pattern(term: str) -> re.Pattern[str]:
    stem = term.endswith("*")
    words = _normalise(term.rstrip("*")).strip()
    body = re.escape(words).replace(r"\ ", r"\s?")
    ending = r"\w*" if stem else r"\b"
    return re.compile(r"\b" + body + ending)


def load_codebook(path: Path = CODEBOOK) -> tuple[Codebook, list[Problem]]:
    """Read and check the codebook; problems name the file and line."""
    problems: list[Problem] = []
    try:
        # libyaml's loader when installed: read on every build, and ten times faster.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    except (OSError, yaml.YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return Codebook(), [Problem(path, line, f"cannot read the codebook: {error}")]
    codebook = Codebook()
    seen: set[str] = set()
    for group in ("problems", "paths"):
        for number, entry in enumerate(data.get(group) or [], start=1):
            where = f"{group} entry {number}"
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("terms"):
                message = f"{where}: expected id, label, description, terms"
                problems.append(Problem(path, 1, message))
                continue
            if entry["id"] in seen:
                message = f"{where}: theme id {entry['id']!r} is used twice"
                problems.append(Problem(path, 1, message))
                continue
            seen.add(entry["id"])
            codebook.themes.append(
                Theme(
                    id=str(entry["id"]),
                    group=group,
                    label=str(entry.get("label") or entry["id"]),
                    description=str(entry.get("description") or ""),
                    terms=tuple(str(term) for term in entry["terms"]),
                )
            )
    return codebook, problems


# Coding reads at most this much of a passage: an item is a paragraph or a few, and a
# runaway one (a whole text with no headings) must not cost terms x its length.
CODED_CHARACTERS = 20_000
# A passage this short (a paragraph) that names one theme once is about that theme.
SHORT_PASSAGE_WORDS = 120


def theme_scores(item: Item, themes: list[Theme]) -> dict[str, int]:
    """Per theme, twice its terms in the label plus its terms in the passage, for the
    themes with a term in the label or two in the passage; failing any such theme, the
    one theme with a single term in a short passage (a paragraph says one thing in few
    words: "Villagers seldom take part ..." is about participation)."""
    label = _normalise(item.label[:CODED_CHARACTERS])
    passage = _normalise(item.passage[:CODED_CHARACTERS])
    scores: dict[str, int] = {}
    single: list[str] = []
    for theme in themes:
        probes = theme.probes
        # (Most terms' words are absent: ``in`` rules them out before any call.)
        in_label = sum(1 for word, p in probes if word in label and _occurs(word, p, label))
        in_passage = sum(1 for word, p in probes if word in passage and _occurs(word, p, passage))
        score = 2 * in_label + in_passage
        if in_label or in_passage >= 2:
            scores[theme.id] = score
        elif in_passage == 1:
            single.append(theme.id)
    if not scores and len(single) == 1 and len(passage.split()) <= SHORT_PASSAGE_WORDS:
        scores[single[0]] = 1
    return scores


def _occurs(word: str, term: str, text: str) -> bool:
    """Does the term's pattern match in ``text``? A match starts with the term's first
    word, so the pattern is tried only where that word stands, not at every character
    (a passage is searched for every term of every theme)."""
    start = text.find(word)
    if start < 0:
        return False
    pattern = _term_pattern(term)
    while start >= 0:
        if pattern.match(text, start):  # (its \b still sees the character before)
            return True
        start = text.find(word, start + 1)
    return False


def code_items(
    items: list[Item],
    codebook: Codebook,
    overrides: dict[str, list[str]] | None = None,
    word_model: WordModel | bool | None = True,
) -> list[Item]:
    """Set each item's themes: the sidecar's choice, else the themes the terms name
    strongly and the nearest by the words of hand-coded items and the terms together
    (``word_model``: the shipped one when True, none when False or None), else
    whatever the terms name."""
    overrides = overrides or {}
    model = load_word_model() if word_model is True else word_model or None
    for item in items:
        if item.anchor in overrides:
            item.themes = list(overrides[item.anchor])
            continue
        themes = codebook.group(GROUP_OF_KIND[item.kind])
        scores = theme_scores(item, themes)
        ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
        coded = [theme_id for theme_id, score in ranked if score >= STRONG_TERMS]
        if model is not None:
            read = _read_with_model(item, scores, model, [t.id for t in themes])
            coded += [theme_id for theme_id in read if theme_id not in coded]
        item.themes = (coded or [theme_id for theme_id, _ in ranked])[:MAX_THEMES]
    return items


# How the terms and the word model are weighed together, chosen on the dev papers left
# out one at a time (scripts/train_theme_words.py --check): a term adds this much to a
# cosine (label terms count twice, at most TERM_SCORE_CAP in all), the best theme must
# reach the model's MIN_SIMILARITY, and a second theme SECOND_THEME of the best score.
TERM_WEIGHT = 0.02
TERM_SCORE_CAP = 6
SECOND_THEME = 0.78
# A theme whose term is in the label, or two of whose terms are in the passage, codes
# the item whatever the model reads; one term in a short passage only tips the reading.
STRONG_TERMS = 2
MODEL_THEMES = 2


def _read_with_model(
    item: Item, scores: dict[str, int], model: WordModel, theme_ids: list[str]
) -> list[str]:
    """The one or two themes the item's words and terms together read nearest, if any
    is near enough: a term tips a close call, the words carry the reading."""
    similarities = model.similarities(item.label, item.passage, theme_ids)
    combined = {
        theme_id: TERM_WEIGHT * min(scores.get(theme_id, 0), TERM_SCORE_CAP)
        + similarities.get(theme_id, 0.0)
        for theme_id in theme_ids
    }
    ranked = sorted(combined.items(), key=lambda pair: (-pair[1], pair[0]))
    if not ranked or ranked[0][1] < theme_words.MIN_SIMILARITY:  # (read when called)
        return []
    best = ranked[0][1]
    return [theme_id for theme_id, score in ranked[:MODEL_THEMES] if score >= SECOND_THEME * best]
