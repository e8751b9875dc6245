"""Hostile text in every text parameter of every algorithm: stored verbatim or refused naming the field, never run.

Each case runs one algorithm with one hostile value in one parameter (or imported field) and reads back where the
value is stored; PDFs are read back with pypdf, where markup must be printed, not interpreted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import pypdf
import pytest
from qgis.core import QgsProcessingException

# createrequisitions parameter -> (stored column, words of its refusal messages)
REQUISITION_FIELDS = {
    "CASE_NUMBER": ("case_number", "case number"), "AUTHORISATION_REF": ("authorisation_ref", "authorisation"),
    "OFFICER_NAME": ("officer_name", "officer name"), "OFFICER_RANK": ("officer_rank", "officer rank"),
    "OFFICER_UNIT": ("unit", "unit"), "OFFICER_EMAIL": ("officer_email", "officer e-mail"),
    "OFFICER_PHONE": ("officer_phone", "officer phone"), "DELIVERY": ("delivery", "delivery"),
}  # fmt: skip
WINDOW = (datetime.fromisoformat("2026-11-26T22:00:00+01:00"), datetime.fromisoformat("2026-11-26T23:00:00+01:00"))
PRINTED = {"CASE_NUMBER", "AUTHORISATION_REF", "OFFICER_NAME", "DELIVERY"}


def stored_or_refused(run, read_back, value: str, names: tuple[str, ...]) -> str | None:
    """Run; return None if value was stored verbatim, else the refusal (which must name the field)."""
    try:
        run()
    except QgsProcessingException as error:
        message = str(error)
        assert any(name.lower() in message.lower() for name in names), message
        if "\x00" in value:
            assert "NUL character" in message
        return message
    assert "\x00" not in value, "a NUL byte was accepted"
    assert read_back() == value
    return None


@pytest.fixture
def intact(db, sql):
    """Yield, then check the registry tables still exist (nothing executed the SQL text)."""
    yield
    assert sql(db, "SELECT to_regclass('camreq.cameras') IS NOT NULL, to_regclass('camreq.owners') IS NOT NULL") == [
        (True, True)]  # fmt: skip


def only(values: Iterable[str]) -> str | set[str]:
    """Return the one distinct value, or the set of them where they differ."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else distinct


def pdf_text(folder: Path) -> str:
    """Return the text of every PDF of folder, whitespace collapsed."""
    pages = [page for path in sorted(folder.glob("*.pdf")) for page in pypdf.PdfReader(path).pages]
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


@pytest.mark.parametrize("parameter", REQUISITION_FIELDS)
def test_createrequisitions_text(create, cameras_layer, scene, sql, tmp_path, intact, parameter, hostile):
    kind, value = hostile
    column, words = REQUISITION_FIELDS[parameter]
    folder = tmp_path / "hostile"
    refused = stored_or_refused(
        lambda: create(cameras_layer(), **{parameter: value, "OUTPUT_FOLDER": str(folder)}),
        lambda: only(row[0] for row in sql(scene["db"], f"SELECT {column} FROM camreq.requisitions")),
        value, (parameter, words),
    )  # fmt: skip
    if refused:
        assert sql(scene["db"], "SELECT count(*) FROM camreq.requisitions") == [(0,)]
    elif parameter in PRINTED and kind in ("jinja", "script", "sql"):
        assert value in pdf_text(folder), f"{parameter} is not printed verbatim"


def test_camerasnearincident_reason(camreq_processing, db, incident_layer, sql, intact, hostile):
    _, value = hostile
    stored_or_refused(
        lambda: camreq_processing.run("camreq:camerasnearincident", {
            "CONNECTION": db, "INCIDENTS": incident_layer([("POINT(5.72 45.18)", {"name": "I"})]), "DISTANCE": 100,
            "START": "2026-01-01T10:00:00+01:00", "END": "2026-01-01T11:00:00+01:00", "REASON": value,
            "OUTPUT": "memory:"}),
        lambda: sql(db, "SELECT reason FROM camreq.searches")[0][0],
        value, ("REASON",),
    )  # fmt: skip


