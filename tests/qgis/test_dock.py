"""The panel's tabs, each built alone and driven like an investigator drives it: map clicks, routes, typed
coordinates, defaults, checks; then the panel joining them."""

from datetime import datetime, timedelta

import pytest
from camreq.core.search import SearchResult
from camreq.core.times import from_qdatetime
from camreq.settings import Settings
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsWkbTypes
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtTest import QTest


def release(canvas, tool, x: int, y: int, button=Qt.MouseButton.LeftButton) -> QgsPointXY:
    """Release a mouse button at pixel (x, y) on the canvas's current tool; return the map point under it."""
    under = canvas.getCoordinateTransform().toMapCoordinates(QPoint(x, y))  # before the map zooms to the incident
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), button, button)
    tool.canvasReleaseEvent(event)
    return under


def test_a_click_on_the_map_sets_the_incident_and_draws_the_search_area(search_tab, lambert93_canvas):
    search_tab.pickPointButton.click()
    assert lambert93_canvas.mapTool() is search_tab.point_tool
    clicked = release(lambert93_canvas, lambert93_canvas.mapTool(), 300, 200)
    assert search_tab.incident.type() == QgsWkbTypes.GeometryType.PointGeometry
    assert search_tab.incident.asPoint().distance(clicked) < 1e-6
    assert search_tab.incident_crs.authid() == "EPSG:2154"
    assert search_tab.incidentLabel.text().startswith("Incident at 45.")
    area = search_tab.area_band.asGeometry()
    assert area.contains(search_tab.incident)
    assert area.boundingBox().width() == pytest.approx(2 * 200, rel=0.01)


def test_right_click_finishes_a_route_drawn_with_left_clicks(search_tab, lambert93_canvas):
    search_tab.drawRouteButton.click()
    tool = lambert93_canvas.mapTool()
    assert tool is search_tab.route_tool and not search_tab.pickPointButton.isChecked()
    vertices = [release(lambert93_canvas, tool, x, y) for x, y in ((100, 100), (300, 150), (500, 300))]
    assert search_tab.incident is None
    release(lambert93_canvas, tool, 500, 300, Qt.MouseButton.RightButton)
    assert search_tab.incident.type() == QgsWkbTypes.GeometryType.LineGeometry
    assert all(
        point.distance(vertex) < 1e-6 for point, vertex in zip(search_tab.incident.asPolyline(), vertices, strict=True)
    )
    assert search_tab.incidentLabel.text().startswith("Route of 3 points")
    assert tool.vertices == []


def test_choosing_another_tool_releases_the_button(search_tab, lambert93_canvas):
    search_tab.pickPointButton.click()
    search_tab.drawRouteButton.click()
    assert not search_tab.pickPointButton.isChecked()
    search_tab.drawRouteButton.click()
    assert lambert93_canvas.mapTool() is None


def test_typed_wgs84_coordinates_set_the_incident_in_the_map_crs(search_tab):
    QTest.keyClicks(search_tab.coordinatesEdit, "45.1885, 5.7245")
    QTest.keyClick(search_tab.coordinatesEdit, Qt.Key.Key_Return)
    expected = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance()
    ).transform(QgsPointXY(5.7245, 45.1885))
    assert search_tab.incident.asPoint().distance(expected) < 0.01
    assert search_tab.incident_crs.authid() == "EPSG:2154"


def test_typed_lambert93_coordinates_are_recognised(search_tab):
    search_tab.coordinatesEdit.setText("913500 6458000")
    search_tab.placeCoordinatesButton.click()
    assert search_tab.incident.asPoint().distance(QgsPointXY(913500, 6458000)) < 0.01


def test_unreadable_coordinates_leave_no_incident_and_say_what_to_type(search_tab, qgis_iface):
    search_tab.coordinatesEdit.setText("rue Félix Poulat")
    search_tab.placeCoordinatesButton.click()
    assert search_tab.incident is None
    assert "must be two numbers" in search_tab.incidentLabel.text()
    assert any(
        "must be two numbers" in text for text in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    )


