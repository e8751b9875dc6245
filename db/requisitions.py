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
from .connection import fetch_value
from .rows import named_rows

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
    owner_email: str | None  # issued: the recipient fixed at issue (camreq.requisition_outbox.to_address)
    purge_deadline: datetime | None


@dataclass(frozen=True)
class CameraWindow:
    """A camera of a requisition and the footage asked for: ref, type label (French), location, window, purge."""

    ref: str
    camera_type: str
    location: str
    window_start: datetime
    window_end: datetime
    purge_at: datetime


@dataclass(frozen=True)
class DueRequisition:
    """An open requisition whose footage is purged within 48 hours (the view camreq.requisitions_due_soon)."""

    number: str
    owner_name: str
    owner_email: str | None
    owner_phone: str | None
    status: str
    purge_deadline: datetime
    purged: bool


@dataclass(frozen=True)
class MapGeometry:
    """A geometry to draw on a requisition's map extract: WKB in the storage CRS and its label."""

    wkb: bytes
    label: str


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn constraint violations, camreq's SQL messages and refused privileges into CamreqError."""
    try:
        yield
    except psycopg2.IntegrityError as error:
        name = error.diag.constraint_name
        raise CamreqError(name or error.diag.message_primary or str(error).strip()) from None
    except (psycopg2.errors.RaiseException, psycopg2.errors.InsufficientPrivilege) as error:
        raise CamreqError(error.diag.message_primary or str(error).strip()) from None


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
           JOIN camreq.my_requisition_cameras() rc ON rc.camera_id = w.camera_id
                AND rc.window_start <= w.window_start AND rc.window_end >= w.window_end
           JOIN camreq.my_requisitions() r ON r.id = rc.requisition_id
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
    cursor.execute("SELECT id FROM camreq.my_searches() WHERE id = ANY(%s)", (search_ids,))
    return {row[0] for row in cursor.fetchall()}


def insert_requisition(cursor: Cursor, values: dict) -> int:
    """Insert a draft requisition from a dict of column values and return its id."""
    cursor.execute(
        """SELECT camreq.create_requisition(%(unit)s, %(officer_name)s, %(officer_rank)s, %(officer_email)s,
               %(officer_phone)s, %(case_number)s, %(investigation)s, %(authorisation_ref)s, %(owner_id)s,
               %(search_id)s, %(answer_deadline)s, %(delivery)s)""",
        values,
    )
    return fetch_value(cursor)


def insert_cameras(cursor: Cursor, requisition_id: int, cameras: list[tuple]) -> None:
    """Insert (camera_id, search_id, incident_id, window_start, window_end, purge_at) rows for a requisition."""
    columns = [list(column) for column in zip(*cameras, strict=True)] or [[]] * 6
    cursor.execute(
        "SELECT camreq.add_requisition_cameras(%s, %s::bigint[], %s::bigint[], %s::text[], %s::timestamptz[], "
        "%s::timestamptz[], %s::timestamptz[])",
        (requisition_id, *columns),
    )


def issue(cursor: Cursor, requisition_id: int) -> str:
    """Number a draft (locking its unit's counter until the transaction ends), queue its e-mail; return the number."""
    cursor.execute("SELECT camreq.issue_requisition(%s)", (requisition_id,))
    return fetch_value(cursor)


def insert_document(cursor: Cursor, requisition_id: int, file_name: str, pdf: bytes) -> None:
    """Store a rendered PDF (a draft's, or the issued one in the issuing transaction); the database hashes it."""
    cursor.execute(
        "SELECT camreq.add_requisition_document(%s, %s, %s)",
        (requisition_id, file_name, psycopg2.Binary(pdf)),
    )


def document(cursor: Cursor, requisition_id: int) -> tuple[str, bytes] | None:
    """Return (file name, PDF) of a requisition's issued document, else its latest draft's; None without one."""
    cursor.execute("SELECT file_name, pdf FROM camreq.requisition_pdf(%s)", (requisition_id,))
    row = cursor.fetchone()
    return None if row is None else (row[0], bytes(row[1]))


_REQUISITION_SELECT = """
    SELECT r.id, r.number, r.status, r.unit, r.officer_name, r.officer_rank, r.officer_email, r.officer_phone,
           r.case_number, r.investigation, r.authorisation_ref, r.answer_deadline, r.delivery, r.created_at,
           r.issued_at, o.name AS owner_name, o.address AS owner_address,
           CASE WHEN b.id IS NULL THEN o.email ELSE b.to_address END AS owner_email, r.purge_deadline
    FROM camreq.my_requisitions() r JOIN camreq.owners o ON o.id = r.owner_id
    LEFT JOIN camreq.my_requisition_outbox() b ON b.requisition_id = r.id AND b.kind = 'requisition'"""


def requisitions(cursor: Cursor, ids: list[int]) -> list[RequisitionRow]:
    """Return the requisitions with these ids, most urgent purge deadline first."""
    cursor.execute(_REQUISITION_SELECT + " WHERE r.id = ANY(%s) ORDER BY r.purge_deadline, r.id", (ids,))
    return named_rows(cursor, RequisitionRow)


