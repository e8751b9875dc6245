"""SQL of requisitions: insert, issue, read back for documents and maps, change status. Callers own the transaction."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import psycopg2
import psycopg2.errors
import psycopg2.extensions

from ..errors import CamreqError

Cursor = psycopg2.extensions.cursor


@dataclass(frozen=True)
class RequisitionRow:
    """A requisition as stored, with its owner."""

    id: int
    number: str | None
    status: str
    unit: str
    officer_name: str
    officer_rank: str
    officer_email: str
    officer_phone: str
    case_number: str
    investigation: str
    authorisation_ref: str | None
    answer_deadline: datetime
    delivery: str
    created_at: datetime
    issued_at: datetime | None
    owner_name: str
    owner_address: str | None
    owner_email: str | None
    purge_deadline: datetime | None
    pdf_path: str | None


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn constraint violations, camreq's SQL messages and refused privileges into CamreqError."""
    try:
        yield
    except psycopg2.IntegrityError as error:
        name = error.diag.constraint_name
        raise CamreqError(name or error.diag.message_primary or str(error).strip()) from None
    except (psycopg2.errors.RaiseException, psycopg2.errors.InsufficientPrivilege) as error:
        raise CamreqError(error.diag.message_primary) from None


@dataclass(frozen=True)
class CameraFacts:
    """What a requisition needs of a registry camera: its owner, reference and retention."""

    owner_id: int
    owner_name: str
    owner_email: str | None
    ref: str
    retention_days: int


def camera_facts(cursor: Cursor, camera_ids: list[int]) -> dict[int, CameraFacts]:
    """Return {camera id: its facts} for the ids that exist in the registry."""
    cursor.execute(
        """SELECT c.id, c.owner_id, o.name, o.email, coalesce(c.ref, '#' || c.id), c.retention_days
           FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id WHERE c.id = ANY(%s)""",
        (camera_ids,),
    )
    return {row[0]: CameraFacts(*row[1:]) for row in cursor.fetchall()}


def lock_case(cursor: Cursor, case_number: str) -> None:
    """Hold, until the transaction ends, the lock that serialises the requisitions made for one case number."""
    cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 11))", (case_number,))


def covering_requisitions(cursor: Cursor, case_number: str, windows: list) -> dict[tuple, str]:
    """Return {(camera id, start, end): number or 'draft <id>'} of the windows an open requisition of the case covers.

    windows are rows with camera_id, window_start and window_end; covered means the same camera over a window
    that includes this one.
    """
    cursor.execute(
        """SELECT DISTINCT ON (w.camera_id, w.window_start, w.window_end)
                  w.camera_id, w.window_start, w.window_end, coalesce(r.number, 'draft ' || r.id)
           FROM unnest(%s::bigint[], %s::timestamptz[], %s::timestamptz[]) AS w(camera_id, window_start, window_end)
           JOIN camreq.requisition_cameras rc ON rc.camera_id = w.camera_id
                AND rc.window_start <= w.window_start AND rc.window_end >= w.window_end
           JOIN camreq.requisitions r ON r.id = rc.requisition_id
           JOIN camreq.requisition_statuses s ON s.status = r.status
           WHERE s.is_open AND r.case_number = %s
           ORDER BY w.camera_id, w.window_start, w.window_end, r.id""",
        (
            [row.camera_id for row in windows], [row.window_start for row in windows],
            [row.window_end for row in windows], case_number,
        ),
    )  # fmt: skip
    return {(camera_id, start, end): number for camera_id, start, end, number in cursor.fetchall()}


def existing_searches(cursor: Cursor, search_ids: list[int]) -> set[int]:
    """Return the ids among search_ids present in the consultation log."""
    cursor.execute("SELECT id FROM camreq.searches WHERE id = ANY(%s)", (search_ids,))
    return {row[0] for row in cursor.fetchall()}


