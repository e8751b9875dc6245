"""make lint refuses the Qt5-only forms that would stop the plugin loading in QGIS 4, and the code has none."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "scripts" / "check_qt6.py"


def check(folder: Path) -> subprocess.CompletedProcess:
    """Run the checker on folder as make lint runs it."""
    return subprocess.run(
        [sys.executable, str(CHECK), str(folder)], capture_output=True, text=True, cwd=folder, check=False
    )


def test_the_plugin_has_no_qt5_only_form():
    result = check(ROOT)
    assert (result.returncode, result.stdout) == (0, "")


def test_each_qt5_only_form_is_named_with_its_line(tmp_path):
    (tmp_path / "old.py").write_text(
        "from PyQt5.QtCore import QVariant\n"
        "from qgis.PyQt.QtCore import Qt\n"
        "field_type = QVariant.Type.String\n"
        "alignment = Qt.AlignLeft\n"
        "dialog.exec_()\n"
        "kept = (QVariant.String, Qt.AlignmentFlag.AlignLeft, dialog.exec())\n"
    )
    result = check(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "old.py:1: PyQt5 import: import from qgis.PyQt",
        "old.py:3: QVariant.Type.String: write QVariant.String",
        "old.py:4: unscoped enum Qt.AlignLeft: write Qt.AlignmentFlag.AlignLeft",
        "old.py:5: exec_(): write exec()",
    ]
