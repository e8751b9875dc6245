"""What the import algorithms share: the rejected-rows sink, the count outputs and the closing report."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
)
from qgis.PyQt.QtCore import QVariant

from ..core.registry_import import ImportResult
from ..core.translation import tr

OUTPUT_REJECTED = "OUTPUT_REJECTED"
COUNTS = ("IMPORTED", "UPDATED", "REJECTED")


def add_import_outputs(algorithm: QgsProcessingAlgorithm) -> None:
    """Declare OUTPUT_REJECTED and the IMPORTED, UPDATED and REJECTED counts."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSink(
            OUTPUT_REJECTED, tr("Rejected rows (the input fields and a reason)"), optional=True, createByDefault=True
        )
    )
    for name, label in zip(COUNTS, (tr("Rows imported"), tr("Rows updated"), tr("Rows rejected")), strict=True):
        algorithm.addOutput(QgsProcessingOutputNumber(name, label))


class RejectedRows:
    """The OUTPUT_REJECTED sink: each rejected input feature with a reason field, also told to feedback."""

    def __init__(
        self,
        algorithm: QgsProcessingAlgorithm,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        source: QgsFeatureSource,
        feedback: QgsProcessingFeedback,
    ) -> None:
        """Create the sink with the source's fields plus the reason field."""
        self.feedback = feedback
        self.fields = QgsFields(source.fields())
        reason = "reason" if self.fields.lookupField("reason") < 0 else "rejection_reason"
        self.fields.append(QgsField(reason, QVariant.String))
        self.sink, self.destination = algorithm.parameterAsSink(
            parameters, OUTPUT_REJECTED, context, self.fields, source.wkbType(), source.sourceCrs()
        )

    def __call__(self, feature: QgsFeature, reason: str) -> None:
        """Write one rejected feature with its reason."""
        self.feedback.pushWarning(tr("Row {id} rejected: {reason}").format(id=feature.id(), reason=reason))
        if self.sink is None:
            return
        rejected = QgsFeature(self.fields)
        rejected.setGeometry(feature.geometry())
        rejected.setAttributes([*feature.attributes(), reason])
        self.sink.addFeature(rejected, QgsFeatureSink.Flag.FastInsert)

    def outputs(self, result: ImportResult) -> dict[str, Any]:
        """Return the algorithm outputs for an import's result."""
        outputs: dict[str, Any] = dict(zip(COUNTS, (result.imported, result.updated, result.rejected), strict=True))
        if self.sink is not None:
            outputs[OUTPUT_REJECTED] = self.destination
        return outputs


def report(feedback: QgsProcessingFeedback, what: str, result: ImportResult) -> None:
    """Tell the counts of an import and the owners it created without a contact."""
    feedback.pushInfo(
        tr("{what}: {i} imported, {u} updated, {r} rejected.").format(
            what=what, i=result.imported, u=result.updated, r=result.rejected
        )
    )
    if result.owners_without_contact:
        feedback.pushWarning(
            tr("Owners created without a requisition contact (add their e-mail in the owners directory): {names}")
            .format(names="; ".join(result.owners_without_contact))
        )
