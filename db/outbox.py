"""SQL of the e-mail outbox: claim one message at a time (SKIP LOCKED), record every attempt before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..errors import CamreqError
from . import requisitions
from .requisitions import Cursor


@dataclass(frozen=True)
class Claim:
    """An outbox message claimed for one attempt, with what the e-mail needs."""

    outbox_id: int
    attempt_id: int
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
    pdf_path: str | None


def claim_next(cursor: Cursor, server: str, skip: list[int]) -> Claim | None:
    """Mark the most urgent pending message (not in skip) with an e-mail as sending, and open its attempt."""
    cursor.execute(
        """SELECT o.id, o.requisition_id, o.message_id, w.email, r.number, r.case_number, w.name, r.officer_name,
                  r.officer_rank, r.officer_email, r.officer_phone, r.unit, r.purge_deadline, r.answer_deadline,
                  r.pdf_path
           FROM camreq.requisition_outbox o
           JOIN camreq.requisitions r ON r.id = o.requisition_id
           JOIN camreq.owners w ON w.id = r.owner_id
           WHERE o.status = 'pending' AND r.status = 'issued' AND w.email IS NOT NULL AND o.id <> ALL(%s)
           ORDER BY r.purge_deadline, o.id
           LIMIT 1
           FOR UPDATE OF o SKIP LOCKED""",
        (skip,),
    )
    row = cursor.fetchone()
    if row is None:
        return None
    cursor.execute("UPDATE camreq.requisition_outbox SET status = 'sending' WHERE id = %s", (row[0],))
    cursor.execute(
        """INSERT INTO camreq.requisition_outbox_attempts (outbox_id, to_address, smtp_server)
           VALUES (%s, %s, %s) RETURNING id""",
        (row[0], row[3], server),
    )
    return Claim(row[0], cursor.fetchone()[0], *row[1:])


def finish(cursor: Cursor, claim: Claim, outcome: str, code: int | None, answer: str) -> None:
    """Record an attempt's outcome; sent marks the requisition sent, deferred requeues, failed stops retries."""
    cursor.execute(
        """UPDATE camreq.requisition_outbox_attempts
           SET finished_at = clock_timestamp(), outcome = %s, smtp_code = %s, smtp_answer = %s WHERE id = %s""",
        (outcome, code, answer[:2000], claim.attempt_id),
    )
    status = {"sent": "sent", "deferred": "pending", "failed": "failed"}[outcome]
    cursor.execute(
        """UPDATE camreq.requisition_outbox SET status = %s, sent_at = CASE WHEN %s = 'sent' THEN now() END
           WHERE id = %s""",
        (status, status, claim.outbox_id),
    )
    if outcome == "sent":
        note = f"e-mail {claim.message_id} to {claim.to_address} accepted: {code} {answer}"
        requisitions.set_status(cursor, claim.requisition_id, "sent", note[:2000])


def without_email(cursor: Cursor) -> list[tuple[str, str]]:
    """Return (number, owner) of issued requisitions waiting to be sent whose owner has no e-mail."""
    cursor.execute(
        """SELECT r.number, w.name FROM camreq.requisition_outbox o
           JOIN camreq.requisitions r ON r.id = o.requisition_id JOIN camreq.owners w ON w.id = r.owner_id
           WHERE o.status = 'pending' AND r.status = 'issued' AND w.email IS NULL ORDER BY r.number"""
    )
    return cursor.fetchall()


def interrupted(cursor: Cursor) -> list[str]:
    """Return the numbers of messages left 'sending' by a run that stopped before recording the server's answer."""
    cursor.execute(
        """SELECT r.number FROM camreq.requisition_outbox o JOIN camreq.requisitions r ON r.id = o.requisition_id
           WHERE o.status = 'sending' ORDER BY r.number FOR UPDATE OF o SKIP LOCKED"""
    )
    return [row[0] for row in cursor.fetchall()]


def pending_count(cursor: Cursor) -> int:
    """Return how many messages of issued requisitions still wait to be sent."""
    cursor.execute(
        """SELECT count(*) FROM camreq.requisition_outbox o JOIN camreq.requisitions r ON r.id = o.requisition_id
           WHERE o.status = 'pending' AND r.status = 'issued'"""
    )
    return cursor.fetchone()[0]


def requeue_failed(cursor: Cursor, requisition_id: int) -> bool:
    """Put a requisition's refused (failed) message back in the queue; return whether there was one."""
    cursor.execute(
        "UPDATE camreq.requisition_outbox SET status = 'pending' WHERE requisition_id = %s AND status = 'failed'",
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
