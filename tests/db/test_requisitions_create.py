"""camreq:createrequisitions: one requisition per owner, PDFs that say what the law asks, bad input changes nothing."""

from __future__ import annotations

import hashlib
import io
import threading
from datetime import datetime, timedelta

import pypdf
import pytest
from camreq.db import requisitions as db
from camreq.db.connection import connect
from qgis.core import QgsProcessingException

TABLES = ("requisitions", "requisition_cameras", "requisition_status_history", "requisition_outbox",
          "requisition_counters")  # fmt: skip


def counts(sql, connection: str) -> dict[str, int]:
    """Return the row count of every requisition table."""
    return {table: sql(connection, f"SELECT count(*) FROM camreq.{table}")[0][0] for table in TABLES}


def pdf_text(pdf: bytes) -> str:
    """Return the text of every page of a PDF, whitespace collapsed."""
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())


def stored_pdf(sql, connection: str, requisition_id: int, issued: bool) -> bytes:
    """Return the PDF the database keeps for a requisition (issued, or its draft's)."""
    return bytes(sql(connection, "SELECT pdf FROM camreq.requisition_documents WHERE requisition_id = %s "
                                 "AND issued = %s", (requisition_id, issued))[0][0])  # fmt: skip


def test_one_issued_requisition_per_owner_with_gapless_numbers(create, cameras_layer, scene, sql):
    create(cameras_layer())
    rows = sql(
        scene["db"],
        """SELECT r.number, o.name, r.status, count(*) FROM camreq.requisitions r
        JOIN camreq.owners o ON o.id = r.owner_id JOIN camreq.requisition_cameras c ON c.requisition_id = r.id
        GROUP BY 1, 2, 3 ORDER BY 1""",
    )
    year = datetime.now().year
    assert [row[0] for row in rows] == [f"{year}-{n:06d}" for n in (1, 2, 3)]
    assert sorted((row[1], row[2], row[3]) for row in rows) == [
        ("Parking Hoche SA", "issued", 2),
        ("Tabac du Cours", "issued", 1),
        ("Ville de Grenoble", "issued", 1),
    ]
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisition_outbox WHERE status = 'pending'") == [(3,)]


def test_the_same_camera_for_two_incidents_keeps_both_windows(create, cameras_layer, scene, sql):
    first = datetime.fromisoformat("2026-11-26T22:00:00+01:00")
    second = first + timedelta(hours=5)
    create(
        cameras_layer([("HOC-01", first, first + timedelta(hours=1)), ("HOC-01", second, second + timedelta(hours=1))])
    )
    windows = sql(scene["db"], "SELECT window_start FROM camreq.requisition_cameras ORDER BY 1")
    assert [row[0] for row in windows] == [first, second]
    purge = sql(scene["db"], "SELECT purge_deadline FROM camreq.requisitions")
    assert purge == [(first + timedelta(days=7),)]


def test_pdf_names_number_case_article_owner_and_every_camera_window(create, cameras_layer, scene, sql):
    result = create(cameras_layer())
    number, pdf, sha256 = sql(
        scene["db"],
        """SELECT number, d.pdf, d.sha256 FROM camreq.requisitions r
        JOIN camreq.owners o ON o.id = r.owner_id JOIN camreq.requisition_documents d ON d.requisition_id = r.id
        WHERE o.name = 'Parking Hoche SA' AND d.issued""",
    )[0]
    pdf = bytes(pdf)
    assert sha256 == hashlib.sha256(pdf).hexdigest()
    [copy] = [f["pdf_path"] for f in result["OUTPUT"].getFeatures() if f["number"] == number]
    with open(copy, "rb") as file:  # the copy in OUTPUT_FOLDER is the stored document
        assert file.read() == pdf
    text = pdf_text(pdf)
    for expected in (number, "2026/004517", "77-1-1", "PR-2026-0815", "Parking Hoche SA", "HOC-01", "HOC-02",
                     "du 26/11/2026 22:00", "au 26/11/2026 23:00", "zone de recherche"):  # fmt: skip
        assert expected in text
    assert "VDG-07" not in text
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages[-1].images) == 1  # the map extract


def test_drafts_get_no_number_and_no_email_and_can_be_issued_later(
    create, cameras_layer, camreq_processing, scene, sql
):
    create(cameras_layer(), ISSUE=False)
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisitions WHERE number IS NULL AND status = 'draft'") == [
        (3,)
    ]
    assert counts(sql, scene["db"])["requisition_outbox"] == 0
    [(draft,)] = sql(scene["db"], "SELECT id FROM camreq.requisitions ORDER BY id LIMIT 1")
    assert "PROJET" in pdf_text(stored_pdf(sql, scene["db"], draft, issued=False))
    result = camreq_processing.run(
        "camreq:setrequisitionstatus",
        {"CONNECTION": scene["db"], "NUMBER": str(draft), "STATUS": "issued", "UNIT_CITY": "Grenoble"},
    )
    assert result["NUMBER"] == f"{datetime.now().year}-000001"
    assert result["NUMBER"] in pdf_text(stored_pdf(sql, scene["db"], draft, issued=True))


