"""Render the real CamReq panel offscreen to docs/dock.png (and docs/dock_fr.png), as the README shows it.

Run with the plugin on the path:  PYTHONPATH=build/plugins .venv/bin/python scripts/screenshot_dock.py [CONNECTION]
The panel is built exactly as the plugin builds it; the incident is typed as an investigator would type it. Given a
CONNECTION to a database holding the sample registry (camreq:loadsampledata), the list shows a real search's result,
made by the panel's own search function (core.search); without one, the list stays empty.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="camreq-screenshot-"))

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsRectangle, QgsSettings
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_INCIDENT = "45.1885 5.7245"  # place Grenette, Grenoble (the demo's sample incident)
SIZE = (660, 760)


def render(language: str, target: Path, connection: str) -> None:
    """Build the panel in language and save its image to target."""
    from camreq.dialogs.dock import CamreqDock
    from camreq.dialogs.map_tools import PointTool, RouteTool
    from camreq.dialogs.tasks import run_search
    from camreq.plugin import CamReqPlugin
    from camreq.settings import Settings

    QgsSettings().setValue("locale/userLocale", language)
    translator = CamReqPlugin._install_translator()
    canvas = QgsMapCanvas()
    canvas.resize(600, 600)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    canvas.setExtent(QgsRectangle(912500, 6457500, 914500, 6459000))
    settings = Settings(
        connection=connection or "camreq",
        officer_name="Jeanne Martin",
        officer_rank="Lieutenant de police",
        officer_unit="Sûreté départementale de l'Isère",
    )
    dock = CamreqDock(canvas, QgsMessageBar(), PointTool(canvas), RouteTool(canvas), settings)
    dock.search.coordinatesEdit.setText(SAMPLE_INCIDENT)
    dock.search.place_typed_coordinates()
    dock.search.reasonEdit.setText(
        "Vol avec violence, place Grenette" if language.startswith("fr") else "Street robbery"
    )
    if connection:
        dock.search.show_results(run_search(dock.search.search_request(), None))
    dock.resize(*SIZE)
    dock.show()
    QCoreApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not dock.grab().save(str(target)):
        sys.exit(f"could not write {target}")
    print(f"wrote {target}")
    dock.remove_from_map()
    dock.close()
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def main() -> None:
    """Render the English and French panels."""
    app = QgsApplication([], True)
    app.initQgis()
    connection = sys.argv[1] if len(sys.argv) > 1 else ""
    render("en_GB", ROOT / "docs" / "dock.png", connection)
    render("fr_FR", ROOT / "docs" / "dock_fr.png", connection)
    app.exitQgis()


if __name__ == "__main__":
    main()
