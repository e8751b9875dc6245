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


STEPS = [create_database, install_schema]


def main() -> None:
    """Run every demo step in order."""
    for step in STEPS:
        print(f"== {step.__doc__}")
        step()


if __name__ == "__main__":
    main()
