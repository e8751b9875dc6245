"""The audit trail records every change with its login; the audit trail and the consultation log never change."""

from __future__ import annotations

import psycopg2.errors
import pytest

POINT = "ST_SetSRID(ST_MakePoint(913000, 6458000), camreq.storage_srid())"
APPEND_ONLY = ("audit_log", "searches", "search_incidents", "requisition_status_history")
NEW_REQUISITION = (
    "SELECT camreq.create_requisition('', 'M', '', '', '', 'C-1', 'flagrance', NULL, (SELECT min(id) FROM "
    "camreq.owners), (SELECT min(id) FROM camreq.my_searches()), now() + interval '1 day', 'MP4')"
)
SEARCH = (
    "SELECT * FROM camreq.search_cameras(ARRAY['i'], ARRAY[ST_AsBinary(ST_SetSRID(ST_MakePoint(5.72, 45.18), 4326))], "
    "ARRAY[now()], ARRAY[now()], NULL, 100, false, false, 0, 'x')"
)


def audit_rows(sql, db: str, table: str) -> list[tuple]:
    """Return (operation, changed_by, row_id, old_values, new_values) of one table's audit rows, oldest first."""
    return sql(
        db,
        "SELECT operation, changed_by, row_id, old_values, new_values FROM camreq.audit_log "
        "WHERE table_name = %s ORDER BY id",
        (table,),
    )


def test_each_insert_update_and_delete_of_an_owner_is_recorded_with_the_login(db, logins, sql, login_of):
    analyst = logins["analyst"]
    [(owner_id,)] = sql(analyst, "INSERT INTO camreq.owners (name, phone) VALUES ('Ville', '01') RETURNING id")
    sql(analyst, "UPDATE camreq.owners SET phone = '02' WHERE id = %s", (owner_id,))
    sql(db, "DELETE FROM camreq.owners WHERE id = %s", (owner_id,))  # analysts retire, only the schema owner deletes
    rows = audit_rows(sql, db, "owners")
    assert [(op, who, row_id) for op, who, row_id, _, _ in rows] == [
        ("INSERT", login_of(analyst), str(owner_id)),
        ("UPDATE", login_of(analyst), str(owner_id)),
        ("DELETE", sql(db, "SELECT session_user")[0][0], str(owner_id)),
    ]
    (_, _, _, old, new), (_, _, _, old2, new2), (_, _, _, old3, new3) = rows
    assert old is None and new["phone"] == "01"
    assert old2["phone"] == "01" and new2["phone"] == "02"
    assert old3["phone"] == "02" and new3 is None


def test_camera_changes_are_recorded_with_old_and_new_values(db, logins, sql, login_of):
    analyst = logins["analyst"]
    [(owner_id,)] = sql(analyst, "INSERT INTO camreq.owners (name) VALUES ('Ville') RETURNING id")
    [(camera_id,)] = sql(
        analyst,
        f"INSERT INTO camreq.cameras (owner_id, retention_days, geom) VALUES (%s, 7, {POINT}) RETURNING id",
        (owner_id,),
    )
    sql(analyst, "UPDATE camreq.cameras SET retention_days = 15 WHERE id = %s", (camera_id,))
    [(op, who, row_id, old, new)] = audit_rows(sql, db, "cameras")[1:]
    assert (op, who, row_id) == ("UPDATE", login_of(analyst), str(camera_id))
    assert (old["retention_days"], new["retention_days"]) == (7, 15)


def test_set_role_does_not_hide_who_made_the_change(db, logins, sql, login_of):
    analyst = logins["analyst"]
    sql(analyst, "SET ROLE camreq_analyst; INSERT INTO camreq.owners (name) VALUES ('Ville')")
    assert [who for _, who, *_ in audit_rows(sql, db, "owners")] == [login_of(analyst)]


def test_giving_a_role_is_recorded(db, logins, sql, login_of):
    inserted = [(who, new["login"], new["role"]) for op, who, _, _, new in audit_rows(sql, db, "users")]
    assert (sql(db, "SELECT session_user")[0][0], login_of(logins["investigator"]), "investigator") in inserted


