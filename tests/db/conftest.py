"""Database fixtures: each test gets its own database in the throwaway cluster of pg_virtualenv."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from camreq.core import demo_pki
from camreq.db import schema
from camreq.db.connection import connect
from cryptography.hazmat.primitives import serialization
from psycopg2.sql import SQL, Identifier

TEMPLATE = "camreq_template"


def admin_execute(statement: str, *names: str, params: tuple = ()) -> None:
    """Run one statement (CREATE/DROP DATABASE, roles) on the maintenance database, names quoted into its {}."""
    conn = connect("dbname=postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(SQL(statement).format(*map(Identifier, names)), params)
    finally:
        conn.close()


def new_database(template: str = "template1") -> str:
    """Create a database with a fresh name and return the name."""
    name = "test_" + uuid.uuid4().hex[:12]
    admin_execute("CREATE DATABASE {} TEMPLATE {}", name, template)
    return name


@pytest.fixture(scope="session")
def template_db(qgis_app) -> Iterator[str]:
    """Return a database with the current schema installed, to copy from."""
    if "PGHOST" not in os.environ:
        pytest.fail("Database tests run in a throwaway PostgreSQL cluster: use `make test` or `make test-db`.")
    admin_execute("DROP DATABASE IF EXISTS {}", TEMPLATE)
    admin_execute("CREATE DATABASE {}", TEMPLATE)
    conn = connect("dbname=" + TEMPLATE)
    schema.install_or_upgrade(conn, report=lambda message: None)
    conn.close()
    yield TEMPLATE
    admin_execute("DROP DATABASE IF EXISTS {} WITH (FORCE)", TEMPLATE)


@pytest.fixture
def empty_db(qgis_app) -> Iterator[str]:
    """Return the connection string of an empty database (no PostGIS, no camreq)."""
    name = new_database()
    yield "dbname=" + name
    admin_execute("DROP DATABASE {} WITH (FORCE)", name)


@pytest.fixture
def db(template_db: str) -> Iterator[str]:
    """Return the connection string of a database with the current camreq schema."""
    name = new_database(template_db)
    yield "dbname=" + name
    admin_execute("DROP DATABASE {} WITH (FORCE)", name)


@pytest.fixture(scope="session")
def sql():
    """Return a function running one query in its own transaction and returning its rows."""

    def run(connection: str, statement: str, params: tuple = ()) -> list[tuple]:
        conn = connect(connection)
        try:
            with conn, conn.cursor() as cursor:
                cursor.execute(statement, params)
                return cursor.fetchall() if cursor.description else []
        finally:
            conn.close()

    return run


LOGIN_PASSWORD = "camreq-test-login"
# Logins every security test gets: key -> (CamReq role or None for a login without one, unit).
TEST_LOGINS = {
    "administrator": ("administrator", None),
    "analyst": ("analyst", None),
    "investigator": ("investigator", "Brigade A"),
    "investigator_b": ("investigator", "Brigade B"),
    "nobody": (None, None),
}


def create_logins(connection: str) -> dict[str, str]:
    """Create one login per TEST_LOGINS key, grant its role in the database, return key -> connection string."""
    from camreq.core.database import grant_user

    suffix = uuid.uuid4().hex[:8]
    logins = {}
    for key, (role, unit) in TEST_LOGINS.items():
        name = f"t_{key}_{suffix}"
        admin_execute("CREATE ROLE {} LOGIN PASSWORD %s", name, params=(LOGIN_PASSWORD,))
        if role:
            grant_user(connection, name, role, unit)
        logins[key] = f"{connection} host=localhost user={name} password={LOGIN_PASSWORD}"
    return logins


def drop_logins(logins: dict[str, str]) -> None:
    """Drop the logins create_logins made (roles are global to the cluster)."""
    for connection in logins.values():
        admin_execute("DROP ROLE IF EXISTS {}", login_name(connection))


def login_name(connection: str) -> str:
    """Return the user= of a connection string."""
    return dict(part.split("=", 1) for part in connection.split())["user"]


@pytest.fixture(scope="session")
def login_of():
    """Return a function giving the login name (user=) of a connection string."""
    return login_name


@pytest.fixture
def logins(db: str) -> Iterator[dict[str, str]]:
    """Return connection strings to db for an administrator, an analyst, investigators of units A and B, nobody."""
    created = create_logins(db)
    yield created
    drop_logins(created)


@pytest.fixture(scope="module")
def shared_db(template_db: str) -> Iterator[str]:
    """Return a database the tests of one module share: each test must leave it as it found it."""
    name = new_database(template_db)
    yield "dbname=" + name
    admin_execute("DROP DATABASE {} WITH (FORCE)", name)


@pytest.fixture(scope="module")
def shared_logins(shared_db: str) -> Iterator[dict[str, str]]:
    """Return the logins fixture's connection strings, for shared_db."""
    created = create_logins(shared_db)
    yield created
    drop_logins(created)


