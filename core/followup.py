"""Follow-up of requisitions for the dock: list a unit's requisitions, their history, and send one again."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

from qgis.core import QgsProcessingFeedback

from ..db import followup as db
from ..db import outbox as db_outbox
from ..db import portal as db_portal
from ..db import requisitions as db_requisitions
from ..db.connection import transaction
from ..errors import CamreqError
from .documents import write_private
from .mailer import SmtpServer
from .outbox import SendReport, send_outbox
from .translation import tr
from .vocabulary import URGENCY

FollowupRow = db.FollowupRow


def list_requisitions(
    connection: str, unit: str = "", status: str = "", case_number: str = "", ids: list[int] | None = None
) -> list[FollowupRow]:
    """Return the requisitions of unit (empty: every one the login may see), filtered, most urgent first."""
    with transaction(connection) as conn, conn.cursor() as cursor:
        rows = db.followup(cursor, URGENCY, unit.strip() or None, status or None, case_number.strip() or None, ids)
        links = db_portal.links(cursor, [row.id for row in rows])
    return [
        replace(row, link_opened_at=link.first_opened_at, link_unopened=link.first_opened_at is None)
        if (link := links.get(row.id)) else row
        for row in rows
    ]  # fmt: skip


def deposits(connection: str, requisition_id: int) -> list[db_portal.Deposit]:
    """Return the files the owner deposited on the portal for a requisition of the caller's unit."""
    with transaction(connection) as conn, conn.cursor() as cursor:
        return db_portal.deposits(cursor, requisition_id)


def status_history(connection: str, requisition_id: int) -> list[db.StatusChange]:
    """Return the status changes of a requisition, oldest first."""
    with transaction(connection) as conn, conn.cursor() as cursor:
        return db.history(cursor, requisition_id)


def open_document(connection: str, requisition_id: int) -> Path:
    """Write a requisition's stored PDF (the issued one, else the draft's) to a new owner-only temporary file."""
    with transaction(connection) as conn, conn.cursor() as cursor:
        stored = db_requisitions.document(cursor, requisition_id)
    if stored is None:
        raise CamreqError(tr("This requisition has no PDF in the database."))
    descriptor, name = tempfile.mkstemp(prefix="camreq-requisition-", suffix=".pdf")  # 0600, a name of our own
    os.close(descriptor)
    return write_private(Path(name), stored[1])


def resend(connection: str, reference: str, server: SmtpServer, feedback: QgsProcessingFeedback) -> SendReport:
    """Queue an issued requisition's refused e-mail again, then send the outbox (it holds that message)."""
    with transaction(connection) as conn, conn.cursor() as cursor, db_requisitions.user_errors():
        row = db_requisitions.find(cursor, reference)
        if row.status != "issued":
            raise CamreqError(
                tr(
                    "Requisition {number} is {status}: only an issued requisition not yet accepted by the mail server "
                    "can be sent again."
                ).format(number=row.number or row.id, status=row.status)
            )
        db_outbox.requeue_failed(cursor, row.id)
    return send_outbox(connection, server, feedback)
