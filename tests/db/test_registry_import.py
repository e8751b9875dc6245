"""camreq:importcameras and camreq:importowners: formats, OSM tags, idempotence, reasons, rollback, CRS."""

from __future__ import annotations

import csv

import pytest
from camreq.core.sample_data import OSM_GEOJSON, delimited_text_layer
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)

GRENOBLE = {"x": 5.7245, "y": 45.1885}  # place Grenette, WGS84


def camera(ref: str, **fields) -> dict:
    """Return one camera row near Grenoble with an owner, a ref and the given fields."""
    return {"ref": ref, "owner": "Ville de Grenoble", **GRENOBLE, **fields}


def rows(sql, db: str, query: str, params: tuple = ()) -> list[tuple]:
    """Return the rows of a query (a thin alias that reads well in asserts)."""
    return sql(db, query, params)


def test_csv_with_x_y_columns_is_imported(db, sql, import_cameras, tmp_path):
    path = tmp_path / "cameras.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["REF", "Owner", "Camera_Type", "Direction", "Retention_Days", "x", "y"])
        writer.writerow(["C1", "Ville de Grenoble", "Dome", "", "14", GRENOBLE["x"], GRENOBLE["y"]])
    layer = delimited_text_layer(path, "cameras", ("x", "y"))
    outputs, reasons = import_cameras(db, layer, key="REF")
    assert (outputs["IMPORTED"], outputs["REJECTED"], reasons) == (1, 0, {})
    assert rows(sql, db, "SELECT ref, camera_type, direction, retention_days FROM camreq.cameras") == [
        ("C1", "dome", None, 14)
    ]


@pytest.mark.parametrize(("driver", "suffix"), [("GPKG", ".gpkg"), ("GeoJSON", ".geojson")])
def test_geopackage_and_geojson_files_are_imported(db, sql, import_cameras, point_file, driver, suffix):
    path = point_file([camera("C1", direction=90.0, fov=60.0, range_m=40.0, height=6.5)], driver, suffix)
    outputs, _ = import_cameras(db, path)
    assert outputs["IMPORTED"] == 1
    assert rows(sql, db, "SELECT ref, direction, fov, range_m, height_m FROM camreq.cameras") == [
        ("C1", 90.0, 60.0, 40.0, 6.5)
    ]


def warnings_of(outputs: dict, key: str) -> dict:
    """Return {row key: warning} of an import's OUTPUT_WARNINGS."""
    return {feature[key]: feature["warning"] for feature in outputs["OUTPUT_WARNINGS"].getFeatures()}


def test_osm_sample_keeps_every_camera_and_warns_about_each_bad_tag(db, sql, import_cameras):
    outputs, reasons = import_cameras(
        db, str(OSM_GEOJSON), key="osm_id", DEFAULT_OWNER="Grenoble-Alpes Métropole", OUTPUT_WARNINGS="TEMPORARY_OUTPUT"
    )
    assert (outputs["IMPORTED"], outputs["UPDATED"], outputs["REJECTED"], outputs["SKIPPED"]) == (44, 0, 0, 1)
    assert reasons == {}
    assert warnings_of(outputs, "osm_id") == {
        "node/99000000001": "camera:direction 'abc' is not degrees, a compass point or a range; direction left empty",
        "node/99000000010": "height 'tall' is not a height in metres or feet; height left empty",
        "node/99000000019": "camera:angle '120' is not between 0 and 90 degrees; tilt left empty",
        "node/99000000028": "camera:type 'bullet' is not fixed, dome or panning; camera_type left empty",
    }
    assert outputs["WARNED"] == 4
    assert sql(db, "SELECT count(*) FROM camreq.cameras WHERE osm_id = 'node/99000000037'") == [(0,)]  # the guard
    assert sql(db, "SELECT camera_type, direction FROM camreq.cameras WHERE osm_id = 'node/99000000028'") == [
        ("fixed", 225.0)
    ]  # the database's default type; the other tags are kept
    assert outputs["OWNERS_CREATED"] == 5  # the directory is empty: each of the 5 operators is new


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ({"camera:direction": "135"}, {"direction": 135.0, "fov": None}),
        ({"camera:direction": "NE"}, {"direction": 45.0, "fov": None}),
        ({"camera:direction": "90-270"}, {"direction": 180.0, "fov": 180.0}),
        ({"direction": "W"}, {"direction": 270.0}),
        ({"height": "6 m"}, {"height_m": 6.0}),
        ({"height": "20'"}, {"height_m": 6.1}),
        ({"height": "8,5"}, {"height_m": 8.5}),
        ({"camera:angle": "30"}, {"tilt": 30.0}),
        ({"camera:type": "panning"}, {"camera_type": "ptz"}),
        ({"camera:type": "dome"}, {"camera_type": "dome"}),
        ({"surveillance:type": "ALPR"}, {"camera_type": "anpr"}),
        ({"surveillance": "indoor"}, {"public_space": False}),
        (
            {"surveillance:zone": "parking", "camera:mount": "pole"},
            {"notes": "surveillance:zone=parking; camera:mount=pole"},
        ),
        ({"operator": "Galerie (synthétique)"}, {"owner": "Galerie (synthétique)"}),
        ({"ref": "CAM 7"}, {"ref": "CAM 7"}),
    ],
)
def test_every_osm_tag_form_reaches_the_registry(db, sql, import_cameras, point_layer, tags, expected):
    row = {"osm_id": "node/42", "man_made": "surveillance", "surveillance:type": "camera", **GRENOBLE, **tags}
    outputs, reasons = import_cameras(db, point_layer([row]), key="osm_id", DEFAULT_OWNER="Default owner")
    assert (outputs["IMPORTED"], reasons) == (1, {})
    columns = ", ".join("o.name" if name == "owner" else f"c.{name}" for name in expected)
    stored = sql(db, f"SELECT {columns} FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id")
    assert stored == [tuple(expected.values())]


