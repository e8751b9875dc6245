"""camreq:selectcamerasnearincident: select the cameras near incidents on the project's camera layer."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..errors import CamreqError
from .search_algorithm import SearchAlgorithm

CAMERA_ID_FIELD = "id"
METHODS = (
    (QT_TR_NOOP("creating new selection"), Qgis.SelectBehavior.SetSelection),
    (QT_TR_NOOP("adding to current selection"), Qgis.SelectBehavior.AddToSelection),
    (QT_TR_NOOP("selecting within current selection"), Qgis.SelectBehavior.IntersectSelection),
    (QT_TR_NOOP("removing from current selection"), Qgis.SelectBehavior.RemoveFromSelection),
)


class SelectCamerasNearIncident(SearchAlgorithm):
    """Run the camera search and select what it finds on a camera layer, like "Select within distance"."""

    algorithm_id = "selectcamerasnearincident"
    label = QT_TR_NOOP("Select cameras near incidents")
    help_text = QT_TR_NOOP(
        " The cameras found are selected on INPUT, the project's camera layer (camreq.cameras, matched "
        "on its 'id' field), as QGIS's 'Select within distance' does."
    )

    def flags(self) -> QgsProcessingAlgorithm.Flags:
        """Run in the main thread: selecting changes a project layer."""
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare INPUT, METHOD, the search parameters and OUTPUT (the layer)."""
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "INPUT", self.tr("Camera layer (camreq.cameras)"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "METHOD", self.tr("Modify current selection by"), [self.tr(label) for label, _ in METHODS], False, 0
            )
        )
        self.add_search_parameters()
        self.addOutput(QgsProcessingOutputVectorLayer("OUTPUT", self.tr("Cameras (selected)")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Search, then select the cameras found on INPUT."""
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None or layer.fields().indexOf(CAMERA_ID_FIELD) < 0:
            raise CamreqError(f"INPUT: give the camera layer (camreq.cameras), with its '{CAMERA_ID_FIELD}' field.")
        behavior = METHODS[self.parameterAsEnum(parameters, "METHOD", context)][1]
        result = self.run_search(parameters, context, feedback)
        ids = sorted(result.camera_ids())
        feature_ids = []
        if ids:
            expression = "{field} IN ({values})".format(
                field=QgsExpression.quotedColumnRef(CAMERA_ID_FIELD), values=",".join(str(int(i)) for i in ids)
            )
            request = QgsFeatureRequest().setFilterExpression(expression).setNoAttributes()
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
            feature_ids = [feature.id() for feature in layer.getFeatures(request)]
        layer.selectByIds(feature_ids, behavior)
        feedback.pushInfo(self.tr("Selected {n} cameras on {layer}").format(n=len(feature_ids), layer=layer.name()))
        return {"OUTPUT": layer.id(), "SEARCH_ID": result.search_id, "COUNT": len(feature_ids)}
