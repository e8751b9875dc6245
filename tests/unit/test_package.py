"""`make package` builds a plugins.qgis.org zip: the plugin folder only."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_package_holds_the_plugin_without_tests_benchmarks_or_build_files(tmp_path):
    archive = tmp_path / "camreq.zip"
    subprocess.run(["make", "-s", "package", f"PACKAGE={archive}"], cwd=ROOT, check=True, capture_output=True)
    names = zipfile.ZipFile(archive).namelist()
    assert all(name.startswith("camreq/") for name in names)
    for required in ("metadata.txt", "__init__.py", "plugin.py", "LICENSE", "db/sql/001_foundation.sql"):
        assert "camreq/" + required in names
    for excluded in ("tests/", "bench/", "scripts/", "portal/", ".ci/", "Makefile", "requirements.txt"):
        assert not any(name.startswith("camreq/" + excluded) for name in names), excluded
