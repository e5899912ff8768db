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

import json
import math
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from hashlib import blake2b
from itertools import chain, combinations

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

# The base of the polynomial that hashes a shingle from its words' hashes (odd, so that
# multiplying by it loses nothing modulo 2**64), and the modulus as a mask.
SHINGLE_BASE = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1
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
    if len(tokens) < size:
        return set()
    # Each word: its 64-bit blake2b, identical across runs (unlike salted ``hash()``);
    # each shingle: the polynomial of its words' hashes modulo 2**64, rolled along the
    # text (two multiplications a shingle, not a hash of its joined words: a third of
    # the time cleaning took).
    known = _WORD_HASHES
    if len(known) > _WORD_HASHES_LIMIT:  # a long `mkdocs serve` session
        known.clear()
    values = [known.get(word) or known.setdefault(word, word_hash(word)) for word in tokens]
    lead = pow(SHINGLE_BASE, size - 1, 1 << 64)
    rolled = 0
    for value in values[:size]:
        rolled = (rolled * SHINGLE_BASE + value) & _MASK
    found = {rolled}
    for leaving, value in zip(values, values[size:], strict=False):  # (size longer)
        rolled = ((rolled - leaving * lead) * SHINGLE_BASE + value) & _MASK
        found.add(rolled)
    return found


# Words already hashed, across texts: a corpus shares most of its vocabulary, and a
# hash per distinct word of each text cost more than rolling its shingles.
_WORD_HASHES: dict[str, int] = {}
_WORD_HASHES_LIMIT = 2_000_000


