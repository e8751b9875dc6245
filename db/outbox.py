"""SQL of the e-mail outbox: claim one message at a time (SKIP LOCKED), record every attempt before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..errors import CamreqError
from .connection import fetch_value
from .requisitions import Cursor
from .rows import named_rows


@dataclass(frozen=True)
class Claim:
    """An outbox message claimed for one attempt (attempt_id), with what the e-mail needs."""

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
    attempt_id: int


def claim_next(cursor: Cursor, server: str, skip: list[int]) -> Claim | None:
    """Mark the most urgent pending message (not in skip) with an e-mail as sending, and open its attempt."""
    cursor.execute("SELECT * FROM camreq.claim_outbox_message(%s, %s::bigint[])", (server, skip))
    rows = named_rows(cursor, Claim)
    if not rows:
        return None
    claim = rows[0]
    pdf = None if claim.pdf is None else bytes(claim.pdf)  # psycopg2 reads bytea as a memoryview
    return Claim(**{**claim.__dict__, "pdf": pdf})


def finish(cursor: Cursor, claim: Claim, outcome: str, code: int | None, answer: str) -> bool:
    """Record an attempt's outcome; sent marks the requisition sent, deferred requeues, failed and unknown stop
    retries. Return False where the requisition was cancelled (or changed) while its e-mail was being sent."""
    cursor.execute("SELECT camreq.finish_outbox_attempt(%s, %s, %s, %s)", (claim.attempt_id, outcome, code, answer))
    return fetch_value(cursor)


@dataclass(frozen=True)
class OwnerWithoutEmail:
    """An issued requisition waiting to be sent whose owner has no e-mail."""

    number: str
    owner_name: str


def without_email(cursor: Cursor) -> list[OwnerWithoutEmail]:
    """Return the issued requisitions waiting to be sent whose owner has no e-mail."""
    cursor.execute(
        """SELECT r.number, w.name AS owner_name FROM camreq.my_requisition_outbox() o
           JOIN camreq.my_requisitions() r ON r.id = o.requisition_id JOIN camreq.owners w ON w.id = r.owner_id
           WHERE o.status = 'pending' AND r.status = 'issued' AND o.to_address IS NULL ORDER BY r.number"""
    )
    return named_rows(cursor, OwnerWithoutEmail)


STUCK_AFTER = "15 minutes"  # far longer than one attempt (a few SMTP commands, each within the 30 s timeout)


def interrupted(cursor: Cursor) -> list[str]:
    """Return the numbers of messages left 'sending' by a run that stopped before recording the server's answer.

    Those whose attempt started over STUCK_AFTER ago belong to no live run: their outcome becomes unknown, which Send
    again can queue once someone has checked with the owner.
    """
    cursor.execute("SELECT * FROM camreq.interrupted_messages(%s::interval)", (STUCK_AFTER,))
    return [row[0] for row in cursor.fetchall()]


def pending_count(cursor: Cursor) -> int:
    """Return how many messages of issued requisitions still wait to be sent."""
    cursor.execute(
        """SELECT count(*) FROM camreq.my_requisition_outbox() o
           JOIN camreq.my_requisitions() r ON r.id = o.requisition_id
           WHERE o.status = 'pending' AND r.status = 'issued'"""
    )
    return fetch_value(cursor)


def requeue_failed(cursor: Cursor, requisition_id: int) -> bool:
    """Queue a requisition's refused (failed) or unknown-outcome message again; return whether there was one."""
    cursor.execute("SELECT camreq.requeue_message(%s)", (requisition_id,))
    return fetch_value(cursor)


def serve_otherwise(cursor: Cursor, requisition_id: int, number: str) -> None:
    """Withdraw an issued requisition's e-mail from the outbox: it was served another way and is never sent."""
    cursor.execute("SELECT camreq.serve_otherwise(%s)", (requisition_id,))
    if fetch_value(cursor) == "sending":
        raise CamreqError(
            f"STATUS: the e-mail of requisition {number} is being sent right now; wait for the send report."
        )
