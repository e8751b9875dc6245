"""Read coordinates typed by a user: WGS84 latitude/longitude or Lambert-93 X/Y, with a clear message if wrong.

Accepted: two numbers separated by spaces, a semicolon or a comma ("45.1885 5.7245", "45.1885,5.7245",
"45,1885; 5,7245", "913500, 6458000"); a decimal comma is read as a decimal point. In ``auto`` mode, numbers
that fit latitude/longitude are WGS84 and numbers that fit France's Lambert-93 extent are Lambert-93.
Degrees-minutes-seconds are WGS84 (``45°11'18.6"N 5°43'28.2"E``; a hemisphere letter decides which is the
latitude, S and W are negative).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import CamreqError
from .translation import tr

WGS84 = "EPSG:4326"
LAMBERT93 = "EPSG:2154"
SYSTEMS = ("auto", "wgs84", "lambert93")
# EPSG:2154's area of use (metropolitan France and Corsica), projected bounds, metres.
LAMBERT93_X = (-378305.81, 1320649.57)
LAMBERT93_Y = (6005281.2, 7235612.72)
NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
SEPARATORS = re.compile(r"\s*;\s*|,\s+|\s+")
DOT_DECIMALS_COMMA_SEPARATED = re.compile(r"\s*([-+]?\d+(?:\.\d+)?)\s*,\s*([-+]?\d+(?:\.\d+)?)\s*")
_DMS_PART = (  # degrees°, optional minutes' and seconds", optional hemisphere (O: ouest)
    r"(\d+(?:[.,]\d+)?)\s*°\s*(?:(\d+(?:[.,]\d+)?)\s*['′’]\s*)?(?:(\d+(?:[.,]\d+)?)\s*(?:\"|″|''|”)\s*)?([NSEWO]?)"  # noqa: RUF001 (the prime is a minute sign)
)
DMS = re.compile(rf"\s*{_DMS_PART}\s*[,;]?\s*{_DMS_PART}\s*", re.IGNORECASE)


@dataclass(frozen=True)
class TypedPoint:
    """A point read from text: x is the longitude or easting, y the latitude or northing, in crs."""

    x: float
    y: float
    crs: str


def parse_coordinates(text: str, system: str = "auto") -> TypedPoint:
    """Return the point typed in text, in WGS84 (lat lon) or Lambert-93 (X Y); raise CamreqError if unreadable."""
    if system not in SYSTEMS:
        raise CamreqError(
            tr("Unknown coordinate system '{system}': choose one of {systems}.").format(
                system=system, systems=", ".join(SYSTEMS)
            )
        )
    dms = DMS.fullmatch(text)
    if dms and system != "lambert93":
        return _wgs84(*_dms_latitude_longitude(dms))
    first, second = _two_numbers(text)
    if system == "wgs84" or (system == "auto" and _fits_wgs84(first, second)):
        return _wgs84(first, second)
    if system == "lambert93" or _fits_lambert93(first, second):
        return _lambert93(first, second)
    raise CamreqError(
        tr(
            "Coordinates {coordinates} are neither a latitude and longitude (e.g. 45.1885 5.7245) nor Lambert-93 X "
            "and Y in France (e.g. 913500 6458000)."
        ).format(coordinates=shown(text))
    )


def shown(text: str, limit: int = 40) -> str:
    """Return typed text quoted for a message: at most limit characters, control and bidi characters escaped."""
    text = text.strip()
    return repr(text[:limit]) + ("…" if len(text) > limit else "")


def _two_numbers(text: str) -> tuple[float, float]:
    """Return the two numbers of text; raise CamreqError naming what is wrong."""
    pair = DOT_DECIMALS_COMMA_SEPARATED.fullmatch(text)
    if pair:
        return float(pair.group(1)), float(pair.group(2))
    parts = [part for part in SEPARATORS.split(text.strip()) if part]
    if len(parts) != 2 or not all(NUMBER.fullmatch(part) for part in parts):
        raise CamreqError(
            tr(
                "Coordinates {coordinates} must be two numbers, such as '45.1885 5.7245' (latitude longitude) or "
                "'913500 6458000' (Lambert-93 X Y)."
            ).format(coordinates=shown(text))
        )
    return float(parts[0].replace(",", ".")), float(parts[1].replace(",", "."))


def _dms_latitude_longitude(match: re.Match) -> tuple[float, float]:
    """Return (latitude, longitude) of two degrees-minutes-seconds; without letters the latitude comes first."""
    values = []
    for degrees, minutes, seconds, hemisphere in (match.groups()[:4], match.groups()[4:]):
        value = sum(float((part or "0").replace(",", ".")) / scale for part, scale in
                    ((degrees, 1), (minutes, 60), (seconds, 3600)))  # fmt: skip
        letter = hemisphere.upper()
        values.append((-value if letter in ("S", "W", "O") else value, letter))
    (first, first_letter), (second, second_letter) = values
    if first_letter in ("E", "W", "O") or second_letter in ("N", "S"):
        return second, first
    return first, second


def _fits_wgs84(latitude: float, longitude: float) -> bool:
    """Return whether the numbers are a possible latitude and longitude."""
    return -90 <= latitude <= 90 and -180 <= longitude <= 180


def _fits_lambert93(x: float, y: float) -> bool:
    """Return whether the numbers fall inside Lambert-93's area of use."""
    return LAMBERT93_X[0] <= x <= LAMBERT93_X[1] and LAMBERT93_Y[0] <= y <= LAMBERT93_Y[1]


def _wgs84(latitude: float, longitude: float) -> TypedPoint:
    """Return a WGS84 point; raise CamreqError for an impossible latitude or longitude."""
    if not -90 <= latitude <= 90:
        raise CamreqError(
            tr("Latitude {latitude:g} is outside -90..90: type the latitude first, then the longitude.").format(
                latitude=latitude
            )
        )
    if not -180 <= longitude <= 180:
        raise CamreqError(tr("Longitude {longitude:g} is outside -180..180.").format(longitude=longitude))
    return TypedPoint(longitude, latitude, WGS84)


def _lambert93(x: float, y: float) -> TypedPoint:
    """Return a Lambert-93 point; raise CamreqError for one outside France."""
    if not _fits_lambert93(x, y):
        raise CamreqError(
            tr(
                "Lambert-93 X {x:.0f}, Y {y:.0f} is outside France: X runs from about -378000 to 1320000 and Y from "
                "about 6005000 to 7235000 metres."
            ).format(x=x, y=y)
        )
    return TypedPoint(x, y, LAMBERT93)


def not_degrees(x: float, y: float) -> str | None:
    """Return what a point of a layer in degrees probably is where x, y cannot be degrees, else None."""
    if _fits_wgs84(y, x):
        return None
    if _fits_lambert93(x, y):
        return f"{x:.0f}, {y:.0f} look like Lambert-93 metres (EPSG:2154): set the layer's CRS (or SOURCE_CRS)"
    return f"{x:.0f}, {y:.0f} cannot be longitude and latitude degrees: set the layer's CRS (or SOURCE_CRS)"
