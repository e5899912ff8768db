"""The user's five texts and their hand-written sidecars in sources/."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.ingest import load_corpus
from digest.ingest.sidecar import load_sidecar
from digest.model import Person

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "sources"
SEEDS = ROOT.parent / "shared" / "seeds"
SIDECARS = sorted(SOURCES.glob("*.yml"))


def test_every_text_has_a_sidecar() -> None:
    texts = sorted(p.stem for p in SOURCES.glob("*.txt"))
    assert len(texts) == 5
    assert [p.stem for p in SIDECARS] == texts


@pytest.mark.parametrize("sidecar", SIDECARS, ids=lambda p: p.name)
def test_real_sidecar_is_valid(sidecar: Path) -> None:
    metadata, problems = load_sidecar(sidecar)
    assert [str(p) for p in problems] == []
    assert metadata is not None


def test_load_corpus_finds_the_five_sources() -> None:
    sources, problems = load_corpus(SOURCES, root=ROOT)
    assert [str(p) for p in problems] == []
    assert [str(s.path) for s in sources] == [
        "sources/000_7c62276afec5030b.txt",
        "sources/001_b894dce3f1db1ec4.txt",
        "sources/002_8470575325ce7c19.txt",
        "sources/003_81c43907564a5d71.txt",
        "sources/004_6d188b614b00f695.txt",
    ]
    assert len({s.metadata.id for s in sources}) == 5


def test_no_made_up_bibliography() -> None:
    """Facts the texts give, and nothing they do not (no invented years or venues)."""
    sources, _ = load_corpus(SOURCES, root=ROOT)
    by_stem = {s.path.stem[:3]: s.metadata for s in sources}
    for stem in ("000", "002", "003"):
        assert by_stem[stem].title is None and by_stem[stem].working_title
        assert by_stem[stem].authors == []
    assert by_stem["001"].authors == [Person("Wang", "Sijing")]
    assert by_stem["001"].year is None and by_stem["001"].venue is None
    assert by_stem["004"].authors == [Person("Xu", "Xinpeng"), Person("Li", "Juebin")]
    assert (by_stem["004"].year, by_stem["004"].venue) == (2024, None)
    assert all(m.doi is None and m.url is None for m in by_stem.values())


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_texts_are_byte_identical_to_the_seeds() -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert [p.name for p in seeds] == sorted(p.name for p in SOURCES.glob("*.txt"))
    for seed in seeds:
        assert (SOURCES / seed.name).read_bytes() == seed.read_bytes(), seed.name
