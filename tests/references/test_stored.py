"""A parsed reference list as the cache stores it (digest.references.stored): read back,
it holds the same references, signatures and richness, and answers without decoding
what the bibliography merge reads of it."""

from __future__ import annotations

import json

from digest.model import Person, Reference, plain
from digest.references.keys import signature
from digest.references.stored import ParsedList, reference_to_json, richness

REFERENCES = [
    Reference(
        raw="Wang J.N., Li M. Party building and governance[J]. Journal, 2016(3): 1-5.",
        type="article",
        authors=[Person("Wang", "J. N."), Person("Li", "M.")],
        year="2016",
        title="Party building and governance",
        container="Journal",
        number="3",
        pages="1-5",
        editors=[Person("Zhao", "Q.")],
        confidence=0.75,
    ),
    Reference(raw="an unparsed string", parsed=False, confidence=0.0),
    Reference(raw="Xu Y. A book[M]. Beijing: People's Press, 2019.", type="book", year="2019"),
]


def test_a_reference_is_stored_as_plain_gives_it() -> None:
    for ref in REFERENCES:
        assert reference_to_json(ref) == plain(ref)


def test_a_stored_list_reads_back_whole() -> None:
    stored = json.loads(json.dumps(ParsedList.of(REFERENCES).to_json()))
    read = ParsedList.from_json(stored)
    assert read.signatures == [signature(ref) for ref in REFERENCES]
    assert read.filled == [richness(ref) for ref in REFERENCES]
    assert read.unparsed == 1
    assert [read.rank(i) for i in range(3)] == [(richness(r), r.raw) for r in REFERENCES]
    assert read._references == [None, None, None]  # nothing decoded to answer that
    assert read[1] == REFERENCES[1] and read._references.count(None) == 2
    assert list(read) == REFERENCES
    assert read[0:2] == REFERENCES[0:2]
