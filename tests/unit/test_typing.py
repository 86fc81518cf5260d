"""The domain is fully typed (mypy --strict) and the service type-checks against it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # mypy in a subprocess, from a cold cache


@pytest.mark.parametrize(("target", "flags"), [("domain", ["--strict"]), ("service", [])])
def test_package_type_checks(target: str, flags: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", *flags, "--cache-dir", str(tmp_path / "cache"), target],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
