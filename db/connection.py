"""Open database connections from a CONNECTION value: the only module that calls psycopg2.connect."""

from __future__ import annotations

import select
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg2
import psycopg2.extensions
from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry

from ..errors import CamreqError

CONNECT_TIMEOUT_S = 10
SECRET_KEYWORDS = {"password", "sslpassword"}
_REUSED = threading.local()  # per thread: {CONNECTION value: open connection}
_KEPT: list[psycopg2.extensions.connection] = []  # every connection kept for reuse, by any thread
_KEPT_LOCK = threading.Lock()


def connect(connection: str) -> psycopg2.extensions.connection:
    """Return an open psycopg2 connection for a QGIS connection name or a libpq connection string."""
    params = connection_parameters(connection)
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    params.setdefault("application_name", "camreq")
    try:
        conn = psycopg2.connect(psycopg2.extensions.make_dsn(**params))
    except psycopg2.OperationalError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
        raise CamreqError(f"Cannot connect to the database {describe(connection)}: {reason}") from None
    # Whatever the database's default: numbering and the outbox rely on row locks, which READ COMMITTED waits for,
    # where SERIALIZABLE or REPEATABLE READ would fail concurrent issues with serialization errors.
    conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_READ_COMMITTED)
    return conn


def fetch_value(cursor: psycopg2.extensions.cursor) -> Any:
    """Return the first column of the next row of a query that always returns one row."""
    row = cursor.fetchone()
    if row is None:
        raise CamreqError("The database returned no row where a query always returns one.")
    return row[0]


@contextmanager
def transaction(connection: str) -> Iterator[psycopg2.extensions.connection]:
    """Yield a new connection whose work is committed at the end, or rolled back entirely on any exception."""
    conn = connect(connection)
    try:
        yield conn
        conn.commit()
    except BaseException:
        if not conn.closed:  # a lost connection has nothing to roll back: keep the error that told of it
            conn.rollback()
        raise
    finally:
        conn.close()


@contextmanager
def kept_transaction(connection: str) -> Iterator[psycopg2.extensions.connection]:
    """Yield a connection kept by this thread for reuse (searches are frequent), in one transaction."""
    kept = _REUSED.__dict__.setdefault("connections", {})
    conn = kept.get(connection)
    if conn is None or not still_open(conn):
        if conn is not None:
            _forget(conn)
        conn = kept[connection] = connect(connection)
        with _KEPT_LOCK:
            _KEPT.append(conn)
    with conn:
        yield conn


def close_kept_connections() -> None:
    """Close every connection kept for reuse, in every thread (the plugin's unload() calls it)."""
    with _KEPT_LOCK:
        kept, _KEPT[:] = list(_KEPT), []
    for conn in kept:
        conn.close()


def _forget(conn: psycopg2.extensions.connection) -> None:
    """Close a kept connection and stop keeping it."""
    with _KEPT_LOCK:
        if conn in _KEPT:
            _KEPT.remove(conn)
    conn.close()


def still_open(conn: psycopg2.extensions.connection) -> bool:
    """Return whether an idle connection is still usable, without a round trip to the server.

    The server sends nothing to an idle client unless it ends the session (restart, idle timeout, terminated
    backend): anything to read then means the connection is gone.
    """
    if conn.closed or conn.info.transaction_status != psycopg2.extensions.TRANSACTION_STATUS_IDLE:
        return False
    readable, _, _ = select.select([conn], [], [], 0)
    return not readable


def connection_parameters(connection: str) -> dict[str, str]:
    """Return the libpq keywords for a CONNECTION value, credentials resolved, without validating them."""
    if not connection or not connection.strip():
        raise CamreqError("CONNECTION is empty: give a QGIS PostgreSQL connection name or a connection string.")
    saved = _saved_connection_uri(connection)
    if saved is not None:
        return _uri_parameters(saved)
    try:
        return {key: value for key, value in psycopg2.extensions.parse_dsn(connection).items() if value}
    except psycopg2.ProgrammingError:
        raise CamreqError(
            f"CONNECTION {_quoted_name(connection)} is neither a QGIS PostgreSQL connection nor a connection "
            "string such as 'service=camreq' or 'host=localhost dbname=camreq'."
        ) from None


def layer_uri(connection: str, table: str, geometry_column: str | None = "geom", key: str = "id") -> QgsDataSourceUri:
    """Return the QGIS data source of a camreq table: authcfg kept unresolved, any password left out.

    Layers are saved in project files with their data source, so a password (or sslpassword) written in a connection
    string never reaches the layer: QGIS then takes credentials from the authcfg, pg_service.conf, .pgpass or asks.
    """
    saved = _saved_connection_uri(connection)
    uri = saved if saved is not None else QgsDataSourceUri(connection)
    uri.setPassword("")
    for keyword in SECRET_KEYWORDS:  # QgsDataSourceUri keeps sslpassword (a key's passphrase) as a parameter
        uri.removeParam(keyword)
    uri.setDataSource("camreq", table, geometry_column, "", key)
    return uri


def describe(connection: str) -> str:
    """Return a printable name for a CONNECTION value, without any password."""
    if _saved_connection_uri(connection) is not None:
        return f"'{connection}'"
    try:
        parts = psycopg2.extensions.parse_dsn(connection)
    except psycopg2.ProgrammingError:
        return "(unreadable connection string)"
    return "'{dsn}'".format(dsn=" ".join(f"{k}={v}" for k, v in parts.items() if k not in SECRET_KEYWORDS))


def _quoted_name(connection: str) -> str:
    """Return a CONNECTION value quoted for a message when it looks like a name, a placeholder otherwise."""
    if "=" in connection or "@" in connection or "://" in connection:
        return "(the connection string given)"
    return f"'{connection}'"


def _saved_connection_uri(name: str) -> QgsDataSourceUri | None:
    """Return the data source of the QGIS PostgreSQL connection called name, or None."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None or name not in metadata.connections():
        return None
    return QgsDataSourceUri(metadata.findConnection(name).uri())


def _uri_parameters(uri: QgsDataSourceUri) -> dict[str, str]:
    """Return libpq keywords for a QGIS data source, reading credentials from its authcfg."""
    user, password = uri.username(), uri.password()
    if uri.authConfigId():
        user, password = _auth_credentials(uri.authConfigId())
    params = {
        "service": uri.service(),
        "host": uri.host(),
        "port": uri.port(),
        "dbname": uri.database(),
        "user": user,
        "password": password,
    }
    if uri.sslMode() != QgsDataSourceUri.SslMode.SslPrefer:
        params["sslmode"] = QgsDataSourceUri.encodeSslMode(uri.sslMode())
    return {key: value for key, value in params.items() if value}


def _auth_credentials(authcfg: str) -> tuple[str, str]:
    """Return the user and password stored under authcfg in the QGIS authentication database."""
    ok, items = QgsApplication.authManager().updateDataSourceUriItems([], authcfg, "postgres")
    if not ok:
        raise CamreqError(
            f"The QGIS authentication configuration '{authcfg}' cannot be read: check that it exists "
            "and that the master password is set."
        )
    resolved = QgsDataSourceUri(" ".join(items))
    return resolved.username(), resolved.password()
