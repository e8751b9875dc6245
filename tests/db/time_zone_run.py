"""Run in a subprocess by test_time_zones.py under a chosen TZ: the real panel and algorithms, what they show as JSON.

Arguments: the connection string, the SMTP port, the PDF folder, the incident start as Paris wall-clock text
(YYYY-MM-DDTHH:MM). The incident lasts one hour. QGIS fixes the process's time zone when it starts, hence a process
per time zone.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsRectangle
from qgis.PyQt.QtCore import QDateTime, Qt
from qgis.PyQt.QtTest import QTest

SHOWN = "yyyy-MM-dd HH:mm"  # how the editors' wall-clock values are reported


def wait_until(done, what: str) -> None:
    """Process events until done() is true (the worker thread reports through the event loop)."""
    for _ in range(6000):
        if done():
            return
        QTest.qWait(10)
    raise SystemExit(f"{what} did not finish")


def cells(model, role=Qt.ItemDataRole.DisplayRole) -> list[list[str]]:
    """Return every cell of a table model for role, row by row."""
    return [
        [str(model.data(model.index(row, column), role) or "") for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def panel_run(connection: str, smtp_port: int, folder: Path, start: QDateTime) -> dict:
    """Search, create and send requisitions through the panel; return what it shows."""
    from camreq.dialogs.dock import CamreqDock
    from camreq.dialogs.map_tools import PointTool, RouteTool
    from camreq.settings import Settings
    from qgis.gui import QgsMapCanvas, QgsMessageBar

    canvas, bar = QgsMapCanvas(), QgsMessageBar()
    canvas.resize(600, 450)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    canvas.setExtent(QgsRectangle(912500, 6457500, 914500, 6459000))
    settings = Settings(
        connection=connection, officer_name="Claire Martin", officer_rank="Capitaine", officer_unit="SD Grenoble",
        officer_email="claire.martin@example.org", officer_phone="04 65 71 40 12", unit_city="Grenoble",
        smtp_host="127.0.0.1",
        smtp_port=smtp_port, smtp_security="none", smtp_from="requisitions@example.org",
    )  # fmt: skip
    tools = PointTool(canvas), RouteTool(canvas)
    panel = CamreqDock(canvas, bar, *tools, settings)
    panel.requisitions.pdf_folder = folder
    shown = {"default_start": panel.search.startEdit.dateTime().toString(SHOWN)}
    panel.search.startEdit.setDateTime(start)  # what typing a date-time into the editor gives: a local-time QDateTime
    panel.search.endEdit.setDateTime(start.addSecs(3600))
    QTest.keyClicks(panel.search.coordinatesEdit, "45.1885 5.7245")
    QTest.keyClick(panel.search.coordinatesEdit, Qt.Key.Key_Return)
    QTest.keyClicks(panel.search.reasonEdit, "Vol avec violence")
    panel.search.searchButton.click()
    wait_until(lambda: panel.search.task is None, "the search")
    shown["results_tooltips"] = cells(panel.search.results, Qt.ItemDataRole.ToolTipRole)
    QTest.keyClicks(panel.requisitions.caseNumberEdit, "2026/004517")
    panel.requisitions.confirm = lambda plan: True  # agree to what will be sent (test_dock_flow clicks the box)
    panel.requisitions.createButton.click()
    wait_until(lambda: not panel.requisitions.running, "the requisitions")
    wait_until(lambda: panel.followup.model.rowCount() > 0 and not panel.followup.running, "the follow-up list")
    shown["followup"] = cells(panel.followup.model)
    panel.followup.requisitionsView.setCurrentIndex(panel.followup.model.index(0, 0))
    wait_until(lambda: panel.followup.history.rowCount() > 0 and not panel.followup.running, "the history")
    shown["history"] = cells(panel.followup.history)
    panel.remove_from_map()
    tools[1].remove()
    return shown


def algorithm_run(connection: str, start_text: str) -> dict:
    """Run camreq:camerasnearincident with a naive START (Paris time) and return the first hit's date-times."""
    from camreq.processing.provider import CamreqProvider
    from processing.core.Processing import Processing
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    import processing

    Processing.initialize()
    provider = CamreqProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "incidents", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POINT(5.7245 45.1885)"))
    feature["name"] = "A"
    layer.dataProvider().addFeature(feature)
    start = QDateTime.fromString(start_text, "yyyy-MM-ddTHH:mm")
    outputs = processing.run("camreq:camerasnearincident", {
        "CONNECTION": connection, "INCIDENTS": layer, "ID_FIELD": "name", "DISTANCE": 200,
        "START": start_text + ":00", "END": start.addSecs(3600).toString("yyyy-MM-ddTHH:mm:ss"),
        "REASON": "PV 2026/1 time zones", "OUTPUT": "memory:",
    })  # fmt: skip
    first = next(outputs["OUTPUT"].getFeatures())
    return {name: first[name].toString(Qt.DateFormat.ISODate) for name in ("window_start", "window_end", "purge_at")}


def main() -> None:
    """Start QGIS, run the panel then the algorithm, print what they showed."""
    connection, smtp_port, folder, start_text = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    app = QgsApplication([], True)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    start = QDateTime.fromString(start_text, "yyyy-MM-ddTHH:mm")
    shown = {
        "computer_offset_s": QDateTime.currentDateTime().offsetFromUtc(),
        "panel": panel_run(connection, smtp_port, folder, start),
        "algorithm": algorithm_run(connection, start_text),
    }
    print(json.dumps(shown), flush=True)
    app.exitQgis()
    os._exit(0)  # Python's finalisation would destroy the panel's widgets after QGIS is gone: a crash at exit


if __name__ == "__main__":
    main()
