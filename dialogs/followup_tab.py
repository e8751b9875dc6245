"""The Follow-up tab: the unit's requisitions by urgency, their history, open the PDF, send again, record answers."""

from __future__ import annotations

from datetime import datetime

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, QUrl
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import QHeaderView

from ..core.followup import FollowupRow, list_requisitions, resend, status_history
from ..core.mailer import smtp_server
from ..core.requisitions import change_status
from ..errors import CamreqError
from .fields import typed_text
from .records_model import RecordsModel
from .tasks import CoreTask, launch

URGENT = QColor(190, 30, 30)
CLOSED = QColor(140, 140, 140)
ANSWERS = ("sent", "acknowledged", "footage_delivered", "no_footage", "refused", "cancelled")  # sent: served by hand


def when(value: datetime | None) -> str:
    """Return a date-time as the panel shows it, in local time."""
    return value.astimezone().strftime("%d/%m/%Y %H:%M") if value else ""


def row_style(row: FollowupRow) -> tuple[QBrush | None, bool]:
    """Return red bold for an open requisition whose footage is purged within 48 hours, grey for a closed one."""
    if row.due_soon:
        return QBrush(URGENT), True
    return (None if row.is_open else QBrush(CLOSED)), False


class FollowupTab(QObject):
    """Drives the Follow-up tab of dock (a CamreqDock); every database call runs in a task."""

    def __init__(self, dock) -> None:
        """Fill the filters and connect the tab's widgets."""
        super().__init__(dock)
        self.dock = dock
        self.running: list[CoreTask] = []
        self.labels = {
            "draft": self.tr("Draft"), "issued": self.tr("Issued, not sent"), "sent": self.tr("Sent"),
            "acknowledged": self.tr("Acknowledged"), "footage_delivered": self.tr("Footage delivered"),
            "no_footage": self.tr("No footage"), "refused": self.tr("Refused"), "cancelled": self.tr("Cancelled"),
        }  # fmt: skip
        dock.statusFilterCombo.addItem(self.tr("All statuses"), "")
        for status, label in self.labels.items():
            dock.statusFilterCombo.addItem(label, status)
        for status in ANSWERS:
            dock.answerStatusCombo.addItem(self.labels[status], status)
        self.model = RecordsModel(
            (
                (self.tr("Number"), lambda row: row.number or self.tr("draft {id}").format(id=row.id)),
                (self.tr("Owner"), lambda row: row.owner_name),
                (self.tr("Status"), lambda row: self.labels.get(row.status, row.status)),
                (self.tr("Purge"), lambda row: when(row.purge_deadline)),
                (self.tr("Answer by"), lambda row: when(row.answer_deadline)),
                (self.tr("Case"), lambda row: row.case_number),
            ),
            row_style,
            self,
        )
        self.history = RecordsModel(
            (
                (self.tr("When"), lambda change: when(change[0])),
                (self.tr("Who"), lambda change: change[1]),
                (self.tr("Status"), lambda change: self.labels.get(change[3], change[3])),
                (self.tr("Note"), lambda change: change[4] or ""),
            ),
            parent=self,
        )
        for view, model in ((dock.requisitionsView, self.model), (dock.historyView, self.history)):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        dock.requisitionsView.selectionModel().currentRowChanged.connect(self._row_changed)
        dock.refreshButton.clicked.connect(self.refresh)
        dock.statusFilterCombo.currentIndexChanged.connect(self.refresh)
        dock.caseFilterEdit.returnPressed.connect(self.refresh)
        dock.openPdfButton.clicked.connect(self.open_pdf)
        dock.resendButton.clicked.connect(self.send_again)
        dock.recordAnswerButton.clicked.connect(self.record_answer)
        dock.tabs.currentChanged.connect(lambda index: index == dock.tabs.indexOf(dock.followupTab) and self.refresh())
        self._row_changed()

    def selected(self) -> FollowupRow | None:
        """Return the requisition of the current row, if any."""
        index = self.dock.requisitionsView.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def refresh(self, *_args) -> None:
        """Reload the list with the filters (the unit of the settings; the database shows only what it allows)."""
        settings = self.dock.settings
        if not settings.connection:
            self.dock.report_error(
                self.tr("No database chosen yet: open the CamReq settings."), Qgis.MessageLevel.Warning
            )
            return
        try:
            status, case = self.dock.statusFilterCombo.currentData(), typed_text(self.dock.caseFilterEdit)
        except CamreqError as error:
            self._failed(str(error))
            return
        keep = self.selected().id if self.selected() else None
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
                self.dock.requisitionsView.setCurrentIndex(self.model.index(position, 0))
        self._row_changed()

    def _row_changed(self, *_args) -> None:
        """Enable the actions that fit the selected requisition and load its history."""
        row = self.selected()
        self.dock.openPdfButton.setEnabled(bool(row and row.pdf_path))
        self.dock.resendButton.setEnabled(bool(row and row.status == "issued" and row.owner_email))
        self.dock.recordAnswerButton.setEnabled(bool(row and row.is_open and row.number))
        self.history.set_records([])
        if row is not None:
            connection = self.dock.settings.connection
            launch(
                self.running, self.tr("CamReq history"), lambda task: status_history(connection, row.id),
                self.history.set_records, self._failed,
            )  # fmt: skip

    def open_pdf(self) -> None:
        """Open the selected requisition's PDF with the desktop's PDF reader."""
        row = self.selected()
        if row is None or not row.pdf_path or not QDesktopServices.openUrl(QUrl.fromLocalFile(row.pdf_path)):
            self._failed(self.tr("The PDF cannot be opened: {path}").format(path=row.pdf_path if row else ""))

    def send_again(self) -> None:
        """Send the selected issued requisition again (with whatever else waits in the outbox)."""
        row, settings = self.selected(), self.dock.settings
        try:
            server = smtp_server(
                settings.smtp_host, settings.smtp_port, settings.smtp_security, settings.smtp_from,
                settings.smtp_authcfg,
            )  # fmt: skip
        except CamreqError as error:
            self._failed(str(error))
            return
        launch(
            self.running, self.tr("CamReq sending"),
            lambda task: resend(settings.connection, row.number, server, task.feedback),
            self._sent, self._failed,
        )  # fmt: skip

    def _sent(self, report) -> None:
        """Say what the sending did, then reload."""
        level = Qgis.MessageLevel.Success if report.pending == 0 and report.failed == 0 else Qgis.MessageLevel.Warning
        self.dock.message_bar.pushMessage(
            "CamReq",
            self.tr("Sent {s}, failed {f}, still waiting {p}.").format(
                s=report.sent, f=report.failed, p=report.pending
            ),
            level, 10,
        )  # fmt: skip
        self.refresh()

    def record_answer(self) -> None:
        """Record the owner's answer (or a cancellation) with its note; the history shows it."""
        row, connection = self.selected(), self.dock.settings.connection
        try:
            status, note = self.dock.answerStatusCombo.currentData(), typed_text(self.dock.answerNoteEdit) or None
        except CamreqError as error:
            self._failed(str(error))
            return
        launch(
            self.running, self.tr("CamReq answer"),
            lambda task: change_status(connection, row.number, status, note),
            self._recorded, self._failed,
        )  # fmt: skip

    def _recorded(self, change: tuple[str, str]) -> None:
        """Confirm the change and reload."""
        self.dock.answerNoteEdit.clear()
        self.dock.message_bar.pushMessage(
            "CamReq", self.tr("Requisition {n} recorded.").format(n=change[0]), Qgis.MessageLevel.Success, 5
        )
        self.refresh()

    def _failed(self, message: str) -> None:
        """Show a problem on the message bar."""
        self.dock.message_bar.pushMessage("CamReq", message, Qgis.MessageLevel.Critical, 10)
