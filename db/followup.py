"""SQL of the follow-up: a unit's requisitions with their outbox state, and a requisition's status history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .requisitions import Cursor

URGENT_INTERVAL = "48 hours"  # as camreq.requisitions_due_soon


@dataclass(frozen=True)
class FollowupRow:
    """A requisition as the follow-up lists it: deadlines, e-mail state and the mail server's last words."""

    id: int
    number: str | None
    case_number: str
    owner_name: str
    owner_email: str | None  # issued: the recipient fixed at issue
    status: str
    is_open: bool
    purge_deadline: datetime | None
    answer_deadline: datetime
    has_pdf: bool  # a PDF is stored in camreq.requisition_documents
    outbox_status: str | None
    last_answer: str | None
    due_soon: bool


def followup(
    cursor: Cursor, unit: str | None, status: str | None, case_number: str | None, ids: list[int] | None = None
) -> list[FollowupRow]:
    """Return the requisitions matching the filters (None: any), most urgent purge deadline first."""
    cursor.execute(
        """SELECT r.id, r.number, r.case_number, o.name, CASE WHEN b.id IS NULL THEN o.email ELSE b.to_address END,
                  r.status, s.is_open, r.purge_deadline, r.answer_deadline,
                  EXISTS (SELECT FROM camreq.requisition_documents d WHERE d.requisition_id = r.id), b.status,
                  (SELECT nullif(concat_ws(' ', a.outcome, a.smtp_code, a.smtp_answer), '')
                   FROM camreq.requisition_outbox_attempts a WHERE a.outbox_id = b.id ORDER BY a.id DESC LIMIT 1),
                  s.is_open AND r.purge_deadline <= now() + %(urgent)s::interval
           FROM camreq.requisitions r
           JOIN camreq.owners o ON o.id = r.owner_id
           JOIN camreq.requisition_statuses s ON s.status = r.status
           LEFT JOIN camreq.requisition_outbox b ON b.requisition_id = r.id
           WHERE (%(unit)s::text IS NULL OR r.unit = %(unit)s)
             AND (%(status)s::text IS NULL OR r.status = %(status)s)
             AND (%(case)s::text IS NULL OR strpos(lower(r.case_number), lower(%(case)s)) > 0)
             AND (%(ids)s::bigint[] IS NULL OR r.id = ANY(%(ids)s))
           ORDER BY NOT s.is_open, r.purge_deadline, r.id""",
        {"urgent": URGENT_INTERVAL, "unit": unit, "status": status, "case": case_number, "ids": ids},
    )
    return [FollowupRow(*row) for row in cursor.fetchall()]


def history(cursor: Cursor, requisition_id: int) -> list[tuple]:
    """Return (changed_at, changed_by, from_status, to_status, note) of a requisition, oldest first."""
    cursor.execute(
        """SELECT changed_at, changed_by, from_status, to_status, note FROM camreq.requisition_status_history
           WHERE requisition_id = %s ORDER BY changed_at, id""",
        (requisition_id,),
    )
    return cursor.fetchall()
