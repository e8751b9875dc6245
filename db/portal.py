"""SQL of the owner portal, investigator side: the personal link made at issue, portal facts and deposits.

The portal's tables are never read directly: the camreq.requisition_* functions filter by the caller's unit first.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from .connection import fetch_value
from .requisitions import Cursor
from .rows import named_rows


@dataclass(frozen=True)
class PortalLink:
    """When the owner first opened the personal link, acknowledged and confirmed (None: not yet)."""

    requisition_id: int
    first_opened_at: datetime | None
    acknowledged_at: datetime | None
    confirmed_at: datetime | None
    expires_at: datetime


@dataclass(frozen=True)
class Deposit:
    """A file the owner deposited through the portal, with the SHA-256 recorded at upload."""

    deposit_id: int
    upload_id: str  # its name in the portal's storage, with which the portal hands it over
    camera_ref: str | None
    file_name: str
    size: int
    sha256: str
    finished_at: datetime
    scan_result: str
    deleted_at: datetime | None


def new_token() -> str:
    """Return a fresh 256-bit random token, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def add_link(cursor: Cursor, requisition_id: int) -> str | None:
    """Give a requisition issued in this transaction its personal link; return it (None: no portal configured)."""
    cursor.execute("SELECT camreq.add_portal_link(%s, %s)", (requisition_id, new_token()))
    return fetch_value(cursor)


def links(cursor: Cursor, requisition_ids: list[int]) -> dict[int, PortalLink]:
    """Return the portal facts of those of the requisitions the caller may follow, by requisition id."""
    cursor.execute("SELECT * FROM camreq.requisition_portal_links(%s)", (requisition_ids,))
    return {link.requisition_id: link for link in named_rows(cursor, PortalLink)}


def deposits(cursor: Cursor, requisition_id: int) -> list[Deposit]:
    """Return the finished deposits of a requisition of the caller's unit, in the order they were made."""
    cursor.execute("SELECT * FROM camreq.requisition_deposits(%s)", (requisition_id,))
    return named_rows(cursor, Deposit)


def public_url(cursor: Cursor) -> str | None:
    """Return the owner portal's public address (None: no portal configured)."""
    cursor.execute("SELECT portal_public_url FROM camreq.settings")
    return fetch_value(cursor)


def fetch_token(cursor: Cursor, requisition_id: int) -> str:
    """Return a 15-minute token with which the portal hands over the requisition's deposits (caller's unit only)."""
    token = new_token()
    cursor.execute("SELECT camreq.portal_fetch_token(%s, %s)", (requisition_id, token))
    return token
