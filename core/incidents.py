"""Turn QGIS features into search incidents: checked geometries in EPSG:4326 and aware time windows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
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
from .translation import tr


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
            raise CamreqError(
                tr("give the incident start date-time, or a START_FIELD to read it per incident."), "START"
            )


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
    raise CamreqError(tr("the value {value!r} is not a date-time.").format(value=value), parameter)


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
        raise CamreqError(tr("the layer has no CRS; set its CRS so that distances can be measured."), "INCIDENTS")
    wgs84 = QgsCoordinateReferenceSystem.fromEpsgId(4326)
    transform = QgsCoordinateTransform(source.sourceCrs(), wgs84, transform_context)
    if not transform.isValid():  # an invalid transform leaves coordinates as they are: read as degrees
        raise CamreqError(
            tr(
                "the layer's CRS ({crs}) cannot be transformed to WGS84; give the incidents in a CRS with a known "
                "datum (e.g. EPSG:2154 or EPSG:4326)."
            ).format(crs=source.sourceCrs().userFriendlyIdentifier()[:80]),
            "INCIDENTS",
        )
    incidents = []
    for feature in _features(source):
        if is_canceled():
            break
        name = incident_id(feature, id_field)
        geometry = checked_geometry(feature.geometry(), name, routes)
        _to_wgs84(geometry, transform, name)
        start = datetime_from_value(feature[times.start_field], "START_FIELD") if times.start_field else times.start
        end = datetime_from_value(feature[times.end_field], "END_FIELD") if times.end_field else times.end
        if start is None:
            raise CamreqError(tr("incident '{incident}' has no start date-time.").format(incident=name), "START_FIELD")
        incidents.append(Incident(name, bytes(geometry.asWkb()), start, end))
    return incidents


def _to_wgs84(geometry: QgsGeometry, transform: QgsCoordinateTransform, name: str) -> None:
    """Transform geometry to WGS84 in place, or raise naming the incident where it is not a place on Earth."""
    try:
        failed = geometry.transform(transform) != 0  # 0: success (QgsGeometry.OperationResult in QGIS 3.22)
    except QgsCsException:
        failed = True
    box = geometry.boundingBox()
    inside = -180 <= box.xMinimum() <= box.xMaximum() <= 180 and -90 <= box.yMinimum() <= box.yMaximum() <= 90
    if failed or not inside:  # NaN and infinite coordinates fail the comparisons too
        raise CamreqError(
            tr(
                "incident '{incident}' is not on Earth in the layer's CRS (longitude -180 to 180, latitude -90 to 90 "
                "once in WGS84); check its coordinates and the layer's CRS."
            ).format(incident=name),
            "INCIDENTS",
        )


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
        raise CamreqError(
            tr("feature {feature} has no value in '{field}'.").format(feature=feature.id(), field=id_field), "ID_FIELD"
        )
    return str(value)


def checked_geometry(geometry: QgsGeometry, name: str, routes: bool) -> QgsGeometry:
    """Return a copy of a feature's geometry, linear and valid, or raise naming the incident."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        raise CamreqError(tr("incident '{incident}' has an empty geometry.").format(incident=name), "INCIDENTS")
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    else:
        geometry = QgsGeometry(geometry)
    if not geometry.isGeosValid():
        error = geometry.validateGeometry()
        reason = error[0].what() if error else "invalid geometry"
        raise CamreqError(
            tr("incident '{incident}' has an invalid geometry ({reason}).").format(incident=name, reason=reason),
            "INCIDENTS",
        )
    if routes and geometry.type() == QgsWkbTypes.GeometryType.LineGeometry and geometry.isMultipart():
        merged = geometry.mergeLines()
        parts = merged.asGeometryCollection()
        if len(parts) != 1:
            raise CamreqError(
                tr("route '{incident}' has {parts} separate parts; SPEED_KMH needs one continuous line.").format(
                    incident=name, parts=len(parts)
                ),
                "INCIDENTS",
            )
        geometry = parts[0]
    return geometry
