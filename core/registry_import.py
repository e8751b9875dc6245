"""Import cameras and owners from any QGIS feature source into the registry, each import one transaction.

Rules shared by both imports:

- Field names are matched folded (case, accents, separators), in English or French, or as FIELD_MAP says;
  an empty cell never erases a stored value.
- Only a row without a usable position (cameras), owner (cameras) or name (owners) is rejected, with its
  reason. Any other value that cannot be read, or that a database rule refuses (the violated constraint's
  name is a readable sentence), is left empty and reported as a warning with the row, which is kept.
- Rows that are no camera (a guard, a node not tagged man_made=surveillance) are skipped and counted.
- Each row runs under a savepoint: a row the database refuses is rolled back alone.
- Cancelling raises CamreqError: the caller's transaction is rolled back, nothing is imported.

Cameras are keyed by their OpenStreetMap id, else by owner + ref, else (neither given) by owner + position
within half a metre. Owners are keyed by name, case-insensitively.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import psycopg2
import psycopg2.errors
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
from .coordinates import not_degrees
from .import_fields import (
    CAMERA_FIELDS,
    CAMERA_NAMES,
    COLUMN_NAMES,
    KEPT_CAMERA_COLUMNS,
    NOT_CAMERA_COLUMNS,
    OSM_ID,
    OSM_ID_FIELDS,
    OSM_TAGS,
    OTHER_TAGS,
    OWNER_FIELDS,
    OWNER_NAMES,
)
from .osm_tags import NotACameraError, camera_from_osm_tags, parse_other_tags
from .translation import tr

Reject = Callable[[QgsFeature, str], None]


def _ignore(feature: QgsFeature, text: str) -> None:
    """Drop a row report nobody asked for."""


class RowRejectedError(Exception):
    """A row that cannot be imported; its message is the reason the user reads."""


@dataclass
class ImportResult:
    """What an import did."""

    imported: int = 0
    updated: int = 0
    rejected: int = 0
    warned: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> rows skipped
    owners_created: list[str] = field(default_factory=list)
    owners_without_contact: list[str] = field(default_factory=list)
    fields_used: dict[str, list[str]] = field(default_factory=dict)  # input field -> what it was read as
    fields_ignored: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CameraImportOptions:
    """The choices of a camera import that do not come from the rows."""

    default_owner: str = ""
    default_retention_days: int = 30
    transform_context: QgsCoordinateTransformContext = field(default_factory=QgsCoordinateTransformContext)
    source_crs: QgsCoordinateReferenceSystem = field(default_factory=QgsCoordinateReferenceSystem)  # overrides
    field_map: dict[str, str] = field(default_factory=dict)  # target field -> input field (FIELD_MAP)


def camera_field_names() -> dict[str, tuple[str, ...]]:
    """Return every field a camera import reads, with its other names: FIELD_MAP's targets."""
    names = {name: CAMERA_NAMES.get(name, ()) for name in (*CAMERA_FIELDS, "direction")}
    return {**names, **dict.fromkeys((*OSM_TAGS, OTHER_TAGS, *OSM_ID_FIELDS), ())}


def import_cameras(
    connection: str,
    source: QgsFeatureSource,
    options: CameraImportOptions,
    feedback: QgsFeedback,
    reject: Reject,
    warn: Reject = _ignore,
    dry_run: bool = False,
) -> ImportResult:
    """Insert or update the cameras of a point source in one transaction (rolled back for a dry run)."""
    with transaction(connection) as conn:
        result = write_cameras(conn, source, options, feedback, reject, warn)
        if dry_run:
            conn.rollback()
        return result


