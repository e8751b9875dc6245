"""Fixtures for the panel's tests: a map in Lambert-93 over Grenoble, the New search tab on it, cameras found."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsPointXY, QgsRectangle

if TYPE_CHECKING:
    from camreq.core.search import CameraHit

GRENOBLE = QgsRectangle(912500, 6457500, 914500, 6459000)  # Lambert-93 metres


@pytest.fixture
def lambert93_canvas(qgis_canvas):
    """Return QGIS's map canvas showing central Grenoble in Lambert-93."""
    qgis_canvas.resize(600, 450)
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    qgis_canvas.setExtent(GRENOBLE)
    qgis_canvas.refresh()
    return qgis_canvas


@pytest.fixture
def search_tab(lambert93_canvas, qgis_iface) -> Iterator:
    """Return the New search tab alone on the canvas, with its map tools and a chosen database."""
    from camreq.dialogs.map_tools import PointTool, RouteTool
    from camreq.dialogs.search_tab import SearchTab
    from camreq.settings import Settings

    qgis_iface.messageBar().clear_messages()
    point_tool, route_tool = PointTool(lambert93_canvas), RouteTool(lambert93_canvas)
    tab = SearchTab(
        lambert93_canvas, qgis_iface.messageBar(), point_tool, route_tool, Settings(connection="dbname=camreq_test")
    )
    yield tab
    lambert93_canvas.unsetMapTool(point_tool)
    lambert93_canvas.unsetMapTool(route_tool)
    route_tool.remove()
    tab.remove_from_map()
    tab.deleteLater()


@pytest.fixture
def search_row() -> Callable[..., CameraHit]:
    """Return a maker of cameras found as core.search finds them, purge `hours_left` from `now`."""
    from camreq.core.search import CameraHit

    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

    def make(ref: str, hours_left: float, owner: str = "Ville de Grenoble", **values) -> CameraHit:
        retention = values.pop("retention_days", 7)
        purge_at = now + timedelta(hours=hours_left)
        hit = {
            "incident_id": "1",
            "camera_id": abs(hash(ref)) % 100000,
            "camera_ref": ref,
            "owner_id": abs(hash(owner)) % 100000,
            "owner_name": owner,
            "owner_email": "videoprotection@grenoble.example",
            "camera_type": "fixed",
            "camera_status": "in_service",
            "distance_m": 42.4,
            "in_view": True,
            "retention_days": retention,
            "purge_at": purge_at,
            "footage_available": hours_left > 0,
            "window_start": purge_at - timedelta(days=retention),
            "window_end": purge_at - timedelta(days=retention) + timedelta(hours=1),
            "wkb": bytes(QgsGeometry.fromPointXY(QgsPointXY(913500, 6458000)).asWkb()),
        }
        hit.update(values)
        return CameraHit(**hit)

    make.now = now
    return make
