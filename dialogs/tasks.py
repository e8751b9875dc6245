"""Background work of the dock: each task calls one core function off the GUI thread and reports in plain words."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from ..errors import CamreqError

LOG_TAG = "CamReq"


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

    def run(self) -> bool:
        """Do the work on a worker thread, keeping the result or a plain-words error."""
        try:
            self.result = self._work(self)
        except CamreqError as error:
            self.error = str(error)
            return False
        except Exception:  # noqa: BLE001 (a bug must reach the user, not kill the thread silently)
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


def run_search(request: SearchRequest, task: QgsTask) -> list[dict[str, Any]]:
    """Return the cameras near the incident: the dock's one call into core.search (issue 4)."""
    # PHASE 2 CALL SITE: return core.search's function (issue 4) on request; no SQL of the dock's own here.
    raise CamreqError(
        QCoreApplication.translate("CoreTask", "The camera search is not installed in this version of CamReq yet.")
    )
