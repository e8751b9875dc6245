"""camreq:importcameras and camreq:importowners on files as they come: OSM files, Overpass JSON, French names,
a wrong CRS, a field map and a dry run; each re-imported changes nothing."""

from __future__ import annotations

import json

import pytest
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

CAMERAS = (
    "SELECT osm_id, ref, camera_type, direction, tilt, public_space, address, retention_days, status, "
    "height_m, fov, round(ST_X(geom)), round(ST_Y(geom)) FROM camreq.cameras ORDER BY osm_id, ref"
)


def run(processing, algorithm: str, db: str, layer, feedback=None, **parameters) -> dict:
    """Run an import with temporary rejected and warned outputs."""
    return processing.run(
        f"camreq:{algorithm}",
        {"CONNECTION": db, "INPUT": layer, "OUTPUT_REJECTED": "TEMPORARY_OUTPUT",
         "OUTPUT_WARNINGS": "TEMPORARY_OUTPUT", **parameters},
        feedback=feedback,
    )  # fmt: skip


def rows_of(outputs: dict, output: str, key: str) -> dict:
    """Return {row key: text} of OUTPUT_REJECTED (reason) or OUTPUT_WARNINGS (warning)."""
    column = "reason" if output == "OUTPUT_REJECTED" else "warning"
    return {feature[key]: feature[column] for feature in outputs[output].getFeatures()}


def counts(outputs: dict) -> tuple:
    """Return (imported, updated, rejected, warned, skipped)."""
    return tuple(outputs[name] for name in ("IMPORTED", "UPDATED", "REJECTED", "WARNED", "SKIPPED"))


def imported_twice(processing, db, sql, layer, **parameters) -> tuple[dict, dict]:
    """Import twice; assert the second run only updates and leaves the registry as the first left it."""
    first = run(processing, "importcameras", db, layer, **parameters)
    snapshot = sql(db, "SELECT * FROM (" + CAMERAS + ") c"), sql(db, "SELECT id, name FROM camreq.owners ORDER BY id")
    again = run(processing, "importcameras", db, layer, **parameters)
    assert again["IMPORTED"] == 0 and again["UPDATED"] == first["IMPORTED"] + first["UPDATED"]
    assert (
        sql(db, "SELECT * FROM (" + CAMERAS + ") c"),
        sql(db, "SELECT id, name FROM camreq.owners ORDER BY id"),
    ) == snapshot
    return first, again


OSM_XML = """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="camreq test">
 <node id="29773946" lat="45.1885" lon="5.7245" version="1">
  <tag k="man_made" v="surveillance"/><tag k="surveillance:type" v="camera"/>
  <tag k="camera:type" v="fixed"/><tag k="surveillance" v="public"/><tag k="camera:direction" v="north-east"/>
  <tag k="operator" v="Bar &quot;Le Grenette&quot;"/>
 </node>
 <node id="29773947" lat="45.1890" lon="5.7250" version="1">
  <tag k="man_made" v="surveillance"/><tag k="surveillance:type" v="ALPR"/><tag k="surveillance" v="traffic"/>
  <tag k="camera:direction" v="90;160;270"/><tag k="camera:angle" v="15°"/><tag k="operator" v="Métropole"/>
 </node>
 <node id="29773948" lat="45.1895" lon="5.7255" version="1">
  <tag k="man_made" v="surveillance"/><tag k="surveillance:type" v="guard"/>
 </node>
 <node id="29773949" lat="45.1900" lon="5.7260" version="1"><tag k="amenity" v="bench"/></node>
</osm>
"""


def test_an_osm_file_opened_by_the_osm_driver_keeps_its_node_ids_and_other_tags(camreq_processing, db, sql, tmp_path):
    path = tmp_path / "extract.osm"
    path.write_text(OSM_XML, encoding="utf-8")
    layer = QgsVectorLayer(f"{path}|layername=points", "points", "ogr")
    assert layer.isValid() and "other_tags" in layer.fields().names()
    first, _ = imported_twice(camreq_processing, db, sql, layer)
    assert counts(first) == (2, 0, 0, 1, 2)
    assert rows_of(first, "OUTPUT_WARNINGS", "osm_id") == {
        "29773947": "camera:direction '90;160;270' gives 3 directions: the field of view is drawn as a disc; "
        "direction left empty"
    }
    assert sql(
        db,
        "SELECT c.osm_id, o.name, c.camera_type, c.direction, c.tilt, c.public_space FROM camreq.cameras c"
        " JOIN camreq.owners o ON o.id = c.owner_id ORDER BY c.osm_id",
    ) == [
        ("node/29773946", 'Bar "Le Grenette"', "fixed", 45.0, None, True),
        ("node/29773947", "Métropole", "anpr", None, 15.0, True),
    ]


