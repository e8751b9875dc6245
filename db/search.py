"""The camera search in SQL: one set-based join that also writes the log row, then the logged incidents.

Both statements are prepared once per connection (a search is planned in about as long as it runs) and run in
one transaction: the consultation log is written once, with the search.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

import psycopg2
import psycopg2.extensions

# Inclusive search: a camera at exactly the distance is found (to the millimetre, below float noise).
TOLERANCE_M = 0.001

# The planner's estimates for a batch (thousands of incidents × geography costs) switch JIT compilation on, which
# costs more than the whole search (300 ms for 100 incidents). The plan is the same for every search (a nested loop
# from the incidents into the geography index): plan it once per connection, not at every search.
_SETTINGS = "SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_generic_plan;"

# One join of every incident of the search with the cameras on the geography index of 004_search.sql, and the
# search's log row with its result count, in one statement. A route searched with a speed gives each camera the
# window centred on the time it passes the camera. Always one row at least: the log row with NULL hit columns
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
           camera_start, camera_end, encode(ST_AsBinary(geom), 'hex') AS wkb_hex
    FROM windowed
), logged AS (
    INSERT INTO camreq.searches (reason, distance_m, in_view_only, include_out_of_service, speed_kmh,
                                 margin_minutes, incident_count, result_count)
    SELECT $10, $6, $8, $7, $5, $9, $11, count(*)
    FROM result
    RETURNING id, camreq.storage_srid() AS srid
)
SELECT logged.id, logged.srid, result.*
FROM logged LEFT JOIN result ON true
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


def search_cameras(
    conn: psycopg2.extensions.connection,
    incidents: Sequence[tuple[str, bytes, object, object]],
    options: dict,
) -> tuple[int, int, list[tuple]]:
    """Run the search for incidents (id, WKB in EPSG:4326, start, end) and log it.

    Return the search id, the storage SRID and the hit rows (the columns of core.search.CameraHit, the position
    as hexadecimal WKB: psycopg2 reads text ten times faster than bytea).
    """
    params = dict(
        options,
        incident_count=len(incidents),
        radius=options["distance_m"] + TOLERANCE_M,
        ids=[incident[0] for incident in incidents],
        wkbs=[psycopg2.Binary(incident[1]) for incident in incidents],
        starts=[incident[2] for incident in incidents],
        ends=[incident[3] for incident in incidents],
    )
    with conn, conn.cursor() as cursor:
        if conn not in _PREPARED:  # prepared statements outlive a rolled-back transaction
            cursor.execute(_SEARCH + ";" + _LOG_INCIDENTS)
            _PREPARED.add(conn)
        cursor.execute(_SETTINGS + _RUN_SEARCH, params)
        rows = cursor.fetchall()
        params["search_id"], srid = rows[0][:2]
        cursor.execute(_RUN_LOG_INCIDENTS, params)
    return params["search_id"], srid, [row[2:] for row in rows if row[3] is not None]


def far_from_registry(
    conn: psycopg2.extensions.connection, incidents: Sequence[tuple[str, bytes]], distance_m: float
) -> list[tuple[str, float, float, bool]]:
    """Return (id, lon, lat, swapped is near) of the incidents (id, WKB in EPSG:4326) farther than distance_m from
    every camera of a registry that has cameras; swapped is near: with x and y exchanged it would be near one.

    Distances on the sphere (ten times cheaper than the spheroid, and exact enough for tens of kilometres)."""
    with conn, conn.cursor() as cursor:
        cursor.execute(
            """SELECT t.incident_id, ST_X(ST_PointOnSurface(t.geom)), ST_Y(ST_PointOnSurface(t.geom)),
                      ST_XMin(t.geom) >= -90 AND ST_XMax(t.geom) <= 90 AND EXISTS (
                          SELECT FROM camreq.cameras c
                          WHERE ST_DWithin(c.geog, ST_FlipCoordinates(t.geom)::geography, %(distance)s, false))
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
        return cursor.fetchall()
