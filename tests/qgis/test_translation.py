"""The panel speaks French to French users: every GUI string is translated and the compiled catalogue is current."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from camreq.dialogs.results_model import COLUMNS
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "i18n" / "camreq_fr.ts"


def messages(path: Path) -> set[tuple[str, str]]:
    """Return the (context, source) pairs of a Qt Linguist file."""
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_message_has_a_french_translation():
    root = ET.parse(CATALOGUE).getroot()
    untranslated = [
        message.findtext("source")
        for message in root.iter("message")
        if message.find("translation").get("type") == "unfinished" or not message.findtext("translation")
    ]
    assert untranslated == []


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 (pyqt5-dev-tools) is not installed")
def test_the_catalogue_holds_every_translatable_string_of_the_gui(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = ["plugin.py", *sorted(str(path.relative_to(ROOT)) for path in (ROOT / "dialogs").glob("*.py"))]
    sources += sorted(str(path.relative_to(ROOT)) for path in (ROOT / "dialogs").glob("*.ui"))
    subprocess.run(
        ["pylupdate5", "-noobsolete", *sources, "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True
    )
    assert messages(fresh) - messages(CATALOGUE) == set(), "run scripts/update_translations.sh and translate"


@pytest.mark.skipif(shutil.which("lrelease") is None, reason="lrelease (qttools5-dev-tools) is not installed")
def test_the_compiled_catalogue_is_the_current_one(tmp_path):
    compiled = tmp_path / "camreq_fr.qm"
    subprocess.run(["lrelease", "-silent", str(CATALOGUE), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == (ROOT / "i18n" / "camreq_fr.qm").read_bytes()


@pytest.fixture
def french(qgis_app):
    """Install CamReq's French translation as the plugin does for a French QGIS, and remove it afterwards."""
    from camreq.plugin import CamReqPlugin

    settings = QgsSettings()
    previous = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "fr_FR")
    translator = CamReqPlugin._install_translator()
    assert translator is not None, "no French catalogue loaded"
    yield
    QCoreApplication.removeTranslator(translator)
    settings.setValue("locale/userLocale", previous)


def test_the_panel_is_in_french_for_french_users(french, lambert93_canvas, qgis_iface, search_row):
    from camreq.dialogs.dock import CamreqDock
    from camreq.dialogs.map_tools import PointTool, RouteTool
    from camreq.settings import Settings

    panel = CamreqDock(
        lambert93_canvas, qgis_iface.messageBar(), PointTool(lambert93_canvas), RouteTool(lambert93_canvas), Settings()
    )
    assert [panel.tabs.tabText(index) for index in range(3)] == ["Nouvelle recherche", "Réquisitions", "Suivi"]
    assert panel.search.pickPointButton.text() == "Cliquer sur la carte"
    panel.search.results.set_rows([search_row("GRE-001", 3 * 24 + 4.5)], search_row.now)
    assert panel.search.results.index(0, COLUMNS.index("purge")).data() == "3 j 4 h"
    panel.remove_from_map()
