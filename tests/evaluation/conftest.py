"""Shared paths and a loader for the command-line script, which is not a module."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCRIPT = REPO / "scripts" / "evaluate_cleaning.py"


@pytest.fixture
def fixture_text() -> Callable[[str], str]:
    """Read a fixture by name, so each test names the file it is about."""

    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read


def load_script(path: Path) -> ModuleType:
    """A command-line script imported from its path, as the CLI would run it."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(path.stem, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def script() -> ModuleType:
    """scripts/evaluate_cleaning.py."""
    return load_script(SCRIPT)


@pytest.fixture(scope="session")
def headings_script() -> ModuleType:
    """scripts/evaluate_headings.py."""
    return load_script(REPO / "scripts" / "evaluate_headings.py")
