"""The camreq Processing provider."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .cameras_near_incident import CamerasNearIncident
from .check_registry import CheckRegistry
from .create_requisitions import CreateRequisitions
from .due_requisitions import DueRequisitions
from .fetch_footage import FetchFootage
from .geocode_incidents import GeocodeIncidents
from .grant_user import GrantUser
from .import_addresses import ImportAddresses
from .import_cameras import ImportCameras
from .import_owners import ImportOwners
from .install_database import InstallDatabase
from .load_sample_data import LoadSampleData
from .select_cameras_near_incident import SelectCamerasNearIncident
from .send_requisitions import SendRequisitions
from .set_requisition_status import SetRequisitionStatus
from .statistics import Statistics
from .verify_requisition import VerifyRequisition

ICON = Path(__file__).resolve().parent.parent / "icons" / "camreq.svg"
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


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
            GrantUser(),
            ImportOwners(),
            ImportCameras(),
            ImportAddresses(),
            LoadSampleData(),
            GeocodeIncidents(),
            CamerasNearIncident(),
            SelectCamerasNearIncident(),
            CreateRequisitions(),
            SendRequisitions(),
            SetRequisitionStatus(),
            VerifyRequisition(),
            FetchFootage(),
            DueRequisitions(),
            Statistics(),
            CheckRegistry(),
        ):
            self.addAlgorithm(algorithm)
        for path in sorted(MODELS_DIR.glob("*.model3")):
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(str(path)):
                self.addAlgorithm(model)
            else:
                QgsMessageLog.logMessage(f"Cannot read the model {path.name}", "CamReq")
