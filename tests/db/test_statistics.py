"""camreq:statistics and the aggregate functions behind it: figures checked against a history built here."""

from __future__ import annotations

import statistics as stats
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import psycopg2.errors
import pytest
from camreq.core.statistics import collect
from camreq.db.connection import connect
from camreq.db.history import PastRequisition, insert_history
from pypdf import PdfReader

PARIS = ZoneInfo("Europe/Paris")
POINT = "ST_Transform(ST_SetSRID(ST_MakePoint(5.7245, 45.1885), 4326), camreq.storage_srid())"


def at(day: str, hour: int = 10) -> datetime:
    """Return the Paris date-time of day (YYYY-MM-DD) at hour."""
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=PARIS)


def past(
    unit,
    owner,
    camera,
    issued: datetime,
    sent_after_h,
    answer_after_h,
    status,
    reason=None,
    retention_d=7,
    incident_before_h=20.0,
):
    """Return one past requisition: sent and answered the given hours after issue (None: never)."""
    sent = issued + timedelta(hours=sent_after_h) if sent_after_h is not None else None
    answered = sent + timedelta(hours=answer_after_h) if answer_after_h is not None else None
    incident = issued - timedelta(hours=incident_before_h)
    return PastRequisition(unit, owner, camera, incident, issued, sent, answered, status,
                           incident + timedelta(days=retention_d), reason)  # fmt: skip


@pytest.fixture
def history(db, sql, logins):
    """Build a known history: March 2026 and March 2025, two units, a busy owner and a small one."""
    owners = {
        name: sql(db, "INSERT INTO camreq.owners (name, email) VALUES (%s, 'o@example.org') RETURNING id", (name,))[0][
            0
        ]
        for name in ("Mairie", "Tabac", "Jamais")
    }
    cameras = {
        name: sql(db, f"INSERT INTO camreq.cameras (owner_id, ref, geom) VALUES (%s, %s, {POINT}) RETURNING id",
                  (owner, name + "-1"))[0][0]
        for name, owner in owners.items()
    }  # fmt: skip
    mairie, tabac = (owners["Mairie"], cameras["Mairie"]), (owners["Tabac"], cameras["Tabac"])
    answers = [1.0, 2.0, 3.0, 4.0, 5.0, 30.0]
    outcomes = ["footage_delivered"] * 4 + ["no_footage", "no_footage"]
    rows = [
        past("Brigade A", *mairie, at(f"2026-03-{day:02d}"), 2.0, hours, status,
             "overwritten" if status == "no_footage" else None)
        for day, hours, status in zip(range(2, 8), answers, outcomes, strict=True)
    ] + [
        past("Brigade B", *mairie, at("2026-03-20"), 4.0, None, "sent"),  # never answered: lost to the clock
        past("Brigade B", *tabac, at("2026-03-21"), 1.0, 3.0, "refused"),
        past("Brigade B", *tabac, at("2026-03-22"), None, None, "issued", incident_before_h=200),  # never sent
    ] + [
        past("Brigade A", *mairie, at(f"2025-03-{day:02d}"), 2.0, 10.0, "footage_delivered") for day in range(2, 7)
    ]  # fmt: skip
    conn = connect(db)
    with conn, conn.cursor() as cursor:
        insert_history(cursor, rows)
    conn.close()
    return {"rows": rows, "owners": owners, "logins": logins}


def march(rows: list[PastRequisition], year: int = 2026) -> list[PastRequisition]:
    """Return the rows issued in March of year."""
    return [row for row in rows if row.issued_at.year == year and row.issued_at.month == 3]


def hours(later: datetime, earlier: datetime) -> float:
    """Return the hours between two date-times."""
    return (later - earlier).total_seconds() / 3600


def p90(values: list[float]) -> float:
    """Return the 90th percentile with linear interpolation (PostgreSQL's percentile_cont)."""
    return stats.quantiles(values, n=10, method="inclusive")[8]


