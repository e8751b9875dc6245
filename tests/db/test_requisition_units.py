"""Unit isolation of requisitions, enforced by the database: direct SQL and the algorithms run as investigators."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import psycopg2.errors
import pytest

NEW_REQUISITION = (
    "SELECT camreq.create_requisition(%s, 'M', '', '', '', %s, 'flagrance', NULL, (SELECT min(id) FROM camreq.owners), "
    "NULL, now() + interval '1 day', 'MP4')"
)
ADD_CAMERA = (
    "SELECT camreq.add_requisition_cameras(%s, ARRAY[(SELECT min(id) FROM camreq.cameras)], ARRAY[NULL::bigint], "
    "ARRAY[NULL], ARRAY[now() - interval '1 hour'], ARRAY[now()], ARRAY[now() + interval '1 day'])"
)
UNIT_ROWS = ("my_requisitions()", "my_requisition_cameras()", "my_requisition_status_history()",
             "my_requisition_outbox()", "my_requisition_outbox_attempts()", "requisitions_due_soon")  # fmt: skip


def issued_requisition(sql, login: str, case: str) -> int:
    """Make, as login, a requisition of its own unit with one camera, issue it, claim its e-mail; return its id."""
    [(requisition_id,)] = sql(login, NEW_REQUISITION, ("", case))
    sql(login, ADD_CAMERA, (requisition_id,))
    sql(login, "SELECT camreq.issue_requisition(%s)", (requisition_id,))
    sql(login, "SELECT * FROM camreq.claim_outbox_message('test', '{}')")
    return requisition_id


@pytest.fixture
def unit_b_requisition(scene, logins, sql) -> int:
    """Return the id of an issued requisition of unit B (the scene gives owners and cameras)."""
    return issued_requisition(sql, logins["investigator_b"], "case B")


@pytest.mark.parametrize("rows", UNIT_ROWS)
def test_an_investigator_reads_nothing_of_another_units_requisitions(unit_b_requisition, logins, sql, rows):
    count = f"SELECT count(*) FROM camreq.{rows}"
    assert sql(logins["investigator_b"], count)[0][0] >= 1
    assert sql(logins["investigator"], count) == [(0,)]
    assert sql(logins["administrator"], count)[0][0] >= 1


@pytest.mark.parametrize("statement", [
    "SELECT camreq.set_requisition_status(%s, 'cancelled', 'doublon')",
    "SELECT camreq.requeue_message(%s)",
    "SELECT camreq.serve_otherwise(%s)",
    "SELECT camreq.add_requisition_document(%s, 'x.pdf', decode('255044462d312e37', 'hex'))",
])  # fmt: skip
def test_an_investigator_changes_no_row_of_another_unit(unit_b_requisition, logins, attempt, statement):
    with pytest.raises(psycopg2.errors.NoDataFound, match="NUMBER: no requisition"):
        attempt(logins["investigator"], statement, (unit_b_requisition,))
    if "document" not in statement:  # B's requisition is issued: documents were added in the issuing transaction
        assert attempt(logins["investigator_b"], statement, (unit_b_requisition,)) == 1


def test_an_investigator_cannot_write_for_another_unit(unit_b_requisition, logins, attempt, sql, db):
    a = logins["investigator"]
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match='your unit "Brigade A" only'):
        attempt(a, NEW_REQUISITION, ("Brigade B", "case A"))
    for statement in (ADD_CAMERA, "SELECT camreq.issue_requisition(%s)"):
        with pytest.raises(psycopg2.errors.NoDataFound, match="NUMBER: no requisition"):
            attempt(a, statement, (unit_b_requisition,))
    [(b_attempt,)] = sql(db, "SELECT max(id) FROM camreq.requisition_outbox_attempts")
    with pytest.raises(psycopg2.errors.NoDataFound, match="no sending attempt"):
        attempt(a, "SELECT camreq.finish_outbox_attempt(%s, 'failed', 550, 'x')", (b_attempt,))


def test_numbers_are_gapless_per_unit_and_counters_are_hidden(unit_b_requisition, logins, sql):
    first_a = issued_requisition(sql, logins["investigator"], "case A1")
    second_a = issued_requisition(sql, logins["investigator"], "case A2")
    year = datetime.now(UTC).year
    numbers = dict(sql(logins["administrator"], "SELECT id, number FROM camreq.my_requisitions()"))
    assert [numbers[first_a], numbers[second_a], numbers[unit_b_requisition]] == [
        f"{year}-000001", f"{year}-000002", f"{year}-000001"]  # fmt: skip
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(logins["investigator"], "SELECT * FROM camreq.requisition_counters")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(logins["investigator"], "SELECT camreq.number_requisition()")


def test_history_rows_cannot_be_forged(unit_b_requisition, logins, sql, db):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="permission denied"):
        sql(logins["investigator_b"], "INSERT INTO camreq.requisition_status_history (requisition_id, from_status, "
                                      "to_status, note) VALUES (%s, 'sent', 'issued', 'forged')",
            (unit_b_requisition,))  # fmt: skip
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="written by status changes only"):
        sql(db, "INSERT INTO camreq.requisition_status_history (requisition_id, from_status, to_status, note) "
                "VALUES (%s, 'sent', 'issued', 'forged')", (unit_b_requisition,))  # fmt: skip
    history = sql(logins["investigator_b"], "SELECT from_status, to_status FROM camreq.my_requisition_status_history()")
    assert sorted(history, key=str) == sorted([(None, "draft"), ("draft", "issued")], key=str)


def test_analysts_see_no_requisition(unit_b_requisition, logins, sql):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(logins["analyst"], "SELECT * FROM camreq.my_requisitions()")


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