@pytest.fixture(scope="session")
def attempt():
    """Return a function running one statement in a transaction it rolls back, returning the rows it touched."""

    def run(connection: str, statement: str, params: tuple = ()) -> int:
        conn = connect(connection)
        try:
            with conn.cursor() as cursor:
                cursor.execute(statement, params)
                return cursor.rowcount
        finally:
            conn.rollback()
            conn.close()

    return run


@pytest.fixture
def point_layer():
    """Return a function building a memory point layer from rows of attributes with x and y."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    types = {str: QVariant.String, int: QVariant.Int, float: QVariant.Double}

    def build(rows: list[dict], crs: str = "EPSG:4326") -> QgsVectorLayer:
        layer = QgsVectorLayer(f"Point?crs={crs}", "points", "memory")
        names = list(dict.fromkeys(name for row in rows for name in row if name not in ("x", "y")))
        first = {name: next(row[name] for row in rows if name in row) for name in names}
        layer.dataProvider().addAttributes([QgsField(name, types[type(first[name])]) for name in names])
        layer.updateFields()
        features = []
        for row in rows:
            feature = QgsFeature(layer.fields())
            feature.setAttributes([row.get(name) for name in names])
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(row["x"], row["y"])))
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        return layer

    return build


@pytest.fixture
def point_file(point_layer, tmp_path):
    """Return a function writing rows as a point file (GPKG, GeoJSON...) and returning its path."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    def write(rows: list[dict], driver: str, suffix: str, crs: str = "EPSG:4326") -> str:
        path = str(tmp_path / f"points{suffix}")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = driver
        error = QgsVectorFileWriter.writeAsVectorFormatV3(
            point_layer(rows, crs), path, QgsCoordinateTransformContext(), options
        )
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
        return path

    return write


@pytest.fixture
def import_cameras(camreq_processing):
    """Return a function running camreq:importcameras and returning (outputs, {row key: reason})."""

    def run(connection: str, layer, key: str = "ref", feedback=None, **parameters) -> tuple[dict, dict]:
        outputs = camreq_processing.run(
            "camreq:importcameras",
            {"CONNECTION": connection, "INPUT": layer, "OUTPUT_REJECTED": "TEMPORARY_OUTPUT", **parameters},
            feedback=feedback,
        )
        reasons = {feature[key]: feature["reason"] for feature in outputs["OUTPUT_REJECTED"].getFeatures()}
        return outputs, reasons

    return run

    return run


@pytest.fixture
def log_feedback(qgis_app):
    """Return a Processing feedback that keeps every info and warning line it is given, in .lines."""
    from qgis.core import QgsProcessingFeedback

    class LogFeedback(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.lines: list[str] = []

        def pushInfo(self, info: str) -> None:  # noqa: N802
            self.lines.append(info)

        def pushWarning(self, warning: str) -> None:  # noqa: N802
            self.lines.append(warning)

    return LogFeedback()


@pytest.fixture
def add_camera(db, sql):
    """Return a function adding one camera (lon/lat in WGS84) to the db fixture's registry, returning its id."""
    owner = sql(
        db,
        "INSERT INTO camreq.owners (name, kind, email) VALUES ('Test owner', 'city', 'cams@test.example.org') "
        "RETURNING id",
    )[0][0]

    def add(lon: float, lat: float, **columns) -> int:
        values = {"owner_id": owner, "ref": f"T-{uuid.uuid4().hex[:8]}", **columns}
        names = list(values)
        statement = (
            "INSERT INTO camreq.cameras ({names}, geom) VALUES ({marks}, "
            "ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), camreq.storage_srid())) RETURNING id"
        ).format(names=", ".join(names), marks=", ".join(["%s"] * len(names)))
        return sql(db, statement, (*values.values(), lon, lat))[0][0]

    return add


@pytest.fixture
def incident_layer(qgis_app):
    """Return a function making a memory layer of incidents from (WKT, {field: value}) pairs."""

    def make(features: list[tuple[str, dict]], crs: str = "EPSG:4326", geometry: str = "Point"):
        from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer

        fields = "&".join(f"field={name}:string" for name in ("name", "start", "end"))
        layer = QgsVectorLayer(
            f"{geometry}?crs={crs}&{fields}" if crs else f"{geometry}?{fields}", "incidents", "memory"
        )
        for wkt, values in features:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromWkt(wkt) if wkt else QgsGeometry())
            for name, value in values.items():
                feature[name] = value
            assert layer.dataProvider().addFeature(feature)
        if not crs:
            layer.setCrs(QgsCoordinateReferenceSystem())
        return layer

    return make


