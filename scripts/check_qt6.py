"""Fail when a Qt5-only form is back in the code: what QGIS's pyqt5_to_pyqt6 script would rewrite for QGIS 4 (Qt6).

Checked in every .py file under the given folders (default: the repository), in the forms that both QGIS 3.22
(PyQt5) and QGIS 4 (PyQt6) take, as the script's default mode writes them:
- ``QVariant.Type.Int``: PyQt6 has no QVariant.Type; write ``QVariant.Int``;
- unscoped enums such as ``Qt.AlignLeft`` or ``QHeaderView.Stretch``: write ``Qt.AlignmentFlag.AlignLeft``;
- ``exec_()``: write ``exec()``;
- ``PyQt5`` imports: import from ``qgis.PyQt``;
- ``qApp`` and ``QRegExp``, which Qt6 removed.
Run by ``make lint``: ``.venv/bin/python scripts/check_qt6.py [folder …]``; prints file:line: problem, exits 1 if any.
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "build", ".git", "__pycache__"}
MODULES = ("qgis.PyQt.QtCore", "qgis.PyQt.QtGui", "qgis.PyQt.QtWidgets", "qgis.core", "qgis.gui")
REMOVED = {
    "qApp": "qApp is removed in Qt6: use QApplication.instance()",
    "QRegExp": "QRegExp is removed in Qt6: use QRegularExpression",
}
KEPT_UNSCOPED = {"QVariant"}  # QVariant.Int is the form that both QGIS 3.22 and 4 take


def python_files(folders: list[Path]) -> Iterator[Path]:
    """Yield the .py files under folders, outside virtualenvs and build output."""
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            if not SKIPPED.intersection(path.relative_to(folder).parts):
                yield path


def qt_classes() -> dict[str, object]:
    """Return the classes of the Qt and QGIS modules by name (None where the bindings cannot be imported)."""
    classes: dict[str, object] = {}
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        classes.update((attr, value) for attr, value in vars(module).items() if isinstance(value, type))
    return classes


def is_enum_member(value: object) -> bool:
    """Return whether value is a member of a sip or Python enum (not an enum class, not a plain int)."""
    kind = type(value)
    return isinstance(value, Enum) or type(kind).__name__ == "enumtype"


def unscoped_enum(node: ast.Attribute, classes: dict[str, object]) -> str | None:
    """Return the scoped spelling of Class.Member when Member is an enum value reached without its enum."""
    if not isinstance(node.value, ast.Name) or node.value.id in KEPT_UNSCOPED or node.value.id not in classes:
        return None
    owner = classes[node.value.id]
    value = getattr(owner, node.attr, None)
    if value is None or isinstance(value, type) or not is_enum_member(value):
        return None
    enum_name = type(value).__name__
    if enum_name == node.value.id or getattr(owner, enum_name, None) is not type(value):
        return None  # a flag combination or an enum whose class is not reachable by name: nothing to suggest
    return f"{node.value.id}.{enum_name}.{node.attr}"


def problems(path: Path, classes: dict[str, object]) -> Iterator[tuple[int, str]]:
    """Yield (line, problem) for every Qt5-only form in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            value = node.value
            if (
                isinstance(value, ast.Attribute) and value.attr == "Type"
                and isinstance(value.value, ast.Name) and value.value.id == "QVariant"
            ):  # fmt: skip
                yield node.lineno, f"QVariant.Type.{node.attr}: write QVariant.{node.attr}"
            if node.attr == "exec_":
                yield node.lineno, "exec_(): write exec()"
            scoped = unscoped_enum(node, classes)
            if scoped:
                yield node.lineno, f"unscoped enum {node.value.id}.{node.attr}: write {scoped}"
        elif isinstance(node, ast.ImportFrom | ast.Import):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if any(module.split(".")[0] == "PyQt5" for module in modules):
                yield node.lineno, "PyQt5 import: import from qgis.PyQt"
            names = [alias.name for alias in node.names]
            for name in names:
                if name in REMOVED:
                    yield node.lineno, REMOVED[name]
        elif isinstance(node, ast.Name) and node.id in REMOVED and isinstance(node.ctx, ast.Load):
            yield node.lineno, REMOVED[node.id]


def main(arguments: list[str]) -> int:
    """Check the folders given (default: the repository); return 1 if a Qt5-only form is found."""
    folders = [Path(argument).resolve() for argument in arguments] or [ROOT]
    classes = qt_classes()
    if not classes:
        print("check_qt6: the QGIS Python bindings cannot be imported; run with .venv/bin/python", file=sys.stderr)
        return 2
    found = 0
    for path in python_files(folders):
        for line, problem in problems(path, classes):
            print(f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}:{line}: {problem}")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
