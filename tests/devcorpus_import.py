"""The development corpus's generators (scripts/devcorpus/) are scripts, not part of the
installed package: tests import them with scripts/ put on the path for the import only."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

_SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def devcorpus_module(name: str) -> ModuleType:
    """``devcorpus.<name>``, e.g. ``devcorpus_module("scale")``."""
    sys.path.insert(0, str(_SCRIPTS))
    try:
        return importlib.import_module(f"devcorpus.{name}")
    finally:
        sys.path.remove(str(_SCRIPTS))
