"""camreq:importaddresses: Base Adresse Nationale addresses (a BAN CSV file, plain or .gz, or any table)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TR_NOOP, QVariant

from ..core.addresses import AddressImportResult, ban_file_rows, load_addresses, source_rows
from .algorithm import CamreqAlgorithm

OUTPUT_REJECTED = "OUTPUT_REJECTED"
COUNTS = ("IMPORTED", "UPDATED", "REMOVED", "REJECTED")
REJECTED_FIELDS = ("id", "numero", "rep", "nom_voie", "code_postal", "code_insee", "nom_commune", "lon", "lat")
FILE_SUFFIXES = (".csv", ".gz", ".txt")


class ImportAddresses(CamreqAlgorithm):
    """Load or refresh the BAN addresses of the communes an input holds, in one transaction."""

    group_name = QT_TR_NOOP("Registry")

    algorithm_id = "importaddresses"
    label = QT_TR_NOOP("Import addresses (Base Adresse Nationale)")
    help_text = QT_TR_NOOP(
        "Loads the addresses of the Base Adresse Nationale into the database, for the offline address search. "
        "INPUT is a BAN file as published per département (adresses-38.csv or adresses-38.csv.gz, "
        ";-separated, UTF-8) or any table QGIS reads with the BAN columns (id, numero, rep, nom_voie, "
        "code_postal, code_insee, nom_commune, lon, lat…). Each commune the input holds is refreshed: its "
        "addresses are keyed on the BAN id (re-importing updates, never duplicates) and those gone from the "
        "input are removed; other communes are left alone. The whole import is one transaction. Rows that "
        "cannot be stored (no position, a position outside France, text in numero, a NUL character…) come "
        "back in OUTPUT_REJECTED with a reason and keep their stored version."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION, INPUT, OUTPUT_REJECTED and the counts."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT",
                self.tr("BAN addresses (a BAN CSV file, plain or .gz, or a table)"),
                [QgsProcessing.SourceType.TypeVector],
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                OUTPUT_REJECTED,
                self.tr("Rejected rows (with a reason)"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        labels = (
            self.tr("Addresses imported"),
            self.tr("Addresses updated"),
            self.tr("Addresses removed"),
            self.tr("Rows rejected"),
        )
        for name, label in zip(COUNTS, labels, strict=True):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Read the input, import it in one transaction and return the counts."""
        value = parameters.get("INPUT")
        path = Path(value) if isinstance(value, str) else None
        if path is not None and path.suffix.lower() in FILE_SUFFIXES and path.is_file():
            rows = ban_file_rows(path)
        else:
            rows = source_rows(self.parameterAsSource(parameters, "INPUT", context), context.transformContext())
        fields = QgsFields()
        fields.append(QgsField("row", QVariant.LongLong))
        for name in (*REJECTED_FIELDS, "reason"):
            fields.append(QgsField(name, QVariant.String))
        sink, destination = self.parameterAsSink(
            parameters, OUTPUT_REJECTED, context, fields, QgsWkbTypes.Type.NoGeometry
        )

        def reject(number: int, values: dict[str, str], reason: str) -> None:
            feedback.pushWarning(self.tr("Row {row} rejected: {reason}").format(row=number, reason=reason))
            if sink is not None:
                feature = QgsFeature(fields)
                shown = [(values.get(name) or "").replace("\x00", "") for name in REJECTED_FIELDS]
                feature.setAttributes([number, *shown, reason])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)

        result = load_addresses(self.connection_value(parameters, context), rows, feedback, reject)
        self._report(feedback, result)
        outputs: dict[str, Any] = dict(
            zip(COUNTS, (result.imported, result.updated, result.removed, result.rejected), strict=True)
        )
        if sink is not None:
            outputs[OUTPUT_REJECTED] = destination
        return outputs

    def _report(self, feedback: QgsProcessingFeedback, result: AddressImportResult) -> None:
        """Tell the counts of the import."""
        feedback.pushInfo(
            self.tr("Addresses of {c} commune(s): {i} imported, {u} updated, {d} removed, {r} rejected.").format(
                c=result.communes, i=result.imported, u=result.updated, d=result.removed, r=result.rejected
            )
        )
