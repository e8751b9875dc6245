"""The panel names every input a core, db or SQL message is about by a label, never by its Processing parameter id."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from camreq.core.translation import PARAMETER_LABELS

ROOT = Path(__file__).resolve().parents[2]
LEADING_ID = re.compile(r"([A-Z][A-Z0-9_]*): ")


def ids_in_python(path: Path) -> set[str]:
    """Return the parameter ids a file's CamreqError calls name: as their field argument or as their text's start."""
    ids = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "CamreqError" and node.args):
            continue
        first = node.args[0].values[0] if isinstance(node.args[0], ast.JoinedStr) else node.args[0]
        text = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""
        if leading := LEADING_ID.match(text):
            ids.add(leading[1])
        for field in [*node.args[1:2], *(keyword.value for keyword in node.keywords if keyword.arg == "field")]:
            if isinstance(field, ast.Constant):
                ids.add(field.value)
    return ids


def ids_in_messages() -> dict[str, str]:
    """Return each parameter id a message of core/, db/ or the SQL migrations is about, and one file naming it."""
    found = {}
    for path in sorted([*ROOT.glob("core/*.py"), *ROOT.glob("db/*.py")]):
        found.update(dict.fromkeys(ids_in_python(path), path.name))
    for path in sorted(ROOT.glob("db/sql/*.sql")):
        raised = re.findall(r"RAISE EXCEPTION '([A-Z][A-Z0-9_]*): ", path.read_text(encoding="utf-8"))
        found.update(dict.fromkeys(raised, path.name))
    return found


def test_the_scan_finds_python_and_sql_messages():
    found = ids_in_messages()
    assert found["CASE_NUMBER"] == "requisitions.py"  # a field argument
    assert found["OFFICER_UNIT"].endswith(".sql")  # an SQL RAISE (005_security.sql, redefined in 013)
    assert "NUMBER" in found  # a db/ message starting with its id


def test_every_parameter_id_of_a_message_has_a_label():
    unlabelled = {parameter: file for parameter, file in ids_in_messages().items() if parameter not in PARAMETER_LABELS}
    assert unlabelled == {}
