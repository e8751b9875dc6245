"""Rows read by column name: each query's columns are named as the fields of the dataclass it fills."""

from __future__ import annotations

from typing import Any, TypeVar

import psycopg2.extensions

T = TypeVar("T")


def named_rows(cursor: psycopg2.extensions.cursor, row_type: type[T]) -> list[T]:
    """Return the rows left in cursor as row_type, each field filled from the column of its name."""
    names = column_names(cursor)
    return [row_type(**dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def column_names(cursor: psycopg2.extensions.cursor) -> list[str]:
    """Return the names of the columns of the cursor's last query (none when it returns no rows)."""
    return [column.name for column in cursor.description or ()]


def as_dict(names: list[str], row: tuple[Any, ...]) -> dict[str, Any]:
    """Return one row as {column name: value}."""
    return dict(zip(names, row, strict=True))
