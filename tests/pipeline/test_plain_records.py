"""digest.model.plain writes the model as dataclasses.asdict does, without its copies:
checked on everything the real corpus's build caches."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from digest.build import build
from digest.model import plain

ROOT = Path(__file__).resolve().parents[2]


def test_plain_records_equal_asdict_on_the_real_corpus(tmp_path: Path) -> None:
    report = build(ROOT, None, cache_dir=tmp_path / "cache")
    records = []
    for paper in report.papers:
        records.append(paper.metadata)
        records.append(paper.document)
        records.extend(report.bibliography.paper_references[paper.id])
        records.extend(report.items[paper.id])
    assert len(records) > 50
    for record in records:
        assert plain(record) == asdict(record)
        assert json.dumps(plain(record), sort_keys=True) == json.dumps(
            asdict(record), sort_keys=True
        )
