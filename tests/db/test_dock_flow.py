"""The panel end to end on a real PostGIS and a real SMTP server on loopback, driven through its widgets.

Tasks run on QGIS's real task manager; the tests wait for them by processing events (QTest.qWait) until the panel
says they reported, as the QGIS window would.
"""

from __future__ import annotations

import io
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsGeometry, QgsPointXY, QgsRectangle
from qgis.PyQt.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

SAMPLE_INCIDENT = "45.1885 5.7245"  # place Grenette, Grenoble: the demo's sample incident
CASE = "2026/004517"


def wait_until(done, what: str) -> None:
    """Process events until done() is true (the worker thread reports through the event loop).

    On failure the message says what the panel showed in the message bar and which tasks still run: a step
    that failed earlier (a search refused, say) is then named instead of the step that waited for nothing.
    """
    for _ in range(12000):
        if done():
            return
        QTest.qWait(10)
    from qgis.core import QgsApplication
    from qgis.utils import iface

    said = {level: texts for level, texts in iface.messageBar().messages.items() if texts}
    active = [task.description() for task in QgsApplication.taskManager().activeTasks()]
    pytest.fail(f"{what} did not finish; the message bar said {said}; tasks still active: {active}")


@pytest.fixture
def sample_db(db, camreq_processing) -> str:
    """Return a database holding the synthetic Grenoble sample registry."""
    camreq_processing.run("camreq:loadsampledata", {"CONNECTION": db})
    return db


@pytest.fixture
def open_panel(qgis_canvas, qgis_iface, tmp_path):
    """Return a function building the panel as the plugin does, with settings for connection and SMTP port."""
    from camreq.dialogs.dock import CamreqDock
    from camreq.dialogs.map_tools import PointTool, RouteTool
    from camreq.settings import Settings

    qgis_canvas.resize(600, 450)
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    qgis_canvas.setExtent(QgsRectangle(912500, 6457500, 914500, 6459000))
    built = []

    def build(connection: str, smtp_port: int = 25, **changes):
        qgis_iface.messageBar().clear_messages()
        settings = Settings(
            connection=connection, officer_name="Claire Martin", officer_rank="Capitaine",
            officer_unit="SD Grenoble", officer_email="claire.martin@example.org", officer_phone="04 65 71 40 12",
            unit_city="Grenoble",
            smtp_host="127.0.0.1", smtp_port=smtp_port, smtp_security="none", smtp_from="requisitions@example.org",
            **changes,
        )  # fmt: skip
        tools = PointTool(qgis_canvas), RouteTool(qgis_canvas)
        panel = CamreqDock(qgis_canvas, qgis_iface.messageBar(), *tools, settings)
        panel.requisitions.pdf_folder = tmp_path / "pdf"
        built.append((panel, tools))
        return panel

    yield build
    for panel, (_point_tool, route_tool) in built:
        wait_until(lambda: not panel.requisitions.running and not panel.followup.running, "a task")  # noqa: B023
        route_tool.remove()
        panel.remove_from_map()
        panel.deleteLater()


def search(panel) -> None:
    """Type the sample incident and a reason, click Search, wait for the list."""
    QTest.keyClicks(panel.search.coordinatesEdit, SAMPLE_INCIDENT)
    QTest.keyClick(panel.search.coordinatesEdit, Qt.Key.Key_Return)
    QTest.keyClicks(panel.search.reasonEdit, "Vol avec violence")
    panel.search.searchButton.click()
    wait_until(lambda: panel.search.task is None, "the search")


