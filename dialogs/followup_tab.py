"""The Follow-up tab: the unit's requisitions by urgency, their history, open the PDF, send again, record answers."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis
from qgis.gui import QgsMessageBar
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import QFileDialog, QHeaderView, QWidget

from ..core.followup import FollowupRow, deposits, list_requisitions, open_document, resend, status_history
from ..core.footage import fetch_footage
from ..core.requisitions import change_status
from ..core.times import display, display_short
from ..core.vocabulary import PAST_COLOUR, URGENT_COLOUR, RequisitionStatus
from ..errors import CamreqError
from ..settings import Settings
from .fields import accept_any_length, typed_text
from .records_model import RecordsModel
from .tasks import CoreTask, launch, mail_server

FORM: type = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))[0]  # typed: mypy then accepts it as a base class
SHARED_COLUMNS = (1, 2)  # owner and status share the width left, their text elided (the tooltip has it whole)
ANSWERS = [  # what the investigator may record; sent: served another way (in person, fax, registered letter)
    status for status in RequisitionStatus
    if status.is_answer or status in (RequisitionStatus.SENT, RequisitionStatus.CANCELLED)
]  # fmt: skip


def unopened_soon(row: FollowupRow) -> bool:
    """Return whether the purge nears (URGENCY) and the owner never opened the portal link: chase them now."""
    return row.due_soon and row.link_unopened


def row_style(row: FollowupRow) -> tuple[QBrush | None, bool]:
    """Return red bold for an open requisition whose footage is purged soon (URGENCY), grey for a closed one."""
    if row.due_soon:
        return QBrush(QColor(URGENT_COLOUR)), True
    return (None if row.is_open else QBrush(QColor(PAST_COLOUR))), False


class FollowupTab(QWidget, FORM):
    """The Follow-up tab; every database call runs in a task."""

    def __init__(self, message_bar: QgsMessageBar, settings: Settings, parent: QWidget | None = None) -> None:
        """Build the tab, fill the filters and connect its widgets; refresh() loads the list."""
        super().__init__(parent)
        self.setupUi(self)
        self.message_bar, self.settings = message_bar, settings
        self.running: list[CoreTask] = []
        self.labels = {status.value: status.label for status in RequisitionStatus}
        self.statusFilterCombo.addItem(self.tr("All statuses"), "")
        for status in RequisitionStatus:
            self.statusFilterCombo.addItem(status.label, status.value)
        for status in ANSWERS:
            self.answerStatusCombo.addItem(status.label, status.value)
        self.model = RecordsModel(
            (
                (
                    self.tr("Number"),
                    lambda row: row.number or self.tr("draft {id}").format(id=row.id),
                    lambda row: self.tr("Case {case}").format(case=row.case_number),
                ),
                (
                    self.tr("Owner"),
                    lambda row: row.owner_name,
                    lambda row: f"{row.owner_name} <{row.owner_email}>" if row.owner_email else row.owner_name,
                ),
                (
                    self.tr("Status"),
                    lambda row: ("⚠ " if unopened_soon(row) else "") + self.labels.get(row.status, row.status),
                    self._link_tooltip,
                ),
                (
                    self.tr("Purge"),
                    lambda row: display_short(row.purge_deadline),
                    lambda row: display(row.purge_deadline),
                ),
                (
                    self.tr("Answer by"),
                    lambda row: display_short(row.answer_deadline),
                    lambda row: display(row.answer_deadline),
                ),
            ),
            row_style,
            self,
        )
        self.history = RecordsModel(
            (
                (self.tr("When"), lambda change: display(change.changed_at)),
                (self.tr("Who"), lambda change: change.changed_by),
                (self.tr("Status"), lambda change: self.labels.get(change.to_status, change.to_status)),
                (self.tr("Note"), lambda change: change.note or ""),
            ),
            parent=self,
        )
        self.deposits = RecordsModel(
            (
                (self.tr("Camera"), lambda deposit: deposit.camera_ref or ""),
                (self.tr("File"), lambda deposit: deposit.file_name),
                (self.tr("Size"), lambda deposit: str(deposit.size)),
                (self.tr("SHA-256"), lambda deposit: deposit.sha256),
            ),
            parent=self,
        )
        views = (
            (self.requisitionsView, self.model),
            (self.historyView, self.history),
            (self.depositsView, self.deposits),
        )
        for view, model in views:
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        self.requisitionsView.horizontalHeader().setStretchLastSection(False)
        for column in SHARED_COLUMNS:
            self.requisitionsView.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.requisitionsView.selectionModel().currentRowChanged.connect(self._row_changed)
        self.refreshButton.clicked.connect(self.refresh)
        self.statusFilterCombo.currentIndexChanged.connect(self.refresh)
        self.caseFilterEdit.returnPressed.connect(self.refresh)
        self.openPdfButton.clicked.connect(self.open_pdf)
        self.resendButton.clicked.connect(self.send_again)
        self.downloadButton.clicked.connect(self.download)
        self.recordAnswerButton.clicked.connect(self.record_answer)
        accept_any_length(self.caseFilterEdit, self.answerNoteEdit)
        self._row_changed()

    def apply_settings(self, settings: Settings) -> None:
        """Follow the requisitions of the database and unit of settings from now on."""
        self.settings = settings

    def selected(self) -> FollowupRow | None:
        """Return the requisition of the current row, if any."""
        index = self.requisitionsView.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def refresh(self, *_args) -> None:
        """Reload the list with the filters (the unit of the settings; the database shows only what it allows)."""
        settings = self.settings
        if not settings.connection:
            self.message_bar.pushMessage(
                "CamReq", self.tr("No database chosen yet: open the CamReq settings."), Qgis.MessageLevel.Warning, 10
            )
            return
        try:
            status, case = self.statusFilterCombo.currentData(), typed_text(self.caseFilterEdit)
        except CamreqError as error:
            self._failed(str(error))
            return
        keep = row.id if (row := self.selected()) else None
        launch(
            self.running, self.tr("CamReq follow-up"),
            lambda task: list_requisitions(settings.connection, settings.officer_unit, status, case),
            lambda rows: self._show(rows, keep), self._failed,
        )  # fmt: skip

    def _show(self, rows: list[FollowupRow], keep: int | None) -> None:
        """Show the requisitions, keeping the current one selected where it is still listed."""
        self.model.set_records(rows)
        for position, row in enumerate(rows):
            if row.id == keep:
                self.requisitionsView.setCurrentIndex(self.model.index(position, 0))
        self._row_changed()

    def _row_changed(self, *_args) -> None:
        """Enable the actions that fit the selected requisition and load its history."""
        row = self.selected()
        self.openPdfButton.setEnabled(bool(row and row.has_pdf))
        self.resendButton.setEnabled(bool(row and row.status == RequisitionStatus.ISSUED and row.owner_email))
        self.recordAnswerButton.setEnabled(bool(row and row.is_open and row.number))
        self.downloadButton.setEnabled(False)
        self.history.set_records([])
        self.deposits.set_records([])
        if row is not None:
            connection = self.settings.connection
            launch(
                self.running, self.tr("CamReq history"), lambda task: status_history(connection, row.id),
                self.history.set_records, self._failed,
            )  # fmt: skip
            launch(
                self.running, self.tr("CamReq deposits"), lambda task: deposits(connection, row.id),
                self._show_deposits, self._failed,
            )  # fmt: skip

    def _link_tooltip(self, row: FollowupRow) -> str:
        """Return the status with when the owner first opened the portal link (the proof it reached them)."""
        status = self.labels.get(row.status, row.status)
        if row.link_opened_at is not None:
            return self.tr("{status}; portal link first opened {when}").format(
                status=status, when=display(row.link_opened_at)
            )
        if row.link_unopened:
            return self.tr("{status}; the owner has not opened the portal link yet").format(status=status)
        return status

    def _show_deposits(self, rows: list) -> None:
        """List the selected requisition's deposits; Download fetches them."""
        self.deposits.set_records(rows)
        self.downloadButton.setEnabled(any(not deposit.deleted_at for deposit in rows))

    def download(self) -> None:
        """Fetch the selected requisition's deposits into a chosen folder, hashes checked, with a reception report."""
        row, connection = self.selected(), self.settings.connection
        if row is None or (number := row.number) is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the footage"))
        if not folder:
            return
        launch(
            self.running, self.tr("CamReq footage"),
            lambda task: fetch_footage(connection, number, Path(folder), task.feedback),
            self._downloaded, self._failed,
        )  # fmt: skip

    def _downloaded(self, result: tuple) -> None:
        """Say how many files were fetched and checked, and where the reception report is."""
        files, report = result
        self.message_bar.pushMessage(
            "CamReq",
            self.tr("{n} files fetched, SHA-256 checked; reception report: {report}").format(
                n=len(files), report=report
            ),
            Qgis.MessageLevel.Success, 10,
        )  # fmt: skip

    def open_pdf(self) -> None:
        """Open the selected requisition's PDF, as stored in the database, with the desktop's PDF reader."""
        row, connection = self.selected(), self.settings.connection
        if row is None:
            return
        launch(
            self.running, self.tr("CamReq PDF"), lambda task: open_document(connection, row.id),
            self._open_file, self._failed,
        )  # fmt: skip

    def _open_file(self, path: Path) -> None:
        """Show a PDF written by open_document."""
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._failed(self.tr("The PDF cannot be opened: {path}").format(path=path))

    def send_again(self) -> None:
        """Send the selected issued requisition again (with whatever else waits in the outbox)."""
        row, settings = self.selected(), self.settings
        if row is None or (number := row.number) is None:  # the button is enabled for an issued requisition only
            return
        try:
            server = mail_server(settings)
        except CamreqError as error:
            self._failed(str(error))
            return
        launch(
            self.running, self.tr("CamReq sending"),
            lambda task: resend(settings.connection, number, server, task.feedback),
            self._sent, self._failed,
        )  # fmt: skip

    def _sent(self, report) -> None:
        """Say what the sending did, then reload."""
        level = Qgis.MessageLevel.Success if report.pending == 0 and report.failed == 0 else Qgis.MessageLevel.Warning
        self.message_bar.pushMessage(
            "CamReq",
            self.tr("Sent {s}, failed {f}, still waiting {p}.").format(
                s=report.sent, f=report.failed, p=report.pending
            ),
            level, 10,
        )  # fmt: skip
        self.refresh()

    def record_answer(self) -> None:
        """Record the owner's answer (or a cancellation) with its note; the history shows it."""
        row, connection = self.selected(), self.settings.connection
        if row is None or (number := row.number) is None:  # the button is enabled for a numbered requisition only
            return
        try:
            status, note = self.answerStatusCombo.currentData(), typed_text(self.answerNoteEdit) or None
        except CamreqError as error:
            self._failed(str(error))
            return
        launch(
            self.running, self.tr("CamReq answer"),
            lambda task: change_status(connection, number, status, note),
            self._recorded, self._failed,
        )  # fmt: skip

    def _recorded(self, change: tuple[str, str]) -> None:
        """Confirm the change and reload."""
        self.answerNoteEdit.clear()
        self.message_bar.pushMessage(
            "CamReq", self.tr("Requisition {n} recorded.").format(n=change[0]), Qgis.MessageLevel.Success, 5
        )
        self.refresh()

    def _failed(self, message: str) -> None:
        """Show a problem on the message bar."""
        self.message_bar.pushMessage("CamReq", message, Qgis.MessageLevel.Critical, 10)
