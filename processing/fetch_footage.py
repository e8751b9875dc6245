"""camreq:fetchfootage: fetch the footage an owner deposited on the portal, hashes checked, with a reception report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.footage import fetch_footage
from .algorithm import CamreqAlgorithm


class FetchFootage(CamreqAlgorithm):
    """Download a requisition's deposits from the owner portal and check each SHA-256 against the recorded one."""

    group_name = QT_TR_NOOP("Requisitions")

    algorithm_id = "fetchfootage"
    label = QT_TR_NOOP("Fetch deposited footage")
    help_text = QT_TR_NOOP(
        "Downloads the files the owner deposited on the owner portal for requisition NUMBER (of your unit) into "
        "OUTPUT_FOLDER, with a 15-minute token the database gives your login only. Each file's SHA-256 is checked "
        "against the one recorded at upload: a file that differs is refused and not kept. Writes a reception report "
        "(PDF) listing every file, its size and SHA-256, for the case file."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare NUMBER and OUTPUT_FOLDER."""
        self.add_connection_parameter()
        self.addParameter(QgsProcessingParameterString("NUMBER", self.tr("Requisition number")))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Folder for the footage")))
        self.addOutput(QgsProcessingOutputNumber("FILES", self.tr("Files fetched")))
        self.addOutput(QgsProcessingOutputFile("REPORT", self.tr("Reception report (PDF)")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Fetch and check the files, then report each one."""
        connection = self.connection_value(parameters, context)
        number = self.parameterAsString(parameters, "NUMBER", context)
        folder = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        files, report = fetch_footage(connection, number, folder, feedback)
        for fetched in files:
            feedback.pushInfo(
                self.tr("{name}: SHA-256 {sha} checked").format(name=fetched.file_name, sha=fetched.sha256)
            )
        return {"FILES": len(files), "REPORT": str(report), "OUTPUT_FOLDER": str(folder)}
