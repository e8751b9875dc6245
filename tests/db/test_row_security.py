"""Row-level security: units see their own consultation log; the rights of a login belong to one database."""

from __future__ import annotations

import psycopg2.errors
import pytest
from camreq.core.database import grant_user

POINT = "ST_SetSRID(ST_MakePoint(913000, 6458000), camreq.storage_srid())"


def search(sql, connection: str, reason: str) -> int:
    """Log a search as the connection's login and return its id."""
    return sql(
        connection,
        "SELECT search_id FROM camreq.search_cameras(ARRAY['INC'], ARRAY[ST_AsBinary(ST_SetSRID(ST_MakePoint(5.72, "
        "45.18), 4326))], ARRAY[now()], ARRAY[now()], NULL, 100, false, false, 0, %s) LIMIT 1",
        (reason,),
    )[0][0]


def visible_reasons(sql, connection: str) -> set[str]:
    """Return the reasons of the searches the connection's login can read."""
    return {reason for (reason,) in sql(connection, "SELECT reason FROM camreq.my_searches()")}


def test_investigators_of_two_units_cannot_see_each_others_searches(logins, sql):
    search(sql, logins["investigator"], "case A")
    search(sql, logins["investigator_b"], "case B")
    assert visible_reasons(sql, logins["investigator"]) == {"case A"}
    assert visible_reasons(sql, logins["investigator_b"]) == {"case B"}
    assert visible_reasons(sql, logins["administrator"]) == {"case A", "case B"}


def test_a_search_stays_with_the_unit_it_was_made_for(db, logins, sql, login_of):
    search(sql, logins["investigator_b"], "made in unit B")
    grant_user(db, login_of(logins["investigator_b"]), "investigator", "Brigade A")
    search(sql, logins["investigator_b"], "made in unit A")
    assert visible_reasons(sql, logins["investigator"]) == {"made in unit A"}
    assert visible_reasons(sql, logins["investigator_b"]) == {"made in unit A", "made in unit B"}


def test_no_investigator_attaches_incidents_to_a_search_but_the_search_itself(logins, sql):
    other = search(sql, logins["investigator_b"], "case B")
    for who in ("investigator", "investigator_b"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="permission denied"):
            sql(
                logins[who],
                "INSERT INTO camreq.search_incidents (search_id, incident_id, window_start, "
                f"window_end, geom) VALUES (%s, 'x', now(), now(), {POINT})",
                (other,),
            )
    assert sql(logins["investigator"], "SELECT count(*) FROM camreq.my_search_incidents()") == [(0,)]
    assert sql(logins["investigator_b"], "SELECT incident_id FROM camreq.my_search_incidents()") == [("INC",)]


def test_users_read_only_their_own_unit_and_role_and_administrators_every_row(logins, sql, login_of):
    me = login_of(logins["investigator"])
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="permission denied"):
        sql(logins["investigator"], "SELECT login, role, unit FROM camreq.users")
    assert sql(logins["investigator"], "SELECT camreq.login_role(%s), camreq.login_unit(%s)", (me, me)) == [
        ("investigator", "Brigade A")
    ]
    assert len(sql(logins["administrator"], "SELECT * FROM camreq.users")) == 4


@pytest.fixture
def other_database_admin(db, logins, sql, login_of):
    """Return a connection string for a member of camreq_admin that has no row in db's camreq.users."""
    sql(db, "DELETE FROM camreq.users WHERE login = %s", (login_of(logins["administrator"]),))
    return logins["administrator"]


def test_an_administrator_of_another_database_reads_no_audit_log_or_searches_here(other_database_admin, logins, sql):
    search(sql, logins["investigator"], "case A")
    assert sql(other_database_admin, "SELECT count(*) FROM camreq.audit_log") == [(0,)]
    assert visible_reasons(sql, other_database_admin) == set()


def test_an_administrator_of_another_database_cannot_make_themselves_administrator_here(other_database_admin, sql):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
        sql(other_database_admin, "INSERT INTO camreq.users (login, role) VALUES (current_user, 'administrator')")


def test_an_investigator_of_another_database_cannot_log_searches_here(db, logins, sql, login_of):
    sql(db, "DELETE FROM camreq.users WHERE login = %s", (login_of(logins["investigator"]),))
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="investigators registered"):
        search(sql, logins["investigator"], "case A")


def test_policies_read_the_connected_login_not_a_setting(logins, sql):
    statement = (
        "SET camreq.unit = 'Brigade B'; SET application_name = 'Brigade B'; SELECT reason FROM camreq.my_searches()"
    )
    search(sql, logins["investigator_b"], "case B")
    assert sql(logins["investigator"], statement) == []