def test_monthly_figures_count_the_requisitions_of_each_month_and_the_year_before(history):
    figures = collect(history["logins"]["analyst"], date(2026, 2, 1), date(2026, 3, 31))
    by_month = {row.month: row for row in figures.months}
    assert set(by_month) == {date(2026, 2, 1), date(2026, 3, 1)}
    assert all(row.unit is None for row in figures.months)
    assert by_month[date(2026, 3, 1)].requisitions == len(march(history["rows"]))
    assert by_month[date(2026, 3, 1)].requisitions_year_before == len(march(history["rows"], 2025))
    assert by_month[date(2026, 2, 1)].requisitions is None  # 0 requisitions: shown "< 5"


def test_owner_figures_give_answer_times_and_outcomes_and_hide_small_owners(history):
    figures = collect(history["logins"]["analyst"], date(2026, 3, 1), date(2026, 3, 31))
    owners = {row.owner_name: row for row in figures.owners}
    assert set(owners) == {"Mairie", "Tabac", "Jamais"}  # every owner listed, with or without requisitions
    mine = [row for row in march(history["rows"]) if row.owner_id == history["owners"]["Mairie"] and row.sent_at]
    answered = [hours(row.answered_at, row.sent_at) for row in mine if row.answered_at]
    mairie = owners["Mairie"]
    assert mairie.requisitions == len(mine)
    assert mairie.answered == len(answered)
    assert mairie.median_answer_hours == pytest.approx(stats.median(answered))
    assert mairie.p90_answer_hours == pytest.approx(p90(answered))
    assert mairie.footage_delivered is None  # 4 delivered: fewer than 5
    assert mairie.no_footage is None and mairie.refused is None
    assert owners["Tabac"].requisitions is None and owners["Tabac"].median_answer_hours is None
    assert owners["Jamais"].requisitions is None


def test_the_clock_counts_hours_from_incident_to_sending_and_the_footage_lost_before_any_answer(history):
    figures = collect(history["logins"]["analyst"], date(2026, 3, 1), date(2026, 3, 31))
    [whole] = figures.clock
    rows = march(history["rows"])
    sent = [row for row in rows if row.sent_at]
    to_sent = [hours(row.sent_at, row.incident_start) for row in sent]
    lost = [row for row in rows if row.answered_at is None or row.answered_at > row.purge_deadline]
    assert whole.unit is None
    assert whole.requisitions == len(rows)
    assert whole.sent == len(sent)
    assert whole.median_hours_to_sent == pytest.approx(stats.median(to_sent))
    assert whole.p90_hours_to_sent == pytest.approx(p90(to_sent))
    assert whole.sent_before_purge == sum(row.sent_at < row.purge_deadline for row in sent)
    assert len(lost) < 5 and whole.lost_to_the_clock is None


def test_outcomes_count_no_footage_by_reason_and_hide_small_counts(history):
    figures = collect(history["logins"]["administrator"], date(2025, 3, 1), date(2026, 3, 31))
    whole = {(row.outcome, row.reason): row.requisitions for row in figures.outcomes if row.unit is None}
    delivered = sum(row.status == "footage_delivered" for row in history["rows"])
    assert delivered >= 5 and whole[("footage_delivered", None)] == delivered
    assert whole[("no_footage", None)] is None and whole[("no_footage", "overwritten")] is None
    assert whole[("refused", None)] is None
    per_unit = {row.unit for row in figures.outcomes}
    assert per_unit == {None, "Brigade A", "Brigade B"}  # administrators also see each unit


