"""The panel, driven like an investigator drives it: map clicks, routes, typed coordinates, defaults, checks."""

from datetime import datetime, timedelta

import pytest
from camreq.dialogs.dock import to_datetime
from camreq.settings import Settings
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsWkbTypes
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtTest import QTest


def release(canvas, tool, x: int, y: int, button=Qt.MouseButton.LeftButton) -> QgsPointXY:
    """Release a mouse button at pixel (x, y) on the canvas's current tool; return the map point under it."""
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), button, button)
    tool.canvasReleaseEvent(event)
    return canvas.getCoordinateTransform().toMapCoordinates(QPoint(x, y))


def test_a_click_on_the_map_sets_the_incident_and_draws_the_search_area(dock, lambert93_canvas):
    dock.pickPointButton.click()
    assert lambert93_canvas.mapTool() is dock.point_tool
    clicked = release(lambert93_canvas, lambert93_canvas.mapTool(), 300, 200)
    assert dock.incident.type() == QgsWkbTypes.GeometryType.PointGeometry
    assert dock.incident.asPoint().distance(clicked) < 1e-6
    assert dock.incident_crs.authid() == "EPSG:2154"
    assert dock.incidentLabel.text().startswith("Incident at 45.")
    area = dock.area_band.asGeometry()
    assert area.contains(dock.incident)
    assert area.boundingBox().width() == pytest.approx(2 * 200, rel=0.01)


def test_right_click_finishes_a_route_drawn_with_left_clicks(dock, lambert93_canvas):
    dock.drawRouteButton.click()
    tool = lambert93_canvas.mapTool()
    assert tool is dock.route_tool and not dock.pickPointButton.isChecked()
    vertices = [release(lambert93_canvas, tool, x, y) for x, y in ((100, 100), (300, 150), (500, 300))]
    assert dock.incident is None
    release(lambert93_canvas, tool, 500, 300, Qt.MouseButton.RightButton)
    assert dock.incident.type() == QgsWkbTypes.GeometryType.LineGeometry
    assert all(
        point.distance(vertex) < 1e-6 for point, vertex in zip(dock.incident.asPolyline(), vertices, strict=True)
    )
    assert dock.incidentLabel.text().startswith("Route of 3 points")
    assert tool.vertices == []


def test_choosing_another_tool_releases_the_button(dock, lambert93_canvas):
    dock.pickPointButton.click()
    dock.drawRouteButton.click()
    assert not dock.pickPointButton.isChecked()
    dock.drawRouteButton.click()
    assert lambert93_canvas.mapTool() is None


def test_typed_wgs84_coordinates_set_the_incident_in_the_map_crs(dock):
    QTest.keyClicks(dock.coordinatesEdit, "45.1885, 5.7245")
    QTest.keyClick(dock.coordinatesEdit, Qt.Key.Key_Return)
    expected = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance()
    ).transform(QgsPointXY(5.7245, 45.1885))
    assert dock.incident.asPoint().distance(expected) < 0.01
    assert dock.incident_crs.authid() == "EPSG:2154"


def test_typed_lambert93_coordinates_are_recognised(dock):
    dock.coordinatesEdit.setText("913500 6458000")
    dock.placeCoordinatesButton.click()
    assert dock.incident.asPoint().distance(QgsPointXY(913500, 6458000)) < 0.01


def test_unreadable_coordinates_leave_no_incident_and_say_what_to_type(dock, qgis_iface):
    dock.coordinatesEdit.setText("rue Félix Poulat")
    dock.placeCoordinatesButton.click()
    assert dock.incident is None
    assert "must be two numbers" in dock.incidentLabel.text()
    assert any(
        "must be two numbers" in text for text in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    )


