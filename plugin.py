"""Wires CamReq into QGIS: the Processing provider, the investigator's panel, its map tools, menu and settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qgis.core import Qgis, QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .core.vocabulary import Mode
from .db.connection import close_kept_connections
from .errors import CamreqError
from .processing.provider import ICON, CamreqProvider
from .settings import Settings

if TYPE_CHECKING:  # the dialogs are imported by initGui() only, these names serve the annotations
    from .dialogs.dock import CamreqDock
    from .dialogs.locator import CamreqLocatorFilter
    from .dialogs.map_tools import PointTool, RouteTool

MENU = "&CamReq"
I18N = Path(__file__).resolve().parent / "i18n"


class CamReqPlugin:
    """The object QGIS loads; it owns everything CamReq adds to QGIS and removes it on unload."""

    def __init__(self, iface) -> None:
        """Keep the QGIS interface for initGui() and install the translation of the user's language."""
        self.iface = iface
        self.provider: CamreqProvider | None = None
        self.actions: list[QAction] = []
        self.analyst_actions: list[QAction] = []  # shown in analyst mode only
        self.toolbar_actions: list[QAction] = []
        self.dock: CamreqDock | None = None
        self.point_tool: PointTool | None = None
        self.route_tool: RouteTool | None = None
        self.locator: CamreqLocatorFilter | None = None
        self.translator = self._install_translator()

    def initProcessing(self) -> None:  # noqa: N802 (QGIS's name; also called by qgis_process)
        """Register the Processing provider."""
        self.provider = CamreqProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802
        """Add the provider, the panel and its toolbar button, the locator filter, the settings and the analyst menu."""
        from .dialogs.dock import CamreqDock
        from .dialogs.locator import CamreqLocatorFilter
        from .dialogs.map_tools import PointTool, RouteTool

        self.initProcessing()
        canvas = self.iface.mapCanvas()
        self.point_tool, self.route_tool = PointTool(canvas), RouteTool(canvas)
        self.dock = CamreqDock(
            canvas, self.iface.messageBar(), self.point_tool, self.route_tool, Settings.load(), self.iface.mainWindow()
        )
        self.dock.hide()
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.settingsRequested.connect(self.open_settings)
        self.dock.search.mapWanted.connect(self.add_registry_layers)  # QGIS's welcome page gives way to the map
        panel = self._add_action(QCoreApplication.translate("CamReqPlugin", "CamReq panel"), self.dock.setUserVisible)
        panel.setCheckable(True)
        self.dock.visibilityChanged.connect(panel.setChecked)
        self.iface.addToolBarIcon(panel)
        self.toolbar_actions.append(panel)
        self._add_action(QCoreApplication.translate("CamReqPlugin", "Settings…"), self.open_settings)
        self.analyst_actions.append(
            self._add_action(
                QCoreApplication.translate("CamReqPlugin", "Install or upgrade the database…"),
                lambda: self._open_algorithm("camreq:installdatabase"),
            )
        )
        for text, slot in (
            (QT_TRANSLATE_NOOP("CamReqPlugin", "Add registry layers"), self.add_registry_layers),
            (
                QT_TRANSLATE_NOOP("CamReqPlugin", "Import cameras…"),
                lambda: self._open_algorithm("camreq:importcameras"),
            ),
            (
                QT_TRANSLATE_NOOP("CamReqPlugin", "Import owners…"),
                lambda: self._open_algorithm("camreq:importowners"),
            ),
        ):
            self.analyst_actions.append(self._add_action(QCoreApplication.translate("CamReqPlugin", text), slot))
        self.locator = CamreqLocatorFilter(canvas, lambda: Settings.load().connection)
        self.iface.registerLocatorFilter(self.locator)
        self.apply_mode(Settings.load().mode)

    def unload(self) -> None:
        """Remove the panel, the map tools, the locator filter, every action, the provider and the translation; close
        kept connections."""
        if self.dock is not None:
            self.dock.remove_from_map()  # also takes the map tools off the canvas
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.route_tool is not None:
            self.route_tool.remove()
        self.point_tool = self.route_tool = None
        if self.locator is not None:
            self.iface.deregisterLocatorFilter(self.locator)
            self.locator = None
        for action in self.toolbar_actions:
            self.iface.removeToolBarIcon(action)
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            action.deleteLater()
        self.actions, self.analyst_actions, self.toolbar_actions = [], [], []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        close_kept_connections()

    def apply_mode(self, mode: str) -> None:
        """Show the analyst's actions in analyst mode only (investigators see the panel)."""
        for action in self.analyst_actions:
            action.setVisible(mode == Mode.ANALYST)

    def open_settings(self) -> None:
        """Open the settings dialog; saved settings reach the panel and the menus at once."""
        from .dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(Settings.load(), self.iface.mainWindow())
        if dialog.exec():
            settings = dialog.settings()
            settings.save()
            if self.dock is not None:  # always: initGui() makes the panel before the actions that open the settings
                self.dock.apply_settings(settings)
            self.apply_mode(settings.mode)

    def add_registry_layers(self) -> None:
        """Add the cameras, fields of view and owners of the configured connection, and the base map under them, in
        a group, or refresh it."""
        from .core.layers import add_registry_layers
        from .core.map_extract import basemap_of

        settings = Settings.load()
        if not settings.connection:
            self._warn("No database connection is set: choose one in the CamReq settings.")
            return
        try:
            add_registry_layers(
                QgsProject.instance(), settings.connection, basemap_of(settings.basemap, settings.basemap_attribution)
            )
        except CamreqError as error:
            self._warn(str(error))

    def _warn(self, message: str) -> None:
        """Show a warning in the QGIS message bar."""
        self.iface.messageBar().pushMessage("CamReq", message, level=Qgis.MessageLevel.Warning)

    def _add_action(self, text: str, slot) -> QAction:
        """Add an action to the CamReq menu and return it."""
        action = QAction(QIcon(str(ICON)), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.iface.addPluginToMenu(MENU, action)
        self.actions.append(action)
        return action

    @staticmethod
    def _install_translator() -> QTranslator | None:
        """Install the translation of QGIS's user language if CamReq has one; return it."""
        locale = str(QgsSettings().value("locale/userLocale", "en") or "en")[:2]
        translator = QTranslator()
        if not translator.load(str(I18N / f"camreq_{locale}.qm")):
            return None
        QCoreApplication.installTranslator(translator)
        return translator

    @staticmethod
    def _open_algorithm(algorithm_id: str) -> None:
        """Open a CamReq algorithm's Processing dialog."""
        import processing  # QGIS's own plugin, present in the desktop application

        processing.execAlgorithmDialog(algorithm_id)
