"""Take docs/dock.png and docs/dock_fr.png: the CamReq panel docked in the real QGIS window, over the base map.

Run from the project root, with a database holding the sample registry (camreq:loadsampledata) reachable through
the PG* variables:  .venv/bin/python scripts/screenshot_dock.py "dbname=camreq"
It drives the QGIS desktop in a virtual screen of 1366x768 with the qgis-window tool (QGIS_WINDOW, by default
/work/shared/tools/qgis-window; it needs xvfb, openbox, xdotool and imagemagick). In each language the plugin's own
panel opens, the settings point at the database with the sample's synthetic streets as base map, the sample incident
is typed and placed (the registry layers and the base map come with the first placing, as for an investigator), and
the search runs; then the whole screen is saved.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = os.environ.get("QGIS_WINDOW", "/work/shared/tools/qgis-window")
STREETS = ROOT / "sample" / "streets.geojson"  # the synthetic base map of the sample area
SAMPLE_INCIDENT = "45.1885 5.7245"  # place Grenette, Grenoble (the demo's sample incident)
REASONS = {"en": "Street robbery, place Grenette", "fr": "Vol avec violence, place Grenette"}
TARGETS = {"en": ROOT / "docs" / "dock.png", "fr": ROOT / "docs" / "dock_fr.png"}

OPEN_PANEL = """
import qgis.utils
from camreq.settings import Settings
iface.mainWindow().showMaximized()
settings = Settings(
    connection={connection!r}, officer_name="Jeanne Martin", officer_rank="Lieutenant de police",
    officer_unit="Sûreté départementale de l'Isère", basemap={basemap!r}, basemap_attribution={attribution!r},
)
settings.save()
dock = qgis.utils.plugins["camreq"].dock
dock.apply_settings(settings)
dock.setUserVisible(True)
dock.search.coordinatesEdit.setText({incident!r})
dock.search.place_typed_coordinates()  # in the empty project: the registry layers and the base map come
dock.search.reasonEdit.setText({reason!r})
dock.search.searchButton.click()
"""
SEARCH_DONE = "print(dock.search.task is None and dock.search.results.rowCount())"


def window(*arguments: str) -> str:
    """Run one qgis-window command and return what it printed; stop on failure."""
    result = subprocess.run([TOOL, *arguments], cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0 or "Traceback" in result.stdout:
        sys.exit(f"qgis-window {arguments[0]} failed:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def shoot(language: str, connection: str) -> None:
    """Open the panel in language, search the sample incident over the base map and save the screen."""
    attribution = json.loads(STREETS.read_text(encoding="utf-8"))["attribution"]
    window("start", "--size", "1366x768", *(["--lang", language] if language != "en" else []))
    try:
        window("py", OPEN_PANEL.format(
            connection=connection, basemap=str(STREETS), attribution=attribution, incident=SAMPLE_INCIDENT,
            reason=REASONS[language],
        ))  # fmt: skip
        for _ in range(120):
            found = window("py", SEARCH_DONE)
            if found not in ("False", "0"):
                break
            time.sleep(0.5)
        else:
            sys.exit("the search did not finish")
        time.sleep(3)  # the canvas draws the base map and the cameras
        TARGETS[language].parent.mkdir(parents=True, exist_ok=True)
        window("shot", str(TARGETS[language]))
        print(f"wrote {TARGETS[language]}: {found} cameras listed")
    finally:
        window("stop")


def main() -> None:
    """Take the English and French screenshots."""
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for language in TARGETS:
        shoot(language, sys.argv[1])


if __name__ == "__main__":
    main()
