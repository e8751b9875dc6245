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
from .import_outputs import (
    DRY_RUN,
    INPUT,
    ImportAlgorithm,
    add_import_parameters,
    field_map,
    outputs,
    report,
    row_outputs,
)


class ImportOwners(ImportAlgorithm):
    """Insert or update owners keyed by name, one transaction, rejected rows with their reason."""

    algorithm_id = "importowners"
    label = QT_TR_NOOP("Import owners")
    help_text = QT_TR_NOOP(
        "Imports the owners directory from a table (CSV, spreadsheet or any layer). Field names are matched "
        "ignoring case and accents, in English or French: name (Nom, required), kind (Type: metropolis, city, "
        "departement, transport, landlord or private), email (Courriel, where requisitions go), phone "
        "(Téléphone), address (Adresse), response_days (Délai de réponse), notes (Remarques); FIELD_MAP reads "
        "other fields (target=input field;…). An owner whose name is already in the directory (ignoring case) "
        "is updated, never duplicated; an empty cell keeps the stored value. A row without a name is rejected "
        "(OUTPUT_REJECTED); another value that cannot be read or breaks a rule is left empty and the row comes "
        "in OUTPUT_WARNINGS. The whole import is one transaction: cancelling rolls it back, and so does DRY_RUN "
        "after reporting."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION, INPUT, FIELD_MAP, DRY_RUN and the outputs."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                INPUT, self.tr("Owners (table or layer)"), [QgsProcessing.SourceType.TypeVector]
            )
        )
        add_import_parameters(self)

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Import the table's owners in one transaction and return the counts."""
        source = self.input_source(parameters, context)
        dry_run = self.parameterAsBool(parameters, DRY_RUN, context)
        rejected, warned = row_outputs(self, parameters, context, source, feedback)
        result = import_owners(
            self.connection_value(parameters, context), source, feedback, rejected, warned,
            field_map(self, parameters, context), dry_run,
        )  # fmt: skip
        report(feedback, self.tr("Owners"), result, dry_run)
        return outputs(result, rejected, warned)
