"""Fixtures for the panel's tests: a map in Lambert-93 over Grenoble, the panel on it, rows shaped like a search's."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsPointXY, QgsRectangle

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
def dock(lambert93_canvas, qgis_iface) -> Iterator:
    """Return the CamReq panel on the canvas, with its map tools and a chosen database, as the plugin builds it."""
    from camreq.dialogs.dock import CamreqDock
    from camreq.dialogs.map_tools import PointTool, RouteTool
    from camreq.settings import Settings

    qgis_iface.messageBar().clear_messages()
    point_tool, route_tool = PointTool(lambert93_canvas), RouteTool(lambert93_canvas)
    panel = CamreqDock(
        lambert93_canvas, qgis_iface.messageBar(), point_tool, route_tool, Settings(connection="dbname=camreq_test")
    )
    yield panel
    lambert93_canvas.unsetMapTool(point_tool)
    lambert93_canvas.unsetMapTool(route_tool)
    route_tool.remove()
    panel.remove_from_map()
    panel.deleteLater()


@pytest.fixture
def search_row() -> Callable[..., dict]:
    """Return a maker of rows shaped like core.search's result, purge `hours_left` from `now`."""
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

    def make(ref: str, hours_left: float, owner: str = "Ville de Grenoble", **values) -> dict:
        retention = values.pop("retention_days", 7)
        purge_at = now + timedelta(hours=hours_left)
        row = {
            "incident_id": "1",
            "camera_id": abs(hash(ref)) % 100000,
            "camera_ref": ref,
            "owner_name": owner,
            "owner_email": "videoprotection@grenoble.example",
            "camera_type": "fixed",
            "distance_m": 42.4,
            "in_view": True,
            "retention_days": retention,
            "purge_at": purge_at,
            "footage_available": hours_left > 0,
            "window_start": purge_at - timedelta(days=retention),
            "window_end": purge_at - timedelta(days=retention) + timedelta(hours=1),
            "search_id": 1,
            "srid": 2154,
            "wkb": bytes(QgsGeometry.fromPointXY(QgsPointXY(913500, 6458000)).asWkb()),
        }
        row.update(values)
        return row

    make.now = now
    return make
