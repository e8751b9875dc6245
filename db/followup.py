"""SQL of the follow-up: a unit's requisitions with their outbox state, and a requisition's status history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .requisitions import Cursor
from .rows import named_rows


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
    link_opened_at: datetime | None = None  # when the owner first opened the portal link (None: never, or no link)
    link_unopened: bool = False  # a portal link exists and the owner never opened it


def followup(
    cursor: Cursor,
    urgency: timedelta,
    unit: str | None,
    status: str | None,
    case_number: str | None,
    ids: list[int] | None = None,
) -> list[FollowupRow]:
    """Return the requisitions matching the filters (None: any), most urgent purge deadline first.

    due_soon is true for an open requisition whose footage is purged within urgency (or already was).
    """
    cursor.execute(
        """SELECT r.id, r.number, r.case_number, o.name AS owner_name,
                  CASE WHEN b.id IS NULL THEN o.email ELSE b.to_address END AS owner_email,
                  r.status, s.is_open, r.purge_deadline, r.answer_deadline,
                  r.id IN (SELECT d.requisition_id FROM camreq.my_requisition_documents() d) AS has_pdf,
                  b.status AS outbox_status,
                  (SELECT nullif(concat_ws(' ', a.smtp_code, a.smtp_answer), '')
                   FROM camreq.my_requisition_outbox_attempts() a WHERE a.outbox_id = b.id ORDER BY a.id DESC LIMIT 1)
                  AS last_answer,
                  s.is_open AND r.purge_deadline <= now() + %(urgent)s::interval AS due_soon
           FROM camreq.my_requisitions() r
           JOIN camreq.owners o ON o.id = r.owner_id
           JOIN camreq.requisition_statuses s ON s.status = r.status
           LEFT JOIN camreq.my_requisition_outbox() b ON b.requisition_id = r.id AND b.kind = 'requisition'
           WHERE (%(unit)s::text IS NULL OR r.unit = %(unit)s)
             AND (%(status)s::text IS NULL OR r.status = %(status)s)
             AND (%(case)s::text IS NULL OR strpos(lower(r.case_number), lower(%(case)s)) > 0)
             AND (%(ids)s::bigint[] IS NULL OR r.id = ANY(%(ids)s))
           ORDER BY NOT s.is_open, r.purge_deadline, r.id""",
        {"urgent": urgency, "unit": unit, "status": status, "case": case_number, "ids": ids},
    )
    return named_rows(cursor, FollowupRow)


@dataclass(frozen=True)
class StatusChange:
    """One change of a requisition's status: when, by whom, from and to which status, with its note."""

    changed_at: datetime
    changed_by: str
    from_status: str | None
    to_status: str
    note: str | None


def history(cursor: Cursor, requisition_id: int) -> list[StatusChange]:
    """Return the status changes of a requisition, oldest first."""
    cursor.execute(
        """SELECT changed_at, changed_by, from_status, to_status, note FROM camreq.my_requisition_status_history()
           WHERE requisition_id = %s ORDER BY changed_at, id""",
        (requisition_id,),
    )
    return named_rows(cursor, StatusChange)
