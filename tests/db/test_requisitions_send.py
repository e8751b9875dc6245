"""camreq:sendrequisitions through the outbox, against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default

import pytest


@pytest.fixture
def send(camreq_processing, scene):
    """Return a function running camreq:sendrequisitions on the scene's database against a loopback port."""

    def run(port: int) -> dict:
        return camreq_processing.run("camreq:sendrequisitions", {
            "CONNECTION": scene["db"], "SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_SECURITY": "none",
            "FROM": "requisitions@police.example.org"})  # fmt: skip

    return run


@pytest.fixture
def issued(create, cameras_layer, scene, sql) -> dict[str, str]:
    """Issue the scene's three requisitions and return {owner: number}."""
    create(cameras_layer())
    return dict(
        sql(
            scene["db"],
            """SELECT o.name, r.number FROM camreq.requisitions r
        JOIN camreq.owners o ON o.id = r.owner_id""",
        )
    )


def test_delivered_with_the_pdf_attached_and_marked_sent(issued, send, smtp_server, scene, sql):
    handler, port = smtp_server()
    result = send(port)
    assert (result["SENT"], result["FAILED"], result["PENDING"], result["NO_EMAIL"]) == (2, 0, 1, 1)
    by_recipient = {envelope.rcpt_tos[0]: message_from_bytes(envelope.content, policy=default)
                    for envelope in handler.envelopes}  # fmt: skip
    message = by_recipient["videos@hoche.example.org"]
    number = issued["Parking Hoche SA"]
    assert number in message["Subject"]
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == f"{number}_Parking-Hoche-SA.pdf"
    assert attachment.get_content().startswith(b"%PDF")
    statuses = dict(sql(scene["db"], "SELECT number, status FROM camreq.requisitions"))
    assert statuses == {issued["Parking Hoche SA"]: "sent", issued["Ville de Grenoble"]: "sent",
                        issued["Tabac du Cours"]: "issued"}  # fmt: skip
    answers = sql(scene["db"], "SELECT outcome, smtp_code, smtp_answer FROM camreq.requisition_outbox_attempts")
    assert sorted(answers) == [("sent", 250, "2.0.0 Ok: queued as TEST")] * 2


def test_server_down_then_up_delivers_exactly_once(issued, send, smtp_server, unused_port, scene, sql):
    down = send(unused_port)
    assert (down["SENT"], down["PENDING"]) == (0, 3)
    assert sql(scene["db"], "SELECT outcome, smtp_code FROM camreq.requisition_outbox_attempts") == [("deferred", None)]
    handler, _ = smtp_server(unused_port)
    assert send(unused_port)["SENT"] == 2
    assert send(unused_port)["SENT"] == 0
    assert sorted(envelope.rcpt_tos[0] for envelope in handler.envelopes) == [
        "req@grenoble.example.org",
        "videos@hoche.example.org",
    ]
    ids = {message_from_bytes(e.content, policy=default)["Message-ID"] for e in handler.envelopes}
    stored = {row[0] for row in sql(scene["db"], "SELECT message_id FROM camreq.requisition_outbox")}
    assert ids <= stored


def test_permanent_5xx_marks_the_attempt_failed_with_the_servers_words(issued, send, smtp_server, scene, sql):
    handler, port = smtp_server()
    handler.answer = "550 5.1.1 Mailbox unavailable"
    result = send(port)
    assert (result["SENT"], result["FAILED"], result["PENDING"]) == (0, 2, 1)
    assert sql(
        scene["db"], "SELECT DISTINCT outcome, smtp_code, smtp_answer FROM camreq.requisition_outbox_attempts"
    ) == [("failed", 550, "5.1.1 Mailbox unavailable")]
    handler.answer = None
    assert send(port)["SENT"] == 0  # failed messages are not retried
    assert handler.envelopes == []


def test_temporary_4xx_leaves_it_pending_and_the_next_run_sends_it(issued, send, smtp_server, scene, sql):
    handler, port = smtp_server()
    handler.answer = "451 4.3.0 Try again later"
    result = send(port)
    assert (result["SENT"], result["FAILED"], result["PENDING"]) == (0, 0, 3)
    assert sql(scene["db"], "SELECT DISTINCT outcome, smtp_code FROM camreq.requisition_outbox_attempts") == [
        ("deferred", 451)
    ]
    handler.answer = None
    assert send(port)["SENT"] == 2
    assert sql(scene["db"], "SELECT count(*) FROM camreq.requisition_outbox_attempts") == [(4,)]


def test_owner_without_email_is_reported_and_counted_not_skipped(issued, send, smtp_server, scene, sql):
    _, port = smtp_server()
    send(port)
    result = send(port)
    assert result["NO_EMAIL"] == 1
    assert result["PENDING"] == 1
    assert sql(scene["db"], """SELECT r.status, o.status FROM camreq.requisitions r
        JOIN camreq.requisition_outbox o ON o.requisition_id = r.id WHERE r.number = %s""",
               (issued["Tabac du Cours"],)) == [("issued", "pending")]  # fmt: skip
