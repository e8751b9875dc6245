"""Import cameras and owners from any QGIS feature source into the registry, each import one transaction.

Rules shared by both imports:

- Field names are matched case-insensitively; an empty cell never erases a stored value.
- Each row runs under a savepoint: a row the database refuses is rolled back alone and comes back with
  the violated constraint's name (a readable sentence) as its reason; values that cannot be read are
  refused in Python with a reason naming the field.
- Cancelling raises CamreqError: the transaction is rolled back, nothing is imported.

Cameras are keyed by their OpenStreetMap id, else by owner + ref, else (neither given) by owner + position
within half a metre. Owners are keyed by name, case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import psycopg2
import psycopg2.extensions
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
)

from ..db import registry
from ..db.connection import transaction
from ..db.schema import storage_srid
from ..errors import CamreqError
from . import import_values as read
from .osm_tags import camera_from_osm_tags

# Camera fields read from columns of the same name (`direction` apart: it may also set the field of view).
CAMERA_FIELDS = {
    "ref": read.text,
    "owner": read.text,
    "owner_email": read.text,
    "camera_type": read.word,
    "fov": read.number,
    "range_m": read.number,
    "height": read.height,
    "tilt": read.number,
    "retention_days": read.whole,
    "status": read.word,
    "recording_mode": read.word,
    "public_space": read.boolean,
    "police_access": read.boolean,
    "authorisation_ref": read.text,
    "authorisation_expiry": read.day,
    "last_verified": read.day,
    "address": read.text,
    "notes": read.text,
}
COLUMN_NAMES = {"height": "height_m"}  # camera field -> database column, where they differ
NOT_CAMERA_COLUMNS = ("owner", "owner_email", "osm_id")
# OpenStreetMap tags with no column of the same name above; `direction`, `height` and `ref` are both.
OSM_TAGS = (
    "man_made", "surveillance", "surveillance:type", "surveillance:zone", "camera:type", "camera:mount",
    "camera:direction", "camera:angle", "operator",
)
OSM_ID_FIELDS = ("osm_id", "@id", "id")
OSM_ID = re.compile(r"(node|way|relation)/\d+")
OWNER_FIELDS = {
    "name": read.text,
    "kind": read.word,
    "email": read.text,
    "phone": read.text,
    "address": read.text,
    "response_days": read.whole,
    "notes": read.text,
}

Reject = Callable[[QgsFeature, str], None]


class RowRejectedError(Exception):
    """A row that cannot be imported; its message is the reason the user reads."""


@dataclass
class ImportResult:
    """What an import did."""

    imported: int = 0
    updated: int = 0
    rejected: int = 0
    owners_created: list[str] = field(default_factory=list)
    owners_without_contact: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CameraImportOptions:
    """The choices of a camera import that do not come from the rows."""

    default_owner: str = ""
    default_retention_days: int = 30
    transform_context: QgsCoordinateTransformContext = field(default_factory=QgsCoordinateTransformContext)


def import_cameras(
    connection: str, source: QgsFeatureSource, options: CameraImportOptions, feedback: QgsFeedback, reject: Reject
) -> ImportResult:
    """Insert or update the cameras of a point source in one transaction, reporting each refused row to reject()."""
    with transaction(connection) as conn:
        return write_cameras(conn, source, options, feedback, reject)


def import_owners(connection: str, source: QgsFeatureSource, feedback: QgsFeedback, reject: Reject) -> ImportResult:
    """Insert or update the owners of a table in one transaction, keyed by name case-insensitively."""
    with transaction(connection) as conn:
        return write_owners(conn, source, feedback, reject)


def write_cameras(
    conn: psycopg2.extensions.connection,
    source: QgsFeatureSource,
    options: CameraImportOptions,
    feedback: QgsFeedback,
    reject: Reject,
) -> ImportResult:
    """Insert or update the cameras of a point source in the caller's transaction (see import_cameras)."""
    if not source.sourceCrs().isValid():
        raise CamreqError("INPUT: the layer has no CRS; set its CRS so that its points can be placed.")
    reader = read.FieldReader(source.fields().names())
    result = ImportResult()
    with conn.cursor() as cursor:
        target = QgsCoordinateReferenceSystem(f"EPSG:{storage_srid(conn)}")
        transform = QgsCoordinateTransform(source.sourceCrs(), target, options.transform_context)
        owners = registry.owner_ids(cursor)
        for feature in _features(source, feedback):
            try:
                camera = camera_values(reader, feature)
                wkb = point_wkb(feature, transform)
                with registry.savepoint(cursor):
                    inserted, created_owner = _write_camera(cursor, camera, wkb, owners, options)
            except RowRejectedError as error:
                _count_rejected(result, reject, feature, str(error))
                continue
            except psycopg2.Error as error:
                _count_rejected(result, reject, feature, registry.violation_reason(error))
                continue
            if inserted:
                result.imported += 1
            else:
                result.updated += 1
            if created_owner is not None:
                owners[created_owner[0].lower()] = created_owner[1]
                result.owners_created.append(created_owner[0])
        lacking = registry.owners_without_email(cursor, [owners[name.lower()] for name in result.owners_created])
        result.owners_without_contact = [name for name in result.owners_created if owners[name.lower()] in lacking]
    return result