class ConfirmationAnswer:
    """Clicks a button of the confirmation box each time one shows, as the investigator would; keeps what it said."""

    def __init__(self, button: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes) -> None:
        """Watch for the box from now on (the box runs its own event loop, where the timer still fires)."""
        self.button = button
        self.said: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._answer)
        self.timer.start(20)

    def _answer(self) -> None:
        """Click the button of a box showing, once per box."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible() and widget.button(self.button):
                self.said.append(f"{widget.text()}\n{widget.informativeText()}")
                click(widget.button(self.button))

    def stop(self) -> None:
        """Stop watching."""
        self.timer.stop()


def click_create(panel, button: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes) -> ConfirmationAnswer:
    """Click Create and send, answer the confirmation with button, wait for the report; return what was asked."""
    answer = ConfirmationAnswer(button)
    try:
        click(panel.requisitions.createButton)
        wait_until(lambda: not panel.requisitions.running, "the requisitions")
    finally:
        answer.stop()
    return answer


def create_and_send(panel) -> ConfirmationAnswer:
    """Fill the case number, click Create and send, agree to what will be sent, wait for the report."""
    QTest.keyClicks(panel.requisitions.caseNumberEdit, CASE)
    return click_create(panel)


def send_and_follow_up(panel) -> None:
    """Search, create and send the requisitions, then open the Follow-up tab and wait for its list."""
    search(panel)
    create_and_send(panel)
    panel.tabs.setCurrentWidget(panel.followup)
    wait_until(lambda: panel.followup.model.rowCount() > 0 and not panel.followup.running, "the follow-up list")


def shown_rows(panel) -> list:
    """Return the cameras found in the order the list shows them."""
    return [panel.search.results.row_at(row) for row in range(panel.search.results.rowCount())]


def test_a_search_fills_the_list_in_deadline_order_and_a_row_click_zooms_to_its_camera(
    open_panel, sample_db, sql, qgis_canvas
):
    panel = open_panel(sample_db)
    search(panel)
    rows = shown_rows(panel)
    expected = sql(
        sample_db,
        """SELECT count(*) FROM camreq.cameras WHERE status = 'in_service' AND ST_DWithin(camreq.geography_of(geom),
           ST_SetSRID(ST_MakePoint(5.7245, 45.1885), 4326)::geography, 200.001)""",
    )[0][0]
    assert len(rows) == expected > 1
    purges = [row.purge_at for row in rows]
    assert purges == sorted(purges) and len(set(purges)) > 1
    assert sql(sample_db, "SELECT reason, result_count FROM camreq.searches") == [("Vol avec violence", len(rows))]
    assert panel.search.cameras_band.numberOfVertices() == len(rows)
    assert qgis_canvas.extent().contains(panel.search.area_band.asGeometry().boundingBox())  # the map shows the area
    panel.search.resultsView.clicked.emit(panel.search.results.index(len(rows) - 1, 1))
    camera = panel.search.camera_point(rows[-1]).asPoint()
    assert qgis_canvas.center().distance(camera) < 0.5 and qgis_canvas.scale() == pytest.approx(1000, rel=0.01)


def test_the_out_of_service_cameras_nearby_are_counted_and_show_them_lists_them(open_panel, sample_db, sql):
    panel = open_panel(sample_db)
    search(panel)
    nearby = """SELECT count(*) FROM camreq.cameras WHERE status {} 'in_service' AND ST_DWithin(
        camreq.geography_of(geom), ST_SetSRID(ST_MakePoint(5.7245, 45.1885), 4326)::geography, 200.001)"""
    left_out, in_service = sql(sample_db, nearby.format("<>"))[0][0], sql(sample_db, nearby.format("="))[0][0]
    assert left_out > 0
    assert panel.search.outOfServiceLabel.text().startswith(f"{left_out} cameras out of service nearby")
    panel.search.outOfServiceLabel.linkActivated.emit("show")
    wait_until(lambda: panel.search.task is None, "the search")
    assert panel.search.results.rowCount() == left_out + in_service and panel.search.outOfServiceLabel.text() == ""


def test_a_drawn_route_with_a_speed_gives_each_camera_the_window_centred_on_when_the_route_passes_it(
    open_panel, sample_db, qgis_canvas
):
    from camreq.core.search import DEFAULT_MARGIN_MINUTES
    from qgis.core import QgsDistanceArea, QgsProject

    panel = open_panel(sample_db)
    assert not panel.search.speedSpin.isEnabled()
    route = QgsGeometry.fromPolylineXY([QgsPointXY(912900, 6458000), QgsPointXY(914100, 6458000)])
    panel.search.route_tool.routeFinished.emit(route)  # what a right click ending a drawn route sends
    assert panel.search.speedSpin.isEnabled()
    panel.search.speedSpin.setValue(30)
    QTest.keyClicks(panel.search.reasonEdit, "Fuite en scooter")
    panel.search.searchButton.click()
    wait_until(lambda: panel.search.task is None, "the search")
    rows = shown_rows(panel)
    shown = panel.search.startEdit.dateTime()  # the Paris wall-clock time the editor shows
    start = datetime(*shown.date().getDate(), shown.time().hour(), shown.time().minute(), shown.time().second(),
                     shown.time().msec() * 1000, tzinfo=ZoneInfo("Europe/Paris"))  # fmt: skip
    metres = QgsDistanceArea()
    metres.setSourceCrs(qgis_canvas.mapSettings().destinationCrs(), QgsProject.instance().transformContext())
    metres.setEllipsoid("EPSG:7019")
    for row in rows:
        passed = route.nearestPoint(panel.search.camera_point(row)).asPoint()
        along = metres.measureLine(route.asPolyline()[0], passed)
        middle = row.window_start + (row.window_end - row.window_start) / 2
        assert abs((middle - (start + timedelta(seconds=along / (30 / 3.6)))).total_seconds()) < 3, row.camera_ref
        assert row.window_end - row.window_start == timedelta(minutes=2 * DEFAULT_MARGIN_MINUTES)
    assert len(rows) > 2 and len({row.window_start for row in rows}) > 2


def test_ticked_cameras_become_requisitions_with_pdfs_sent_to_the_smtp_server(open_panel, sample_db, sql, smtp_server):
    from pypdf import PdfReader

    handler, port = smtp_server()
    panel = open_panel(sample_db, port)
    search(panel)
    owners = {row.owner_name for row in panel.search.results.ticked_rows()}
    emailed = {row.owner_email for row in panel.search.results.ticked_rows() if row.owner_email}
    create_and_send(panel)
    made = sql(sample_db, "SELECT o.name, r.status, d.pdf, r.case_number FROM camreq.requisitions r "
               "JOIN camreq.owners o ON o.id = r.owner_id "
               "JOIN camreq.requisition_documents d ON d.requisition_id = r.id AND d.issued")  # fmt: skip
    assert {name for name, *_ in made} == owners
    assert {rcpt for envelope in handler.envelopes for rcpt in envelope.rcpt_tos} == emailed
    for name, status, pdf, case in made:
        assert status == ("sent" if name in {r.owner_name for r in panel.search.results.ticked_rows() if r.owner_email}
                          else "issued")  # fmt: skip
        assert CASE in "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages) and case == CASE
    report = panel.requisitions.sendReport.toPlainText()
    assert report.count(" sent to ") == len(emailed)
    wait_until(lambda: panel.followup.model.rowCount() == len(owners), "the follow-up list")


class PinAnswer:
    """Types pin into the PIN dialog each time one shows, as the investigator would; counts the dialogs."""

    def __init__(self, pin: str) -> None:
        """Watch for the dialog from now on."""
        self.pin = pin
        self.asked = 0
        self.timer = QTimer()
        self.timer.timeout.connect(self._answer)
        self.timer.start(20)

    def _answer(self) -> None:
        """Type the PIN and press OK in a PIN dialog showing."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QInputDialog) and widget.isVisible():
                self.asked += 1
                widget.setTextValue(self.pin)
                widget.accept()

    def stop(self) -> None:
        """Stop watching."""
        self.timer.stop()


