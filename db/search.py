"""The camera search in SQL: camreq.search_cameras (db/sql/013_private_reads.sql) joins the incidents with the
cameras and writes the consultation log in one call, so that the log holds only searches that ran.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg2
import psycopg2.errors
import psycopg2.extensions

from ..errors import CamreqError
from .rows import as_dict, column_names, named_rows

# A login that locks the cameras table (analysts may) makes the search fail fast with a message, not hang.
LOCK_TIMEOUT = "5s"
_SETTINGS = f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}';"

_RUN_SEARCH = (
    "SELECT * FROM camreq.search_cameras(%(ids)s::text[], %(wkbs)s::bytea[], %(starts)s::timestamptz[], "
    "%(ends)s::timestamptz[], %(speed_kmh)s::float8, %(distance_m)s::float8, %(include_out_of_service)s::boolean, "
    "%(in_view_only)s::boolean, %(margin_minutes)s::float8, %(reason)s::text)"
)


@dataclass(frozen=True)
class SearchRows:
    """A logged search: its id, the storage SRID, the cameras nearby left out as not in service, one {column: value}
    per hit.

    The hit columns are the fields of core.search.CameraHit, the position as hexadecimal WKB (``wkb_hex``:
    psycopg2 reads text ten times faster than bytea).
    """

    search_id: int
    srid: int
    out_of_service_nearby: int
    hits: list[dict[str, Any]]


@contextmanager
def lock_refused() -> Iterator[None]:
    """Turn a registry locked past LOCK_TIMEOUT (set by _SETTINGS) into a message: a search fails fast, never hangs."""
    try:
        yield
    except psycopg2.errors.LockNotAvailable:
        raise CamreqError(
            f"The registry is locked by another session (waited {LOCK_TIMEOUT}); nothing was searched or logged. "
            "Try again in a moment, or ask the database administrator who holds the lock."
        ) from None


def search_cameras(
    conn: psycopg2.extensions.connection,
    incidents: Sequence[tuple[str, bytes, object, object]],
    options: dict,
) -> SearchRows:
    """Run the search for incidents (id, WKB in EPSG:4326, start, end) and log it, in the caller's transaction."""
    params = dict(
        options,
        ids=[incident[0] for incident in incidents],
        wkbs=[psycopg2.Binary(incident[1]) for incident in incidents],
        starts=[incident[2] for incident in incidents],
        ends=[incident[3] for incident in incidents],
    )
    with lock_refused(), conn.cursor() as cursor:
        cursor.execute(_SETTINGS + _RUN_SEARCH, params)
        names = column_names(cursor)
        rows = [as_dict(names, row) for row in cursor.fetchall()]
    found = SearchRows(rows[0]["search_id"], rows[0]["srid"], rows[0]["out_of_service_nearby"], [])
    for row in rows:
        del row["search_id"], row["srid"], row["out_of_service_nearby"]
        if row["camera_id"] is not None:
            found.hits.append(row)
    return found


@dataclass(frozen=True)
class FarIncident:
    """An incident far from every camera: where it was read, and whether swapping x and y would bring it near one."""

    incident_id: str
    lon: float
    lat: float
    swapped_is_near: bool


def far_from_registry(
    conn: psycopg2.extensions.connection, incidents: Sequence[tuple[str, bytes]], distance_m: float
) -> list[FarIncident]:
    """Return the incidents (id, WKB in EPSG:4326) farther than distance_m from every camera of a registry that has
    cameras, in the caller's transaction.

    Distances on the sphere (ten times cheaper than the spheroid, and exact enough for tens of kilometres)."""
    with lock_refused(), conn.cursor() as cursor:
        cursor.execute(_SETTINGS)  # the lock timeout: the registry may be locked
        cursor.execute(
            """SELECT t.incident_id, ST_X(ST_PointOnSurface(t.geom)) AS lon, ST_Y(ST_PointOnSurface(t.geom)) AS lat,
                      ST_XMin(t.geom) >= -90 AND ST_XMax(t.geom) <= 90 AND EXISTS (
                          SELECT FROM camreq.cameras c
                          WHERE ST_DWithin(c.geog, ST_FlipCoordinates(t.geom)::geography, %(distance)s, false))
                      AS swapped_is_near
               FROM (SELECT incident_id, ST_SetSRID(ST_GeomFromWKB(wkb), 4326) AS geom
                     FROM unnest(%(ids)s::text[], %(wkbs)s::bytea[]) AS i(incident_id, wkb)) t
               WHERE EXISTS (SELECT FROM camreq.cameras)
                 AND NOT EXISTS (
                     SELECT FROM camreq.cameras c WHERE ST_DWithin(c.geog, t.geom::geography, %(distance)s, false))""",
            {
                "ids": [incident[0] for incident in incidents],
                "wkbs": [psycopg2.Binary(incident[1]) for incident in incidents],
                "distance": distance_m,
            },
        )
        return named_rows(cursor, FarIncident)
