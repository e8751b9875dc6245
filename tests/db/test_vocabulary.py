"""SQL and Python hold the same closed lists: each vocabulary enum equals its table rows or CHECK constraint."""

import re

import pytest
from camreq.core.vocabulary import (
    MAX_DISTANCE_M,
    RETENTION_DAYS,
    URGENCY,
    CameraStatus,
    CameraType,
    Investigation,
    NoFootageReason,
    OwnerKind,
    RecordingMode,
    RequisitionStatus,
    SigningPolicy,
    legal_table,
)


def check_of(sql, db: str, table: str, column: str) -> str:
    """Return the definition of the one CHECK constraint of camreq.table that reads column."""
    rows = sql(
        db,
        """SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
           WHERE c.contype = 'c' AND c.conrelid = %s::regclass AND a.attname = %s""",
        (f"camreq.{table}", column),
    )
    assert len(rows) == 1, f"expected one CHECK on camreq.{table}.{column}, found {rows}"
    return rows[0][0]


def allowed_values(sql, db: str, table: str, column: str) -> list[str]:
    """Return the values a `column IN (...)` CHECK of camreq.table allows, in the order written."""
    definition = check_of(sql, db, table, column)
    return re.findall(r"'([^']*)'::text", definition)


@pytest.mark.parametrize(
    ("vocabulary", "table", "column"),
    [
        (OwnerKind, "owners", "kind"),
        (CameraStatus, "cameras", "status"),
        (RecordingMode, "cameras", "recording_mode"),
        (Investigation, "requisitions", "investigation"),
        (SigningPolicy, "settings", "signing_policy"),
    ],
)
def test_each_enum_allows_what_its_check_constraint_allows(db, sql, vocabulary, table, column):
    """A member added to the enum or to the CHECK only makes this fail."""
    assert sorted(allowed_values(sql, db, table, column)) == sorted(vocabulary.values())


def test_camera_types_are_the_rows_of_camera_types_with_the_same_label(db, sql):
    rows = sql(db, "SELECT camera_type, label FROM camreq.camera_types")
    assert sorted(rows) == sorted((kind.value, kind.source_label) for kind in CameraType)


def test_requisition_statuses_are_the_rows_in_order_with_the_same_open_flag(db, sql):
    rows = sql(db, "SELECT status, is_open FROM camreq.requisition_statuses ORDER BY sort_order")
    assert rows == [(status.value, status.is_open) for status in RequisitionStatus]


def test_no_footage_reasons_are_the_rows_in_order(db, sql):
    rows = sql(db, "SELECT reason FROM camreq.no_footage_reasons ORDER BY sort_order")
    assert [reason for (reason,) in rows] == NoFootageReason.values()


def test_investigation_types_are_the_legal_toml_types():
    assert sorted(legal_table()["investigation"]) == sorted(Investigation.values())


def test_search_distance_limit_is_the_database_one(db, sql):
    definition = check_of(sql, db, "searches", "distance_m")
    assert re.search(r"distance_m <= \(?(\d+)", definition).group(1) == f"{MAX_DISTANCE_M:g}"


def test_retention_days_are_the_database_range(db, sql):
    definition = check_of(sql, db, "cameras", "retention_days")
    bounds = re.search(r"retention_days >= (\d+)\) AND \(retention_days <= (\d+)", definition).groups()
    assert (int(bounds[0]), int(bounds[1])) == (RETENTION_DAYS[0], RETENTION_DAYS[-1])


def test_due_soon_view_uses_the_urgency_of_the_panel(db, sql):
    definition = sql(db, "SELECT pg_get_viewdef('camreq.requisitions_due_soon'::regclass)")[0][0]
    hours = re.search(r"'(\d+):00:00'::interval", definition).group(1)
    assert int(hours) * 3600 == URGENCY.total_seconds()