def test_setrequisitionstatus_note(camreq_processing, create, cameras_layer, scene, sql, intact, hostile):
    _, value = hostile
    [number] = [feature["number"] for feature in create(cameras_layer([("HOC-01", *WINDOW)]))["OUTPUT"].getFeatures()]
    stored_or_refused(
        lambda: camreq_processing.run("camreq:setrequisitionstatus", {
            "CONNECTION": scene["db"], "NUMBER": number, "STATUS": "cancelled", "NOTE": value}),
        lambda: sql(scene["db"], "SELECT note FROM camreq.requisition_status_history "
                                 "WHERE to_status = 'cancelled'")[0][0],
        value, ("NOTE", "note"),
    )  # fmt: skip


def test_grantuser_unit(camreq_processing, db, logins, sql, login_of, intact, hostile):
    (_kind, value), who = hostile, login_of(logins["nobody"])
    stored_or_refused(
        lambda: camreq_processing.run("camreq:grantuser", {
            "CONNECTION": db, "LOGIN": who, "ROLE": "investigator", "UNIT": value}),
        lambda: sql(db, "SELECT unit FROM camreq.users WHERE login = %s", (who,))[0][0],
        value, ("UNIT",),
    )  # fmt: skip


@pytest.mark.parametrize("field", ["ref", "notes", "address", "authorisation_ref"])
def test_importcameras_field_values(import_cameras, point_layer, db, sql, intact, field, hostile):
    kind, value = hostile
    row = {"ref": "H-1", "owner": "Ville", "x": 5.72, "y": 45.18, field: value}
    outputs, reasons = import_cameras(db, point_layer([row]), OUTPUT_WARNINGS="TEMPORARY_OUTPUT")
    if kind == "nul":  # never stored: the camera is kept, the field left empty, with a warning naming both
        [warning] = [feature["warning"] for feature in outputs["OUTPUT_WARNINGS"].getFeatures()]
        assert f"{field}: contains a NUL character" in warning and f"{field} left empty" in warning, warning
        assert sql(db, f"SELECT {field} FROM camreq.cameras") == [(None,)]
    elif outputs["REJECTED"]:
        [reason] = reasons.values()
        assert field.replace("_", " ") in reason.replace("_", " ") or field in reason, reason
        if kind == "nul":
            assert "NUL character" in reason
    else:
        assert sql(db, f"SELECT {field} FROM camreq.cameras")[0][0] == value


@pytest.mark.parametrize("field", ["name", "address", "notes", "phone"])
def test_importowners_field_values(camreq_processing, point_layer, db, sql, intact, field, hostile):
    kind, value = hostile
    row = {"name": "Ville", "x": 5.72, "y": 45.18, field: value}
    outputs = camreq_processing.run("camreq:importowners", {
        "CONNECTION": db, "INPUT": point_layer([row]), "OUTPUT_REJECTED": "TEMPORARY_OUTPUT",
        "OUTPUT_WARNINGS": "TEMPORARY_OUTPUT"})  # fmt: skip
    if kind == "nul" and field != "name":  # the owner is kept, the field left empty, with a warning naming both
        [warning] = [feature["warning"] for feature in outputs["OUTPUT_WARNINGS"].getFeatures()]
        assert f"{field}: contains a NUL character" in warning, warning
        assert sql(db, f"SELECT {field} FROM camreq.owners") == [(None,)]
    elif outputs["REJECTED"]:
        [reason] = [feature["reason"] for feature in outputs["OUTPUT_REJECTED"].getFeatures()]
        assert field in reason.replace(" ", "_") or field in reason, reason
        if kind == "nul":
            assert "NUL character" in reason
    else:
        assert kind != "nul", "a NUL byte was accepted"
        assert sql(db, f"SELECT {field} FROM camreq.owners")[0][0] == value
