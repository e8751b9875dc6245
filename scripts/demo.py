"""The CamReq demo: runs the whole job against the throwaway PostGIS that `make demo` starts.

Each step is a function in STEPS; later features add theirs. Algorithms run through qgis_process,
as an automation would run them.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "camreq_demo"
CONNECTION = f"dbname={DATABASE}"
SHOWN_ROWS = 25
YES_NO = {"1": "yes", "0": "no", "true": "yes", "false": "no", "": ""}


def qgis_process(algorithm: str, **parameters: str) -> dict:
    """Run one camreq algorithm through qgis_process and return its outputs."""
    arguments = [f"--{name}={value}" for name, value in parameters.items()]
    result = subprocess.run(
        [str(ROOT / "scripts" / "qgis_process"), "--json", "run", algorithm, *arguments],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"{algorithm} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return json.loads(result.stdout[result.stdout.index("{") :])


def psql(query: str) -> str:
    """Return psql's aligned output of a query on the demo database."""
    return subprocess.run(["psql", "-d", DATABASE, "-c", query], check=True, capture_output=True, text=True).stdout


def create_database() -> None:
    """Create the empty demo database in the throwaway cluster."""
    subprocess.run(["dropdb", "--if-exists", DATABASE], check=True)
    subprocess.run(["createdb", DATABASE], check=True)
    print(f"Created database {DATABASE} on {os.environ.get('PGHOST')}:{os.environ.get('PGPORT')}")


def install_schema() -> None:
    """Install the CamReq schema with camreq:installdatabase."""
    outputs = qgis_process("camreq:installdatabase", CONNECTION=CONNECTION)["results"]
    print(f"camreq:installdatabase installed schema version {outputs['VERSION']}")
    print(psql("SELECT version, applied_at FROM camreq.schema_version ORDER BY version"))


def yesterdays_incidents(folder: Path) -> Path:
    """Write sample/incidents.geojson with its date-times moved to yesterday (same times of day)."""
    collection = json.loads((ROOT / "sample" / "incidents.geojson").read_text(encoding="utf-8"))
    for feature in collection["features"]:
        for key in ("start", "end"):
            if feature["properties"].get(key):
                moment = datetime.fromisoformat(feature["properties"][key])
                moment = moment.replace(year=1, month=1, day=1)  # keep the time of day only
                day = date.today() - timedelta(days=1)
                feature["properties"][key] = moment.replace(year=day.year, month=day.month, day=day.day).isoformat()
    path = folder / "incidents.geojson"
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return path


def search_cameras() -> None:
    """Search the cameras near yesterday's sample incident and route (30 km/h) with camreq:camerasnearincident."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "cameras.csv"
        outputs = qgis_process(
            "camreq:camerasnearincident",
            CONNECTION=CONNECTION,
            INCIDENTS=str(yesterdays_incidents(Path(folder))),
            ID_FIELD="name",
            DISTANCE="100",
            START_FIELD="start",
            END_FIELD="end",
            SPEED_KMH="30",
            MARGIN_MINUTES="10",
            REASON="Démo CamReq PV 2025/000 (synthétique)",
            OUTPUT=str(output),
        )["results"]
        with output.open(encoding="utf-8", newline="") as stream:
            found = list(csv.DictReader(stream))
    print(f"Search {outputs['SEARCH_ID']} (consultation log): {outputs['COUNT']} cameras, most urgent first")
    columns = ("incident_id", "camera_ref", "owner_name", "distance_m", "in_view", "purge_at", "footage_available")
    table = [("incident", "camera", "owner", "distance (m)", "in view", "purge deadline (Paris)", "available")]
    for row in found[:SHOWN_ROWS]:
        values = [row[column] for column in columns]
        values[0] = values[0].split(" ")[0]
        values[3] = f"{float(values[3]):.0f}"
        values[4] = YES_NO[values[4]]
        values[6] = YES_NO[values[6]]
        table.append(tuple(values))
    widths = [max(len(str(line[i])) for line in table) for i in range(len(table[0]))]
    for line in table:
        print("  ".join(str(value).ljust(width) for value, width in zip(line, widths, strict=True)))
    if len(found) > SHOWN_ROWS:
        print(f"… and {len(found) - SHOWN_ROWS} more")
    print(psql("SELECT id, searched_by, reason, distance_m, incident_count, result_count FROM camreq.searches"))


STEPS = [create_database, install_schema, search_cameras]


def main() -> None:
    """Run every demo step in order."""
    for step in STEPS:
        print(f"== {step.__doc__}")
        step()


if __name__ == "__main__":
    main()
