"""camreq:camerasnearincident finds the right cameras, in true metres, with windows, view and purge deadlines."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from camreq.db.connection import connect
from camreq.db.search import _RUN_SEARCH
from pyproj import Geod, Transformer
from qgis.core import QgsGeometry, QgsProcessingException

GEOD = Geod(ellps="WGS84")
CENTRE = (5.7245, 45.1885)  # Grenoble centre


def run(processing, db, layer, **overrides) -> dict:
    """Run camreq:camerasnearincident with the test defaults and return its outputs."""
    parameters = {
        "CONNECTION": db,
        "INCIDENTS": layer,
        "ID_FIELD": "name",
        "DISTANCE": 200,
        "START": "2025-03-10T10:00:00+01:00",
        "END": "2025-03-10T11:00:00+01:00",
        "REASON": "PV 2025/123 test",
        "OUTPUT": "memory:",
    }
    parameters.update(overrides)
    return processing.run("camreq:camerasnearincident", parameters)


def rows(outputs: dict) -> list[dict]:
    """Return the OUTPUT features as dicts, in the layer's order."""
    layer = outputs["OUTPUT"]
    return [dict(zip(layer.fields().names(), feature.attributes(), strict=True)) for feature in layer.getFeatures()]


def utc(value) -> datetime:
    """Return a QDateTime as an aware UTC datetime."""
    return value.toUTC().toPyDateTime().replace(tzinfo=UTC)


def offset(point: tuple[float, float], azimuth: float, metres: float) -> tuple[float, float]:
    """Return the lon/lat at a geodesic distance and azimuth from point (pyproj, not the code under test)."""
    lon, lat, _ = GEOD.fwd(point[0], point[1], azimuth, metres)
    return lon, lat


