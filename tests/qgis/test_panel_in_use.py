"""The panel as an investigator uses it on a laptop: results that always belong to the incident on screen, ticks
that fit the need, a map that zooms where the incident is, lists readable at the dock's width, mail errors in words.
"""

from __future__ import annotations

import pytest
from camreq.core.search import SearchResult
from camreq.settings import Settings
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

INCIDENT = QgsPointXY(913500, 6458000)  # Lambert-93, place Grenette


def place(tab, text: str = "913500 6458000") -> None:
    """Type coordinates and press Enter, as an investigator places the incident."""
    tab.coordinatesEdit.setText(text)
    QTest.keyClick(tab.coordinatesEdit, Qt.Key.Key_Return)


def found(search_row, **values) -> SearchResult:
    """Return a search result of three cameras: two in view (one purged), one out of view."""
    return SearchResult(
        5,
        2154,
        [search_row("IN", 20), search_row("OUT", 30, in_view=False), search_row("GONE", -3)],
        **values,
    )


def ticked(tab) -> list[str]:
    """Return the references of the cameras ticked in the list."""
    return [hit.camera_ref for hit in tab.results.ticked_rows()]


CHANGES = {
    "a map click": lambda tab, canvas: tab.point_tool.pointPicked.emit(QgsPointXY(913700, 6458100)),
    "a drawn route": lambda tab, canvas: tab.route_tool.routeFinished.emit(
        QgsGeometry.fromPolylineXY([QgsPointXY(913000, 6458000), QgsPointXY(913800, 6458000)])
    ),
    "typed coordinates": lambda tab, canvas: place(tab, "45.19 5.73"),
    "the start": lambda tab, canvas: tab.startEdit.setDateTime(tab.startEdit.dateTime().addSecs(-600)),
    "the end": lambda tab, canvas: tab.endEdit.setDateTime(tab.endEdit.dateTime().addSecs(600)),
    "the radius": lambda tab, canvas: tab.radius50Button.click(),
    "the out-of-service option": lambda tab, canvas: tab.outOfServiceCheck.click(),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_of_incident_window_radius_or_option_clears_the_results_ticks_markers_and_selection(
    search_tab, lambert93_canvas, search_row, change
):
    handed: list[SearchResult] = []
    search_tab.camerasTicked.connect(handed.append)
    place(search_tab)
    search_tab.show_results(found(search_row))
    assert handed[-1].hits and search_tab.cameras_band.numberOfVertices() == 2
    CHANGES[change](search_tab, lambert93_canvas)
    assert search_tab.results.rowCount() == 0 and ticked(search_tab) == []
    assert search_tab.cameras_band.numberOfVertices() == 0 and search_tab.expired_band.numberOfVertices() == 0
    assert handed[-1].hits == [] and handed[-1].search_id == 0
    assert "search again" in search_tab.resultsLabel.text()


def test_a_change_of_speed_along_the_route_clears_the_results(search_tab, search_row):
    search_tab.route_tool.routeFinished.emit(
        QgsGeometry.fromPolylineXY([QgsPointXY(913000, 6458000), QgsPointXY(913800, 6458000)])
    )
    search_tab.show_results(found(search_row))
    search_tab.speedSpin.setValue(30)
    assert search_tab.results.rowCount() == 0


def test_a_search_that_ends_after_the_incident_changed_is_not_shown(search_tab, search_row):
    place(search_tab)
    asked_for = search_tab.form_version  # the form a search started now answers (the task carries it)
    place(search_tab, "913900 6458300")
    search_tab._search_done(asked_for, found(search_row))  # what the task calls when it ends
    assert search_tab.results.rowCount() == 0 and "search again" in search_tab.resultsLabel.text()


def test_one_click_ticks_only_the_cameras_in_view_and_one_unticks_all(qgis_iface, lambert93_canvas, search_row):
    from camreq.dialogs.dock import CamreqDock
    from camreq.dialogs.map_tools import PointTool, RouteTool

    panel = CamreqDock(
        lambert93_canvas, qgis_iface.messageBar(), PointTool(lambert93_canvas), RouteTool(lambert93_canvas), Settings()
    )
    panel.search.show_results(found(search_row))
    assert ticked(panel.search) == ["IN", "OUT"]
    panel.search.tickInViewButton.click()
    assert ticked(panel.search) == ["IN"]
    assert [hit.camera_ref for hit in panel.requisitions.cameras.hits] == ["IN"]
    panel.search.untickAllButton.click()
    assert ticked(panel.search) == [] and not panel.requisitions.createButton.isEnabled()
    panel.remove_from_map()


def test_out_of_service_cameras_left_out_are_counted_and_one_click_searches_again_with_them(search_tab, search_row):
    place(search_tab)
    search_tab.reasonEdit.setText("Vol")
    search_tab.show_results(found(search_row, out_of_service_nearby=3))
    assert search_tab.outOfServiceLabel.text().startswith("3 cameras out of service nearby")
    assert "show them" in search_tab.outOfServiceLabel.text()
    search_tab.outOfServiceLabel.linkActivated.emit("show")
    assert search_tab.outOfServiceCheck.isChecked() and search_tab.search_request().include_out_of_service
    assert search_tab.task is not None  # the search runs again
    for _ in range(1000):
        if search_tab.task is None:
            break
        QTest.qWait(10)
    search_tab.show_results(found(search_row))
    assert search_tab.outOfServiceLabel.text() == ""


@pytest.mark.parametrize(("radius", "crs"), [(10, "EPSG:2154"), (500, "EPSG:2154"), (200, "EPSG:3857")])
def test_placing_an_incident_shows_its_whole_search_area_at_a_readable_scale(search_tab, lambert93_canvas, radius, crs):
    lambert93_canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    search_tab.radiusSpin.setValue(radius)
    lambert93_canvas.zoomScale(500_000)
    place(search_tab)
    area = search_tab.area_band.asGeometry().boundingBox()
    extent = lambert93_canvas.extent()
    assert extent.contains(area)
    assert lambert93_canvas.scale() >= 1999
    fitted = min(extent.width() / area.width(), extent.height() / area.height())  # the side the map fits
    assert lambert93_canvas.scale() < 2001 or fitted < 1.6


def test_clicking_a_result_zooms_to_its_camera(search_tab, lambert93_canvas, search_row):
    place(search_tab, "913900 6458300")
    search_tab.show_results(found(search_row))
    search_tab.resultsView.clicked.emit(search_tab.results.index(0, 1))
    assert lambert93_canvas.center().distance(INCIDENT) < 0.5
    assert lambert93_canvas.scale() == pytest.approx(1000, rel=0.01)


def test_the_incident_area_and_cameras_are_redrawn_when_the_map_changes_crs(search_tab, lambert93_canvas, search_row):
    place(search_tab)
    search_tab.show_results(found(search_row))
    lambert93_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    mercator = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:2154"), QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance()
    ).transform(INCIDENT)
    assert search_tab.area_band.asGeometry().centroid().asPoint().distance(mercator) < 1
    assert search_tab.incident_band.asGeometry().centroid().asPoint().distance(mercator) < 0.01
    assert search_tab.cameras_band.getPoint(0, 0).distance(mercator) < 0.01


