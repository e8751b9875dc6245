"""camreq:checkregistry: each finding appears for the camera or owner built to have it, and for no other."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from camreq.db.connection import connect
from camreq.db.history import PastRequisition, insert_history

PARIS = ZoneInfo("Europe/Paris")
TODAY = date.today()
CLEAN = {
    "direction": 90,
    "last_verified": TODAY - timedelta(days=30),
    "authorisation_expiry": TODAY + timedelta(days=900),
}


def point(lon: float, lat: float) -> str:
    """Return SQL for a WGS84 point in the storage CRS."""
    return f"ST_Transform(ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326), camreq.storage_srid())"


@pytest.fixture
def registry(db, sql, logins):
    """Build owners and cameras that each have exactly one problem (or none), and return the analyst's login."""

    def owner(name: str, email: str | None = "o@example.org", phone: str | None = None) -> int:
        return sql(db, "INSERT INTO camreq.owners (name, email, phone) VALUES (%s, %s, %s) RETURNING id",
                   (name, email, phone))[0][0]  # fmt: skip

    def camera(owner_id: int, ref: str, lon: float = 5.7245, lat: float = 45.1885, **columns) -> int:
        values = {**CLEAN, **columns, "owner_id": owner_id, "ref": ref}
        names = ", ".join(values)
        marks = ", ".join(["%s"] * len(values))
        return sql(db, f"INSERT INTO camreq.cameras ({names}, geom) VALUES ({marks}, {point(lon, lat)}) RETURNING id",
                   tuple(values.values()))[0][0]  # fmt: skip

    city = owner("Ville")
    camera(city, "clean")
    camera(city, "expired", 5.70, 45.18, authorisation_expiry=TODAY - timedelta(days=1))
    camera(city, "expiring", 5.70, 45.181, authorisation_expiry=TODAY + timedelta(days=30))
    camera(city, "stale", 5.70, 45.182, last_verified=TODAY - timedelta(days=400))
    camera(city, "never-verified", 5.70, 45.183, last_verified=None)
    broken = camera(city, "broken", 5.70, 45.184, status="out_of_order")
    camera(city, "broken-lately", 5.70, 45.185, status="out_of_order")
    camera(city, "dup-a", 5.71, 45.19)
    camera(city, "dup-b", 5.710005, 45.19)  # about 40 cm east of dup-a
    camera(city, "blind", 5.70, 45.186, direction=None)
    camera(city, "dome", 5.70, 45.187, direction=None, camera_type="dome")  # a dome needs no direction
    camera(city, "far", 2.35, 48.85)  # Paris: outside the Grenoble territory
    other = owner("Voisin")
    camera(other, "near-dup-a", 5.710003, 45.19)  # under 1 m from dup-a, but another owner
    silent = owner("Sans contact", None, None)
    camera(silent, "silent-1", 5.72, 45.17)
    owner("Par téléphone", None, "04 00 00 00 00")
    slow = owner("Lent")
    slow_camera = camera(slow, "slow-1", 5.73, 45.17, retention_days=7)
    conn = connect(db)
    with conn, conn.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("UPDATE camreq.cameras SET status_since = now() - interval '40 days' WHERE id = %s", (broken,))
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")
        issued = datetime(2026, 3, 2, 10, tzinfo=PARIS)
        insert_history(cursor, [
            PastRequisition("Brigade A", slow, slow_camera, issued - timedelta(hours=5), issued + timedelta(days=day),
                            issued + timedelta(days=day, hours=1), issued + timedelta(days=day, hours=200),
                            "footage_delivered", issued + timedelta(days=day + 7))
            for day in range(5)
        ])  # fmt: skip
    conn.close()
    return logins["analyst"]


EXPECTED = {
    ("authorisation_expired", "expired"), ("authorisation_expiring", "expiring"), ("not_verified", "stale"),
    ("not_verified", "never-verified"), ("out_of_order", "broken"), ("likely_duplicate", "dup-a"),
    ("likely_duplicate", "dup-b"), ("fixed_without_direction", "blind"), ("owner_without_contact", "Sans contact"),
    ("owner_without_contact", "Par téléphone"), ("answers_after_purge", "Lent"),
}  # fmt: skip
TERRITORY = "POLYGON((5.5 45.0, 6.0 45.0, 6.0 45.4, 5.5 45.4, 5.5 45.0))"


def found(layer) -> set[tuple[str, str]]:
    """Return (problem, camera ref or owner name) of each finding of the output layer."""
    return {(f["problem"], f["camera_ref"] or f["owner_name"]) for f in layer.getFeatures()}


def test_each_problem_is_found_for_the_camera_or_owner_built_to_have_it_and_no_other(registry, camreq_processing):
    outputs = camreq_processing.run("camreq:checkregistry", {"CONNECTION": registry, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert found(outputs["OUTPUT"]) == EXPECTED
    assert outputs["COUNT"] == len(EXPECTED)


def test_cameras_outside_the_territory_are_found_when_a_territory_is_given(registry, camreq_processing):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    territory = QgsVectorLayer("Polygon?crs=EPSG:4326", "territory", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(TERRITORY))
    territory.dataProvider().addFeature(feature)
    outputs = camreq_processing.run(
        "camreq:checkregistry", {"CONNECTION": registry, "TERRITORY": territory, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    assert found(outputs["OUTPUT"]) == EXPECTED | {("outside_territory", "far")}


def test_findings_carry_a_severity_a_sentence_and_a_place_and_are_drawn_by_severity(registry, camreq_processing):
    from camreq.processing.check_registry import SeverityStyle
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    layer = camreq_processing.run("camreq:checkregistry", {"CONNECTION": registry, "OUTPUT": "TEMPORARY_OUTPUT"})[
        "OUTPUT"
    ]
    rows = {f["camera_ref"] or f["owner_name"]: f for f in layer.getFeatures()}
    assert rows["expired"]["severity"] == "high"
    assert rows["expired"]["message"].startswith("Camera expired of Ville: its prefectoral authorisation expired on ")
    assert rows["dup-a"]["message"] == "Camera dup-a of Ville: likely duplicate of dup-b (same owner, under 1 m)."
    assert "199.0 hours" in rows["Lent"]["message"] and "(7 days)" in rows["Lent"]["message"]
    assert rows["Sans contact"]["message"].endswith("nor phoned.")
    assert rows["Par téléphone"]["severity"] == "high" and "nor phoned" not in rows["Par téléphone"]["message"]
    assert not rows["Lent"].geometry().isEmpty()  # an owner sits at the centre of its cameras
    SeverityStyle().postProcessLayer(layer, QgsProcessingContext(), QgsProcessingFeedback())
    renderer = layer.renderer()
    assert renderer.classAttribute() == "severity"
    assert [category.value() for category in renderer.categories()] == ["high", "medium", "low"]


def test_an_investigator_cannot_check_the_registry(registry, logins, camreq_processing):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="permission denied"):
        camreq_processing.run(
            "camreq:checkregistry", {"CONNECTION": logins["investigator"], "OUTPUT": "TEMPORARY_OUTPUT"}
        )
