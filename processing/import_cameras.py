"""camreq:importcameras: cameras from any point layer (files, OpenStreetMap exports) into the registry."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.registry_import import CameraImportOptions, import_cameras
from ..core.vocabulary import RETENTION_DAYS
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


class ImportCameras(ImportAlgorithm):
    """Insert or update cameras from a point layer, one transaction, rejected rows with their reason."""

    algorithm_id = "importcameras"
    label = QT_TR_NOOP("Import cameras")
    help_text = QT_TR_NOOP(
        "Imports cameras from any point layer (CSV with X/Y, GeoPackage, GeoJSON, Shapefile, an OpenStreetMap "
        "file opened by QGIS (layer points, tags in other_tags), an Overpass API JSON file) in any CRS; "
        "SOURCE_CRS overrides the layer's. Field names are matched ignoring case and accents, in English or "
        "French: ref (Nom), owner (Propriétaire), owner_email, camera_type (Type), direction (Orientation), "
        "fov (Angle), range_m (Portée), height (Hauteur), tilt (Inclinaison), retention_days (Durée de "
        "conservation), status (Statut), recording_mode, public_space, police_access, authorisation_ref, "
        "authorisation_expiry, last_verified, address (Adresse), notes (Remarques), and the OpenStreetMap tags "
        "(operator names the owner); an explicit field wins over a tag. FIELD_MAP reads other fields: "
        "target=input field;… The log lists which fields were read as what and which were ignored. A camera "
        "already in the registry (same OpenStreetMap id, or same owner and ref) is updated, never duplicated; "
        "an empty cell keeps the stored value. Only a row without a usable position or owner is rejected "
        "(OUTPUT_REJECTED, with a reason); another value that cannot be read or breaks a rule is left empty "
        "and the row comes in OUTPUT_WARNINGS with a warning. Rows that are no camera (surveillance:type=guard) "
        "are skipped and counted. Owners not yet in the directory are created and listed as lacking a contact. "
        "The whole import is one transaction: cancelling rolls it back, and so does DRY_RUN after reporting."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION, INPUT, SOURCE_CRS, DEFAULT_OWNER, DEFAULT_RETENTION_DAYS, FIELD_MAP, DRY_RUN, outputs."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                INPUT,
                self.tr("Cameras (point layer, or Overpass JSON file)"),
                [QgsProcessing.SourceType.TypeVectorPoint],
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                "SOURCE_CRS", self.tr("CRS of the input points (empty: the layer's)"), optional=True
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
        add_import_parameters(self)
        self.addOutput(QgsProcessingOutputNumber("OWNERS_CREATED", self.tr("Owners created")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Import the layer's cameras in one transaction and return the counts."""
        source = self.input_source(parameters, context)
        options = CameraImportOptions(
            default_owner=self.parameterAsString(parameters, "DEFAULT_OWNER", context),
            default_retention_days=self.parameterAsInt(parameters, "DEFAULT_RETENTION_DAYS", context),
            transform_context=context.transformContext(),
            source_crs=self.parameterAsCrs(parameters, "SOURCE_CRS", context),
            field_map=field_map(self, parameters, context),
        )
        dry_run = self.parameterAsBool(parameters, DRY_RUN, context)
        rejected, warned = row_outputs(self, parameters, context, source, feedback)
        connection = self.connection_value(parameters, context)
        result = import_cameras(connection, source, options, feedback, rejected, warned, dry_run)
        report(feedback, self.tr("Cameras"), result, dry_run)
        return {**outputs(result, rejected, warned), "OWNERS_CREATED": len(result.owners_created)}
