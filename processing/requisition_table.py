"""The table of requisitions that the requisition algorithms write as OUTPUT."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsFields
from qgis.PyQt.QtCore import QDateTime, QVariant

from ..core.inputs import spreadsheet_safe
from ..core.requisitions import RequisitionSummary


def summary_fields() -> QgsFields:
    """Return the fields: id, number, owner, status, camera_count, purge_deadline, pdf_path."""
    fields = QgsFields()
    for name, kind in (
        ("id", QVariant.Type.LongLong),
        ("number", QVariant.Type.String),
        ("owner", QVariant.Type.String),
        ("status", QVariant.Type.String),
        ("camera_count", QVariant.Type.Int),
        ("purge_deadline", QVariant.Type.DateTime),
        ("pdf_path", QVariant.Type.String),
    ):
        fields.append(QgsField(name, kind))
    return fields


def summary_feature(summary: RequisitionSummary) -> QgsFeature:
    """Return one row of the table."""
    feature = QgsFeature(summary_fields())
    purge = None
    if summary.purge_deadline is not None:
        purge = QDateTime.fromMSecsSinceEpoch(int(summary.purge_deadline.timestamp() * 1000))
    feature.setAttributes(spreadsheet_safe(
        [summary.id, summary.number, summary.owner, summary.status, summary.camera_count, purge, summary.pdf_path]
    ))
    return feature
