"""The CamReq demo: runs the whole job against the throwaway PostGIS that `make demo` starts.

Each step is a function in STEPS; later features add theirs. Algorithms run through qgis_process,
as an automation would run them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "demo"
SAMPLE_STREETS = ROOT / "sample" / "streets.geojson"  # the synthetic base map of the sample area
SEARCH_OUTPUT = DEMO_DIR / "cameras_near_incident.geojson"  # the search result the requisitions are made from
DATABASE = "camreq_demo"
CONNECTION = f"dbname={DATABASE}"
SHOWN_ROWS = 25
AUTH_DIR = DEMO_DIR / "qgis-auth"  # the demo's own QGIS authentication database, unlocked by its password file
os.environ["QGIS_AUTH_DB_DIR_PATH"] = str(AUTH_DIR)
os.environ["QGIS_AUTH_PASSWORD_FILE"] = str(AUTH_DIR / "master-password")
SIGNING = {}  # SIGNING_AUTHCFG once make_demo_certificate() stored the officer's certificate
RECEIVED: list = []  # the e-mails the demo's SMTP server received, for the owner's step
YES_NO = {True: "yes", False: "no", None: ""}


def qgis_process(algorithm: str, login: str | None = None, **parameters: str) -> dict:
    """Run one camreq algorithm through qgis_process, as login (password = name) if given, and return its outputs."""
    arguments = [f"--{name}={value}" for name, value in parameters.items()]
    result = subprocess.run(
        [str(ROOT / "scripts" / "qgis_process"), "--json", "run", algorithm, *arguments],
        check=False,
        capture_output=True,
        text=True,
        env=login_environment(login),
    )
    if result.returncode != 0:
        sys.exit(f"{algorithm} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return json.loads(result.stdout[result.stdout.index("{") :])


def login_environment(login: str | None) -> dict[str, str] | None:
    """Return the environment connecting as a demo login (its password is its name), None for the installer."""
    return dict(os.environ, PGUSER=login, PGPASSWORD=login, PGHOST="localhost") if login else None


def psql(query: str, login: str | None = None, **values: str) -> str:
    """Return psql's aligned output of a query on the demo database, as login (password = name) if given; values are
    psql variables (:'name' in the query, quoted by psql)."""
    variables = [f"--set={name}={value}" for name, value in values.items()]
    result = subprocess.run(
        ["psql", "-d", DATABASE, *variables], input=query, check=False, capture_output=True, text=True,
        env=login_environment(login),
    )  # fmt: skip
    return result.stdout + result.stderr


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


DEMO_LOGINS = {
    "demo_analyst": ("analyst", ""),
    "demo_investigator_a": ("investigator", "Brigade A"),
    "demo_investigator_b": ("investigator", "Brigade B"),
}


def give_roles() -> None:
    """Give three logins their role and unit with camreq:grantuser; the database enforces them."""
    for login, (role, unit) in DEMO_LOGINS.items():
        psql(f"DROP ROLE IF EXISTS {login}; CREATE ROLE {login} LOGIN PASSWORD '{login}'")
        outputs = qgis_process("camreq:grantuser", CONNECTION=CONNECTION, LOGIN=login, ROLE=role, UNIT=unit)
        print(f"camreq:grantuser: {outputs['results']}")
    print(psql("UPDATE camreq.owners SET phone = '04 76 76 36 36' WHERE name = 'Ville de Grenoble'", "demo_analyst"))
    print("An investigator tries to edit the registry and to erase the audit trail, by direct SQL:")
    print(psql("UPDATE camreq.owners SET email = 'x@example.org'", "demo_investigator_a"))
    print(psql("DELETE FROM camreq.audit_log", "demo_investigator_a"))
    print(
        psql(
            "SELECT changed_at, changed_by, table_name, operation, row_id FROM camreq.audit_log "
            "WHERE table_name = 'owners' AND operation = 'UPDATE'"
        )
    )


def load_sample_registry() -> None:
    """Load the SYNTHETIC Grenoble sample registry with camreq:loadsampledata."""
    outputs = qgis_process("camreq:loadsampledata", CONNECTION=CONNECTION)["results"]
    print(
        "camreq:loadsampledata (SYNTHETIC data) loaded {o} owners, {c} cameras and {a} addresses, "
        "{r} rows rejected".format(
            o=outputs["OWNERS"], c=outputs["CAMERAS"], a=outputs["ADDRESSES"], r=outputs["REJECTED"]
        )
    )


def geocode_sample_incidents() -> None:
    """Place the sample incidents from their typed addresses with camreq:geocodeincidents (SYNTHETIC BAN file)."""
    placed_file = ROOT / "build" / "demo" / "incidents_geocoded.geojson"
    placed_file.parent.mkdir(parents=True, exist_ok=True)
    placed_file.unlink(missing_ok=True)
    source = ROOT / "sample" / "incident_addresses.csv"
    outputs = qgis_process(
        "camreq:geocodeincidents", CONNECTION=CONNECTION, INPUT=str(source), ADDRESS_FIELD="address",
        CITY_FIELD="city", OUTPUT=str(placed_file),
    )["results"]  # fmt: skip
    print(f"camreq:geocodeincidents: {outputs['UNMATCHED']} row(s) left out")
    for feature in json.loads(placed_file.read_text(encoding="utf-8"))["features"]:
        props, (lon, lat) = feature["properties"], feature["geometry"]["coordinates"][:2]
        print(
            f"  {props['name'].split(' ')[0]}: typed {props['address']!r}, {props['city']!r} -> "
            f"{props['geocode_label']} (score {props['geocode_score']:.2f}) at {lat:.5f}, {lon:.5f}"
        )


def import_osm_sample() -> None:
    """Import the OpenStreetMap-style sample with camreq:importcameras, showing each rejected and warned node."""
    rejected_file = ROOT / "build" / "demo" / "osm_rejected.geojson"
    warned_file = ROOT / "build" / "demo" / "osm_warnings.geojson"
    rejected_file.parent.mkdir(parents=True, exist_ok=True)
    for path in (rejected_file, warned_file):
        path.unlink(missing_ok=True)
    outputs = qgis_process(
        "camreq:importcameras",
        CONNECTION=CONNECTION,
        INPUT=str(ROOT / "sample" / "osm_surveillance.geojson"),
        DEFAULT_OWNER="Grenoble-Alpes Métropole",
        OUTPUT_REJECTED=str(rejected_file),
        OUTPUT_WARNINGS=str(warned_file),
    )["results"]
    print(
        "camreq:importcameras: {i} imported, {u} updated, {r} rejected, {w} with warnings, {s} skipped, "
        "{o} owners created".format(
            i=outputs["IMPORTED"], u=outputs["UPDATED"], r=outputs["REJECTED"], w=outputs["WARNED"],
            s=outputs["SKIPPED"], o=outputs["OWNERS_CREATED"],
        )
    )  # fmt: skip
    for path, column in ((rejected_file, "reason"), (warned_file, "warning")):
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            print(f"  {column} {feature['properties']['osm_id']}: {feature['properties'][column]}")


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
    DEMO_DIR.mkdir(exist_ok=True)
    SEARCH_OUTPUT.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as folder:
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
            OUTPUT=str(SEARCH_OUTPUT),
        )["results"]
    found = [feature["properties"] for feature in json.loads(SEARCH_OUTPUT.read_text(encoding="utf-8"))["features"]]
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


def make_demo_certificate() -> None:
    """Make a demo certificate authority (demo/ca.pem) and the officer's certificate, kept in QGIS's auth database."""
    import secrets
    import shutil

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    sys.path.insert(0, str(ROOT / "build" / "plugins"))
    from camreq.core import demo_pki

    shutil.rmtree(AUTH_DIR, ignore_errors=True)
    AUTH_DIR.mkdir(parents=True, mode=0o700)
    master, p12_password = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    password_file = Path(os.environ["QGIS_AUTH_PASSWORD_FILE"])
    password_file.touch(mode=0o600)
    password_file.write_text(master, encoding="utf-8")
    authority = demo_pki.authority("CamReq demo CA")
    officer = demo_pki.officer(authority, "Claire Martin")
    (DEMO_DIR / "ca.pem").write_bytes(authority.pem())
    p12 = AUTH_DIR / "claire-martin.p12"
    p12.touch(mode=0o600)
    p12.write_bytes(officer.pkcs12(authority, p12_password.encode()))
    app = QgsApplication([], False)
    app.initQgis()
    QgsApplication.authManager().setMasterPassword(master, True)  # a new database takes it as its master password
    config = QgsAuthMethodConfig("PKI-PKCS#12")
    config.setName("Claire Martin (demo)")
    config.setConfig("certpath", str(p12))
    config.setConfig("certpass", p12_password)
    if not QgsApplication.authManager().storeAuthenticationConfig(config)[0]:
        sys.exit("the demo certificate could not be stored in the QGIS authentication database")
    SIGNING["SIGNING_AUTHCFG"] = config.id()
    app.exitQgis()
    print(f"demo/ca.pem: {authority.certificate.subject.rfc4514_string()}")
    print(f"officer's certificate: {officer.certificate.subject.rfc4514_string()}")
    print(f"QGIS authentication configuration {config.id()} (PKI PKCS#12) in {AUTH_DIR.relative_to(ROOT)}")


def create_requisitions() -> None:
    """Create, issue and sign one requisition per owner of the sample incident's cameras, PDFs in demo/."""
    outputs = qgis_process(
        "camreq:createrequisitions", CONNECTION=CONNECTION, CAMERAS=str(SEARCH_OUTPUT), CASE_NUMBER="2026/004517",
        INVESTIGATION="flagrance", OFFICER_NAME="Claire Martin", OFFICER_RANK="Capitaine de police",
        OFFICER_UNIT="Sûreté départementale de l'Isère", OFFICER_EMAIL="claire.martin@police.example.org",
        OFFICER_PHONE="04 65 71 40 12", UNIT_ADDRESS="1 rue du Commandant l'Herminier, 38000 Grenoble",
        UNIT_CITY="Grenoble", BASEMAP=str(SAMPLE_STREETS),
        BASEMAP_ATTRIBUTION=json.loads(SAMPLE_STREETS.read_text(encoding="utf-8"))["attribution"],
        ISSUE="true", OUTPUT_FOLDER=str(DEMO_DIR / "requisitions"),
        OUTPUT=str(DEMO_DIR / "requisitions_made.csv"), **SIGNING,
    )["results"]  # fmt: skip
    print(f"PDFs in {Path(outputs['OUTPUT_FOLDER']).relative_to(ROOT)}:")
    print((DEMO_DIR / "requisitions_made.csv").read_text(encoding="utf-8"))


