"""OpenStreetMap surveillance tags become CamReq camera fields, and bad values are named."""

import re

import pytest
from camreq.core.osm_tags import (
    camera_from_osm_tags,
    parse_angle,
    parse_camera_type,
    parse_direction,
    parse_height,
    parse_public_space,
)


@pytest.mark.parametrize(
    ("value", "direction"),
    [("135", 135.0), ("135.5", 135.5), ("-45", 315.0), ("360", 0.0), (" 0 ", 0.0), ("90;270", 90.0)],
)
def test_direction_in_degrees_is_normalised_without_field_of_view(value, direction):
    assert parse_direction(value) == (direction, None)


@pytest.mark.parametrize(
    ("value", "direction"),
    [
        ("N", 0.0),
        ("NNE", 22.5),
        ("NE", 45.0),
        ("ENE", 67.5),
        ("E", 90.0),
        ("ESE", 112.5),
        ("SE", 135.0),
        ("SSE", 157.5),
        ("S", 180.0),
        ("SSW", 202.5),
        ("SW", 225.0),
        ("WSW", 247.5),
        ("W", 270.0),
        ("WNW", 292.5),
        ("NW", 315.0),
        ("NNW", 337.5),
        ("ne", 45.0),
        ("Ssw", 202.5),
        ("SW;N", 225.0),
    ],
)
def test_every_compass_point_gives_its_bearing(value, direction):
    assert parse_direction(value) == (direction, None)


@pytest.mark.parametrize(
    ("value", "direction", "fov"),
    [
        ("90-270", 180.0, 180.0),
        ("300-60", 0.0, 120.0),
        ("270-90", 0.0, 180.0),
        ("10 - 40", 25.0, 30.0),
        ("E-W", 180.0, 180.0),
        ("w-e", 0.0, 180.0),
        ("NE-90", 67.5, 45.0),
        ("0-360", 180.0, 360.0),
        ("0-359", 180.0, 360.0),
        ("90-270;0-45", 180.0, 180.0),
    ],
)
def test_range_gives_middle_of_clockwise_arc_and_its_width(value, direction, fov):
    assert parse_direction(value) == (direction, fov)


@pytest.mark.parametrize("value", ["abc", "", "N-", "NORTH", "1.2.3", "45°", ";90", "12 34"])
def test_direction_garbage_is_rejected_with_value_and_problem(value):
    with pytest.raises(
        ValueError, match=re.escape(f"camera:direction {value!r} is not degrees, a compass point or a range")
    ):
        parse_direction(value)


@pytest.mark.parametrize("value", ["90-90", "N-0", "400-10", "abc-90", "90-xyz"])
def test_range_needs_two_different_bearings(value):
    with pytest.raises(ValueError, match="is not a range between two different bearings"):
        parse_direction(value)


@pytest.mark.parametrize(
    ("value", "metres"),
    [
        ("6", 6.0),
        ("6 m", 6.0),
        ("6m", 6.0),
        ("6.5 m", 6.5),
        ("6,5", 6.5),
        (" 4 M ", 4.0),
        ("20'", 6.1),
        ("20 ft", 6.1),
        ("10ft", 3.05),
    ],
)
def test_height_in_metres_or_feet_becomes_metres(value, metres):
    assert parse_height(value) == metres


@pytest.mark.parametrize("value", ["tall", "", "6 km", "-3", "6 m 50", "m"])
def test_height_garbage_is_rejected(value):
    with pytest.raises(ValueError, match=re.escape(f"height {value!r} is not a height in metres or feet")):
        parse_height(value)


@pytest.mark.parametrize("value", ["0", "0 m", "0'"])
def test_height_must_be_positive(value):
    with pytest.raises(ValueError, match="is not a positive height"):
        parse_height(value)


@pytest.mark.parametrize(("value", "tilt"), [("0", 0.0), ("15", 15.0), ("22.5", 22.5), ("90", 90.0)])
def test_angle_from_zero_to_ninety_is_the_tilt(value, tilt):
    assert parse_angle(value) == tilt


@pytest.mark.parametrize("value", ["-5", "91", "180"])
def test_angle_outside_zero_to_ninety_is_rejected(value):
    with pytest.raises(ValueError, match=re.escape(f"camera:angle {value!r} is not between 0 and 90 degrees")):
        parse_angle(value)


