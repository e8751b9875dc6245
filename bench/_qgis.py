"""The one headless QGIS application of a benchmark run, shared when bench/run.py runs several benchmarks."""

from __future__ import annotations

import sys

from qgis.core import QgsApplication

PROCESSING_DIR = "/usr/share/qgis/python/plugins"


def start_qgis() -> QgsApplication:
    """Return the running QgsApplication, starting it (and making Processing importable) the first time."""
    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], False)
        app.initQgis()
        start_qgis.app = app  # keep a reference for the process's lifetime
    if PROCESSING_DIR not in sys.path:
        sys.path.append(PROCESSING_DIR)
    return app
