"""SQL of signed requisitions: the database's signing policy, and the hashes recorded for a number."""

from __future__ import annotations

import psycopg2.extensions

from .connection import fetch_value

Cursor = psycopg2.extensions.cursor


def signing_policy(cursor: Cursor) -> str:
    """Return camreq.settings.signing_policy: 'optional' or 'required'."""
    cursor.execute("SELECT signing_policy FROM camreq.settings")
    return fetch_value(cursor)


def issued_hashes(cursor: Cursor, number: str) -> list[str]:
    """Return the SHA-256 of the issued documents of the requisitions numbered number that this login may see."""
    cursor.execute(
        """SELECT d.sha256 FROM camreq.my_requisition_documents() d JOIN camreq.my_requisitions() r
           ON r.id = d.requisition_id WHERE r.number = %s AND d.issued ORDER BY d.id""",
        (number,),
    )
    return [row[0] for row in cursor.fetchall()]