def test_the_panel_signs_with_the_smartcard_of_the_settings_asking_for_its_pin_and_keeping_it_nowhere(
    open_panel, sample_db, sql, smtp_server, token, ca, signing_secrets
):
    from asn1crypto import x509
    from camreq.core.verification import verify_pdf
    from cryptography.hazmat.primitives import serialization
    from qgis.core import QgsSettings

    _handler, port = smtp_server()
    panel = open_panel(
        sample_db, port, pkcs11_module=token["PKCS11_MODULE"], pkcs11_key_label=token["PKCS11_KEY_LABEL"]
    )
    search(panel)
    answer = PinAnswer(signing_secrets["pin"])
    try:
        create_and_send(panel)
    finally:
        answer.stop()
    assert answer.asked == 1
    root = x509.Certificate.load(ca.certificate.public_bytes(serialization.Encoding.DER))
    pdfs = [bytes(pdf) for (pdf,) in sql(sample_db, "SELECT pdf FROM camreq.requisition_documents WHERE issued")]
    assert pdfs and all(verify_pdf(pdf, [root]).valid() for pdf in pdfs)
    assert "carte agent" in verify_pdf(pdfs[0], [root]).signer
    QgsSettings().sync()
    assert signing_secrets["pin"] not in Path(QgsSettings().fileName()).read_text(errors="replace")
    assert signing_secrets["pin"] not in panel.requisitions.sendReport.toPlainText()


