"""OpenStreetMap surveillance tags become CamReq camera fields, and bad values are named."""

import re

import pytest
from camreq.core.osm_tags import (
    NotACameraError,
    camera_from_osm_tags,
    other_tags_text,
    parse_angle,
    parse_camera_type,
    parse_direction,
    parse_height,
    parse_other_tags,
    parse_public_space,
)


@pytest.mark.parametrize(
    ("value", "direction"),
    [("135", 135.0), ("135.5", 135.5), ("-45", 315.0), ("-8", 352.0), ("360", 0.0), (" 0 ", 0.0), ("15°", 15.0)],
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
        ("north", 0.0),
        ("north-east", 45.0),
        ("South West", 225.0),
        ("north_north_west", 337.5),
        ("nord-est", 45.0),
        ("ouest", 270.0),
        ("sud-ouest", 225.0),
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
    ],
)
def test_range_gives_middle_of_clockwise_arc_and_its_width(value, direction, fov):
    assert parse_direction(value) == (direction, fov)


@pytest.mark.parametrize("value", ["abc", "", "N-", "northward", "1.2.3", "45 %", "12 34"])
def test_direction_garbage_is_rejected_with_value_and_problem(value):
    with pytest.raises(
        ValueError, match=re.escape(f"camera:direction {value!r} is not degrees, a compass point or a range")
    ):
        parse_direction(value)


@pytest.mark.parametrize(("value", "count"), [("90;160;270", 3), ("180, 270", 2), ("SW;N", 2), ("90-270;0-45", 2)])
def test_several_directions_are_refused_so_that_a_disc_is_drawn(value, count):
    with pytest.raises(ValueError, match=re.escape(f"gives {count} directions: the field of view is drawn as a disc")):
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


@pytest.mark.parametrize("value", ["steep", "", "15 %"])
def test_angle_garbage_is_rejected(value):
    with pytest.raises(ValueError, match="is not a number of degrees"):
        parse_angle(value)


@pytest.mark.parametrize(
    ("value", "public"),
    [
        ("public", True),
        ("outdoor", True),
        ("indoor", False),
        ("Public", True),
        ("traffic", True),
        ("webcam", True),
        ("red_light", True),
        ("indoor;outdoor", True),
        ("indoor/outdoor", True),
    ],
)
def test_surveillance_values_tell_whether_public_space_is_filmed(value, public):
    assert parse_public_space(value) is public


def test_unknown_surveillance_value_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError, match="surveillance 'yes' is not one of public, outdoor, traffic"):
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


def test_unknown_camera_type_is_refused():
    with pytest.raises(ValueError, match="camera:type 'doorbell' is not fixed, dome or panning"):
        parse_camera_type({"camera:type": "doorbell"})


@pytest.mark.parametrize("tags", [{"surveillance:type": "guard"}, {"man_made": "tower"}])
def test_a_guard_or_another_man_made_is_no_camera(tags):
    with pytest.raises(NotACameraError, match="is not"):
        camera_from_osm_tags(tags)


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
    assert camera_from_osm_tags(tags) == (
        {
            "ref": "VDG-0042",
            "owner": "Ville de Grenoble",
            "camera_type": "fixed",
            "direction": 180.0,
            "fov": 180.0,
            "height": 6.5,
            "tilt": 20.0,
            "public_space": True,
            "notes": "surveillance:zone=town; camera:mount=pole",
        },
        [],
    )


def test_absent_or_blank_tags_leave_their_fields_out():
    assert camera_from_osm_tags({"man_made": "surveillance", "operator": "  ", "ref": ""}) == ({}, [])


def test_single_direction_gives_no_field_of_view():
    camera = camera_from_osm_tags({"camera:direction": "NE", "surveillance": "indoor"})
    assert camera == ({"direction": 45.0, "public_space": False}, [])


def test_plain_direction_is_an_alias():
    assert camera_from_osm_tags({"direction": "SW"}) == ({"direction": 225.0}, [])


def test_camera_direction_wins_over_direction():
    assert camera_from_osm_tags({"camera:direction": "10", "direction": "abc"}) == ({"direction": 10.0}, [])


def test_only_the_notes_tags_that_are_present_go_to_notes():
    assert camera_from_osm_tags({"camera:mount": "wall"}) == ({"notes": "camera:mount=wall"}, [])


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        (
            {"camera:direction": "abc"},
            "camera:direction 'abc' is not degrees, a compass point or a range; direction left empty",
        ),
        (
            {"direction": "nowhere"},
            "direction 'nowhere' is not degrees, a compass point or a range; direction left empty",
        ),
        (
            {"camera:direction": "90;160;270"},
            "camera:direction '90;160;270' gives 3 directions: the field of view is "
            "drawn as a disc; direction left empty",
        ),
        ({"height": "tall"}, "height 'tall' is not a height in metres or feet; height left empty"),
        ({"height": "0"}, "height '0' is not a positive height; height left empty"),
        ({"camera:angle": "120"}, "camera:angle '120' is not between 0 and 90 degrees; tilt left empty"),
        (
            {"surveillance": "yes"},
            "surveillance 'yes' is not one of public, outdoor, traffic, red_light, webcam, "
            "indoor; public_space left empty",
        ),
        ({"camera:type": "bullet"}, "camera:type 'bullet' is not fixed, dome or panning; camera_type left empty"),
        (
            {"surveillance:type": "dummy"},
            "surveillance:type 'dummy' is not camera, ALPR or guard; camera_type left empty",
        ),
    ],
)
def test_an_unreadable_tag_leaves_its_field_empty_with_a_warning_and_keeps_the_others(tags, message):
    camera, warnings = camera_from_osm_tags({**tags, "ref": "CAM 1", "camera:mount": "pole"})
    assert warnings == [message]
    assert camera == {"ref": "CAM 1", "notes": "camera:mount=pole"}


def test_other_tags_of_the_osm_driver_are_read_with_their_escaped_quotes():
    text = '"camera:type"=>"fixed","surveillance"=>"public","operator"=>"Bar \\"Le Grenette\\"","note"=>"a=>b, c"'
    assert parse_other_tags(text) == {
        "camera:type": "fixed",
        "surveillance": "public",
        "operator": 'Bar "Le Grenette"',
        "note": "a=>b, c",
    }


def test_tags_written_as_other_tags_read_back_the_same():
    tags = {"operator": 'Bar "Le Grenette"', "note": "a\\b", "camera:direction": "90;270"}
    assert parse_other_tags(other_tags_text(tags)) == tags