def test_defaults_are_the_last_hour_and_the_settings_radius(lambert93_canvas, qgis_iface):
    from camreq.dialogs.map_tools import PointTool, RouteTool
    from camreq.dialogs.search_tab import SearchTab

    before = datetime.now().astimezone()
    tab = SearchTab(
        lambert93_canvas,
        qgis_iface.messageBar(),
        PointTool(lambert93_canvas),
        RouteTool(lambert93_canvas),
        Settings(default_radius_m=350),
    )
    start, end = from_qdatetime(tab.startEdit.dateTime()), from_qdatetime(tab.endEdit.dateTime())
    assert end - start == timedelta(hours=1)
    assert before - timedelta(minutes=1) <= end <= datetime.now().astimezone() + timedelta(minutes=1)
    assert tab.radiusSpin.value() == 350
    tab.remove_from_map()


def test_radius_presets_set_the_radius_and_redraw_the_area(search_tab):
    search_tab.coordinatesEdit.setText("913500 6458000")
    search_tab.placeCoordinatesButton.click()
    search_tab.radius500Button.click()
    assert search_tab.radiusSpin.value() == 500
    assert search_tab.area_band.asGeometry().boundingBox().width() == pytest.approx(1000, rel=0.01)


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda tab: None, "Choose the incident first"),
        (lambda tab: tab.endEdit.setDateTime(tab.startEdit.dateTime().addSecs(-60)), "before its start"),
        (lambda tab: tab.reasonEdit.clear(), "Give a reason"),
    ],
)
def test_search_asks_for_what_is_missing_before_touching_the_database(search_tab, qgis_iface, prepare, message):
    if "incident" not in message:
        search_tab.coordinatesEdit.setText("913500 6458000")
        search_tab.placeCoordinatesButton.click()
    search_tab.reasonEdit.setText("Vol à l'arraché")
    prepare(search_tab)
    search_tab.searchButton.click()
    assert search_tab.task is None
    assert message in search_tab.resultsLabel.text()
    assert any(message in text for text in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))


def test_the_results_say_how_many_cameras_and_owners_were_found(search_tab, search_row):
    search_tab.show_results(SearchResult(1, 2154, [search_row("A", 5), search_row("B", 9, owner="SEMITAG"),
                                                   search_row("C", -2)]))  # fmt: skip
    assert search_tab.resultsLabel.text() == "3 cameras of 2 owners; footage still available for 2."
    assert search_tab.cameras_band.numberOfVertices() == 2 and search_tab.expired_band.numberOfVertices() == 1


def test_the_search_tab_hands_on_the_ticked_cameras_as_search_hits(search_tab, search_row):
    handed: list[SearchResult] = []
    search_tab.camerasTicked.connect(handed.append)
    search_tab.show_results(SearchResult(7, 2154, [search_row("A", 5), search_row("B", 9), search_row("GONE", -1)]))
    assert [hit.camera_ref for hit in handed[-1].hits] == ["A", "B"] and handed[-1].search_id == 7
    search_tab.results.setData(search_tab.results.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert [hit.camera_ref for hit in handed[-1].hits] == ["B"]


def test_search_runs_as_a_task_and_its_error_reaches_the_message_bar_in_plain_words(search_tab, qgis_iface):
    search_tab.coordinatesEdit.setText("913500 6458000")
    search_tab.placeCoordinatesButton.click()
    search_tab.reasonEdit.setText("Vol à l'arraché")
    search_tab.searchButton.click()
    assert search_tab.task is not None and not search_tab.searchButton.isEnabled()
    for _ in range(1000):  # the worker thread reports through the event loop
        if search_tab.task is None:
            break
        QTest.qWait(10)
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert any("Cannot connect to the database" in text for text in errors)
    assert search_tab.searchButton.isEnabled()


def test_hostile_typed_coordinates_are_refused_with_a_short_message_naming_them(search_tab, qgis_iface, hostile):
    _kind, value = hostile
    search_tab.coordinatesEdit.setText(value)
    search_tab.placeCoordinatesButton.click()
    [shown] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert search_tab.incident is None
    assert "Coordinates" in shown and len(shown) < 400 and "\x00" not in shown
    assert search_tab.incidentLabel.text() in shown


OFFICER = Settings(officer_name="Claire Martin", officer_rank="Capitaine", officer_unit="SD Grenoble")


def test_the_requisitions_tab_alone_counts_the_cameras_handed_to_it_by_owner(qgis_iface, search_row):
    from camreq.dialogs.requisitions_tab import RequisitionsTab

    tab = RequisitionsTab(qgis_iface.messageBar(), OFFICER)
    assert tab.officerLabel.text() == "Capitaine, Claire Martin, SD Grenoble"
    assert tab.answer_deadline() is None  # the core computes 48 h or the purge when the requisitions are made
    tab.set_cameras(SearchResult(1, 2154, [search_row("A", 5), search_row("B", 9, owner="SEMITAG"),
                                           search_row("C", 12)]))  # fmt: skip
    assert tab.selectionLabel.text().startswith("3 cameras ticked, 2 owners")
    assert tab.createButton.isEnabled()
    tab.set_cameras(SearchResult(1, 2154, []))
    assert not tab.createButton.isEnabled()


def test_the_requisitions_tab_asks_the_authorisation_only_where_the_investigation_needs_it(qgis_iface):
    from camreq.dialogs.requisitions_tab import RequisitionsTab

    tab = RequisitionsTab(qgis_iface.messageBar(), OFFICER)
    assert tab.investigationCombo.currentData() == "flagrance" and not tab.authorisationEdit.isEnabled()
    tab.investigationCombo.setCurrentIndex(tab.investigationCombo.findData("preliminary"))
    assert tab.authorisationEdit.isEnabled()


def test_the_requisitions_tab_alone_asks_for_a_ticked_camera_before_anything_else(qgis_iface):
    from camreq.dialogs.requisitions_tab import RequisitionsTab

    qgis_iface.messageBar().clear_messages()
    tab = RequisitionsTab(qgis_iface.messageBar(), OFFICER)
    tab.caseNumberEdit.setText("2026/004517")
    tab.createButton.click()
    assert not tab.running and "Tick at least one camera" in tab.sendReport.toPlainText()
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("Tick at least one camera" in text for text in warnings)


def test_the_followup_tab_alone_offers_the_filters_and_answers_and_says_when_no_database_is_chosen(qgis_iface):
    from camreq.dialogs.followup_tab import ANSWERS, FollowupTab

    qgis_iface.messageBar().clear_messages()
    tab = FollowupTab(qgis_iface.messageBar(), Settings())
    assert tab.statusFilterCombo.itemText(0) == "All statuses" and tab.statusFilterCombo.count() == 1 + 8
    assert [tab.answerStatusCombo.itemData(i) for i in range(tab.answerStatusCombo.count())] == list(ANSWERS)
    assert not (tab.openPdfButton.isEnabled() or tab.resendButton.isEnabled() or tab.recordAnswerButton.isEnabled())
    tab.refresh()
    assert not tab.running
    assert any("No database chosen" in text for text in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))


