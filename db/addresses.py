"""SQL of the Base Adresse Nationale: staged rows COPYed in, then set-based update, insert and removal; the search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

import psycopg2.extensions
from psycopg2 import sql

from .connection import fetch_value

Cursor = psycopg2.extensions.cursor


# The staged columns, in COPY order.
STAGED_COLUMNS = (
    "id",
    "id_fantoir",
    "numero",
    "rep",
    "nom_voie",
    "code_postal",
    "code_insee",
    "nom_commune",
    "nom_ancienne_commune",
    "lon",
    "lat",
    "type_position",
    "source_position",
    "certification_commune",
    "rejected",
)
STORED_COLUMNS = (
    "id_fantoir",
    "numero",
    "rep",
    "rep_key",
    "nom_voie",
    "code_postal",
    "code_insee",
    "nom_commune",
    "nom_ancienne_commune",
    "type_position",
    "source_position",
    "certification_commune",
    "geom",
)
# The staged rows are checked in Python (ids are unique there): no index, no WAL (a temporary table).
CREATE_STAGING = """
CREATE TEMP TABLE ban_staging (
    id text NOT NULL, id_fantoir text, numero integer, rep text, nom_voie text, code_postal text,
    code_insee text NOT NULL, nom_commune text, nom_ancienne_commune text, lon double precision,
    lat double precision, type_position text, source_position text, certification_commune boolean,
    rejected boolean NOT NULL
) ON COMMIT DROP
"""
# One import at a time (readers are not blocked): the inserts below then never meet another import's rows.
LOCK = "LOCK TABLE camreq.addresses IN SHARE ROW EXCLUSIVE MODE"
# More rows staged than stored (a first load): the secondary indexes are built after the rows.
LARGE_LOAD = "SELECT (SELECT count(*) FROM ban_staging) > (SELECT count(*) FROM camreq.addresses)"
# The staged rows that are kept, in the stored form (STORED_COLUMNS after the id).
INCOMING = """
SELECT s.id, s.id_fantoir, s.numero, s.rep, coalesce(r.rep, camreq.fold(s.rep)) AS rep_key, s.nom_voie,
       s.code_postal, s.code_insee, s.nom_commune, s.nom_ancienne_commune, s.type_position, s.source_position,
       s.certification_commune,
       ST_Transform(ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326), (SELECT camreq.storage_srid())) AS geom
FROM ban_staging s
LEFT JOIN camreq.address_repetitions r ON r.written = lower(s.rep)
WHERE NOT s.rejected
"""
UPDATE_CHANGED = sql.SQL("""
UPDATE camreq.addresses a SET ({columns}) = ({incoming})
FROM ({select}) i
WHERE a.id = i.id AND ({stored}) IS DISTINCT FROM ({incoming})
""").format(
    columns=sql.SQL(", ").join(map(sql.Identifier, STORED_COLUMNS)),
    stored=sql.SQL(", ").join(sql.Identifier("a", column) for column in STORED_COLUMNS),
    incoming=sql.SQL(", ").join(sql.Identifier("i", column) for column in STORED_COLUMNS),
    select=sql.SQL(INCOMING),
)
INSERT_NEW = sql.SQL("""
INSERT INTO camreq.addresses (id, {columns})
SELECT i.* FROM ({select}) i
WHERE NOT EXISTS (SELECT FROM camreq.addresses a WHERE a.id = i.id)
""").format(columns=sql.SQL(", ").join(map(sql.Identifier, STORED_COLUMNS)), select=sql.SQL(INCOMING))
REMOVE_GONE = """
DELETE FROM camreq.addresses a
WHERE a.code_insee IN (SELECT DISTINCT code_insee FROM ban_staging)
  AND NOT EXISTS (SELECT FROM ban_staging s WHERE s.id = a.id)
"""
REFRESH_STREETS = """
SELECT camreq.refresh_address_streets(communes), cardinality(communes)
FROM (SELECT array_agg(DISTINCT code_insee) AS communes FROM ban_staging) staged
"""
SEARCH = (
    "SELECT label, score, kind, address_id, ST_X(wgs84), ST_Y(wgs84) "
    "FROM camreq.search_addresses(%s, %s), ST_Transform(geom, 4326) AS wgs84"
)


@dataclass(frozen=True)
class AddressMatch:
    """One answer of the address search: the BAN label, a score between 0 and 1, a WGS84 position."""

    label: str
    score: float
    kind: str  # "address", or "street" where no number was typed or the number is not on the street
    address_id: str | None
    lon: float
    lat: float


def create_staging(cursor: Cursor) -> None:
    """Create the session's staging table, dropped at the end of the transaction."""
    cursor.execute(CREATE_STAGING)


def copy_staged(cursor: Cursor, rows: TextIO) -> None:
    """COPY rows read in CSV format (STAGED_COLUMNS order, an unquoted empty value is NULL) into the staging table."""
    copy = sql.SQL("COPY ban_staging ({}) FROM STDIN WITH (FORMAT csv)").format(
        sql.SQL(", ").join(map(sql.Identifier, STAGED_COLUMNS))
    )
    cursor.copy_expert(copy.as_string(cursor), rows)


def apply_staged(cursor: Cursor) -> tuple[int, int, int, int]:
    """Upsert the staged rows, remove the stored ones gone from their communes; return the counts.

    Returns (imported, updated, removed, communes). Rows staged as rejected keep their stored version.
    """
    cursor.execute(LOCK)
    cursor.execute("ANALYZE ban_staging")
    cursor.execute(LARGE_LOAD)
    if fetch_value(cursor):
        cursor.execute("SELECT camreq.drop_address_indexes()")
    cursor.execute(UPDATE_CHANGED)
    updated = cursor.rowcount
    cursor.execute(REMOVE_GONE)  # before the inserts, which it need not read
    removed = cursor.rowcount
    cursor.execute(INSERT_NEW)
    imported = cursor.rowcount
    cursor.execute(REFRESH_STREETS)
    _refreshed, communes = cursor.fetchone() or (None, 0)
    cursor.execute("SELECT camreq.index_addresses()")
    return imported, updated, removed, communes or 0


def has_addresses(cursor: Cursor) -> bool:
    """Return whether any street is loaded (False too where the schema predates addresses)."""
    cursor.execute("SELECT to_regclass('camreq.address_streets') IS NOT NULL")
    if not fetch_value(cursor):
        return False
    cursor.execute("SELECT EXISTS (SELECT FROM camreq.address_streets)")
    return fetch_value(cursor)


def search(cursor: Cursor, text: str, limit: int) -> list[AddressMatch]:
    """Return the addresses matching a typed text, best first."""
    cursor.execute(SEARCH, (text, limit))
    return [
        AddressMatch(label, float(score), kind, address_id, lon, lat)
        for label, score, kind, address_id, lon, lat in cursor.fetchall()
    ]
