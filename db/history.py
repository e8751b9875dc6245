"""Past requisitions written as they would have been recorded, for the sample history and the statistics tests.

Superuser only: the rows carry dates in the past, which the triggers (numbering, transitions, clocks) would
rewrite, so they are switched off for the transaction (session_replication_role = replica).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import psycopg2.extensions

from .connection import fetch_value

Cursor = psycopg2.extensions.cursor


@dataclass(frozen=True)
class PastRequisition:
    """One requisition of the past: when it was issued, sent and answered, and how it ended."""

    unit: str
    owner_id: int
    camera_id: int
    incident_start: datetime
    issued_at: datetime
    sent_at: datetime | None
    answered_at: datetime | None
    status: str
    purge_deadline: datetime
    no_footage_reason: str | None = None


def insert_history(cursor: Cursor, past: list[PastRequisition]) -> list[int]:
    """Insert the past requisitions with their camera and status history; return their ids."""
    cursor.execute("SET LOCAL session_replication_role = replica")
    ids = []
    for index, item in enumerate(past, start=1):
        cursor.execute(
            "INSERT INTO camreq.requisitions (number, year, unit, officer_name, officer_rank, officer_email, "
            "officer_phone, case_number, investigation, owner_id, answer_deadline, delivery, status, "
            "purge_deadline, created_at, issued_at, no_footage_reason) "
            "VALUES (%s, %s, %s, 'Historique', '', '', '', %s, 'flagrance', %s, %s, 'clé USB', %s, %s, %s, %s, %s) "
            "RETURNING id",
            (
                f"HIST-{item.issued_at.year}-{index:06d}", item.issued_at.year, item.unit, f"HIST/{index}",
                item.owner_id, item.issued_at + timedelta(days=2), item.status, item.purge_deadline,
                item.issued_at, item.issued_at, item.no_footage_reason,
            ),
        )  # fmt: skip
        requisition_id = fetch_value(cursor)
        ids.append(requisition_id)
        cursor.execute(
            "INSERT INTO camreq.requisition_cameras (requisition_id, camera_id, window_start, window_end, purge_at) "
            "VALUES (%s, %s, %s, %s, %s)",
            (requisition_id, item.camera_id, item.incident_start, item.incident_start + timedelta(hours=1),
             item.purge_deadline),
        )  # fmt: skip
        steps = [(None, "draft", item.issued_at), ("draft", "issued", item.issued_at)]
        if item.sent_at is not None:
            steps.append(("issued", "sent", item.sent_at))
        if item.answered_at is not None:
            steps.append(("sent", item.status, item.answered_at))
        for from_status, to_status, at in steps:
            cursor.execute(
                "INSERT INTO camreq.requisition_status_history "
                "(requisition_id, changed_by, changed_at, from_status, to_status) VALUES (%s, 'history', %s, %s, %s)",
                (requisition_id, at, from_status, to_status),
            )
    cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    return ids