def import_owners(
    connection: str,
    source: QgsFeatureSource,
    feedback: QgsFeedback,
    reject: Reject,
    warn: Reject = _ignore,
    field_map: dict[str, str] | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Insert or update the owners of a table in one transaction (rolled back for a dry run), keyed by name."""
    with transaction(connection) as conn:
        result = write_owners(conn, source, feedback, reject, warn, field_map)
        if dry_run:
            conn.rollback()
        return result


def write_cameras(
    conn: psycopg2.extensions.connection,
    source: QgsFeatureSource,
    options: CameraImportOptions,
    feedback: QgsFeedback,
    reject: Reject,
    warn: Reject = _ignore,
) -> ImportResult:
    """Insert or update the cameras of a point source; refused rows go to reject(), warned rows to warn()."""
    crs = options.source_crs if options.source_crs.isValid() else source.sourceCrs()
    if not crs.isValid():
        raise CamreqError(
            tr("the layer has no CRS; set its CRS (or SOURCE_CRS) so that its points can be placed."), "INPUT"
        )
    reader = read.FieldReader(source.fields().names(), camera_field_names(), options.field_map)
    result = ImportResult(fields_used=reader.used(), fields_ignored=reader.ignored())
    with conn.cursor() as cursor:
        target = QgsCoordinateReferenceSystem(f"EPSG:{storage_srid(conn)}")
        transform = QgsCoordinateTransform(crs, target, options.transform_context)
        owners = registry.owner_ids(cursor)
        constraints = registry.constraint_columns(cursor)
        for feature in _features(source, feedback):
            try:
                camera, warnings = camera_values(reader, feature)
                wkb = point_wkb(feature, transform)
                with registry.savepoint(cursor):
                    inserted, created_owner = _write_camera(cursor, camera, wkb, owners, options, constraints, warnings)
            except NotACameraError as error:
                result.skipped[str(error)] += 1
                continue
            except RowRejectedError as error:
                _count_rejected(result, reject, feature, str(error))
                continue
            except psycopg2.Error as error:
                _count_rejected(result, reject, feature, registry.violation_reason(error))
                continue
            _count_written(result, inserted, warnings, warn, feature)
            if created_owner is not None:
                owners[created_owner[0].lower()] = created_owner[1]
                result.owners_created.append(created_owner[0])
        lacking = registry.owners_without_email(cursor, [owners[name.lower()] for name in result.owners_created])
        result.owners_without_contact = [name for name in result.owners_created if owners[name.lower()] in lacking]
    return result


def write_owners(
    conn: psycopg2.extensions.connection,
    source: QgsFeatureSource,
    feedback: QgsFeedback,
    reject: Reject,
    warn: Reject = _ignore,
    field_map: dict[str, str] | None = None,
) -> ImportResult:
    """Insert or update the owners of a table in the caller's transaction (see import_owners)."""
    reader = read.FieldReader(source.fields().names(), OWNER_NAMES, field_map or {})
    if not reader.has("name"):
        raise CamreqError(tr("the table has no 'name' field (nor 'Nom'); each owner needs a name."), "INPUT")
    result = ImportResult(fields_used=reader.used(), fields_ignored=reader.ignored())
    with conn.cursor() as cursor:
        owners = registry.owner_ids(cursor)
        constraints = registry.constraint_columns(cursor)
        for feature in _features(source, feedback):
            warnings: list[str] = []
            try:
                values = _read_fields(reader, feature, OWNER_FIELDS, warnings)
                if "name" not in values:
                    raise RowRejectedError(_unread(warnings, "name") or "name is missing: an owner needs a name")
                name = values["name"]
                with registry.savepoint(cursor):
                    owner_id = owners.get(name.lower())
                    if owner_id is None:
                        owner_id = _write(
                            cursor,
                            partial(registry.insert_row, cursor, "owners"),
                            values,
                            constraints,
                            ("name",),
                            warnings,
                        )
                    else:  # the directory keeps its own spelling of the name
                        del values["name"]
                        _write(
                            cursor,
                            partial(registry.update_row, cursor, "owners", owner_id),
                            values,
                            constraints,
                            (),
                            warnings,
                        )
            except RowRejectedError as error:
                _count_rejected(result, reject, feature, str(error))
                continue
            except psycopg2.Error as error:
                _count_rejected(result, reject, feature, registry.violation_reason(error))
                continue
            _count_written(result, name.lower() not in owners, warnings, warn, feature)
            owners[name.lower()] = owner_id
    return result


def camera_values(reader: read.FieldReader, feature: QgsFeature) -> tuple[dict, list[str]]:
    """Return the camera fields a row tells (OSM tags first, then explicit fields, which win) and its warnings.

    Raises NotACameraError for a row that is no camera.
    """
    warnings: list[str] = []
    camera: dict = {}
    osm_id = _osm_id(reader, feature, warnings)
    tags = _tags(reader, feature)
    osm_element = reader.has(OTHER_TAGS) or tags  # an OpenStreetMap file's row, not a registry row with an OSM id
    if osm_id and osm_element and not any(tag.startswith(("man_made", "surveillance", "camera:")) for tag in tags):
        raise NotACameraError(f"{osm_id.split('/')[0]} not tagged man_made=surveillance")
    if tags:
        camera, tag_warnings = camera_from_osm_tags(tags)
        warnings += tag_warnings
    explicit = _read_fields(reader, feature, CAMERA_FIELDS, warnings)
    given_direction = reader.value(feature, "direction")
    if given_direction is not None:
        try:
            camera["direction"], fov = read.direction(reader.source("direction"), given_direction)
        except ValueError as error:
            camera.pop("direction", None)
            warnings.append(f"{error}; direction left empty")
        else:
            if fov is not None:
                camera["fov"] = fov
    camera.update(explicit)
    camera["osm_id"] = osm_id
    return camera, warnings


def point_wkb(feature: QgsFeature, transform: QgsCoordinateTransform) -> bytes:
    """Return the feature's point as 2D WKB in the storage CRS."""
    geometry = feature.geometry()
    if geometry.isNull() or geometry.isEmpty():
        raise RowRejectedError("position is missing: the row has no point")
    points = geometry.asMultiPoint() if geometry.isMultipart() else [geometry.asPoint()]
    if len(points) != 1:
        raise RowRejectedError(f"position must be one point, not {len(points)}")
    if transform.sourceCrs().isGeographic():
        mistake = not_degrees(points[0].x(), points[0].y())
        if mistake:
            raise RowRejectedError(f"position {mistake}")
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
    constraints: dict[str, tuple[str, ...]],
    warnings: list[str],
) -> tuple[bool, tuple[str, int] | None]:
    """Insert or update one camera, creating its owner where unknown; return (inserted, created owner)."""
    owner_name = camera.get("owner") or options.default_owner.strip()
    if not owner_name:
        raise RowRejectedError(
            _unread(warnings, "owner")
            or "owner is missing: the row names none (owner or operator) and DEFAULT_OWNER is empty"
        )
    owner_id = owners.get(owner_name.lower())
    created_owner = None
    if owner_id is None:
        owner = {name: value for name, value in (("name", owner_name), ("email", camera.get("owner_email"))) if value}
        owner_id = _write(
            cursor, partial(registry.insert_row, cursor, "owners"), owner, constraints, ("name",), warnings
        )
        created_owner = (owner_name, owner_id)
    values = {COLUMN_NAMES.get(name, name): value for name, value in camera.items() if name not in NOT_CAMERA_COLUMNS}
    values.update(owner_id=owner_id, geom=wkb)
    if camera["osm_id"]:
        values["osm_id"] = camera["osm_id"]
    camera_id = registry.find_camera(cursor, camera["osm_id"], owner_id, camera.get("ref"), wkb)
    if camera_id is None:
        new = {"retention_days": options.default_retention_days}  # also where the row's own is refused
        _write(
            cursor,
            lambda row: registry.insert_row(cursor, "cameras", {**new, **row}),
            values,
            constraints,
            KEPT_CAMERA_COLUMNS,
            warnings,
        )
        return True, created_owner
    _write(
        cursor,
        partial(registry.update_row, cursor, "cameras", camera_id),
        values,
        constraints,
        KEPT_CAMERA_COLUMNS,
        warnings,
    )
    return False, created_owner


