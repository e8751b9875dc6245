"""Benchmark of the camera search against QGIS's own way and the bare PostGIS floor.

Registries of synthetic cameras (generate_series) in a 25 × 22 km box over Grenoble, incidents at 200 m.
Compared in one run: camreq:camerasnearincident (owners, windows, purge deadlines, log), QGIS's
native:extractwithindistance on the same PostGIS camera layer, and two bare ST_DWithin queries with their fetch:
"bare" is the floor, the same geodesic predicate on the same geography index (true metres, like camreq);
"planar" measures in Lambert-93 metres on the geometry index (cheaper, and not what camreq answers).

    python bench/search.py [--sizes 10000,100000[,1000000]] [--repeat 3] [--batch-extract] [--cases batch]

The 10,000-incident batch (against 100,000 cameras) times extractwithindistance only with --batch-extract:
QGIS takes minutes on it.

Needs the PG* variables of a PostgreSQL server with PostGIS (make bench PGENV=env ...).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build" / "plugins"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _qgis import start_qgis  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

DATABASE = "camreq_bench"
CONNECTION = f"dbname={DATABASE}"
DISTANCE_M = 200
BOX = (5.62, 45.10, 5.86, 45.30)  # lon/lat of the Grenoble metropolis, roughly 19 x 22 km
CASES = ((1, "EPSG:2154"), (1, "EPSG:4326"), (100, "EPSG:2154"), (100, "EPSG:4326"))  # (incidents, their CRS)
NO_JIT = "SET LOCAL jit = off;"  # as camreq does: JIT compiling costs more than these queries
BARE = (
    NO_JIT
    + """
SELECT c.id, ST_AsBinary(c.geom)
FROM unnest(%s::bytea[]) AS u(wkb)
JOIN camreq.cameras c ON ST_DWithin(c.geog, ST_GeomFromWKB(u.wkb, 4326)::geography, %s)
"""
)
PLANAR = (
    NO_JIT
    + """
