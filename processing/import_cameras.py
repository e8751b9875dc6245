"""camreq:importcameras: cameras from any point layer (files, OpenStreetMap exports) into the registry."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.registry_import import CameraImportOptions, import_cameras
from ..core.vocabulary import RETENTION_DAYS
from .algorithm import CamreqAlgorithm
from .import_outputs import RejectedRows, add_import_outputs, report


class ImportCameras(CamreqAlgorithm):
    """Insert or update cameras from a point layer, one transaction, rejected rows with their reason."""

    group_name = QT_TR_NOOP("Registry")

    algorithm_id = "importcameras"
    label = QT_TR_NOOP("Import cameras")
    help_text = QT_TR_NOOP(
        "Imports cameras from any point layer (CSV with X/Y, GeoPackage, GeoJSON, Shapefile, an OpenStreetMap "
        "export of man_made=surveillance nodes) in any CRS. Field names are matched case-insensitively: ref, "
        "owner, owner_email, camera_type, direction, fov, range_m, height, tilt, retention_days, status, "
        "recording_mode, public_space, police_access, authorisation_ref, authorisation_expiry, last_verified, "
        "address, notes, and the OpenStreetMap tags (operator names the owner); an explicit field wins over a "
        "tag. A camera already in the registry (same OpenStreetMap id, or same owner and ref) is updated, "
        "never duplicated; an empty cell keeps the stored value. Owners not yet in the directory are created "
        "and listed as lacking a contact. The whole import is one transaction: cancelling rolls it back. "
        "Rejected rows come back in OUTPUT_REJECTED with a reason."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION, INPUT, DEFAULT_OWNER, DEFAULT_RETENTION_DAYS and the outputs."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT", self.tr("Cameras (point layer)"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "DEFAULT_OWNER", self.tr("Owner of rows that name none"), defaultValue="", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DEFAULT_RETENTION_DAYS",
                self.tr("Retention (days) of new cameras that give none"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=30,
                minValue=RETENTION_DAYS[0],
                maxValue=RETENTION_DAYS[-1],
            )
        )
        add_import_outputs(self)
        self.addOutput(QgsProcessingOutputNumber("OWNERS_CREATED", self.tr("Owners created")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Import the layer's cameras in one transaction and return the counts."""
        source = self.parameterAsSource(parameters, "INPUT", context)
        options = CameraImportOptions(
            default_owner=self.parameterAsString(parameters, "DEFAULT_OWNER", context),
            default_retention_days=self.parameterAsInt(parameters, "DEFAULT_RETENTION_DAYS", context),
            transform_context=context.transformContext(),
        )
        rejected = RejectedRows(self, parameters, context, source, feedback)
        result = import_cameras(self.connection_value(parameters, context), source, options, feedback, rejected)
        report(feedback, self.tr("Cameras"), result)
        return {**rejected.outputs(result), "OWNERS_CREATED": len(result.owners_created)}
