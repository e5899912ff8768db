"""Page signatures (digest.manifest.signature) depend on the values signed and nothing
else: not on which objects are shared, not on the hash seed of the process. A
signature that changed from run to run would make a page look changed on every build
(nothing wrong on the page, but nothing kept either)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from devcorpus_import import devcorpus_module

from digest.manifest import signature

ROOT = Path(__file__).resolve().parents[2]


def test_equal_values_sign_alike_whatever_objects_they_are_made_of() -> None:
    word = "".join(["gover", "nance"])  # a string equal to, but not, the literal
    shared = ["governance"]
    assert signature([shared, shared]) == signature([["governance"], [word]])
    assert signature({"a": 1, "b": [None, 1.5]}) == signature({"a": 1, "b": [None, 1.5]})


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (["a", "b"], ["b", "a"]),
        (["1"], [1]),
        ([1], [1.0]),
        ([None], [""]),
        ({"a": 1}, {"a": 2}),
        (["ab", "c"], ["a", "bc"]),
        ([("x",)], [["x"]]),
    ],
)
def test_different_values_sign_differently(one: object, other: object) -> None:
    assert signature(one) != signature(other)


@dataclass
class Thing:
    name: str


@pytest.mark.parametrize("value", [Path("a.md"), Thing("a"), object()])
def test_objects_that_are_not_plain_values_are_refused(value: object) -> None:
    with pytest.raises(TypeError, match="not part of a signature"):
        signature(["fine", value])


def test_every_page_signature_is_the_same_under_another_hash_seed(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The real corpus and synthetic papers, built by `digest build` in two processes
    with different hash seeds: every page group records the same signature."""
    corpus = tmp_path_factory.mktemp("signed")
    shutil.copytree(ROOT / "sources", corpus / "sources")
    devcorpus_module("scale").write_scale_corpus(corpus / "scale", 12, seed=7)
    for path in (corpus / "scale").iterdir():
        shutil.copy(path, corpus / "sources" / path.name)
    recorded = []
    for seed in ("1", "2"):
        root = tmp_path_factory.mktemp(f"seed{seed}")
        shutil.copytree(corpus / "sources", root / "sources")
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "digest.cli", "build", "--root", str(root)]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        (manifest,) = (root / "build" / "cache").glob("build-manifest-*.json")
        recorded.append(json.loads(manifest.read_text(encoding="utf-8"))["pages"]["groups"])
    assert len(recorded[0]) > 100  # papers, bibliography pages, comparison pages ...
    assert recorded[0] == recorded[1]
