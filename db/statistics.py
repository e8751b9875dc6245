"""SQL of the statistics and registry checks: aggregate functions only, small counts already hidden (NULL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import psycopg2.extensions

from .rows import named_rows

Cursor = psycopg2.extensions.cursor
Row = TypeVar("Row")


@dataclass(frozen=True)
class MonthRow:
    """Searches and requisitions of one month (and unit, for administrators), with the year before."""

    unit: str | None
    month: date
    searches: int
    searches_year_before: int
    requisitions: int | None
    requisitions_year_before: int | None


@dataclass(frozen=True)
class OwnerRow:
    """Requisitions received by one owner, its answer times and outcomes."""

    owner_id: int
    owner_name: str
    requisitions: int | None
    answered: int | None
    median_answer_hours: float | None
    p90_answer_hours: float | None
    footage_delivered: int | None
    no_footage: int | None
    refused: int | None
    no_answer_before_purge: int | None


@dataclass(frozen=True)
class OutcomeRow:
    """How many requisitions ended one way (no footage: per reason too)."""

    unit: str | None
    outcome: str
    reason: str | None
    requisitions: int | None


@dataclass(frozen=True)
class ClockRow:
    """The product's clock: from the incident to the requisition sent, and the footage lost to the purge."""

    unit: str | None
    requisitions: int | None
    sent: int | None
    median_hours_to_sent: float | None
    p90_hours_to_sent: float | None
    sent_before_purge: int | None
    lost_to_the_clock: int | None


@dataclass(frozen=True)
class FindingRow:
    """One problem of the registry, on one camera or one owner; geometry as WKB in EPSG:4326."""

    problem: str
    camera_id: int | None
    owner_id: int | None
    camera_ref: str | None
    owner_name: str
    detail: str | None
    wkb: bytes | None


def _rows(cursor: Cursor, row_type: type[Row], statement: str, params: tuple) -> list[Row]:
    """Return the statement's rows as row_type, column by column name."""
    cursor.execute(statement, params)
    return named_rows(cursor, row_type)


def monthly(cursor: Cursor, start: date, end: date, unit: str | None) -> list[MonthRow]:
    """Return searches and requisitions per month between start and end."""
    return _rows(cursor, MonthRow, "SELECT * FROM camreq.monthly_statistics(%s, %s, %s)", (start, end, unit))


def owners(cursor: Cursor, start: date, end: date, unit: str | None) -> list[OwnerRow]:
    """Return the figures of every owner of the directory."""
    return _rows(cursor, OwnerRow, "SELECT * FROM camreq.owner_statistics(%s, %s, %s)", (start, end, unit))


def outcomes(cursor: Cursor, start: date, end: date, unit: str | None) -> list[OutcomeRow]:
    """Return the outcomes of the period's requisitions."""
    return _rows(cursor, OutcomeRow, "SELECT * FROM camreq.outcome_statistics(%s, %s, %s)", (start, end, unit))


def clock(cursor: Cursor, start: date, end: date, unit: str | None) -> list[ClockRow]:
    """Return the time from incident to requisition sent, and the requisitions lost to the purge."""
    return _rows(cursor, ClockRow, "SELECT * FROM camreq.clock_statistics(%s, %s, %s)", (start, end, unit))


def findings(cursor: Cursor, territory_wkb: bytes | None) -> list[FindingRow]:
    """Return the registry's problems, cameras outside the territory (WKB, EPSG:4326) among them when given."""
    return _rows(
        cursor,
        FindingRow,
        "SELECT problem, camera_id, owner_id, camera_ref, owner_name, detail, "
        "ST_AsBinary(ST_Transform(geom, 4326)) AS wkb "
        "FROM camreq.registry_findings(ST_GeomFromWKB(%s, 4326)) ORDER BY problem, owner_name, camera_id",
        (psycopg2.Binary(territory_wkb) if territory_wkb is not None else None,),
    )