def cameras(cursor: Cursor, requisition_id: int) -> list[CameraWindow]:
    """Return the requested camera windows of a requisition, most urgent first, located by address or WGS84."""
    cursor.execute(
        """SELECT coalesce(c.ref, '#' || c.id) AS ref, t.label_fr AS camera_type,
                  coalesce(nullif(btrim(c.address), ''),
                           to_char(ST_Y(ST_Transform(c.geom, 4326)), 'FM990.000000') || ', '
                           || to_char(ST_X(ST_Transform(c.geom, 4326)), 'FM990.000000') || ' (WGS84)') AS location,
                  rc.window_start, rc.window_end, rc.purge_at
           FROM camreq.my_requisition_cameras() rc
           JOIN camreq.cameras c ON c.id = rc.camera_id
           JOIN camreq.camera_types t USING (camera_type)
           WHERE rc.requisition_id = %s
           ORDER BY rc.purge_at, c.ref, rc.window_start""",
        (requisition_id,),
    )
    return named_rows(cursor, CameraWindow)


def camera_counts(cursor: Cursor, ids: list[int]) -> dict[int, int]:
    """Return {requisition id: number of requested camera windows}."""
    cursor.execute(
        """SELECT requisition_id, count(*) FROM camreq.my_requisition_cameras()
           WHERE requisition_id = ANY(%s) GROUP BY 1""",
        (ids,),
    )
    return dict(cursor.fetchall())


def find(cursor: Cursor, reference: str) -> RequisitionRow:
    """Return the requisition numbered reference (e.g. 2026-000123), or the draft whose id it is."""
    reference = reference.strip()
    if reference.isdigit():
        cursor.execute(_REQUISITION_SELECT + " WHERE r.id = %s AND r.number IS NULL", (int(reference),))
    else:
        cursor.execute(_REQUISITION_SELECT + " WHERE r.number = %s", (reference,))
    rows = named_rows(cursor, RequisitionRow)
    if not rows:
        raise CamreqError(
            f"NUMBER: no requisition numbered {reference[:60]!r} (give a number such as 2026-000123, or a draft's id)"
        )
    if len(rows) > 1:
        raise CamreqError(f"NUMBER: several units use number {reference!r}; you see requisitions of several units")
    return rows[0]


def set_status_note(cursor: Cursor, note: str | None) -> None:
    """Give the status changes of this transaction a note for their history rows (None: no note)."""
    cursor.execute("SELECT set_config('camreq.status_note', %s, true)", (note or "",))


def set_status(
    cursor: Cursor, requisition_id: int, status: str, note: str | None, no_footage_reason: str | None = None
) -> None:
    """Change a requisition's status; the database checks the transition and writes the history with note."""
    cursor.execute(
        "SELECT camreq.set_requisition_status(%s, %s, %s, %s)", (requisition_id, status, note, no_footage_reason)
    )


def due_soon(cursor: Cursor) -> list[DueRequisition]:
    """Return the open requisitions whose footage is purged within 48 hours, most urgent first."""
    cursor.execute(
        """SELECT coalesce(number, 'draft ' || id) AS number, owner_name, owner_email, owner_phone, status,
                  purge_deadline, purged
           FROM camreq.requisitions_due_soon"""
    )
    return named_rows(cursor, DueRequisition)


def map_geometries(cursor: Cursor, requisition_id: int) -> dict[str, list[MapGeometry]]:
    """Return WKB geometries to draw: incidents, search areas, cameras (with ref) and fields of view."""
    queries = {
        "incidents": """SELECT DISTINCT ST_AsBinary(i.geom), i.incident_id
            FROM camreq.my_requisition_cameras() rc
            JOIN camreq.my_search_incidents() i ON (i.search_id, i.incident_id) = (rc.search_id, rc.incident_id)
            WHERE rc.requisition_id = %s""",
        "areas": """SELECT ST_AsBinary(ST_Union(ST_Buffer(i.geom, s.distance_m, 24))), ''
            FROM (SELECT DISTINCT search_id, incident_id FROM camreq.my_requisition_cameras()
                  WHERE requisition_id = %s) rc
            JOIN camreq.my_search_incidents() i ON (i.search_id, i.incident_id) = (rc.search_id, rc.incident_id)
            JOIN camreq.my_searches() s ON s.id = rc.search_id
            HAVING count(*) > 0""",
        "fields_of_view": """SELECT ST_AsBinary(c.fov_geom), coalesce(c.ref, '')
            FROM camreq.cameras c WHERE c.fov_geom IS NOT NULL
            AND c.id IN (SELECT camera_id FROM camreq.my_requisition_cameras() WHERE requisition_id = %s)""",
        "cameras": """SELECT ST_AsBinary(c.geom), coalesce(c.ref, '#' || c.id)
            FROM camreq.cameras c
            WHERE c.id IN (SELECT camera_id FROM camreq.my_requisition_cameras() WHERE requisition_id = %s)""",
    }
    result = {}
    for name, query in queries.items():
        cursor.execute(query, (requisition_id,))
        result[name] = [MapGeometry(bytes(wkb), label) for wkb, label in cursor.fetchall() if wkb is not None]
    return result
