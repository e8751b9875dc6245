"""The area a search covers, for drawing: the incident widened by the radius in true metres, whatever its CRS."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
)

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
SEGMENTS = 36


def search_area(
    incident: QgsGeometry, crs: QgsCoordinateReferenceSystem, radius_m: float, context: QgsCoordinateTransformContext
) -> QgsGeometry:
    """Return incident buffered by radius_m metres, in crs (computed in an equidistant projection centred on it)."""
    centre = QgsCoordinateTransform(crs, WGS84, context).transform(incident.centroid().asPoint())
    local = QgsCoordinateReferenceSystem.fromProj(
        f"+proj=aeqd +lat_0={centre.y():.7f} +lon_0={centre.x():.7f} +datum=WGS84 +units=m +no_defs"
    )
    area = QgsGeometry(incident)
    area.transform(QgsCoordinateTransform(crs, local, context))
    area = area.buffer(radius_m, SEGMENTS)
    area.transform(QgsCoordinateTransform(local, crs, context))
    return area
