"""Who may do what, enforced by the database for direct SQL: the role x table x action matrix."""

from __future__ import annotations

import psycopg2.errors
import pytest

ROLES = ("administrator", "analyst", "investigator", "nobody")
ADMIN = {"administrator"}
EDITORS = {"administrator", "analyst"}
SEARCHERS = {"administrator", "investigator"}
CAMREQ = {"administrator", "analyst", "investigator"}
NOBODY: set[str] = set()
POINT = "ST_SetSRID(ST_MakePoint(913000, 6458000), camreq.storage_srid())"
INVESTIGATORS = {"investigator"}
NEW_SEARCH = (
    "SELECT * FROM camreq.search_cameras(ARRAY['matrix'], ARRAY[ST_AsBinary(ST_SetSRID(ST_MakePoint(5.72, 45.18), "
    "4326))], ARRAY[now()], ARRAY[now()], NULL, 100, false, false, 0, 'matrix')"
)
NEW_REQUISITION = (
    "SELECT camreq.create_requisition('Brigade A', 'Matrix', '', '', '', 'C-1', 'flagrance', NULL, min(id), NULL, "
    "now() + interval '1 day', 'MP4') FROM camreq.owners"
)
ADD_CAMERA = (
    "SELECT camreq.add_requisition_cameras(r.id, ARRAY[c.id], ARRAY[NULL::bigint], ARRAY[NULL], "
    "ARRAY[now() - interval '1 hour'], ARRAY[now()], ARRAY[now() + interval '1 day']) "
    "FROM camreq.my_requisitions() r, camreq.cameras c WHERE r.status = 'draft' AND c.ref IS NULL"
)
ADD_DOCUMENT = (
    "SELECT camreq.add_requisition_document(id, 'matrix.pdf', decode('255044462d312e37', 'hex')) "
    "FROM camreq.my_requisitions() WHERE status = '{status}'"
)
CLAIM = "SELECT * FROM camreq.claim_outbox_message('matrix', '{}')"
DEFER = (
    "SELECT camreq.finish_outbox_attempt(id, 'deferred', 451, 'matrix') FROM camreq.my_requisition_outbox_attempts()"
)
# Unit-scoped tables: no login reaches them directly (EXPLAIN ANALYZE would count other units' rows), only through
# the functions of db/sql/013_private_reads.sql.
UNIT_SCOPED = [
    (table, action, statement, NOBODY)
    for table, column in (
        ("searches", "reason"), ("search_incidents", "incident_id"), ("requisitions", "case_number"),
        ("requisition_cameras", "incident_id"), ("requisition_status_history", "note"),
        ("requisition_outbox", "message_id"), ("requisition_outbox_attempts", "smtp_server"),
        ("requisition_documents", "file_name"),
    )
    for action, statement in (
        ("select", f"SELECT * FROM camreq.{table}"),
        ("insert", f"INSERT INTO camreq.{table} ({column}) VALUES ('x')"),
        ("update", f"UPDATE camreq.{table} SET {column} = 'x'"),
        ("delete", f"DELETE FROM camreq.{table}"),
    )
]  # fmt: skip

