"""SQL of the QGIS locator: cameras by reference and requisitions by number, as the connected login sees them."""

from __future__ import annotations

import psycopg2.extensions

from .connection import fetch_value

Cursor = psycopg2.extensions.cursor

CAMERAS = """
SELECT c.ref, o.name, ST_XMin(p), ST_YMin(p), ST_XMax(p), ST_YMax(p)
FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id, ST_Transform(c.geom, 4326) p
WHERE c.ref ILIKE %s ESCAPE '\\'
ORDER BY length(c.ref), c.ref
LIMIT %s
"""
# camreq.my_requisitions() leaves out the requisitions of other units; a requisition shows where its cameras are.
REQUISITIONS = """
SELECT r.number, o.name, ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
FROM camreq.my_requisitions() r
JOIN camreq.owners o ON o.id = r.owner_id
CROSS JOIN LATERAL (
    SELECT ST_Transform(ST_Collect(c.geom), 4326) AS e
    FROM camreq.my_requisition_cameras() rc JOIN camreq.cameras c ON c.id = rc.camera_id
    WHERE rc.requisition_id = r.id
) cameras
WHERE r.number ILIKE %s ESCAPE '\\' AND e IS NOT NULL
ORDER BY r.number DESC
LIMIT %s
"""

Row = tuple[str, str, float, float, float, float]  # label, owner, WGS84 xmin, ymin, xmax, ymax


def cameras_by_ref(cursor: Cursor, prefix: str, limit: int) -> list[Row]:
    """Return the cameras whose reference starts with prefix (ignoring case)."""
    cursor.execute(CAMERAS, (_like_prefix(prefix), limit))
    return cursor.fetchall()


def requisitions_by_number(cursor: Cursor, prefix: str, limit: int) -> list[Row]:
    """Return the requisitions the login may see whose number starts with prefix; none for logins without access."""
    cursor.execute("SELECT has_function_privilege('camreq.my_requisitions()', 'EXECUTE')")
    if not fetch_value(cursor):
        return []
    cursor.execute(REQUISITIONS, (_like_prefix(prefix), limit))
    return cursor.fetchall()


def _like_prefix(text: str) -> str:
    """Return a LIKE pattern matching text literally at the start."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