def test_an_analyst_gets_aggregates_but_never_a_requisition_nor_the_figures_of_one_unit(history, attempt):
    analyst = history["logins"]["analyst"]
    for statement in (
        "SELECT * FROM camreq.requisitions",
        "SELECT * FROM camreq.requisition_status_history",
        "SELECT * FROM camreq.requisition_facts('2000-01-01', '2100-01-01', NULL)",
    ):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            attempt(analyst, statement)
    with pytest.raises(Exception, match="UNIT: only administrators"):
        collect(analyst, date(2026, 3, 1), date(2026, 3, 31), "Brigade A")
    one_unit = collect(history["logins"]["administrator"], date(2026, 3, 1), date(2026, 3, 31), "Brigade A")
    assert {row.unit for row in one_unit.clock} == {"Brigade A"}
    assert one_unit.clock[0].requisitions == len([r for r in march(history["rows"]) if r.unit == "Brigade A"])


def test_investigators_and_logins_without_a_role_get_no_statistics(history, attempt):
    for who in ("investigator", "nobody"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            attempt(history["logins"][who], "SELECT * FROM camreq.clock_statistics('2026-03-01', '2026-03-31')")


def test_camreq_statistics_writes_tables_and_a_french_pdf_report_with_the_figures(history, camreq_processing, tmp_path):
    outputs = camreq_processing.run("camreq:statistics", {
        "CONNECTION": history["logins"]["administrator"], "FROM": "2026-02-01", "TO": "2026-03-31",
        "OUTPUT_FOLDER": str(tmp_path / "report"),
    })  # fmt: skip
    rows = march(history["rows"])
    assert outputs["REQUISITIONS"] == len(rows)
    text = " ".join(page.extract_text() for page in PdfReader(outputs["REPORT_PDF"]).pages)
    assert "Par propriétaire" in text and "< 5" in text
    assert "Unité Brigade A" in text and "02/2026" in text  # administrators: one table per unit, every month
    mine = [r for r in rows if r.owner_id == history["owners"]["Mairie"] and r.answered_at]
    median = f"{stats.median([hours(r.answered_at, r.sent_at) for r in mine]):.1f}".replace(".", ",")
    assert median in text
    assert (tmp_path / "report" / "owners.csv").read_text(encoding="utf-8").count("\n") == 1 + 3
    assert (tmp_path / "report" / "months.svg").stat().st_size > 1000


def test_camreq_statistics_refuses_an_end_before_the_start(history, camreq_processing):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="TO: 2026-02-01 is before FROM 2026-03-01"):
        camreq_processing.run("camreq:statistics", {
            "CONNECTION": history["logins"]["analyst"], "FROM": "2026-03-01", "TO": "2026-02-01",
            "OUTPUT_FOLDER": "TEMPORARY_OUTPUT",
        })  # fmt: skip


def test_setrequisitionstatus_records_why_there_is_no_footage_and_refuses_a_reason_elsewhere(
    camreq_processing, issued, scene, sql
):
    from qgis.core import QgsProcessingException

    number = issued["Parking Hoche SA"]
    sql(
        scene["db"],
        "UPDATE camreq.requisition_outbox o SET status = 'sent' FROM camreq.requisitions r "
        "WHERE r.id = o.requisition_id AND r.number = %s",
        (number,),
    )  # as the mail server accepted it
    sql(scene["db"], "UPDATE camreq.requisitions SET status = 'sent' WHERE number = %s", (number,))
    with pytest.raises(QgsProcessingException, match="NO_FOOTAGE_REASON: 'overwritten' is not a reason for no footage"):
        camreq_processing.run("camreq:setrequisitionstatus", {
            "CONNECTION": scene["db"], "NUMBER": number, "STATUS": "refused", "NO_FOOTAGE_REASON": "overwritten",
        })  # fmt: skip
    camreq_processing.run("camreq:setrequisitionstatus", {
        "CONNECTION": scene["db"], "NUMBER": number, "STATUS": "no_footage", "NO_FOOTAGE_REASON": "overwritten",
        "NOTE": "écrasées après 7 jours",
    })  # fmt: skip
    assert sql(scene["db"], "SELECT status, no_footage_reason FROM camreq.requisitions WHERE number = %s",
               (number,)) == [("no_footage", "overwritten")]  # fmt: skip
