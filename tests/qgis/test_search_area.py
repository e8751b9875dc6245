"""The search area drawn on the map is the radius in true metres, in the map's CRS, for points and routes."""

import math

import pytest
from camreq.core.search_area import search_area
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsGeometry,
    QgsPointXY,
)


def ellipsoidal_area(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> float:
    """Return the area in square metres on the WGS84 ellipsoid (independent of the code under test)."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, QgsCoordinateTransformContext())
    measure.setEllipsoid("WGS84")
    return measure.measureArea(geometry)


@pytest.mark.parametrize(
    ("crs", "point"),
    [
        ("EPSG:4326", QgsPointXY(5.7245, 45.1885)),
        ("EPSG:3857", QgsPointXY(637245, 5652270)),
        ("EPSG:2154", QgsPointXY(913500, 6458000)),
    ],
)
def test_point_area_is_a_disc_of_the_radius_in_true_metres(crs, point):
    reference = QgsCoordinateReferenceSystem(crs)
    area = search_area(QgsGeometry.fromPointXY(point), reference, 200, QgsCoordinateTransformContext())
    assert area.contains(QgsGeometry.fromPointXY(point))
    assert ellipsoidal_area(area, reference) == pytest.approx(math.pi * 200**2, rel=0.01)


def test_route_area_is_a_corridor_around_the_line():
    crs = QgsCoordinateReferenceSystem("EPSG:2154")
    route = QgsGeometry.fromPolylineXY([QgsPointXY(913000, 6458000), QgsPointXY(914000, 6458000)])
    area = search_area(route, crs, 100, QgsCoordinateTransformContext())
    assert ellipsoidal_area(area, crs) == pytest.approx(1000 * 200 + math.pi * 100**2, rel=0.02)
