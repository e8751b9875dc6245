"""Turn the OpenStreetMap tags of a ``man_made=surveillance`` node into CamReq camera fields.

Choices made where OSM and CamReq do not map one to one:

- ``surveillance=public`` and ``surveillance=outdoor`` give ``public_space=True`` (an outdoor
  camera usually sees the street), ``surveillance=indoor`` gives ``public_space=False``.
- ``surveillance:type=ALPR`` (or ``ANPR``) makes an ``anpr`` camera whatever ``camera:type`` says;
  ``surveillance:type=guard`` is a person, not a camera, and is rejected.
- ``surveillance:zone`` and ``camera:mount`` have no CamReq field: they are kept in ``notes``.
- A direction range (``90-270``, ``E-W``) is clockwise: the direction is the middle of the arc,
  the field of view its width; ``0-359`` and ``0-360`` both mean a full turn (360 degrees).
- Heights are in metres, rounded to the centimetre.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .vocabulary import CameraType

COMPASS_POINTS = {
    name: index * 22.5
    for index, name in enumerate(
        ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
    )
}
CAMERA_TYPES = {"fixed": CameraType.FIXED.value, "dome": CameraType.DOME.value, "panning": CameraType.PTZ.value}
PLATE_READERS = ("alpr", "anpr")
PUBLIC_SPACE = {"public": True, "outdoor": True, "indoor": False}
NOTE_TAGS = ("surveillance:zone", "camera:mount")
FEET_IN_METRES = 0.3048

_SIGNED_DEGREES = re.compile(r"-?\d+(?:\.\d+)?")
_DEGREES = re.compile(r"\d+(?:\.\d+)?")
_RANGE = re.compile(r"([0-9.]+|[a-z]+)\s*-\s*([0-9.]+|[a-z]+)", re.IGNORECASE)
_HEIGHT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(m|ft|')?")


def _bearing(text: str) -> float | None:
    """Return the bearing (0 to 360 degrees) written as a number or a compass point, or None."""
    if text.upper() in COMPASS_POINTS:
        return COMPASS_POINTS[text.upper()]
    if _DEGREES.fullmatch(text) and float(text) <= 360:
        return float(text)
    return None


def parse_direction(value: str, tag: str = "camera:direction") -> tuple[float, float | None]:
    """Return (direction, field of view or None) in degrees from a camera:direction value."""
    text = value.split(";")[0].strip()
    if text.upper() in COMPASS_POINTS:
        return COMPASS_POINTS[text.upper()], None
    if _SIGNED_DEGREES.fullmatch(text):
        return float(text) % 360, None
    match = _RANGE.fullmatch(text)
    if match is None:
        raise ValueError(f"{tag} {value!r} is not degrees, a compass point or a range")
    start, end = (_bearing(end_text) for end_text in match.groups())
    if start is None or end is None or start == end:
        raise ValueError(f"{tag} {value!r} is not a range between two different bearings")
    width = (end - start) % 360
    fov = 360.0 if width == 0 or width >= 359 else width
    return (start + fov / 2) % 360, fov


def parse_height(value: str, tag: str = "height") -> float:
    """Return the mount height in metres from a height in metres (default) or feet."""
    match = _HEIGHT.fullmatch(value.strip().lower())
    if match is None:
        raise ValueError(f"{tag} {value!r} is not a height in metres or feet")
    number = float(match.group(1).replace(",", "."))
    metres = number * FEET_IN_METRES if match.group(2) in ("ft", "'") else number
    if metres <= 0:
        raise ValueError(f"{tag} {value!r} is not a positive height")
    return round(metres, 2)


def parse_angle(value: str, tag: str = "camera:angle") -> float:
    """Return the tilt in degrees below the horizontal (0 to 90) from a camera:angle value."""
    text = value.strip()
    if not _SIGNED_DEGREES.fullmatch(text):
        raise ValueError(f"{tag} {value!r} is not a number of degrees")
    angle = float(text)
    if not 0 <= angle <= 90:
        raise ValueError(f"{tag} {value!r} is not between 0 and 90 degrees")
    return angle


def parse_public_space(value: str, tag: str = "surveillance") -> bool:
    """Return whether the camera films public space from a surveillance value."""
    try:
        return PUBLIC_SPACE[value.strip().lower()]
    except KeyError:
        raise ValueError(f"{tag} {value!r} is not public, outdoor or indoor") from None


def parse_camera_type(tags: dict[str, str]) -> str | None:
    """Return the CamReq camera type (fixed, dome, ptz or anpr), or None when the tags omit it."""
    told = _told(tags)
    surveillance_type = told.get("surveillance:type", "camera")
    if surveillance_type.lower() in PLATE_READERS:
        return CameraType.ANPR.value
    if surveillance_type.lower() != "camera":
        raise ValueError(f"surveillance:type {surveillance_type!r} is not a camera")
    camera_type = told.get("camera:type")
    if camera_type is None:
        return None
    try:
        return CAMERA_TYPES[camera_type.lower()]
    except KeyError:
        raise ValueError(f"camera:type {camera_type!r} is not fixed, dome or panning") from None


_VALUE_PARSERS: dict[str, tuple[str, Callable[[str, str], object]]] = {
    "height": ("height", parse_height),
    "camera:angle": ("tilt", parse_angle),
    "surveillance": ("public_space", parse_public_space),
}


def camera_from_osm_tags(tags: dict[str, str]) -> dict:
    """Return the CamReq camera fields told by the tags of one surveillance node."""
    told = _told(tags)
    if told.get("man_made", "surveillance") != "surveillance":
        raise ValueError(f"man_made {told['man_made']!r} is not surveillance")
    camera: dict = {field: told[key] for field, key in (("ref", "ref"), ("owner", "operator")) if key in told}
    camera_type = parse_camera_type(told)
    if camera_type is not None:
        camera["camera_type"] = camera_type
    direction_tag = "camera:direction" if "camera:direction" in told else "direction"
    if direction_tag in told:
        camera["direction"], fov = parse_direction(told[direction_tag], direction_tag)
        if fov is not None:
            camera["fov"] = fov
    for key, (field, parse) in _VALUE_PARSERS.items():
        if key in told:
            camera[field] = parse(told[key], key)
    notes = "; ".join(f"{key}={told[key]}" for key in NOTE_TAGS if key in told)
    if notes:
        camera["notes"] = notes
    return camera


def _told(tags: dict[str, str]) -> dict[str, str]:
    """Return the tags with their values stripped, without the missing or blank ones."""
    return {key: value.strip() for key, value in tags.items() if value and value.strip()}
