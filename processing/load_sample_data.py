"""camreq:loadsampledata: the SYNTHETIC Grenoble-area sample registry, loaded through the import code."""

from __future__ import annotations

from typing import Any

from qgis.core import QgsFeature, QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputNumber

from ..core.sample_data import load_sample_addresses, load_sample_registry
from ..db.registry import transaction
from .algorithm import CamreqAlgorithm
from .import_outputs import report

OUTPUTS = ("OWNERS", "CAMERAS", "ADDRESSES", "REJECTED")


class LoadSampleData(CamreqAlgorithm):
    """Load sample/owners.csv and sample/cameras.csv (synthetic data) into the registry."""

    group_name = "Registry"

    algorithm_id = "loadsampledata"
    label = "Load the sample registry and addresses (SYNTHETIC Grenoble data)"
    help_text = (
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
            (self.tr("Sample owners loaded"), self.tr("Sample cameras loaded"), self.tr("Sample addresses loaded"),
             self.tr("Sample rows rejected")),
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

        with transaction(self.connection_value(parameters, context)) as conn:
            owners, cameras = load_sample_registry(conn, feedback, reject)
            addresses = load_sample_addresses(
                conn, feedback, lambda row, _values, reason: reject(QgsFeature(row), reason)
            )
        report(feedback, self.tr("Sample owners (SYNTHETIC)"), owners)
        report(feedback, self.tr("Sample cameras (SYNTHETIC)"), cameras)
        feedback.pushInfo(self.tr("Sample addresses (SYNTHETIC): {n} in {c} communes.").format(
            n=addresses.loaded, c=addresses.communes))
        loaded = (owners.imported + owners.updated, cameras.imported + cameras.updated, addresses.loaded)
        rejected = owners.rejected + cameras.rejected + addresses.rejected
        return dict(zip(OUTPUTS, (*loaded, rejected), strict=True))
