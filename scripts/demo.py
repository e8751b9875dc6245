"""The CamReq demo: runs the whole job against the throwaway PostGIS that `make demo` starts.

Each step is a function in STEPS; later features add theirs. Algorithms run through qgis_process,
as an automation would run them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "camreq_demo"
CONNECTION = f"dbname={DATABASE}"


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


def load_sample_registry() -> None:
    """Load the SYNTHETIC Grenoble sample registry with camreq:loadsampledata."""
    outputs = qgis_process("camreq:loadsampledata", CONNECTION=CONNECTION)["results"]
    print(
        "camreq:loadsampledata (SYNTHETIC data) loaded {o} owners and {c} cameras, {r} rows rejected".format(
            o=outputs["OWNERS"], c=outputs["CAMERAS"], r=outputs["REJECTED"]
        )
    )


def import_osm_sample() -> None:
    """Import the OpenStreetMap-style sample with camreq:importcameras, showing each rejected node's reason."""
    rejected_file = ROOT / "build" / "demo" / "osm_rejected.geojson"
    rejected_file.parent.mkdir(parents=True, exist_ok=True)
    rejected_file.unlink(missing_ok=True)
    outputs = qgis_process(
        "camreq:importcameras",
        CONNECTION=CONNECTION,
        INPUT=str(ROOT / "sample" / "osm_surveillance.geojson"),
        DEFAULT_OWNER="Grenoble-Alpes Métropole",
        OUTPUT_REJECTED=str(rejected_file),
    )["results"]
    print(
        "camreq:importcameras: {i} imported, {u} updated, {r} rejected, {o} owners created".format(
            i=outputs["IMPORTED"], u=outputs["UPDATED"], r=outputs["REJECTED"], o=outputs["OWNERS_CREATED"]
        )
    )
    for feature in json.loads(rejected_file.read_text(encoding="utf-8"))["features"]:
        print(f"  rejected {feature['properties']['osm_id']}: {feature['properties']['reason']}")


def owner_counts() -> None:
    """Print the cameras per owner, and which owners have a requisition contact."""
    print(
        psql(
            "SELECT o.name AS owner, o.kind, count(c.id) AS cameras,"
            " CASE WHEN o.email IS NULL THEN 'NO CONTACT' ELSE 'e-mail' END AS contact"
            " FROM camreq.owners o LEFT JOIN camreq.cameras c ON c.owner_id = o.id"
            " GROUP BY o.id ORDER BY cameras DESC, o.name"
        )
    )
    print(
        psql(
            "SELECT count(*) FILTER (WHERE o.email IS NOT NULL) AS cameras_with_contact,"
            " count(*) FILTER (WHERE o.email IS NULL) AS cameras_without_contact"
            " FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id"
        )
    )


STEPS = [create_database, install_schema, load_sample_registry, import_osm_sample, owner_counts]


def main() -> None:
    """Run every demo step in order."""
    for step in STEPS:
        print(f"== {step.__doc__}")
        step()


if __name__ == "__main__":
    main()
