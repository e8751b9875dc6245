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


@pytest.fixture
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
