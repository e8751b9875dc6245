"""The portal's calls to the database: the camreq.portal_* functions, each taking the owner's (or a fetch) token.

The portal's login is a member of camreq_portal, which has no table privilege: these calls are all it can make.
Blocking psycopg2 calls; the routes run them in a worker thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg2
import psycopg2.errors
import psycopg2.extensions
from psycopg2.pool import ThreadedConnectionPool
from psycopg2.sql import SQL, Identifier, Placeholder


class RefusalError(Exception):
    """The portal or the database refused an owner's action; code names which refusal (limit, camera, raison...)."""

    def __init__(self, code: str) -> None:
        """Keep the code."""
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class FetchedDeposit:
    """A deposit a fetch token opens."""

    upload_id: str
    file_name: str
    size: int
    sha256: str


class Database:
    """A small pool of connections to the CamReq database as the portal's login."""

    def __init__(self, dsn: str, size: int = 8) -> None:
        """Open the pool (the password comes from PGPASSWORD, .pgpass or a libpq service, never the command line)."""
        self.pool = ThreadedConnectionPool(1, size, dsn, application_name="camreq-portal")

    def close(self) -> None:
        """Close every connection."""
        self.pool.closeall()

    @contextmanager
    def cursor(self) -> Iterator[psycopg2.extensions.cursor]:
        """Yield a cursor in one transaction, committed at the end, rolled back on any exception."""
        conn = self._live_connection()
        try:
            with conn, conn.cursor() as cursor:
                yield cursor
        finally:
            self.pool.putconn(conn, close=bool(conn.closed))

    def _live_connection(self) -> psycopg2.extensions.connection:
        """Return a pooled connection that answers; those the server dropped (a restart) are replaced.

        Raises psycopg2.OperationalError where the server cannot be reached.
        """
        for _pooled in range(self.pool.maxconn):
            conn = self.pool.getconn()
            try:
                with conn.cursor() as cursor:
                    cursor.execute("SELECT 1")  # opens the transaction the caller's statements join
                return conn
            except (psycopg2.OperationalError, psycopg2.InterfaceError):
                self.pool.putconn(conn, close=True)
        return self.pool.getconn()  # a new connection, or the server's refusal

    def call(self, function: str, *args: Any) -> Any:
        """Return the single value of SELECT camreq.<function>(args); refusals become RefusalError."""
        statement = SQL("SELECT camreq.{}({})").format(
            Identifier(function), SQL(", ").join([Placeholder()] * len(args))
        )
        with self.cursor() as cursor:
            try:
                cursor.execute(statement, args)
            except psycopg2.errors.ProgramLimitExceeded:
                raise RefusalError("limit") from None
            except psycopg2.errors.CheckViolation:
                raise RefusalError("unanswered") from None
            except (psycopg2.errors.NoDataFound, psycopg2.errors.InvalidParameterValue):
                raise RefusalError("unknown") from None
            row = cursor.fetchone()
            return row[0] if row else None

    def requisition(self, token: str) -> dict | None:
        """Return the requisition a live token opens (recording the first opening), None otherwise."""
        return self.call("portal_requisition", token)

    def document(self, token: str) -> tuple[str, bytes] | None:
        """Return (file name, PDF) of the token's issued requisition, None otherwise."""
        with self.cursor() as cursor:
            cursor.execute("SELECT file_name, pdf FROM camreq.portal_document(%s)", (token,))
            row = cursor.fetchone()
        return (row[0], bytes(row[1])) if row else None

    def acknowledge(self, token: str) -> bool:
        """Acknowledge receipt; False for a wrong or dead token."""
        return bool(self.call("portal_acknowledge", token))

    def answer(self, token: str, camera: int, answer: str, reason: str) -> None:
        """Record no_footage (reason: a NoFootageReason value) or refused (reason: the owner's words)."""
        self.call("portal_answer", token, camera, answer, reason)

    def start_deposit(self, token: str, camera: int, upload_id: str, file_name: str, size: int) -> None:
        """Record a new deposit of size bytes under upload_id (RefusalError "limit" beyond the requisition's)."""
        self.call("portal_start_deposit", token, camera, upload_id, file_name, size)

    def upload_size(self, token: str, upload_id: str) -> int | None:
        """Return the announced size of an unfinished upload of the token's requisition, None otherwise."""
        return self.call("portal_upload", token, upload_id)

    def finish_deposit(self, token: str, upload_id: str, sha256: str, scan_result: str, detail: str) -> None:
        """Record a complete upload's SHA-256 and scan result."""
        self.call("portal_finish_deposit", token, upload_id, sha256, scan_result, detail)

    def confirm(self, token: str, receipt: bytes) -> str | None:
        """Confirm the answer complete, keep the receipt PDF and queue it to the owner and a notice to the officer;
        return the requisition's new status (None: wrong or dead token)."""
        return self.call("portal_confirm", token, psycopg2.Binary(receipt))

    def fetchable(self, fetch_token: str) -> list[FetchedDeposit]:
        """Return the deposits a live fetch token opens."""
        with self.cursor() as cursor:
            cursor.execute("SELECT * FROM camreq.portal_fetch_deposits(%s)", (fetch_token,))
            return [FetchedDeposit(*row) for row in cursor.fetchall()]

    def expired_deposits(self) -> list[str]:
        """Return the upload ids whose retention after the requisition closed is over."""
        with self.cursor() as cursor:
            cursor.execute("SELECT camreq.portal_expired_deposits()")
            return [upload_id for (upload_id,) in cursor.fetchall()]

    def record_deletion(self, upload_id: str) -> None:
        """Record that an expired deposit's file was deleted."""
        self.call("portal_record_deletion", upload_id)