INCIDENT_AT = "2026-11-26T22:30:00+01:00"
SEARCH_FIELDS = (
    "incident_id", "camera_id", "camera_ref", "owner_name", "owner_email", "camera_type", "distance_m", "in_view",
    "retention_days", "purge_at", "footage_available", "window_start", "window_end", "search_id",
)  # fmt: skip


@pytest.fixture
def scene(db, sql) -> dict:
    """Insert three owners (one without e-mail), four cameras and a logged search; return their ids."""
    owners = {}
    for name, email in (
        ("Parking Hoche SA", "videos@hoche.example.org"),
        ("Ville de Grenoble", "req@grenoble.example.org"),
        ("Tabac du Cours", None),
    ):
        owners[name] = sql(
            db,
            "INSERT INTO camreq.owners (name, email, address) VALUES (%s, %s, '3 rue Malakoff') RETURNING id",
            (name, email),
        )[0][0]  # fmt: skip
    cameras = {}
    for ref, owner, dx, direction in (
        ("HOC-01", "Parking Hoche SA", 20, 270),
        ("HOC-02", "Parking Hoche SA", -30, 90),
        ("VDG-07", "Ville de Grenoble", 0, None),
        ("TAB-1", "Tabac du Cours", 40, 180),
    ):
        cameras[ref] = sql(
            db,
            """INSERT INTO camreq.cameras (owner_id, ref, camera_type, direction, retention_days, geom)
               VALUES (%s, %s, %s, %s, 7, ST_SetSRID(ST_MakePoint(913500 + %s, 6458000 + %s), 2154)) RETURNING id""",
            (owners[owner], ref, "fixed" if direction is not None else "dome", direction, dx, dx / 2),
        )[0][0]
    search = sql(
        db, "INSERT INTO camreq.searches (reason, distance_m, incident_count, result_count) "
        "VALUES ('vol avec violence', 200, 1, 4) RETURNING id",
    )[0][0]  # fmt: skip
    sql(
        db, "INSERT INTO camreq.search_incidents VALUES (%s, 'INC-1', %s::timestamptz - interval '30 minutes', "
        "%s::timestamptz + interval '30 minutes', ST_SetSRID(ST_MakePoint(913500, 6458000), 2154))",
        (search, INCIDENT_AT, INCIDENT_AT),
    )  # fmt: skip
    return {"db": db, "owners": owners, "cameras": cameras, "search": search}


@pytest.fixture
def cameras_layer(scene):
    """Return a factory of search-result layers: rows of (camera ref, window start, window end[, camera id])."""
    from datetime import datetime, timedelta

    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    from qgis.PyQt.QtCore import QDateTime, Qt

    types = {"camera_id": "integer", "distance_m": "double", "in_view": "boolean", "retention_days": "integer",
             "search_id": "integer", "footage_available": "boolean", "purge_at": "datetime",
             "window_start": "datetime", "window_end": "datetime"}  # fmt: skip
    spec = "&".join(f"field={name}:{types.get(name, 'string')}" for name in SEARCH_FIELDS)

    def instant(value: datetime) -> QDateTime:  # a UTC QDateTime: a local-time one would be Paris wall-clock time
        return QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000), Qt.TimeSpec.UTC)

    def make(rows: list[tuple] | None = None) -> QgsVectorLayer:
        start = datetime.fromisoformat(INCIDENT_AT) - timedelta(minutes=30)
        if rows is None:
            rows = [(ref, start, start + timedelta(hours=1)) for ref in scene["cameras"]]
        layer = QgsVectorLayer(f"Point?crs=EPSG:2154&{spec}", "cameras", "memory")
        features = []
        for row in rows:
            ref, begin, end = row[:3]
            camera_id = row[3] if len(row) > 3 else scene["cameras"][ref]
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(913500, 6458000)))
            values = {"incident_id": "INC-1", "camera_id": camera_id, "camera_ref": ref, "owner_name": "x",
                      "camera_type": "fixed", "distance_m": 20.0, "in_view": True, "retention_days": 7,
                      "purge_at": instant(begin + timedelta(days=7)), "footage_available": True,
                      "window_start": instant(begin), "window_end": instant(end),
                      "search_id": scene["search"]}  # fmt: skip
            for name, value in values.items():
                feature[name] = value
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        return layer

    return make


