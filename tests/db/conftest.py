"""Database fixtures: each test gets its own database in the throwaway cluster of pg_virtualenv."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from camreq.db import schema
from camreq.db.connection import connect

TEMPLATE = "camreq_template"


def admin_execute(statement: str) -> None:
    """Run one statement (CREATE/DROP DATABASE, roles) on the maintenance database."""
    conn = connect("dbname=postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(statement)
    finally:
        conn.close()


def new_database(template: str = "template1") -> str:
    """Create a database with a fresh name and return the name."""
    name = "test_" + uuid.uuid4().hex[:12]
    admin_execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return name


@pytest.fixture(scope="session")
def template_db(qgis_app) -> Iterator[str]:
    """Return a database with the current schema installed, to copy from."""
    if "PGHOST" not in os.environ:
        pytest.fail("Database tests run in a throwaway PostgreSQL cluster: use `make test` or `make test-db`.")
    admin_execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
    admin_execute(f'CREATE DATABASE "{TEMPLATE}"')
    conn = connect("dbname=" + TEMPLATE)
    schema.install_or_upgrade(conn, report=lambda message: None)
    conn.close()
    yield TEMPLATE
    admin_execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')


@pytest.fixture
def empty_db(qgis_app) -> Iterator[str]:
    """Return the connection string of an empty database (no PostGIS, no camreq)."""
    name = new_database()
    yield "dbname=" + name
    admin_execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def db(template_db: str) -> Iterator[str]:
    """Return the connection string of a database with the current camreq schema."""
    name = new_database(template_db)
    yield "dbname=" + name
    admin_execute(f'DROP DATABASE "{name}" WITH (FORCE)')


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
    from camreq.db.users import grant_user

    suffix = uuid.uuid4().hex[:8]
    conn = connect(connection)
    logins = {}
    try:
        for key, (role, unit) in TEST_LOGINS.items():
            name = f"t_{key}_{suffix}"
            admin_execute(f"CREATE ROLE {name} LOGIN PASSWORD '{LOGIN_PASSWORD}'")
            if role:
                grant_user(conn, name, role, unit)
            logins[key] = f"{connection} host=localhost user={name} password={LOGIN_PASSWORD}"
    finally:
        conn.close()
    return logins


def drop_logins(logins: dict[str, str]) -> None:
    """Drop the logins create_logins made (roles are global to the cluster)."""
    for connection in logins.values():
        admin_execute("DROP ROLE IF EXISTS " + login_name(connection))


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
    admin_execute(f'DROP DATABASE "{name}" WITH (FORCE)')


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

    types = {str: QVariant.Type.String, int: QVariant.Type.Int, float: QVariant.Type.Double}

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
