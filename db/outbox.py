"""SQL of the e-mail outbox: claim one message at a time (SKIP LOCKED), record every attempt before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..errors import CamreqError
from . import requisitions
from .connection import fetch_value
from .requisitions import Cursor
from .rows import named_rows


@dataclass(frozen=True)
class OutboxMessage:
    """An outbox message with what its e-mail needs."""

    outbox_id: int
    requisition_id: int
    message_id: str
    to_address: str
    number: str
    case_number: str
    owner_name: str
    officer_name: str
    officer_rank: str
    officer_email: str
    officer_phone: str
    unit: str
    purge_deadline: datetime
    answer_deadline: datetime
    file_name: str | None  # the issued document stored with the requisition (None: issued before schema 6)
    pdf: bytes | None
    portal_link: str | None  # the owner's personal link to the answer portal (None: no portal)
    kind: str  # requisition; receipt (to the owner) or officer_notice, queued when the owner confirms in the portal


@dataclass(frozen=True)
class Claim(OutboxMessage):
    """An outbox message claimed for one attempt (attempt_id), with what the e-mail needs."""

    attempt_id: int


def claim_next(cursor: Cursor, server: str, skip: list[int]) -> Claim | None:
    """Mark the most urgent pending message (not in skip) with an e-mail as sending, and open its attempt."""
    cursor.execute(
        """SELECT o.id AS outbox_id, o.requisition_id, o.message_id, o.to_address, r.number, r.case_number,
                  w.name AS owner_name, r.officer_name, r.officer_rank, r.officer_email, r.officer_phone, r.unit,
                  r.purge_deadline, r.answer_deadline,
                  CASE WHEN o.kind = 'requisition' THEN d.file_name ELSE 'recu_' || r.number || '.pdf' END AS file_name,
                  CASE WHEN o.kind = 'requisition' THEN d.pdf ELSE camreq.requisition_receipt(r.id) END AS pdf,
                  o.portal_link, o.kind
           FROM camreq.requisition_outbox o
           JOIN camreq.requisitions r ON r.id = o.requisition_id
           JOIN camreq.owners w ON w.id = r.owner_id
           LEFT JOIN camreq.requisition_documents d ON d.requisition_id = r.id AND d.issued
           WHERE o.status = 'pending' AND (r.status = 'issued' OR o.kind <> 'requisition') AND o.to_address IS NOT NULL
             AND o.id <> ALL(%s)
           ORDER BY r.purge_deadline, o.id
           LIMIT 1
           FOR UPDATE OF o SKIP LOCKED""",
        (skip,),
    )
    rows = named_rows(cursor, OutboxMessage)
    if not rows:
        return None
    message = rows[0]
    cursor.execute("UPDATE camreq.requisition_outbox SET status = 'sending' WHERE id = %s", (message.outbox_id,))
    cursor.execute(
        """INSERT INTO camreq.requisition_outbox_attempts (outbox_id, to_address, smtp_server)
           VALUES (%s, %s, %s) RETURNING id""",
        (message.outbox_id, message.to_address, server),
    )
    pdf = None if message.pdf is None else bytes(message.pdf)  # psycopg2 reads bytea as a memoryview
    return Claim(attempt_id=fetch_value(cursor), **{**message.__dict__, "pdf": pdf})


def finish(cursor: Cursor, claim: Claim, outcome: str, code: int | None, answer: str) -> bool:
    """Record an attempt's outcome; sent marks the requisition sent, deferred requeues, failed and unknown stop
    retries. Return False where the requisition was cancelled (or changed) while its e-mail was being sent."""
    cursor.execute(
        """UPDATE camreq.requisition_outbox_attempts
           SET finished_at = clock_timestamp(), outcome = %s, smtp_code = %s, smtp_answer = %s WHERE id = %s""",
        (outcome, code, answer[:2000], claim.attempt_id),
    )
    status = {"sent": "sent", "deferred": "pending", "failed": "failed", "unknown": "unknown"}[outcome]
    cursor.execute(
        """UPDATE camreq.requisition_outbox SET status = %s, sent_at = CASE WHEN %s = 'sent' THEN now() END
           WHERE id = %s""",
        (status, status, claim.outbox_id),
    )
    if claim.kind != "requisition":  # a receipt or notice changes no status
        return True
    cursor.execute("SELECT status FROM camreq.requisitions WHERE id = %s FOR UPDATE", (claim.requisition_id,))
    if fetch_value(cursor) != "issued":
        return False
    if outcome == "sent":
        note = f"e-mail {claim.message_id} to {claim.to_address} accepted: {code} {answer}"
        requisitions.set_status(cursor, claim.requisition_id, "sent", note[:2000])
    return True


@dataclass(frozen=True)
class OwnerWithoutEmail:
    """An issued requisition waiting to be sent whose owner has no e-mail."""

    number: str
    owner_name: str


def without_email(cursor: Cursor) -> list[OwnerWithoutEmail]:
    """Return the issued requisitions waiting to be sent whose owner has no e-mail."""
    cursor.execute(
        """SELECT r.number, w.name AS owner_name FROM camreq.requisition_outbox o
           JOIN camreq.requisitions r ON r.id = o.requisition_id JOIN camreq.owners w ON w.id = r.owner_id
           WHERE o.status = 'pending' AND r.status = 'issued' AND o.to_address IS NULL ORDER BY r.number"""
    )
    return named_rows(cursor, OwnerWithoutEmail)


STUCK_AFTER = "15 minutes"  # far longer than one attempt (a few SMTP commands, each within the 30 s timeout)


def interrupted(cursor: Cursor) -> list[str]:
    """Return the numbers of messages left 'sending' by a run that stopped before recording the server's answer.

    Those whose attempt started over STUCK_AFTER ago belong to no live run: their outcome becomes unknown, which Send
    again can queue once someone has checked with the owner.
    """
    cursor.execute(
        """WITH stuck AS (
               UPDATE camreq.requisition_outbox o SET status = 'unknown'
               WHERE o.status = 'sending' AND NOT EXISTS (
                   SELECT FROM camreq.requisition_outbox_attempts a
                   WHERE a.outbox_id = o.id AND a.started_at > now() - %s::interval)
               RETURNING o.id)
           UPDATE camreq.requisition_outbox_attempts SET finished_at = clock_timestamp(), outcome = 'unknown',
               smtp_answer = 'the run stopped before the server''s answer was recorded'
           WHERE outcome IS NULL AND outbox_id IN (SELECT id FROM stuck)""",
        (STUCK_AFTER,),
    )
    cursor.execute(
        """SELECT r.number FROM camreq.requisition_outbox o JOIN camreq.requisitions r ON r.id = o.requisition_id
           WHERE o.status IN ('sending', 'unknown') ORDER BY r.number FOR UPDATE OF o SKIP LOCKED"""
    )
    return [row[0] for row in cursor.fetchall()]


def pending_count(cursor: Cursor) -> int:
    """Return how many messages of issued requisitions still wait to be sent."""
    cursor.execute(
        """SELECT count(*) FROM camreq.requisition_outbox o JOIN camreq.requisitions r ON r.id = o.requisition_id
           WHERE o.status = 'pending' AND r.status = 'issued'"""
    )
    return fetch_value(cursor)


def requeue_failed(cursor: Cursor, requisition_id: int) -> bool:
    """Queue a requisition's refused (failed) or unknown-outcome message again; return whether there was one."""
    cursor.execute(
        """UPDATE camreq.requisition_outbox SET status = 'pending'
           WHERE requisition_id = %s AND status IN ('failed', 'unknown')""",
        (requisition_id,),
    )
    return cursor.rowcount > 0


def serve_otherwise(cursor: Cursor, requisition_id: int, number: str) -> None:
    """Withdraw an issued requisition's e-mail from the outbox: it was served another way and is never sent."""
    cursor.execute(
        """UPDATE camreq.requisition_outbox SET status = 'served_otherwise'
           WHERE requisition_id = %s AND status IN ('pending', 'failed') RETURNING id""",
        (requisition_id,),
    )
    if cursor.fetchone() is None:
        cursor.execute("SELECT status FROM camreq.requisition_outbox WHERE requisition_id = %s", (requisition_id,))
        row = cursor.fetchone()
        if row is not None and row[0] == "sending":
            raise CamreqError(
                f"STATUS: the e-mail of requisition {number} is being sent right now; wait for the send report."
            )