def test_create_and_send_first_shows_each_owner_with_recipient_and_cameras_and_cancel_sends_nothing(
    open_panel, sample_db, sql, smtp_server
):
    handler, port = smtp_server()
    panel = open_panel(sample_db, port)
    search(panel)
    ticked = panel.search.results.ticked_rows()
    owners = {row.owner_name: row.owner_email for row in ticked}
    assert None in owners.values() and len(owners) > 1  # the sample has owners with and without e-mail
    QTest.keyClicks(panel.requisitions.caseNumberEdit, CASE)
    asked = click_create(panel, QMessageBox.StandardButton.Cancel)
    assert len(asked.said) == 1
    said = asked.said[0]
    assert said.startswith(f"{len(owners)} requisitions to {len(owners)} owners")
    for name, email in owners.items():
        refs = sorted(row.camera_ref for row in ticked if row.owner_name == name)
        line = next(line for line in said.splitlines() if line.startswith(f"{name} ("))
        assert (email or "no e-mail: to serve by hand") in line
        assert f"{len(refs)} camera(s) {', '.join(refs)}; answer by " in line
    assert sql(sample_db, "SELECT count(*) FROM camreq.requisitions") == [(0,)] and handler.envelopes == []
    assert panel.requisitions.sendReport.toPlainText() == "Nothing sent."
    assert len(click_create(panel).said) == 1  # Yes: sent once
    assert sql(sample_db, "SELECT count(*) FROM camreq.requisitions") == [(len(owners),)]
    assert len(handler.envelopes) == sum(1 for email in owners.values() if email)


def test_the_confirmation_names_the_cameras_left_out_with_the_requisition_already_asking(
    open_panel, sample_db, sql, smtp_server
):
    _handler, port = smtp_server()
    panel = open_panel(sample_db, port)
    search(panel)
    first = panel.search.results.ticked_rows()[0]
    panel.search.results.tick_only(lambda hit: hit is first)  # request the first camera alone
    create_and_send(panel)
    number = sql(sample_db, "SELECT number FROM camreq.requisitions")[0][0]
    panel.search.results.tick_only(lambda hit: True)
    asked = click_create(panel, QMessageBox.StandardButton.Cancel)
    assert f"Left out, already requested: {first.camera_ref} (requisition {number})" in asked.said[0]


def test_recording_an_answer_adds_a_history_row_shown_in_the_panel(open_panel, sample_db, sql, smtp_server):
    _handler, port = smtp_server()
    panel = open_panel(sample_db, port)
    send_and_follow_up(panel)
    sent = next(i for i in range(panel.followup.model.rowCount()) if panel.followup.model.record_at(i).status == "sent")
    panel.followup.requisitionsView.setCurrentIndex(panel.followup.model.index(sent, 0))
    number = panel.followup.selected().number
    panel.followup.answerStatusCombo.setCurrentIndex(panel.followup.answerStatusCombo.findData("footage_delivered"))
    panel.followup.answerNoteEdit.setText("Clé USB remise le 12/03")  # keyClicks takes ASCII only
    panel.followup.recordAnswerButton.click()
    wait_until(lambda: panel.followup.history.rowCount() == 4 and not panel.followup.running, "the history")
    history = sql(
        sample_db,
        "SELECT h.to_status, h.note FROM camreq.requisition_status_history h "
        "JOIN camreq.requisitions r ON r.id = h.requisition_id WHERE r.number = %s ORDER BY h.id",
        (number,),
    )
    assert history[-1] == ("footage_delivered", "Clé USB remise le 12/03")
    shown = [panel.followup.history.data(panel.followup.history.index(3, col)) for col in (2, 3)]
    assert shown == ["Footage delivered", "Clé USB remise le 12/03"]


