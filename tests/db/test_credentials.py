"""Passwords never reach messages, logs, settings or project files; sslmode reaches libpq."""

from __future__ import annotations

import os

import pytest
from camreq.db.connection import connect, connection_parameters, layer_uri
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsProviderRegistry,
    QgsSettings,
    QgsVectorLayer,
)

SECRET = "Tr0ub4dor-and-3"


@pytest.fixture
def secret_login(db, sql):
    """Return the name of an analyst login whose password is SECRET."""
    name = "t_secret_analyst"
    sql(db, f"CREATE ROLE {name} LOGIN PASSWORD '{SECRET}'; GRANT camreq_analyst TO {name}")
    yield name
    sql(db, f"DROP ROLE {name}")


def test_a_failing_run_with_a_password_leaves_it_in_no_message_log_or_settings(camreq_processing, db, secret_login):
    feedback = QgsProcessingFeedback()
    connection = f"{db} host=localhost user={secret_login} password={SECRET}x"
    with pytest.raises(QgsProcessingException) as raised:
        camreq_processing.run(
            "camreq:grantuser",
            {"CONNECTION": connection, "LOGIN": secret_login, "ROLE": "analyst", "UNIT": ""},
            feedback=feedback,
        )
    assert "password authentication failed" in str(raised.value)
    assert SECRET not in str(raised.value)
    assert SECRET not in feedback.textLog() + feedback.htmlLog()
    QgsSettings().sync()
    with open(QgsSettings().fileName(), encoding="utf-8") as settings_file:
        assert SECRET not in settings_file.read()


def test_an_unreadable_connection_string_is_not_echoed(camreq_processing):
    with pytest.raises(QgsProcessingException, match="neither a QGIS PostgreSQL connection") as raised:
        camreq_processing.run("camreq:installdatabase", {"CONNECTION": f"host=x password={SECRET} dbname='open"})
    assert SECRET not in str(raised.value)


def test_a_project_with_a_camreq_layer_holds_no_password(db, secret_login, tmp_path):
    uri = layer_uri(f"{db} host=localhost user={secret_login} password={SECRET} sslpassword={SECRET}k", "cameras")
    layer = QgsVectorLayer(uri.uri(False), "cameras", "postgres")
    project = QgsProject()
    project.addMapLayer(layer)
    assert project.write(str(tmp_path / "camreq.qgs"))
    saved = (tmp_path / "camreq.qgs").read_text(encoding="utf-8")
    assert f"user='{secret_login}'" in saved and 'table="camreq"."cameras"' in saved.replace("&quot;", '"')
    assert SECRET not in saved


def test_sslmode_of_a_connection_string_reaches_the_server(db):
    with pytest.raises(Exception, match="server does not support SSL"):
        connect(f"{db} host=localhost sslmode=require")
    connect(f"{db} host=localhost sslmode=disable").close()


@pytest.mark.parametrize("mode", ["require", "verify-full", "disable"])
def test_sslmode_of_a_saved_qgis_connection_reaches_libpq(db, mode):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = f"{db} host=localhost port={os.environ['PGPORT']} sslmode={mode}"
    metadata.saveConnection(metadata.createConnection(uri, {}), "camreq ssl")
    try:
        assert connection_parameters("camreq ssl")["sslmode"] == mode
        if mode == "require":
            with pytest.raises(Exception, match="server does not support SSL"):
                connect("camreq ssl")
    finally:
        metadata.deleteConnection("camreq ssl")