def test_defaults_are_the_last_hour_and_the_settings_radius(lambert93_canvas, qgis_iface):
    from camreq.dialogs.dock import CamreqDock
    from camreq.dialogs.map_tools import PointTool, RouteTool

    before = datetime.now().astimezone()
    panel = CamreqDock(
        lambert93_canvas,
        qgis_iface.messageBar(),
        PointTool(lambert93_canvas),
        RouteTool(lambert93_canvas),
        Settings(default_radius_m=350),
    )
    start, end = to_datetime(panel.startEdit.dateTime()), to_datetime(panel.endEdit.dateTime())
    assert end - start == timedelta(hours=1)
    assert before - timedelta(minutes=1) <= end <= datetime.now().astimezone() + timedelta(minutes=1)
    assert panel.radiusSpin.value() == 350
    assert panel.investigationCombo.currentData() == "flagrance" and not panel.authorisationEdit.isEnabled()
    assert "No database chosen" in panel.connectionLabel.text()
    panel.remove_from_map()


def test_radius_presets_set_the_radius_and_redraw_the_area(dock):
    dock.coordinatesEdit.setText("913500 6458000")
    dock.placeCoordinatesButton.click()
    dock.radius500Button.click()
    assert dock.radiusSpin.value() == 500
    assert dock.area_band.asGeometry().boundingBox().width() == pytest.approx(1000, rel=0.01)


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda dock: None, "Choose the incident first"),
        (lambda dock: dock.endEdit.setDateTime(dock.startEdit.dateTime().addSecs(-60)), "before its start"),
        (lambda dock: dock.reasonEdit.clear(), "Give a reason"),
    ],
)
def test_search_asks_for_what_is_missing_before_touching_the_database(dock, qgis_iface, prepare, message):
    if "incident" not in message:
        dock.coordinatesEdit.setText("913500 6458000")
        dock.placeCoordinatesButton.click()
    dock.reasonEdit.setText("Vol à l'arraché")
    prepare(dock)
    dock.searchButton.click()
    assert dock.task is None
    assert message in dock.resultsLabel.text()
    assert any(message in text for text in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))


def test_ticked_cameras_are_counted_by_owner_and_the_authorisation_is_asked_when_needed(dock, search_row):
    dock.show_results([search_row("A", 5), search_row("B", 9, owner="SEMITAG"), search_row("C", 12)])
    assert dock.selectionLabel.text().startswith("3 cameras ticked, 2 owners")
    assert dock.resultsLabel.text().startswith("3 cameras of 2 owners")
    dock.investigationCombo.setCurrentIndex(dock.investigationCombo.findData("preliminary"))
    assert dock.authorisationEdit.isEnabled()


def test_search_runs_as_a_task_and_its_error_reaches_the_message_bar_in_plain_words(dock, qgis_iface):
    dock.coordinatesEdit.setText("913500 6458000")
    dock.placeCoordinatesButton.click()
    dock.reasonEdit.setText("Vol à l'arraché")
    dock.searchButton.click()
    assert dock.task is not None and not dock.searchButton.isEnabled()
    for _ in range(1000):  # the worker thread reports through the event loop
        if dock.task is None:
            break
        QTest.qWait(10)
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert any("Cannot connect to the database" in text for text in errors)
    assert dock.searchButton.isEnabled()


def test_hostile_typed_coordinates_are_refused_with_a_short_message_naming_them(dock, qgis_iface, hostile):
    _kind, value = hostile
    dock.coordinatesEdit.setText(value)
    dock.placeCoordinatesButton.click()
    [shown] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert dock.incident is None
    assert "Coordinates" in shown and len(shown) < 400 and "\x00" not in shown
    assert dock.incidentLabel.text() in shown


def test_default_times_are_computed_when_the_investigator_acts_not_when_the_panel_opened(dock, monkeypatch):
    import camreq.dialogs.dock as dock_module

    opened_end = to_datetime(dock.endEdit.dateTime())
    later = opened_end + timedelta(hours=3)
    monkeypatch.setattr(dock_module, "now", lambda: later)  # the panel stayed open three hours
    dock.set_incident_point(QgsPointXY(913500, 6458000))
    dock.reasonEdit.setText("Vol à l'arraché")
    request = dock.search_request()
    assert (request.start, request.end) == (later - timedelta(hours=1), later)
    assert dock.answer_deadline() is None  # the core computes 48 h or the purge when the requisitions are made
    dock.startEdit.setDateTime(dock.startEdit.dateTime().addSecs(-1800))  # a window the investigator typed is kept
    kept = dock.search_request()
    assert kept.start == later - timedelta(hours=1, minutes=30)