def test_smtp_down_keeps_the_requisitions_pending_and_resend_sends_them(
    open_panel, sample_db, sql, smtp_server, unused_port, qgis_iface
):
    panel = open_panel(sample_db, unused_port)
    search(panel)
    create_and_send(panel)
    assert any("requisitions sent" in text for text in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    assert "wait in the outbox" in panel.requisitions.sendReport.toPlainText()
    said = panel.requisitions.sendReport.toPlainText()
    assert f"the mail server 127.0.0.1:{unused_port} refused the connection" in said and "Errno" not in said
    statuses = sql(sample_db, "SELECT DISTINCT r.status, o.status FROM camreq.requisitions r "
                   "JOIN camreq.requisition_outbox o ON o.requisition_id = r.id")  # fmt: skip
    assert statuses == [("issued", "pending")]
    handler, _port = smtp_server(unused_port)
    panel.followup.refresh()
    wait_until(lambda: panel.followup.model.rowCount() > 0 and not panel.followup.running, "the follow-up list")
    emailed = next(i for i in range(panel.followup.model.rowCount()) if panel.followup.model.record_at(i).owner_email)
    panel.followup.requisitionsView.setCurrentIndex(panel.followup.model.index(emailed, 0))
    assert panel.followup.resendButton.isEnabled()
    panel.followup.resendButton.click()
    wait_until(lambda: not panel.followup.running and handler.envelopes, "the sending")
    wait_until(lambda: not panel.followup.running, "the refresh")
    pending = sql(sample_db, "SELECT count(*) FROM camreq.requisition_outbox o JOIN camreq.requisitions r "
                  "ON r.id = o.requisition_id JOIN camreq.owners w ON w.id = r.owner_id "
                  "WHERE o.status <> 'sent' AND w.email IS NOT NULL")  # fmt: skip
    assert pending == [(0,)]


def test_without_a_database_the_panel_says_so_and_logs_nothing(open_panel, unused_port, qgis_iface):
    from camreq.core.search import CameraHit, SearchResult

    panel = open_panel(f"host=127.0.0.1 port={unused_port} dbname=nowhere")
    search(panel)
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert any("Cannot connect to the database" in text for text in errors)
    assert panel.search.results.rowCount() == 0 and panel.search.searchButton.isEnabled()
    start = datetime.now().astimezone()
    panel.search.show_results(SearchResult(1, 2154, [CameraHit(
        incident_id="1", camera_id=1, camera_ref="A", owner_id=1, owner_name="Ville", owner_email="v@example.org",
        camera_type="fixed", camera_status="in_service", distance_m=10.0, in_view=True, retention_days=7,
        purge_at=start + timedelta(days=7), footage_available=True, window_start=start, window_end=start,
        wkb=bytes(QgsGeometry.fromPointXY(QgsPointXY(913500, 6458000)).asWkb()),
    )]))  # fmt: skip
    create_and_send(panel)
    assert "Cannot connect to the database" in panel.requisitions.sendReport.toPlainText()
    assert panel.requisitions.createButton.text() == "Create and send the requisitions"


class InputRecorder(QObject):
    """Counts what the widgets of the application really receive from the keyboard and the mouse, as interactions.

    Installed on the QApplication, it sees every key and mouse press on its way to a widget. One interaction is one
    click (a mouse press), or one field typed: the key presses that follow each other into the same widget. A press
    that a widget ignores goes on to its parents: seen again there, it is the same interaction.
    """

    def __init__(self) -> None:
        """Start with nothing received."""
        super().__init__()
        # each press: its kind, the widget and that widget's parents then (a dialog's button is gone once it closed)
        self.received: list[tuple[QEvent.Type, QWidget, list[QWidget]]] = []

    def eventFilter(self, receiver: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Note each key or mouse press a widget receives; let every event through."""
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress) and isinstance(receiver, QWidget):
            parents, parent = [], receiver.parentWidget()
            while parent is not None:
                parents.append(parent)
                parent = parent.parentWidget()
            self.received.append((event.type(), receiver, parents))
        return False

    def interactions(self) -> int:
        """Return the clicks and typed fields received."""
        count, last = 0, None  # last: the kind, widget and parents of the press that began the current interaction
        for kind, receiver, parents in self.received:
            same_kind = last is not None and kind == last[0]
            passed_on = same_kind and any(receiver is parent for parent in last[2])
            typing_on = same_kind and kind == QEvent.Type.KeyPress and receiver is last[1]
            if not (passed_on or typing_on):
                count, last = count + 1, (kind, receiver, parents)
        return count


def click(widget: QWidget, where: QPoint | None = None) -> None:
    """Press and release the left mouse button on widget (at where, or its centre), as a user's click."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where or widget.rect().center())


def test_measure_interactions_and_time_from_opening_the_panel_to_requisitions_sent(
    open_panel, sample_db, sql, smtp_server
):
    handler, port = smtp_server()
    recorder = InputRecorder()
    QApplication.instance().installEventFilter(recorder)
    started = time.perf_counter()
    panel = open_panel(sample_db, port)
    panel.show()
    try:
        QTest.keyClicks(panel.search.coordinatesEdit, SAMPLE_INCIDENT)
        QTest.keyClick(panel.search.coordinatesEdit, Qt.Key.Key_Return)
        QTest.keyClicks(panel.search.reasonEdit, "Vol avec violence")
        click(panel.search.searchButton)
        wait_until(lambda: panel.search.task is None, "the search")
        tab_bar = panel.tabs.tabBar()
        click(tab_bar, tab_bar.tabRect(panel.tabs.indexOf(panel.requisitions)).center())
        QTest.keyClicks(panel.requisitions.caseNumberEdit, CASE)
        asked = click_create(panel)  # the click on Yes in the confirmation goes through the recorder too
    finally:
        QApplication.instance().removeEventFilter(recorder)
    elapsed = time.perf_counter() - started
    interactions = recorder.interactions()
    sent = sql(sample_db, "SELECT count(*) FROM camreq.requisitions WHERE status = 'sent'")[0][0]
    print(
        f"\nPANEL MEASURE: {interactions} interactions, {elapsed:.1f} s from opening the panel to "
        f"{sent} requisitions sent ({len(handler.envelopes)} e-mails accepted) at {datetime.now().isoformat()}"
    )
    assert panel.tabs.currentWidget() is panel.requisitions  # the click on the tab really changed the tab
    assert sent == len(handler.envelopes) > 0 and len(asked.said) == 1
    assert interactions <= 7  # the README's figure: coordinates, reason, Find, the tab, case number, Create, Yes


def test_the_interaction_count_grows_with_every_click_and_field_the_widgets_receive(open_panel, unused_port):
    recorder = InputRecorder()
    panel = open_panel(f"host=127.0.0.1 port={unused_port} dbname=nowhere")
    panel.show()
    QApplication.instance().installEventFilter(recorder)
    try:
        QTest.keyClicks(panel.search.reasonEdit, "Vol")
        QTest.keyClick(panel.search.reasonEdit, Qt.Key.Key_Return)  # ignored by the line edit: goes on to parents
        assert recorder.interactions() == 1
        QTest.keyClicks(panel.search.coordinatesEdit, "913500 6458000")
        click(panel.search.radius500Button)
        click(panel.search.radius500Button)
        assert recorder.interactions() == 4
        panel.search.reasonEdit.setText("typed by the program, not by a user")  # no event: not counted
        assert recorder.interactions() == 4
    finally:
        QApplication.instance().removeEventFilter(recorder)


# Requisitions tab field -> (stored column, words of its refusal messages)
REQUISITION_FIELDS = {
    "caseNumberEdit": ("case_number", "case number"), "authorisationEdit": ("authorisation_ref", "authorisation"),
    "deliveryEdit": ("delivery", "delivery"),
}  # fmt: skip


def stored_or_refused(value: str, stored: list, said: str, name: str) -> None:
    """Check value was stored verbatim, or refused with a message naming the field (never a crash report)."""
    assert "failed unexpectedly" not in said
    if stored:
        assert stored == [value] and "\x00" not in value
    else:
        assert name in said.lower(), said
        assert "\x00" not in value or "NUL character" in said


def messages(qgis_iface) -> str:
    """Return what the message bar showed."""
    bar = qgis_iface.messageBar()
    return "\n".join(bar.get_messages(Qgis.MessageLevel.Warning) + bar.get_messages(Qgis.MessageLevel.Critical))


@pytest.fixture
def scene_panel(open_panel, scene, unused_port):
    """Return the panel on the four-camera scene after a search around them, one camera ticked, SMTP down."""
    panel = open_panel(scene["db"], unused_port)
    QTest.keyClicks(panel.search.coordinatesEdit, "913500 6458000")
    panel.search.placeCoordinatesButton.click()
    QTest.keyClicks(panel.search.reasonEdit, "Vol")
    panel.search.searchButton.click()
    wait_until(lambda: panel.search.task is None, "the search")
    results = panel.search.results
    for row in range(1, results.rowCount()):
        results.setData(results.index(row, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    panel.requisitions.caseNumberEdit.setText(CASE)
    panel.requisitions.investigationCombo.setCurrentIndex(panel.requisitions.investigationCombo.findData("preliminary"))
    panel.requisitions.authorisationEdit.setText("Soit-transmis du 12/03")
    return panel


def test_hostile_reason_is_logged_verbatim_or_refused_naming_it(open_panel, db, sql, qgis_iface, hostile):
    _kind, value = hostile
    panel = open_panel(db)
    QTest.keyClicks(panel.search.coordinatesEdit, SAMPLE_INCIDENT)
    panel.search.placeCoordinatesButton.click()
    panel.search.reasonEdit.setText(value)
    panel.search.searchButton.click()
    wait_until(lambda: panel.search.task is None, "the search")
    stored = [reason for (reason,) in sql(db, "SELECT reason FROM camreq.searches")]
    stored_or_refused(value, stored, messages(qgis_iface), "reason")
    assert sql(db, "SELECT to_regclass('camreq.cameras') IS NOT NULL") == [(True,)]


@pytest.mark.parametrize("field", REQUISITION_FIELDS)
def test_hostile_requisition_text_is_stored_verbatim_or_refused_naming_the_field(
    scene_panel, scene, sql, qgis_iface, hostile, field
):
    from pypdf import PdfReader

    kind, value = hostile
    column, name = REQUISITION_FIELDS[field]
    getattr(scene_panel.requisitions, field).setText(value)
    click_create(scene_panel)
    rows = sql(
        scene["db"],
        f"SELECT {column}, d.pdf FROM camreq.requisitions r "
        "JOIN camreq.requisition_documents d ON d.requisition_id = r.id",
    )
    said = messages(qgis_iface) + scene_panel.requisitions.sendReport.toPlainText()
    stored_or_refused(value, [stored for stored, _pdf in rows], said, name)
    if rows and kind in ("jinja", "script"):
        text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(rows[0][1])).pages)
        assert value in text, "markup was not printed as typed"
    assert sql(scene["db"], "SELECT to_regclass('camreq.cameras') IS NOT NULL") == [(True,)]


def test_hostile_answer_note_is_stored_verbatim_or_refused_naming_it(scene_panel, scene, sql, qgis_iface, hostile):
    _kind, value = hostile
    click_create(scene_panel)
    scene_panel.tabs.setCurrentWidget(scene_panel.followup)
    wait_until(lambda: scene_panel.followup.model.rowCount() == 1 and not scene_panel.followup.running, "the list")
    scene_panel.followup.requisitionsView.setCurrentIndex(scene_panel.followup.model.index(0, 0))
    scene_panel.followup.answerStatusCombo.setCurrentIndex(scene_panel.followup.answerStatusCombo.findData("cancelled"))
    scene_panel.followup.answerNoteEdit.setText(value)
    qgis_iface.messageBar().clear_messages()
    scene_panel.followup.recordAnswerButton.click()
    wait_until(lambda: not scene_panel.followup.running, "the answer")
    notes = sql(scene["db"], "SELECT note FROM camreq.requisition_status_history WHERE to_status = 'cancelled'")
    stored_or_refused(value, [note for (note,) in notes], messages(qgis_iface), "note")
    assert sql(scene["db"], "SELECT to_regclass('camreq.requisitions') IS NOT NULL") == [(True,)]


def test_open_the_pdf_opens_the_stored_document_never_a_path_from_the_database(
    open_panel, sample_db, sql, smtp_server, monkeypatch
):
    import stat
    from pathlib import Path

    import camreq.dialogs.followup_tab as followup_tab

    opened = []

    class Desktop:  # the desktop's PDF reader, as the panel calls it
        @staticmethod
        def openUrl(url) -> bool:  # noqa: N802
            opened.append(url.toLocalFile())
            return True

    monkeypatch.setattr(followup_tab, "QDesktopServices", Desktop)
    _handler, port = smtp_server()
    panel = open_panel(sample_db, port)
    search(panel)
    create_and_send(panel)
    sql(sample_db, "UPDATE camreq.requisitions SET pdf_path = '/etc/passwd'")  # a forged or stale path
    panel.tabs.setCurrentWidget(panel.followup)
    wait_until(lambda: panel.followup.model.rowCount() > 0 and not panel.followup.running, "the follow-up list")
    panel.followup.requisitionsView.setCurrentIndex(panel.followup.model.index(0, 0))
    wait_until(lambda: not panel.followup.running, "the history")
    requisition = panel.followup.selected().id
    assert panel.followup.openPdfButton.isEnabled()
    panel.followup.openPdfButton.click()
    wait_until(lambda: opened and not panel.followup.running, "the PDF")
    path = Path(opened[0])
    [(stored,)] = sql(sample_db, "SELECT pdf FROM camreq.requisition_documents WHERE requisition_id = %s AND issued",
                      (requisition,))  # fmt: skip
    assert path.read_bytes() == bytes(stored)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.unlink()


def test_a_second_click_on_create_and_send_requests_nothing_again(open_panel, sample_db, sql, smtp_server):
    handler, port = smtp_server()
    panel = open_panel(sample_db, port)
    search(panel)
    create_and_send(panel)
    made, mails = sql(sample_db, "SELECT count(*) FROM camreq.requisitions"), len(handler.envelopes)
    again = click_create(panel)  # the investigator clicks again
    assert again.said == []  # nothing left to send: nothing to confirm
    assert sql(sample_db, "SELECT count(*) FROM camreq.requisitions") == made
    assert len(handler.envelopes) == mails
    report = panel.requisitions.sendReport.toPlainText()
    assert "Nothing left to request" in report
    assert report.count("left out: requisition ") == len(panel.search.results.ticked_rows())


def test_an_owner_without_email_served_by_hand_is_recorded_sent_then_delivered(
    open_panel, sample_db, sql, smtp_server, qgis_iface
):
    _handler, port = smtp_server()
    panel = open_panel(sample_db, port)
    send_and_follow_up(panel)
    rows = [panel.followup.model.record_at(i) for i in range(panel.followup.model.rowCount())]
    unsent = next(i for i, row in enumerate(rows) if not row.owner_email)
    number = rows[unsent].number
    for status, note in (("sent", "Remise en main propre le 02/12"), ("footage_delivered", "Cle USB remise le 03/12")):
        index = next(i for i in range(panel.followup.model.rowCount())
                     if panel.followup.model.record_at(i).number == number)  # fmt: skip
        panel.followup.requisitionsView.setCurrentIndex(panel.followup.model.index(index, 0))
        panel.followup.answerStatusCombo.setCurrentIndex(panel.followup.answerStatusCombo.findData(status))
        panel.followup.answerNoteEdit.setText(note)
        panel.followup.recordAnswerButton.click()
        wait_until(lambda: not panel.followup.running, "the answer")
        assert not qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
        assert any(number in text for text in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success))
        qgis_iface.messageBar().clear_messages()
    assert sql(sample_db, """SELECT r.status, b.status FROM camreq.requisitions r
                             JOIN camreq.requisition_outbox b ON b.requisition_id = r.id WHERE r.number = %s""",
               (number,)) == [("footage_delivered", "served_otherwise")]  # fmt: skip
