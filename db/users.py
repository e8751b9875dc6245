"""The users of a CamReq database: which group role and which unit each login has."""

from __future__ import annotations

import psycopg2
import psycopg2.errors
import psycopg2.extensions
from psycopg2 import sql

from ..errors import CamreqError

# CamReq role (as users name it) -> PostgreSQL group role, shared by every CamReq database of the cluster.
GROUP_ROLES = {
    "administrator": "camreq_admin",
    "analyst": "camreq_analyst",
    "investigator": "camreq_investigator",
}
MAX_NAME_BYTES = 63  # PostgreSQL truncates longer identifiers


def grant_user(conn: psycopg2.extensions.connection, login: str, role: str, unit: str | None) -> None:
    """Give an existing login exactly one CamReq role and its unit in this database, in the caller's transaction."""
    if role not in GROUP_ROLES:
        raise CamreqError(f"ROLE: '{role}' is not one of {', '.join(GROUP_ROLES)}.")
    if role == "investigator" and not unit:
        raise CamreqError("UNIT: an investigator needs a unit (the service whose requisitions they follow).")
    if len(login.encode("utf-8")) > MAX_NAME_BYTES:
        raise CamreqError(f"LOGIN: longer than PostgreSQL's {MAX_NAME_BYTES} bytes, so no login has this name.")
    try:
        with conn.cursor() as cursor:
            _check_login(cursor, login)
            for other in _camreq_roles_of(cursor, login) - {GROUP_ROLES[role]}:
                cursor.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), sql.Identifier(login)))
            cursor.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUP_ROLES[role]), sql.Identifier(login))
            )
            cursor.execute(
                "INSERT INTO camreq.users (login, role, unit) VALUES (%s, %s, %s) "
                "ON CONFLICT (login) DO UPDATE SET role = excluded.role, unit = excluded.unit, "
                "granted_by = session_user, granted_at = now()",
                (login, role, unit or None),
            )
    except psycopg2.errors.InsufficientPrivilege as error:
        raise CamreqError(
            f"Only a CamReq administrator can give roles, and only a superuser or a login with CREATEROLE "
            f"can name administrators: {error.diag.message_primary}"
        ) from None
    except psycopg2.errors.CheckViolation as error:
        raise CamreqError(f"UNIT: {error.diag.constraint_name}.") from None


def _check_login(cursor: psycopg2.extensions.cursor, login: str) -> None:
    """Raise unless login names an existing role that can log in."""
    cursor.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname::text = %s", (login,))
    row = cursor.fetchone()
    if row is None:
        raise CamreqError(
            f"LOGIN: '{login}' is not a login of this PostgreSQL server; create it first "
            "(CREATE ROLE … LOGIN) and run again."
        )
    if not row[0]:
        raise CamreqError(f"LOGIN: '{login}' is a group role that cannot log in; give the role to a login.")


def _camreq_roles_of(cursor: psycopg2.extensions.cursor, login: str) -> set[str]:
    """Return the CamReq group roles the login is directly a member of."""
    cursor.execute(
        "SELECT granted.rolname FROM pg_auth_members m "
        "JOIN pg_roles granted ON granted.oid = m.roleid JOIN pg_roles member ON member.oid = m.member "
        "WHERE member.rolname::text = %s AND granted.rolname = ANY(%s)",
        (login, list(GROUP_ROLES.values())),
    )
    return {row[0] for row in cursor.fetchall()}