def test_an_explicit_field_wins_over_the_osm_tag(db, sql, import_cameras, point_layer):
    row = {
        "osm_id": "node/7",
        "operator": "OSM operator",
        "camera:direction": "NE",
        **GRENOBLE,
        "owner": "Explicit owner",
        "direction": 200.0,
    }
    import_cameras(db, point_layer([row]), key="osm_id")
    assert sql(db, "SELECT o.name, c.direction FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id") == [
        ("Explicit owner", 200.0)
    ]


def test_reimporting_updates_rows_and_never_duplicates(db, sql, import_cameras, point_file):
    path = point_file(
        [camera("C1", retention_days=10), camera("C2"), {"osm_id": "node/5", **GRENOBLE}], "GPKG", ".gpkg"
    )
    first, _ = import_cameras(db, path, DEFAULT_OWNER="Ville de Grenoble")
    snapshot = sql(db, "SELECT id, ref, osm_id, retention_days FROM camreq.cameras ORDER BY id")
    again, _ = import_cameras(db, path, DEFAULT_OWNER="Ville de Grenoble")
    assert (first["IMPORTED"], first["UPDATED"]) == (3, 0)
    assert (again["IMPORTED"], again["UPDATED"], again["OWNERS_CREATED"]) == (0, 3, 0)
    assert sql(db, "SELECT id, ref, osm_id, retention_days FROM camreq.cameras ORDER BY id") == snapshot
    assert sql(db, "SELECT count(*) FROM camreq.owners") == [(1,)]


def test_the_same_ref_of_another_owner_is_another_camera(db, sql, import_cameras, point_layer):
    import_cameras(db, point_layer([camera("C1"), camera("C1", owner="TramBus")]))
    assert sql(db, "SELECT count(*) FROM camreq.cameras") == [(2,)]


@pytest.mark.parametrize(
    ("fields", "warning", "column", "stored"),
    [
        (
            {"retention_days": 45},
            "retention_days 45: retention must be between 1 and 31 days; left empty",
            "retention_days",
            30,
        ),
        ({"direction": 400.0}, "", "direction", 40.0),  # 400° is 40°
        ({"fov": 0.0}, "fov 0: field of view must be between 1 and 360 degrees; left empty", "fov", None),
        ({"range_m": -5.0}, "range_m -5: range must be positive (metres); left empty", "range_m", None),
        ({"height": -1.0}, "height_m -1: mount height must be positive (metres); left empty", "height_m", None),
        ({"tilt": 120.0}, "tilt 120: tilt must be between -90 and 90 degrees; left empty", "tilt", None),
        (
            {"camera_type": "bullet"},
            "camera_type 'bullet': camera type must be fixed, dome, ptz or anpr; left empty",
            "camera_type",
            "fixed",
        ),
        (
            {"status": "broken"},
            "status 'broken': status must be in_service, out_of_order or removed; left empty",
            "status",
            "in_service",
        ),
        (
            {"recording_mode": "sometimes"},
            "recording_mode 'sometimes': recording mode must be continuous, motion or scheduled; left empty",
            "recording_mode",
            "continuous",
        ),
        (
            {"retention_days": "seven"},
            "retention_days 'seven' is not a whole number; retention_days left empty",
            "retention_days",
            30,
        ),
        ({"fov": "wide"}, "fov 'wide' is not a number; fov left empty", "fov", None),
        (
            {"public_space": "maybe"},
            "public_space 'maybe' is not true or false; public_space left empty",
            "public_space",
            True,
        ),
        (
            {"last_verified": "2025-13-45"},
            "last_verified '2025-13-45' is not a date such as 2025-12-31 or 31/12/2025; last_verified left empty",
            "last_verified",
            None,
        ),
        (
            {"osm_id": "camera 12"},
            "osm_id 'camera 12' is not an OpenStreetMap id such as node/123; osm_id left empty",
            "osm_id",
            None,
        ),
        (
            {"direction": "up"},
            "direction 'up' is not degrees, a compass point or a range; direction left empty",
            "direction",
            None,
        ),
    ],
)
def test_a_value_that_cannot_be_read_or_breaks_a_rule_is_left_empty_and_the_camera_kept(
    db, sql, import_cameras, point_layer, fields, warning, column, stored
):
    outputs, reasons = import_cameras(
        db, point_layer([camera("GOOD"), camera("ODD", **fields)]), OUTPUT_WARNINGS="TEMPORARY_OUTPUT"
    )
    assert (reasons, warnings_of(outputs, "ref")) == ({}, {"ODD": warning} if warning else {})
    assert (outputs["IMPORTED"], outputs["REJECTED"], outputs["WARNED"]) == (2, 0, 1 if warning else 0)
    assert sql(db, f"SELECT {column} FROM camreq.cameras WHERE ref = 'ODD'") == [(stored,)]


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        (
            {"owner": "", "owner_email": "x"},
            "owner is missing: the row names none (owner or operator) and DEFAULT_OWNER is empty",
        ),
        ({"owner": " "}, "owner is missing: the row names none (owner or operator) and DEFAULT_OWNER is empty"),
    ],
)
def test_a_camera_without_an_owner_is_rejected_and_the_other_rows_are_kept(
    db, sql, import_cameras, point_layer, fields, reason
):
    outputs, reasons = import_cameras(db, point_layer([camera("GOOD"), camera("BAD", **fields)]))
    assert reasons == {"BAD": reason}
    assert (outputs["IMPORTED"], outputs["REJECTED"]) == (1, 1)
    assert sql(db, "SELECT ref FROM camreq.cameras") == [("GOOD",)]


