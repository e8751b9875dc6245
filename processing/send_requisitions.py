"""camreq:sendrequisitions: e-mail issued requisitions to their owners through the outbox."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.mailer import smtp_server
from ..core.outbox import send_outbox
from ..core.vocabulary import SmtpSecurity
from ..settings import Settings
from .algorithm import CamreqAlgorithm


class SendRequisitions(CamreqAlgorithm):
    """Send every issued, unsent requisition once, recording each attempt and the server's answer."""

    group_name = QT_TR_NOOP("Requisitions")

    algorithm_id = "sendrequisitions"
    label = QT_TR_NOOP("Send requisitions by e-mail")
    help_text = QT_TR_NOOP(
        "Sends each issued requisition's PDF to its owner's e-mail. A requisition becomes 'sent' only once the "
        "server accepted it; a server that is down or answers 4xx leaves it pending for the next run; a 5xx "
        "answer marks it failed with the server's words. Every attempt is recorded, and a retry never sends a "
        "requisition twice (one Message-ID per requisition). Owners without e-mail are listed. Credentials come "
        "only from a QGIS authentication configuration (SMTP_AUTHCFG, Basic: username and password); a refused "
        "login leaves everything pending. With starttls or ssl the server's certificate is always verified "
        "against the system's trust store (SSL_CERT_FILE overrides it). SENT and FAILED count this run; "
        "PENDING counts what still waits in the outbox."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare the SMTP parameters and the three counts."""
        settings = Settings.load()
        self.add_connection_parameter()
        self.addParameter(QgsProcessingParameterString("SMTP_HOST", self.tr("SMTP server"), settings.smtp_host))
        self.addParameter(
            QgsProcessingParameterNumber(
                "SMTP_PORT", self.tr("SMTP port"), QgsProcessingParameterNumber.Type.Integer,
                settings.smtp_port, minValue=1, maxValue=65535,
            )
        )  # fmt: skip
        security = QgsProcessingParameterEnum(
            "SMTP_SECURITY", self.tr("Security"), SmtpSecurity.values(), defaultValue=settings.smtp_security
        )
        security.setUsesStaticStrings(True)
        self.addParameter(security)
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                "SMTP_AUTHCFG", self.tr("Credentials (QGIS authentication configuration)"), settings.smtp_authcfg,
                optional=True,
            )
        )  # fmt: skip
        self.addParameter(QgsProcessingParameterString("FROM", self.tr("Sender address"), settings.smtp_from))
        for output, label in (
            ("SENT", QT_TR_NOOP("Sent")),
            ("PENDING", QT_TR_NOOP("Still pending")),
            ("FAILED", QT_TR_NOOP("Failed")),
        ):
            self.addOutput(QgsProcessingOutputNumber(output, self.tr(label)))
        self.addOutput(QgsProcessingOutputNumber("NO_EMAIL", self.tr("Waiting: owner has no e-mail")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Send the outbox and report the counts."""
        server = smtp_server(
            self.parameterAsString(parameters, "SMTP_HOST", context),
            self.parameterAsInt(parameters, "SMTP_PORT", context),
            self.parameterAsEnumString(parameters, "SMTP_SECURITY", context),
            self.parameterAsString(parameters, "FROM", context),
            self.parameterAsString(parameters, "SMTP_AUTHCFG", context),
        )
        report = send_outbox(self.connection_value(parameters, context), server, feedback)
        for lacking in report.without_email:
            feedback.reportError(
                self.tr("{n}: {owner} has no e-mail: add one in the owners directory, or deliver by hand.").format(
                    n=lacking.number, owner=lacking.owner_name
                )
            )
        for number in report.interrupted:
            feedback.reportError(
                self.tr("{n}: a previous run stopped while sending; check the mail server's log before "
                        "marking it sent (it is never re-sent automatically).").format(n=number)
            )  # fmt: skip
        feedback.pushInfo(
            self.tr("Sent {s}, failed {f}, still pending {p}, owners without e-mail {e}.").format(
                s=report.sent, f=report.failed, p=report.pending, e=len(report.without_email)
            )
        )
        return {"SENT": report.sent, "PENDING": report.pending, "FAILED": report.failed,
                "NO_EMAIL": len(report.without_email)}  # fmt: skip
