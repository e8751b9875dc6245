"""The New search tab: the incident on the map, its window and radius → the cameras found, by urgency, ticked."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import cast

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
from qgis.gui import QgsMapCanvas, QgsMessageBar, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QModelIndex, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QAction, QCompleter, QHeaderView, QWidget

from ..core.addresses import suggestions
from ..core.coordinates import SYSTEMS, parse_coordinates
from ..core.search import DEFAULT_MARGIN_MINUTES, CameraHit, SearchResult
from ..core.search_area import search_area
from ..core.times import from_qdatetime, now, to_editor_qdatetime
from ..core.vocabulary import MAX_DISTANCE_M
from ..db.addresses import AddressMatch
from ..errors import CamreqError
from ..settings import Settings
from .address_suggestions import MATCH_ROLE, AddressSuggestions
from .fields import accept_any_length, date_time_edits, typed_text
from .map_tools import PointTool, RouteTool
from .results_model import EXPIRED_COLOUR, ResultsModel
from .tasks import CoreTask, SearchRequest, launch, run_search

FORM: type = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))[0]  # typed: mypy then accepts it as a base class
INCIDENT_COLOUR = QColor(220, 40, 40)
AREA_COLOUR = QColor(220, 40, 40, 40)
RADIUS_PRESETS = (50, 100, 200, 500)
AREA_MARGIN = 0.25  # around the search area, in widths of the area on each side
CLOSEST_AREA_SCALE = 2000  # the search area is never shown closer than 1:2,000 (a street stays readable)
CAMERA_SCALE = 1000  # a camera clicked in the list is shown at 1:1,000
COUNTDOWN_REFRESH_MS = 60_000
SUGGEST_DELAY_MS = 250  # the addresses are asked for once the investigator pauses typing


class SearchTab(QWidget, FORM):
    """The New search tab; emits camerasTicked with the cameras ticked for requisitions after each change.

    Emits mapWanted when the investigator starts placing an incident in a project without any layer (QGIS still
    shows its welcome page instead of the map).
    """

    camerasTicked = pyqtSignal(SearchResult)  # noqa: N815 (the search's id and srid, with the ticked hits only)
    mapWanted = pyqtSignal()  # noqa: N815

    def __init__(
        self,
        canvas: QgsMapCanvas,
        message_bar: QgsMessageBar,
        point_tool: PointTool,
        route_tool: RouteTool,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        """Build the tab over canvas; the map tools are owned by the plugin."""
        super().__init__(parent)
        self.setupUi(self)
        self.canvas, self.message_bar = canvas, message_bar
        self.point_tool, self.route_tool = point_tool, route_tool
        self.settings = settings
        self.incident: QgsGeometry | None = None
        self.incident_crs = QgsCoordinateReferenceSystem()
        self.found = SearchResult(0, 0)
        self.task: CoreTask | None = None  # held: Python must keep a running QgsTask alive
        self.form_version = 0  # counts the changes of incident, window, radius and options: a search answers one
        self.incident_band = self._band(QgsWkbTypes.GeometryType.LineGeometry, INCIDENT_COLOUR, 3)
        self.area_band = self._band(QgsWkbTypes.GeometryType.PolygonGeometry, AREA_COLOUR, 1)
        self.cameras_band = self._band(QgsWkbTypes.GeometryType.PointGeometry, QColor(30, 90, 200), 2)
        self.expired_band = self._band(QgsWkbTypes.GeometryType.PointGeometry, EXPIRED_COLOUR, 2)
        self.results = ResultsModel(self)
        self.resultsView.setModel(self.results)
        self.resultsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.resultsView.horizontalHeader().setStretchLastSection(True)
        self.resultsView.verticalHeader().hide()
        self.resultsView.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)  # rows on a laptop
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(COUNTDOWN_REFRESH_MS)
        self.countdown_timer.timeout.connect(lambda: self.results.refresh(now()))
        self.countdown_timer.start()
        self.addresses = AddressSuggestions(self)
        self.completer = QCompleter(self.addresses, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.coordinatesEdit)  # not setCompleter: the popup opens on the answer only
        self.address_tasks: list[CoreTask] = []
        self.suggest_timer = QTimer(self)
        self.suggest_timer.setSingleShot(True)
        self.suggest_timer.setInterval(SUGGEST_DELAY_MS)
        self.suggest_timer.timeout.connect(self.ask_addresses)
        self._fill_choices()
        self._connect_signals()
        self.speedSpin.hide()  # shown with a route
        self.speedLabel.hide()
        self.reset_times()
        self.radiusSpin.setValue(settings.default_radius_m)
        self.show_incident_hint()

    def _band(self, kind: QgsWkbTypes.GeometryType, colour: QColor, width: int) -> QgsRubberBand:
        """Return a rubber band on the canvas."""
        band = QgsRubberBand(self.canvas, kind)
        band.setColor(colour)
        band.setStrokeColor(INCIDENT_COLOUR if kind != QgsWkbTypes.GeometryType.PointGeometry else colour)
        band.setWidth(width)
        band.setIconSize(10)
        return band

    def _fill_choices(self) -> None:
        """Fill the coordinate systems (translated labels, stable keys as item data) and the date formats."""
        labels = (self.tr("Auto"), self.tr("WGS84 lat lon"), self.tr("Lambert-93 X Y"))
        for key, label in zip(SYSTEMS, labels, strict=True):
            self.coordinateSystemCombo.addItem(label, key)
        self.radiusSpin.setMaximum(int(MAX_DISTANCE_M))
        date_time_edits(self.startEdit, self.endEdit)
        accept_any_length(self.coordinatesEdit, self.reasonEdit)
        self.speedSpin.setToolTip(self.tr(
            "Speed along the route: each camera gets the window centred on when the route passes it, ± {margin:g} "
            "minutes. Leave at 0 for one window covering the whole route.").format(margin=DEFAULT_MARGIN_MINUTES)
        )  # fmt: skip

    def _connect_signals(self) -> None:
        """Connect the widgets to the tab's actions."""
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
        self.coordinatesEdit.textEdited.connect(self._typed)
        self.completer.activated[QModelIndex].connect(lambda index: self.place_address(index.data(MATCH_ROLE)))
        self.coordinatesEdit.returnPressed.connect(self.place_typed_coordinates)
        self.placeCoordinatesButton.clicked.connect(self.place_typed_coordinates)
        self.radiusSpin.valueChanged.connect(self._draw_incident)
        for changed in (
            self.startEdit.dateTimeChanged, self.endEdit.dateTimeChanged, self.radiusSpin.valueChanged,
            self.speedSpin.valueChanged, self.outOfServiceCheck.toggled,
        ):  # fmt: skip
            changed.connect(self.forget_results)
        self.canvas.destinationCrsChanged.connect(self._redraw)
        self.tickInViewButton.clicked.connect(lambda: self.results.tick_only(self._in_view_and_kept))
        self.untickAllButton.clicked.connect(lambda: self.results.tick_only(lambda hit: False))
        self.outOfServiceLabel.linkActivated.connect(self.show_out_of_service)
        for radius, button in zip(
            RADIUS_PRESETS,
            (self.radius50Button, self.radius100Button, self.radius200Button, self.radius500Button),
            strict=True,
        ):
            button.clicked.connect(partial(self.radiusSpin.setValue, radius))
        self.searchButton.clicked.connect(self.search)
        self.resultsView.clicked.connect(self.zoom_to_result)
        self.results.modelReset.connect(self._tell_ticked)
        self.results.dataChanged.connect(self._tell_ticked)

    def apply_settings(self, settings: Settings) -> None:
        """Search the database of settings from now on."""
        self.settings = settings

    def reset_times(self) -> None:
        """Set the incident window to its default: the last hour."""
        end = now()
        self.startEdit.setDateTime(to_editor_qdatetime(end - timedelta(hours=1)))
        self.endEdit.setDateTime(to_editor_qdatetime(end))
        self.default_window = (self.startEdit.dateTime(), self.endEdit.dateTime())

    def incident_window(self) -> tuple[datetime, datetime]:
        """Return the incident window; left at its default, it is the last hour before now, not before opening."""
        if (self.startEdit.dateTime(), self.endEdit.dateTime()) == self.default_window:
            self.reset_times()
        # date_time_edits() made both editors never empty: their date-times are never None
        start = cast(datetime, from_qdatetime(self.startEdit.dateTime()))
        return start, cast(datetime, from_qdatetime(self.endEdit.dateTime()))

    # --- the incident -------------------------------------------------------------------------------------------

    def _use_tool(self, tool, checked: bool) -> None:
        """Make tool the canvas's map tool while its button is down."""
        if checked:
            self._want_map()
            self.canvas.setMapTool(tool)
        elif self.canvas.mapTool() is tool:
            self.canvas.unsetMapTool(tool)

    def _want_map(self) -> bool:
        """Emit mapWanted while the project has no layer (QGIS shows its welcome page); return whether it did."""
        if QgsProject.instance().mapLayers():
            return False
        self.mapWanted.emit()
        return True

    def show_incident_hint(self) -> None:
        """Say how to choose the incident."""
        self.incidentLabel.setText(self.tr("Click on the map, draw a route or type an address or coordinates."))

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
        for widget in (self.speedSpin, self.speedLabel):  # a speed makes sense only along a route
            widget.setEnabled(route)
            widget.setVisible(route)  # the dock is short on a laptop: the results need the room
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
        self.forget_results()
        self.zoom_to_area()

    def speed_kmh(self) -> float | None:
        """Return the speed along the route, or None for one window (a point, or a route at speed 0)."""
        return float(self.speedSpin.value()) if self.speedSpin.isEnabled() and self.speedSpin.value() > 0 else None

    def _typed(self, text: str) -> None:
        """Drop the suggestions of the text before; ask for addresses once typing pauses, unless text is coordinates."""
        self.addresses.set_matches([])
        self.completer.popup().hide()
        self.suggest_timer.stop()
        if self.settings.connection and any(char.isalpha() for char in text) and not self._coordinates(text):
            self.suggest_timer.start()

    def _coordinates(self, text: str) -> bool:
        """Return whether text reads as coordinates in the chosen system."""
        try:
            parse_coordinates(text, self.coordinateSystemCombo.currentData())
        except CamreqError:
            return False
        return True

    def ask_addresses(self) -> None:
        """Look up the addresses matching the field's text in a background task; the list opens when they come."""
        text, connection = self.coordinatesEdit.text(), self.settings.connection
        launch(
            self.address_tasks, self.tr("CamReq address suggestions"), lambda task: suggestions(connection, text),
            partial(self._addresses_found, text), self.incidentLabel.setText,
        )  # fmt: skip

    def _addresses_found(self, text: str, matches: list[AddressMatch]) -> None:
        """Show the addresses found for text, best first, unless the field holds another text by now."""
        if text != self.coordinatesEdit.text():
            return
        self.addresses.set_matches(matches)
        if matches:  # as wide as the longest label: the field alone is narrow in the dock
            popup = self.completer.popup()
            area = self.coordinatesEdit.rect()
            area.setWidth(max(area.width(), popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width()))
            self.completer.complete(area)
        else:
            self.incidentLabel.setText(self.tr("No address matches “{text}”.").format(text=text.strip()))

    def place_address(self, match: AddressMatch) -> None:
        """Make the chosen address the incident and name it under the field."""
        self.coordinatesEdit.setText(match.label)
        self.addresses.set_matches([match])  # Enter on the field now places this address again
        point = QgsGeometry.fromPointXY(QgsPointXY(match.lon, match.lat))
        self._place_typed(point, QgsCoordinateReferenceSystem("EPSG:4326"))
        self.incidentLabel.setText(self.tr("Incident at {address}").format(address=match.label))

    def place_typed_coordinates(self) -> None:
        """Make the typed coordinates, else the best address suggested, the incident, or say what is wrong."""
        try:
            typed = parse_coordinates(self.coordinatesEdit.text(), self.coordinateSystemCombo.currentData())
        except CamreqError as error:
            if self.addresses.matches:  # suggested for this very text: the field's edits empty the list
                self.place_address(self.addresses.matches[0])
                return
            self.incidentLabel.setText(str(error))
            self.message_bar.pushMessage("CamReq", str(error), Qgis.MessageLevel.Warning, 8)
            return
        point = QgsGeometry.fromPointXY(QgsPointXY(typed.x, typed.y))
        self._place_typed(point, QgsCoordinateReferenceSystem(typed.crs))

    def _place_typed(self, point: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> None:
        """Make a typed point (in crs) the incident, in the map's CRS."""
        if self._want_map():  # QGIS shows the first layers added in full once back in its event loop: zoom after
            QTimer.singleShot(0, self.zoom_to_area)
        map_crs = self.canvas.mapSettings().destinationCrs()
        point.transform(self._transform(crs, map_crs))
        self.set_incident(point, map_crs)

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

    def zoom_to_area(self) -> None:
        """Show the whole search area with a margin, never closer than 1:CLOSEST_AREA_SCALE."""
        if self.incident is None:
            return
        extent = self.area_band.asGeometry().boundingBox()
        extent.scale(1 + 2 * AREA_MARGIN)
        self.canvas.setExtent(extent)
        if self.canvas.scale() < CLOSEST_AREA_SCALE:
            self.canvas.zoomScale(CLOSEST_AREA_SCALE)
        self.canvas.refresh()

    def _redraw(self) -> None:
        """Draw the incident, its area and the cameras found again in the map's new CRS."""
        self._draw_incident()
        self._highlight_cameras(self.found.hits)

    def _transform(self, source: QgsCoordinateReferenceSystem, target: QgsCoordinateReferenceSystem):
        """Return the transform between two CRSs in the project's context."""
        return QgsCoordinateTransform(source, target, QgsProject.instance().transformContext())

    # --- the search ---------------------------------------------------------------------------------------------

    def search_request(self) -> SearchRequest:
        """Return what the form asks for; raise CamreqError naming the first missing or wrong field."""
        if self.incident is None:
            raise CamreqError(
                self.tr("Choose the incident first: click on the map, draw a route or type an address or coordinates.")
            )
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
            self.outOfServiceCheck.isChecked(),
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
            self.tr("CamReq camera search"), partial(run_search, request),
            partial(self._search_done, self.form_version), self._search_failed,
        )  # fmt: skip
        QgsApplication.taskManager().addTask(self.task)

    def _search_done(self, form_version: int, found: SearchResult) -> None:
        """Show the cameras of a finished search, unless the form changed while it ran."""
        self.task = None
        self.searchButton.setEnabled(True)
        if form_version == self.form_version:
            self.show_results(found)
            self.zoom_to_area()
        else:
            self._say_search_again()

    def _search_failed(self, message: str) -> None:
        """Report a failed search."""
        self.task = None
        self.searchButton.setEnabled(True)
        self.report_error(message)

    def show_results(self, found: SearchResult) -> None:
        """Fill the list with the cameras found, most urgent first."""
        self.found = found
        self.results.set_rows(found.hits, now())
        self._highlight_cameras(found.hits)
        available = sum(1 for hit in found.hits if hit.footage_available)
        owners = len({hit.owner_name for hit in found.hits})
        self.resultsLabel.setText(
            self.tr("{cameras} cameras of {owners} owners; footage still available for {available}.").format(
                cameras=len(found.hits), owners=owners, available=available
            )
            if found.hits
            else self.tr("No camera within {radius} m.").format(radius=self.radiusSpin.value())
        )
        self.outOfServiceLabel.setText(
            self.tr('{n} cameras out of service nearby: <a href="show">show them</a>').format(
                n=found.out_of_service_nearby
            )
            if found.out_of_service_nearby
            else ""
        )

    def forget_results(self, *_args) -> None:
        """Clear the cameras found, their ticks and markers: the incident, window, radius or options changed."""
        self.form_version += 1
        if not (self.found.search_id or self.results.rowCount() or self.task):
            return
        self.found = SearchResult(0, 0)
        self.results.set_rows([], now())  # the model's reset hands an empty selection to the Requisitions tab
        self._highlight_cameras([])
        self.outOfServiceLabel.clear()
        self._say_search_again()

    def _say_search_again(self) -> None:
        """Say that the list is empty because the form changed since the last search."""
        self.resultsLabel.setText(self.tr("The incident, its window, the radius or an option changed: search again."))

    def show_out_of_service(self, *_args) -> None:
        """Search again, the cameras out of service included."""
        self.outOfServiceCheck.setChecked(True)
        self.search()

    @staticmethod
    def _in_view_and_kept(hit: CameraHit) -> bool:
        """Return whether the camera's field of view covers the incident and its footage is still kept."""
        return hit.in_view and hit.footage_available

    def report_error(self, message: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Critical) -> None:
        """Show a problem in plain words on the message bar and under the search button."""
        self.resultsLabel.setText(message)
        self.message_bar.pushMessage("CamReq", message, level, 10)

    def camera_point(self, hit: CameraHit) -> QgsGeometry:
        """Return the position of a camera found in the map's CRS."""
        point = QgsGeometry()
        point.fromWkb(hit.wkb)
        point.transform(
            self._transform(
                QgsCoordinateReferenceSystem(f"EPSG:{self.found.srid}"), self.canvas.mapSettings().destinationCrs()
            )
        )
        return point

    def _highlight_cameras(self, hits: list[CameraHit]) -> None:
        """Mark the cameras found on the map: blue where footage remains, grey where it is purged."""
        for band in (self.cameras_band, self.expired_band):
            band.reset(QgsWkbTypes.GeometryType.PointGeometry)
        for hit in hits:
            band = self.cameras_band if hit.footage_available else self.expired_band
            band.addPoint(self.camera_point(hit).asPoint())

    def zoom_to_result(self, index: QModelIndex) -> None:
        """Show the camera of the clicked row at 1:CAMERA_SCALE and flash it."""
        point = self.camera_point(self.results.row_at(index.row()))
        self.canvas.setCenter(point.asPoint())
        self.canvas.zoomScale(CAMERA_SCALE)
        self.canvas.refresh()
        self.canvas.flashGeometries([point], self.canvas.mapSettings().destinationCrs())

    def _tell_ticked(self, *_args) -> None:
        """Emit camerasTicked with the search's ticked cameras."""
        self.camerasTicked.emit(SearchResult(self.found.search_id, self.found.srid, self.results.ticked_rows()))

    def remove_from_map(self) -> None:
        """Take the tab's drawings and map tools off the canvas (the plugin is unloading)."""
        self.countdown_timer.stop()
        for tool in (self.point_tool, self.route_tool):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
            tool.setAction(None)
        for band in (self.incident_band, self.area_band, self.cameras_band, self.expired_band):
            band.reset()
            self.canvas.scene().removeItem(band)
