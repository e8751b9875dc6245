"""Checks every free-text parameter goes through before it reaches the database or a document."""

from __future__ import annotations

import psycopg2
import psycopg2.extensions

from ..db.connection import SECRET_KEYWORDS
from ..errors import CamreqError
from .translation import tr

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet run a cell's text


def spreadsheet_safe(values: list) -> list:
    """Return values with text a spreadsheet would run as a formula (=HYPERLINK(…), =cmd|…) after an apostrophe."""
    return [f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value for value in values]


def refuse_nul(field: str, text: str) -> str:
    """Return text, or raise naming the field where it holds a NUL byte, which PostgreSQL text cannot store."""
    if "\x00" in text:
        raise CamreqError(tr("contains a NUL character (\\x00), which cannot be stored; remove it."), field)
    return text


def checked_text(field: str, value: str | None, max_length: int, required: bool = True) -> str:
    """Return value stripped of surrounding spaces, or raise naming the field where it cannot be stored."""
    text = (value or "").strip()
    if required and not text:
        raise CamreqError(tr("a value is needed."), field)
    refuse_nul(field, text)
    if len(text) > max_length:
        raise CamreqError(
            tr("{length} characters, at most {maximum} are accepted.").format(length=len(text), maximum=max_length),
            field,
        )
    return text


def refuse_secret(field: str, connection: str) -> str:
    """Return a CONNECTION value, or raise naming the field where it holds a password (which settings would save and
    qgis_process would print in clear)."""
    try:
        keywords = psycopg2.extensions.parse_dsn(connection)
    except psycopg2.ProgrammingError:
        return connection  # a connection's name, or text that opening the connection refuses by itself
    if SECRET_KEYWORDS & {keyword for keyword, value in keywords.items() if value}:
        raise CamreqError(
            tr(
                "holds a password, which would be saved or printed in clear; keep it in the QGIS authentication "
                "database (a saved connection's Authentication tab), a pg_service.conf service or a .pgpass file, "
                "and give the connection's name or service=…"
            ),
            field,
        )
    return connection