@pytest.fixture
def create(camreq_processing, scene, tmp_path):
    """Return a function running camreq:createrequisitions on the scene with valid defaults, then changes."""

    def run(layer, feedback=None, **changes) -> dict:
        parameters = {
            "CONNECTION": scene["db"], "CAMERAS": layer, "CASE_NUMBER": "2026/004517", "INVESTIGATION": "preliminary",
            "AUTHORISATION_REF": "PR-2026-0815", "OFFICER_NAME": "Claire Martin", "OFFICER_RANK": "Capitaine",
            "OFFICER_UNIT": "SD Grenoble", "OFFICER_EMAIL": "claire.martin@example.org",
            "OFFICER_PHONE": "04 65 71 40 12", "UNIT_CITY": "Grenoble",
            "ANSWER_DEADLINE": "2099-01-01T12:00:00", "DELIVERY": "MP4 par lien", "ISSUE": True,
            "OUTPUT_FOLDER": str(tmp_path / "pdf"), "OUTPUT": "memory:",
        }  # fmt: skip
        parameters.update(changes)
        return camreq_processing.run("camreq:createrequisitions", parameters, feedback=feedback)

    return run


class RecordingHandler:
    """An aiosmtpd handler keeping what it accepted, or answering `answer` (e.g. '550 …') to DATA."""

    def __init__(self) -> None:
        self.envelopes: list = []
        self.answer: str | None = None

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        if self.answer:
            return self.answer
        self.envelopes.append(envelope)
        return "250 2.0.0 Ok: queued as TEST"


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    """Return a function starting a real SMTP server on loopback (aiosmtpd; options go to its Controller)."""
    from aiosmtpd.controller import Controller

    started = []

    def start(port: int | None = None, **options) -> tuple[RecordingHandler, int]:
        handler = RecordingHandler()
        controller = Controller(handler, hostname="127.0.0.1", port=port or free_port(), **options)
        controller.start()
        started.append(controller)
        return handler, controller.port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def unused_port() -> int:
    """Return a loopback TCP port with no server behind it."""
    return free_port()


@pytest.fixture
def send(camreq_processing, scene):
    """Return a function running camreq:sendrequisitions on the scene's database against a loopback port."""

    def run(port: int, feedback=None, **changes) -> dict:
        parameters = {"CONNECTION": scene["db"], "SMTP_HOST": "127.0.0.1", "SMTP_PORT": port,
                      "SMTP_SECURITY": "none", "FROM": "requisitions@police.example.org", **changes}  # fmt: skip
        return camreq_processing.run("camreq:sendrequisitions", parameters, feedback=feedback)

    return run


