"""Turn the OpenStreetMap tags of a ``man_made=surveillance`` node into CamReq camera fields.

Choices made where OSM and CamReq do not map one to one:

- ``surveillance=public``, ``outdoor``, ``traffic``, ``red_light`` and ``webcam`` give ``public_space=True``
  (such a camera sees the street), ``surveillance=indoor`` gives ``public_space=False``; of several values
  (``indoor;outdoor``) one that sees the street wins.
- ``surveillance:type=ALPR`` (or ``ANPR``) makes an ``anpr`` camera whatever ``camera:type`` says;
  ``surveillance:type=guard`` is a person, not a camera: the node is skipped (NotACameraError).
- ``surveillance:zone`` and ``camera:mount`` have no CamReq field: they are kept in ``notes``.
- A direction is degrees (``360`` is north, ``-8`` is 352, ``15°`` is 15), a compass point (``NE``) or word
  (``north-east``, ``nord-est``), or a clockwise range (``90-270``, ``E-W``): the direction is the middle of
  the arc, the field of view its width; ``0-359`` and ``0-360`` both mean a full turn (360 degrees).
- Several directions (``90;160;270``, ``180, 270``) are several cameras on one mount: the direction is left
  empty, so that the field of view is drawn as a disc (no camera is missed), with a warning.
- Heights are in metres, rounded to the centimetre.
- A value that cannot be read leaves its field empty and comes back as a warning: the camera is kept.
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
# Compass words, English then French, in the order they are replaced by their letter ("ouest" holds "est").
COMPASS_WORDS = (
    ("north", "N"), ("south", "S"), ("east", "E"), ("west", "W"),
    ("ouest", "W"), ("nord", "N"), ("sud", "S"), ("est", "E"),
)  # fmt: skip
CAMERA_TYPES = {"fixed": CameraType.FIXED.value, "dome": CameraType.DOME.value, "panning": CameraType.PTZ.value}
PLATE_READERS = ("alpr", "anpr")
NOT_CAMERAS = ("guard",)
PUBLIC_SPACE = {
    "public": True, "outdoor": True, "traffic": True, "red_light": True, "webcam": True, "indoor": False,
}  # fmt: skip
NOTE_TAGS = ("surveillance:zone", "camera:mount")
FEET_IN_METRES = 0.3048

_SIGNED_DEGREES = re.compile(r"-?\d+(?:\.\d+)?")
_DEGREES = re.compile(r"\d+(?:\.\d+)?")
_RANGE = re.compile(r"([0-9.]+|[a-z]+)\s*-\s*([0-9.]+|[a-z]+)", re.IGNORECASE)
_HEIGHT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(m|ft|')?")
_SEVERAL = re.compile(r"\s*;\s*|,\s+")  # "90;270", "180, 270" (a comma without a space is a decimal comma)
_DEGREE_SIGN = re.compile(r"\s*(°|deg|degrees?)$", re.IGNORECASE)
_WORDS = re.compile(r"[a-z]+(?:[\s_-]+[a-z]+)*", re.IGNORECASE)
_OTHER_TAG = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(.)")


class NotACameraError(Exception):
    """A row that is no camera (a guard, not a surveillance node): skipped and counted, not rejected."""


def parse_other_tags(text: str) -> dict[str, str]:
    """Return the tags of the OSM driver's other_tags field: "camera:type"=>"fixed","surveillance"=>"public"."""
    return {_ESCAPE.sub(r"\1", key): _ESCAPE.sub(r"\1", value) for key, value in _OTHER_TAG.findall(text or "")}


def other_tags_text(tags: dict[str, str]) -> str:
    """Return tags written as the OSM driver's other_tags field does (quotes and backslashes escaped)."""
    return ",".join(f"{_quoted(key)}=>{_quoted(str(value))}" for key, value in tags.items())


