"""camreq:verifyrequisition: is a requisition PDF's signature intact, who signed it and when, is it trusted, and is
it the file CamReq recorded for its number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterProviderConnection,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.times import display
from ..core.verification import read_roots, verify_pdf
from ..errors import CamreqError
from .algorithm import CONNECTION, CamreqAlgorithm


class VerifyRequisition(CamreqAlgorithm):
    """Check a signed requisition PDF, as an owner, a court or the officer would."""

    group_name = QT_TR_NOOP("Requisitions")

    algorithm_id = "verifyrequisition"
    label = QT_TR_NOOP("Verify a signed requisition")
    help_text = QT_TR_NOOP(
        "Checks a requisition PDF (INPUT): whether its electronic signature is intact (a file changed by one byte, "
        "re-saved or cut short fails), who signed it and when (the timestamp server's time when it has one), and "
        "whether the signer's certificate chains to a root of TRUST_ROOTS (a PEM bundle; empty: the system's "
        "store). With CONNECTION, it also says whether the file is the very one CamReq recorded when requisition "
        "number (read from the PDF's title) was issued, by its SHA-256. VALID is true when all of these hold."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare INPUT, CONNECTION (optional), TRUST_ROOTS and the outputs."""
        self.addParameter(QgsProcessingParameterFile("INPUT", self.tr("Requisition PDF"), extension="pdf"))
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                CONNECTION,
                self.tr("Database to compare with (optional: QGIS PostgreSQL connection or connection string)"),
                "postgres",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "TRUST_ROOTS", self.tr("Trusted root certificates (PEM bundle)"), extension="pem", optional=True
            )
        )
        for name, label in (
            ("VALID", self.tr("Valid: intact, trusted and (with CONNECTION) the recorded file")),
            ("INTACT", self.tr("Signature intact")),
            ("TRUSTED", self.tr("Signer trusted")),
            ("TIMESTAMPED", self.tr("Signing time certified by a timestamp server")),
        ):
            self.addOutput(QgsProcessingOutputBoolean(name, label))
        for name, label in (
            ("SIGNER", self.tr("Signer")),
            ("SIGNED_AT", self.tr("Signing time (Paris)")),
            ("NUMBER", self.tr("Requisition number")),
            ("RECORDED", self.tr("Recorded by CamReq (yes, no, not checked)")),
            ("SHA256", self.tr("SHA-256 of the file")),
            ("PROBLEMS", self.tr("Problems found")),
        ):
            self.addOutput(QgsProcessingOutputString(name, label))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Read the PDF, check it, report every finding."""
        path = self.parameterAsFile(parameters, "INPUT", context)
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CamreqError(
                self.tr("{path} cannot be read: {reason}").format(path=path, reason=error.strerror), "INPUT"
            ) from None
        roots_path = self.parameterAsFile(parameters, "TRUST_ROOTS", context)
        connection = self.parameterAsConnectionName(parameters, CONNECTION, context) or ""
        found = verify_pdf(data, read_roots(roots_path) if roots_path else [], connection)
        recorded = {True: self.tr("yes"), False: self.tr("no"), None: self.tr("not checked")}[found.recorded]
        feedback.pushInfo(self.tr("SHA-256: {sha}").format(sha=found.sha256))
        feedback.pushInfo(self.tr("Requisition number: {n}").format(n=found.number or self.tr("none found")))
        if found.signed:
            feedback.pushInfo(self.tr("Signed by {signer} on {time}{stamp}").format(
                signer=found.signer, time=display(found.signed_at),
                stamp=self.tr(" (timestamp server's time)") if found.timestamped else "",
            ))  # fmt: skip
        feedback.pushInfo(self.tr("Recorded by CamReq: {recorded}").format(recorded=recorded))
        for problem in found.problems:
            feedback.reportError(problem)
        if found.valid():
            feedback.pushInfo(self.tr("The requisition is valid."))
        else:
            feedback.reportError(self.tr("The requisition is NOT valid."))
        return {
            "VALID": found.valid(), "INTACT": found.intact, "TRUSTED": found.trusted, "TIMESTAMPED": found.timestamped,
            "SIGNER": found.signer, "SIGNED_AT": display(found.signed_at), "NUMBER": found.number,
            "RECORDED": recorded, "SHA256": found.sha256, "PROBLEMS": "\n".join(found.problems),
        }  # fmt: skip