# (table, action, statement, roles allowed): add a row per table and action; every table of the schema needs rows.
MATRIX = [
    ("schema_version", "select", "SELECT * FROM camreq.schema_version", CAMREQ),
    ("schema_version", "insert", "INSERT INTO camreq.schema_version (version) VALUES (999)", NOBODY),
    ("schema_version", "update", "UPDATE camreq.schema_version SET applied_at = now()", NOBODY),
    ("schema_version", "delete", "DELETE FROM camreq.schema_version", NOBODY),
    ("settings", "select", "SELECT * FROM camreq.settings", CAMREQ),
    ("settings", "update", "UPDATE camreq.settings SET srid = srid", NOBODY),
    ("settings", "update policy", "UPDATE camreq.settings SET signing_policy = 'required'", ADMIN),
    ("settings", "delete", "DELETE FROM camreq.settings", NOBODY),
    ("camera_types", "select", "SELECT * FROM camreq.camera_types", CAMREQ),
    (
        "camera_types",
        "insert",
        "INSERT INTO camreq.camera_types VALUES ('matrix', 'Matrix', 60, 50, false, 'Matrice')",
        ADMIN,
    ),
    ("camera_types", "update", "UPDATE camreq.camera_types SET label = label || ' (x)'", ADMIN),
    ("camera_types", "delete", "DELETE FROM camreq.camera_types WHERE camera_type = 'anpr'", ADMIN),
    ("owners", "select", "SELECT * FROM camreq.owners", CAMREQ),
    ("owners", "insert", "INSERT INTO camreq.owners (name) VALUES ('Matrix owner')", EDITORS),
    ("owners", "update", "UPDATE camreq.owners SET notes = 'matrix'", EDITORS),
    ("owners", "delete", "DELETE FROM camreq.owners WHERE name = 'Spare owner'", NOBODY),
    ("cameras", "select", "SELECT * FROM camreq.cameras", CAMREQ),
    (
        "cameras",
        "insert",
        f"INSERT INTO camreq.cameras (owner_id, geom) SELECT min(id), {POINT} FROM camreq.owners",
        EDITORS,
    ),
    ("cameras", "update", "UPDATE camreq.cameras SET notes = 'matrix'", EDITORS),
    ("cameras", "delete", "DELETE FROM camreq.cameras WHERE ref = 'spare'", NOBODY),
    ("users", "select", "SELECT * FROM camreq.users", ADMIN),
    ("users", "insert", "INSERT INTO camreq.users (login, role) VALUES ('matrix_login', 'analyst')", ADMIN),
    ("users", "update", "UPDATE camreq.users SET unit = 'Brigade C'", ADMIN),
    ("users", "delete", "DELETE FROM camreq.users WHERE role = 'analyst'", ADMIN),
    ("audit_log", "select", "SELECT * FROM camreq.audit_log", ADMIN),
    ("audit_log", "insert", "INSERT INTO camreq.audit_log (table_name, operation) VALUES ('owners', 'DELETE')", NOBODY),
    ("audit_log", "update", "UPDATE camreq.audit_log SET changed_by = 'someone else'", NOBODY),
    ("audit_log", "delete", "DELETE FROM camreq.audit_log", NOBODY),
    ("searches", "read", "SELECT * FROM camreq.my_searches()", SEARCHERS),
    ("searches", "search and log", NEW_SEARCH, INVESTIGATORS),
    ("search_incidents", "read", "SELECT * FROM camreq.my_search_incidents()", SEARCHERS),
    ("search_statistics", "select", "SELECT * FROM camreq.search_statistics", EDITORS),
    ("requisition_statuses", "select", "SELECT * FROM camreq.requisition_statuses", CAMREQ),
    ("requisition_statuses", "update", "UPDATE camreq.requisition_statuses SET label = 'x'", NOBODY),
    ("requisition_transitions", "select", "SELECT * FROM camreq.requisition_transitions", CAMREQ),
    (
        "requisition_transitions",
        "insert",
        "INSERT INTO camreq.requisition_transitions VALUES ('cancelled', 'draft')",
        NOBODY,
    ),
    ("requisition_transitions", "delete", "DELETE FROM camreq.requisition_transitions", NOBODY),
    ("requisitions", "read", "SELECT * FROM camreq.my_requisitions()", SEARCHERS),
    ("requisitions", "create", NEW_REQUISITION, SEARCHERS),
    (
        "requisitions",
        "change status",
        "SELECT camreq.set_requisition_status(id, 'cancelled', 'matrix') FROM camreq.my_requisitions() "
        "WHERE status = 'draft'",
        SEARCHERS,
    ),
    (
        "requisitions",
        "document",
        "SELECT * FROM camreq.requisition_pdf((SELECT max(id) FROM camreq.my_requisitions()))",
        SEARCHERS,
    ),
    ("requisition_cameras", "read", "SELECT * FROM camreq.my_requisition_cameras()", SEARCHERS),
    ("requisition_cameras", "add to drafts", ADD_CAMERA, SEARCHERS),
    ("requisition_status_history", "read", "SELECT * FROM camreq.my_requisition_status_history()", SEARCHERS),
    ("requisition_counters", "select", "SELECT * FROM camreq.requisition_counters", NOBODY),
    ("requisition_counters", "update", "UPDATE camreq.requisition_counters SET last_number = 0", NOBODY),
    ("requisition_outbox", "read", "SELECT * FROM camreq.my_requisition_outbox()", SEARCHERS),
    (
        "requisition_outbox",
        "issue",
        "SELECT camreq.issue_requisition(id) FROM camreq.my_requisitions() WHERE status = 'draft'",
        SEARCHERS,
    ),
    ("requisition_outbox", "claim", CLAIM, SEARCHERS),
    ("requisition_outbox", "interrupted", "SELECT count(*) FROM camreq.interrupted_messages('15 minutes')", SEARCHERS),
    ("requisition_outbox", "requeue", "SELECT camreq.requeue_message(id) FROM camreq.my_requisitions()", SEARCHERS),
    (
        "requisition_outbox",
        "served otherwise",
        "SELECT camreq.serve_otherwise(id) FROM camreq.my_requisitions() WHERE status = 'issued'",
        SEARCHERS,
    ),
    ("requisition_outbox_attempts", "read", "SELECT * FROM camreq.my_requisition_outbox_attempts()", SEARCHERS),
    ("requisition_outbox_attempts", "finish", DEFER, SEARCHERS),
    ("requisitions_due_soon", "select", "SELECT * FROM camreq.requisitions_due_soon", SEARCHERS),
    ("requisition_documents", "read", "SELECT * FROM camreq.my_requisition_documents()", SEARCHERS),
    ("requisition_documents", "add (draft)", ADD_DOCUMENT.format(status="draft"), SEARCHERS),
    ("requisition_documents", "add after issue", ADD_DOCUMENT.format(status="issued"), NOBODY),
    ("no_footage_reasons", "select", "SELECT * FROM camreq.no_footage_reasons", CAMREQ),
    ("no_footage_reasons", "insert", "INSERT INTO camreq.no_footage_reasons VALUES ('matrix', 99)", NOBODY),
    ("no_footage_reasons", "delete", "DELETE FROM camreq.no_footage_reasons", NOBODY),
    (
        "requisitions",
        "statistics function",
        "SELECT * FROM camreq.owner_statistics('2000-01-01', '2100-01-01')",
        EDITORS,
    ),
    (
        "requisitions",
        "facts behind the statistics",
        "SELECT * FROM camreq.requisition_facts('2000-01-01', '2100-01-01', NULL)",
        NOBODY,
    ),
    ("cameras", "registry findings", "SELECT * FROM camreq.registry_findings()", EDITORS),
    ("addresses", "select", "SELECT * FROM camreq.addresses", CAMREQ),
    ("addresses", "search", "SELECT * FROM camreq.search_addresses('1 rue de la matrice')", CAMREQ),
    ("portal_links", "select", "SELECT * FROM camreq.portal_links", NOBODY),
    (
        "portal_links",
        "insert outside the issuing transaction",
        "INSERT INTO camreq.portal_links (requisition_id, token_sha256) SELECT id, repeat('a', 64) "
        "FROM camreq.requisitions",
        NOBODY,
    ),
    ("portal_links", "update", "UPDATE camreq.portal_links SET first_opened_at = now()", NOBODY),
    ("portal_answers", "select", "SELECT * FROM camreq.portal_answers", NOBODY),
    (
        "portal_answers",
        "insert",
        "INSERT INTO camreq.portal_answers (requisition_camera_id, answer, refusal_reason) "
        "SELECT id, 'refused', 'x' FROM camreq.requisition_cameras",
        NOBODY,
    ),
    ("portal_deposits", "select", "SELECT * FROM camreq.portal_deposits", NOBODY),
    (
        "portal_deposits",
        "insert",
        "INSERT INTO camreq.portal_deposits (requisition_camera_id, upload_id, file_name, size) "
        "SELECT id, md5(id::text), 'x.mp4', 1 FROM camreq.requisition_cameras",
        NOBODY,
    ),
    ("portal_fetch_tokens", "select", "SELECT * FROM camreq.portal_fetch_tokens", NOBODY),
    (
        "portal_fetch_tokens",
        "insert (a fetch token for a requisition of the unit)",
        "SELECT camreq.portal_fetch_token(min(id), left(md5(random()::text) || md5(random()::text), 43)) "
        "FROM camreq.my_requisitions()",
        SEARCHERS,
    ),
    (
        "portal_deposits",
        "through the portal's token functions",
        "SELECT camreq.portal_requisition(repeat('x', 43))",
        NOBODY,
    ),
    (
        "addresses",
        "insert",
        f"INSERT INTO camreq.addresses (id, numero, nom_voie, code_postal, code_insee, "
        f"nom_commune, geom) VALUES ('matrix_1', 1, 'Rue Matrix', '38000', '38185', 'Grenoble', {POINT})",
        EDITORS,
    ),
    ("addresses", "update", "UPDATE camreq.addresses SET type_position = 'entrée'", EDITORS),
    ("addresses", "delete", "DELETE FROM camreq.addresses WHERE id = 'spare_2'", EDITORS),
    ("address_streets", "select", "SELECT * FROM camreq.address_streets", CAMREQ),
    (
        "address_streets",
        "insert",
        "INSERT INTO camreq.address_streets (code_insee, code_postal, nom_voie, nom_commune, street_text, "
        f"search_text, geom) VALUES ('38185', '38000', 'Rue Matrix', 'Grenoble', 'rue matrix', 'rue matrix', {POINT})",
        EDITORS,
    ),
    ("address_streets", "update (import)", "SELECT camreq.refresh_address_streets(ARRAY['38185'])", EDITORS),
    ("address_streets", "delete", "DELETE FROM camreq.address_streets", EDITORS),
    ("address_communes", "select", "SELECT * FROM camreq.address_communes", CAMREQ),
    (
        "address_communes",
        "insert",
        "INSERT INTO camreq.address_communes VALUES ('38999', '38999', 'Matrix', 'matrix')",
        EDITORS,
    ),
    ("address_communes", "update", "UPDATE camreq.address_communes SET words = 'grenoble'", EDITORS),
    ("address_communes", "delete", "DELETE FROM camreq.address_communes", EDITORS),
    (
        "address_communes",
        "communes a text names",
        "SELECT * FROM camreq.address_query_communes('rue de la matrice grenoble', NULL)",
        CAMREQ,
    ),
    ("addresses", "number of a text", "SELECT * FROM camreq.split_address_number(ARRAY['1', 'rue'])", CAMREQ),
    ("addresses", "drop indexes (import)", "SELECT camreq.drop_address_indexes()", EDITORS),
    ("addresses", "index and analyze (import)", "SELECT camreq.index_addresses()", EDITORS),
    ("address_abbreviations", "select", "SELECT * FROM camreq.address_abbreviations", CAMREQ),
    ("address_abbreviations", "insert", "INSERT INTO camreq.address_abbreviations VALUES ('mx', 'matrix')", NOBODY),
    ("address_abbreviations", "update", "UPDATE camreq.address_abbreviations SET expansion = 'x'", NOBODY),
    ("address_abbreviations", "delete", "DELETE FROM camreq.address_abbreviations", NOBODY),
    ("address_repetitions", "select", "SELECT * FROM camreq.address_repetitions", CAMREQ),
    ("address_repetitions", "update", "UPDATE camreq.address_repetitions SET rep = 'x'", NOBODY),
    *UNIT_SCOPED,
]


