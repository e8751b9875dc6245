"""camreq:camerasnearincident: the cameras that may have filmed each incident, sorted by purge deadline."""

from __future__ import annotations

import operator
from datetime import datetime
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TR_NOOP, QDateTime, QVariant

from ..core.search import CameraHit, collection_paused
from ..core.times import to_qdatetime
from ..errors import CamreqError
from .search_algorithm import SearchAlgorithm

# (name, type) of the OUTPUT fields, in CameraHit's order where they come from it.
OUTPUT_FIELDS = (
    ("search_id", QVariant.LongLong),
    ("incident_id", QVariant.String),
    ("camera_id", QVariant.LongLong),
    ("camera_ref", QVariant.String),
    ("owner_id", QVariant.LongLong),
    ("owner_name", QVariant.String),
    ("owner_email", QVariant.String),
    ("camera_type", QVariant.String),
    ("camera_status", QVariant.String),
    ("distance_m", QVariant.Double),
    ("in_view", QVariant.Bool),
    ("retention_days", QVariant.Int),
    ("purge_at", QVariant.DateTime),
    ("footage_available", QVariant.Bool),
    ("window_start", QVariant.DateTime),
    ("window_end", QVariant.DateTime),
)


_hit_values = operator.attrgetter(*(name for name, _kind in OUTPUT_FIELDS[1:]))
DATETIME_INDEXES = tuple(index for index, (_name, kind) in enumerate(OUTPUT_FIELDS) if kind == QVariant.DateTime)
CHUNK = 10_000  # features written to the sink at once, between progress reports


def output_fields() -> QgsFields:
    """Return the fields of the OUTPUT layer."""
    fields = QgsFields()
    for name, kind in OUTPUT_FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def hit_attributes(search_id: int, hit: CameraHit, qt_datetimes: dict[datetime, QDateTime]) -> list:
    """Return the OUTPUT attributes of one hit (date-times converted through the qt_datetimes cache)."""
    values = [search_id, *_hit_values(hit)]
    for index in DATETIME_INDEXES:
        value = values[index]
        converted = qt_datetimes.get(value)
        if converted is None:
            converted = qt_datetimes[value] = to_qdatetime(value)
        values[index] = converted
    return values


class CamerasNearIncident(SearchAlgorithm):
    """Search cameras near incidents and write one row per incident and camera."""

    algorithm_id = "camerasnearincident"
    label = QT_TR_NOOP("Cameras near incidents")
    help_text = QT_TR_NOOP(
        " OUTPUT: one point per incident and camera, in the database CRS, sorted by purge_at; "
        "search_id is the consultation log row."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare the search parameters and OUTPUT."""
        self.add_search_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", self.tr("Cameras to request"), type=QgsProcessing.SourceType.TypeVectorPoint
            )
        )

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Run the search and write its hits, most urgent first."""
        result = self.run_search(parameters, context, feedback)
        sink, dest_id = self.parameterAsSink(
            parameters,
            "OUTPUT",
            context,
            output_fields(),
            QgsWkbTypes.Type.Point,
            QgsCoordinateReferenceSystem(f"EPSG:{result.srid}"),
        )
        if sink is None:
            raise CamreqError("OUTPUT: the output layer cannot be created.")
        qt_datetimes: dict[datetime, QDateTime] = {}  # a batch repeats few distinct date-times
        for first in range(0, len(result.hits), CHUNK):
            with collection_paused():
                features = []
                for hit in result.hits[first : first + CHUNK]:
                    feature = QgsFeature()
                    geometry = QgsGeometry()
                    geometry.fromWkb(hit.wkb)
                    feature.setGeometry(geometry)
                    feature.setAttributes(hit_attributes(result.search_id, hit, qt_datetimes))
                    features.append(feature)
            sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(60 + 40 * (first + len(features)) / len(result.hits))
        return {"OUTPUT": dest_id, "SEARCH_ID": result.search_id, "COUNT": len(result.hits)}
