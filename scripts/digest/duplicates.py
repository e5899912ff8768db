"""Find sources that are two renderings of the same paper, by text alone.

The corpus receives the same paper more than once: a raw PDF extraction (hard
wrapped, page-break blank lines, hyphen and quote damage, no front matter, no
reference list) next to a clean rendering with title, authors and references.
File names say nothing about this, so the only evidence is the wording.

The method is word shingling with *containment* rather than Jaccard: a
rendering that lost its front and back matter is a subset of the full one, and
containment (shared / smaller set) stays near 1 where Jaccard would drop with
every missing page. All papers here share one topic and its stock phrases
("grass-roots party building leading grassroots governance"), so the shingles
are long enough (5 words) that shared vocabulary alone scores low; the default
threshold sits far from both the duplicate and the same-topic scores measured
on the real corpus (see ``DEFAULT_THRESHOLD``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping
from hashlib import blake2b
from itertools import combinations

# Measured on sources/*.txt with size=5 (the five texts of the first corpus):
# the one true pair (000, 001) scores 1.000; the nine same-topic pairs of
# different papers score 0.005-0.013. 0.5 sits 0.5 below the duplicate and ~37x
# above the worst unrelated pair. A raw rendering stays >= 0.5 until about one
# word in seven is damaged (each damaged word breaks <= 5 shingles; measured by
# garbling random words of 001), and same-topic papers would need half their
# 5-word runs in common to merge.
DEFAULT_THRESHOLD = 0.5

# Five words, measured on the same corpus: the worst same-topic pair shares 11%
# of its 3-word shingles (stock phrases), 3.8% at 4 words, 1.3% at 5, 0.5% at 6,
# while the true pair scores 1.0 at every size. Longer shingles buy little more
# and make each damaged word in a raw rendering cost more shingles.
SHINGLE_SIZE = 5

# A shingle in more documents than this is boilerplate (a licence line, a
# journal header, a stock slogan) and is left out of the inverted index: it
# would make every document a candidate of every other and the cost quadratic.
DEFAULT_MAX_DOC_FREQ = 50

# Zero-width characters and the soft hyphen: PDF extraction inserts them inside
# words, where they carry no meaning.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"))
# Curly, low and prime quotes to their straight forms, so both renderings agree.
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
# Both tables in one pass, by a regex that visits only the characters they change
# (``str.translate`` with a dict looks every character of the text up).
_UNIFORM = {chr(code): value or "" for code, value in {**_INVISIBLE, **_QUOTES}.items()}
_TO_UNIFORM = re.compile("[" + "".join(map(re.escape, _UNIFORM)) + "]")
# A hyphen between two word characters, or at a line end before the next word
# (possibly across a page-break blank line). NFKC has already turned U+2011
# into U+2010. Dashes (--, en, em) are not matched: they separate words.
# (The hyphen comes first and the look-behind after it, so that the regex skips
# to the next hyphen instead of trying the look-behind at every character.)
_HYPHEN_JOIN = re.compile(r"[-\u2010](?<=[^\W_][-\u2010])(?:[ \t]*\n\s*)?(?=[^\W_])")
# An apostrophe inside a word ("party's"); elsewhere it is a quote mark.
_APOSTROPHE_JOIN = re.compile(r"'(?<=[^\W_]')(?=[^\W_])")
# A word: one CJK ideograph (unspaced scripts have no word boundaries), or a
# run of letters and digits. Everything else is punctuation or space.
_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")


def words(text: str) -> list[str]:
    """The normalised words of a text, the units that shingles are made of.

    Hyphens *join* ("grass-roots" -> "grassroots"), because that is the only
    choice on which a line-end hyphen agrees with both spellings: "govern-" /
    "ance" must become "governance", and "grass-" / "roots" then becomes the
    same "grassroots" as the unhyphenated spelling. A space ("grass roots")
    cannot be told from a real word boundary without a lexicon, so it stays two
    words; that costs at most ``size`` shingles per occurrence, which
    containment absorbs. Apostrophes inside words join too ("party's" ->
    "partys"); NFKC undoes ligatures (fi) and full-width forms.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _TO_UNIFORM.sub(lambda found: _UNIFORM[found.group()], text)
    text = _HYPHEN_JOIN.sub("", text)
    text = _APOSTROPHE_JOIN.sub("", text)
    return _WORD.findall(text)


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[int]:
    """Hashes of every run of ``size`` consecutive normalised words.

    Layout (line breaks, page breaks, spacing), case, quote style and
    punctuation all vanish in ``words``, so two renderings of one paper share
    almost every shingle. A text shorter than ``size`` words has none: it is
    too short to say whether it is a copy of anything.
    """
    if size < 1:
        raise ValueError(f"shingle size must be at least 1, got {size}")
    tokens = words(text)
    # Each shingle: the 64-bit blake2b of its words joined by spaces, identical across
    # runs, unlike salted ``hash()`` (written out here: a call per shingle costs a
    # fifth of the time).
    grams = (" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1))
    return {int.from_bytes(blake2b(gram, digest_size=8).digest(), "big") for gram in grams}


def containment(a: set[int], b: set[int]) -> float:
    """Shared shingles over the smaller set, so a truncated copy still scores ~1.

    Jaccard would punish the rendering that lost its title page and reference
    list; containment only asks whether the shorter text is inside the longer.
    An empty set contains nothing and is contained in nothing: 0.0.
    """
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _shared_counts(sets: Mapping[str, set[int]], max_doc_freq: int) -> dict[tuple[str, str], int]:
    """Shared-shingle count for every pair of documents that share any shingle.

    Goes through an inverted index (shingle -> documents) instead of comparing
    every pair: a pair costs work only for the shingles it shares, and since
    shingles in more than ``max_doc_freq`` documents are skipped as
    boilerplate, each shingle adds at most max_doc_freq^2 / 2 increments, so
    the cost grows linearly with the total number of shingles. Skipped
    shingles still count in each set's size, which only lowers a score; the
    price is that a paper with more than ``max_doc_freq`` copies is missed.

    Document frequencies are counted first so that only shared shingles get a
    posting list: most shingles occur once, and a list for each of them would
    cost memory and garbage-collector time that grows faster than the corpus.
    """
    doc_freq = Counter(shingle for shingle_set in sets.values() for shingle in shingle_set)
    index: dict[int, list[str]] = defaultdict(list)
    for key in sorted(sets):
        for shingle in sets[key]:
            if 2 <= doc_freq[shingle] <= max_doc_freq:
                index[shingle].append(key)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for keys in index.values():
        for pair in combinations(keys, 2):
            counts[pair] += 1
    return counts


def find_duplicate_groups(
    texts: Mapping[str, str],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    size: int = SHINGLE_SIZE,
    max_doc_freq: int = DEFAULT_MAX_DOC_FREQ,
) -> list[list[str]]:
    """Groups of keys whose texts are renderings of the same paper.

    A pair belongs together when its containment is at least ``threshold``;
    groups are the connected components of those pairs (union-find), so three
    renderings of one paper form one group even if only two pairs are scored
    high. Keys are sorted inside a group and groups by their first key, so the
    result does not depend on the order of ``texts``; papers without a copy are
    left out.
    """
    sets = {key: shingles(text, size) for key, text in texts.items()}
    return group_shingle_sets(sets, threshold, max_doc_freq=max_doc_freq)


def group_shingle_sets(
    sets: Mapping[str, set[int]],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    max_doc_freq: int = DEFAULT_MAX_DOC_FREQ,
) -> list[list[str]]:
    """``find_duplicate_groups`` on shingle sets already made (and perhaps cached)."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")

    parent = {key: key for key in sets}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for (a, b), shared in _shared_counts(sets, max_doc_freq).items():
        if shared / min(len(sets[a]), len(sets[b])) >= threshold:
            root_a, root_b = find(a), find(b)
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)

    groups: dict[str, list[str]] = defaultdict(list)
    for key in sorted(sets):
        groups[find(key)].append(key)
    return sorted((keys for keys in groups.values() if len(keys) > 1), key=lambda g: g[0])