def insert_requisition(cursor: Cursor, values: dict) -> int:
    """Insert a draft requisition from a dict of column values and return its id."""
    cursor.execute(
        """INSERT INTO camreq.requisitions (unit, officer_name, officer_rank, officer_email, officer_phone,
               case_number, investigation, authorisation_ref, owner_id, search_id, answer_deadline, delivery)
           VALUES (%(unit)s, %(officer_name)s, %(officer_rank)s, %(officer_email)s, %(officer_phone)s,
               %(case_number)s, %(investigation)s, %(authorisation_ref)s, %(owner_id)s, %(search_id)s,
               %(answer_deadline)s, %(delivery)s)
           RETURNING id""",
        values,
    )
    return cursor.fetchone()[0]


def insert_cameras(cursor: Cursor, requisition_id: int, cameras: list[tuple]) -> None:
    """Insert (camera_id, search_id, incident_id, window_start, window_end, purge_at) rows for a requisition."""
    cursor.executemany(
        """INSERT INTO camreq.requisition_cameras
               (requisition_id, camera_id, search_id, incident_id, window_start, window_end, purge_at)
           VALUES (%s, %s, %s, %s, %s, %s, %s)""",
        [(requisition_id, *camera) for camera in cameras],
    )


def issue(cursor: Cursor, requisition_id: int) -> str:
    """Number a draft (locking its unit's counter until the transaction ends), queue its e-mail; return the number."""
    cursor.execute("SELECT camreq.issue_requisition(%s)", (requisition_id,))
    return cursor.fetchone()[0]


def set_pdf_path(cursor: Cursor, requisition_id: int, path: str) -> None:
    """Record where the requisition's PDF was written."""
    cursor.execute("UPDATE camreq.requisitions SET pdf_path = %s WHERE id = %s", (path, requisition_id))


_REQUISITION_SELECT = """
    SELECT r.id, r.number, r.status, r.unit, r.officer_name, r.officer_rank, r.officer_email, r.officer_phone,
           r.case_number, r.investigation, r.authorisation_ref, r.answer_deadline, r.delivery, r.created_at,
           r.issued_at, o.name, o.address, o.email, r.purge_deadline, r.pdf_path
    FROM camreq.requisitions r JOIN camreq.owners o ON o.id = r.owner_id"""


def requisitions(cursor: Cursor, ids: list[int]) -> list[RequisitionRow]:
    """Return the requisitions with these ids, most urgent purge deadline first."""
    cursor.execute(_REQUISITION_SELECT + " WHERE r.id = ANY(%s) ORDER BY r.purge_deadline, r.id", (ids,))
    return [RequisitionRow(*row) for row in cursor.fetchall()]


def cameras(cursor: Cursor, requisition_id: int) -> list[tuple]:
    """Return (ref, type, location, window start, window end, purge_at) per camera window, address or WGS84."""
    cursor.execute(
        """SELECT coalesce(c.ref, '#' || c.id), t.label_fr,
                  coalesce(nullif(btrim(c.address), ''),
                           to_char(ST_Y(ST_Transform(c.geom, 4326)), 'FM990.000000') || ', '
                           || to_char(ST_X(ST_Transform(c.geom, 4326)), 'FM990.000000') || ' (WGS84)'),
                  rc.window_start, rc.window_end, rc.purge_at
           FROM camreq.requisition_cameras rc
           JOIN camreq.cameras c ON c.id = rc.camera_id
           JOIN camreq.camera_types t USING (camera_type)
           WHERE rc.requisition_id = %s
           ORDER BY rc.purge_at, c.ref, rc.window_start""",
        (requisition_id,),
    )
    return cursor.fetchall()


def camera_counts(cursor: Cursor, ids: list[int]) -> dict[int, int]:
    """Return {requisition id: number of requested camera windows}."""
    cursor.execute(
        "SELECT requisition_id, count(*) FROM camreq.requisition_cameras WHERE requisition_id = ANY(%s) GROUP BY 1",
        (ids,),
    )
    return dict(cursor.fetchall())