@pytest.fixture(scope="module")
def seeded(shared_db, shared_logins, sql):
    """Return shared_db's logins after giving every table rows to see, change and delete."""
    statements = [
        (
            "administrator",
            "INSERT INTO camreq.owners (name, email) VALUES ('Seed owner', 'seed@example.org'), ('Spare owner', NULL)",
        ),
        ("analyst", f"INSERT INTO camreq.cameras (owner_id, geom) SELECT min(id), {POINT} FROM camreq.owners"),
        (
            "analyst",
            f"INSERT INTO camreq.cameras (owner_id, ref, geom) SELECT min(id), 'spare', {POINT} FROM camreq.owners",
        ),
        (
            "analyst",
            "INSERT INTO camreq.addresses (id, numero, nom_voie, code_postal, code_insee, nom_commune, geom) "
            f"VALUES ('seed_1', 1, 'Rue de la Matrice', '38000', '38185', 'Grenoble', {POINT}), "
            f"('spare_2', 2, 'Rue de la Matrice', '38000', '38185', 'Grenoble', {POINT})",
        ),
        ("analyst", "SELECT camreq.refresh_address_streets(ARRAY['38185'])"),
    ] + [(who, NEW_SEARCH) for who in ("investigator", "investigator_b")]
    for who, statement in statements:
        sql(shared_logins[who], statement)
    for who in ("investigator", "investigator_b"):  # per unit: an issued requisition with an attempt, and a draft
        login = shared_logins[who]
        unit = NEW_REQUISITION.replace("'Brigade A'", "''")
        [(issued,)] = sql(login, unit)
        sql(login, ADD_CAMERA)
        sql(login, "SELECT camreq.issue_requisition(%s)", (issued,))
        sql(login, CLAIM)
        sql(login, DEFER)
        sql(login, unit)
        sql(login, ADD_CAMERA)
        sql(login, ADD_DOCUMENT.format(status="draft"))
    return shared_logins


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("table", "action", "statement", "allowed"), MATRIX, ids=[f"{t}-{a}" for t, a, *_ in MATRIX])
def test_role_may_do_exactly_what_the_matrix_allows(seeded, attempt, role, table, action, statement, allowed):
    if role in allowed:
        assert attempt(seeded[role], statement) >= 1, f"{role} may {action} {table} but the statement touched no row"
    else:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            attempt(seeded[role], statement)


