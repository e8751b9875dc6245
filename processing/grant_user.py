"""camreq:grantuser: give an existing database login a CamReq role and a unit."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.database import GROUP_ROLES, MAX_NAME_BYTES, grant_user
from ..core.inputs import checked_text
from .algorithm import CamreqAlgorithm

MAX_UNIT_LENGTH = 200


class GrantUser(CamreqAlgorithm):
    """Grant a login the administrator, analyst or investigator role and record its unit."""

    algorithm_id = "grantuser"
    label = QT_TR_NOOP("Give a login a role and a unit")
    help_text = QT_TR_NOOP(
        "Gives an existing PostgreSQL login one CamReq role (administrator, analyst or investigator; any "
        "other CamReq role it had is taken back) and records its unit in this database. Investigators see "
        "and change only their unit's requisitions. The database enforces it, also for direct SQL. "
        "Administrators can give the analyst and investigator roles; naming an administrator needs a "
        "superuser or a login with CREATEROLE. Create the login itself first (CREATE ROLE name LOGIN)."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION, LOGIN, ROLE and UNIT, and the same three as outputs."""
        self.add_connection_parameter()
        self.addParameter(QgsProcessingParameterString("LOGIN", self.tr("Database login")))
        self.addParameter(
            QgsProcessingParameterEnum(
                "ROLE",
                self.tr("Role"),
                options=list(GROUP_ROLES),
                defaultValue="investigator",
                usesStaticStrings=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString("UNIT", self.tr("Unit (needed for investigators)"), optional=True)
        )
        for name, label in (("LOGIN", QT_TR_NOOP("Login")), ("ROLE", QT_TR_NOOP("Role")), ("UNIT", QT_TR_NOOP("Unit"))):
            self.addOutput(QgsProcessingOutputString(name, self.tr(label)))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Grant the role, record the unit and report it."""
        login = checked_text("LOGIN", self.parameterAsString(parameters, "LOGIN", context), MAX_NAME_BYTES)
        role = self.parameterAsEnumString(parameters, "ROLE", context)
        unit = checked_text("UNIT", self.parameterAsString(parameters, "UNIT", context), MAX_UNIT_LENGTH, False)
        grant_user(self.connection_value(parameters, context), login, role, unit)
        feedback.pushInfo(self.tr("{login} is now {role} ({unit}).").format(login=login, role=role, unit=unit or "-"))
        return {"LOGIN": login, "ROLE": role, "UNIT": unit}
