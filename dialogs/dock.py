"""The investigator's panel: the New search, Requisitions and Follow-up tabs joined by their signals."""

from __future__ import annotations

from pathlib import Path

from qgis.gui import QgsDockWidget, QgsMapCanvas, QgsMessageBar
from qgis.PyQt import uic
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from ..settings import Settings
from .followup_tab import FollowupTab
from .map_tools import PointTool, RouteTool
from .requisitions_tab import RequisitionsTab
from .search_tab import SearchTab

FORM: type = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))[0]  # typed: mypy then accepts it as a base class


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
        self.search = SearchTab(canvas, message_bar, point_tool, route_tool, settings)
        self.requisitions = RequisitionsTab(message_bar, settings)
        self.followup = FollowupTab(message_bar, settings)
        for tab in (self.search, self.requisitions, self.followup):
            self.tabs.addTab(tab, tab.windowTitle())
        self.search.camerasTicked.connect(self.requisitions.set_cameras)
        self.requisitions.requisitionsMade.connect(self.followup.refresh)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.settingsButton.clicked.connect(self.settingsRequested)
        self.apply_settings(settings)

    def _tab_shown(self, index: int) -> None:
        """Reload the follow-up list each time its tab is shown."""
        if self.tabs.widget(index) is self.followup:
            self.followup.refresh()

    def apply_settings(self, settings: Settings) -> None:
        """Show the database the panel works with and hand settings to every tab."""
        if settings.connection:
            self.connectionLabel.setText(self.tr("Database: {name}").format(name=settings.connection))
        else:
            self.connectionLabel.setText(self.tr("No database chosen yet: open the settings."))
        for tab in (self.search, self.requisitions, self.followup):
            tab.apply_settings(settings)

    def remove_from_map(self) -> None:
        """Take the panel's drawings and map tools off the canvas (the plugin is unloading)."""
        self.search.remove_from_map()
