"""Bad search input is refused without logging; selection on the camera layer; the shipped morning model."""

from __future__ import annotations

import pytest
from camreq.db.connection import layer_uri
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

POINT = "POINT(5.7245 45.1885)"
LOCAL_CRS = 'LOCAL_CS["site grid",LOCAL_DATUM["site",0],UNIT["metre",1],AXIS["X",EAST],AXIS["Y",NORTH]]'
BASE = {
    "ID_FIELD": "name",
    "DISTANCE": 200,
    "START": "2025-03-10T10:00:00",
    "END": "2025-03-10T11:00:00",
    "REASON": "PV 2025/9 bad input",
    "OUTPUT": "memory:",
}


@pytest.mark.parametrize(
    ("features", "crs", "overrides", "message"),
    [
        ([("", {"name": "A"})], "EPSG:4326", {}, "INCIDENTS: incident 'A' has an empty geometry"),
        (
            [("POLYGON((5.72 45.18, 5.73 45.19, 5.73 45.18, 5.72 45.19, 5.72 45.18))", {"name": "bow"})],
            "EPSG:4326",
            {},
            "INCIDENTS: incident 'bow' has an invalid geometry",
        ),
        ([(POINT, {"name": "A"})], "", {}, "INCIDENTS: the layer has no CRS"),
        ([("POINT(913500 6458000)", {"name": "A"})], LOCAL_CRS, {}, "INCIDENTS: the layer's CRS .* cannot be"),
        ([("POINT(500 45)", {"name": "A"})], "EPSG:4326", {}, "INCIDENTS: incident 'A' is not on Earth"),
        ([(POINT, {"name": "A"})], "EPSG:4326", {"DISTANCE": -5}, "DISTANCE: -5 m is out of range"),
        ([(POINT, {"name": "A"})], "EPSG:4326", {"DISTANCE": 6000}, "DISTANCE: 6000 m is out of range"),
        ([(POINT, {"name": "A"})], "EPSG:4326", {"END": "2025-03-10T09:00:00"}, "END: incident 'A' ends"),
        ([(POINT, {"name": "A"})], "EPSG:4326", {"START": None}, "START: give the incident start"),
        ([(POINT, {"name": "A"})], "EPSG:4326", {"END": None}, "END: incident 'A' has no end"),
        ([(POINT, {"name": "A"})], "EPSG:4326", {"REASON": "  "}, "REASON: say why you search"),
        ([(POINT, {"name": "A"}), (POINT, {"name": "A"})], "EPSG:4326", {}, "ID_FIELD: the incident id 'A' appears"),
        (
            [(POINT, {"name": "A", "start": "yesterday"})],
            "EPSG:4326",
            {"START": None, "START_FIELD": "start"},
            "START_FIELD: 'yesterday' is not an ISO 8601 date-time",
        ),
    ],
    ids=[
        "empty",
        "invalid",
        "no-crs",
        "crs-without-datum",
        "longitude-500",
        "negative",
        "over-5km",
        "end-before-start",
        "no-start",
        "no-end",
        "no-reason",
        "duplicate-id",
        "bad-start-field",
    ],
)
def test_bad_input_is_named_and_nothing_is_logged(
    camreq_processing, db, sql, add_camera, incident_layer, features, crs, overrides, message
):
    add_camera(5.7245, 45.1886)
    geometry = "Polygon" if features[0][0].startswith("POLYGON") else "Point"
    parameters = dict(BASE, CONNECTION=db, INCIDENTS=incident_layer(features, crs=crs, geometry=geometry), **overrides)
    with pytest.raises(QgsProcessingException, match=message):
        camreq_processing.run("camreq:camerasnearincident", parameters)
    assert sql(db, "SELECT count(*) FROM camreq.searches") == [(0,)]
    assert sql(db, "SELECT count(*) FROM camreq.search_incidents") == [(0,)]