def write_owners(
    conn: psycopg2.extensions.connection, source: QgsFeatureSource, feedback: QgsFeedback, reject: Reject
) -> ImportResult:
    """Insert or update the owners of a table in the caller's transaction (see import_owners)."""
    reader = read.FieldReader(source.fields().names())
    if not reader.has("name"):
        raise CamreqError("INPUT: the table has no 'name' field; each owner needs a name.")
    result = ImportResult()
    with conn.cursor() as cursor:
        owners = registry.owner_ids(cursor)
        for feature in _features(source, feedback):
            try:
                values = _read_fields(reader, feature, OWNER_FIELDS)
                if "name" not in values:
                    raise RowRejectedError("name is missing: an owner needs a name")
                name = values["name"]
                with registry.savepoint(cursor):
                    owner_id = owners.get(name.lower())
                    if owner_id is None:
                        owner_id = registry.insert_row(cursor, "owners", values)
                        result.imported += 1
                    else:  # the directory keeps its own spelling of the name
                        del values["name"]
                        registry.update_row(cursor, "owners", owner_id, values)
                        result.updated += 1
                owners[name.lower()] = owner_id
            except RowRejectedError as error:
                _count_rejected(result, reject, feature, str(error))
            except psycopg2.Error as error:
                _count_rejected(result, reject, feature, registry.violation_reason(error))
    return result


def camera_values(reader: read.FieldReader, feature: QgsFeature) -> dict:
    """Return the camera fields a row tells: OSM tags first, then explicit fields, which win."""
    try:
        tags = {tag: read.text(tag, value) for tag in OSM_TAGS if (value := reader.value(feature, tag)) is not None}
        camera = camera_from_osm_tags(tags) if tags else {}
        explicit = _read_fields(reader, feature, CAMERA_FIELDS)
        given_direction = reader.value(feature, "direction")
        if given_direction is not None:
            camera["direction"], fov = read.direction("direction", given_direction)
            if fov is not None:
                camera["fov"] = fov
    except ValueError as error:
        raise RowRejectedError(str(error)) from None
    camera.update(explicit)
    camera["osm_id"] = _osm_id(reader, feature)
    return camera


def point_wkb(feature: QgsFeature, transform: QgsCoordinateTransform) -> bytes:
    """Return the feature's point as 2D WKB in the storage CRS."""
    geometry = feature.geometry()
    if geometry.isNull() or geometry.isEmpty():
        raise RowRejectedError("position is missing: the row has no point")
    points = geometry.asMultiPoint() if geometry.isMultipart() else [geometry.asPoint()]
    if len(points) != 1:
        raise RowRejectedError(f"position must be one point, not {len(points)}")
    try:
        point = transform.transform(points[0])
    except QgsCsException:
        raise RowRejectedError(f"position cannot be transformed to {transform.destinationCrs().authid()}") from None
    return bytes(QgsGeometry.fromPointXY(point).asWkb())


def _write_camera(
    cursor: psycopg2.extensions.cursor,
    camera: dict,
    wkb: bytes,
    owners: dict[str, int],
    options: CameraImportOptions,
) -> tuple[bool, tuple[str, int] | None]:
    """Insert or update one camera, creating its owner where unknown; return (inserted, created owner)."""
    owner_name = camera.get("owner") or options.default_owner.strip()
    if not owner_name:
        raise RowRejectedError("owner is missing: the row names none (owner or operator) and DEFAULT_OWNER is empty")
    owner_id = owners.get(owner_name.lower())
    created_owner = None
    if owner_id is None:
        owner = {"name": owner_name, "email": camera.get("owner_email")}
        owner_id = registry.insert_row(cursor, "owners", {k: v for k, v in owner.items() if v is not None})
        created_owner = (owner_name, owner_id)
    values = {COLUMN_NAMES.get(name, name): value for name, value in camera.items() if name not in NOT_CAMERA_COLUMNS}
    values.update(owner_id=owner_id, geom=wkb)
    if camera["osm_id"]:
        values["osm_id"] = camera["osm_id"]
    camera_id = registry.find_camera(cursor, camera["osm_id"], owner_id, camera.get("ref"), wkb)
    if camera_id is None:
        values.setdefault("retention_days", options.default_retention_days)
        registry.insert_row(cursor, "cameras", values)
        return True, created_owner
    registry.update_row(cursor, "cameras", camera_id, values)
    return False, created_owner


def _read_fields(reader: read.FieldReader, feature: QgsFeature, readers: dict) -> dict:
    """Return the readable, non-missing values of the given fields, raising RowRejectedError on the first bad one."""
    values = {}
    for name, read_value in readers.items():
        value = reader.value(feature, name)
        if value is not None:
            try:
                values[name] = read_value(name, value)
            except ValueError as error:
                raise RowRejectedError(str(error)) from None
    return values


def _osm_id(reader: read.FieldReader, feature: QgsFeature) -> str | None:
    """Return the row's OpenStreetMap id (node/123) from osm_id, @id or id, or None."""
    for name in OSM_ID_FIELDS:
        value = reader.value(feature, name)
        if value is None:
            continue
        osm_id = read.text(name, value)
        if OSM_ID.fullmatch(osm_id):
            return osm_id
        if name != "id":
            raise RowRejectedError(f"{name} {osm_id!r} is not an OpenStreetMap id such as node/123")
    return None


def _features(source: QgsFeatureSource, feedback: QgsFeedback) -> Iterator[QgsFeature]:
    """Yield the source's features with progress; raise CamreqError where the user cancels."""
    total = max(source.featureCount(), 1)
    for number, feature in enumerate(source.getFeatures()):
        if feedback.isCanceled():
            raise CamreqError(
                f"Import cancelled at row {number + 1}: the transaction was rolled back, nothing was imported."
            )
        yield feature
        feedback.setProgress(100.0 * (number + 1) / total)


def _count_rejected(result: ImportResult, reject: Reject, feature: QgsFeature, reason: str) -> None:
    """Count a refused row and hand it to reject() with its reason."""
    result.rejected += 1
    reject(feature, reason)
