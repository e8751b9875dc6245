"""The requisition flow end to end: no late answer deadline, nothing requested twice, owners served without e-mail,
a signed PDF that names its city, a map drawn on the sample's streets, mail errors in words."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy
import pypdf
import pytest
from camreq.core.documents import Officer
from camreq.core.requisitions import CameraRequest, RequisitionForm, plan_requisitions
from qgis.core import QgsProcessingException

SAMPLE_STREETS = Path(__file__).resolve().parents[2] / "sample" / "streets.geojson"
STREETS_ATTRIBUTION = json.loads(SAMPLE_STREETS.read_text(encoding="utf-8"))["attribution"]
RETENTION = timedelta(days=7)  # the scene's cameras keep 7 days


def pdf_text(pdf: bytes) -> str:
    """Return the text of every page of a PDF (as stored in the database), whitespace collapsed."""
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())


def purged_in(hours: float) -> tuple[datetime, datetime]:
    """Return a one-hour window whose footage (7 days' retention) is purged that many hours from now."""
    start = (datetime.now(UTC) - RETENTION + timedelta(hours=hours)).replace(microsecond=0)  # as stored
    return start, start + timedelta(hours=1)


def test_answer_deadline_asked_after_the_purge_is_brought_forward_and_said(
    create, cameras_layer, scene, sql, log_feedback
):
    feedback = log_feedback
    create(cameras_layer([("HOC-01", *purged_in(10))]), ANSWER_DEADLINE="2099-01-01T12:00:00", feedback=feedback)
    answer, purge = sql(scene["db"], "SELECT answer_deadline, purge_deadline FROM camreq.requisitions")[0]
    assert answer == purge
    assert any("Parking Hoche SA" in line and "brought forward" in line for line in feedback.lines)


def test_default_answer_deadline_is_48_hours_or_the_purge_if_sooner(create, cameras_layer, scene, sql):
    create(cameras_layer([("HOC-01", *purged_in(10)), ("VDG-07", *purged_in(24 * 5))]), ANSWER_DEADLINE=None)
    rows = dict(sql(scene["db"], """SELECT o.name, r.answer_deadline - r.created_at FROM camreq.requisitions r
                                    JOIN camreq.owners o ON o.id = r.owner_id"""))  # fmt: skip
    assert timedelta(hours=9, minutes=58) < rows["Parking Hoche SA"] <= timedelta(hours=10)
    assert timedelta(hours=47, minutes=59) < rows["Ville de Grenoble"] <= timedelta(hours=48, minutes=1)


def test_a_second_run_for_the_same_case_makes_nothing_and_names_the_first_numbers(
    create, cameras_layer, scene, sql, log_feedback
):
    first = {feature["owner"]: feature["number"] for feature in create(cameras_layer())["OUTPUT"].getFeatures()}
    before = sql(scene["db"], "SELECT count(*) FROM camreq.requisitions")
    feedback = log_feedback
    again = create(cameras_layer(), feedback=feedback)
    assert again["SKIPPED"] == 4
    assert again["OUTPUT"].featureCount() == 0
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisitions") == before
    assert any("HOC-01" in line and first["Parking Hoche SA"] in line for line in feedback.lines)
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisition_outbox") == before


def test_only_the_windows_not_yet_requested_proceed_and_repeat_asks_again(create, cameras_layer, scene, sql):
    start, end = purged_in(100)
    create(cameras_layer([("HOC-01", start, end)]))
    later = create(cameras_layer([("HOC-01", start + timedelta(minutes=10), end - timedelta(minutes=10)),
                                  ("VDG-07", start, end)]))  # fmt: skip
    assert later["SKIPPED"] == 1
    assert [feature["owner"] for feature in later["OUTPUT"].getFeatures()] == ["Ville de Grenoble"]
    other_case = create(cameras_layer([("HOC-01", start, end)]), CASE_NUMBER="2026/009999")
    assert other_case["SKIPPED"] == 0
    repeated = create(cameras_layer([("HOC-01", start, end)]), REPEAT=True)
    assert (repeated["SKIPPED"], repeated["OUTPUT"].featureCount()) == (0, 1)
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisitions") == [(4,)]


def test_a_cancelled_requisition_does_not_cover_its_cameras(create, cameras_layer, camreq_processing, scene, sql):
    window = purged_in(50)
    [number] = [feature["number"] for feature in create(cameras_layer([("TAB-1", *window)]))["OUTPUT"].getFeatures()]
    camreq_processing.run("camreq:setrequisitionstatus",
                          {"CONNECTION": scene["db"], "NUMBER": number, "STATUS": "cancelled"})  # fmt: skip
    assert create(cameras_layer([("TAB-1", *window)]))["SKIPPED"] == 0


def test_plan_shows_requisitions_owners_and_cameras_before_anything_is_written(create, cameras_layer, scene, sql):
    start, end = purged_in(30)
    create(cameras_layer([("HOC-01", start, end)]))
    written = sql(scene["db"], "SELECT count(*) FROM camreq.requisitions")
    cameras = [CameraRequest(camera, start, end, search_id=scene["search"]) for camera in scene["cameras"].values()]
    form = RequisitionForm("2026/004517", "flagrance", None, Officer("C. Martin", "Capitaine", "SD", "", ""), None,
                           unit_city="Grenoble")  # fmt: skip
    plan = plan_requisitions(scene["db"], cameras, form)
    by_owner = {owner.owner_name: sorted(camera.camera_id for camera in owner.cameras) for owner in plan.requisitions}
    assert by_owner == {
        "Parking Hoche SA": [scene["cameras"]["HOC-02"]],
        "Ville de Grenoble": [scene["cameras"]["VDG-07"]],
        "Tabac du Cours": [scene["cameras"]["TAB-1"]],
    }
    assert [(camera.camera_ref, camera.requisition) for camera in plan.skipped] == [
        ("HOC-01", sql(scene["db"], "SELECT number FROM camreq.requisitions")[0][0])
    ]
    assert all(owner.answer_deadline <= start + RETENTION for owner in plan.requisitions)
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisitions") == written


def test_owner_without_email_served_by_hand_from_issue_to_footage_delivered(
    create, cameras_layer, camreq_processing, smtp_server, scene, sql
):
    made = {feature["owner"]: feature["number"] for feature in create(cameras_layer())["OUTPUT"].getFeatures()}
    number = made["Tabac du Cours"]

    def set_status(status: str, note: str = "") -> dict:
        return camreq_processing.run(
            "camreq:setrequisitionstatus", {"CONNECTION": scene["db"], "NUMBER": number, "STATUS": status, "NOTE": note}
        )

    with pytest.raises(QgsProcessingException, match=r"NOTE: say how requisition .* was served"):
        set_status("sent")
    assert set_status("sent", "remise en main propre au gérant le 02/12")["PREVIOUS_STATUS"] == "issued"
    assert sql(scene["db"], """SELECT b.status FROM camreq.requisition_outbox b
                               JOIN camreq.requisitions r ON r.id = b.requisition_id WHERE r.number = %s""",
               (number,)) == [("served_otherwise",)]  # fmt: skip
    handler, port = smtp_server()
    sent = camreq_processing.run("camreq:sendrequisitions", {
        "CONNECTION": scene["db"], "SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_SECURITY": "none",
        "FROM": "requisitions@police.example.org"})  # fmt: skip
    assert (sent["SENT"], sent["NO_EMAIL"], sent["PENDING"]) == (2, 0, 0)
    assert len(handler.envelopes) == 2
    set_status("footage_delivered", "clé USB remise le 03/12")
    history = sql(scene["db"], """SELECT to_status, note FROM camreq.requisition_status_history h
                                  JOIN camreq.requisitions r ON r.id = h.requisition_id
                                  WHERE r.number = %s ORDER BY h.id""", (number,))  # fmt: skip
    assert history[-2:] == [("sent", "remise en main propre au gérant le 02/12"),
                            ("footage_delivered", "clé USB remise le 03/12")]  # fmt: skip


@pytest.mark.parametrize("parameter", ["UNIT_CITY", "OFFICER_RANK"])
def test_no_requisition_without_the_city_or_rank_it_prints(parameter, create, cameras_layer, scene, sql):
    with pytest.raises(QgsProcessingException, match=f"{parameter}: required"):
        create(cameras_layer(), **{parameter: ""})
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisitions") == [(0,)]


def test_pdf_is_made_in_the_units_city(create, cameras_layer, scene, sql):
    create(cameras_layer([("VDG-07", *purged_in(50))]), UNIT_CITY="Échirolles")
    [(pdf,)] = sql(scene["db"], "SELECT pdf FROM camreq.requisition_documents WHERE issued")
    assert "Fait à Échirolles, le" in pdf_text(pdf)


def map_pixels(pdf: bytes) -> numpy.ndarray:
    """Return the map extract of a requisition PDF (as stored in the database) as an RGB array."""
    [image] = pypdf.PdfReader(io.BytesIO(pdf)).pages[-1].images
    return numpy.asarray(image.image.convert("RGB"), dtype=float)


def drawn_share(pixels: numpy.ndarray) -> float:
    """Return the share of pixels that differ from the image's most common colour (its paper)."""
    colours, counts = numpy.unique(pixels.reshape(-1, 3), axis=0, return_counts=True)
    paper = colours[counts.argmax()]
    return float((numpy.abs(pixels - paper).sum(axis=2) > 30).mean())


def test_pdf_map_is_drawn_on_the_base_map_with_its_attribution(create, cameras_layer, scene, sql, tmp_path):
    create(cameras_layer([("VDG-07", *purged_in(50))]), OUTPUT_FOLDER=str(tmp_path / "plain"))
    create(cameras_layer([("VDG-07", *purged_in(50))]), OUTPUT_FOLDER=str(tmp_path / "streets"), REPEAT=True,
           BASEMAP=str(SAMPLE_STREETS), BASEMAP_ATTRIBUTION=STREETS_ATTRIBUTION)  # fmt: skip
    plain, streets = (
        pdf
        for (pdf,) in sql(
            scene["db"], "SELECT d.pdf FROM camreq.requisition_documents d WHERE d.issued ORDER BY d.requisition_id"
        )
    )
    assert "Fond de carte : " + STREETS_ATTRIBUTION in pdf_text(streets)
    assert "Fond de carte" not in pdf_text(plain)
    with_streets, without = map_pixels(streets), map_pixels(plain)
    assert with_streets.std() > 10
    assert drawn_share(with_streets) > drawn_share(without) + 0.01  # streets and names around the camera


@pytest.mark.parametrize(("changes", "message"), [
    ({"BASEMAP": "/nowhere/streets.gpkg", "BASEMAP_ATTRIBUTION": "x"}, "BASEMAP: QGIS cannot open"),
    ({"BASEMAP": str(SAMPLE_STREETS), "BASEMAP_ATTRIBUTION": " "}, "BASEMAP_ATTRIBUTION: say whose map"),
])  # fmt: skip
def test_a_base_map_that_cannot_be_drawn_or_credited_is_refused(changes, message, create, cameras_layer, scene, sql):
    with pytest.raises(QgsProcessingException, match=message):
        create(cameras_layer(), **changes)
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisitions") == [(0,)]


def test_server_refusing_the_connection_is_said_in_words(create, cameras_layer, camreq_processing, unused_port,
                                                         scene, sql):  # fmt: skip
    create(cameras_layer([("VDG-07", *purged_in(50))]))
    camreq_processing.run("camreq:sendrequisitions", {
        "CONNECTION": scene["db"], "SMTP_HOST": "127.0.0.1", "SMTP_PORT": unused_port, "SMTP_SECURITY": "none",
        "FROM": "requisitions@police.example.org"})  # fmt: skip
    [(answer,)] = sql(scene["db"], "SELECT smtp_answer FROM camreq.requisition_outbox_attempts")
    assert answer.startswith(f"the mail server 127.0.0.1:{unused_port} refused the connection")
    assert "Error" not in answer


def test_a_draft_is_not_issued_without_the_units_city(create, cameras_layer, camreq_processing, scene, sql):
    create(cameras_layer([("VDG-07", *purged_in(50))]), ISSUE=False)
    [(draft,)] = sql(scene["db"], "SELECT id FROM camreq.requisitions")
    with pytest.raises(QgsProcessingException, match="UNIT_CITY: required"):
        camreq_processing.run(
            "camreq:setrequisitionstatus",
            {"CONNECTION": scene["db"], "NUMBER": str(draft), "STATUS": "issued", "UNIT_CITY": ""},
        )
    assert sql(scene["db"], "SELECT status, number FROM camreq.requisitions") == [("draft", None)]
