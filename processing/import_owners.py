"""camreq:importowners: the owners directory from a table (CSV or any layer)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSource,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.registry_import import import_owners
from .algorithm import CamreqAlgorithm
from .import_outputs import RejectedRows, add_import_outputs, report


class ImportOwners(CamreqAlgorithm):
    """Insert or update owners keyed by name, one transaction, rejected rows with their reason."""

    group_name = QT_TR_NOOP("Registry")

    algorithm_id = "importowners"
    label = QT_TR_NOOP("Import owners")
    help_text = QT_TR_NOOP(
        "Imports the owners directory from a table (CSV, spreadsheet or any layer). Field names are matched "
        "case-insensitively: name (required), kind (metropolis, city, departement, transport, landlord or "
        "private), email (where requisitions go), phone, address, response_days, notes. An owner whose name "
        "is already in the directory (ignoring case) is updated, never duplicated; an empty cell keeps the "
        "stored value. The whole import is one transaction: cancelling rolls it back. Rejected rows come "
        "back in OUTPUT_REJECTED with a reason."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION, INPUT and the outputs."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT", self.tr("Owners (table or layer)"), [QgsProcessing.SourceType.TypeVector]
            )
        )
        add_import_outputs(self)

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Import the table's owners in one transaction and return the counts."""
        source = self.parameterAsSource(parameters, "INPUT", context)
        rejected = RejectedRows(self, parameters, context, source, feedback)
        result = import_owners(self.connection_value(parameters, context), source, feedback, rejected)
        report(feedback, self.tr("Owners"), result)
        return rejected.outputs(result)
