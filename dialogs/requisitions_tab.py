"""The Requisitions tab: the ticked cameras and a short form → one requisition per owner, PDFs, e-mails."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsMessageBar
from qgis.PyQt import uic
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ..core.documents import Officer
from ..core.map_extract import basemap_of
from ..core.requisitions import DEFAULT_DELIVERY, CameraRequest, RequisitionForm, RequisitionPlan, plan_requisitions
from ..core.search import SearchResult
from ..core.times import display, from_qdatetime
from ..core.vocabulary import Investigation
from ..errors import CamreqError
from ..settings import Settings
from .fields import accept_any_length, date_time_edits, typed_text
from .tasks import CoreTask, RequisitionOutcome, RequisitionRequest, launch, mail_server, run_requisitions

FORM: type = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))[0]  # typed: mypy then accepts it as a base class


def default_pdf_folder() -> Path:
    """Return where the panel writes requisition PDFs: camreq/requisitions in the QGIS profile."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "camreq" / "requisitions"


class RequisitionsTab(QWidget, FORM):
    """The Requisitions tab over the cameras set_cameras() gives; emits requisitionsMade after a run."""

    requisitionsMade = pyqtSignal()  # noqa: N815

    def __init__(self, message_bar: QgsMessageBar, settings: Settings, parent: QWidget | None = None) -> None:
        """Build the tab with no camera chosen yet."""
        super().__init__(parent)
        self.setupUi(self)
        self.message_bar = message_bar
        self.pdf_folder = default_pdf_folder()
        self.cameras = SearchResult(0, 0)
        self.running: list[CoreTask] = []
        self.create_text = self.createButton.text()
        for investigation in Investigation:
            self.investigationCombo.addItem(investigation.choice, investigation.value)
        date_time_edits(self.answerDeadlineEdit)
        self.answerDeadlineEdit.setAllowNull(True)  # empty: the core's default, computed when the investigator acts
        self.answerDeadlineEdit.setNullRepresentation(self.tr("48 h, or the purge if sooner"))
        self.answerDeadlineEdit.clear()
        self.deliveryEdit.setText(DEFAULT_DELIVERY)  # printed in the French PDF: French whatever the UI language
        self.sendProgress.hide()
        accept_any_length(self.caseNumberEdit, self.authorisationEdit, self.deliveryEdit)
        self.deliveryEdit.setCursorPosition(0)  # show the start of the text, not its end
        self.createButton.clicked.connect(self.create_or_cancel)
        self.investigationCombo.currentIndexChanged.connect(self._show_investigation_fields)
        self._show_investigation_fields()
        self.apply_settings(settings)

    def apply_settings(self, settings: Settings) -> None:
        """Show the officer who signs and use the database and mail server of settings from now on."""
        self.settings = settings
        officer = ", ".join(
            part for part in (settings.officer_rank, settings.officer_name, settings.officer_unit) if part
        )
        self.officerLabel.setText(officer or self.tr("Not set: fill in the officer in the settings."))

    def set_cameras(self, cameras: SearchResult) -> None:
        """Make the requisitions for the hits of cameras (those ticked in a search) and say how many owners."""
        self.cameras = cameras
        owners = len({hit.owner_name for hit in cameras.hits})
        self.createButton.setEnabled(bool(cameras.hits) or bool(self.running))
        self.selectionLabel.setText(
            self.tr("{cameras} cameras ticked, {owners} owners: one requisition per owner.").format(
                cameras=len(cameras.hits), owners=owners
            )
        )

    def _show_investigation_fields(self, *_args) -> None:
        """Ask for the authorisation reference only where the investigation type needs one."""
        needed = Investigation(self.investigationCombo.currentData()).requires_authorisation
        self.authorisationEdit.setEnabled(needed)
        self.authorisationLabel.setEnabled(needed)

    def answer_deadline(self) -> datetime | None:
        """Return the answer deadline the investigator chose, or None for the core's default (48 h or the purge)."""
        if self.answerDeadlineEdit.isNull():
            return None
        return from_qdatetime(self.answerDeadlineEdit.dateTime())

    def request(self) -> RequisitionRequest:
        """Return the requisitions to make; raise CamreqError naming the first thing missing."""
        settings = self.settings
        if not self.cameras.hits:
            raise CamreqError(self.tr("Tick at least one camera in the New search tab."))
        case_number = typed_text(self.caseNumberEdit, self.caseNumberLabel)
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
            investigation=self.investigationCombo.currentData(),
            authorisation_ref=(
                typed_text(self.authorisationEdit, self.authorisationLabel)
                if self.authorisationEdit.isEnabled()
                else None
            ),
            officer=officer,
            answer_deadline=self.answer_deadline(),  # None: the core's default, computed as it runs
            delivery=typed_text(self.deliveryEdit, self.deliveryLabel),
            unit_address=settings.unit_address,
            unit_city=settings.unit_city,
            basemap=basemap_of(settings.basemap, settings.basemap_attribution),
        )
        cameras = [
            CameraRequest(
                hit.camera_id, hit.window_start, hit.window_end, hit.purge_at, hit.incident_id, self.cameras.search_id
            )
            for hit in self.cameras.hits
        ]
        return RequisitionRequest(
            settings.connection, cameras, form, self.pdf_folder, mail_server(settings), settings.signing_source()
        )

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
        self.sendReport.setPlainText(self.tr("Checking what will be requested…"))
        self.createButton.setText(self.tr("Cancel"))
        launch(
            self.running,
            self.tr("CamReq requisitions to make"),
            lambda task: plan_requisitions(request.connection, request.cameras, request.form),
            partial(self._planned, request),
            self._failed,
        )

    def _planned(self, request: RequisitionRequest, plan: RequisitionPlan) -> None:
        """Show what will be sent and send it once the investigator agrees; send nothing when nothing is left."""
        if not plan.requisitions:
            self._idle()
            message = self.tr("Nothing left to request: no requisition was made.")
            self.sendReport.setPlainText("\n".join([message, *plan.notices()]))
            self.message_bar.pushMessage("CamReq", message, Qgis.MessageLevel.Info, 10)
            return
        confirmed = self.confirm(plan)
        pin = self.ask_pin() if confirmed and self.settings.asks_for_pin else ""
        if not confirmed or pin is None:
            self._idle()
            self.sendReport.setPlainText(self.tr("Nothing sent."))
            return
        self._send(replace(request, signing=self.settings.signing_source(pin)))

    def ask_pin(self) -> str | None:
        """Return the smartcard PIN typed for this run (kept nowhere), None when the investigator cancels."""
        pin, ok = QInputDialog.getText(
            self, self.tr("Smartcard PIN"), self.tr("PIN of the card that signs the requisitions:"),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        return pin if ok and pin else None

    def confirm(self, plan: RequisitionPlan) -> bool:
        """Ask once, showing per owner the recipient, cameras and answer deadline, and the cameras left out."""
        refs = {hit.camera_id: hit.camera_ref or str(hit.camera_id) for hit in self.cameras.hits}
        lines = []
        for owner in plan.requisitions:
            recipient = owner.owner_email or self.tr("no e-mail: to serve by hand")
            cameras = ", ".join(sorted({refs[camera.camera_id] for camera in owner.cameras}))
            line = self.tr("{owner} ({recipient}): {n} camera(s) {refs}; answer by {deadline}").format(
                owner=owner.owner_name, recipient=recipient, n=len(owner.cameras), refs=cameras,
                deadline=display(owner.answer_deadline),
            )  # fmt: skip
            lines.append(line)
        lines += [
            self.tr("Left out, already requested: {ref} (requisition {number})").format(
                ref=camera.camera_ref, number=camera.requisition
            )
            for camera in plan.skipped
        ]
        owners = len({owner.owner_id for owner in plan.requisitions})
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Send the requisitions?"),
            self.tr("{n} requisitions to {owners} owners will be issued and sent.").format(
                n=len(plan.requisitions), owners=owners
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText("\n".join(lines))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _send(self, request: RequisitionRequest) -> None:
        """Make the requisitions and their PDFs, then send them, in a task."""
        self.sendReport.setPlainText(self.tr("Making the requisitions and their PDFs, then sending them…"))
        self.sendProgress.setValue(0)
        self.sendProgress.show()
        self.createButton.setText(self.tr("Cancel"))
        task = launch(
            self.running,
            self.tr("CamReq requisitions"),
            lambda task: run_requisitions(request, task),
            self._done,
            self._failed,
        )
        task.progressChanged.connect(lambda value: self.sendProgress.setValue(int(value)))

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
        self.sendReport.setPlainText("\n".join(lines))
        summary = self.tr("{sent} of {total} requisitions sent.").format(
            sent=len(outcome.made) - unsent, total=len(outcome.made)
        )
        level = Qgis.MessageLevel.Warning if unsent else Qgis.MessageLevel.Success
        self.message_bar.pushMessage("CamReq", summary, level, 10)
        self.requisitionsMade.emit()

    def _line(self, row) -> str:
        """Return one line of the report: number, owner, address and what happened."""
        if row.status == "sent":
            return self.tr("{n} sent to {owner} <{email}>").format(
                n=row.number, owner=row.owner_name, email=row.owner_email
            )
        if not row.owner_email:
            return self.tr("{n} NOT sent: {owner} has no e-mail address; deliver the PDF by hand ({path})").format(
                n=row.number, owner=row.owner_name, path=self.pdf_folder
            )
        return self.tr("{n} NOT sent to {owner} <{email}>: {answer}").format(
            n=row.number, owner=row.owner_name, email=row.owner_email,
            answer=row.last_answer or self.tr("not tried, the sending stopped at the first failure"),
        )  # fmt: skip

    def _failed(self, message: str) -> None:
        """Report a run that made nothing (or was cancelled)."""
        self._idle()
        self._show_failure(message, Qgis.MessageLevel.Critical)
        self.requisitionsMade.emit()  # a run cancelled while sending leaves issued requisitions to follow

    def _show_failure(self, message: str, level: Qgis.MessageLevel) -> None:
        """Show a problem in the tab's report and on the message bar."""
        self.sendReport.setPlainText(message)
        self.message_bar.pushMessage("CamReq", message, level, 10)

    def _idle(self) -> None:
        """Put the button back after a run."""
        self.sendProgress.hide()
        self.createButton.setText(self.create_text)