def find(cursor: Cursor, reference: str) -> RequisitionRow:
    """Return the requisition numbered reference (e.g. 2026-000123), or the draft whose id it is; lock it."""
    reference = reference.strip()
    if reference.isdigit():
        cursor.execute(_REQUISITION_SELECT + " WHERE r.id = %s AND r.number IS NULL FOR UPDATE OF r", (int(reference),))
    else:
        cursor.execute(_REQUISITION_SELECT + " WHERE r.number = %s FOR UPDATE OF r", (reference,))
    rows = cursor.fetchall()
    if not rows:
        raise CamreqError(
            f"NUMBER: no requisition numbered {reference[:60]!r} (give a number such as 2026-000123, or a draft's id)"
        )
    if len(rows) > 1:
        raise CamreqError(f"NUMBER: several units use number {reference!r}; you see requisitions of several units")
    return RequisitionRow(*rows[0])


def set_status_note(cursor: Cursor, note: str | None) -> None:
    """Give the status changes of this transaction a note for their history rows (None: no note)."""
    cursor.execute("SELECT set_config('camreq.status_note', %s, true)", (note or "",))


def set_status(cursor: Cursor, requisition_id: int, status: str, note: str | None) -> None:
    """Change a requisition's status; the database checks the transition and writes the history with note."""
    set_status_note(cursor, note)
    cursor.execute("UPDATE camreq.requisitions SET status = %s WHERE id = %s", (status, requisition_id))
    set_status_note(cursor, None)


def statuses(cursor: Cursor) -> list[str]:
    """Return every requisition status, in workflow order."""
    cursor.execute("SELECT status FROM camreq.requisition_statuses ORDER BY sort_order")
    return [row[0] for row in cursor.fetchall()]


def due_soon(cursor: Cursor) -> list[tuple]:
    """Return (number or draft id, owner, e-mail, phone, status, purge deadline, purged) of due-soon requisitions."""
    cursor.execute(
        """SELECT coalesce(number, 'draft ' || id), owner_name, owner_email, owner_phone, status, purge_deadline, purged
           FROM camreq.requisitions_due_soon"""
    )
    return cursor.fetchall()


def map_geometries(cursor: Cursor, requisition_id: int) -> dict[str, list[tuple]]:
    """Return WKB geometries to draw: incidents, search areas, cameras (with ref) and fields of view."""
    queries = {
        "incidents": """SELECT DISTINCT ST_AsBinary(i.geom), i.incident_id
            FROM camreq.requisition_cameras rc
            JOIN camreq.search_incidents i ON (i.search_id, i.incident_id) = (rc.search_id, rc.incident_id)
            WHERE rc.requisition_id = %s""",
        "areas": """SELECT ST_AsBinary(ST_Union(ST_Buffer(i.geom, s.distance_m, 24))), ''
            FROM (SELECT DISTINCT search_id, incident_id FROM camreq.requisition_cameras WHERE requisition_id = %s) rc
            JOIN camreq.search_incidents i ON (i.search_id, i.incident_id) = (rc.search_id, rc.incident_id)
            JOIN camreq.searches s ON s.id = rc.search_id
            HAVING count(*) > 0""",
        "fields_of_view": """SELECT ST_AsBinary(c.fov_geom), coalesce(c.ref, '')
            FROM camreq.cameras c WHERE c.fov_geom IS NOT NULL
            AND c.id IN (SELECT camera_id FROM camreq.requisition_cameras WHERE requisition_id = %s)""",
        "cameras": """SELECT ST_AsBinary(c.geom), coalesce(c.ref, '#' || c.id)
            FROM camreq.cameras c
            WHERE c.id IN (SELECT camera_id FROM camreq.requisition_cameras WHERE requisition_id = %s)""",
    }
    result = {}
    for name, query in queries.items():
        cursor.execute(query, (requisition_id,))
        result[name] = [(bytes(wkb), label) for wkb, label in cursor.fetchall() if wkb is not None]
    return result
