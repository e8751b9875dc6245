"""SQL of the Base Adresse Nationale: staged rows COPYed in, then set-based upsert and removal; the search."""

from __future__ import annotations

import io
from dataclasses import dataclass

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
CREATE_STAGING = """
CREATE TEMP TABLE ban_staging (
    id text PRIMARY KEY, id_fantoir text, numero integer, rep text, nom_voie text, code_postal text,
    code_insee text NOT NULL, nom_commune text, nom_ancienne_commune text, lon double precision,
    lat double precision, type_position text, source_position text, certification_commune boolean,
    rejected boolean NOT NULL
) ON COMMIT DROP
"""
UPSERT = sql.SQL("""
WITH written AS (
    INSERT INTO camreq.addresses (id, {columns})
    SELECT s.id, s.id_fantoir, s.numero, s.rep, coalesce(r.rep, camreq.fold(s.rep)), s.nom_voie, s.code_postal,
           s.code_insee, s.nom_commune, s.nom_ancienne_commune, s.type_position, s.source_position,
           s.certification_commune, ST_Transform(ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326), srid.value)
    FROM ban_staging s
    CROSS JOIN (SELECT camreq.storage_srid() AS value) srid
    LEFT JOIN camreq.address_repetitions r ON r.written = lower(s.rep)
    WHERE NOT s.rejected
    ON CONFLICT (id) DO UPDATE SET ({columns}) = ({excluded})
    WHERE ({stored}) IS DISTINCT FROM ({excluded})
    RETURNING xmax = 0 AS inserted
)
SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
""").format(
    columns=sql.SQL(", ").join(map(sql.Identifier, STORED_COLUMNS)),
    stored=sql.SQL(", ").join(sql.Identifier("addresses", column) for column in STORED_COLUMNS),
    excluded=sql.SQL(", ").join(sql.Identifier("excluded", column) for column in STORED_COLUMNS),
)
REMOVE_GONE = """
DELETE FROM camreq.addresses a
WHERE a.code_insee IN (SELECT DISTINCT code_insee FROM ban_staging)
  AND NOT EXISTS (SELECT FROM ban_staging s WHERE s.id = a.id)
"""
REFRESH_STREETS = "SELECT camreq.refresh_address_streets(array_agg(DISTINCT code_insee)) FROM ban_staging"
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


def copy_staged(cursor: Cursor, lines: str) -> None:
    """COPY rows in PostgreSQL text format (STAGED_COLUMNS order) into the staging table."""
    copy = sql.SQL("COPY ban_staging ({}) FROM STDIN").format(sql.SQL(", ").join(map(sql.Identifier, STAGED_COLUMNS)))
    cursor.copy_expert(copy.as_string(cursor), io.StringIO(lines))


def apply_staged(cursor: Cursor) -> tuple[int, int, int, int]:
    """Upsert the staged rows, remove the stored ones gone from their communes; return the counts.

    Returns (imported, updated, removed, communes). Rows staged as rejected keep their stored version.
    """
    cursor.execute(UPSERT)
    imported, updated = cursor.fetchone() or (0, 0)
    cursor.execute(REMOVE_GONE)
    removed = cursor.rowcount
    cursor.execute(REFRESH_STREETS)
    cursor.execute("SELECT count(DISTINCT code_insee) FROM ban_staging")
    return imported, updated, removed, fetch_value(cursor)


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
