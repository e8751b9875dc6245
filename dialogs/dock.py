"""The investigator's panel: incident on the map → cameras by urgency → requisitions → follow-up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsWkbTypes,
)
from qgis.gui import QgsDockWidget, QgsMapCanvas, QgsMessageBar, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDateTime, QModelIndex, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QAction, QHeaderView, QWidget

from ..core.coordinates import SYSTEMS, parse_coordinates
from ..core.requisitions import INVESTIGATIONS
from ..core.search import DEFAULT_MARGIN_MINUTES
from ..core.search_area import search_area
from ..errors import CamreqError
from ..settings import Settings
from .fields import accept_any_length, typed_text
from .followup_tab import FollowupTab
from .map_tools import PointTool, RouteTool
from .requisitions_tab import RequisitionsTab
from .results_model import EXPIRED_COLOUR, ResultsModel
from .tasks import CoreTask, SearchRequest, run_search

FORM, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))
INCIDENT_COLOUR = QColor(220, 40, 40)
AREA_COLOUR = QColor(220, 40, 40, 40)
DATE_FORMAT = "dd/MM/yyyy HH:mm"
RADIUS_PRESETS = (50, 100, 200, 500)
COUNTDOWN_REFRESH_MS = 60_000


def now() -> datetime:
    """Return the current time with the local time zone."""
    return datetime.now(UTC).astimezone()


def to_datetime(value: QDateTime) -> datetime:
    """Return a QDateTime as an aware local datetime."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC).astimezone()


def to_qdatetime(value: datetime) -> QDateTime:
    """Return an aware datetime as a QDateTime."""
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