SELECT c.id, ST_AsBinary(c.geom)
FROM unnest(%s::bytea[]) AS u(wkb)
JOIN camreq.cameras c ON ST_DWithin(c.geom, ST_Transform(ST_GeomFromWKB(u.wkb, 4326), 2154), %s)
"""
)


def prepare_database() -> None:
    """Create the benchmark database afresh with the camreq schema (the consultation log cannot be emptied)."""
    from camreq.db import schema
    from camreq.db.connection import connect

    subprocess.run(["dropdb", "--if-exists", "--force", DATABASE], check=True)
    subprocess.run(["createdb", DATABASE], check=True)
    conn = connect(CONNECTION)
    schema.install_or_upgrade(conn, report=lambda message: None)
    conn.close()


def load_registry(size: int) -> float:
    """Fill the fresh registry with size synthetic cameras; return the seconds it took."""
    from camreq.db.connection import connect

    started = time.perf_counter()
    conn = connect(CONNECTION)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(
            "INSERT INTO camreq.owners (name, email) SELECT 'Owner ' || i, 'o' || i || '@bench.example.org' "
            "FROM generate_series(1, 50) i"
        )
        cursor.execute(
            "INSERT INTO camreq.cameras (owner_id, ref, camera_type, direction, retention_days, geom) "
            "SELECT (SELECT min(id) FROM camreq.owners) + i %% 50, 'B-' || i, "
            "(ARRAY['fixed','dome','ptz','anpr'])[1 + i %% 4], (i * 37) %% 360, 7 + i %% 24, "
            "ST_Transform(ST_SetSRID(ST_MakePoint(%s + random() * %s, %s + random() * %s), 4326), 2154) "
            "FROM generate_series(1, %s) i",
            (BOX[0], BOX[2] - BOX[0], BOX[1], BOX[3] - BOX[1], size),
        )
        cursor.execute("VACUUM ANALYZE camreq.cameras")
    conn.close()
    return time.perf_counter() - started


def incident_points(count: int, seed: int) -> list[tuple[float, float]]:
    """Return count random lon/lat points inside the registry box."""
    rng = random.Random(seed)
    west, south, east, north = BOX[0] + 0.01, BOX[1] + 0.01, BOX[2] - 0.01, BOX[3] - 0.01
    return [(rng.uniform(west, east), rng.uniform(south, north)) for _ in range(count)]


def incident_layer(points: list[tuple[float, float]], crs: str) -> QgsVectorLayer:
    """Return a memory layer of incident points in crs (from lon/lat)."""
    layer = QgsVectorLayer(f"Point?crs={crs}&field=name:string", "incidents", "memory")
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem(crs), QgsProject.instance()
    )
    features = []
    for number, (lon, lat) in enumerate(points):
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry.fromPointXY(QgsPointXY(lon, lat))
        geometry.transform(transform)
        feature.setGeometry(geometry)
        feature["name"] = f"i{number}"
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def best_time(function, repeat: int) -> tuple[float, int]:
    """Return the best wall time of repeat runs and the result count of the last."""
    best, count = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = function()
        best = min(best, time.perf_counter() - started)
    return best, count


def run_case(processing, cameras: QgsVectorLayer, points, crs: str, repeat: int, with_extract: bool = True) -> dict:
    """Time the three ways on one set of incidents; return seconds and counts by way."""
    from camreq.db.connection import connect

    layer = incident_layer(points, crs)

    def camreq_way() -> int:
        return processing.run(
            "camreq:camerasnearincident",
            {
                "CONNECTION": CONNECTION,
                "INCIDENTS": layer,
                "ID_FIELD": "name",
                "DISTANCE": DISTANCE_M,
                "START": "2025-03-10T10:00:00",
                "END": "2025-03-10T11:00:00",
                "REASON": "benchmark",
                "OUTPUT": "memory:",
            },
        )["COUNT"]

    def extract_way() -> int:
        return processing.run(
            "native:extractwithindistance",
            {
                "INPUT": cameras,
                "REFERENCE": layer,
                "DISTANCE": DISTANCE_M,
                "OUTPUT": "memory:",
            },
        )["OUTPUT"].featureCount()

    def bare_way(query: str) -> int:
        import psycopg2

        wkbs = [psycopg2.Binary(QgsGeometry.fromPointXY(QgsPointXY(*p)).asWkb().data()) for p in points]
        with conn, conn.cursor() as cursor:
            cursor.execute(query, (wkbs, DISTANCE_M))
            return len(cursor.fetchall())

    conn = connect(CONNECTION)  # kept open, as QGIS keeps its provider's and camreq its own

    results = {
        "camreq": best_time(camreq_way, repeat),
        "bare": best_time(lambda: bare_way(BARE), repeat),
        "planar": best_time(lambda: bare_way(PLANAR), repeat),
    }
    conn.close()
    if with_extract:
        results["extract"] = best_time(extract_way, repeat)
    return results


def report(title: str, results: dict) -> None:
    """Print one case's times and ratios."""
    camreq_s, camreq_n = results["camreq"]
    bare_s, bare_n = results["bare"]
    planar_s, planar_n = results["planar"]
    line = f"{title:<44} camreq {camreq_s * 1000:9.1f} ms ({camreq_n} rows)  bare {bare_s * 1000:9.1f} ms ({bare_n})"
    line += f"  camreq/bare {camreq_s / bare_s:5.2f}  planar {planar_s * 1000:9.1f} ms ({planar_n})"
    if "extract" in results:
        extract_s, extract_n = results["extract"]
        line += f"  extract {extract_s * 1000:9.1f} ms ({extract_n})  extract/camreq {extract_s / camreq_s:6.1f}x"
    print(line, flush=True)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark for each registry size and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="registry sizes, comma-separated (add 1000000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case, the best is kept")
    parser.add_argument("--batch", type=int, default=10000, help="incidents of the batch case (against 100,000)")
    parser.add_argument("--batch-extract", action="store_true", help="also time extractwithindistance on the batch")
    parser.add_argument("--cases", default="all", choices=("all", "batch"), help="batch: only the batch case")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]

    start_qgis()
    from camreq.db.connection import layer_uri
    from camreq.processing.provider import CamreqProvider
    from processing.core.Processing import Processing

    import processing

    Processing.initialize()
    provider = CamreqProvider()
    start_qgis().processingRegistry().addProvider(provider)
    for size in sizes:
        prepare_database()
        seconds = load_registry(size)
        print(f"-- registry of {size:,} cameras (generated in {seconds:.1f} s), incidents at {DISTANCE_M} m")
        cameras = QgsVectorLayer(layer_uri(CONNECTION, "cameras").uri(False), "cameras", "postgres")
        for seed, (count, crs) in enumerate(CASES if args.cases == "all" else ()):
            title = f"{count} incident{'s' if count > 1 else ''} ({crs}{', GPS' if crs == 'EPSG:4326' else ''})"
            report(title, run_case(processing, cameras, incident_points(count, seed), crs, args.repeat))
        if size == 100_000:
            report(
                f"{args.batch:,} incidents in one batch (EPSG:4326)",
                run_case(processing, cameras, incident_points(args.batch, 5), "EPSG:4326", 1, args.batch_extract),
            )


if __name__ == "__main__":
    main(sys.argv[1:])
