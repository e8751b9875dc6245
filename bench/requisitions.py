"""Requisitions: 100 made, issued, maps rendered and PDFs written, against raw WeasyPrint on the same HTML.

Run: `make bench PGENV=env` (with PG* variables) or `PYTHONPATH=build/plugins .venv/bin/python bench/requisitions.py`.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _qgis import start_qgis

COUNT = 100
DATABASE = "camreq_bench_requisitions"


def _admin(statement: str) -> None:
    """Run a statement on the maintenance database."""
    from camreq.db.connection import connect

    conn = connect("dbname=postgres")
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(statement)
    conn.close()


def _prepare(connection: str) -> list:
    """Install the schema and insert COUNT owners with three cameras each around one logged incident."""
    from camreq.core.requisitions import CameraRequest
    from camreq.db import schema
    from camreq.db.connection import connect

    conn = connect(connection)
    schema.install_or_upgrade(conn, report=lambda message: None)
    start = datetime.now(UTC) - timedelta(hours=6)
    cameras = []
    with conn.cursor() as cursor:
        cursor.execute("""INSERT INTO camreq.searches (reason, distance_m, incident_count, result_count)
                          VALUES ('bench', 200, 1, %s) RETURNING id""", (3 * COUNT,))  # fmt: skip
        search = cursor.fetchone()[0]
        cursor.execute("""INSERT INTO camreq.search_incidents VALUES (%s, 'I1', %s, %s,
                          ST_SetSRID(ST_MakePoint(913500, 6458000), 2154))""", (search, start, start))  # fmt: skip
        for owner in range(COUNT):
            cursor.execute("INSERT INTO camreq.owners (name, email, address) VALUES (%s, %s, 'Grenoble') RETURNING id",
                           (f"Owner {owner:03d}", f"owner{owner}@example.org"))  # fmt: skip
            owner_id = cursor.fetchone()[0]
            for n in range(3):
                cursor.execute(
                    """INSERT INTO camreq.cameras (owner_id, ref, direction, retention_days, geom)
                       VALUES (%s, %s, %s, 7, ST_SetSRID(ST_MakePoint(913500 + %s, 6458000 + %s), 2154))
                       RETURNING id""",
                    (owner_id, f"C{owner:03d}-{n}", (owner * 37 + n * 120) % 360, (owner % 20) * 9 - 90, n * 40 - 40),
                )
                cameras.append(
                    CameraRequest(cursor.fetchone()[0], start, start + timedelta(hours=1), None, "I1", search)
                )
    conn.commit()
    conn.close()
    return cameras


def main() -> None:
    """Print seconds per requisition for CamReq and for the WeasyPrint floor, and their ratio."""
    from camreq.core import requisitions as core
    from camreq.core.documents import TEMPLATES_DIR, Officer, render_html, write_pdf
    from camreq.db import requisitions as db
    from camreq.db.connection import connect

    start_qgis()
    _admin(f'DROP DATABASE IF EXISTS "{DATABASE}"')
    _admin(f'CREATE DATABASE "{DATABASE}"')
    connection = f"dbname={DATABASE}"
    try:
        cameras = _prepare(connection)
        officer = Officer("A. Martin", "Capitaine", "SD Bench", "a@example.org", "04")
        form = core.RequisitionForm("2026/000001", "flagrance", None, officer, None, unit_city="Grenoble")
        with tempfile.TemporaryDirectory() as folder:
            began = time.perf_counter()
            made = core.create_requisitions(connection, cameras, form, True, Path(folder) / "camreq").made
            camreq_s = (time.perf_counter() - began) / len(made)
            # The floor: the same documents' HTML (map PNGs made beforehand, untimed), WeasyPrint only.
            conn = connect(connection)
            with conn.cursor() as cursor:
                png = Path(folder) / "map.png"
                core.render_map(db.map_geometries(cursor, made[0].id), 2154, png)
                pages = [render_html(core._document(row, db.cameras(cursor, row.id), form, png))
                         for row in db.requisitions(cursor, [summary.id for summary in made])]  # fmt: skip
            conn.close()
            began = time.perf_counter()
            for n, html in enumerate(pages):
                write_pdf(html, Path(folder) / f"floor-{n}.pdf", TEMPLATES_DIR)
            floor_s = (time.perf_counter() - began) / len(pages)
        print(f"{len(made)} requisitions, issued, map rendered by QGIS, PDF written: {camreq_s:.3f} s each")
        print(f"raw WeasyPrint on the same HTML (the floor):             {floor_s:.3f} s each")
        print(f"ratio: {camreq_s / floor_s:.2f}x (aim: at most 1.5x)")
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


if __name__ == "__main__":
    main()
