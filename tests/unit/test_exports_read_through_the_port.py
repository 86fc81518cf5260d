"""Exports reach the log only through the `LogReader` port: no SQL, no recorder or datastore,
no database driver and no untyped application in adapters/driven/exports/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

EXPORTS = Path(__file__).resolve().parents[2] / "adapters" / "driven" / "exports"
FORBIDDEN = {
    "SQL": re.compile(r"\b(SELECT\s.*\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b",
                      re.IGNORECASE),
    "a recorder or datastore": re.compile(r"\b(recorder|datastore)\b"),
    "a database driver": re.compile(r"\b(psycopg|sqlite3|sqlalchemy|eventsourcing)\b"),
    "the application": re.compile(r"\bapp(lication)?\s*:|\bapp\.(events|history)\b"),
}


@pytest.mark.parametrize("path", sorted(EXPORTS.rglob("*.py")), ids=lambda p: p.name)
def test_an_export_module_reads_the_log_only_through_the_port(path: Path) -> None:
    code = path.read_text(encoding="utf-8")
    found = [what for what, pattern in FORBIDDEN.items() if pattern.search(code)]
    assert found == [], f"{path.relative_to(EXPORTS)} uses {', '.join(found)}"