def test_every_table_and_view_of_the_schema_is_in_the_matrix(shared_db, sql):
    relations = sql(
        shared_db,
        "SELECT relname FROM pg_class WHERE relnamespace = 'camreq'::regnamespace AND relkind IN ('r', 'v', 'p', 'm')",
    )
    assert {name for (name,) in relations} == {table for table, *_ in MATRIX}


def test_every_table_with_sensitive_rows_has_row_level_security(shared_db, sql):
    protected = sql(
        shared_db,
        "SELECT relname FROM pg_class WHERE relnamespace = 'camreq'::regnamespace AND relkind = 'r' AND relrowsecurity",
    )
    assert {name for (name,) in protected} >= {
        "users",
        "audit_log",
        "searches",
        "search_incidents",
        "requisitions",
        "requisition_cameras",
        "requisition_status_history",
        "requisition_outbox",
        "requisition_outbox_attempts",
        "requisition_counters",
        "requisition_documents",
    }


def test_requisition_tables_apply_their_policies_to_their_owner_too(shared_db, sql):
    forced = sql(
        shared_db,
        "SELECT relname FROM pg_class WHERE relnamespace = 'camreq'::regnamespace "
        "AND relkind = 'r' AND relforcerowsecurity",
    )
    assert {name for (name,) in forced} == {
        "requisitions",
        "requisition_cameras",
        "requisition_status_history",
        "requisition_outbox",
        "requisition_outbox_attempts",
        "requisition_documents",
        "portal_links",
        "portal_answers",
        "portal_deposits",
        "portal_fetch_tokens",
    }


def test_logins_without_a_camreq_role_get_nothing_from_public(shared_db, sql):
    granted = sql(
        shared_db,
        "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
        "WHERE table_schema = 'camreq' AND grantee = 'PUBLIC'",
    )
    assert granted == []