class CamreqDock(QgsDockWidget, FORM):
    """The CamReq panel; emits settingsRequested when the investigator asks for the settings."""

    settingsRequested = pyqtSignal()  # noqa: N815

    def __init__(
        self,
        canvas: QgsMapCanvas,
        message_bar: QgsMessageBar,
        point_tool: PointTool,
        route_tool: RouteTool,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        """Build the panel over canvas; the map tools are owned by the plugin."""
        super().__init__(parent)
        self.setupUi(self)
        self.canvas, self.message_bar = canvas, message_bar
        self.point_tool, self.route_tool = point_tool, route_tool
        self.settings = settings
        self.incident: QgsGeometry | None = None
        self.incident_crs = QgsCoordinateReferenceSystem()
        self.task: CoreTask | None = None  # held: Python must keep a running QgsTask alive
        self.incident_band = self._band(QgsWkbTypes.GeometryType.LineGeometry, INCIDENT_COLOUR, 3)
        self.area_band = self._band(QgsWkbTypes.GeometryType.PolygonGeometry, AREA_COLOUR, 1)
        self.cameras_band = self._band(QgsWkbTypes.GeometryType.PointGeometry, QColor(30, 90, 200), 2)
        self.results = ResultsModel(self)
        self.resultsView.setModel(self.results)
        self.resultsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.resultsView.horizontalHeader().setStretchLastSection(True)
        self.resultsView.verticalHeader().hide()
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(COUNTDOWN_REFRESH_MS)
        self.countdown_timer.timeout.connect(lambda: self.results.refresh(now()))
        self.countdown_timer.start()
        self.expired_band = self._band(QgsWkbTypes.GeometryType.PointGeometry, EXPIRED_COLOUR, 2)
        self._fill_choices()
        self.requisitions = RequisitionsTab(self)
        self.followup = FollowupTab(self)
        self.requisitions.requisitionsMade.connect(self.followup.refresh)
        self._connect_signals()
        self.reset_times()
        self.radiusSpin.setValue(settings.default_radius_m)
        self.show_incident_hint()
        self.apply_settings(settings)

    def _band(self, kind: QgsWkbTypes.GeometryType, colour: QColor, width: int) -> QgsRubberBand:
        """Return a rubber band on the canvas."""
        band = QgsRubberBand(self.canvas, kind)
        band.setColor(colour)
        band.setStrokeColor(INCIDENT_COLOUR if kind != QgsWkbTypes.GeometryType.PointGeometry else colour)
        band.setWidth(width)
        band.setIconSize(10)
        return band

    def _fill_choices(self) -> None:
        """Fill the combo boxes and date formats (translated labels, stable keys as item data)."""
        labels = (self.tr("Auto"), self.tr("WGS84 lat lon"), self.tr("Lambert-93 X Y"))
        for key, label in zip(SYSTEMS, labels, strict=True):
            self.coordinateSystemCombo.addItem(label, key)
        investigation_labels = (
            self.tr("Flagrance (art. 60-1 CPP)"),
            self.tr("Preliminary (art. 77-1-1 CPP)"),
            self.tr("Judicial (art. 99-3 CPP)"),
        )
        for key, label in zip(INVESTIGATIONS, investigation_labels, strict=True):
            self.investigationCombo.addItem(label, key)
        for edit in (self.startEdit, self.endEdit, self.answerDeadlineEdit):
            edit.setAllowNull(edit is self.answerDeadlineEdit)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
        self.answerDeadlineEdit.setNullRepresentation(self.tr("48 h, or the purge if sooner"))
        self.deliveryEdit.setText(self.tr("Copy of the recordings on a digital medium or by a secure download link"))
        self.sendProgress.hide()
        accept_any_length(self.coordinatesEdit, self.reasonEdit, self.caseNumberEdit, self.authorisationEdit,
                          self.deliveryEdit, self.caseFilterEdit, self.answerNoteEdit)  # fmt: skip
        self.speedSpin.setToolTip(self.tr(
            "Speed along the route: each camera gets the window centred on when the route passes it, ± {margin:g} "
            "minutes. Leave at 0 for one window covering the whole route.").format(margin=DEFAULT_MARGIN_MINUTES)
        )  # fmt: skip
        self._show_investigation_fields()

    def _connect_signals(self) -> None:
        """Connect the widgets to the panel's actions."""
        for tool, button, text in (
            (self.point_tool, self.pickPointButton, self.tr("Click on the map")),
            (self.route_tool, self.drawRouteButton, self.tr("Draw a route")),
        ):
            action = QAction(text, self)  # the canvas ticks and unticks a tool's action as tools change
            action.setCheckable(True)
            action.setToolTip(button.toolTip())
            action.triggered.connect(partial(self._use_tool, tool))
            tool.setAction(action)
            button.setDefaultAction(action)
        self.point_tool.pointPicked.connect(self.set_incident_point)
        self.route_tool.routeFinished.connect(self.set_incident_route)
        self.coordinatesEdit.returnPressed.connect(self.place_typed_coordinates)
        self.placeCoordinatesButton.clicked.connect(self.place_typed_coordinates)
        self.radiusSpin.valueChanged.connect(self._draw_incident)
        for radius, button in zip(
            RADIUS_PRESETS,
            (self.radius50Button, self.radius100Button, self.radius200Button, self.radius500Button),
            strict=True,
        ):
            button.clicked.connect(partial(self.radiusSpin.setValue, radius))
        self.searchButton.clicked.connect(self.search)
        self.resultsView.clicked.connect(self.zoom_to_result)
        self.results.modelReset.connect(self._show_selection)
        self.results.dataChanged.connect(self._show_selection)
        self.investigationCombo.currentIndexChanged.connect(self._show_investigation_fields)
        self.settingsButton.clicked.connect(self.settingsRequested)

    def apply_settings(self, settings: Settings) -> None:
        """Show the database and officer the panel works with."""
        self.settings = settings
        if settings.connection:
            self.connectionLabel.setText(self.tr("Database: {name}").format(name=settings.connection))
        else:
            self.connectionLabel.setText(self.tr("No database chosen yet: open the settings."))
        officer = ", ".join(
            part for part in (settings.officer_rank, settings.officer_name, settings.officer_unit) if part
        )
        self.officerLabel.setText(officer or self.tr("Not set: fill in the officer in the settings."))

    def reset_times(self) -> None:
        """Set the incident window to its default, the last hour, and the answer deadline to the core's default."""
        end = now()
        self.startEdit.setDateTime(to_qdatetime(end - timedelta(hours=1)))
        self.endEdit.setDateTime(to_qdatetime(end))
        self.default_window = (self.startEdit.dateTime(), self.endEdit.dateTime())
        self.answerDeadlineEdit.clear()

    def incident_window(self) -> tuple[datetime, datetime]:
        """Return the incident window; left at its default, it is the last hour before now, not before opening."""
        if (self.startEdit.dateTime(), self.endEdit.dateTime()) == self.default_window:
            self.reset_times()
        return to_datetime(self.startEdit.dateTime()), to_datetime(self.endEdit.dateTime())

    # --- the incident -------------------------------------------------------------------------------------------

    def _use_tool(self, tool, checked: bool) -> None:
        """Make tool the canvas's map tool while its button is down."""
        if checked:
            self.canvas.setMapTool(tool)
        elif self.canvas.mapTool() is tool:
            self.canvas.unsetMapTool(tool)

    def show_incident_hint(self) -> None:
        """Say how to choose the incident."""
        self.incidentLabel.setText(self.tr("Click on the map, draw a route or type coordinates."))

    def set_incident_point(self, point: QgsPointXY) -> None:
        """Make the point (in the canvas's CRS) the incident."""
        self.set_incident(QgsGeometry.fromPointXY(point), self.canvas.mapSettings().destinationCrs())

    def set_incident_route(self, route: QgsGeometry) -> None:
        """Make the route (in the canvas's CRS) the incident."""
        self.set_incident(route, self.canvas.mapSettings().destinationCrs())

    def set_incident(self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> None:
        """Make geometry the incident and draw it with its search area."""
        self.incident, self.incident_crs = QgsGeometry(geometry), crs
        route = geometry.type() == QgsWkbTypes.GeometryType.LineGeometry
        self.speedSpin.setEnabled(route)  # a speed makes sense only along a route
        self.speedLabel.setEnabled(route)
        wgs84 = QgsGeometry(geometry)
        wgs84.transform(self._transform(crs, QgsCoordinateReferenceSystem("EPSG:4326")))
        centre = wgs84.centroid().asPoint()
        if route:
            text = self.tr("Route of {count} points, starting {lat:.5f} {lon:.5f}").format(
                count=len(geometry.asPolyline()), lat=wgs84.asPolyline()[0].y(), lon=wgs84.asPolyline()[0].x()
            )
        else:
            text = self.tr("Incident at {lat:.5f} {lon:.5f}").format(lat=centre.y(), lon=centre.x())
        self.incidentLabel.setText(text)
        self._draw_incident()

    def speed_kmh(self) -> float | None:
        """Return the speed along the route, or None for one window (a point, or a route at speed 0)."""
        return float(self.speedSpin.value()) if self.speedSpin.isEnabled() and self.speedSpin.value() > 0 else None

    def place_typed_coordinates(self) -> None:
        """Make the typed coordinates the incident and centre the map on them, or say what is wrong."""
        try:
            typed = parse_coordinates(self.coordinatesEdit.text(), self.coordinateSystemCombo.currentData())
        except CamreqError as error:
            self.incidentLabel.setText(str(error))
            self.message_bar.pushMessage("CamReq", str(error), Qgis.MessageLevel.Warning, 8)
            return
        point = QgsGeometry.fromPointXY(QgsPointXY(typed.x, typed.y))
        map_crs = self.canvas.mapSettings().destinationCrs()
        point.transform(self._transform(QgsCoordinateReferenceSystem(typed.crs), map_crs))
        self.set_incident(point, map_crs)
        self.canvas.setCenter(point.asPoint())
        self.canvas.refresh()

    def _draw_incident(self) -> None:
        """Draw the incident and its search area on the map."""
        if self.incident is None:
            return
        to_map = self._transform(self.incident_crs, self.canvas.mapSettings().destinationCrs())
        area = search_area(
            self.incident, self.incident_crs, self.radiusSpin.value(), QgsProject.instance().transformContext()
        )
        area.transform(to_map)
        incident = QgsGeometry(self.incident)
        incident.transform(to_map)
        self.area_band.setToGeometry(area, None)
        self.incident_band.reset(incident.type())
        self.incident_band.setToGeometry(incident, None)

    def _transform(self, source: QgsCoordinateReferenceSystem, target: QgsCoordinateReferenceSystem):
        """Return the transform between two CRSs in the project's context."""
        return QgsCoordinateTransform(source, target, QgsProject.instance().transformContext())

    # --- the search ---------------------------------------------------------------------------------------------

    def search_request(self) -> SearchRequest:
        """Return what the form asks for; raise CamreqError naming the first missing or wrong field."""
        if self.incident is None:
            raise CamreqError(self.tr("Choose the incident first: click on the map, draw a route or type coordinates."))
        start, end = self.incident_window()
        if end < start:
            raise CamreqError(self.tr("The end of the incident is before its start: check the times."))
        reason = typed_text(self.reasonEdit, self.reasonLabel)
        if not reason:
            raise CamreqError(self.tr("Give a reason for the search (case or facts): it is written to the log."))
        if not self.settings.connection:
            raise CamreqError(self.tr("No database chosen yet: open the CamReq settings."))
        return SearchRequest(
            self.settings.connection,
            QgsGeometry(self.incident),
            self.incident_crs,
            start,
            end,
            float(self.radiusSpin.value()),
            reason,
            self.speed_kmh(),
        )

    def search(self) -> None:
        """Start the search in a background task; the results fill the list when it ends."""
        try:
            request = self.search_request()
        except CamreqError as error:
            self.report_error(str(error), Qgis.MessageLevel.Warning)
            return
        self.searchButton.setEnabled(False)
        self.resultsLabel.setText(self.tr("Searching…"))
        self.task = CoreTask(
            self.tr("CamReq camera search"), partial(run_search, request), self._search_done, self._search_failed
        )
        QgsApplication.taskManager().addTask(self.task)

    def _search_done(self, rows: list[dict[str, Any]]) -> None:
        """Show the rows of a finished search."""
        self.task = None
        self.searchButton.setEnabled(True)
        self.show_results(rows)

    def _search_failed(self, message: str) -> None:
        """Report a failed search."""
        self.task = None
        self.searchButton.setEnabled(True)
        self.report_error(message)

    def show_results(self, rows: list[dict[str, Any]]) -> None:
        """Fill the list with the cameras found, most urgent first."""
        self.results.set_rows(rows, now())
        self._highlight_cameras(rows)
        available = sum(1 for row in rows if row["footage_available"])
        owners = len({row["owner_name"] for row in rows})
        self.resultsLabel.setText(
            self.tr("{cameras} cameras of {owners} owners; footage still available for {available}.").format(
                cameras=len(rows), owners=owners, available=available
            )
            if rows
            else self.tr("No camera within {radius} m.").format(radius=self.radiusSpin.value())
        )

    def report_error(self, message: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Critical) -> None:
        """Show a problem in plain words on the message bar and under the search button."""
        self.resultsLabel.setText(message)
        self.message_bar.pushMessage("CamReq", message, level, 10)

    def camera_point(self, row: dict[str, Any]) -> QgsGeometry:
        """Return the position of a result row's camera in the map's CRS."""
        point = QgsGeometry()
        point.fromWkb(row["wkb"])
        point.transform(
            self._transform(
                QgsCoordinateReferenceSystem(f"EPSG:{row['srid']}"), self.canvas.mapSettings().destinationCrs()
            )
        )
        return point

    def _highlight_cameras(self, rows: list[dict[str, Any]]) -> None:
        """Mark the cameras found on the map: blue where footage remains, grey where it is purged."""
        for band in (self.cameras_band, self.expired_band):
            band.reset(QgsWkbTypes.GeometryType.PointGeometry)
        for row in rows:
            band = self.cameras_band if row["footage_available"] else self.expired_band
            band.addPoint(self.camera_point(row).asPoint())

    def zoom_to_result(self, index: QModelIndex) -> None:
        """Centre the map on the camera of the clicked row and flash it."""
        point = self.camera_point(self.results.row_at(index.row()))
        self.canvas.setCenter(point.asPoint())
        self.canvas.refresh()
        self.canvas.flashGeometries([point], self.canvas.mapSettings().destinationCrs())

    # --- the requisitions ---------------------------------------------------------------------------------------

    def _show_selection(self, *_args) -> None:
        """Say how many cameras and owners the requisitions will cover."""
        ticked = self.results.ticked_rows()
        owners = len({row["owner_name"] for row in ticked})
        self.createButton.setEnabled(bool(ticked) or bool(self.requisitions.running))
        self.selectionLabel.setText(
            self.tr("{cameras} cameras ticked, {owners} owners: one requisition per owner.").format(
                cameras=len(ticked), owners=owners
            )
        )

    def _show_investigation_fields(self, *_args) -> None:
        """Ask for the authorisation reference only where the investigation type needs one."""
        needed = self.investigationCombo.currentData() != "flagrance"
        self.authorisationEdit.setEnabled(needed)
        self.authorisationLabel.setEnabled(needed)

    def answer_deadline(self) -> datetime | None:
        """Return the answer deadline the investigator chose, or None for the core's default (48 h or the purge)."""
        if self.answerDeadlineEdit.isNull():
            return None
        return to_datetime(self.answerDeadlineEdit.dateTime())

    def remove_from_map(self) -> None:
        """Take the panel's drawings off the canvas (the plugin is unloading)."""
        self.countdown_timer.stop()
        for tool in (self.point_tool, self.route_tool):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
            tool.setAction(None)
        for band in (self.incident_band, self.area_band, self.cameras_band, self.expired_band):
            band.reset()
            self.canvas.scene().removeItem(band)