def _write(
    cursor: psycopg2.extensions.cursor,
    write: Callable[[dict], Any],
    values: dict,
    constraints: dict[str, tuple[str, ...]],
    kept: tuple[str, ...],
    warnings: list[str],
) -> Any:
    """Return write(values) under a savepoint; a value a database rule refuses is left out with a warning, retried.

    A refusal of a kept column (the owner, the position, the keys) is raised: the row is rejected.
    """
    while True:
        try:
            with registry.savepoint(cursor):
                return write(values)
        except (psycopg2.errors.CheckViolation, psycopg2.errors.ForeignKeyViolation) as error:
            rule = error.diag.constraint_name or ""
            refused = [name for name in constraints.get(rule, ()) if name in values and name not in kept]
            if not refused:
                raise
            warnings.extend(f"{name} {_shown(values.pop(name))}: {rule}; left empty" for name in refused)


def _shown(value: Any) -> str:
    """Return a refused value as a warning shows it."""
    return repr(value) if isinstance(value, str) else f"{value:g}" if isinstance(value, float) else str(value)


def _read_fields(reader: read.FieldReader, feature: QgsFeature, readers: dict, warnings: list[str]) -> dict:
    """Return the readable, non-missing values of the given fields; each unreadable one is left out with a warning."""
    values = {}
    for name, read_value in readers.items():
        value = reader.value(feature, name)
        if value is not None:
            try:
                values[name] = read_value(reader.source(name), value)
            except ValueError as error:
                warnings.append(f"{error}; {name} left empty")
    return values


