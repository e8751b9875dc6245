"""The table of requisitions that the requisition algorithms write as OUTPUT."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsFields
from qgis.PyQt.QtCore import QVariant

from ..core.inputs import spreadsheet_safe
from ..core.requisitions import RequisitionSummary
from ..core.times import to_qdatetime


def summary_fields() -> QgsFields:
    """Return the fields: id, number, owner, status, camera_count, purge_deadline, pdf_path."""
    fields = QgsFields()
    for name, kind in (
        ("id", QVariant.LongLong),
        ("number", QVariant.String),
        ("owner", QVariant.String),
        ("status", QVariant.String),
        ("camera_count", QVariant.Int),
        ("purge_deadline", QVariant.DateTime),
        ("pdf_path", QVariant.String),
    ):
        fields.append(QgsField(name, kind))
    return fields


def summary_feature(summary: RequisitionSummary) -> QgsFeature:
    """Return one row of the table."""
    feature = QgsFeature(summary_fields())
    purge = to_qdatetime(summary.purge_deadline) if summary.purge_deadline is not None else None
    feature.setAttributes(
        spreadsheet_safe(
            [summary.id, summary.number, summary.owner, summary.status, summary.camera_count, purge, summary.pdf_path]
        )
    )
    return feature
