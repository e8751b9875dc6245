"""Unit isolation of requisitions, enforced by the database: direct SQL and the algorithms run as investigators."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import psycopg2.errors
import pytest

NEW_REQUISITION = (
    "INSERT INTO camreq.requisitions (unit, officer_name, officer_rank, officer_email, officer_phone, case_number, "
    "investigation, owner_id, answer_deadline, delivery) SELECT %s, 'M', '', '', '', %s, 'flagrance', min(id), "
    "now() + interval '1 day', 'MP4' FROM camreq.owners RETURNING id"
)
ADD_CAMERA = (
    "INSERT INTO camreq.requisition_cameras (requisition_id, camera_id, window_start, window_end, purge_at) "
    "SELECT %s, min(id), now() - interval '1 hour', now(), now() + interval '1 day' FROM camreq.cameras"
)
UNIT_TABLES = ("requisitions", "requisition_cameras", "requisition_status_history", "requisition_outbox",
               "requisition_outbox_attempts", "requisitions_due_soon")  # fmt: skip


def issued_requisition(sql, login: str, case: str) -> int:
    """Make, as login, a requisition of its own unit with one camera, issue it, record an attempt; return its id."""
    [(requisition_id,)] = sql(login, NEW_REQUISITION, ("", case))
    sql(login, ADD_CAMERA, (requisition_id,))
    sql(login, "SELECT camreq.issue_requisition(%s)", (requisition_id,))
    sql(login, "INSERT INTO camreq.requisition_outbox_attempts (outbox_id, to_address, smtp_server) "
               "SELECT id, 'o@example.org', 'test' FROM camreq.requisition_outbox WHERE requisition_id = %s",
        (requisition_id,))  # fmt: skip
    return requisition_id


@pytest.fixture
def unit_b_requisition(scene, logins, sql) -> int:
    """Return the id of an issued requisition of unit B (the scene gives owners and cameras)."""
    return issued_requisition(sql, logins["investigator_b"], "case B")


@pytest.mark.parametrize("table", UNIT_TABLES)
def test_an_investigator_reads_nothing_of_another_units_requisitions(unit_b_requisition, logins, sql, table):
    assert sql(logins["investigator_b"], f"SELECT count(*) FROM camreq.{table}")[0][0] >= 1
    assert sql(logins["investigator"], f"SELECT count(*) FROM camreq.{table}") == [(0,)]
    assert sql(logins["administrator"], f"SELECT count(*) FROM camreq.{table}")[0][0] >= 1


@pytest.mark.parametrize("statement", [
    "UPDATE camreq.requisitions SET status = 'cancelled' WHERE id = %s",
    "UPDATE camreq.requisitions SET purge_deadline = now() WHERE id = %s",
    "UPDATE camreq.requisition_outbox SET status = 'failed' WHERE requisition_id = %s",
    "UPDATE camreq.requisition_outbox_attempts SET outcome = 'failed' WHERE outbox_id IN "
    "(SELECT id FROM camreq.requisition_outbox WHERE requisition_id = %s)",
])  # fmt: skip
def test_an_investigator_changes_no_row_of_another_unit(unit_b_requisition, logins, attempt, statement):
    assert attempt(logins["investigator"], statement, (unit_b_requisition,)) == 0
    assert attempt(logins["investigator_b"], statement, (unit_b_requisition,)) == 1


@pytest.mark.parametrize(("statement", "params", "message"), [
    (NEW_REQUISITION, ("Brigade B", "case A"), 'OFFICER_UNIT: you make requisitions for your unit "Brigade A" only'),
    (ADD_CAMERA, None, "row-level security"),
    ("SELECT camreq.issue_requisition(%s)", None, None),
    ("INSERT INTO camreq.requisition_outbox_attempts (outbox_id, to_address, smtp_server) "
     "SELECT id, 'x', 'x' FROM camreq.requisition_outbox", (), "row-level security"),
])  # fmt: skip
def test_an_investigator_cannot_write_for_another_unit(unit_b_requisition, logins, attempt, statement, params, message):
    params = (unit_b_requisition,) if params is None else params
    if message is None:  # B's requisition does not exist for A
        with pytest.raises(psycopg2.errors.NoDataFound, match="NUMBER: no requisition"):
            attempt(logins["investigator"], statement, params)
    elif params == ():  # B's outbox rows are invisible: nothing to attach to
        assert attempt(logins["investigator"], statement, params) == 0
    else:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match=message):
            attempt(logins["investigator"], statement, params)


def test_numbers_are_gapless_per_unit_and_counters_are_hidden(unit_b_requisition, logins, sql):
    first_a = issued_requisition(sql, logins["investigator"], "case A1")
    second_a = issued_requisition(sql, logins["investigator"], "case A2")
    year = datetime.now(UTC).year
    numbers = dict(sql(logins["administrator"], "SELECT id, number FROM camreq.requisitions"))
    assert [numbers[first_a], numbers[second_a], numbers[unit_b_requisition]] == [
        f"{year}-000001", f"{year}-000002", f"{year}-000001"]  # fmt: skip
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(logins["investigator"], "SELECT * FROM camreq.requisition_counters")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(logins["investigator"], "SELECT camreq.number_requisition()")


def test_history_rows_cannot_be_forged(unit_b_requisition, logins, sql):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="written by status changes only"):
        sql(logins["investigator_b"], "INSERT INTO camreq.requisition_status_history (requisition_id, from_status, "
                                      "to_status, note) VALUES (%s, 'sent', 'issued', 'forged')",
            (unit_b_requisition,))  # fmt: skip
    history = sql(logins["investigator_b"], "SELECT from_status, to_status FROM camreq.requisition_status_history")
    assert sorted(history, key=str) == sorted([(None, "draft"), ("draft", "issued")], key=str)


def test_analysts_see_no_requisition(unit_b_requisition, logins, sql):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(logins["analyst"], "SELECT * FROM camreq.requisitions")


def test_an_investigator_runs_search_create_send_and_due_as_themselves(
    scene, logins, unit_b_requisition, camreq_processing, incident_layer, smtp_server, tmp_path, sql, login_of
):
    investigator = logins["investigator"]
    start = datetime.now(UTC) - timedelta(days=6)
    found = camreq_processing.run("camreq:camerasnearincident", {
        "CONNECTION": investigator, "INCIDENTS": incident_layer([("POINT(913500 6458000)", {"name": "INC-A"})],
                                                               crs="EPSG:2154"),
        "ID_FIELD": "name", "DISTANCE": 200, "START": start.isoformat(),
        "END": (start + timedelta(hours=1)).isoformat(),
        "REASON": "vol, brigade A", "OUTPUT": "memory:",
    })  # fmt: skip
    assert found["OUTPUT"].featureCount() == 4
    made = camreq_processing.run("camreq:createrequisitions", {
        "CONNECTION": investigator, "CAMERAS": found["OUTPUT"], "CASE_NUMBER": "2026/1", "INVESTIGATION": "flagrance",
        "OFFICER_NAME": "Claire Martin", "OFFICER_RANK": "Capitaine", "OFFICER_UNIT": "Brigade A",
        "OFFICER_EMAIL": "c@example.org", "OFFICER_PHONE": "04", "UNIT_CITY": "Grenoble", "DELIVERY": "MP4",
        "ISSUE": True,
        "OUTPUT_FOLDER": str(tmp_path), "OUTPUT": "memory:",
    })  # fmt: skip
    numbers = sorted(feature["number"] for feature in made["OUTPUT"].getFeatures())
    assert len(numbers) == 3
    handler, port = smtp_server()
    sent = camreq_processing.run("camreq:sendrequisitions", {
        "CONNECTION": investigator, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_SECURITY": "none",
        "FROM": "brigade-a@police.example.org"})  # fmt: skip
    assert (sent["SENT"], sent["NO_EMAIL"]) == (2, 1)  # unit B's issued requisition is not A's to send
    assert len(handler.envelopes) == 2
    due = camreq_processing.run("camreq:duerequisitions", {"CONNECTION": investigator, "OUTPUT": "memory:"})
    assert sorted(feature["number"] for feature in due["OUTPUT"].getFeatures()) == numbers
    rows = sql(scene["db"], "SELECT number, created_by, status FROM camreq.requisitions WHERE unit = 'Brigade A'")
    assert sorted(number for number, *_ in rows) == numbers
    assert {who for _, who, _ in rows} == {login_of(logins["investigator"])}
    assert sorted(status for *_, status in rows) == ["issued", "sent", "sent"]