def test_a_route_in_separate_pieces_is_refused_with_a_speed(camreq_processing, db, sql, incident_layer):
    route = "MULTILINESTRING((5.72 45.18, 5.73 45.18), (5.74 45.19, 5.75 45.19))"
    layer = incident_layer([(route, {"name": "R"})], geometry="MultiLineString")
    with pytest.raises(QgsProcessingException, match="INCIDENTS: route 'R' has 2 separate parts"):
        camreq_processing.run("camreq:camerasnearincident", dict(BASE, CONNECTION=db, INCIDENTS=layer, SPEED_KMH=50))
    assert sql(db, "SELECT count(*) FROM camreq.searches") == [(0,)]


def test_select_marks_the_cameras_found_on_the_camera_layer(camreq_processing, db, sql, add_camera, incident_layer):
    near = {add_camera(5.7245, 45.1886), add_camera(5.7247, 45.1885)}
    far = add_camera(5.7300, 45.1950)
    cameras = QgsVectorLayer(layer_uri(db, "cameras").uri(False), "cameras", "postgres")
    assert cameras.isValid()
    cameras.selectByIds([feature.id() for feature in cameras.getFeatures()])  # replaced, not kept
    outputs = camreq_processing.run(
        "camreq:selectcamerasnearincident",
        dict(BASE, CONNECTION=db, INPUT=cameras, INCIDENTS=incident_layer([(POINT, {"name": "A"})]), METHOD=0),
    )
    assert outputs["OUTPUT"] == cameras.id()
    assert {feature["id"] for feature in cameras.selectedFeatures()} == near
    assert far not in {feature["id"] for feature in cameras.selectedFeatures()}
    assert sql(db, "SELECT result_count FROM camreq.searches WHERE id = %s", (outputs["SEARCH_ID"],)) == [(2,)]


def test_select_refuses_a_layer_that_is_not_the_camera_layer(camreq_processing, db, sql, incident_layer):
    other = incident_layer([(POINT, {"name": "x"})])
    with pytest.raises(QgsProcessingException, match="INPUT: give the camera layer"):
        camreq_processing.run(
            "camreq:selectcamerasnearincident",
            dict(BASE, CONNECTION=db, INPUT=other, INCIDENTS=incident_layer([(POINT, {"name": "A"})])),
        )
    assert sql(db, "SELECT count(*) FROM camreq.searches") == [(0,)]


def test_the_morning_model_is_in_the_toolbox_and_finds_cameras_per_incident(
    camreq_processing, db, sql, add_camera, incident_layer
):
    model = QgsApplication.processingRegistry().algorithmById("camreq:morningcameras")
    assert model is not None
    first, second = add_camera(5.7245, 45.1886), add_camera(5.7300, 45.1950)
    layer = incident_layer(
        [
            (POINT, {"name": "night", "start": "2025-03-09T23:00:00", "end": "2025-03-09T23:30:00"}),
            ("POINT(5.7300 45.1951)", {"name": "dawn", "start": "2025-03-10T05:00:00", "end": "2025-03-10T05:10:00"}),
        ]
    )
    outputs = camreq_processing.run(
        "camreq:morningcameras",
        {
            "CONNECTION": db,
            "INCIDENTS": layer,
            "ID_FIELD": "name",
            "START_FIELD": "start",
            "END_FIELD": "end",
            "DISTANCE": 200,
            "REASON": "Morning review",
            "camreq_camerasnearincident_1:Cameras to request": "memory:",
        },
    )
    result = outputs["camreq_camerasnearincident_1:Cameras to request"]
    if isinstance(result, str):
        result = QgsVectorLayer(result, "result", "ogr")
    found = {(feature["incident_id"], feature["camera_id"]) for feature in result.getFeatures()}
    assert found == {("night", first), ("dawn", second)}
    assert sql(db, "SELECT reason, incident_count FROM camreq.searches") == [("Morning review", 2)]
