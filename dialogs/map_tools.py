"""Map tools of the dock: pick an incident point, or draw the route an incident followed."""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

DRAWING_COLOUR = QColor(220, 40, 40, 200)


class PointTool(QgsMapTool):
    """Emits pointPicked with the clicked point, in the map canvas's CRS."""

    pointPicked = pyqtSignal(QgsPointXY)  # noqa: N815 (Qt signal naming)

    def __init__(self, canvas: QgsMapCanvas) -> None:
        """Make a point-picking tool for canvas."""
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802
        """Emit the point under a left click."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.pointPicked.emit(QgsPointXY(event.mapPoint()))


class RouteTool(QgsMapTool):
    """Left clicks add vertices, a right click finishes: emits routeFinished with the line in the canvas's CRS."""

    routeFinished = pyqtSignal(QgsGeometry)  # noqa: N815

    def __init__(self, canvas: QgsMapCanvas) -> None:
        """Make a route-drawing tool for canvas."""
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.vertices: list[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.LineGeometry)
        self.band.setColor(DRAWING_COLOUR)
        self.band.setWidth(2)

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802
        """Add a vertex on a left click; finish the route on a right click."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.vertices.append(QgsPointXY(event.mapPoint()))
            self.band.addPoint(self.vertices[-1])
        elif event.button() == Qt.MouseButton.RightButton and len(self.vertices) >= 2:
            route = QgsGeometry.fromPolylineXY(self.vertices)
            self.reset()
            self.routeFinished.emit(route)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Escape drops the route being drawn."""
        if event.key() == Qt.Key.Key_Escape:
            self.reset()

    def deactivate(self) -> None:
        """Drop the route being drawn when another tool takes over."""
        self.reset()
        super().deactivate()

    def reset(self) -> None:
        """Forget the vertices drawn so far."""
        self.vertices = []
        self.band.reset(QgsWkbTypes.GeometryType.LineGeometry)

    def remove(self) -> None:
        """Take the drawing off the canvas for good (the plugin is unloading)."""
        self.reset()
        self.canvas().scene().removeItem(self.band)