def test_the_first_action_in_a_project_without_layers_asks_for_the_map(search_tab):
    asked: list[bool] = []
    search_tab.mapWanted.connect(lambda: asked.append(True))
    QgsProject.instance().removeAllMapLayers()
    search_tab.pickPointButton.click()
    assert asked == [True]
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "streets", "memory")
    QgsProject.instance().addMapLayer(layer)
    place(search_tab)
    assert asked == [True]
    QgsProject.instance().removeAllMapLayers()


def test_the_owner_column_tooltip_names_the_owner_in_full_and_the_camera(search_row):
    from camreq.dialogs.results_model import COLUMNS, ResultsModel

    owner = "Société d'économie mixte des transports de l'agglomération grenobloise"
    model = ResultsModel()
    model.set_rows([search_row("GRE-0042", 3, owner=owner), search_row("GRE-0043", -3, owner=owner)], search_row.now)
    for row in range(2):
        tip = model.index(row, COLUMNS.index("owner")).data(Qt.ItemDataRole.ToolTipRole)
        assert owner in tip and model.row_at(row).camera_ref in tip


def test_the_followup_list_fits_the_dock_width_with_the_owner_elided(qgis_iface):
    from camreq.core.times import now
    from camreq.db.followup import FollowupRow
    from camreq.dialogs.followup_tab import FollowupTab

    owner = "Société d'économie mixte des transports de l'agglomération grenobloise"
    rows = [
        FollowupRow(
            id=1, number="2026-000123", case_number="2026/004517", owner_name=owner, owner_email="dpo@semitag.example",
            status="footage_delivered", is_open=False, purge_deadline=now(), answer_deadline=now(), has_pdf=False,
            outbox_status="sent", last_answer=None, due_soon=False,
        )
    ]  # fmt: skip
    tab = FollowupTab(qgis_iface.messageBar(), Settings())
    tab.resize(50 * tab.fontMetrics().averageCharWidth(), 600)  # the dock at 1366×768 (about 360 px), in its font
    tab.show()
    tab.model.set_records(rows)
    QTest.qWait(50)
    view = tab.requisitionsView
    titles = [tab.model.headerData(column, Qt.Orientation.Horizontal) for column in range(tab.model.columnCount())]
    assert titles == ["Number", "Owner", "Status", "Purge", "Answer by"]
    widths = [view.columnWidth(column) for column in range(tab.model.columnCount())]
    assert view.horizontalHeader().length() <= view.viewport().width(), widths
    assert not view.horizontalScrollBar().isVisible()
    assert view.columnWidth(1) < view.fontMetrics().horizontalAdvance(owner)  # elided on screen...
    assert owner in tab.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)  # ...whole in the tooltip
    assert "2026/004517" in tab.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    tab.hide()


def test_the_delivery_field_shows_the_start_of_its_text(qgis_iface):
    from camreq.dialogs.requisitions_tab import RequisitionsTab

    tab = RequisitionsTab(qgis_iface.messageBar(), Settings())
    assert tab.deliveryEdit.text() and tab.deliveryEdit.cursorPosition() == 0


def test_a_missing_sender_address_is_told_in_words_pointing_to_the_settings(qgis_iface, search_row):
    from camreq.dialogs.requisitions_tab import RequisitionsTab

    qgis_iface.messageBar().clear_messages()
    settings = Settings(connection="dbname=camreq_test", smtp_host="127.0.0.1", smtp_from="")
    tab = RequisitionsTab(qgis_iface.messageBar(), settings)
    tab.set_cameras(found(search_row))
    tab.caseNumberEdit.setText("2026/004517")
    tab.createButton.click()
    said = tab.sendReport.toPlainText()
    assert not tab.running
    assert said == "The sender's e-mail address is missing or is not an e-mail address. Fix it in the CamReq settings."