def test_a_new_owner_with_a_bad_e_mail_is_created_without_it(db, sql, import_cameras, point_layer):
    outputs, _ = import_cameras(
        db,
        point_layer([camera("C1", owner="New owner", owner_email="not-an-email")]),
        OUTPUT_WARNINGS="TEMPORARY_OUTPUT",
    )
    assert warnings_of(outputs, "ref") == {
        "C1": "email 'not-an-email': owner e-mail must be one address such as name@example.org; left empty"
    }
    assert sql(db, "SELECT name, email FROM camreq.owners") == [("New owner", None)]


def test_a_row_without_a_point_is_rejected(db, import_cameras, point_layer):
    layer = point_layer([camera("C1")])
    layer.dataProvider().changeGeometryValues({next(layer.getFeatures()).id(): QgsGeometry()})
    _, reasons = import_cameras(db, layer)
    assert reasons == {"C1": "position is missing: the row has no point"}


def test_cancelling_half_way_rolls_the_whole_import_back(db, sql, import_cameras, point_layer):
    layer = point_layer([camera(f"C{n}", owner=f"Owner {n}") for n in range(20)])
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda progress: progress >= 50 and feedback.cancel())
    with pytest.raises(QgsProcessingException, match="cancelled at row 11: the transaction was rolled back"):
        import_cameras(db, layer, feedback=feedback)
    assert sql(db, "SELECT (SELECT count(*) FROM camreq.cameras), (SELECT count(*) FROM camreq.owners)") == [(0, 0)]


def test_unknown_owners_are_created_and_reported_without_contact(db, sql, import_cameras, point_layer, log_feedback):
    layer = point_layer([camera("C1", owner="Shop A"), camera("C2", owner="Shop B", owner_email="b@shop.example.org")])
    feedback = log_feedback
    outputs, _ = import_cameras(db, layer, feedback=feedback)
    assert outputs["OWNERS_CREATED"] == 2
    assert sql(db, "SELECT name, kind, email FROM camreq.owners ORDER BY name") == [
        ("Shop A", "private", None),
        ("Shop B", "private", "b@shop.example.org"),
    ]
    lacking = [warning for warning in feedback.lines if "without a requisition contact" in warning]
    assert len(lacking) == 1 and "Shop A" in lacking[0] and "Shop B" not in lacking[0]


def test_points_in_another_crs_land_at_the_right_place(db, sql, import_cameras, point_layer):
    to_mercator = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance()
    )
    mercator = to_mercator.transform(QgsPointXY(GRENOBLE["x"], GRENOBLE["y"]))
    import_cameras(
        db,
        point_layer([{"ref": "M1", "owner": "Ville de Grenoble", "x": mercator.x(), "y": mercator.y()}], "EPSG:3857"),
    )
    assert sql(db, "SELECT ST_SRID(geom) FROM camreq.cameras") == [(2154,)]
    distance = sql(
        db,
        "SELECT ST_Distance(ST_Transform(geom, 4326)::geography, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography)"
        " FROM camreq.cameras",
        (GRENOBLE["x"], GRENOBLE["y"]),
    )[0][0]
    assert distance < 1.0
