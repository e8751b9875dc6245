"""camreq:grantuser gives an existing login one role and a unit, refuses what it cannot do, stores text verbatim."""

from __future__ import annotations

import uuid

import pytest
from camreq.db.connection import connect
from psycopg2 import sql as pgsql
from qgis.core import QgsProcessingException

HOSTILE_UNITS = [
    "Brigade'; DROP TABLE camreq.owners; --",
    'Brigade "A" \\ %s %(x)s $$ ;',
    "{{ 7*7 }} {% raw %} ${7*7}",
    "<script>alert('x')</script>",
    "\u202eA edagirB\u202c \u200f",
]


def grant(processing, connection: str, who: str, role: str = "investigator", unit: str = "Brigade A") -> dict:
    """Run camreq:grantuser and return its outputs."""
    return processing.run("camreq:grantuser", {"CONNECTION": connection, "LOGIN": who, "ROLE": role, "UNIT": unit})


def groups_of(sql, db: str, who: str) -> list[str]:
    """Return the camreq group roles a login is a member of."""
    return [
        name
        for (name,) in sql(
            db,
            "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
            "WHERE m.member = %s::regrole AND r.rolname LIKE 'camreq%%' ORDER BY 1",
            (who,),
        )
    ]


def test_an_investigator_gets_the_group_role_and_the_unit(camreq_processing, db, logins, sql, login_of):
    who = login_of(logins["nobody"])
    assert grant(camreq_processing, db, who, unit=" Brigade C ") == {
        "LOGIN": who,
        "ROLE": "investigator",
        "UNIT": "Brigade C",
    }
    assert groups_of(sql, db, who) == ["camreq_investigator"]
    assert sql(db, "SELECT role, unit FROM camreq.users WHERE login = %s", (who,)) == [("investigator", "Brigade C")]
    assert sql(logins["nobody"], "SELECT count(*) FROM camreq.cameras") == [(0,)]


def test_a_new_role_replaces_the_previous_one(camreq_processing, db, logins, sql, login_of):
    who = login_of(logins["investigator"])
    grant(camreq_processing, db, who, "analyst", "")
    assert groups_of(sql, db, who) == ["camreq_analyst"]
    assert sql(db, "SELECT role, unit FROM camreq.users WHERE login = %s", (who,)) == [("analyst", None)]


def test_an_administrator_gives_the_investigator_role(camreq_processing, logins, sql, db, login_of):
    who = login_of(logins["nobody"])
    grant(camreq_processing, logins["administrator"], who)
    assert groups_of(sql, db, who) == ["camreq_investigator"]


@pytest.mark.parametrize(
    ("granter", "role", "message"),
    [
        ("analyst", "investigator", "Only a CamReq administrator can give roles"),
        ("investigator", "analyst", "Only a CamReq administrator can give roles"),
    ],
)
def test_who_may_not_give_a_role_is_refused_and_nothing_changes(
    camreq_processing, db, logins, sql, granter, role, message, login_of
):
    who = login_of(logins["nobody"])
    with pytest.raises(QgsProcessingException, match=message):
        grant(camreq_processing, logins[granter], who, role)
    assert groups_of(sql, db, who) == []
    assert sql(db, "SELECT count(*) FROM camreq.users WHERE login = %s", (who,)) == [(0,)]


@pytest.mark.parametrize(
    ("who", "role", "unit", "message"),
    [
        ("no_such_login_" + uuid.uuid4().hex[:6], "investigator", "A", "LOGIN: 'no_such_login_.*' is not a login"),
        ("camreq_admin", "investigator", "A", "LOGIN: 'camreq_admin' is a group role that cannot log in"),
        ("x" * 64, "investigator", "A", "LOGIN: 64 characters, at most 63"),
        ("", "investigator", "A", "LOGIN"),
        ("{nobody}", "investigator", "", "UNIT: an investigator needs a unit"),
        ("{nobody}", "investigator", "A\x00B", r"UNIT: contains a NUL character"),
        ("{nobody}", "investigator", "A" * 100_000, "UNIT: 100000 characters, at most 200"),
        ("{nobody}\x00", "investigator", "A", r"LOGIN: contains a NUL character"),
    ],
)
def test_bad_values_are_refused_naming_the_parameter(
    camreq_processing, db, logins, sql, login_of, who, role, unit, message
):
    before = sql(db, "SELECT * FROM camreq.users ORDER BY login")
    with pytest.raises(QgsProcessingException, match=message):
        grant(camreq_processing, db, who.replace("{nobody}", login_of(logins["nobody"])), role, unit)
    assert sql(db, "SELECT * FROM camreq.users ORDER BY login") == before


def test_an_unknown_role_is_refused_naming_the_parameter(camreq_processing, db, logins, login_of):
    with pytest.raises(QgsProcessingException, match="ROLE"):
        grant(camreq_processing, db, login_of(logins["nobody"]), "superuser")


@pytest.mark.parametrize("unit", HOSTILE_UNITS)
def test_hostile_units_are_stored_verbatim_and_never_executed(camreq_processing, db, logins, sql, unit, login_of):
    who = login_of(logins["nobody"])
    grant(camreq_processing, db, who, unit=unit)
    assert sql(db, "SELECT unit FROM camreq.users WHERE login = %s", (who,)) == [(unit.strip(),)]
    assert sql(db, "SELECT to_regclass('camreq.owners') IS NOT NULL") == [(True,)]


@pytest.mark.parametrize("name", ['odd"; DROP TABLE camreq.owners; --', "Ünïcode 'quoted'", "{{ 7*7 }}<b>"])
def test_logins_with_hostile_names_are_granted_as_names(camreq_processing, db, sql, name):
    conn = connect(db)
    conn.autocommit = True
    quoted = pgsql.Identifier(name).as_string(conn)
    with conn.cursor() as cursor:
        cursor.execute(pgsql.SQL("CREATE ROLE {} LOGIN").format(pgsql.Identifier(name)))
    try:
        grant(camreq_processing, db, name, "analyst", "")
        assert sql(db, "SELECT role FROM camreq.users WHERE login = %s", (name,)) == [("analyst",)]
        assert groups_of(sql, db, quoted) == ["camreq_analyst"]
        assert sql(db, "SELECT to_regclass('camreq.owners') IS NOT NULL") == [(True,)]
    finally:
        with conn.cursor() as cursor:
            cursor.execute(pgsql.SQL("DROP ROLE {}").format(pgsql.Identifier(name)))
        conn.close()