def test_the_panel_joins_the_tabs_the_ticked_cameras_reach_the_requisitions_tab(
    lambert93_canvas, qgis_iface, search_row
):
    from camreq.dialogs.dock import CamreqDock
    from camreq.dialogs.map_tools import PointTool, RouteTool

    qgis_iface.messageBar().clear_messages()
    panel = CamreqDock(
        lambert93_canvas, qgis_iface.messageBar(), PointTool(lambert93_canvas), RouteTool(lambert93_canvas), OFFICER
    )
    assert [panel.tabs.tabText(index) for index in range(3)] == ["New search", "Requisitions", "Follow-up"]
    assert "No database chosen" in panel.connectionLabel.text()
    panel.search.show_results(SearchResult(1, 2154, [search_row("A", 5), search_row("B", 9, owner="SEMITAG")]))
    assert panel.requisitions.selectionLabel.text().startswith("2 cameras ticked, 2 owners")
    asked = []
    panel.settingsRequested.connect(lambda: asked.append(True))
    panel.settingsButton.click()
    assert asked == [True]
    panel.tabs.setCurrentWidget(panel.followup)  # showing the follow-up reloads it: here, no database to read
    assert any("No database chosen" in text for text in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    panel.remove_from_map()


def test_default_times_are_computed_when_the_investigator_acts_not_when_the_panel_opened(search_tab, monkeypatch):
    import camreq.dialogs.search_tab as search_tab_module

    opened_end = from_qdatetime(search_tab.endEdit.dateTime())
    later = opened_end + timedelta(hours=3)
    monkeypatch.setattr(search_tab_module, "now", lambda: later)  # the panel stayed open three hours
    search_tab.set_incident_point(QgsPointXY(913500, 6458000))
    search_tab.reasonEdit.setText("Vol à l'arraché")
    request = search_tab.search_request()
    assert (request.start, request.end) == (later - timedelta(hours=1), later)
    search_tab.startEdit.setDateTime(search_tab.startEdit.dateTime().addSecs(-1800))  # a typed window is kept
    kept = search_tab.search_request()
    assert kept.start == later - timedelta(hours=1, minutes=30)
