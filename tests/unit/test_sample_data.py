"""The committed synthetic Grenoble sample is what its generator writes, and is coherent."""

import csv
import importlib.util
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from camreq.core.osm_tags import NotACameraError, camera_from_osm_tags

SAMPLE = Path(__file__).resolve().parents[2] / "sample"
GENERATED = (
    "owners.csv",
    "cameras.csv",
    "osm_surveillance.geojson",
    "streets.geojson",
    "adresses-38-synthetique.csv.gz",
    "incident_addresses.csv",
)
OWNER_KINDS = {"metropolis", "city", "departement", "transport", "landlord", "private"}
CAMERA_TYPES = {"fixed", "dome", "ptz", "anpr"}
RESERVED_DOMAINS = (".example.org", ".example.com", ".example.net")
LON_RANGE, LAT_RANGE = (5.60, 5.85), (45.08, 45.28)


def read_csv(name: str) -> list[dict[str, str]]:
    """Return the rows of a committed sample CSV file."""
    with (SAMPLE / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def owners() -> list[dict[str, str]]:
    """Return the committed owners."""
    return read_csv("owners.csv")


@pytest.fixture(scope="module")
def cameras() -> list[dict[str, str]]:
    """Return the committed cameras."""
    return read_csv("cameras.csv")


@pytest.fixture(scope="module")
def osm_features() -> list[dict]:
    """Return the features of the committed OpenStreetMap-like export."""
    return json.loads((SAMPLE / "osm_surveillance.geojson").read_text(encoding="utf-8"))["features"]


def test_regenerating_gives_the_committed_bytes(tmp_path):
    spec = importlib.util.spec_from_file_location("generate_grenoble", SAMPLE / "generate_grenoble.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    generator.main(tmp_path)
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name


def test_owners_cover_every_kind(owners):
    assert len(owners) >= 14
    assert {owner["kind"] for owner in owners} == OWNER_KINDS
    assert len({owner["name"] for owner in owners}) == len(owners)


def test_owner_emails_are_fake_and_some_are_missing(owners):
    emails = [owner["email"] for owner in owners]
    assert all(email.endswith(RESERVED_DOMAINS) for email in emails if email)
    assert 1 <= emails.count("") <= 2
    assert all(1 <= int(owner["response_days"]) <= 10 for owner in owners)


def test_there_are_enough_cameras_of_every_type(cameras):
    assert len(cameras) >= 1200
    assert {camera["camera_type"] for camera in cameras} == CAMERA_TYPES


def test_every_camera_owner_is_in_the_directory(owners, cameras):
    names = {owner["name"] for owner in owners}
    assert {camera["owner"] for camera in cameras} <= names


def test_refs_are_unique_per_owner(cameras):
    pairs = Counter((camera["owner"], camera["ref"]) for camera in cameras)
    assert max(pairs.values()) == 1


def test_retention_is_within_the_legal_range(cameras):
    assert all(7 <= int(camera["retention_days"]) <= 30 for camera in cameras)


def test_coordinates_are_in_the_grenoble_metropolis(cameras):
    for camera in cameras:
        assert LON_RANGE[0] <= float(camera["x"]) <= LON_RANGE[1], camera["ref"]
        assert LAT_RANGE[0] <= float(camera["y"]) <= LAT_RANGE[1], camera["ref"]


def test_about_one_camera_in_twenty_has_an_unknown_direction(cameras):
    unknown = sum(camera["direction"] == "" for camera in cameras) / len(cameras)
    assert 0.02 <= unknown <= 0.08
    assert all(0 <= int(camera["direction"]) <= 359 for camera in cameras if camera["direction"])


def test_field_of_view_matches_the_camera_type(cameras):
    for camera in cameras:
        fov = camera["fov"]
        if camera["camera_type"] in ("dome", "ptz"):
            assert fov in ("", "360"), camera["ref"]
        else:
            assert 1 <= int(fov) <= 90, camera["ref"]


def test_enumerations_and_dates_use_the_documented_spellings(cameras):
    assert {camera["status"] for camera in cameras} == {"in_service", "out_of_order", "removed"}
    assert {camera["recording_mode"] for camera in cameras} == {"continuous", "motion"}
    for column in ("public_space", "police_access"):
        assert {camera[column] for camera in cameras} == {"true", "false"}
    for camera in cameras:
        date.fromisoformat(camera["last_verified"])
        if camera["authorisation_ref"]:
            date.fromisoformat(camera["authorisation_expiry"])
        else:
            assert camera["authorisation_expiry"] == "", camera["ref"]


def test_osm_export_looks_like_overpass_nodes(osm_features):
    assert 30 <= len(osm_features) <= 60
    for feature in osm_features:
        assert feature["geometry"]["type"] == "Point"
        assert feature["properties"]["man_made"] == "surveillance"
        assert feature["properties"]["osm_id"].startswith("node/")
        lon, lat = feature["geometry"]["coordinates"]
        assert LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]
    assert any("operator" not in feature["properties"] for feature in osm_features)
    assert any("direction" in feature["properties"] for feature in osm_features)


def test_osm_export_has_clean_nodes_nodes_with_bad_tags_and_a_guard(osm_features):
    warnings, skipped = [], []
    for feature in osm_features:
        tags = {key: value for key, value in feature["properties"].items() if key != "osm_id"}
        try:
            warnings += camera_from_osm_tags(tags)[1]
        except NotACameraError as error:
            skipped.append(str(error))
    assert len(osm_features) - len(warnings) - len(skipped) >= 30
    assert any(warning.startswith("camera:direction 'abc'") for warning in warnings)
    assert any(warning.startswith("height 'tall'") for warning in warnings)
    assert skipped == ["surveillance:type=guard is not a camera"]


def test_streets_are_named_synthetic_lines_around_the_sample_incident():
    streets = json.loads((SAMPLE / "streets.geojson").read_text(encoding="utf-8"))
    assert "SYNTHETIC" in streets["generator"]
    features = streets["features"]
    assert len(features) >= 40
    assert all(feature["properties"]["synthetic"] is True and feature["properties"]["name"] for feature in features)
    assert all(feature["geometry"]["type"] == "LineString" for feature in features)
    points = [point for feature in features for point in feature["geometry"]["coordinates"]]
    assert all(LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1] for lon, lat in points)
    incident = json.loads((SAMPLE / "incidents.geojson").read_text(encoding="utf-8"))["features"][0]
    lon, lat = incident["geometry"]["coordinates"]
    nearby = [p for p in points if abs(p[0] - lon) < 0.004 and abs(p[1] - lat) < 0.003]  # about 300 m around it
    assert len(nearby) >= 4
