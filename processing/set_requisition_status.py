"""camreq:setrequisitionstatus: record an answer or a cancellation; the history keeps every change."""

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

from ..core.requisitions import change_status, issue_draft
from ..core.vocabulary import NoFootageReason, RequisitionStatus
from ..settings import Settings
from .algorithm import CamreqAlgorithm

STATUSES = [status.value for status in RequisitionStatus if status is not RequisitionStatus.DRAFT]  # set, not made


class SetRequisitionStatus(CamreqAlgorithm):
    """Move one requisition along its workflow, refusing changes the transitions table does not allow."""

    group_name = QT_TR_NOOP("Requisitions")

    algorithm_id = "setrequisitionstatus"
    label = QT_TR_NOOP("Set requisition status")
    help_text = QT_TR_NOOP(
        "Records what happened to a requisition: issued → sent → acknowledged → footage_delivered, no_footage "
        "or refused (an owner's answer also counts as acknowledging), or cancelled from any open status. "
        "NUMBER is the requisition number (2026-000123), or a draft's id: setting a draft to 'issued' numbers "
        "it, queues its e-mail and stores its issued PDF in the database (with UNIT_ADDRESS, UNIT_CITY and "
        "BASEMAP), signed with the officer's certificate (SIGNING_AUTHCFG, or the PKCS11_ smartcard "
        "parameters). An issued requisition served another way (in person, fax, registered letter) is set to "
        "'sent' with a NOTE saying how: its e-mail is then never sent. Other changes are refused with the "
        "allowed ones. With STATUS=no_footage, NO_FOOTAGE_REASON says why (overwritten, camera_down, not_recording, "
        "not_in_view), counted by camreq:statistics. Each change is kept in the history with who, when and NOTE; "
        "history rows are never changed."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare NUMBER, STATUS and NOTE."""
        self.add_connection_parameter()
        self.addParameter(QgsProcessingParameterString("NUMBER", self.tr("Requisition number (or draft id)")))
        status = QgsProcessingParameterEnum("STATUS", self.tr("New status"), STATUSES)
        status.setUsesStaticStrings(True)
        self.addParameter(status)
        self.addParameter(QgsProcessingParameterString("NOTE", self.tr("Note"), optional=True, multiLine=True))
        reason = QgsProcessingParameterEnum(
            "NO_FOOTAGE_REASON",
            self.tr("Why there is no footage (STATUS=no_footage)"),
            NoFootageReason.values(),
            optional=True,
        )
        reason.setUsesStaticStrings(True)
        self.addParameter(reason)
        settings = Settings.load()
        self.add_document_parameters(settings)
        self.add_signing_parameters(settings)
        self.addOutput(QgsProcessingOutputString("NUMBER", self.tr("Requisition number")))
        self.addOutput(QgsProcessingOutputString("PREVIOUS_STATUS", self.tr("Previous status")))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("Status")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Change the status (issuing a draft renders its PDF again) and report it."""
        connection = self.connection_value(parameters, context)
        reference = self.parameterAsString(parameters, "NUMBER", context)
        status = self.parameterAsEnumString(parameters, "STATUS", context)
        note = self.parameterAsString(parameters, "NOTE", context) or None
        if status == RequisitionStatus.ISSUED:
            documents = self.document_values(parameters, context)
            issued = issue_draft(
                connection, reference, documents["unit_address"], documents["unit_city"], note, documents["basemap"],
                self.signing_value(parameters, context),
            )  # fmt: skip
            number, previous = issued.number, "draft"
            feedback.pushInfo(self.tr("Issued {n}; its PDF is kept in the database").format(n=number))
        else:
            reason = self.parameterAsEnumString(parameters, "NO_FOOTAGE_REASON", context) or None
            number, previous = change_status(connection, reference, status, note, reason)
        feedback.pushInfo(self.tr("{n}: {a} → {b}").format(n=number, a=previous, b=status))
        return {"NUMBER": number, "PREVIOUS_STATUS": previous, "STATUS": status}
