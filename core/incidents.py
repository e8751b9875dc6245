"""Turn QGIS features into search incidents: checked geometries in EPSG:4326 and aware time windows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureIterator,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..errors import CamreqError
from .search import Incident, parse_datetime
from .times import aware, from_qdatetime, start_of_day


@dataclass(frozen=True)
class TimeSource:
    """Where incident windows come from: fixed START/END, or per feature from START_FIELD/END_FIELD."""

    start: datetime | None = None
    end: datetime | None = None
    start_field: str = ""
    end_field: str = ""

    def check(self) -> None:
        """Raise naming START where no start is given at all."""
        if self.start is None and not self.start_field:
            raise CamreqError("START: give the incident start date-time, or a START_FIELD to read it per incident.")


def datetime_from_value(value: object, parameter: str) -> datetime | None:
    """Return an attribute value (date-time, date or ISO text) as an aware date-time, None when empty."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return from_qdatetime(value)
    if isinstance(value, QDate):
        return start_of_day(value.toPyDate()) if value.isValid() else None
    if isinstance(value, datetime):
        return aware(value)
    if isinstance(value, date):
        return start_of_day(value)
    if isinstance(value, str):
        return parse_datetime(value, parameter) if value.strip() else None
    raise CamreqError(f"{parameter}: the value {value!r} is not a date-time.")


def incidents_from_source(
    source: QgsFeatureSource,
    transform_context: QgsCoordinateTransformContext,
    times: TimeSource,
    id_field: str = "",
    routes: bool = False,
    is_canceled: Callable[[], bool] = lambda: False,
) -> list[Incident]:
    """Return one checked Incident per feature; routes=True merges lines so that each route is one line."""
    times.check()
    if not source.sourceCrs().isValid():
        raise CamreqError("INCIDENTS: the layer has no CRS; set its CRS so that distances can be measured.")
    wgs84 = QgsCoordinateReferenceSystem.fromEpsgId(4326)
    transform = QgsCoordinateTransform(source.sourceCrs(), wgs84, transform_context)
    incidents = []
    for feature in _features(source):
        if is_canceled():
            break
        name = incident_id(feature, id_field)
        geometry = checked_geometry(feature.geometry(), name, routes)
        geometry.transform(transform)
        start = datetime_from_value(feature[times.start_field], "START_FIELD") if times.start_field else times.start
        end = datetime_from_value(feature[times.end_field], "END_FIELD") if times.end_field else times.end
        if start is None:
            raise CamreqError(f"START_FIELD: incident '{name}' has no start date-time.")
        incidents.append(Incident(name, bytes(geometry.asWkb()), start, end))
    return incidents


def _features(source: QgsFeatureSource) -> QgsFeatureIterator:
    """Return every feature, bypassing Processing's own geometry check: checked_geometry() names the incident."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(QgsFeatureRequest(), QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
    return source.getFeatures()


def incident_id(feature: QgsFeature, id_field: str) -> str:
    """Return the incident's id: the ID_FIELD value, or the feature id."""
    if not id_field:
        return str(feature.id())
    value = feature[id_field]
    if value is None or (isinstance(value, QVariant) and value.isNull()) or str(value).strip() == "":
        raise CamreqError(f"ID_FIELD: feature {feature.id()} has no value in '{id_field}'.")
    return str(value)


def checked_geometry(geometry: QgsGeometry, name: str, routes: bool) -> QgsGeometry:
    """Return a copy of a feature's geometry, linear and valid, or raise naming the incident."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        raise CamreqError(f"INCIDENTS: incident '{name}' has an empty geometry.")
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    else:
        geometry = QgsGeometry(geometry)
    if not geometry.isGeosValid():
        error = geometry.validateGeometry()
        reason = error[0].what() if error else "invalid geometry"
        raise CamreqError(f"INCIDENTS: incident '{name}' has an invalid geometry ({reason}).")
    if routes and geometry.type() == QgsWkbTypes.GeometryType.LineGeometry and geometry.isMultipart():
        merged = geometry.mergeLines()
        parts = merged.asGeometryCollection()
        if len(parts) != 1:
            raise CamreqError(
                f"INCIDENTS: route '{name}' has {len(parts)} separate parts; SPEED_KMH needs one continuous line."
            )
        geometry = parts[0]
    return geometry
