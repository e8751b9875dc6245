"""camreq:installdatabase installs, upgrades, refuses and fails cleanly."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from camreq.db import schema
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProcessingException, QgsProviderRegistry


def install(processing, connection: str, crs: str = "EPSG:2154") -> dict:
    """Run camreq:installdatabase and return its outputs."""
    return processing.run("camreq:installdatabase", {"CONNECTION": connection, "CRS": crs})


def camreq_schema_exists(sql, connection: str) -> bool:
    """Return whether the camreq schema exists in the database."""
    return sql(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = 'camreq'")[0][0] == 1


ROOT = Path(__file__).resolve().parents[2]
DUMP_SCHEMA = ROOT / "scripts" / "dump_schema.sh"
RELEASES = sorted((ROOT / "tests" / "db" / "schemas").glob("*.sql"))


def dump_schema(*arguments: str) -> str:
    """Return what scripts/dump_schema.sh prints with these arguments."""
    return subprocess.run(["bash", str(DUMP_SCHEMA), *arguments], check=True, capture_output=True, text=True).stdout


def database_name(connection: str) -> str:
    """Return the database name of a "dbname=..." connection string."""
    return connection.split("=", 1)[1]


def test_fresh_install_creates_the_current_schema_in_lambert93(camreq_processing, empty_db, sql):
    result = install(camreq_processing, empty_db)
    assert result["VERSION"] == schema.latest_version()
    assert sql(empty_db, "SELECT srid FROM camreq.settings") == [(2154,)]
    assert sql(empty_db, "SELECT Find_SRID('camreq', 'cameras', 'geom')") == [(2154,)]


def test_second_run_changes_nothing(camreq_processing, empty_db, sql):
    install(camreq_processing, empty_db)
    before = sql(empty_db, "SELECT version, applied_at FROM camreq.schema_version ORDER BY version")
    assert install(camreq_processing, empty_db)["VERSION"] == schema.latest_version()
    assert sql(empty_db, "SELECT version, applied_at FROM camreq.schema_version ORDER BY version") == before


def test_another_projected_crs_is_used_for_storage(camreq_processing, empty_db, sql):
    install(camreq_processing, empty_db, "EPSG:3857")
    assert sql(empty_db, "SELECT Find_SRID('camreq', 'cameras', 'geom')") == [(3857,)]


def test_geographic_crs_is_refused_and_nothing_installed(camreq_processing, empty_db, sql):
    with pytest.raises(QgsProcessingException, match="CRS: EPSG:4326 is not a projected CRS in metres"):
        install(camreq_processing, empty_db, "EPSG:4326")
    assert not camreq_schema_exists(sql, empty_db)


@pytest.mark.parametrize("release", RELEASES, ids=[release.stem for release in RELEASES])
def test_upgrade_from_each_released_schema_equals_a_fresh_install(camreq_processing, empty_db, db, release):
    subprocess.run(
        ["psql", "--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-d", database_name(empty_db), "-f", str(release)],
        check=True,
        capture_output=True,
    )
    assert install(camreq_processing, empty_db)["VERSION"] == schema.latest_version()
    assert dump_schema("--compare", database_name(empty_db)) == dump_schema("--compare", database_name(db))


def test_the_first_release_is_frozen():
    assert "0.1.0" in [release.stem for release in RELEASES]


def test_docs_schema_sql_is_the_schema_of_a_fresh_install():
    assert (ROOT / "docs" / "schema.sql").read_text(encoding="utf-8") == dump_schema("--fresh"), (
        "docs/schema.sql is stale: refresh it with scripts/dump_schema.sh"
    )


def test_a_database_newer_than_the_plugin_is_refused(camreq_processing, db, sql):
    sql(db, "INSERT INTO camreq.schema_version (version) VALUES (%s)", (schema.latest_version() + 1,))
    with pytest.raises(QgsProcessingException, match="newer than this CamReq plugin"):
        install(camreq_processing, db)


def test_unreachable_server_gives_one_clear_message(camreq_processing):
    with pytest.raises(QgsProcessingException, match=r"Cannot connect to the database.*port 1 failed"):
        install(camreq_processing, "host=127.0.0.1 port=1 dbname=camreq connect_timeout=3")


def test_wrong_password_is_named_and_never_echoed(camreq_processing, empty_db, sql):
    sql(empty_db, "CREATE ROLE camreq_pw_test LOGIN PASSWORD 'right-one'")
    try:
        with pytest.raises(QgsProcessingException) as raised:
            install(camreq_processing, empty_db + " host=localhost user=camreq_pw_test password=s3cr3t-Wrong")
        assert "password authentication failed" in str(raised.value)
        assert "s3cr3t-Wrong" not in str(raised.value)
        assert not camreq_schema_exists(sql, empty_db)
    finally:
        sql(empty_db, "DROP ROLE camreq_pw_test")


def test_unknown_connection_name_is_named(camreq_processing):
    with pytest.raises(QgsProcessingException, match="CONNECTION 'no such connection' is neither a QGIS"):
        install(camreq_processing, "no such connection")


def test_user_who_cannot_create_postgis_leaves_no_half_made_schema(camreq_processing, empty_db, sql):
    sql(empty_db, "CREATE ROLE camreq_weak LOGIN PASSWORD 'weak'")
    sql(empty_db, 'ALTER DATABASE "{db}" OWNER TO camreq_weak'.format(db=empty_db.split("=")[1]))
    try:
        with pytest.raises(QgsProcessingException, match=r"001_foundation\.sql needs more privileges"):
            install(camreq_processing, empty_db + " host=localhost user=camreq_weak password=weak")
        assert not camreq_schema_exists(sql, empty_db)
    finally:
        sql(empty_db, 'ALTER DATABASE "{db}" OWNER TO postgres'.format(db=empty_db.split("=")[1]))
        sql(empty_db, "DROP ROLE camreq_weak")


def test_saved_qgis_connection_with_authcfg_resolves_credentials(camreq_processing, empty_db, sql):
    auth = QgsApplication.authManager()
    auth.setMasterPassword("camreq-tests", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("camreq tests")
    config.setConfig("username", os.environ["PGUSER"])
    config.setConfig("password", os.environ["PGPASSWORD"])
    assert auth.storeAuthenticationConfig(config)[0]
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = "host={h} port={p} {db} authcfg={a}".format(
        h=os.environ["PGHOST"], p=os.environ["PGPORT"], db=empty_db, a=config.id()
    )
    metadata.saveConnection(metadata.createConnection(uri, {}), "camreq saved")
    try:
        assert "password" not in metadata.findConnection("camreq saved").uri()
        assert install(camreq_processing, "camreq saved")["VERSION"] == schema.latest_version()
    finally:
        metadata.deleteConnection("camreq saved")
        auth.removeAuthenticationConfig(config.id())
