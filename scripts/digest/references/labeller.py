"""The trained sequence labeller: tokens in, one field label per token out.

A linear-chain CRF (python-crfsuite), trained by ``make refmodel`` on strings
rendered through many CSL and BibTeX styles and on real strings labelled by hand
(scripts/refcorpus/). The model file ships in
the package beside this module, so parsing needs no training and no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

from digest.references.features import sequence_features
from digest.references.tokens import Token

MODEL = Path(__file__).parent / "model" / "references.crfsuite"
OTHER = "other"


@dataclass(frozen=True)
class Labelled:
    """Each token's label and how sure the model is of it (its marginal probability)."""

    tokens: list[Token]
    labels: list[str]
    confidence: list[float]


@cache
def _tagger(path: Path = MODEL) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def model_available(path: Path = MODEL) -> bool:
    return path.is_file()


def label_tokens(tokens: list[Token], path: Path = MODEL) -> Labelled:
    """The most likely labels, with each token's marginal probability of its label."""
    if not tokens:
        return Labelled([], [], [])
    tagger = _tagger(path)
    tagger.set(sequence_features(tokens))
    labels = tagger.tag()
    confidence = [tagger.marginal(label, index) for index, label in enumerate(labels)]
    return Labelled(tokens, labels, confidence)
