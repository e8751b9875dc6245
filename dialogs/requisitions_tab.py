"""The Requisitions tab: the ticked cameras and a short form → one requisition per owner, PDFs, e-mails."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.documents import Officer
from ..core.mailer import smtp_server
from ..core.map_extract import basemap_of
from ..core.requisitions import CameraRequest, RequisitionForm
from ..errors import CamreqError
from .fields import typed_text
from .tasks import CoreTask, RequisitionOutcome, RequisitionRequest, launch, run_requisitions


def default_pdf_folder() -> Path:
    """Return where the panel writes requisition PDFs: camreq/requisitions in the QGIS profile."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "camreq" / "requisitions"


class RequisitionsTab(QObject):
    """Drives the Requisitions tab of dock; emits requisitionsMade after a run so the follow-up refreshes."""

    requisitionsMade = pyqtSignal()  # noqa: N815

    def __init__(self, dock) -> None:
        """Connect the tab's widgets of dock (a CamreqDock)."""
        super().__init__(dock)
        self.dock = dock
        self.pdf_folder = default_pdf_folder()
        self.running: list[CoreTask] = []
        self.dock.createButton.clicked.connect(self.create_or_cancel)
        self.create_text = self.dock.createButton.text()

    def request(self) -> RequisitionRequest:
        """Return the requisitions to make; raise CamreqError naming the first thing missing."""
        settings = self.dock.settings
        ticked = self.dock.results.ticked_rows()
        if not ticked:
            raise CamreqError(self.tr("Tick at least one camera in the New search tab."))
        case_number = typed_text(self.dock.caseNumberEdit, self.dock.caseNumberLabel)
        if not case_number:
            raise CamreqError(self.tr("Give the case number (numéro de procédure)."))
        if not settings.connection:
            raise CamreqError(self.tr("No database chosen yet: open the CamReq settings."))
        officer = Officer(
            settings.officer_name, settings.officer_rank, settings.officer_unit, settings.officer_email,
            settings.officer_phone,
        )  # fmt: skip
        form = RequisitionForm(
            case_number=case_number,
            investigation=self.dock.investigationCombo.currentData(),
            authorisation_ref=(
                typed_text(self.dock.authorisationEdit, self.dock.authorisationLabel)
                if self.dock.authorisationEdit.isEnabled()
                else None
            ),
            officer=officer,
            answer_deadline=self.dock.answer_deadline(),  # None: the core's default, computed as it runs
            delivery=typed_text(self.dock.deliveryEdit, self.dock.deliveryLabel),
            unit_address=settings.unit_address,
            unit_city=settings.unit_city,
            basemap=basemap_of(settings.basemap, settings.basemap_attribution),
        )
        cameras = [
            CameraRequest(
                row["camera_id"], row["window_start"], row["window_end"], row["purge_at"], row["incident_id"],
                row["search_id"],
            )
            for row in ticked
        ]  # fmt: skip
        server = smtp_server(
            settings.smtp_host, settings.smtp_port, settings.smtp_security, settings.smtp_from, settings.smtp_authcfg
        )
        return RequisitionRequest(settings.connection, cameras, form, self.pdf_folder, server)

    def create_or_cancel(self) -> None:
        """Start making and sending the requisitions, or cancel the run under way."""
        if self.running:
            self.running[0].cancel()
            return
        try:
            request = self.request()
        except CamreqError as error:
            self._show_failure(str(error), Qgis.MessageLevel.Warning)
            return
        self.dock.sendReport.setPlainText(self.tr("Making the requisitions and their PDFs, then sending them…"))
        self.dock.sendProgress.setValue(0)
        self.dock.sendProgress.show()
        self.dock.createButton.setText(self.tr("Cancel"))
        task = launch(
            self.running,
            self.tr("CamReq requisitions"),
            lambda task: run_requisitions(request, task),
            self._done,
            self._failed,
        )
        task.progressChanged.connect(lambda value: self.dock.sendProgress.setValue(int(value)))

    def _done(self, outcome: RequisitionOutcome) -> None:
        """Say what was sent, to whom, and what was not."""
        self._idle()
        lines = [self._line(row) for row in outcome.made] + outcome.notices
        if not outcome.made:
            lines.append(self.tr("Nothing left to request: no requisition was made."))
        unsent = sum(1 for row in outcome.made if row.status != "sent")
        if unsent:
            lines.append(
                self.tr(
                    "{n} requisition(s) not sent: they are issued and wait in the outbox; send them again from "
                    "the Follow-up tab once the problem is solved."
                ).format(n=unsent)
            )
        self.dock.sendReport.setPlainText("\n".join(lines))
        summary = self.tr("{sent} of {total} requisitions sent.").format(
            sent=len(outcome.made) - unsent, total=len(outcome.made)
        )
        level = Qgis.MessageLevel.Warning if unsent else Qgis.MessageLevel.Success
        self.dock.message_bar.pushMessage("CamReq", summary, level, 10)
        self.requisitionsMade.emit()

    def _line(self, row) -> str:
        """Return one line of the report: number, owner, address and what happened."""
        if row.status == "sent":
            return self.tr("{n} sent to {owner} <{email}>").format(
                n=row.number, owner=row.owner_name, email=row.owner_email
            )
        if not row.owner_email:
            return self.tr("{n} NOT sent: {owner} has no e-mail address; deliver the PDF by hand ({path})").format(
                n=row.number, owner=row.owner_name, path=row.pdf_path
            )
        return self.tr("{n} NOT sent to {owner} <{email}>: {answer}").format(
            n=row.number, owner=row.owner_name, email=row.owner_email,
            answer=row.last_answer or self.tr("not attempted"),
        )  # fmt: skip

    def _failed(self, message: str) -> None:
        """Report a run that made nothing (or was cancelled)."""
        self._idle()
        self._show_failure(message, Qgis.MessageLevel.Critical)
        self.requisitionsMade.emit()  # a run cancelled while sending leaves issued requisitions to follow

    def _show_failure(self, message: str, level: Qgis.MessageLevel) -> None:
        """Show a problem in the tab's report and on the message bar."""
        self.dock.sendReport.setPlainText(message)
        self.dock.message_bar.pushMessage("CamReq", message, level, 10)

    def _idle(self) -> None:
        """Put the button back after a run."""
        self.dock.sendProgress.hide()
        self.dock.createButton.setText(self.create_text)
