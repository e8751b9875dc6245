"""Install and upgrade the camreq schema from the numbered SQL scripts in db/sql."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import psycopg2.errors
import psycopg2.extensions

from ..errors import CamreqError
from .connection import fetch_value

SQL_DIR = Path(__file__).parent / "sql"
DEFAULT_SRID = 2154
_LOCK_KEY = 4242_0001  # advisory lock: one installer at a time


@dataclass(frozen=True)
class Migration:
    """One numbered SQL script."""

    version: int
    path: Path

    @property
    def name(self) -> str:
        """Return the script's file name."""
        return self.path.name


def migrations() -> list[Migration]:
    """Return the plugin's migrations, oldest first."""
    found = []
    for path in SQL_DIR.glob("*.sql"):
        match = re.fullmatch(r"(\d{3})_[a-z0-9_]+\.sql", path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    return sorted(found, key=lambda migration: migration.version)


def latest_version() -> int:
    """Return the schema version this plugin installs."""
    return migrations()[-1].version


def installed_version(conn: psycopg2.extensions.connection) -> int:
    """Return the database's schema version, 0 where camreq is not installed."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT to_regclass('camreq.schema_version') IS NOT NULL")
        if not fetch_value(cursor):
            return 0
        cursor.execute("SELECT coalesce(max(version), 0) FROM camreq.schema_version")
        return fetch_value(cursor)


def storage_srid(conn: psycopg2.extensions.connection) -> int:
    """Return the SRID the database stores geometries in, chosen at install."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT srid FROM camreq.settings")
        return fetch_value(cursor)


def install_or_upgrade(
    conn: psycopg2.extensions.connection, srid: int = DEFAULT_SRID, report: Callable[[str], None] = print
) -> list[Migration]:
    """Apply every migration the database lacks and return them; srid applies to a fresh install only."""
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", (_LOCK_KEY,))
    try:
        current = installed_version(conn)
        if current > latest_version():
            raise CamreqError(
                f"The database schema is version {current}, newer than this CamReq plugin "
                f"(version {latest_version()}): upgrade the plugin."
            )
        pending = [migration for migration in migrations() if migration.version > current]
        if pending:
            _check_extensions_available(conn)
        for migration in pending:
            report(f"Applying {migration.name}")
            apply(conn, migration, srid)
        return pending
    finally:
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", (_LOCK_KEY,))


def apply(conn: psycopg2.extensions.connection, migration: Migration, srid: int = DEFAULT_SRID) -> None:
    """Run one migration script, which is its own transaction, on an autocommit connection."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT set_config('camreq.srid', %s, false)", (str(srid),))
        try:
            cursor.execute(migration.path.read_text(encoding="utf-8"))
        except psycopg2.errors.InsufficientPrivilege as error:
            cursor.execute("ROLLBACK")
            raise CamreqError(
                f"{migration.name} needs more privileges than the connected user has: {error.diag.message_primary}. "
                "Install the database as its owner or a superuser."
            ) from None
        except psycopg2.Error as error:
            cursor.execute("ROLLBACK")
            raise CamreqError(
                f"{migration.name} failed, nothing of it was kept: {error.diag.message_primary or str(error).strip()}"
            ) from None
    if installed_version(conn) != migration.version:
        raise CamreqError(f"{migration.name} did not record schema version {migration.version}.")


REQUIRED_EXTENSIONS = {  # extension: the Debian package that ships it
    "postgis": "postgresql-15-postgis-3",
    "unaccent": "postgresql-15 (contrib)",
    "pg_trgm": "postgresql-15 (contrib)",
}


def _check_extensions_available(conn: psycopg2.extensions.connection) -> None:
    """Raise where the server lacks an extension the migrations create (PostGIS, unaccent, pg_trgm)."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_available_extensions WHERE name = ANY(%s)", (list(REQUIRED_EXTENSIONS),))
        available = {row[0] for row in cursor.fetchall()}
    missing = [name for name in REQUIRED_EXTENSIONS if name not in available]
    if missing:
        packages = ", ".join(sorted({REQUIRED_EXTENSIONS[name] for name in missing}))
        raise CamreqError(
            f"The PostgreSQL server lacks the extension(s) {', '.join(missing)}: install them on the server "
            f"(Debian: {packages}) and run the installation again."
        )
