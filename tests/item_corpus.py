"""The item development corpus of issue 13, as the tests that read it name it."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "gold" / "itemcorpus"
CODEBOOK = REPO / "scripts" / "digest" / "data" / "codebook.yml"
SPLIT = yaml.safe_load((CORPUS / "split.yml").read_text(encoding="utf-8"))
PAPERS = [*SPLIT["dev"], *SPLIT["test"]]
LAYOUTS = yaml.safe_load((CORPUS / "layouts.yml").read_text(encoding="utf-8"))
