"""camreq:statistics: requisitions, answer times and outcomes of a period, as tables and a French report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.documents import weasyprint_available
from ..core.statistics import collect, write_report
from .algorithm import CamreqAlgorithm


class Statistics(CamreqAlgorithm):
    """What the metropolis shows the prosecutor: privacy-safe figures from the database."""

    group_name = QT_TR_NOOP("Statistics")

    algorithm_id = "statistics"
    label = QT_TR_NOOP("Requisition statistics")
    help_text = QT_TR_NOOP(
        "Writes into OUTPUT_FOLDER the figures from FROM to TO (days, Paris time): searches and requisitions per "
        "month against the same months a year earlier; per owner, requisitions received, hours from sending to "
        "the first answer (median, 90th percentile) and outcomes; the time from the incident to the requisition "
        "sent and the requisitions lost to the purge. Tables as CSV, the report as HTML and PDF (in French, with "
        "charts). The database computes every figure and hides any figure counting fewer than 5 requisitions "
        "('< 5'); no case number, officer or place is ever read. UNIT (administrators only) restricts the figures "
        "to one unit; administrators also get the figures per unit."
    )

    def canExecute(self) -> tuple[bool, str]:  # noqa: N802
        """Return whether WeasyPrint, which writes the PDF report, is available."""
        if weasyprint_available():
            return True, ""
        return False, self.tr("WeasyPrint is missing: pip install weasyprint")

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare FROM, TO, UNIT and OUTPUT_FOLDER."""
        self.add_connection_parameter()
        for name, label in (("FROM", self.tr("From (day)")), ("TO", self.tr("To (day, included)"))):
            self.addParameter(QgsProcessingParameterDateTime(name, label, QgsProcessingParameterDateTime.Type.Date))
        self.addParameter(QgsProcessingParameterString("UNIT", self.tr("Unit (administrators only)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile("REPORT_PDF", self.tr("Report (PDF)")))
        self.addOutput(QgsProcessingOutputFile("REPORT_HTML", self.tr("Report (HTML)")))
        self.addOutput(
            QgsProcessingOutputNumber("REQUISITIONS", self.tr("Requisitions of the period (empty: fewer than 5)"))
        )

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Collect the figures, write the tables and the report."""
        start = self.parameterAsDateTime(parameters, "FROM", context).date().toPyDate()
        end = self.parameterAsDateTime(parameters, "TO", context).date().toPyDate()
        unit = self.parameterAsString(parameters, "UNIT", context).strip() or None
        folder = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        stats = collect(self.connection_value(parameters, context), start, end, unit)
        feedback.setProgress(50)
        files = write_report(stats, folder)
        whole = next(row for row in stats.clock if row.unit == unit)
        feedback.pushInfo(self.tr("Report written to {path}").format(path=files.pdf))
        return {
            "OUTPUT_FOLDER": str(folder), "REPORT_PDF": str(files.pdf), "REPORT_HTML": str(files.html),
            "REQUISITIONS": whole.requisitions,
        }  # fmt: skip