def _quoted(text: str) -> str:
    """Return text between double quotes, its backslashes and double quotes escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def degrees_text(text: str) -> str:
    """Return text without a trailing degree sign or word: '15°' -> '15'."""
    return _DEGREE_SIGN.sub("", text.strip())


def _compass(text: str) -> float | None:
    """Return the bearing of a compass point (NE) or word (north-east, nord-est), or None."""
    if not _WORDS.fullmatch(text):
        return None
    parts = re.split(r"[\s_-]+", text.lower())
    if len(parts) > 1 and any(part.upper() in COMPASS_POINTS for part in parts):
        return None  # "E-W" is a range, not a word
    letters = "".join(parts)
    for word, letter in COMPASS_WORDS:
        letters = letters.replace(word, letter)
    return COMPASS_POINTS.get(letters.upper())


def _bearing(text: str) -> float | None:
    """Return the bearing (0 to 360 degrees) written as a number or a compass point, or None."""
    text = degrees_text(text)
    if _DEGREES.fullmatch(text) and float(text) <= 360:
        return float(text)
    return _compass(text)


def parse_direction(value: str, tag: str = "camera:direction") -> tuple[float, float | None]:
    """Return (direction, field of view or None) in degrees from a camera:direction value."""
    parts = [part for part in _SEVERAL.split(value.strip()) if part]
    if len(parts) > 1:
        raise ValueError(f"{tag} {value!r} gives {len(parts)} directions: the field of view is drawn as a disc")
    text = degrees_text(value)
    compass = _compass(text)
    if compass is not None:
        return compass, None
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
    """Return the tilt in degrees below the horizontal (0 to 90) from a camera:angle value ('15°' is 15)."""
    text = degrees_text(value)
    if not _SIGNED_DEGREES.fullmatch(text):
        raise ValueError(f"{tag} {value!r} is not a number of degrees")
    angle = float(text)
    if not 0 <= angle <= 90:
        raise ValueError(f"{tag} {value!r} is not between 0 and 90 degrees")
    return angle


def parse_public_space(value: str, tag: str = "surveillance") -> bool:
    """Return whether the camera films public space from a surveillance value (of several, one outside wins)."""
    try:
        return any([PUBLIC_SPACE[part.strip().lower()] for part in re.split(r"[;/]", value) if part.strip()])  # noqa: C419 (every part is checked)
    except KeyError:
        known = ", ".join(PUBLIC_SPACE)
        raise ValueError(f"{tag} {value!r} is not one of {known}") from None


def parse_camera_type(tags: dict[str, str]) -> str | None:
    """Return the CamReq camera type (fixed, dome, ptz or anpr), or None when the tags omit it."""
    told = _told(tags)
    surveillance_type = told.get("surveillance:type", "camera")
    if surveillance_type.lower() in PLATE_READERS:
        return CameraType.ANPR.value
    if surveillance_type.lower() in NOT_CAMERAS:
        raise NotACameraError(f"surveillance:type={surveillance_type} is not a camera")
    if surveillance_type.lower() != "camera":
        raise ValueError(f"surveillance:type {surveillance_type!r} is not camera, ALPR or guard")
    camera_type = told.get("camera:type")
    if camera_type is None:
        return None
    try:
        return CAMERA_TYPES[camera_type.lower()]
    except KeyError:
        raise ValueError(f"camera:type {camera_type!r} is not fixed, dome or panning") from None


def _direction(told: dict[str, str]) -> dict:
    """Return the direction (and field of view of a range) told by camera:direction, else direction."""
    tag = "camera:direction" if "camera:direction" in told else "direction"
    if tag not in told:
        return {}
    direction, fov = parse_direction(told[tag], tag)
    return {"direction": direction} if fov is None else {"direction": direction, "fov": fov}


_FIELD_PARSERS: tuple[tuple[str, Callable[[dict[str, str]], dict]], ...] = (
    ("camera_type", lambda told: {} if (kind := parse_camera_type(told)) is None else {"camera_type": kind}),
    ("direction", _direction),
    ("height", lambda told: {"height": parse_height(told["height"])} if "height" in told else {}),
    ("tilt", lambda told: {"tilt": parse_angle(told["camera:angle"])} if "camera:angle" in told else {}),
    (
        "public_space",
        lambda told: {"public_space": parse_public_space(told["surveillance"])} if "surveillance" in told else {},
    ),
)


def camera_from_osm_tags(tags: dict[str, str]) -> tuple[dict, list[str]]:
    """Return the CamReq camera fields told by the tags of one surveillance node, and a warning per unread tag.

    Raises NotACameraError for a node that is not a camera (man_made other than surveillance, a guard).
    """
    told = _told(tags)
    if told.get("man_made", "surveillance") != "surveillance":
        raise NotACameraError(f"man_made={told['man_made']} is not surveillance")
    camera: dict = {field: told[key] for field, key in (("ref", "ref"), ("owner", "operator")) if key in told}
    warnings = []
    for field, parse in _FIELD_PARSERS:
        try:
            camera.update(parse(told))
        except ValueError as error:
            warnings.append(f"{error}; {field} left empty")
    notes = "; ".join(f"{key}={told[key]}" for key in NOTE_TAGS if key in told)
    if notes:
        camera["notes"] = notes
    return camera, warnings


def _told(tags: dict[str, str]) -> dict[str, str]:
    """Return the tags with their values stripped, without the missing or blank ones."""
    return {key: value.strip() for key, value in tags.items() if value and value.strip()}
