"""How every evaluation script reports: a table for people, JSON for machines, an exit code."""

from __future__ import annotations

import json
import sys
from typing import Any


def emit(table: str, record: dict[str, Any], failures: list[str], *, as_json: bool) -> int:
    """Print the table (or JSON on stdout with the table on stderr); 1 when a target failed."""
    if as_json:
        record = {**record, "failures": failures, "passed": not failures}
        print(json.dumps(record, indent=2, ensure_ascii=False))
        print(table, file=sys.stderr)
    else:
        print(table)
    return 1 if failures else 0
