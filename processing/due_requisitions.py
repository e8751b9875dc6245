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
from qgis.PyQt.QtCore import QDateTime, QVariant

from ..core.inputs import spreadsheet_safe
from ..core.requisitions import due_soon
from .algorithm import CamreqAlgorithm

COLUMNS = (
    ("number", QVariant.Type.String), ("owner", QVariant.Type.String), ("owner_email", QVariant.Type.String),
    ("owner_phone", QVariant.Type.String), ("status", QVariant.Type.String), ("purge_deadline", QVariant.Type.DateTime),
    ("purged", QVariant.Type.Bool),
)  # fmt: skip


class DueRequisitions(CamreqAlgorithm):
    """List the requisitions to chase now (the view camreq.requisitions_due_soon)."""

    group_name = "Requisitions"

    algorithm_id = "duerequisitions"
    label = "Requisitions due soon"
    help_text = (
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
        for number, owner, email, phone, status, purge, purged in rows:
            feature = QgsFeature(fields)
            when = QDateTime.fromMSecsSinceEpoch(int(purge.timestamp() * 1000))
            feature.setAttributes(spreadsheet_safe([number, owner, email, phone, status, when, purged]))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            feedback.pushWarning(
                self.tr("{n} ({owner}, {status}): footage purged {when}").format(
                    n=number, owner=owner, status=status, when=purge.isoformat()
                )
            )
        return {"OUTPUT": sink_id, "COUNT": len(rows)}