@pytest.mark.parametrize("value", ["steep", "", "15°"])
def test_angle_garbage_is_rejected(value):
    with pytest.raises(ValueError, match="is not a number of degrees"):
        parse_angle(value)


@pytest.mark.parametrize(
    ("value", "public"), [("public", True), ("outdoor", True), ("indoor", False), ("Public", True)]
)
def test_public_and_outdoor_surveillance_film_public_space(value, public):
    assert parse_public_space(value) is public


def test_unknown_surveillance_value_is_rejected():
    with pytest.raises(ValueError, match="surveillance 'yes' is not public, outdoor or indoor"):
        parse_public_space("yes")


@pytest.mark.parametrize(
    ("tags", "camera_type"),
    [
        ({"camera:type": "fixed"}, "fixed"),
        ({"camera:type": "dome"}, "dome"),
        ({"camera:type": "panning"}, "ptz"),
        ({"camera:type": "Panning", "surveillance:type": "camera"}, "ptz"),
        ({"surveillance:type": "ALPR"}, "anpr"),
        ({"surveillance:type": "ANPR", "camera:type": "fixed"}, "anpr"),
        ({"surveillance:type": "ALPR", "surveillance:zone": "traffic", "camera:type": "dome"}, "anpr"),
        ({"surveillance:type": "camera"}, None),
        ({}, None),
    ],
)
def test_camera_type_maps_to_camreq_types(tags, camera_type):
    assert parse_camera_type(tags) == camera_type


def test_unknown_camera_type_is_rejected():
    with pytest.raises(ValueError, match="camera:type 'doorbell' is not fixed, dome or panning"):
        parse_camera_type({"camera:type": "doorbell"})


def test_guard_is_not_a_camera():
    with pytest.raises(ValueError, match="surveillance:type 'guard' is not a camera"):
        parse_camera_type({"surveillance:type": "guard"})


def test_complete_node_gives_every_field():
    tags = {
        "man_made": "surveillance",
        "surveillance": "public",
        "surveillance:type": "camera",
        "surveillance:zone": "town",
        "camera:type": "fixed",
        "camera:mount": "pole",
        "camera:direction": "90-270",
        "camera:angle": "20",
        "height": "6,5 m",
        "operator": " Ville de Grenoble ",
        "ref": "VDG-0042",
    }
    assert camera_from_osm_tags(tags) == {
        "ref": "VDG-0042",
        "owner": "Ville de Grenoble",
        "camera_type": "fixed",
        "direction": 180.0,
        "fov": 180.0,
        "height": 6.5,
        "tilt": 20.0,
        "public_space": True,
        "notes": "surveillance:zone=town; camera:mount=pole",
    }


def test_absent_or_blank_tags_leave_their_fields_out():
    assert camera_from_osm_tags({"man_made": "surveillance", "operator": "  ", "ref": ""}) == {}


def test_single_direction_gives_no_field_of_view():
    camera = camera_from_osm_tags({"camera:direction": "NE", "surveillance": "indoor"})
    assert camera == {"direction": 45.0, "public_space": False}


def test_plain_direction_is_an_alias():
    assert camera_from_osm_tags({"direction": "SW"}) == {"direction": 225.0}


def test_camera_direction_wins_over_direction():
    assert camera_from_osm_tags({"camera:direction": "10", "direction": "abc"}) == {"direction": 10.0}


def test_only_the_notes_tags_that_are_present_go_to_notes():
    assert camera_from_osm_tags({"camera:mount": "wall"}) == {"notes": "camera:mount=wall"}


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        ({"camera:direction": "abc"}, "camera:direction 'abc'"),
        ({"direction": "nowhere"}, "direction 'nowhere'"),
        ({"camera:direction": "90-90"}, "camera:direction '90-90'"),
        ({"height": "tall"}, "height 'tall'"),
        ({"height": "0"}, "height '0'"),
        ({"camera:angle": "120"}, "camera:angle '120'"),
        ({"camera:angle": "steep"}, "camera:angle 'steep'"),
        ({"surveillance": "yes"}, "surveillance 'yes'"),
        ({"camera:type": "bullet"}, "camera:type 'bullet'"),
        ({"surveillance:type": "guard"}, "surveillance:type 'guard'"),
        ({"man_made": "tower"}, "man_made 'tower'"),
    ],
)
def test_malformed_tag_is_rejected_naming_the_tag(tags, message):
    with pytest.raises(ValueError, match="^" + re.escape(f"{message} is not")):
        camera_from_osm_tags(tags)
