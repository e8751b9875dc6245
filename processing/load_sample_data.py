"""camreq:loadsampledata: the SYNTHETIC Grenoble-area sample registry, loaded through the import code."""

from __future__ import annotations

from typing import Any

from qgis.core import QgsFeature, QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputNumber
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.sample_data import load_sample_registry
from .algorithm import CamreqAlgorithm
from .import_outputs import report

OUTPUTS = ("OWNERS", "CAMERAS", "REJECTED")


class LoadSampleData(CamreqAlgorithm):
    """Load sample/owners.csv and sample/cameras.csv (synthetic data) into the registry."""

    group_name = QT_TR_NOOP("Registry")

    algorithm_id = "loadsampledata"
    label = QT_TR_NOOP("Load the sample registry (SYNTHETIC Grenoble data)")
    help_text = QT_TR_NOOP(
        "SYNTHETIC DATA: loads the invented Grenoble-area sample registry shipped in the plugin's sample "
        "folder (18 owners, 1,415 cameras) to try, demonstrate or test CamReq. None of these cameras, "
        "contacts or authorisations exists: never load it into a production registry. It goes through the "
        "same import as camreq:importowners and camreq:importcameras, in one transaction; running it again "
        "updates the same rows."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION and the counts."""
        self.add_connection_parameter()
        for name, label in zip(
            OUTPUTS,
            (self.tr("Sample owners loaded"), self.tr("Sample cameras loaded"), self.tr("Sample rows rejected")),
            strict=True,
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Import the sample owners and cameras in one transaction."""
        feedback.pushWarning(self.tr("Loading SYNTHETIC sample data: invented cameras and owners, not real ones."))

        def reject(feature: QgsFeature, reason: str) -> None:
            feedback.pushWarning(self.tr("Sample row {id} rejected: {reason}").format(id=feature.id(), reason=reason))

        owners, cameras = load_sample_registry(self.connection_value(parameters, context), feedback, reject)
        report(feedback, self.tr("Sample owners (SYNTHETIC)"), owners)
        report(feedback, self.tr("Sample cameras (SYNTHETIC)"), cameras)
        loaded = (owners.imported + owners.updated, cameras.imported + cameras.updated)
        return dict(zip(OUTPUTS, (*loaded, owners.rejected + cameras.rejected), strict=True))