def word_hash(word: str) -> int:
    """A word's 64-bit hash, the same in every run."""
    return int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "big")


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
    """Shared-shingle count for every pair of documents that share any shingle: the
    plain counting whose verdicts ``_pairs`` must give (the tests hold them together).

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
    doc_freq = Counter(chain.from_iterable(sets.values()))
    shared = {shingle for shingle, count in doc_freq.items() if 2 <= count <= max_doc_freq}
    index: dict[int, list[str]] = defaultdict(list)
    for key in sorted(sets):
        for shingle in sets[key] & shared:
            index[shingle].append(key)
    counts: Counter[tuple[str, str]] = Counter()
    for keys in index.values():
        counts.update(combinations(keys, 2))  # counted in C, not pair by pair
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
    _check_threshold(threshold)
    return _components(sets, _pairs(sets, threshold, max_doc_freq, Counter()))


def _check_threshold(threshold: float) -> None:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")


def _pairs(
    sets: Mapping[str, set[int]], threshold: float, max_doc_freq: int, doc_freq: Counter[int]
) -> set[tuple[str, str]]:
    """Every pair (in key order) whose containment is at least ``threshold``; fills
    ``doc_freq`` (shingle -> texts holding it) on the way.

    The pairs are those ``_shared_counts`` scores at or above the threshold, found
    without counting every pair (prefix filtering, as similarity joins do): a text A
    can reach the threshold with a text B at least as large only if they share
    ``need(A)`` of A's indexed shingles, so they share one of A's rarest
    ``len(indexed A) - need(A) + 1``. Only those rare shingles are looked up, and
    only the candidates found are counted. A text that shares fewer shingles with
    the corpus than it would need (most texts: their wording is their own) is not
    looked up at all.
    """
    doc_freq.update(chain.from_iterable(sets.values()))
    in_index = {shingle for shingle, count in doc_freq.items() if 2 <= count <= max_doc_freq}
    indexed = {name: shingle_set & in_index for name, shingle_set in sets.items()}
    prefixes: dict[str, list[int]] = {}
    for name, shared in indexed.items():
        need = _least_shared(threshold, len(sets[name]))
        if len(shared) >= need:
            rarest = sorted(shared, key=lambda s: (doc_freq[s], s))
            prefixes[name] = rarest[: len(shared) - need + 1]
    looked_up = set(chain.from_iterable(prefixes.values()))
    holders: dict[int, list[str]] = defaultdict(list)
    for name in sorted(indexed):
        for shingle in looked_up.intersection(indexed[name]):
            holders[shingle].append(name)
    found: set[tuple[str, str]] = set()
    for name, prefix in prefixes.items():
        size = len(sets[name])
        candidates = {
            other
            for shingle in prefix
            for other in holders[shingle]
            if other != name and len(sets[other]) >= size
        }
        mine = indexed[name]
        for other in candidates:
            shared = len(mine & indexed[other])
            if shared / min(size, len(sets[other])) >= threshold:
                found.add((min(name, other), max(name, other)))
    return found


def _least_shared(threshold: float, size: int) -> int:
    """The fewest shared shingles with which a text of ``size`` reaches ``threshold``
    (at least 1: sharing nothing never makes a pair)."""
    need = max(1, math.ceil(threshold * size))
    while need > 1 and (need - 1) / size >= threshold:
        need -= 1
    while size and need / size < threshold:
        need += 1
    return need


def _components(names: Iterable[str], pairs: set[tuple[str, str]]) -> list[list[str]]:
    """The groups the pairs join (union-find), keys sorted, groups by their first key."""
    parent = {key: key for key in names}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in sorted(pairs):
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)

    groups: dict[str, list[str]] = defaultdict(list)
    for key in sorted(parent):
        groups[find(key)].append(key)
    return sorted((keys for keys in groups.values() if len(keys) > 1), key=lambda g: g[0])


@dataclass
class DuplicateState:
    """What a grouping was computed from and what it found, for the next to start from:
    the content key of each text, its shingles (sorted, as 64-bit integers) and the
    pairs at or above the threshold.

    The shingles travel with the state so that the next grouping reads them as one
    block of bytes instead of decoding every text's cached set: an update needs the
    new set of a changed text only, and probes the others as they are stored."""

    keys: dict[str, str]
    sets: dict[str, array]
    pairs: set[tuple[str, str]]
    threshold: float
    max_doc_freq: int

    def to_bytes(self) -> bytes:
        """One line of JSON (keys, pairs, settings, each set's length), then the sets'
        bytes in the same order: read back without parsing a million numbers."""
        names = sorted(self.keys)  # the header's order (its keys are sorted)
        header = {
            "keys": self.keys,
            "pairs": sorted(self.pairs),
            "threshold": self.threshold,
            "max_doc_freq": self.max_doc_freq,
            "lengths": [len(self.sets[name]) for name in names],
        }
        body = b"".join(self.sets[name].tobytes() for name in names)
        return json.dumps(header, sort_keys=True).encode("utf-8") + b"\n" + body

    @classmethod
    def from_bytes(cls, data: bytes) -> DuplicateState:
        """The state ``to_bytes`` wrote (ValueError, KeyError or TypeError if damaged)."""
        line, _, body = data.partition(b"\n")
        header = json.loads(line.decode("utf-8"))
        keys = {str(name): str(key) for name, key in header["keys"].items()}
        lengths = [int(length) for length in header["lengths"]]
        size = array("Q").itemsize
        if len(lengths) != len(keys) or sum(lengths) * size != len(body):
            raise ValueError("the stored shingles are not those of the stored texts")
        view, sets, start = memoryview(body), {}, 0
        for name, length in zip(keys, lengths, strict=True):
            sets[name] = array("Q")  # (given a memoryview, array() would read it as numbers)
            sets[name].frombytes(view[start : start + length * size])
            start += length * size
        return cls(
            keys=keys,
            sets=sets,
            pairs={(str(a), str(b)) for a, b in header["pairs"]},
            threshold=float(header["threshold"]),
            max_doc_freq=int(header["max_doc_freq"]),
        )


def _packed(shingle_set: set[int]) -> array:
    return array("Q", sorted(shingle_set))


# Past this share of changed texts, grouping from scratch costs no more than updating.
REGROUP_SHARE = 0.05


def regroup(
    keys: Mapping[str, str],
    previous: DuplicateState | None,
    shingles_of: Callable[[str], set[int]],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    max_doc_freq: int = DEFAULT_MAX_DOC_FREQ,
) -> tuple[list[list[str]], DuplicateState]:
    """``group_shingle_sets``, updated from the last grouping when few texts changed.

    ``keys`` names each text's content (a source's hash); ``shingles_of(name)`` gives
    a text's shingle set, and is asked only for the texts whose key the previous
    grouping did not have (the others' are in the state). Only the pairs of a
    changed text are counted again; the pairs of two unchanged texts keep their
    verdict, which holds unless a changed text moves a shingle they share into or out
    of the index (its document frequency crossing 2 or ``max_doc_freq``): then
    everything is counted again. The result is always the one ``group_shingle_sets``
    gives (tests/duplicates check it on random changes).
    """
    _check_threshold(threshold)
    updated = _update(keys, previous, shingles_of, threshold, max_doc_freq)
    if updated is None:
        sets = {
            name: set(previous.sets[name])
            if previous is not None and previous.keys.get(name) == key
            else shingles_of(name)
            for name, key in keys.items()
        }
        pairs = _pairs(sets, threshold, max_doc_freq, Counter())
        packed = {name: _packed(shingle_set) for name, shingle_set in sets.items()}
        updated = DuplicateState(dict(keys), packed, pairs, threshold, max_doc_freq)
    return _components(keys, updated.pairs), updated


def _update(
    keys: Mapping[str, str],
    previous: DuplicateState | None,
    shingles_of: Callable[[str], set[int]],
    threshold: float,
    max_doc_freq: int,
) -> DuplicateState | None:
    """The previous state brought up to date, or None when it cannot be (see regroup)."""
    if previous is None or (previous.threshold, previous.max_doc_freq) != (
        threshold,
        max_doc_freq,
    ):
        return None
    changed = sorted(name for name in keys if previous.keys.get(name) != keys[name])
    removed = sorted(set(previous.keys) - set(keys))
    if len(changed) + len(removed) > max(1, len(keys) * REGROUP_SHARE):
        return None
    if not changed and not removed:
        return previous
    new = {name: shingles_of(name) for name in changed}
    gone = Counter(
        chain.from_iterable(previous.sets[n] for n in [*changed, *removed] if n in previous.sets)
    )
    came = Counter(chain.from_iterable(new.values()))
    touched = gone.keys() | came.keys()
    # How many unchanged texts hold each shingle a change touches (probing their stored
    # arrays: no set is built for them), and what each shares with the changes.
    held: Counter[int] = Counter()
    common: dict[str, set[int]] = {}
    for name in keys:
        if name not in new:
            shared = touched.intersection(previous.sets[name])
            if shared:
                held.update(shared)
                common[name] = shared
    for shingle in touched:
        if held[shingle] >= 2:  # two unchanged texts share it: its verdicts must hold
            before, after = held[shingle] + gone[shingle], held[shingle] + came[shingle]
            if (2 <= before <= max_doc_freq) != (2 <= after <= max_doc_freq):
                return None
    sets = {name: previous.sets[name] for name in keys if name not in new}
    sets.update({name: _packed(shingle_set) for name, shingle_set in new.items()})
    moved = {*changed, *removed}
    pairs = {pair for pair in previous.pairs if pair[0] not in moved and pair[1] not in moved}
    for name in changed:
        mine = new[name]
        indexed = {s for s in mine if held[s] + came[s] <= max_doc_freq}
        if not indexed:
            continue
        others = [(other, common[other]) for other in common]
        others += [(other, new[other]) for other in changed if other != name]
        for other, theirs in others:
            shared = len(indexed & theirs)
            if shared and shared / min(len(mine), len(sets[other])) >= threshold:
                pairs.add((min(name, other), max(name, other)))
    return DuplicateState(dict(keys), sets, pairs, threshold, max_doc_freq)