BAD_INPUTS = {
    "unknown camera id": ({"rows": [("HOC-01", None, None, 999999)]}, "CAMERAS: 1 camera id.* 999999"),
    "empty selection": ({"rows": []}, "CAMERAS: no camera given"),
    "preliminary without authorisation": ({"AUTHORISATION_REF": " "}, "AUTHORISATION_REF: required"),
    "judicial without commission rogatoire": ({"INVESTIGATION": "judicial", "AUTHORISATION_REF": ""},
                                              "AUTHORISATION_REF: required"),
    "deadline in the past": ({"ANSWER_DEADLINE": "2020-01-01T10:00:00+01:00"}, "ANSWER_DEADLINE: .* in the past"),
    "empty case number": ({"CASE_NUMBER": "  "}, "CASE_NUMBER"),
    "long case number": ({"CASE_NUMBER": "x" * 5000}, "case number must be 1 to 100 characters"),
    "long authorisation": ({"AUTHORISATION_REF": "'; DROP TABLE camreq.owners; --" * 200}, "authorisation reference"),
    "long officer name": ({"OFFICER_NAME": "Robert'); DELETE FROM camreq.cameras;--" * 100}, "officer name"),
    "long officer rank": ({"OFFICER_RANK": "r" * 5000}, "officer rank"),
    "long unit": ({"OFFICER_UNIT": "u\\" * 5000}, "unit must be 1 to 200"),
    "long officer e-mail": ({"OFFICER_EMAIL": "e%" * 5000}, "officer e-mail"),
    "long officer phone": ({"OFFICER_PHONE": "0" * 500}, "officer phone"),
    "long delivery": ({"DELIVERY": "$$ ; $1 " * 2000}, "delivery must be 1 to 2000"),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_is_refused_with_a_message_and_changes_nothing(case, create, cameras_layer, scene, sql, tmp_path):
    changes, message = BAD_INPUTS[case]
    rows = changes.pop("rows", None)
    if rows and rows[0][1] is None:
        start = datetime.fromisoformat("2026-11-26T22:00:00+01:00")
        rows = [(rows[0][0], start, start + timedelta(hours=1), rows[0][3])]
    before = counts(sql, scene["db"])
    with pytest.raises(QgsProcessingException, match=message):
        create(cameras_layer(rows) if rows is not None else cameras_layer(), **changes)
    assert counts(sql, scene["db"]) == before
    assert not list((tmp_path / "pdf").glob("*.pdf"))


def test_sql_metacharacters_are_stored_verbatim_and_never_run(create, cameras_layer, scene, sql):
    hostile = "x'); DROP TABLE camreq.cameras; -- \\ %s $1 \u202e"
    create(cameras_layer(), CASE_NUMBER=hostile[:90], OFFICER_NAME=hostile, DELIVERY=hostile, AUTHORISATION_REF=hostile)
    assert sql(scene["db"], "SELECT DISTINCT case_number, officer_name, delivery FROM camreq.requisitions") == [
        (hostile[:90].strip(), hostile.strip(), hostile.strip())
    ]
    assert sql(scene["db"], "SELECT count(*) FROM camreq.cameras") == [(4,)]


def test_eight_concurrent_connections_issue_without_gap_or_duplicate(scene, sql):
    errors: list[BaseException] = []
    values = {"unit": "SD Grenoble", "officer_name": "A", "officer_rank": "", "officer_email": "", "officer_phone": "",
              "case_number": "C", "investigation": "flagrance", "authorisation_ref": None,
              "owner_id": scene["owners"]["Parking Hoche SA"], "search_id": None,
              "answer_deadline": datetime(2099, 1, 1).astimezone(), "delivery": "d"}  # fmt: skip

    def issue_many(worker: int) -> None:
        try:
            conn = connect(scene["db"])
            for n in range(12):
                with conn.cursor() as cursor:
                    db.issue(cursor, db.insert_requisition(cursor, values))
                if (worker + n) % 5 == 0:
                    conn.rollback()  # an abandoned issue must give its number back
                else:
                    conn.commit()
            conn.close()
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=issue_many, args=(worker,)) for worker in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = [row[0] for row in sql(scene["db"], "SELECT number FROM camreq.requisitions ORDER BY number")]
    committed = sum(1 for worker in range(8) for n in range(12) if (worker + n) % 5 != 0)
    year = datetime.now().year
    assert numbers == [f"{year}-{n:06d}" for n in range(1, committed + 1)]
