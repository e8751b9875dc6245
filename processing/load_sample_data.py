"""camreq:loadsampledata: the SYNTHETIC Grenoble-area sample registry, loaded through the import code."""

from __future__ import annotations

from typing import Any

from qgis.core import QgsFeature, QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputNumber
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.sample_data import load_sample_data
from .algorithm import CamreqAlgorithm
from .import_outputs import report

OUTPUTS = ("OWNERS", "CAMERAS", "ADDRESSES", "REJECTED")


class LoadSampleData(CamreqAlgorithm):
    """Load sample/owners.csv and sample/cameras.csv (synthetic data) into the registry."""

    group_name = QT_TR_NOOP("Registry")

    algorithm_id = "loadsampledata"
    label = QT_TR_NOOP("Load the sample registry and addresses (SYNTHETIC Grenoble data)")
    help_text = QT_TR_NOOP(
        "SYNTHETIC DATA: loads the invented Grenoble-area sample registry shipped in the plugin's sample "
        "folder (18 owners, 1,415 cameras, and the addresses of nine communes in the Base Adresse Nationale's "
        "format) to try, demonstrate or test CamReq. None of these cameras, contacts or authorisations exists, "
        "and the addresses' positions are invented: never load it into a production database. It goes through "
        "the same imports as camreq:importowners, camreq:importcameras and camreq:importaddresses, in one "
        "transaction; running it again updates the same rows."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION and the counts."""
        self.add_connection_parameter()
        for name, label in zip(
            OUTPUTS,
            (
                self.tr("Sample owners loaded"),
                self.tr("Sample cameras loaded"),
                self.tr("Sample addresses loaded"),
                self.tr("Sample rows rejected"),
            ),
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

        owners, cameras, addresses = load_sample_data(self.connection_value(parameters, context), feedback, reject)
        report(feedback, self.tr("Sample owners (SYNTHETIC)"), owners)
        report(feedback, self.tr("Sample cameras (SYNTHETIC)"), cameras)
        feedback.pushInfo(
            self.tr("Sample addresses (SYNTHETIC): {n} in {c} communes.").format(
                n=addresses.loaded, c=addresses.communes
            )
        )
        loaded = (owners.imported + owners.updated, cameras.imported + cameras.updated, addresses.loaded)
        rejected = owners.rejected + cameras.rejected + addresses.rejected
        return dict(zip(OUTPUTS, (*loaded, rejected), strict=True))