def test_overpass_json_which_qgis_cannot_open_is_read_from_its_path(camreq_processing, db, sql, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"version": 0.6, "generator": "Overpass API", "elements": [
        {"type": "node", "id": 501, "lat": 45.1885, "lon": 5.7245,
         "tags": {"man_made": "surveillance", "surveillance:type": "camera", "camera:direction": "180, 270",
                  "surveillance": "webcam", "operator": "Office de tourisme"}},
        {"type": "way", "id": 502, "center": {"lat": 45.189, "lon": 5.725},
         "tags": {"man_made": "surveillance", "camera:type": "dome", "operator": "Parking"}},
        {"type": "node", "id": 503, "lat": 45.19, "lon": 5.726,
         "tags": {"man_made": "surveillance", "surveillance:type": "guard"}},
        {"type": "way", "id": 504, "tags": {"man_made": "surveillance", "operator": "Nowhere"}},
        {"type": "node", "id": 505, "lat": 45.191, "lon": 5.727, "tags": {"amenity": "bench"}},
    ]}), encoding="utf-8")  # fmt: skip
    first, _ = imported_twice(camreq_processing, db, sql, str(path))
    assert counts(first) == (2, 0, 1, 1, 2)
    assert rows_of(first, "OUTPUT_REJECTED", "osm_id") == {"way/504": "position is missing: the row has no point"}
    assert sql(db, "SELECT osm_id, camera_type, direction, public_space FROM camreq.cameras ORDER BY osm_id") == [
        ("node/501", "fixed", None, True),
        ("way/502", "dome", None, True),
    ]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ({"camera:direction": "360"}, (0.0, None, None, True)),
        ({"camera:direction": "-8"}, (352.0, None, None, True)),
        ({"direction": 360.0}, (0.0, None, None, True)),
        ({"direction": -8.0}, (352.0, None, None, True)),
        ({"camera:direction": "north"}, (0.0, None, None, True)),
        ({"camera:direction": "north-east"}, (45.0, None, None, True)),
        ({"camera:direction": "South West"}, (225.0, None, None, True)),
        ({"camera:angle": "15°"}, (None, 15.0, None, True)),
        ({"surveillance": "traffic"}, (None, None, None, True)),
        ({"surveillance": "webcam"}, (None, None, None, True)),
        ({"surveillance": "red_light"}, (None, None, None, True)),
        ({"surveillance": "indoor"}, (None, None, None, False)),
        ({"surveillance": "outdoor"}, (None, None, None, True)),
        ({"surveillance:type": "ALPR"}, (None, None, "anpr", True)),
    ],
)
def test_odd_values_with_an_obvious_meaning_are_read(camreq_processing, db, sql, point_layer, tags, expected):
    row = {"osm_id": "node/42", "man_made": "surveillance", "operator": "Ville", "x": 5.7245, "y": 45.1885, **tags}
    outputs = run(camreq_processing, "importcameras", db, point_layer([row]))
    direction, tilt, camera_type, public = expected
    assert sql(db, "SELECT direction, tilt, camera_type, public_space FROM camreq.cameras") == [
        (direction, tilt, camera_type or "fixed", public)
    ]
    assert counts(outputs) == (1, 0, 0, 0, 0)


@pytest.mark.parametrize("value", ["90;160;270", "180, 270"])
def test_several_directions_keep_the_camera_as_a_disc_with_a_warning(camreq_processing, db, sql, point_layer, value):
    row = {
        "osm_id": "node/43",
        "man_made": "surveillance",
        "operator": "Ville",
        "camera:direction": value,
        "x": 5.7245,
        "y": 45.1885,
    }
    outputs = run(camreq_processing, "importcameras", db, point_layer([row]))
    assert counts(outputs) == (1, 0, 0, 1, 0)
    warning = rows_of(outputs, "OUTPUT_WARNINGS", "osm_id")["node/43"]
    assert "directions: the field of view is drawn as a disc" in warning
    assert sql(db, "SELECT direction, ST_NPoints(fov_geom) > 60 FROM camreq.cameras") == [(None, True)]  # a disc


FRENCH = {
    "Nom": "VDG-0099",
    "Adresse": "Place Grenette",
    "Type": "Dôme",
    "Orientation": "Sud",
    "Angle": "90",
    "Hauteur": "6 m",
    "Propriétaire": "Ville de Grenoble",
    "Durée de conservation": "15",
    "Statut": "Hors service",
    "Date de mise en service": "2019-05-01",
}


def french_file(tmp_path, driver: str, suffix: str) -> str:
    """Write one camera with French field names in Lambert-93 and return the path."""
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "cameras", "memory")
    layer.dataProvider().addAttributes([QgsField(name, QVariant.String) for name in FRENCH])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setAttributes(list(FRENCH.values()))
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(913500, 6458000)))
    layer.dataProvider().addFeature(feature)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.fileEncoding = driver, "UTF-8"
    path = str(tmp_path / f"cameras{suffix}")
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return path


