"""The panel speaks French to French users: every GUI string is translated and the compiled catalogue is current."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from camreq.dialogs.results_model import COLUMNS

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "i18n" / "camreq_fr.ts"
UPDATE = ROOT / "scripts" / "update_translations.sh"


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
def test_the_catalogue_holds_every_marked_string_of_the_plugin(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["bash", str(UPDATE), "--collect", str(fresh)], check=True, capture_output=True)
    assert messages(fresh) - messages(CATALOGUE) == set(), "run scripts/update_translations.sh and translate"


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 (pyqt5-dev-tools) is not installed")
def test_the_collection_reads_processing_core_dialogs_and_the_plugin(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["bash", str(UPDATE), "--collect", str(fresh)], check=True, capture_output=True)
    locations = ET.parse(fresh).getroot().iter("location")
    files = {(tmp_path / location.get("filename")).resolve() for location in locations}
    for expected in ("plugin.py", "processing/grant_user.py", "core/layers.py", "dialogs/dock.ui"):
        assert ROOT / expected in files


@pytest.mark.skipif(shutil.which("lrelease") is None, reason="lrelease (qttools5-dev-tools) is not installed")
def test_the_compiled_catalogue_is_the_current_one(tmp_path):
    compiled = tmp_path / "camreq_fr.qm"
    subprocess.run(["lrelease", "-silent", str(CATALOGUE), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == (ROOT / "i18n" / "camreq_fr.qm").read_bytes()


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


def test_the_toolbox_is_in_french_for_french_users(french):
    from camreq.processing.grant_user import GrantUser
    from camreq.processing.select_cameras_near_incident import SelectCamerasNearIncident

    grant = GrantUser()
    grant.initAlgorithm()
    assert grant.displayName() == "Donner un rôle et une unité à un identifiant"
    assert grant.group() == "Base de données"
    assert grant.shortHelpString().startswith("Donne à un identifiant PostgreSQL existant")
    assert grant.parameterDefinition("CONNECTION").description().startswith("Base de données")
    select = SelectCamerasNearIncident()
    select.initAlgorithm()
    assert select.group() == "Recherche"
    assert select.parameterDefinition("REASON").description().startswith("Motif")


def test_a_french_user_of_the_panel_reads_the_field_name_not_the_parameter_id(french, tmp_path):
    from camreq.core.documents import Officer
    from camreq.core.requisitions import RequisitionForm, create_requisitions
    from camreq.dialogs.tasks import panel_message
    from camreq.errors import CamreqError

    officer = Officer(name=" ", rank="Capitaine", unit="Brigade A", email="", phone="")
    form = RequisitionForm("2026/001", "flagrance", None, officer, None)
    with pytest.raises(CamreqError) as raised:
        create_requisitions("", [], form, False, tmp_path)
    assert str(raised.value).startswith("OFFICER_NAME: ")  # the toolbox and qgis_process name the parameter
    assert panel_message(raised.value) == (
        "Nom de l'officier : obligatoire, la réquisition l'imprime (indiquez-le, ou une fois pour toutes dans les "
        "paramètres CamReq)."
    )


def test_a_french_user_of_the_panel_reads_a_label_for_the_database_refusals_too(french):
    from camreq.dialogs.tasks import panel_message
    from camreq.errors import CamreqError

    # what db.requisitions.user_errors() raises for a refused status change (RAISE in 004_requisitions.sql)
    refused = CamreqError("STATUS: requisition 2026-000001 cannot go from sent to draft (allowed from sent: answered)")
    assert panel_message(refused) == (
        "Statut : requisition 2026-000001 cannot go from sent to draft (allowed from sent: answered)"
    )
    unknown = "ZOOM: not a parameter id CamReq names"
    assert panel_message(CamreqError(unknown)) == unknown


def test_a_french_user_of_the_panel_reads_the_core_messages_in_french(french):
    from camreq.core.search import Incident, SearchOptions, check_incidents
    from camreq.core.times import aware
    from camreq.dialogs.tasks import panel_message
    from camreq.errors import CamreqError

    start = aware(datetime(2026, 3, 10, 14, 30))
    incident = Incident("A1", b"", start, start - timedelta(hours=1))
    with pytest.raises(CamreqError) as raised:
        check_incidents([incident], SearchOptions(distance_m=100, reason="PV 2026/001"))
    assert str(raised.value).startswith("END: le fait « A1 »")  # the toolbox and qgis_process keep the id
    assert panel_message(raised.value).startswith("Fin des faits : le fait « A1 » se termine (")
