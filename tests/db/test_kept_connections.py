"""The connection a search keeps for the next one is closed when the plugin unloads, and searching still works."""

from __future__ import annotations

import camreq
import pytest
from camreq.db.connection import close_kept_connections

CENTRE = (5.7245, 45.1885)


def camreq_backends(sql, db: str) -> set[int]:
    """Return the server processes of db's camreq sessions, other than the one asking."""
    rows = sql(
        db,
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'camreq' "
        "AND pid <> pg_backend_pid()",
    )
    return {pid for (pid,) in rows}


def search(processing, db: str, incident_layer) -> int:
    """Run camreq:camerasnearincident once and return how many cameras it found."""
    layer = incident_layer([(f"POINT({CENTRE[0]} {CENTRE[1]})", {"name": "A"})])
    outputs = processing.run("camreq:camerasnearincident", {
        "CONNECTION": db, "INCIDENTS": layer, "ID_FIELD": "name", "DISTANCE": 200,
        "START": "2025-03-10T10:00:00+01:00", "END": "2025-03-10T11:00:00+01:00",
        "REASON": "PV 2025/1 unload", "OUTPUT": "memory:",
    })  # fmt: skip
    return outputs["OUTPUT"].featureCount()


@pytest.fixture
def plugin(qgis_iface):
    """Return the plugin object as QGIS creates it (the searches use the test's camreq provider)."""
    return camreq.classFactory(qgis_iface)


def test_unload_closes_the_connection_kept_by_searches(plugin, camreq_processing, db, sql, add_camera, incident_layer):
    processing = camreq_processing
    add_camera(*CENTRE)
    assert camreq_backends(sql, db) == set()
    assert search(processing, db, incident_layer) == 1
    kept = camreq_backends(sql, db)
    assert len(kept) == 1, "the search keeps one connection open for the next search"
    assert search(processing, db, incident_layer) == 1
    assert camreq_backends(sql, db) == kept, "the next search reuses it"
    plugin.unload()
    for _ in range(50):  # the server ends the session once it reads the client's goodbye
        if not camreq_backends(sql, db):
            break
        sql(db, "SELECT pg_sleep(0.05)")
    assert camreq_backends(sql, db) == set()


def test_a_search_after_the_kept_connection_was_closed_opens_a_new_one(
    camreq_processing, db, sql, add_camera, incident_layer
):
    processing = camreq_processing
    add_camera(*CENTRE)
    assert search(processing, db, incident_layer) == 1
    close_kept_connections()
    assert search(processing, db, incident_layer) == 1
    assert len(camreq_backends(sql, db)) == 1
