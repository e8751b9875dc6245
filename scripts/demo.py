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


DEMO_DIR = ROOT / "demo"
SEARCH_OUTPUT = DEMO_DIR / "cameras_near_incident.geojson"  # what the search step leaves for the requisitions
INCIDENT = (5.7265, 45.1895, "2026-11-26T22:30:00+01:00")  # lon, lat, time: a robbery near place Grenette


def requisition_inputs() -> None:
    """Stand-in for the registry and search steps: sample owners and cameras, one logged search, its output."""
    import csv

    import psycopg2

    conn = psycopg2.connect(dbname=DATABASE)
    with conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM camreq.cameras")
        if cursor.fetchone()[0] == 0:
            with (ROOT / "sample" / "owners.csv").open(encoding="utf-8") as file:
                cursor.executemany(
                    "INSERT INTO camreq.owners (name, kind, email, phone, address) VALUES (%s, %s, %s, %s, %s)",
                    [(r["name"], r["kind"], r["email"] or None, r["phone"], r["address"])
                     for r in csv.DictReader(file)],  # fmt: skip
                )
            with (ROOT / "sample" / "cameras.csv").open(encoding="utf-8") as file:
                cursor.executemany(
                    """INSERT INTO camreq.cameras (owner_id, ref, camera_type, direction, fov, range_m, retention_days,
                           status, geom)
                       SELECT id, %s, %s, %s, %s, %s, %s, %s,
                              ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), camreq.storage_srid())
                       FROM camreq.owners WHERE name = %s""",
                    [(r["ref"], r["camera_type"], r["direction"] or None, r["fov"] or None, r["range_m"] or None,
                      r["retention_days"], r["status"], float(r["x"]), float(r["y"]), r["owner"])
                     for r in csv.DictReader(file)],
                )  # fmt: skip
        cursor.execute(
            """WITH s AS (INSERT INTO camreq.searches (reason, distance_m, incident_count, result_count)
                          VALUES ('demo: vol avec violence place Grenette', 200, 1, 0) RETURNING id)
               INSERT INTO camreq.search_incidents
               SELECT id, 'INC-1', %s::timestamptz - interval '30 minutes', %s::timestamptz + interval '30 minutes',
                      ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), camreq.storage_srid()) FROM s
               RETURNING search_id""",
            (INCIDENT[2], INCIDENT[2], INCIDENT[0], INCIDENT[1]),
        )
        search_id = cursor.fetchone()[0]
        cursor.execute(
            """SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                   'type', 'Feature', 'geometry', ST_AsGeoJSON(ST_Transform(c.geom, 4326))::json,
                   'properties', json_build_object('incident_id', i.incident_id, 'camera_id', c.id, 'camera_ref', c.ref,
                       'owner_name', o.name, 'owner_email', o.email, 'camera_type', c.camera_type,
                       'distance_m', round(ST_Distance(c.geom, i.geom)::numeric, 1),
                       'in_view', ST_Intersects(c.fov_geom, i.geom), 'retention_days', c.retention_days,
                       'purge_at', i.window_start + c.retention_days * interval '1 day',
                       'footage_available', i.window_start + c.retention_days * interval '1 day' > now(),
                       'window_start', i.window_start, 'window_end', i.window_end, 'search_id', i.search_id))
                   ORDER BY i.window_start + c.retention_days * interval '1 day'), '[]'))
               FROM camreq.search_incidents i
               JOIN camreq.cameras c ON ST_DWithin(c.geom, i.geom, 200) AND c.status = 'in_service'
               JOIN camreq.owners o ON o.id = c.owner_id
               WHERE i.search_id = %s""",
            (search_id,),
        )
        DEMO_DIR.mkdir(exist_ok=True)
        SEARCH_OUTPUT.write_text(json.dumps(cursor.fetchone()[0]), encoding="utf-8")
    conn.close()
    print(f"Wrote the search result to {SEARCH_OUTPUT.relative_to(ROOT)}")


def create_requisitions() -> None:
    """Create and issue one requisition per owner of the sample incident's cameras, PDFs in demo/."""
    outputs = qgis_process(
        "camreq:createrequisitions", CONNECTION=CONNECTION, CAMERAS=str(SEARCH_OUTPUT), CASE_NUMBER="2026/004517",
        INVESTIGATION="flagrance", OFFICER_NAME="Claire Martin", OFFICER_RANK="Capitaine de police",
        OFFICER_UNIT="Sûreté départementale de l'Isère", OFFICER_EMAIL="claire.martin@police.example.org",
        OFFICER_PHONE="04 65 71 40 12", ISSUE="true", OUTPUT_FOLDER=str(DEMO_DIR / "requisitions"),
        OUTPUT=str(DEMO_DIR / "requisitions_made.csv"),
    )["results"]  # fmt: skip
    print(f"PDFs in {Path(outputs['OUTPUT_FOLDER']).relative_to(ROOT)}:")
    print((DEMO_DIR / "requisitions_made.csv").read_text(encoding="utf-8"))


def send_requisitions() -> None:
    """Send them to a local SMTP server (aiosmtpd, started here) and show what each owner received."""
    import socket
    from email import message_from_bytes
    from email.policy import default

    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self) -> None:
            self.envelopes = []

        async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
            self.envelopes.append(envelope)
            return "250 2.0.0 Ok: queued"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        outputs = qgis_process(
            "camreq:sendrequisitions", CONNECTION=CONNECTION, SMTP_HOST="127.0.0.1", SMTP_PORT=str(port),
            SMTP_SECURITY="none", FROM="requisitions@police.example.org",
        )["results"]  # fmt: skip
    finally:
        controller.stop()
    print(f"SMTP server 127.0.0.1:{port}: sent {outputs['SENT']}, pending {outputs['PENDING']} "
          f"(of which {outputs['NO_EMAIL']} owner(s) without e-mail), failed {outputs['FAILED']}")  # fmt: skip
    for envelope in inbox.envelopes:
        message = message_from_bytes(envelope.content, policy=default)
        for attachment in message.iter_attachments():
            size = len(attachment.get_content())
            print(f"  to {message['To']}: {message['Subject']}")
            print(f"    attachment {attachment.get_filename()} ({size:,} bytes)")
    print(psql("""SELECT r.number, o.name AS owner, r.status, to_char(r.purge_deadline AT TIME ZONE 'Europe/Paris',
        'YYYY-MM-DD HH24:MI') AS purge_deadline, x.status AS email FROM camreq.requisitions r
        JOIN camreq.owners o ON o.id = r.owner_id LEFT JOIN camreq.requisition_outbox x ON x.requisition_id = r.id
        ORDER BY r.number"""))


STEPS = [create_database, install_schema, requisition_inputs, create_requisitions, send_requisitions]


def main() -> None:
    """Run every demo step in order."""
    for step in STEPS:
        print(f"== {step.__doc__}")
        step()


if __name__ == "__main__":
    main()