@pytest.fixture(scope="module")
def logged(shared_db, shared_logins, sql):
    """Return shared_db's logins after an investigator's search and an audited change gave the logs rows."""
    sql(shared_logins["investigator"], SEARCH)
    sql(shared_logins["administrator"], "INSERT INTO camreq.owners (name) VALUES ('Ville')")
    sql(shared_logins["investigator"], NEW_REQUISITION)
    return shared_logins


@pytest.mark.parametrize("table", APPEND_ONLY)
@pytest.mark.parametrize(
    "statement", ["UPDATE camreq.{t} SET {c} = {c}", "DELETE FROM camreq.{t}", "TRUNCATE camreq.{t} CASCADE"]
)
@pytest.mark.parametrize("who", ["administrator", "analyst", "investigator", "nobody", "superuser", "table owner"])
def test_nobody_changes_or_deletes_audit_or_log_rows(shared_db, logged, sql, table, statement, who, login_of):
    column = {
        "audit_log": "changed_by",
        "searches": "reason",
        "search_incidents": "incident_id",
        "requisition_status_history": "note",
    }[table]
    connection = {"superuser": shared_db, "table owner": logged["nobody"]}.get(who) or logged[who]
    owner = login_of(logged["nobody"])
    before = [sql(shared_db, f"SELECT count(*) FROM camreq.{t}") for t in APPEND_ONLY]
    tables = [name for (name,) in sql(shared_db, "SELECT tablename FROM pg_tables WHERE schemaname = 'camreq'")]
    if who == "table owner":  # owns every table, so that CASCADE (searches -> requisitions) reaches only its own
        sql(
            shared_db,
            "".join(f"ALTER TABLE camreq.{t} OWNER TO {owner};" for t in tables)
            + f"GRANT USAGE ON SCHEMA camreq TO {owner}",
        )
    try:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege) as refused:
            sql(connection, statement.format(t=table, c=column))
    finally:
        if who == "table owner":
            sql(
                shared_db,
                "".join(f"ALTER TABLE camreq.{t} OWNER TO postgres;" for t in tables)
                + f"REVOKE USAGE ON SCHEMA camreq FROM {owner}",
            )
    if who in ("superuser", "table owner"):
        assert "is append-only: its rows cannot be changed or deleted" in str(refused.value)
    assert [sql(shared_db, f"SELECT count(*) FROM camreq.{t}") for t in APPEND_ONLY] == before
    assert all(count > 0 for [(count,)] in before)


def test_the_consultation_log_records_the_login_clock_and_unit_whatever_the_client_sends(logins, sql, login_of):
    investigator = logins["investigator"]
    sql(investigator, "SET application_name = 'someone else'; " + SEARCH)
    recorded = "SELECT searched_by, searched_at > now() - interval '1 minute', unit FROM camreq.my_searches()"
    assert sql(investigator, recorded) == [(login_of(investigator), True, "Brigade A")]


def test_requisition_changes_are_recorded_with_the_login_and_truncate_is_refused(db, logins, sql, login_of):
    investigator = logins["investigator"]
    sql(db, "INSERT INTO camreq.owners (name) VALUES ('Ville')")
    [(requisition_id,)] = sql(investigator, NEW_REQUISITION)
    sql(investigator, "SELECT camreq.set_requisition_status(%s, 'cancelled', 'doublon')", (requisition_id,))
    rows = audit_rows(sql, db, "requisitions")
    assert [(op, who, row_id) for op, who, row_id, _, _ in rows] == [
        ("INSERT", login_of(investigator), str(requisition_id)),
        ("UPDATE", login_of(investigator), str(requisition_id)),
    ]
    assert (rows[1][3]["status"], rows[1][4]["status"], rows[1][4]["unit"]) == ("draft", "cancelled", "Brigade A")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="cannot be truncated"):
        sql(db, "TRUNCATE camreq.requisitions CASCADE")
    assert sql(db, "SELECT count(*) FROM camreq.requisitions") == [(1,)]
