"""camreq:installdatabase: create or upgrade the CamReq schema."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.database import install_database
from ..errors import CamreqError
from .algorithm import CamreqAlgorithm


class InstallDatabase(CamreqAlgorithm):
    """Install the schema on an empty database, upgrade an older one, leave a current one alone."""

    algorithm_id = "installdatabase"
    label = QT_TR_NOOP("Install or upgrade the database")
    help_text = QT_TR_NOOP(
        "Creates the CamReq schema (and the PostGIS extension) on an empty database, upgrades an older "
        "CamReq database to this plugin's version, and does nothing on a current one. Each upgrade step "
        "is one transaction. The storage CRS is chosen at the first install and cannot change later."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION, CRS and the VERSION output."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterCrs("CRS", self.tr("Storage CRS (first install only)"), "EPSG:2154", optional=True)
        )
        self.addOutput(QgsProcessingOutputNumber("VERSION", self.tr("Schema version")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Apply the missing migrations and report what was done."""
        srid = storage_srid(self.parameterAsCrs(parameters, "CRS", context))
        done = install_database(self.connection_value(parameters, context), srid, feedback.pushInfo)
        if done.before == done.after:
            feedback.pushInfo(self.tr("The database is current (schema version {v}).").format(v=done.after))
        elif done.before == 0:
            feedback.pushInfo(
                self.tr("Installed CamReq schema version {v}, geometries in EPSG:{srid}.").format(
                    v=done.after, srid=done.srid
                )
            )
        else:
            feedback.pushInfo(
                self.tr("Upgraded the schema from version {a} to {b}.").format(a=done.before, b=done.after)
            )
        return {"VERSION": done.after}


def storage_srid(crs: QgsCoordinateReferenceSystem) -> int:
    """Return the PostGIS SRID of a projected CRS in metres, or raise naming the problem."""
    if not crs.isValid():
        raise CamreqError("CRS: the storage CRS is not valid.")
    if crs.isGeographic() or crs.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
        raise CamreqError(
            f"CRS: {crs.authid()} is not a projected CRS in metres; choose one such as EPSG:2154 (Lambert-93)."
        )
    if not crs.postgisSrid():
        raise CamreqError(f"CRS: {crs.authid()} has no PostGIS SRID.")
    return crs.postgisSrid()
