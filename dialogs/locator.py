"""The QGIS locator filter (the search bar, Ctrl+K): addresses, camera references and requisition numbers."""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsLocatorContext,
    QgsLocatorFilter,
    QgsLocatorResult,
    QgsMessageLog,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QCoreApplication

from ..core.locate import ADDRESS, CAMERA, REQUISITION, locate
from ..errors import CamreqError

MIN_VIEW_M = 150.0  # a point is shown in a view this wide


class CamreqLocatorFilter(QgsLocatorFilter):
    """Finds what the configured database's login may see and zooms the map canvas to it."""

    def __init__(self, canvas: QgsMapCanvas, connection: Callable[[], str]) -> None:
        """Keep the canvas to zoom and the function returning the CONNECTION to search."""
        super().__init__()
        self.canvas = canvas
        self.connection = connection

    def clone(self) -> CamreqLocatorFilter:
        """Return a copy for QGIS's background search thread, with the connection read now."""
        connection = self.connection()
        return CamreqLocatorFilter(self.canvas, lambda: connection)

    def name(self) -> str:
        """Return the filter id."""
        return "camreq"

    def displayName(self) -> str:  # noqa: N802
        """Return the filter's name in the locator's settings."""
        return self.tr("CamReq: addresses, cameras, requisitions")

    def prefix(self) -> str:
        """Return the prefix that restricts the search bar to this filter."""
        return "cam"

    def tr(self, text: str) -> str:
        """Return text translated in the CamReq context."""
        return QCoreApplication.translate("CamReq", text)

    def fetchResults(self, string: str, context: QgsLocatorContext, feedback: QgsFeedback) -> None:  # noqa: N802
        """Search the database and emit one result per place found (nothing where no database is set)."""
        connection = self.connection()
        if not connection or feedback.isCanceled():
            return
        try:
            places = locate(connection, string)
        except CamreqError as error:
            QgsMessageLog.logMessage(str(error), "CamReq")
            return
        groups = {REQUISITION: self.tr("Requisitions"), CAMERA: self.tr("Cameras"), ADDRESS: self.tr("Addresses")}
        for place in places:
            if feedback.isCanceled():
                return
            result = QgsLocatorResult(self, place.label, list(place.box))  # plain values cross threads safely
            result.description = place.detail
            result.group = groups[place.kind]
            result.score = place.score
            self.resultFetched.emit(result)

    def triggerResult(self, result: QgsLocatorResult) -> None:  # noqa: N802
        """Zoom the map canvas to the chosen place."""
        self.canvas.setExtent(self.view_of(tuple(result.getUserData())))
        self.canvas.refresh()

    def view_of(self, wgs84_box: tuple[float, float, float, float]) -> QgsRectangle:
        """Return the canvas extent showing a place's WGS84 box, at least MIN_VIEW_M wide."""
        target = self.canvas.mapSettings().destinationCrs()
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), target, QgsProject.instance())
        box = transform.transformBoundingBox(QgsRectangle(*wgs84_box))
        half = MIN_VIEW_M / 2 / (111_320.0 if target.isGeographic() else 1.0)
        centre = box.center()
        box.combineExtentWith(QgsRectangle(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half))
        return box
