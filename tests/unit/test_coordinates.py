"""Typed coordinates are read as WGS84 or Lambert-93, and wrong ones get a message saying what to type."""

import pytest
from camreq.core.coordinates import LAMBERT93, WGS84, TypedPoint, parse_coordinates
from camreq.errors import CamreqError


@pytest.mark.parametrize(
    "text",
    [
        "45.1885 5.7245",
        "45.1885, 5.7245",
        "45.1885,5.7245",
        "45,1885; 5,7245",
        "  45.1885\t5.7245 ",
        "+45.1885 +5.7245",
    ],
)
def test_latitude_longitude_in_usual_spellings_give_a_wgs84_point_longitude_first(text):
    assert parse_coordinates(text) == TypedPoint(5.7245, 45.1885, WGS84)


@pytest.mark.parametrize("text", ["913500 6458000", "913500, 6458000", "913500.5;6458000.25"])
def test_lambert93_easting_northing_are_recognised(text):
    point = parse_coordinates(text)
    assert point.crs == LAMBERT93
    assert point.x == pytest.approx(float(text.replace(";", " ").replace(",", " ").split()[0]))
    assert 6458000 <= point.y < 6458001


def test_a_chosen_system_is_obeyed():
    assert parse_coordinates("45 5", "wgs84").crs == WGS84
    with pytest.raises(CamreqError, match="outside France"):
        parse_coordinates("45 5", "lambert93")


@pytest.mark.parametrize(
    ("text", "system", "message"),
    [
        ("", "auto", "must be two numbers"),
        ("45.1885", "auto", "must be two numbers"),
        ("45.1885 5.7245 12", "auto", "must be two numbers"),
        ("north 5.7245", "auto", "must be two numbers"),
        ("5000 5000", "auto", "neither a latitude and longitude"),
        ("95 5", "wgs84", "Latitude 95 is outside"),
        ("45 190", "wgs84", "Longitude 190 is outside"),
        ("2000000 6458000", "lambert93", "outside France"),
        ("45 5", "utm", "Unknown coordinate system"),
    ],
)
def test_unreadable_or_impossible_coordinates_are_refused_with_a_message(text, system, message):
    with pytest.raises(CamreqError, match=message):
        parse_coordinates(text, system)


@pytest.mark.parametrize(
    "text",
    [
        "45°11'18.6\"N 5°43'28.2\"E",
        "45° 11′ 18,6″ N, 5° 43′ 28,2″ E",  # noqa: RUF001 (primes are minute and second signs)
        "5°43'28.2\"E 45°11'18.6\"N",
        "45°11'18.6\" 5°43'28.2\"",
    ],
)
def test_degrees_minutes_seconds_are_read_with_their_hemispheres(text):
    point = parse_coordinates(text)
    assert (round(point.x, 5), round(point.y, 5), point.crs) == (5.7245, 45.1885, WGS84)


def test_south_and_west_degrees_are_negative():
    point = parse_coordinates("33°52'S 151°12'W")
    assert (round(point.x, 4), round(point.y, 4)) == (-151.2, -33.8667)
