"""Import throughput: the 1,415 synthetic sample cameras through core.registry_import, cameras per second.

Run against the server your PG* variables name (it creates and drops database camreq_bench):
    PYTHONPATH=build/plugins QT_QPA_PLATFORM=offscreen .venv/bin/python bench/import_cameras.py
"""

from __future__ import annotations

import subprocess
import time

from _qgis import start_qgis
from qgis.core import QgsFeedback

DATABASE = "camreq_bench"


def main() -> None:
    """Print the wall-clock time and throughput of a first import and of a re-import (all updates)."""
    start_qgis()
    from camreq.core.registry_import import CameraImportOptions, import_cameras, import_owners
    from camreq.core.sample_data import CAMERAS_CSV, OWNERS_CSV, delimited_text_layer
    from camreq.db import schema
    from camreq.db.connection import connect

    subprocess.run(["dropdb", "--if-exists", DATABASE], check=True)
    subprocess.run(["createdb", DATABASE], check=True)
    schema.install_or_upgrade(connect(f"dbname={DATABASE}"), report=lambda message: None)
    import_owners(f"dbname={DATABASE}", delimited_text_layer(OWNERS_CSV, "owners"), QgsFeedback(), print)
    cameras = delimited_text_layer(CAMERAS_CSV, "cameras", ("x", "y"))
    for run in ("first import (inserts)", "re-import (updates)"):
        start = time.perf_counter()
        result = import_cameras(f"dbname={DATABASE}", cameras, CameraImportOptions(), QgsFeedback(), print)
        elapsed = time.perf_counter() - start
        rows = result.imported + result.updated
        print(f"{run}: {rows} cameras in {elapsed:.2f} s = {rows / elapsed:.0f} cameras/s")
    subprocess.run(["dropdb", DATABASE], check=True)


if __name__ == "__main__":
    main()
