"""camreq:duerequisitions: open requisitions whose footage is purged within 48 hours, most urgent first."""

from __future__ import annotations

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
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TR_NOOP, QVariant

from ..core.requisitions import due_soon
from ..core.times import iso_text, to_qdatetime
from .algorithm import CamreqAlgorithm

COLUMNS = (
    ("number", QVariant.String), ("owner", QVariant.String), ("owner_email", QVariant.String),
    ("owner_phone", QVariant.String), ("status", QVariant.String), ("purge_deadline", QVariant.DateTime),
    ("purged", QVariant.Bool),
)  # fmt: skip


class DueRequisitions(CamreqAlgorithm):
    """List the requisitions to chase now (the view camreq.requisitions_due_soon)."""

    group_name = QT_TR_NOOP("Requisitions")

    algorithm_id = "duerequisitions"
    label = QT_TR_NOOP("Requisitions due soon")
    help_text = QT_TR_NOOP(
        "Lists the open requisitions (draft, issued, sent, acknowledged) whose footage is purged within 48 "
        "hours, or already was ('purged'), most urgent first: call these owners now. COUNT is their number."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare the OUTPUT table and COUNT."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Due soon"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Requisitions due soon")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Write the due-soon requisitions and warn about each."""
        fields = QgsFields()
        for name, kind in COLUMNS:
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.NoGeometry)
        rows = due_soon(self.connection_value(parameters, context))
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([
                row.number, row.owner_name, row.owner_email, row.owner_phone, row.status,
                to_qdatetime(row.purge_deadline), row.purged,
            ])  # fmt: skip
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            feedback.pushWarning(
                self.tr("{n} ({owner}, {status}): footage purged {when}").format(
                    n=row.number, owner=row.owner_name, status=row.status, when=iso_text(row.purge_deadline)
                )
            )
        return {"OUTPUT": sink_id, "COUNT": len(rows)}