def geodesic_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the geodesic distance between two lon/lat points with pyproj."""
    return GEOD.inv(a[0], a[1], b[0], b[1])[2]


@pytest.mark.parametrize("crs", ["EPSG:2154", "EPSG:4326", "EPSG:3857"])
def test_distances_are_true_metres_matching_pyproj_in_any_input_crs(
    camreq_processing, db, add_camera, incident_layer, crs
):
    rng = random.Random(crs)
    cameras = {}
    while len(cameras) < 60:
        position = offset(CENTRE, rng.uniform(0, 360), rng.uniform(0, 600))
        cameras[add_camera(*position)] = position
    incidents = {f"inc{n}": offset(CENTRE, rng.uniform(0, 360), rng.uniform(0, 300)) for n in range(6)}
    expected = {}
    for name, spot in incidents.items():
        for camera, position in cameras.items():
            distance = geodesic_m(spot, position)
            assert abs(distance - 200) > 0.01, "random draw too close to the limit to judge"
            if distance <= 200:
                expected[(name, camera)] = distance
    to_crs = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    layer = incident_layer(
        [
            (f"POINT({x!r} {y!r})", {"name": name})
            for name, (x, y) in ((name, to_crs.transform(*spot)) for name, spot in incidents.items())
        ],
        crs=crs,
    )
    found = {
        (row["incident_id"], row["camera_id"]): row["distance_m"] for row in rows(run(camreq_processing, db, layer))
    }
    assert set(found) == set(expected)
    for key, distance in expected.items():
        assert found[key] == pytest.approx(distance, abs=0.01)


def test_a_camera_exactly_at_the_distance_is_included_and_one_centimetre_beyond_is_not(
    camreq_processing, db, add_camera, incident_layer
):
    at = add_camera(*offset(CENTRE, 45, 200.0))
    beyond = add_camera(*offset(CENTRE, 135, 200.01))
    layer = incident_layer([(f"POINT({CENTRE[0]} {CENTRE[1]})", {"name": "A"})])
    found = {row["camera_id"] for row in rows(run(camreq_processing, db, layer))}
    assert at in found
    assert beyond not in found


def test_in_view_says_whether_the_field_of_view_reaches_the_incident(camreq_processing, db, add_camera, incident_layer):
    north = offset(CENTRE, 0, 30)
    facing = add_camera(*north, camera_type="fixed", direction=180, fov=60, range_m=50)
    away = add_camera(*north, camera_type="fixed", direction=0, fov=60, range_m=50)
    dome = add_camera(*offset(CENTRE, 90, 30), camera_type="dome")
    too_short = add_camera(*offset(CENTRE, 270, 80), camera_type="fixed", direction=90, fov=60, range_m=50)
    layer = incident_layer([(f"POINT({CENTRE[0]} {CENTRE[1]})", {"name": "A"})])
    in_view = {row["camera_id"]: row["in_view"] for row in rows(run(camreq_processing, db, layer))}
    assert in_view == {facing: True, away: False, dome: True, too_short: False}
    only = {row["camera_id"] for row in rows(run(camreq_processing, db, layer, IN_VIEW_ONLY=True))}
    assert only == {facing, dome}


def test_purge_deadline_is_window_start_plus_retention_and_rows_sort_by_it(
    camreq_processing, db, add_camera, incident_layer
):
    week = add_camera(*offset(CENTRE, 0, 50), retention_days=7)
    month = add_camera(*offset(CENTRE, 0, 20), retention_days=30)
    start = datetime.now(UTC) - timedelta(days=10)
    layer = incident_layer([(f"POINT({CENTRE[0]} {CENTRE[1]})", {"name": "A"})])
    found = rows(
        run(camreq_processing, db, layer, START=start.isoformat(), END=(start + timedelta(hours=1)).isoformat())
    )
    assert [row["camera_id"] for row in found] == [week, month]
    by_id = {row["camera_id"]: row for row in found}
    assert abs(utc(by_id[week]["purge_at"]) - (start + timedelta(days=7))) < timedelta(milliseconds=1)
    assert by_id[week]["footage_available"] is False
    assert by_id[month]["footage_available"] is True


def test_naive_times_mean_europe_paris_and_fields_give_per_incident_windows(
    camreq_processing, db, add_camera, incident_layer
):
    add_camera(*CENTRE)
    layer = incident_layer(
        [
            (
                f"POINT({CENTRE[0]} {CENTRE[1]})",
                {"name": "summer", "start": "2025-07-01T10:00:00", "end": "2025-07-01T12:00"},
            ),
            (
                f"POINT({CENTRE[0]} {CENTRE[1]})",
                {"name": "utc", "start": "2025-01-05T10:00:00Z", "end": "2025-01-05T11:00Z"},
            ),
        ]
    )
    found = {
        row["incident_id"]: row
        for row in rows(run(camreq_processing, db, layer, START=None, END=None, START_FIELD="start", END_FIELD="end"))
    }
    assert utc(found["summer"]["window_start"]) == datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
    assert utc(found["summer"]["window_end"]) == datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
    assert utc(found["utc"]["window_start"]) == datetime(2025, 1, 5, 10, 0, tzinfo=UTC)


def test_out_of_service_cameras_are_left_out_unless_asked_for(camreq_processing, db, add_camera, incident_layer):
    working = add_camera(*CENTRE)
    broken = add_camera(*CENTRE, status="out_of_order")
    removed = add_camera(*CENTRE, status="removed")
    layer = incident_layer([(f"POINT({CENTRE[0]} {CENTRE[1]})", {"name": "A"})])
    assert {row["camera_id"] for row in rows(run(camreq_processing, db, layer))} == {working}
    everything = rows(run(camreq_processing, db, layer, INCLUDE_OUT_OF_SERVICE=True))
    assert {row["camera_id"] for row in everything} == {working, broken, removed}


def test_the_search_counts_the_cameras_nearby_it_left_out_as_out_of_service(db, add_camera):
    from camreq.core.search import Incident, SearchOptions, search

    add_camera(*CENTRE)
    for status in ("out_of_order", "out_of_order", "removed"):
        add_camera(*offset(CENTRE, 90, 150), status=status)
    add_camera(*offset(CENTRE, 90, 260), status="out_of_order")  # beyond the distance: not nearby
    point = QgsGeometry.fromWkt(f"POINT({CENTRE[0]} {CENTRE[1]})")
    incidents = [Incident("A", bytes(point.asWkb()), datetime(2025, 3, 10, 9, tzinfo=UTC),
                          datetime(2025, 3, 10, 10, tzinfo=UTC))]  # fmt: skip
    left_out = search(db, incidents, SearchOptions(distance_m=200, reason="PV 2025/123 test"))
    assert len(left_out.hits) == 1 and left_out.out_of_service_nearby == 3
    shown = search(db, incidents, SearchOptions(distance_m=200, reason="PV 2025/123", include_out_of_service=True))
    assert len(shown.hits) == 4 and shown.out_of_service_nearby == 0


def test_route_windows_are_centred_on_when_the_route_passes_each_camera(
    camreq_processing, db, add_camera, incident_layer
):
    end_of_route = offset(CENTRE, 90, 1000)  # 1 km due east
    near_start = add_camera(*offset(CENTRE, 0, 20))
    middle = add_camera(*offset(offset(CENTRE, 90, 500), 0, 20))
    near_end = add_camera(*offset(end_of_route, 180, 20))
    route = f"LINESTRING({CENTRE[0]} {CENTRE[1]}, {end_of_route[0]} {end_of_route[1]})"
    layer = incident_layer([(route, {"name": "flight"})], geometry="LineString")
    start = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
    found = {
        row["camera_id"]: row
        for row in rows(
            run(camreq_processing, db, layer, START=start.isoformat(), END=None, SPEED_KMH=36, MARGIN_MINUTES=5)
        )
    }
    for camera, metres in ((near_start, 0), (middle, 500), (near_end, 1000)):
        passes = start + timedelta(seconds=metres / 10)  # 36 km/h = 10 m/s
        assert abs(utc(found[camera]["window_start"]) - (passes - timedelta(minutes=5))) < timedelta(seconds=1)
        assert abs(utc(found[camera]["window_end"]) - (passes + timedelta(minutes=5))) < timedelta(seconds=1)
        assert found[camera]["distance_m"] == pytest.approx(20, abs=0.05)


def test_one_batch_equals_the_union_of_single_searches(camreq_processing, db, add_camera, incident_layer, sql):
    rng = random.Random(7)
    for _ in range(80):
        add_camera(*offset(CENTRE, rng.uniform(0, 360), rng.uniform(0, 800)))
    features = [
        (f"POINT({lon!r} {lat!r})", {"name": f"i{n}"})
        for n, (lon, lat) in enumerate(offset(CENTRE, rng.uniform(0, 360), rng.uniform(0, 600)) for _ in range(15))
    ]
    batch = {
        (r["incident_id"], r["camera_id"], round(r["distance_m"], 6))
        for r in rows(run(camreq_processing, db, incident_layer(features)))
    }
    singles = set()
    for feature in features:
        singles |= {
            (r["incident_id"], r["camera_id"], round(r["distance_m"], 6))
            for r in rows(run(camreq_processing, db, incident_layer([feature])))
        }
    assert batch == singles
    assert len(batch) > 15
    assert sql(db, "SELECT incident_count FROM camreq.searches ORDER BY id") == [(15,)] + [(1,)] * 15


def test_every_search_is_logged_with_who_why_where_when_and_count(
    camreq_processing, db, add_camera, incident_layer, sql
):
    add_camera(*CENTRE)
    add_camera(*offset(CENTRE, 10, 100))
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True).transform(*CENTRE)
    outputs = run(camreq_processing, db, incident_layer([(f"POINT({x!r} {y!r})", {"name": "A"})], crs="EPSG:3857"))
    assert {row["search_id"] for row in rows(outputs)} == {outputs["SEARCH_ID"]}
    log = sql(
        db,
        "SELECT searched_by = current_user, reason, distance_m, incident_count, result_count, "
        "searched_at > now() - interval '1 minute' FROM camreq.searches WHERE id = %s",
        (outputs["SEARCH_ID"],),
    )
    assert log == [(True, "PV 2025/123 test", 200.0, 1, 2, True)]
    incident = sql(
        db,
        "SELECT incident_id, window_start, window_end, "
        "ST_Distance(ST_Transform(geom, 4326)::geography, ST_MakePoint(%s, %s)::geography) "
        "FROM camreq.search_incidents WHERE search_id = %s",
        (*CENTRE, outputs["SEARCH_ID"]),
    )
    assert incident[0][:3] == ("A", datetime(2025, 3, 10, 9, 0, tzinfo=UTC), datetime(2025, 3, 10, 10, 0, tzinfo=UTC))
    assert incident[0][3] < 0.001


def test_the_search_runs_on_the_geography_index(db, sql):
    owner = sql(db, "INSERT INTO camreq.owners (name) VALUES ('Bulk') RETURNING id")[0][0]
    sql(
        db,
        "INSERT INTO camreq.cameras (owner_id, geom) SELECT %s, ST_Transform(ST_SetSRID(ST_MakePoint("
        "5.6 + random() * 0.3, 45.1 + random() * 0.2), 4326), camreq.storage_srid()) FROM generate_series(1, 5000)",
        (owner,),
    )
    sql(db, "ANALYZE camreq.cameras")
    point = QgsGeometry.fromWkt(f"POINT({CENTRE[0]} {CENTRE[1]})")
    plans = []
    conn = connect(db)
    try:
        with conn, conn.cursor() as cursor:
            # the plan inside camreq.search_cameras, as auto_explain reports it (nested statements, as notices)
            cursor.execute(
                "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; "
                "SET auto_explain.log_nested_statements = on; SET auto_explain.log_level = notice"
            )
            for _ in range(8):  # past the first five runs, PostgreSQL may plan the function's query once for all
                del conn.notices[:]
                cursor.execute(
                    _RUN_SEARCH,
                    {
                        "ids": ["A"],
                        "wkbs": [bytes(point.asWkb())],
                        "starts": [datetime(2025, 3, 10, 9, 0, tzinfo=UTC)],
                        "ends": [datetime(2025, 3, 10, 10, 0, tzinfo=UTC)],
                        "distance_m": 200,
                        "speed_kmh": None,
                        "margin_minutes": 10,
                        "include_out_of_service": False,
                        "in_view_only": False,
                        "reason": "plan",
                    },
                )
                plans.append("\n".join(notice for notice in conn.notices if "WITH incident" in notice))
    finally:
        conn.close()
    assert len(plans) == 8
    assert all("cameras_geography_idx" in plan for plan in plans)


def test_a_search_that_finds_nothing_is_still_logged_with_its_incident(
    camreq_processing, db, add_camera, incident_layer, sql
):
    add_camera(*offset(CENTRE, 90, 400))
    outputs = run(camreq_processing, db, incident_layer([(f"POINT({CENTRE[0]} {CENTRE[1]})", {"name": "A"})]))
    assert outputs["COUNT"] == 0
    assert outputs["OUTPUT"].featureCount() == 0
    search_id = (outputs["SEARCH_ID"],)
    assert sql(db, "SELECT incident_count, result_count FROM camreq.searches WHERE id = %s", search_id) == [(1, 0)]
    assert sql(db, "SELECT incident_id FROM camreq.search_incidents WHERE search_id = %s", search_id) == [("A",)]


def test_an_investigator_login_searches_and_its_search_is_logged_under_its_name(
    camreq_processing, db, logins, login_of, add_camera, incident_layer, sql
):
    camera = add_camera(*offset(CENTRE, 0, 50))
    outputs = run(
        camreq_processing, logins["investigator"], incident_layer([(f"POINT({CENTRE[0]} {CENTRE[1]})", {"name": "A"})])
    )
    assert [row["camera_id"] for row in rows(outputs)] == [camera]
    search_id = (outputs["SEARCH_ID"],)
    assert sql(db, "SELECT searched_by, unit, result_count FROM camreq.searches WHERE id = %s", search_id) == [
        (login_of(logins["investigator"]), "Brigade A", 1)
    ]
    assert sql(db, "SELECT count(*) FROM camreq.search_incidents WHERE search_id = %s", search_id) == [(1,)]


def test_a_search_after_the_server_ended_the_kept_session_opens_a_new_one(
    camreq_processing, db, add_camera, incident_layer, sql
):
    add_camera(*offset(CENTRE, 0, 50))
    layer = incident_layer([(f"POINT({CENTRE[0]} {CENTRE[1]})", {"name": "A"})])
    assert run(camreq_processing, db, layer)["COUNT"] == 1
    kept = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    pids = [pid for (pid,) in sql(db, kept)]
    assert len(pids) == 1  # the connection the search keeps for the next one
    sql(db, "SELECT pg_terminate_backend(%s, 5000)", (pids[0],))
    assert run(camreq_processing, db, layer)["COUNT"] == 1


def test_swapped_latitude_and_longitude_are_refused_before_any_search(
    camreq_processing, db, add_camera, incident_layer, sql
):
    add_camera(*offset(CENTRE, 90, 50))
    swapped = incident_layer([(f"POINT({CENTRE[1]} {CENTRE[0]})", {"name": "A"})])  # typed longitude first
    with pytest.raises(QgsProcessingException, match=r"more than 50 km from every camera.*longitude swapped"):
        run(camreq_processing, db, swapped)
    far = incident_layer([("POINT(2.35 48.85)", {"name": "B"})])  # Paris, for a Grenoble registry
    with pytest.raises(QgsProcessingException, match=r"incident 'B' is more than 50 km.*check the coordinates"):
        run(camreq_processing, db, far)
    assert sql(db, "SELECT count(*) FROM camreq.searches") == [(0,)]
