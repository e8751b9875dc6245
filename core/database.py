"""Set up a CamReq database: install or upgrade its schema, give logins their role and unit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..db import schema, users
from ..db.connection import transaction

GROUP_ROLES = users.GROUP_ROLES
MAX_NAME_BYTES = users.MAX_NAME_BYTES


@dataclass(frozen=True)
class Installation:
    """What an install or upgrade did: the schema version before and after, and the storage SRID."""

    before: int
    after: int
    srid: int


def install_database(connection: str, srid: int, report: Callable[[str], None]) -> Installation:
    """Apply every migration the database lacks (each its own transaction); srid applies to a fresh install."""
    with transaction(connection) as conn:
        applied = schema.install_or_upgrade(conn, srid, report)
        after = schema.installed_version(conn)
        before = applied[0].version - 1 if applied else after
        return Installation(before, after, schema.storage_srid(conn))


def grant_user(connection: str, login: str, role: str, unit: str | None) -> None:
    """Give an existing login exactly one CamReq role and its unit, in one transaction."""
    with transaction(connection) as conn:
        users.grant_user(conn, login, role, unit)