@pytest.mark.parametrize(("driver", "suffix"), [("ESRI Shapefile", ".shp"), ("GPKG", ".gpkg")])
def test_french_field_names_are_read_and_the_feedback_says_what_was_used(
    camreq_processing, db, sql, tmp_path, log_feedback, driver, suffix
):
    path = french_file(tmp_path, driver, suffix)  # a Shapefile cuts names at 10 bytes: Propriéta, Durée de
    feedback = log_feedback
    first = run(camreq_processing, "importcameras", db, path, feedback=feedback)
    assert counts(first) == (1, 0, 0, 0, 0)
    assert sql(db, CAMERAS) == [
        (None, "VDG-0099", "dome", 180.0, None, True, "Place Grenette", 15, "out_of_order", 6.0, 90.0, 913500, 6458000)
    ]
    used = next(line for line in feedback.lines if line.startswith("Fields used:"))
    assert "Nom → ref" in used and "Orientatio" in used and "→ retention_days" in used
    ignored = next(line for line in feedback.lines if line.startswith("Fields ignored:"))
    assert "Date de mi" in ignored and "Nom" not in ignored
    imported_twice(camreq_processing, db, sql, path)


def test_a_field_map_reads_fields_of_any_name(camreq_processing, db, sql, point_layer):
    layer = point_layer(
        [{"Identifiant": "X-1", "Lieu": "Rue Lafayette", "Exploitant": "Tram", "Jours": 9, "x": 5.7245, "y": 45.1885}]
    )
    imported_twice(camreq_processing, db, sql, layer, FIELD_MAP="ref=Identifiant; address=lieu;retention_days=Jours")
    assert sql(db, "SELECT ref, address, retention_days FROM camreq.cameras") == [("X-1", "Rue Lafayette", 9)]


@pytest.mark.parametrize(
    ("field_map", "message"),
    [
        ("ref", "FIELD_MAP: 'ref' is not target=source"),
        ("colour=Identifiant", "FIELD_MAP: 'colour' is not a field CamReq reads"),
        ("ref=Missing", "FIELD_MAP: the layer has no field 'Missing' \\(for ref\\)"),
    ],
)
def test_a_bad_field_map_is_named_and_nothing_imported(camreq_processing, db, sql, point_layer, field_map, message):
    layer = point_layer([{"Identifiant": "X-1", "owner": "Tram", "x": 5.7245, "y": 45.1885}])
    with pytest.raises(QgsProcessingException, match=message):
        run(camreq_processing, "importcameras", db, layer, FIELD_MAP=field_map)
    assert sql(db, "SELECT count(*) FROM camreq.cameras") == [(0,)]


def test_lambert93_metres_read_as_degrees_are_named_and_source_crs_places_them(camreq_processing, db, sql, tmp_path):
    path = tmp_path / "opendata.geojson"  # no "crs" member: QGIS reads the coordinates as degrees
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"ref": "L93-1", "owner": "Ville"},
         "geometry": {"type": "Point", "coordinates": [913500.4, 6458000.2]}},
    ]}), encoding="utf-8")  # fmt: skip
    refused = run(camreq_processing, "importcameras", db, str(path))
    assert rows_of(refused, "OUTPUT_REJECTED", "ref") == {
        "L93-1": "position 913500, 6458000 look like Lambert-93 metres (EPSG:2154): set the layer's CRS (or SOURCE_CRS)"
    }
    imported_twice(camreq_processing, db, sql, str(path), SOURCE_CRS="EPSG:2154")
    assert sql(db, "SELECT ref, round(ST_X(geom)), round(ST_Y(geom)) FROM camreq.cameras") == [
        ("L93-1", 913500, 6458000)
    ]


def test_a_dry_run_reports_everything_and_writes_nothing(camreq_processing, db, sql, point_layer, log_feedback):
    owners = point_layer(
        [{"Nom": "Ville de Meylan", "Type": "Ville", "Courriel": "req@meylan.example.org", "x": 5.78, "y": 45.2}]
    )
    cameras = point_layer(
        [
            {"ref": "C1", "owner": "Ville de Meylan", "x": 5.7245, "y": 45.1885},
            {"ref": "C2", "owner": "", "x": 5.7245, "y": 45.1885},
        ]
    )
    feedback = log_feedback
    owned = run(camreq_processing, "importowners", db, owners, DRY_RUN=True, feedback=feedback)
    tried = run(camreq_processing, "importcameras", db, cameras, DRY_RUN=True, feedback=feedback)
    assert (counts(owned), counts(tried), tried["OWNERS_CREATED"]) == ((1, 0, 0, 0, 0), (1, 0, 1, 0, 0), 1)
    assert "Dry run: nothing was written, the transaction was rolled back." in feedback.lines
    assert sql(db, "SELECT (SELECT count(*) FROM camreq.owners), (SELECT count(*) FROM camreq.cameras)") == [(0, 0)]


def test_french_owner_fields_and_kinds_are_read(camreq_processing, db, sql, point_layer):
    owners = point_layer(
        [
            {
                "Nom": "Ville de Meylan",
                "Type": "Ville",
                "Courriel": "req@meylan.example.org",
                "Téléphone": "04 76 00 00 00",
                "x": 5.78,
                "y": 45.2,
            }
        ]
    )
    first = run(camreq_processing, "importowners", db, owners)
    again = run(camreq_processing, "importowners", db, owners)
    assert (counts(first), counts(again)) == ((1, 0, 0, 0, 0), (0, 1, 0, 0, 0))
    assert sql(db, "SELECT name, kind, email, phone FROM camreq.owners") == [
        ("Ville de Meylan", "city", "req@meylan.example.org", "04 76 00 00 00")
    ]