def verify_requisition() -> None:
    """Verify one signed PDF as its owner would: signature, signer, time, chain to demo/ca.pem, CamReq's record."""
    pdf = sorted((DEMO_DIR / "requisitions").glob("*.pdf"))[0]
    outputs = qgis_process(
        "camreq:verifyrequisition", INPUT=str(pdf), TRUST_ROOTS=str(DEMO_DIR / "ca.pem"), CONNECTION=CONNECTION
    )["results"]  # fmt: skip
    print(f"{pdf.relative_to(ROOT)}:")
    for name in ("VALID", "INTACT", "TRUSTED", "SIGNER", "SIGNED_AT", "NUMBER", "RECORDED", "SHA256", "PROBLEMS"):
        print(f"  {name}: {outputs[name]}")


def send_requisitions() -> None:
    """Send the outbox to a local SMTP server (aiosmtpd, started here) and show what each recipient received."""
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
        RECEIVED.append(message)
        for attachment in message.iter_attachments():
            size = len(attachment.get_content())
            print(f"  to {message['To']}: {message['Subject']}")
            print(f"    attachment {attachment.get_filename()} ({size:,} bytes)")
    print(
        psql("""SELECT r.number, o.name AS owner, r.status, to_char(r.purge_deadline AT TIME ZONE 'Europe/Paris',
        'YYYY-MM-DD HH24:MI') AS purge_deadline, x.status AS email FROM camreq.requisitions r
        JOIN camreq.owners o ON o.id = r.owner_id
        LEFT JOIN camreq.requisition_outbox x ON x.requisition_id = r.id AND x.kind = 'requisition'
        ORDER BY r.number""")
    )