def _unread(warnings: list[str], name: str) -> str | None:
    """Return why a field that the row cannot do without was unreadable (its warning, now a reason), or None."""
    suffix = f"; {name} left empty"
    return next((warning.removesuffix(suffix) for warning in warnings if warning.endswith(suffix)), None)


def _tags(reader: read.FieldReader, feature: QgsFeature) -> dict[str, str]:
    """Return the row's OpenStreetMap tags: those of other_tags, then the tag columns, which win."""
    other = reader.value(feature, OTHER_TAGS)
    tags = parse_other_tags(str(other)) if other is not None else {}
    for tag in OSM_TAGS:
        value = reader.value(feature, tag)
        if value is not None:
            tags[tag] = read.text(tag, value)
    return tags


def _osm_id(reader: read.FieldReader, feature: QgsFeature, warnings: list[str]) -> str | None:
    """Return the row's OpenStreetMap id (node/123) from osm_id (a bare number is a node), @id or id, or None."""
    for name in OSM_ID_FIELDS:
        value = reader.value(feature, name)
        if value is None:
            continue
        osm_id = read.text(name, value)
        if name == "osm_id" and osm_id.isdigit():
            return f"node/{osm_id}"  # QGIS's OSM driver gives the bare number of a node (layer points)
        if OSM_ID.fullmatch(osm_id):
            return osm_id
        if name != "id":
            warnings.append(
                f"{reader.source(name)} {osm_id!r} is not an OpenStreetMap id such as node/123; osm_id left empty"
            )
    return None


def _features(source: QgsFeatureSource, feedback: QgsFeedback) -> Iterator[QgsFeature]:
    """Yield the source's features with progress; raise CamreqError where the user cancels."""
    total = max(source.featureCount(), 1)
    for number, feature in enumerate(source.getFeatures()):
        if feedback.isCanceled():
            raise CamreqError(
                tr("Import cancelled at row {row}: the transaction was rolled back, nothing was imported.").format(
                    row=number + 1
                )
            )
        yield feature
        feedback.setProgress(min(100.0, 100.0 * (number + 1) / total))


def _count_written(
    result: ImportResult, inserted: bool, warnings: list[str], warn: Reject, feature: QgsFeature
) -> None:
    """Count a written row, and hand it to warn() with its warnings where it has some."""
    if inserted:
        result.imported += 1
    else:
        result.updated += 1
    if warnings:
        result.warned += 1
        warn(feature, "; ".join(warnings))


def _count_rejected(result: ImportResult, reject: Reject, feature: QgsFeature, reason: str) -> None:
    """Count a refused row and hand it to reject() with its reason."""
    result.rejected += 1
    reject(feature, reason)
