"""Background work of the dock: each task calls one core function off the GUI thread and reports in plain words."""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsMessageLog,
    QgsProcessingFeedback,
    QgsTask,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt

from ..core.followup import FollowupRow, list_requisitions
from ..core.mailer import SmtpServer, smtp_server
from ..core.outbox import SendReport, send_outbox
from ..core.requisitions import CameraRequest, RequisitionForm, create_requisitions
from ..core.search import Incident, SearchOptions, SearchResult
from ..core.search import search as core_search
from ..core.signing import SigningSource
from ..core.translation import parameter_label
from ..errors import CamreqError
from ..settings import Settings

LOG_TAG = "CamReq"
LEADING_PARAMETER = re.compile(r"(?P<id>[A-Z][A-Z0-9_]*): (?P<rest>.*)", re.DOTALL)  # "CAMERAS: …"


@dataclass(frozen=True)
class SearchRequest:
    """What the investigator entered on the New search tab."""

    connection: str
    incident: QgsGeometry  # point or line, in crs
    crs: QgsCoordinateReferenceSystem
    start: datetime
    end: datetime
    radius_m: float
    reason: str
    speed_kmh: float | None = None  # a route at this speed: each camera's window centred on when it is passed
    include_out_of_service: bool = False


def panel_message(error: CamreqError) -> str:
    """Return the message of a core error as the panel shows it: the input named by its label, never its parameter id.

    A message the database raised keeps its leading id ("STATUS: …"); the label replaces it as well.
    """
    label, message = parameter_label(error.field) or error.field, error.message
    leading = LEADING_PARAMETER.fullmatch(message)
    if not label and leading and parameter_label(leading["id"]):
        label, message = parameter_label(leading["id"]), leading["rest"]
    if label:
        return QCoreApplication.translate("CoreTask", "{label}: {message}").format(label=label, message=message)
    return message


def mail_server(settings: Settings) -> SmtpServer:
    """Return the mail server of the settings; raise CamreqError saying what to fix in the CamReq settings."""
    try:
        return smtp_server(
            settings.smtp_host, settings.smtp_port, settings.smtp_security, settings.smtp_from, settings.smtp_authcfg
        )
    except CamreqError as error:
        problem = error.message[:1].upper() + error.message[1:]
        raise CamreqError(
            QCoreApplication.translate("CoreTask", "{problem} Fix it in the CamReq settings.").format(problem=problem)
        ) from None


class CoreTask(QgsTask):
    """Runs work() in a QGIS task; then on the GUI thread calls done(result) or failed(message)."""

    def __init__(
        self,
        description: str,
        work: Callable[[QgsTask], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """Prepare the task; QgsApplication.taskManager().addTask() starts it."""
        super().__init__(description, QgsTask.Flag.CanCancel)
        self._work, self._done, self._failed = work, done, failed
        self.result: Any = None
        self.error = ""
        self.feedback = QgsProcessingFeedback()  # what the core functions report progress to and check for cancel
        self.feedback.progressChanged.connect(self.setProgress, Qt.ConnectionType.DirectConnection)

    def cancel(self) -> None:
        """Ask the core function to stop (it rolls back what it had not finished) and cancel the task."""
        self.feedback.cancel()
        super().cancel()

    def run(self) -> bool:
        """Do the work on a worker thread, keeping the result or a plain-words error."""
        try:
            self.result = self._work(self)
        except CamreqError as error:
            self.error = panel_message(error)
            return False
        except Exception:  # a bug must reach the user, not kill the thread silently
            QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG)
            self.error = QCoreApplication.translate(
                "CoreTask", "{task} failed unexpectedly; the details are in the CamReq tab of the log panel."
            ).format(task=self.description())
            return False
        return not self.isCanceled()

    def finished(self, ok: bool) -> None:
        """Report on the GUI thread."""
        if ok:
            self._done(self.result)
        elif self.isCanceled():
            self._failed(
                QCoreApplication.translate("CoreTask", "{task} was cancelled.").format(task=self.description())
            )
        else:
            self._failed(self.error)


@dataclass(frozen=True)
class RequisitionRequest:
    """What the Requisitions tab sends: the ticked cameras, the form, where PDFs go, and the mail server."""

    connection: str
    cameras: list[CameraRequest]
    form: RequisitionForm
    folder: Path
    server: SmtpServer
    signing: SigningSource  # the officer's certificate (and the PIN typed for this run)


@dataclass(frozen=True)
class RequisitionOutcome:
    """The requisitions made, as they stand after sending, what the sending run did, and the core's notices."""

    made: list[FollowupRow]
    report: SendReport
    notices: list[str]  # cameras left out (already requested), answer deadlines brought forward


def run_search(request: SearchRequest, task: CoreTask) -> SearchResult:
    """Return the cameras near the incident: the panel's one call into core.search."""
    incident = QgsGeometry(request.incident)
    incident.transform(
        QgsCoordinateTransform(request.crs, QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext())
    )
    return core_search(
        request.connection,
        [Incident("1", bytes(incident.asWkb()), request.start, request.end)],
        SearchOptions(
            distance_m=request.radius_m,
            reason=request.reason,
            speed_kmh=request.speed_kmh,
            include_out_of_service=request.include_out_of_service,
        ),
    )


def run_requisitions(request: RequisitionRequest, task: CoreTask) -> RequisitionOutcome:
    """Make one requisition per owner (issued, PDFs written), then send the outbox; the same calls as the toolbox."""
    run = create_requisitions(
        request.connection, request.cameras, request.form, True, request.folder, task.feedback,
        signing=request.signing,
    )  # fmt: skip
    if not run.made:
        return RequisitionOutcome([], SendReport(), run.plan.notices())
    report = send_outbox(request.connection, request.server, task.feedback)
    rows = list_requisitions(request.connection, ids=[summary.id for summary in run.made])
    return RequisitionOutcome(rows, report, run.plan.notices())


def launch(
    running: list[CoreTask],
    description: str,
    work: Callable[[CoreTask], Any],
    done: Callable[[Any], None],
    failed: Callable[[str], None],
) -> CoreTask:
    """Start a CoreTask held in running (Python must keep it alive) until it reports; return it."""

    def finish(report: Callable, value: Any) -> None:
        running.remove(task)
        report(value)

    task = CoreTask(description, work, partial(finish, done), partial(finish, failed))
    running.append(task)
    QgsApplication.taskManager().addTask(task)
    return task
