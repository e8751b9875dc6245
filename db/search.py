"""The camera search in SQL: log the search and its incidents, then one set-based join, in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

import psycopg2
import psycopg2.extensions

# Inclusive search: a camera at exactly the distance is found (to the millimetre, below float noise).
TOLERANCE_M = 0.001

# The planner's estimates for a batch (thousands of incidents × geography costs) switch JIT compilation on, which
# costs more than the whole search (300 ms for 100 incidents); a batch's sort of 300,000 rows fits in 64 MB.
_SETTINGS = "SET LOCAL jit = off; SET LOCAL work_mem = '64MB';"

# One join of every incident of the search with the cameras on the geography index of 004_search.sql, and the
# search's log row with its result count, in one statement. A route searched with a speed gives each camera the
# window centred on the time it passes the camera. Always one row at least: the log row with NULL hit columns
# when nothing is found.
_SEARCH = """
WITH incident AS MATERIALIZED (
    SELECT incident_id, geom, geog, window_start, window_end,
           %(speed_kmh)s::float8 IS NOT NULL AND GeometryType(geom) = 'LINESTRING' AS timed_route
    FROM camreq.search_input(%(ids)s, %(wkbs)s, %(starts)s, %(ends)s, %(speed_kmh)s)
), hit AS (
    SELECT i.incident_id, c.id AS camera_id, c.ref AS camera_ref, o.id AS owner_id, o.name AS owner_name,
           o.email AS owner_email, c.camera_type, c.status AS camera_status, c.retention_days,
           ST_Distance(c.geog, i.geog) AS distance_m,
           coalesce(ST_Intersects(c.fov_geom, i.geom), false) AS in_view,
           CASE WHEN i.timed_route THEN i.window_start + make_interval(secs =>
               ST_Length(camreq.geography_of(ST_LineSubstring(i.geom, 0, ST_LineLocatePoint(i.geom, c.geom))))
               / (%(speed_kmh)s::float8 / 3.6))
           END AS passes_at,
           i.window_start, i.window_end, c.geom
    FROM incident i
    JOIN camreq.cameras c ON ST_DWithin(c.geog, i.geog, %(distance_m)s + %(tolerance)s)
    JOIN camreq.owners o ON o.id = c.owner_id
    WHERE (%(include_out_of_service)s OR c.status = 'in_service')
      AND (NOT %(in_view_only)s OR ST_Intersects(c.fov_geom, i.geom))
), windowed AS (
    SELECT hit.*,
           coalesce(passes_at - margin, hit.window_start) AS camera_start,
           coalesce(passes_at + margin, hit.window_end) AS camera_end
    FROM hit, make_interval(secs => 60 * %(margin_minutes)s::float8) AS margin
), result AS MATERIALIZED (
    SELECT incident_id, camera_id, camera_ref, owner_id, owner_name, owner_email, camera_type, camera_status,
           distance_m, in_view, retention_days,
           camera_start + make_interval(hours => 24 * retention_days) AS purge_at,
           camera_start + make_interval(hours => 24 * retention_days) > now() AS footage_available,
           camera_start, camera_end, ST_AsBinary(geom) AS wkb
    FROM windowed
), logged AS (
    INSERT INTO camreq.searches (reason, distance_m, in_view_only, include_out_of_service, speed_kmh,
                                 margin_minutes, incident_count, result_count)
    SELECT %(reason)s, %(distance_m)s, %(in_view_only)s, %(include_out_of_service)s, %(speed_kmh)s,
           %(margin_minutes)s, %(incident_count)s, count(*)
    FROM result
    RETURNING id, camreq.storage_srid() AS srid
)
SELECT logged.id, logged.srid, result.*
FROM logged LEFT JOIN result ON true
ORDER BY purge_at, distance_m, incident_id, camera_id
"""

# A second statement: the policy on search_incidents must see the searches row, which the first one wrote.
_INSERT_INCIDENTS = """
INSERT INTO camreq.search_incidents (search_id, incident_id, window_start, window_end, geom)
SELECT %(search_id)s, incident_id, window_start, window_end, geom
FROM camreq.search_input(%(ids)s, %(wkbs)s, %(starts)s, %(ends)s, %(speed_kmh)s)
"""


def search_cameras(
    conn: psycopg2.extensions.connection,
    incidents: Sequence[tuple[str, bytes, object, object]],
    options: dict,
) -> tuple[int, int, list[tuple]]:
    """Run the search for incidents (id, WKB in EPSG:4326, start, end) and log it.

    Return the search id, the storage SRID and the hit rows (the columns of core.search.CameraHit).
    """
    params = dict(
        options,
        tolerance=TOLERANCE_M,
        incident_count=len(incidents),
        ids=[incident[0] for incident in incidents],
        wkbs=[psycopg2.Binary(incident[1]) for incident in incidents],
        starts=[incident[2] for incident in incidents],
        ends=[incident[3] for incident in incidents],
    )
    with conn, conn.cursor() as cursor:
        cursor.execute(_SETTINGS + _SEARCH, params)
        rows = cursor.fetchall()
        params["search_id"], srid = rows[0][:2]
        cursor.execute(_INSERT_INCIDENTS, params)
    return params["search_id"], srid, [row[2:] for row in rows if row[3] is not None]
