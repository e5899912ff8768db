"""The synthetic corpus of the scale benchmark (scripts/devcorpus/scale.py): the same
seed writes the same bytes, papers are distinct, every reference is cited, works are
shared across papers and a few are cited very often."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from devcorpus_import import devcorpus_module


@pytest.fixture(scope="module")
def scale():
    return devcorpus_module("scale")


def test_the_same_seed_writes_the_same_bytes(scale, tmp_path: Path) -> None:
    scale.write_scale_corpus(tmp_path / "a", 12, seed=5)
    scale.write_scale_corpus(tmp_path / "b", 12, seed=5)
    scale.write_scale_corpus(tmp_path / "c", 12, seed=6)
    files = sorted(path.name for path in (tmp_path / "a").iterdir())
    assert len(files) == 24
    assert all(
        (tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes() for n in files
    )
    assert any(
        (tmp_path / "a" / n).read_bytes() != (tmp_path / "c" / n).read_bytes() for n in files
    )


def test_papers_are_distinct_and_cite_every_reference_they_list(scale, tmp_path: Path) -> None:
    stats = scale.write_scale_corpus(tmp_path / "s", 30)
    titles = set()
    works: Counter[str] = Counter()
    for sidecar in sorted((tmp_path / "s").glob("*.yml")):
        meta = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        titles.add(meta["title"])
        text = (tmp_path / "s" / meta["source"]).read_text(encoding="utf-8")
        body, _, references = text.rpartition("\nReferences")
        numbered = re.findall(r"^(?:- )?\[(\d+)\] ", references, re.M)
        if numbered:  # numeric style: each number of the list occurs in the body
            cited = {
                int(n) for group in re.findall(r"\[([\d, ]+)\]", body) for n in group.split(",")
            }
            assert {int(n) for n in numbered} <= cited, sidecar.name
        # The works a list names, by their titles (the same work is printed in small
        # variations by different papers, its title never changes).
        works.update(set(re.findall(r"[.\]] ([A-Z][^.\[]{12,}?)(?:\[J\])?\. ", references)))
    assert len(titles) == 30
    assert stats.references >= 30 * 8
    assert works.most_common(1)[0][1] >= 5  # a much-cited work
    assert sum(1 for count in works.values() if count > 1) >= 10  # works shared by papers