def free_port() -> int:
    """Return a free loopback TCP port."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORTAL_URL = f"http://127.0.0.1:{free_port()}"  # the demo's owner portal, on loopback


def configure_portal() -> None:
    """Give the database the owner portal's public address: issued requisitions then carry a personal link."""
    print(psql("UPDATE camreq.settings SET portal_public_url = :'url' RETURNING portal_public_url", url=PORTAL_URL))


def owner_answers_on_portal() -> None:
    """Start the owner portal and play one owner: open the link of the e-mail, acknowledge, deposit, answer, confirm."""
    import base64
    import hashlib
    import io
    import re
    import time
    import urllib.error
    import urllib.request

    from pypdf import PdfReader

    def call(url: str, method: str = "GET", data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
                return answer.status, answer.headers, answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    psql("DROP ROLE IF EXISTS demo_portal; CREATE ROLE demo_portal LOGIN PASSWORD 'demo_portal' IN ROLE camreq_portal")
    port = PORTAL_URL.rsplit(":", 1)[1]
    portal = subprocess.Popen(
        [str(ROOT / "scripts" / "portal"), "--database", f"dbname={DATABASE} host=localhost user=demo_portal",
         "--storage", str(DEMO_DIR / "depot"), "--listen", f"127.0.0.1:{port}", "--public-url", PORTAL_URL],
        env=dict(os.environ, PGPASSWORD="demo_portal"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        while not _answers(PORTAL_URL):
            if portal.poll() is not None:
                sys.exit("scripts/portal stopped at start")
            time.sleep(0.2)
        fewest = psql(  # the e-mailed owner with the fewest camera windows (2 or more), for a short output
            "SELECT 'NUMBER ' || r.number FROM camreq.requisitions r JOIN camreq.requisition_outbox o "
            "ON o.requisition_id = r.id AND o.kind = 'requisition' AND o.to_address IS NOT NULL "
            "WHERE (SELECT count(*) FROM camreq.requisition_cameras c WHERE c.requisition_id = r.id) >= 2 "
            "ORDER BY (SELECT count(*) FROM camreq.requisition_cameras c WHERE c.requisition_id = r.id) LIMIT 1"
        )
        number = re.search(r"NUMBER (\S+)", fewest).group(1)
        message = next(m for m in RECEIVED if f"n° {number} " in m["Subject"])
        link = re.search(r"http://\S+/r/\S+", message.get_body(("plain",)).get_content()).group(0)
        print(f"The owner {message['To']} opens the link of the e-mail: {link[:60]}…")
        status, headers, page = call(link)
        cameras = re.findall(r'name="camera" value="(\d+)"', page)[::2]
        cookie = headers["set-cookie"].split(";")[0]
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        print(f"  page {status}: {re.search(r'<h1>(.*?)</h1>', page).group(1)}, {len(cameras)} camera windows")
        form = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
        print(f"  acknowledges: {call(link + '/accuse', 'POST', f'csrf={csrf}'.encode(), form)[0]}")
        footage = b"SYNTHETIC demo footage " * 40000
        name, camera = (base64.b64encode(text).decode() for text in (b"export camera 1.mp4", cameras[0].encode()))
        tus = {"Tus-Resumable": "1.0.0", "Cookie": cookie, "X-CSRF-Token": csrf}
        created = {**tus, "Upload-Length": str(len(footage)), "Upload-Metadata": f"filename {name},camera {camera}"}
        status, headers, _ = call(link + "/tus", "POST", b"", created)
        upload = {**tus, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
        patched = call(headers["Location"], "PATCH", footage, upload)[0]
        print(f"  deposits export camera 1.mp4 ({len(footage):,} bytes, SHA-256 {hashlib.sha256(footage).hexdigest()}) "
              f"over tus: created {status}, sent {patched}")  # fmt: skip
        for camera in cameras[1:]:
            answered = call(link + "/aucune", "POST", f"csrf={csrf}&camera={camera}&reason=overwritten".encode(), form)
            print(f"  camera window {camera}: no footage, overwritten ({answered[0]})")
        status, _, page = call(link + "/confirme", "POST", f"csrf={csrf}".encode(), form)
        print(f"  confirms: {status} {re.search(r'<h1>(.*?)</h1>', page).group(1)}")
        print(
            psql(
                "SELECT changed_at, changed_by, from_status, to_status, note FROM camreq.requisition_status_history h "
                "JOIN camreq.requisitions r ON r.id = h.requisition_id WHERE r.number = :'number' ORDER BY h.id",
                number=number,
            )
        )
        outputs = qgis_process("camreq:fetchfootage", CONNECTION=CONNECTION, NUMBER=number,
                               OUTPUT_FOLDER=str(DEMO_DIR / "footage"))["results"]  # fmt: skip
        print(f"camreq:fetchfootage: {outputs['FILES']} file(s), SHA-256 checked; reception report "
              f"{Path(outputs['REPORT']).relative_to(ROOT)}")  # fmt: skip
        RECEIVED.clear()
        send_requisitions()  # the receipt to the owner and the notice to the officer
        receipt = next(m for m in RECEIVED if m["Subject"].startswith("Reçu"))
        pdf = next(receipt.iter_attachments()).get_content()
        print("The owner's receipt (PDF text):")
        print("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    finally:
        portal.terminate()
        portal.wait()


def _answers(url: str) -> bool:
    """Return whether something listens at url."""
    import urllib.request

    try:
        urllib.request.urlopen(url + "/static/portal.css", timeout=2).close()  # noqa: S310
    except OSError:
        return False
    return True


def add_history() -> None:
    """Add a SYNTHETIC history of answered requisitions over the last 14 months (as if recorded then)."""
    import random

    import psycopg2

    sys.path.insert(0, str(ROOT / "build" / "plugins"))
    from camreq.db.history import PastRequisition, insert_history

    rng = random.Random(38)  # noqa: S311 (synthetic sample data, not secrets)
    conn = psycopg2.connect(dbname=DATABASE)
    with conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT ON (owner_id) owner_id, id, retention_days FROM camreq.cameras ORDER BY owner_id, id"
        )
        cameras = cursor.fetchall()
        today = datetime.now().astimezone()
        past = []
        for day in range(14 * 30, 1, -1):
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                owner_id, camera_id, retention = rng.choice(cameras)
                incident = today - timedelta(days=day, hours=rng.uniform(0, 24))
                issued = incident + timedelta(hours=rng.lognormvariate(2.5, 0.8))
                sent = issued + timedelta(minutes=rng.uniform(1, 90))
                answer_hours = rng.lognormvariate(3.2, 1.0)
                status, reason = rng.choices(
                    [("footage_delivered", None), ("no_footage", "overwritten"), ("no_footage", "camera_down"),
                     ("refused", None), ("sent", None)], weights=(70, 12, 5, 3, 10))[0]  # fmt: skip
                answered = None if status == "sent" else sent + timedelta(hours=answer_hours)
                past.append(PastRequisition(rng.choice(("Brigade A", "Brigade B")), owner_id, camera_id, incident,
                                            issued, sent, answered, status, incident + timedelta(days=retention),
                                            reason))  # fmt: skip
        insert_history(cursor, past)
    conn.close()
    print(f"{len(past)} past requisitions (SYNTHETIC) recorded over 14 months")


def show_statistics() -> None:
    """The analyst's statistics of the last 12 months (camreq:statistics), the registry findings (checkregistry)."""
    today = date.today()
    start = today.replace(day=1, year=today.year - 1)
    outputs = qgis_process(
        "camreq:statistics", "demo_analyst", CONNECTION=CONNECTION, FROM=start.isoformat(),
        TO=today.isoformat(), OUTPUT_FOLDER=str(DEMO_DIR / "statistics"),
    )["results"]  # fmt: skip
    print(f"Report: {Path(outputs['REPORT_PDF']).relative_to(ROOT)} ({outputs['REQUISITIONS']} requisitions)")
    for name in ("clock", "months"):
        print(f"{name}.csv:")
        print((DEMO_DIR / "statistics" / f"{name}.csv").read_text(encoding="utf-8"))
    findings = DEMO_DIR / "registry_findings.geojson"
    outputs = qgis_process(
        "camreq:checkregistry", "demo_analyst", CONNECTION=CONNECTION, OUTPUT=str(findings)
    )["results"]  # fmt: skip
    print(f"camreq:checkregistry: {outputs['COUNT']} findings, {outputs['HIGH']} high; one of each problem:")
    examples: dict[str, tuple[int, str]] = {}
    for feature in json.loads(findings.read_text(encoding="utf-8"))["features"]:
        found = feature["properties"]
        count, message = examples.get(found["problem"], (0, f"[{found['severity']}] {found['message']}"))
        examples[found["problem"]] = (count + 1, message)
    for problem, (count, message) in examples.items():
        print(f"  {problem} ({count}): {message}")


STEPS = [
    create_database,
    install_schema,
    load_sample_registry,
    geocode_sample_incidents,
    import_osm_sample,
    owner_counts,
    search_cameras,
    make_demo_certificate,
    configure_portal,
    create_requisitions,
    verify_requisition,
    send_requisitions,
    owner_answers_on_portal,
    give_roles,
    add_history,
    show_statistics,
]


def main() -> None:
    """Run every demo step in order."""
    for step in STEPS:
        print(f"== {step.__doc__}")
        step()


if __name__ == "__main__":
    main()
