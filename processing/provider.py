"""The camreq Processing provider."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .create_requisitions import CreateRequisitions
from .due_requisitions import DueRequisitions
from .install_database import InstallDatabase
from .send_requisitions import SendRequisitions
from .set_requisition_status import SetRequisitionStatus

ICON = Path(__file__).resolve().parent.parent / "icons" / "camreq.svg"


class CamreqProvider(QgsProcessingProvider):
    """Provider id 'camreq': the public interface of every CamReq algorithm."""

    def id(self) -> str:
        """Return the provider id used in algorithm ids (camreq:…)."""
        return "camreq"

    def name(self) -> str:
        """Return the provider's display name."""
        return "CamReq"

    def icon(self) -> QIcon:
        """Return the provider icon."""
        return QIcon(str(ICON))

    def loadAlgorithms(self) -> None:  # noqa: N802
        """Register every CamReq algorithm."""
        for algorithm in (
            InstallDatabase(),
            CreateRequisitions(),
            SendRequisitions(),
            SetRequisitionStatus(),
            DueRequisitions(),
        ):
            self.addAlgorithm(algorithm)
