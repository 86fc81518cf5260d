"""The domain depends on nothing outward: no web, storage, documents, adapters or service.

Checked twice: statically (every import statement of every module under domain/, including
imports inside functions and under TYPE_CHECKING), and dynamically (importing the domain
facade in a fresh interpreter loads none of those packages).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import domain

FORBIDDEN = (
    "fastapi", "starlette", "sqlalchemy", "psycopg", "psycopg2", "psycopg_pool", "uvicorn",
    "weasyprint", "docx", "eventsourcing", "adapters", "service",
)
DOMAIN_DIR = Path(domain.__file__).parent
MODULES = sorted(DOMAIN_DIR.rglob("*.py"))


def _top(name: str) -> str:
    return name.split(".")[0]


def imported_modules(path: Path) -> set[str]:
    """Absolute top-level package of every import in a module (relative imports stay inside
    domain/ and are resolved to 'domain')."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(_top(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add("domain" if node.level else _top(node.module or ""))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in
              ("import_module", "__import__")
              and node.args and isinstance(node.args[0], ast.Constant)):
            found.add(_top(str(node.args[0].value)))
    return found


def test_the_domain_package_has_modules_to_check() -> None:
    names = {p.relative_to(DOMAIN_DIR).as_posix() for p in MODULES}
    assert {"model.py", "guards.py", "aggregate.py", "events/base.py"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(DOMAIN_DIR).as_posix())
def test_no_domain_module_imports_infrastructure(path: Path) -> None:
    bad = imported_modules(path) & set(FORBIDDEN)
    assert not bad, f"domain/{path.relative_to(DOMAIN_DIR)} imports {sorted(bad)}"


def test_the_import_checker_would_catch_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from service.application import PathwayApplication\n"
        "def f():\n    import sqlalchemy.orm\n    return __import__('fastapi')\n"
        "from . import sibling\n",
        encoding="utf-8",
    )
    assert {"service", "sqlalchemy", "fastapi", "domain"} <= imported_modules(sample)


def test_importing_the_domain_loads_no_infrastructure_package() -> None:
    probe = (
        "import json, sys\n"
        "import domain.model\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60, cwd=DOMAIN_DIR.parent)
    loaded = {_top(name) for name in json.loads(result.stdout)}
    assert "domain" in loaded
    assert not loaded & set(FORBIDDEN), sorted(loaded & set(FORBIDDEN))