# A Base Adresse Nationale extract in the real layout, built here: (code_insee, code_postal, commune, street,
# numbers with their repetition index, lon and lat of number 1, metres east per number).
BAN_STREETS = [
    ("38185", "38000", "Grenoble", "Rue Félix Poulat", ["1", "2", "3", "12", "12bis", "12ter", "14"], 5.7240, 45.1890),
    ("38185", "38000", "Grenoble", "Boulevard Gambetta", ["1", "5", "10", "22"], 5.7200, 45.1860),
    ("38185", "38000", "Grenoble", "Avenue Alsace-Lorraine", ["5", "7"], 5.7170, 45.1900),
    ("38185", "38000", "Grenoble", "Rue Saint-Laurent", ["7", "9"], 5.7300, 45.1940),
    ("38185", "38000", "Grenoble", "Place Notre-Dame", ["2"], 5.7310, 45.1930),
    ("38185", "38000", "Grenoble", "Chemin de la Bastille", ["4"], 5.7260, 45.1990),
    ("38185", "38000", "Grenoble", "Impasse des Lilas", ["3"], 5.7100, 45.1800),
    ("38185", "38000", "Grenoble", "Rue du Faubourg Très-Cloître", ["8"], 5.7330, 45.1910),
    ("38185", "38000", "Grenoble", "Rue Victor Hugo", ["4"], 5.7230, 45.1880),
    ("38151", "38130", "Échirolles", "Avenue de la République", ["3", "15"], 5.7200, 45.1460),
    ("38151", "38130", "Échirolles", "Rue Victor Hugo", ["4"], 5.7150, 45.1440),
]
BAN_HEADER = (
    "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;"
    "nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;"
    "source_nom_voie;certification_commune;cad_parcelles"
)


def ban_rows() -> list[dict[str, str]]:
    """Return the fixture's BAN rows, the new id style (38185_0001_00012_bis), certification 1."""
    rows = []
    for street_number, (insee, postcode, commune, street, numbers, lon, lat) in enumerate(BAN_STREETS, start=1):
        for written in numbers:
            number, rep = int(written.rstrip("bister")), written.lstrip("0123456789")
            key = f"{insee}_{street_number:04d}"
            rows.append(
                {
                    "id": f"{key}_{number:05d}" + (f"_{rep}" if rep else ""),
                    "id_fantoir": key,
                    "numero": str(number),
                    "rep": rep,
                    "nom_voie": street,
                    "code_postal": postcode,
                    "code_insee": insee,
                    "nom_commune": commune,
                    "lon": f"{lon + number * 0.000127:.6f}",
                    "lat": f"{lat + (0.00002 if rep else 0):.6f}",
                    "type_position": "entrée",
                    "libelle_acheminement": commune.upper(),
                    "source_position": "commune",
                    "source_nom_voie": "commune",
                    "certification_commune": "1",
                }
            )
    return rows


