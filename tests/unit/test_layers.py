"""Layers flow one way: the Processing algorithms reach the database only through core/."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    """Return the modules a Python file imports, relative imports resolved within the camreq package."""
    package = ["camreq", *path.relative_to(ROOT).parent.parts]
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            modules.add(module)
            modules.update(f"{module}.{alias.name}" for alias in node.names)
    return modules


def test_imported_modules_resolves_relative_imports_to_camreq_db():
    assert "camreq.db.connection" in imported_modules(ROOT / "core" / "search.py")


def test_no_processing_algorithm_imports_the_db_layer():
    offenders = {
        path.name: sorted(name for name in imported_modules(path) if name.split(".")[:2] == ["camreq", "db"])
        for path in sorted((ROOT / "processing").glob("*.py"))
    }
    assert {name: modules for name, modules in offenders.items() if modules} == {}
