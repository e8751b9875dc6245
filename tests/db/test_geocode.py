"""camreq:geocodeincidents, the morning model from addresses, and the sample's incidents given by address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qgis.core import (
    QgsDistanceArea,
    QgsFeature,
    QgsField,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

SAMPLE = Path(__file__).resolve().parents[2] / "sample"


def address_table(rows: list[dict]) -> QgsVectorLayer:
    """Return a memory table (no geometry) of text fields."""
    layer = QgsVectorLayer("None", "incidents", "memory")
    names = list(rows[0])
    layer.dataProvider().addAttributes([QgsField(name, QVariant.String) for name in names])
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([row[name] for name in names])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def features_of(result) -> list[QgsFeature]:
    """Return the features of a Processing output (layer or path)."""
    layer = result if isinstance(result, QgsVectorLayer) else QgsVectorLayer(result, "out", "ogr")
    return list(layer.getFeatures())


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the ellipsoidal distance in metres between two WGS84 points."""
    measure = QgsDistanceArea()
    measure.setEllipsoid("EPSG:7019")
    return measure.measureLine(QgsPointXY(*a), QgsPointXY(*b))


def test_rows_are_placed_with_score_and_label_and_weak_ones_left_out(camreq_processing, addresses_db):
    table = address_table(
        [
            {"ref": "A", "adresse": "12 r. felix poulat", "ville": "Grenoble"},
            {"ref": "B", "adresse": "3 av de la republique", "ville": "Echirolles"},
            {"ref": "C", "adresse": "Sentier des Nuages Perdus", "ville": "Nowhere"},
        ]
    )
    outputs = camreq_processing.run(
        "camreq:geocodeincidents",
        {
            "CONNECTION": addresses_db,
            "INPUT": table,
            "ADDRESS_FIELD": "adresse",
            "CITY_FIELD": "ville",
            "OUTPUT": "memory:",
        },
    )
    placed = {
        f["ref"]: (f["geocode_label"], f["geocode_score"], f.geometry().asPoint())
        for f in features_of(outputs["OUTPUT"])
    }
    assert outputs["UNMATCHED"] == 1
    assert set(placed) == {"A", "B"}
    assert placed["A"][0] == "12 Rue Félix Poulat 38000 Grenoble" and placed["A"][1] >= 0.9
    assert placed["B"][0] == "3 Avenue de la République 38130 Échirolles"
    assert metres((placed["A"][2].x(), placed["A"][2].y()), (5.7240 + 12 * 0.000127, 45.1890)) < 0.5


def test_min_score_leaves_out_the_street_when_the_number_is_unknown(camreq_processing, addresses_db):
    table = address_table([{"adresse": "99 rue Félix Poulat 38000"}])
    lenient = camreq_processing.run(
        "camreq:geocodeincidents",
        {
            "CONNECTION": addresses_db,
            "INPUT": table,
            "ADDRESS_FIELD": "adresse",
            "MIN_SCORE": 0.5,
            "OUTPUT": "memory:",
        },
    )
    strict = camreq_processing.run(
        "camreq:geocodeincidents",
        {
            "CONNECTION": addresses_db,
            "INPUT": table,
            "ADDRESS_FIELD": "adresse",
            "OUTPUT": "memory:",
            "MIN_SCORE": 0.8,
        },
    )
    assert [f["geocode_label"] for f in features_of(lenient["OUTPUT"])] == ["Rue Félix Poulat 38000 Grenoble"]
    assert (strict["UNMATCHED"], features_of(strict["OUTPUT"])) == (1, [])


def test_a_database_without_addresses_says_what_to_load(camreq_processing, db):
    with pytest.raises(QgsProcessingException, match="holds no address: load the Base Adresse Nationale"):
        camreq_processing.run(
            "camreq:geocodeincidents",
            {
                "CONNECTION": db,
                "INPUT": address_table([{"adresse": "1 rue x"}]),
                "ADDRESS_FIELD": "adresse",
                "OUTPUT": "memory:",
            },
        )


def test_the_morning_model_from_addresses_finds_the_cameras_of_each_incident(
    camreq_processing, addresses_db, sql, add_camera
):
    near_poulat = add_camera(5.7240 + 12 * 0.000127, 45.18905)
    add_camera(5.70, 45.17)  # far from both
    table = address_table(
        [
            {
                "name": "night",
                "address": "12 rue felix poulat",
                "start": "2025-03-09T23:00:00",
                "end": "2025-03-09T23:30:00",
            },
            {
                "name": "lost",
                "address": "Sentier des Nuages Perdus",
                "start": "2025-03-09T23:00:00",
                "end": "2025-03-09T23:30:00",
            },
        ]
    )
    outputs = camreq_processing.run(
        "camreq:morningaddresses",
        {
            "CONNECTION": addresses_db,
            "ADDRESSES": table,
            "ADDRESS_FIELD": "address",
            "ID_FIELD": "name",
            "START_FIELD": "start",
            "END_FIELD": "end",
            "DISTANCE": 100,
            "REASON": "Morning review by address",
            "camreq_camerasnearincident_1:Cameras to request": "memory:",
        },
    )
    found = {
        (f["incident_id"], f["camera_id"])
        for f in features_of(outputs["camreq_camerasnearincident_1:Cameras to request"])
    }
    assert found == {("night", near_poulat)}
    assert sql(addresses_db, "SELECT reason, incident_count FROM camreq.searches") == [("Morning review by address", 1)]


def test_the_sample_incident_given_by_address_lands_on_the_sample_incident(camreq_processing, db, sql):
    loaded = camreq_processing.run("camreq:loadsampledata", {"CONNECTION": db})
    assert loaded["ADDRESSES"] == sql(db, "SELECT count(*) FROM camreq.addresses")[0][0] > 5000
    assert loaded["REJECTED"] == 0
    outputs = camreq_processing.run(
        "camreq:geocodeincidents",
        {
            "CONNECTION": db,
            "INPUT": str(SAMPLE / "incident_addresses.csv"),
            "ADDRESS_FIELD": "address",
            "CITY_FIELD": "city",
            "OUTPUT": "memory:",
        },
    )
    assert outputs["UNMATCHED"] == 0
    placed = {f["name"]: f.geometry().asPoint() for f in features_of(outputs["OUTPUT"])}
    incidents = json.loads((SAMPLE / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    point = next(f for f in incidents if f["properties"]["name"].startswith("INC-001"))["geometry"]["coordinates"]
    inc = next(p for name, p in placed.items() if name.startswith("INC-001"))
    assert metres((inc.x(), inc.y()), tuple(point)) < 25