def write_ban(path, rows: list[dict[str, str]]) -> str:
    """Write BAN rows (dicts by column, missing ones empty) as a BAN CSV file, gzip where the name ends in .gz."""
    import gzip

    lines = [BAN_HEADER] + [";".join(row.get(column, "") for column in BAN_HEADER.split(";")) for row in rows]
    text = "\n".join(lines) + "\n"
    if str(path).endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8", newline="") as stream:
            stream.write(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return str(path)


@pytest.fixture
def ban_file(tmp_path):
    """Return a function writing BAN rows as a BAN CSV file in the test's folder, .gz by default."""
    return lambda rows, name="adresses-38.csv.gz": write_ban(tmp_path / name, rows)


@pytest.fixture(scope="module")
def search_db(shared_db: str, tmp_path_factory) -> str:
    """Return shared_db with the BAN fixture loaded, for tests that only search (they must not change it)."""
    from pathlib import Path

    from camreq.core.addresses import ban_file_rows, import_addresses
    from camreq.db.connection import transaction
    from qgis.core import QgsFeedback

    path = write_ban(tmp_path_factory.mktemp("ban") / "adresses-38.csv.gz", ban_rows())
    with transaction(shared_db) as conn:
        result = import_addresses(conn, ban_file_rows(Path(path)), QgsFeedback(), lambda *rejected: None)
    assert result.imported == len(ban_rows())
    return shared_db


@pytest.fixture
def import_addresses(camreq_processing):
    """Return a function running camreq:importaddresses on an input; returns its outputs and rejected rows."""
    from qgis.core import QgsVectorLayer

    def run(connection: str, source) -> tuple[dict, list[dict]]:
        outputs = camreq_processing.run(
            "camreq:importaddresses", {"CONNECTION": connection, "INPUT": source, "OUTPUT_REJECTED": "memory:"}
        )
        layer = outputs["OUTPUT_REJECTED"]
        if isinstance(layer, str):
            layer = QgsVectorLayer(layer, "rejected", "ogr")
        names = layer.fields().names()
        return outputs, [{name: feature[name] for name in names} for feature in layer.getFeatures()]

    return run


@pytest.fixture
def issued(create, cameras_layer, scene, sql) -> dict[str, str]:
    """Issue the scene's three requisitions and return {owner: number}."""
    create(cameras_layer())
    return dict(
        sql(
            scene["db"],
            """SELECT o.name, r.number FROM camreq.requisitions r
        JOIN camreq.owners o ON o.id = r.owner_id""",
        )
    )


@pytest.fixture
def addresses_db(db, ban_file, import_addresses) -> str:
    """Return the db fixture's connection string with the BAN fixture (Grenoble and Échirolles) loaded."""
    outputs, rejected = import_addresses(db, ban_file(ban_rows()))
    assert rejected == [] and outputs["IMPORTED"] == len(ban_rows())
    return db


# Signing: a test certificate authority, officers' PKCS#12 files in the real QGIS authentication database, a SoftHSM2
# token (tests/db/test_requisition_signatures.py, tests/db/test_dock_flow.py).
P12_PASSWORD = "p12-secret-Zq8"
PIN = "482915"
SOFTHSM = Path("/usr/lib/softhsm/libsofthsm2.so")


@pytest.fixture(scope="session")
def signing_secrets() -> dict[str, str]:
    """Return the secrets the signing fixtures use: the PKCS#12 password ('p12') and the token's PIN ('pin')."""
    return {"p12": P12_PASSWORD, "pin": PIN}


@pytest.fixture(scope="session")
def ca() -> demo_pki.Identity:
    """Return the tests' certificate authority."""
    return demo_pki.authority("CamReq test CA")


@pytest.fixture(scope="session")
def ca_pem(ca, tmp_path_factory) -> str:
    """Return the path of the CA certificate as a PEM bundle."""
    path = tmp_path_factory.mktemp("roots") / "ca.pem"
    path.write_bytes(ca.pem())
    return str(path)


@pytest.fixture
def pkcs12_authcfg(stored_authcfg, tmp_path):
    """Return a function storing an identity as a PKI PKCS#12 configuration in the real QGIS auth db; its id."""

    def store(identity: demo_pki.Identity, authority: demo_pki.Identity) -> str:
        path = tmp_path / f"{identity.certificate.serial_number}.p12"
        path.write_bytes(identity.pkcs12(authority, P12_PASSWORD.encode()))
        return stored_authcfg("PKI-PKCS#12", "camreq officer", certpath=str(path), certpass=P12_PASSWORD)

    return store


@pytest.fixture(scope="session")
def token(ca, tmp_path_factory) -> dict:
    """Return a real SoftHSM2 token holding the officer's key and certificate (label 'officer'), PIN PIN.

    One per test run: the SoftHSM2 library reads its configuration once per process.
    """
    if not SOFTHSM.exists():
        pytest.fail("apt-get install -y softhsm2 (scripts/setup.sh installs it)")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)  # read by the library when it is first loaded in this process
    identity = demo_pki.officer(ca, "Claire Martin (carte agent)")
    key = folder / "key.pem"
    key.write_bytes(identity.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))  # fmt: skip
    util = ["softhsm2-util", "--pin", PIN]
    subprocess.run([*util, "--init-token", "--free", "--label", "camreq", "--so-pin", "918273"], check=True,
                   capture_output=True)  # fmt: skip
    subprocess.run([*util, "--import", str(key), "--token", "camreq", "--label", "officer", "--id", "01"],
                   check=True, capture_output=True)  # fmt: skip
    key.unlink()
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    with pkcs11.lib(str(SOFTHSM)).get_token(token_label="camreq").open(user_pin=PIN, rw=True) as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.LABEL: "officer", Attribute.ID: b"\x01",
            Attribute.VALUE: identity.certificate.public_bytes(serialization.Encoding.DER),
            Attribute.SUBJECT: identity.certificate.subject.public_bytes(),
            Attribute.ISSUER: identity.certificate.issuer.public_bytes(),
            Attribute.SERIAL_NUMBER: asn1_integer(identity.certificate.serial_number),
        })  # fmt: skip
    return {"PKCS11_MODULE": str(SOFTHSM), "PKCS11_KEY_LABEL": "officer"}


def asn1_integer(value: int) -> bytes:
    """Return value DER-encoded, as PKCS#11 stores a certificate's serial number."""
    from asn1crypto.core import Integer

    return Integer(value).dump()
