"""Wires CamReq into QGIS: the Processing provider, the menu actions and (later) the dock."""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .errors import CamreqError
from .processing.provider import ICON, CamreqProvider
from .settings import Settings

MENU = "&CamReq"


class CamReqPlugin:
    """The object QGIS loads; it owns everything CamReq adds to QGIS and removes it on unload."""

    def __init__(self, iface) -> None:
        """Keep the QGIS interface for initGui()."""
        self.iface = iface
        self.provider: CamreqProvider | None = None
        self.actions: list[QAction] = []

    def initProcessing(self) -> None:  # noqa: N802 (QGIS's name; also called by qgis_process)
        """Register the Processing provider."""
        self.provider = CamreqProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802
        """Add the provider and the menu actions."""
        self.initProcessing()
        self._add_action("Install or upgrade the database…", lambda: self._open_algorithm("camreq:installdatabase"))
        self._add_action("Add registry layers", self.add_registry_layers)
        self._add_action("Import cameras…", lambda: self._open_algorithm("camreq:importcameras"))
        self._add_action("Import owners…", lambda: self._open_algorithm("camreq:importowners"))

    def unload(self) -> None:
        """Remove every action and the provider."""
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

    def add_registry_layers(self) -> None:
        """Add the cameras, fields of view and owners of the configured connection to the project, in a group."""
        from .core.layers import registry_layers

        connection = Settings.load().connection
        if not connection:
            self._warn("No database connection is set: choose one in the CamReq settings.")
            return
        try:
            layers = registry_layers(connection)
        except CamreqError as error:
            self._warn(str(error))
            return
        project = QgsProject.instance()
        group = project.layerTreeRoot().insertGroup(0, "CamReq registry")
        for layer in layers:
            project.addMapLayer(layer, False)
            group.addLayer(layer)

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
    def _open_algorithm(algorithm_id: str) -> None:
        """Open a CamReq algorithm's Processing dialog."""
        import processing  # QGIS's own plugin, present in the desktop application

        processing.execAlgorithmDialog(algorithm_id)
