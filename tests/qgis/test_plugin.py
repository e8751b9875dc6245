"""The plugin loads in QGIS, registers its provider, and leaves nothing behind on unload."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import camreq
import pytest
from qgis.core import QgsApplication

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def menu_calls(qgis_iface, monkeypatch) -> dict[str, list]:
    """Record the actions the plugin adds to and removes from QGIS's menus and toolbars."""
    calls: dict[str, list] = {"added": [], "removed": [], "docks": [], "locators": []}
    monkeypatch.setattr(
        qgis_iface, "addPluginToMenu", lambda menu, action: calls["added"].append(action), raising=False
    )
    monkeypatch.setattr(
        qgis_iface, "removePluginMenu", lambda menu, action: calls["removed"].append(action), raising=False
    )
    monkeypatch.setattr(qgis_iface, "addToolBarIcon", calls["added"].append, raising=False)
    monkeypatch.setattr(qgis_iface, "removeToolBarIcon", calls["removed"].append, raising=False)
    monkeypatch.setattr(qgis_iface, "addDockWidget", lambda area, dock: calls["docks"].append(dock), raising=False)
    monkeypatch.setattr(qgis_iface, "removeDockWidget", calls["docks"].remove, raising=False)
    monkeypatch.setattr(qgis_iface, "registerLocatorFilter", calls["locators"].append, raising=False)
    monkeypatch.setattr(qgis_iface, "deregisterLocatorFilter", calls["locators"].remove, raising=False)
    return calls


@pytest.fixture
def loaded_plugin(qgis_iface, qgis_processing, menu_calls):
    """Return the plugin after classFactory() and initGui(), as QGIS loads it."""
    registry = QgsApplication.processingRegistry()
    if registry.providerById("camreq") is not None:
        registry.removeProvider("camreq")
    plugin = camreq.classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    plugin.unload()
    if registry.providerById("camreq") is not None:
        registry.removeProvider("camreq")


def test_initgui_registers_provider_and_algorithms(loaded_plugin):
    provider = QgsApplication.processingRegistry().providerById("camreq")
    assert provider is not None
    assert QgsApplication.processingRegistry().algorithmById("camreq:installdatabase") is not None
    assert all(algorithm.name().isalpha() and algorithm.name().islower() for algorithm in provider.algorithms())


def test_unload_removes_every_action_and_the_provider(loaded_plugin, menu_calls):
    added = list(menu_calls["added"])
    assert added, "initGui() added no action to any menu"
    loaded_plugin.unload()
    assert QgsApplication.processingRegistry().providerById("camreq") is None
    assert sorted(map(id, menu_calls["removed"])) == sorted(map(id, added))
    assert loaded_plugin.actions == []


def test_the_locator_filter_is_registered_by_initgui_and_deregistered_by_unload(loaded_plugin, menu_calls):
    [locator] = menu_calls["locators"]
    assert locator.name() == "camreq" and locator.prefix() == "cam"
    loaded_plugin.unload()
    assert menu_calls["locators"] == [] and loaded_plugin.locator is None


def test_toolbar_button_opens_and_closes_the_panel(loaded_plugin, menu_calls, qgis_iface):
    qgis_iface.mainWindow().show()
    assert menu_calls["docks"] == [loaded_plugin.dock]
    assert loaded_plugin.toolbar_actions, "no toolbar button"
    assert loaded_plugin.dock.isHidden()
    loaded_plugin.toolbar_actions[0].trigger()
    assert not loaded_plugin.dock.isHidden()
    loaded_plugin.toolbar_actions[0].trigger()
    assert loaded_plugin.dock.isHidden()


def test_unload_removes_the_panel_the_map_tools_and_their_drawings(loaded_plugin, menu_calls, qgis_canvas):
    loaded_plugin.dock.search.pickPointButton.click()
    assert qgis_canvas.mapTool() is loaded_plugin.point_tool
    items_before_plugin = len(qgis_canvas.scene().items()) - 5  # route drawn, incident, area, cameras, purged ones
    loaded_plugin.unload()
    assert menu_calls["docks"] == []
    assert loaded_plugin.dock is None and loaded_plugin.point_tool is None and loaded_plugin.route_tool is None
    assert qgis_canvas.mapTool() is None
    assert len(qgis_canvas.scene().items()) == items_before_plugin


@pytest.mark.parametrize(("mode", "visible"), [("investigator", False), ("analyst", True)])
def test_mode_shows_the_analyst_actions_only_to_analysts(loaded_plugin, mode, visible):
    loaded_plugin.apply_mode(mode)
    assert loaded_plugin.analyst_actions
    assert all(action.isVisible() == visible for action in loaded_plugin.analyst_actions)


def test_metadata_declares_what_plugins_qgis_org_asks():
    metadata = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    for line in ("qgisMinimumVersion=3.22", "qgisMaximumVersion=4.99", "hasProcessingProvider=yes"):
        assert line in metadata
    for dependency in ("psycopg2", "jinja2", "weasyprint"):
        assert dependency in metadata.lower()


def test_qgis_process_lists_the_camreq_algorithms(tmp_path):
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"))
    result = subprocess.run(
        [str(ROOT / "scripts" / "qgis_process"), "list"],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "camreq:installdatabase" in result.stdout


def test_add_registry_layers_without_a_connection_warns_and_adds_nothing(loaded_plugin, qgis_iface):
    from camreq.settings import Settings
    from qgis.core import Qgis, QgsProject

    Settings(connection="").save()
    loaded_plugin.add_registry_layers()
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("No database connection is set" in warning for warning in warnings)
    assert QgsProject.instance().mapLayers() == {}


def test_qgis_process_refuses_a_password_in_connection_before_printing_it(tmp_path):
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"))
    result = subprocess.run(
        [str(ROOT / "scripts" / "qgis_process"), "run", "camreq:duerequisitions",
         "--CONNECTION=host=127.0.0.1 port=1 dbname=camreq password=Tr0ub4dor-3", "--OUTPUT=TEMPORARY_OUTPUT"],
        check=False, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "CONNECTION holds a password" in result.stderr
    assert "Tr0ub4dor-3" not in result.stdout + result.stderr
