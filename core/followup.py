"""Follow-up of requisitions for the dock: list a unit's requisitions, their history, and send one again."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback

from ..db import followup as db
from ..db import outbox as db_outbox
from ..db import requisitions as db_requisitions
from ..db.connection import transaction
from ..errors import CamreqError
from .mailer import SmtpServer
from .outbox import SendReport, send_outbox
from .vocabulary import URGENCY

FollowupRow = db.FollowupRow


def list_requisitions(
    connection: str, unit: str = "", status: str = "", case_number: str = "", ids: list[int] | None = None
) -> list[FollowupRow]:
    """Return the requisitions of unit (empty: every one the login may see), filtered, most urgent first."""
    with transaction(connection) as conn, conn.cursor() as cursor:
        return db.followup(cursor, URGENCY, unit.strip() or None, status or None, case_number.strip() or None, ids)


def status_history(connection: str, requisition_id: int) -> list[db.StatusChange]:
    """Return the status changes of a requisition, oldest first."""
    with transaction(connection) as conn, conn.cursor() as cursor:
        return db.history(cursor, requisition_id)


def resend(connection: str, reference: str, server: SmtpServer, feedback: QgsProcessingFeedback) -> SendReport:
    """Queue an issued requisition's refused e-mail again, then send the outbox (it holds that message)."""
    with transaction(connection) as conn, conn.cursor() as cursor, db_requisitions.user_errors():
        row = db_requisitions.find(cursor, reference)
        if row.status != "issued":
            raise CamreqError(
                f"Requisition {row.number or row.id} is {row.status}: only an issued requisition not yet "
                "accepted by the mail server can be sent again."
            )
        db_outbox.requeue_failed(cursor, row.id)
    return send_outbox(connection, server, feedback)
