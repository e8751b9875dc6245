"""Requisition statuses: transitions from the table, append-only history, the due-soon list."""

from __future__ import annotations

import psycopg2
import pytest
from camreq.db.connection import connect
from camreq.errors import CamreqError
from qgis.core import QgsProcessingException


@pytest.fixture
def numbers(create, cameras_layer, scene, sql) -> list[str]:
    """Issue the scene's three requisitions and return their numbers."""
    create(cameras_layer())
    return [row[0] for row in sql(scene["db"], "SELECT number FROM camreq.requisitions ORDER BY number")]


@pytest.fixture
def set_status(camreq_processing, scene):
    """Return a function running camreq:setrequisitionstatus."""

    def run(number: str, status: str, note: str = "remise en main propre") -> dict:
        return camreq_processing.run(
            "camreq:setrequisitionstatus", {"CONNECTION": scene["db"], "NUMBER": number, "STATUS": status, "NOTE": note}
        )

    return run


def test_a_french_user_of_the_panel_reads_a_refused_status_change_under_its_label(french, numbers, scene):
    from camreq.core.requisitions import change_status
    from camreq.dialogs.tasks import panel_message

    with pytest.raises(CamreqError) as raised:
        change_status(scene["db"], numbers[0], "acknowledged", None)
    assert str(raised.value).startswith(f"STATUS: requisition {numbers[0]} cannot go from issued to acknowledged")
    assert panel_message(raised.value).startswith(f"Statut : requisition {numbers[0]} cannot go from issued")


def test_allowed_path_is_recorded_with_who_and_note(numbers, set_status, scene, sql):
    for status in ("sent", "acknowledged", "footage_delivered"):
        assert set_status(numbers[0], status, f"note {status}")["STATUS"] == status
    history = sql(
        scene["db"],
        """SELECT from_status, to_status, changed_by, note FROM camreq.requisition_status_history h
        JOIN camreq.requisitions r ON r.id = h.requisition_id WHERE r.number = %s ORDER BY h.id""",
        (numbers[0],),
    )
    assert history == [(None, "draft", "postgres", None), ("draft", "issued", "postgres", None),
                       ("issued", "sent", "postgres", "note sent"),
                       ("sent", "acknowledged", "postgres", "note acknowledged"),
                       ("acknowledged", "footage_delivered", "postgres", "note footage_delivered")]  # fmt: skip


@pytest.mark.parametrize("path", [("acknowledged",), ("sent", "refused", "sent"), ("cancelled", "sent"),
                                  ("sent", "no_footage", "cancelled")])  # fmt: skip
def test_forbidden_transition_is_refused_and_changes_nothing(path, numbers, set_status, scene, sql):
    for status in path[:-1]:
        set_status(numbers[0], status)
    before = sql(scene["db"], "SELECT count(*) FROM camreq.requisition_status_history")
    with pytest.raises(
        QgsProcessingException, match=f"STATUS: requisition {numbers[0]} cannot go from .* to {path[-1]}"
    ):
        set_status(numbers[0], path[-1])
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisition_status_history") == before


def test_cancel_from_any_open_status(numbers, set_status, scene, sql):
    set_status(numbers[1], "sent")
    set_status(numbers[2], "sent")
    set_status(numbers[2], "acknowledged")
    for number in numbers:
        set_status(number, "cancelled", "affaire classée")
    assert sql(scene["db"], "SELECT DISTINCT status FROM camreq.requisitions") == [("cancelled",)]


def test_unknown_number_is_named(numbers, set_status):
    with pytest.raises(QgsProcessingException, match="NUMBER: no requisition numbered '1999-000001'"):
        set_status("1999-000001", "sent")


@pytest.mark.parametrize("statement", [
    "UPDATE camreq.requisition_status_history SET note = 'rewritten'",
    "DELETE FROM camreq.requisition_status_history",
    "TRUNCATE camreq.requisition_status_history",
])  # fmt: skip
def test_history_rows_cannot_be_changed_or_deleted(statement, numbers, scene, sql):
    before = sql(scene["db"], "SELECT * FROM camreq.requisition_status_history ORDER BY id")
    with pytest.raises(psycopg2.Error, match="append-only"):
        sql(scene["db"], statement)
    assert sql(scene["db"], "SELECT * FROM camreq.requisition_status_history ORDER BY id") == before


def test_due_soon_lists_open_requisitions_purged_within_48_hours(numbers, set_status, camreq_processing, scene, sql):
    conn = connect(scene["db"])
    with conn, conn.cursor() as cursor:  # move the windows: footage purged in 10 h, 47 h and 3 days
        for number, hours in zip(numbers, (10, 47, 72), strict=True):
            cursor.execute("""UPDATE camreq.requisition_cameras SET purge_at = now() + %s * interval '1 hour'
                              WHERE requisition_id = (SELECT id FROM camreq.requisitions WHERE number = %s)""",
                           (hours, number))  # fmt: skip
            # the deadline follows the cameras whatever an UPDATE says: touching the row recomputes it
            cursor.execute("UPDATE camreq.requisitions SET purge_deadline = NULL WHERE number = %s", (number,))
    conn.close()
    assert [row[0] for row in sql(scene["db"], "SELECT number FROM camreq.requisitions_due_soon")] == numbers[:2]
    set_status(numbers[0], "sent")
    set_status(numbers[0], "footage_delivered")
    result = camreq_processing.run("camreq:duerequisitions", {"CONNECTION": scene["db"], "OUTPUT": "memory:"})
    assert result["COUNT"] == 1
    assert [feature["number"] for feature in result["OUTPUT"].getFeatures()] == [numbers[1]]
