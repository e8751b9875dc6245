"""SQL of the registry imports: owners and cameras found by their keys, then inserted or updated."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg2
import psycopg2.extensions
from psycopg2 import sql

from ..errors import CamreqError
from .connection import fetch_value

GEOMETRY_COLUMN = "geom"
POSITION_TOLERANCE_M = 0.5  # a camera without ref or OSM id is the same camera within this distance

Cursor = psycopg2.extensions.cursor


@contextmanager
def savepoint(cursor: Cursor) -> Iterator[None]:
    """Run a block under a savepoint: on a database error only that block is undone, then the error is raised; where
    the connection itself is lost (a terminated backend), raise CamreqError: the whole transaction is gone."""
    try:
        cursor.execute("SAVEPOINT camreq_row")
        try:
            yield
        except psycopg2.Error:
            if not cursor.connection.closed:
                cursor.execute("ROLLBACK TO SAVEPOINT camreq_row")
            raise
        cursor.execute("RELEASE SAVEPOINT camreq_row")
    except psycopg2.Error:
        if cursor.connection.closed:
            raise CamreqError(
                "The connection to the database was lost during the import: nothing was imported (the import is one "
                "transaction). Run it again once the database answers."
            ) from None
        raise


def violation_reason(error: psycopg2.Error) -> str:
    """Return what a user should read for a refused row: the violated constraint's name is a sentence."""
    diag = error.diag
    return diag.constraint_name or diag.message_primary or str(error).strip()


def owner_ids(cursor: Cursor) -> dict[str, int]:
    """Return the id of every owner by its lower-case name."""
    cursor.execute("SELECT lower(name), id FROM camreq.owners")
    return dict(cursor.fetchall())


def owners_without_email(cursor: Cursor, ids: list[int]) -> set[int]:
    """Return those of the owners ids that have no requisition e-mail."""
    cursor.execute("SELECT id FROM camreq.owners WHERE id = ANY(%s) AND email IS NULL", (ids,))
    return {row[0] for row in cursor.fetchall()}


def insert_row(cursor: Cursor, table: str, values: dict[str, Any]) -> int:
    """Insert one row into a camreq table and return its id; a geom value is WKB in the storage CRS."""
    query = sql.SQL("INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING id").format(
        table=sql.Identifier("camreq", table),
        columns=sql.SQL(", ").join(map(sql.Identifier, values)),
        values=sql.SQL(", ").join(_placeholder(column) for column in values),
    )
    cursor.execute(query, [_adapt(column, value) for column, value in values.items()])
    return fetch_value(cursor)


def update_row(cursor: Cursor, table: str, row_id: int, values: dict[str, Any]) -> None:
    """Set the given columns of one row of a camreq table (none given: nothing to do)."""
    if not values:
        return
    query = sql.SQL("UPDATE {table} SET {assignments} WHERE id = %s").format(
        table=sql.Identifier("camreq", table),
        assignments=sql.SQL(", ").join(
            sql.SQL("{} = {}").format(sql.Identifier(column), _placeholder(column)) for column in values
        ),
    )
    cursor.execute(query, [*(_adapt(column, value) for column, value in values.items()), row_id])


def find_camera(cursor: Cursor, osm_id: str | None, owner_id: int, ref: str | None, wkb: bytes) -> int | None:
    """Return the id of the stored camera with this OSM id, else this owner and ref, else (neither given) place."""
    if osm_id:
        cursor.execute("SELECT id FROM camreq.cameras WHERE osm_id = %s", (osm_id,))
        row = cursor.fetchone()
        if row:
            return row[0]
    if ref:
        cursor.execute("SELECT id FROM camreq.cameras WHERE owner_id = %s AND ref = %s", (owner_id, ref))
    elif not osm_id:
        cursor.execute(
            "SELECT id FROM camreq.cameras WHERE owner_id = %s AND ref IS NULL AND osm_id IS NULL"
            " AND ST_DWithin(geom, ST_GeomFromWKB(%s, camreq.storage_srid()), %s) LIMIT 1",
            (owner_id, psycopg2.Binary(wkb), POSITION_TOLERANCE_M),
        )
    else:
        return None
    row = cursor.fetchone()
    return row[0] if row else None


def _placeholder(column: str) -> sql.Composable:
    """Return the SQL placeholder of a value, turning WKB into a geometry in the storage CRS."""
    if column == GEOMETRY_COLUMN:
        return sql.SQL("ST_GeomFromWKB(%s, camreq.storage_srid())")
    return sql.Placeholder()


def _adapt(column: str, value: Any) -> Any:
    """Return a value ready for psycopg2."""
    return psycopg2.Binary(value) if column == GEOMETRY_COLUMN else value


def constraint_columns(cursor: Cursor) -> dict[str, tuple[str, ...]]:
    """Return the columns of each check and foreign-key constraint of the registry tables, by constraint name."""
    cursor.execute(
        """SELECT c.conname, array_agg(a.attname::text ORDER BY a.attnum)
           FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
           WHERE c.conrelid IN ('camreq.cameras'::regclass, 'camreq.owners'::regclass) AND c.contype IN ('c', 'f')
           GROUP BY c.conname"""
    )
    return {name: tuple(columns) for name, columns in cursor.fetchall()}
