"""The camera search in SQL: one set-based join that also writes the log row, then the logged incidents.

Both statements are prepared once per connection (a search is planned in about as long as it runs) and run in
one transaction: the consultation log is written once, with the search.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg2
import psycopg2.errors
import psycopg2.extensions

from ..errors import CamreqError
from .rows import as_dict, column_names, named_rows

# Inclusive search: a camera at exactly the distance is found (to the millimetre, below float noise).
TOLERANCE_M = 0.001

# The planner's estimates for a batch (thousands of incidents × geography costs) switch JIT compilation on, which
# costs more than the whole search (300 ms for 100 incidents). The plan is the same for every search (a nested loop
# from the incidents into the geography index): plan it once per connection, not at every search.
# A login that locks the cameras table (analysts may) makes the search fail fast with a message, not hang.
LOCK_TIMEOUT = "5s"
_SETTINGS = (
    f"SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL lock_timeout = '{LOCK_TIMEOUT}';"
)

# One join of every incident of the search with the cameras on the geography index of 003_search.sql, and the
# search's log row with its result count, in one statement. A route searched with a speed gives each camera the
# window centred on the time it passes the camera. Each row also counts the cameras within reach left out because they
# are not in service (0 when $7 includes them). Always one row at least: the log row with NULL hit columns
# when nothing is found. Parameters: $1 ids, $2 WKBs (EPSG:4326), $3 starts, $4 ends, $5 speed_kmh, $6 distance_m,
# $7 include_out_of_service, $8 in_view_only, $9 margin_minutes, $10 reason, $11 incident_count, $12 the distance
# searched (distance_m + TOLERANCE_M).
_SEARCH = """
PREPARE camreq_search (text[], bytea[], timestamptz[], timestamptz[], float8, float8, boolean, boolean, float8,
                       text, integer, float8) AS
WITH incident AS MATERIALIZED (
    SELECT incident_id, geom, geog, window_start, window_end,
           $5 IS NOT NULL AND GeometryType(geom) = 'LINESTRING' AS timed_route
    FROM camreq.search_input($1, $2, $3, $4, $5)
), hit AS (
    SELECT i.incident_id, c.id AS camera_id, c.ref AS camera_ref, o.id AS owner_id, o.name AS owner_name,
           o.email AS owner_email, c.camera_type, c.status AS camera_status, c.retention_days,
           ST_Distance(c.geog, i.geog) AS distance_m,
           coalesce(ST_Intersects(c.fov_geom, i.geom), false) AS in_view,
           CASE WHEN i.timed_route THEN i.window_start + make_interval(secs =>
               ST_Length(camreq.geography_of(ST_LineSubstring(i.geom, 0, ST_LineLocatePoint(i.geom, c.geom))))
               / ($5 / 3.6))
           END AS passes_at,
           i.window_start, i.window_end, c.geom
    FROM incident i
    JOIN camreq.cameras c ON ST_DWithin(c.geog, i.geog, $12)
    JOIN camreq.owners o ON o.id = c.owner_id
    WHERE ($7 OR c.status = 'in_service')
      AND (NOT $8 OR ST_Intersects(c.fov_geom, i.geom))
), windowed AS (
    SELECT hit.*,
           coalesce(passes_at - margin, hit.window_start) AS camera_start,
           coalesce(passes_at + margin, hit.window_end) AS camera_end
    FROM hit, make_interval(secs => 60 * $9) AS margin
), result AS MATERIALIZED (
    SELECT incident_id, camera_id, camera_ref, owner_id, owner_name, owner_email, camera_type, camera_status,
           distance_m, in_view, retention_days,
           camera_start + make_interval(hours => 24 * retention_days) AS purge_at,
           camera_start + make_interval(hours => 24 * retention_days) > now() AS footage_available,
           camera_start AS window_start, camera_end AS window_end, encode(ST_AsBinary(geom), 'hex') AS wkb_hex
    FROM windowed
), logged AS (
    INSERT INTO camreq.searches (reason, distance_m, in_view_only, include_out_of_service, speed_kmh,
                                 margin_minutes, incident_count, result_count)
    SELECT $10, $6, $8, $7, $5, $9, $11, count(*)
    FROM result
    RETURNING id, camreq.storage_srid() AS srid
), left_out AS (
    SELECT count(DISTINCT c.id) AS out_of_service_nearby
    FROM incident i
    JOIN camreq.cameras c ON ST_DWithin(c.geog, i.geog, $12)
    WHERE NOT $7 AND c.status <> 'in_service'
)
SELECT logged.id AS search_id, logged.srid, left_out.out_of_service_nearby, result.*
FROM logged CROSS JOIN left_out LEFT JOIN result ON true
ORDER BY purge_at, distance_m, incident_id, camera_id
"""

# A second statement: the policy on search_incidents must see the searches row, which the first one wrote.
# Parameters: $1 search id, $2 ids, $3 WKBs, $4 starts, $5 ends, $6 speed_kmh.
_LOG_INCIDENTS = """
PREPARE camreq_log_incidents (bigint, text[], bytea[], timestamptz[], timestamptz[], float8) AS
INSERT INTO camreq.search_incidents (search_id, incident_id, window_start, window_end, geom)
SELECT $1, incident_id, window_start, window_end, geom
FROM camreq.search_input($2, $3, $4, $5, $6)
"""

_RUN_SEARCH = (
    "EXECUTE camreq_search (%(ids)s, %(wkbs)s, %(starts)s, %(ends)s, %(speed_kmh)s, %(distance_m)s, "
    "%(include_out_of_service)s, %(in_view_only)s, %(margin_minutes)s, %(reason)s, %(incident_count)s, %(radius)s)"
)
_RUN_LOG_INCIDENTS = (
    "EXECUTE camreq_log_incidents (%(search_id)s, %(ids)s, %(wkbs)s, %(starts)s, %(ends)s, %(speed_kmh)s)"
)

_PREPARED: weakref.WeakSet = weakref.WeakSet()  # the connections on which both statements are prepared


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
        incident_count=len(incidents),
        radius=options["distance_m"] + TOLERANCE_M,
        ids=[incident[0] for incident in incidents],
        wkbs=[psycopg2.Binary(incident[1]) for incident in incidents],
        starts=[incident[2] for incident in incidents],
        ends=[incident[3] for incident in incidents],
    )
    with lock_refused(), conn.cursor() as cursor:
        if conn not in _PREPARED:  # prepared statements outlive a rolled-back transaction
            cursor.execute(_SETTINGS + _SEARCH + ";" + _LOG_INCIDENTS)  # planning waits for locks too
            _PREPARED.add(conn)
        cursor.execute(_SETTINGS + _RUN_SEARCH, params)
        names = column_names(cursor)
        rows = [as_dict(names, row) for row in cursor.fetchall()]
        first = rows[0]
        params["search_id"], srid, left_out = first["search_id"], first["srid"], first["out_of_service_nearby"]
        cursor.execute(_RUN_LOG_INCIDENTS, params)
    hits = [row for row in rows if row["camera_id"] is not None]
    for hit in hits:
        del hit["search_id"], hit["srid"], hit["out_of_service_nearby"]
    return SearchRows(params["search_id"], srid, left_out, hits)


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
