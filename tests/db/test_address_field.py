"""The panel's incident field on a real PostGIS holding the BAN fixture: addresses suggested as the investigator types.

The widgets are driven with key events; the suggestions come from QGIS's real task manager, so the tests process
events until the tab says its address tasks reported.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsRectangle
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from .conftest import ban_rows
from .test_dock_flow import wait_until

FELIX_POULAT_12 = "12 Rue Félix Poulat 38000 Grenoble"


@pytest.fixture
def address_tab(search_db, qgis_canvas, qgis_iface):
    """Return the New search tab on a Lambert-93 map over Grenoble, searching the database with the BAN fixture."""
    from camreq.dialogs.map_tools import PointTool, RouteTool
    from camreq.dialogs.search_tab import SearchTab
    from camreq.settings import Settings

    qgis_canvas.resize(600, 450)
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    qgis_canvas.setExtent(QgsRectangle(912500, 6457500, 914500, 6459000))
    qgis_iface.messageBar().clear_messages()
    tools = PointTool(qgis_canvas), RouteTool(qgis_canvas)
    tab = SearchTab(qgis_canvas, qgis_iface.messageBar(), *tools, Settings(connection=search_db))
    tab.show()
    yield tab
    wait_until(lambda: not tab.address_tasks, "the address suggestions")
    tools[1].remove()
    tab.remove_from_map()
    tab.deleteLater()


def suggested(tab) -> list[str]:
    """Return the labels the field's completer offers, in its order."""
    model = tab.completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def type_and_wait(tab, text: str) -> None:
    """Type text into the incident field and wait until the suggestions for it are in."""
    QTest.keyClicks(tab.coordinatesEdit, text)
    wait_until(lambda: not tab.suggest_timer.isActive() and not tab.address_tasks, "the address suggestions")


def twelve_felix_poulat() -> QgsPointXY:
    """Return the WGS84 position the fixture gives 12 Rue Félix Poulat."""
    row = next(row for row in ban_rows() if row["nom_voie"] == "Rue Félix Poulat" and row["numero"] == "12"
               and not row["rep"])  # fmt: skip
    return QgsPointXY(float(row["lon"]), float(row["lat"]))


def incident_in_wgs84(tab) -> QgsPointXY:
    """Return the tab's incident point in WGS84."""
    from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProject

    point = QgsGeometry(tab.incident)
    point.transform(QgsCoordinateTransform(
        tab.incident_crs, QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext()
    ))  # fmt: skip
    return point.asPoint()


def test_typing_an_address_suggests_it_first_in_the_field_popup(address_tab):
    type_and_wait(address_tab, "12 r felix poulat")
    labels = suggested(address_tab)
    assert labels[0] == FELIX_POULAT_12
    assert address_tab.completer.popup().isVisible()


def test_the_field_suggests_ten_addresses_at_most_best_first(address_tab, db, ban_file, import_addresses):
    towns = [dict(row, id=f"38{400 + town}_0001_00004", id_fantoir=f"38{400 + town}_0001", code_insee=f"38{400 + town}",
                  nom_commune=f"Ville {town}", code_postal=f"38{400 + town}")
             for row in ban_rows() if row["nom_voie"] == "Rue Victor Hugo" and row["code_insee"] == "38185"
             for town in range(12)]  # fmt: skip
    import_addresses(db, ban_file(ban_rows() + towns))
    address_tab.settings.connection = db
    type_and_wait(address_tab, "4 rue victor hugo grenoble")
    labels = suggested(address_tab)
    assert len(labels) == 10 and labels[0] == "4 Rue Victor Hugo 38000 Grenoble"
    scores = [match.score for match in address_tab.addresses.matches]
    assert scores == sorted(scores, reverse=True)


def test_choosing_a_suggestion_places_the_incident_at_the_address(address_tab):
    type_and_wait(address_tab, "12 r felix poulat")
    popup = address_tab.completer.popup()
    popup.setCurrentIndex(address_tab.completer.completionModel().index(0, 0))
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert address_tab.incident is not None
    assert incident_in_wgs84(address_tab).distance(twelve_felix_poulat()) < 1e-6
    assert address_tab.incident_crs.authid() == "EPSG:2154"  # drawn on the map in its CRS
    assert FELIX_POULAT_12 in address_tab.incidentLabel.text()
    assert address_tab.coordinatesEdit.text() == FELIX_POULAT_12


def test_enter_on_an_address_places_the_best_suggestion(address_tab):
    type_and_wait(address_tab, "12 r felix poulat")
    address_tab.completer.popup().hide()
    QTest.keyClick(address_tab.coordinatesEdit, Qt.Key.Key_Return)
    assert incident_in_wgs84(address_tab).distance(twelve_felix_poulat()) < 1e-6
    assert FELIX_POULAT_12 in address_tab.incidentLabel.text()


def test_typed_coordinates_place_the_incident_and_ask_for_no_address(address_tab):
    QTest.keyClicks(address_tab.coordinatesEdit, "45.1885 5.7245")
    assert not address_tab.suggest_timer.isActive()
    QTest.qWait(400)
    assert not address_tab.address_tasks and suggested(address_tab) == []
    QTest.keyClick(address_tab.coordinatesEdit, Qt.Key.Key_Return)
    assert incident_in_wgs84(address_tab).distance(QgsPointXY(5.7245, 45.1885)) < 1e-6
    assert address_tab.incidentLabel.text().startswith("Incident at 45.18850 5.72450")


def test_an_answer_for_an_older_text_is_not_shown(address_tab):
    QTest.keyClicks(address_tab.coordinatesEdit, "12 r felix poulat")
    address_tab.suggest_timer.stop()
    address_tab.ask_addresses()  # the pause in typing: the search for this text starts
    QTest.keyClick(address_tab.coordinatesEdit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(address_tab.coordinatesEdit, "45.1885 5.7245")  # typed before the answer comes back
    wait_until(lambda: not address_tab.address_tasks, "the address suggestions")
    assert suggested(address_tab) == []
    assert not address_tab.completer.popup().isVisible()


def test_an_address_nobody_has_says_so_and_places_nothing(address_tab):
    type_and_wait(address_tab, "zzqx wvvy")
    assert suggested(address_tab) == []
    assert "No address matches" in address_tab.incidentLabel.text()
    QTest.keyClick(address_tab.coordinatesEdit, Qt.Key.Key_Return)
    assert address_tab.incident is None
