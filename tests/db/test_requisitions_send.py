"""camreq:sendrequisitions through the outbox, against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import ipaddress
import re
import ssl
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.policy import default

import pytest
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from qgis.core import QgsProcessingFeedback


def folded_subject(handler, recipient: str) -> list[bytes]:
    """Return the lines of the Subject header of the message sent to recipient, as they went over the wire."""
    [content] = [envelope.content for envelope in handler.envelopes if envelope.rcpt_tos == [recipient]]
    return re.search(rb"^Subject: .*?\r\n(?! )", content, re.M | re.S).group(0).split(b"\r\n")[:-1]


def test_delivered_with_the_pdf_attached_and_marked_sent(issued, send, smtp_server, scene, sql):
    handler, port = smtp_server()
    result = send(port)
    assert (result["SENT"], result["FAILED"], result["PENDING"], result["NO_EMAIL"]) == (2, 0, 1, 1)
    by_recipient = {envelope.rcpt_tos[0]: message_from_bytes(envelope.content, policy=default)
                    for envelope in handler.envelopes}  # fmt: skip
    message = by_recipient["videos@hoche.example.org"]
    number = issued["Parking Hoche SA"]
    assert message["Subject"].startswith(
        f"Réquisition judiciaire n° {number} — procédure 2026/004517 — images effacées dès le "
    )  # every space kept where the header is folded between encoded words
    lines = folded_subject(handler, "videos@hoche.example.org")
    assert len(lines) > 1 and all(len(line) <= 78 for line in lines)
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


SMTP_LOGIN = "brigade-sd38"
SMTP_PASSWORD = "Pa55-smtp-ne-jamais-afficher"


@pytest.fixture(scope="module")
def certificates(tmp_path_factory) -> dict[str, str]:
    """Return PEM files of a throwaway CA ('ca') and of a server certificate it signed for 127.0.0.1."""
    folder = tmp_path_factory.mktemp("tls")
    now = datetime.now(UTC)

    def certificate(subject: str, key, issuer: str, issuer_key, ca: bool, extensions=()) -> x509.Certificate:
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        )  # fmt: skip
        for extension in extensions:
            builder = builder.add_extension(extension, critical=False)
        return builder.sign(issuer_key, hashes.SHA256())

    ca_key, server_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
    ca = certificate("CamReq test CA", ca_key, "CamReq test CA", ca_key, True, [ca_usage])
    loopback = x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    server = certificate("127.0.0.1", server_key, "CamReq test CA", ca_key, False, [loopback])
    files = {"ca": folder / "ca.pem", "cert": folder / "server.pem", "key": folder / "server.key"}
    files["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files["cert"].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    files["key"].write_bytes(server_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))  # fmt: skip
    return {name: str(path) for name, path in files.items()}


@pytest.fixture
def secure_smtp_server(smtp_server, certificates):
    """Return a function starting a TLS server (starttls or ssl) that requires a login; logins seen go to a list."""

    def start(security: str) -> tuple:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certificates["cert"], certificates["key"])
        logins: list[tuple[str, bool]] = []

        def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
            encrypted = server.transport.get_extra_info("cipher") is not None
            logins.append((auth_data.login.decode(), encrypted))
            accepted = (auth_data.login.decode(), auth_data.password.decode()) == (SMTP_LOGIN, SMTP_PASSWORD)
            return AuthResult(success=accepted, handled=False)

        options = {"auth_required": True, "authenticator": authenticator}
        if security == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:  # implicit TLS: the whole connection is encrypted, so aiosmtpd may offer AUTH at once
            options.update(ssl_context=context, auth_require_tls=False)
        handler, port = smtp_server(**options)
        return handler, port, logins

    return start


def everything_recorded(sql, db: str) -> str:
    """Return every outbox, attempt and status history row of the database as one text."""
    rows = sql(db, """SELECT t::text FROM camreq.requisition_outbox t
        UNION ALL SELECT t::text FROM camreq.requisition_outbox_attempts t
        UNION ALL SELECT t::text FROM camreq.requisition_status_history t""")  # fmt: skip
    return " ".join(row[0] for row in rows)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # aiosmtpd misses implicit TLS
@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_tls_login_from_the_authcfg_delivers_and_never_shows_the_password(
    security, issued, send, secure_smtp_server, basic_authcfg, certificates, monkeypatch, scene, sql
):
    monkeypatch.setenv("SSL_CERT_FILE", certificates["ca"])  # trust the test CA the way an administrator would
    handler, port, logins = secure_smtp_server(security)
    feedback = QgsProcessingFeedback()
    result = send(port, feedback, SMTP_SECURITY=security, SMTP_AUTHCFG=basic_authcfg(SMTP_LOGIN, SMTP_PASSWORD))
    assert (result["SENT"], result["FAILED"], result["PENDING"]) == (2, 0, 1)
    assert len(handler.envelopes) == 2
    assert logins == [(SMTP_LOGIN, True)] * 2  # one encrypted login per message
    assert SMTP_PASSWORD not in feedback.textLog() + feedback.htmlLog()
    assert SMTP_PASSWORD not in everything_recorded(sql, scene["db"])


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # aiosmtpd misses implicit TLS
@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_untrusted_server_certificate_gets_no_password_and_no_message(
    security, issued, send, secure_smtp_server, basic_authcfg, monkeypatch, scene, sql
):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)  # the test CA is in no trust store
    handler, port, logins = secure_smtp_server(security)
    feedback = QgsProcessingFeedback()
    result = send(port, feedback, SMTP_SECURITY=security, SMTP_AUTHCFG=basic_authcfg(SMTP_LOGIN, SMTP_PASSWORD))
    assert (result["SENT"], result["FAILED"], result["PENDING"]) == (0, 0, 3)
    assert handler.envelopes == [] and logins == []
    [(outcome, answer)] = sql(scene["db"], "SELECT outcome, smtp_answer FROM camreq.requisition_outbox_attempts")
    assert outcome == "deferred"
    assert answer.startswith("the server's certificate is not trusted") and "SSL_CERT_FILE" in answer
    assert "certificate is not trusted" in feedback.textLog()


def test_wrong_smtp_password_keeps_requisitions_pending_and_names_smtp_authcfg(
    issued, send, secure_smtp_server, basic_authcfg, certificates, monkeypatch, scene, sql
):
    monkeypatch.setenv("SSL_CERT_FILE", certificates["ca"])
    handler, port, logins = secure_smtp_server("starttls")
    wrong = "not-the-password-either"
    feedback = QgsProcessingFeedback()
    result = send(port, feedback, SMTP_SECURITY="starttls", SMTP_AUTHCFG=basic_authcfg(SMTP_LOGIN, wrong))
    assert (result["SENT"], result["FAILED"], result["PENDING"]) == (0, 0, 3)
    assert handler.envelopes == [] and set(logins) == {(SMTP_LOGIN, True)}
    [(outcome, code, answer)] = sql(
        scene["db"], "SELECT outcome, smtp_code, smtp_answer FROM camreq.requisition_outbox_attempts"
    )  # one attempt: the run stops at the first refusal
    assert (outcome, code) == ("deferred", 535)
    assert answer.startswith("login refused, check SMTP_AUTHCFG's username and password")
    assert "SMTP_AUTHCFG" in feedback.textLog()
    assert {status for (status,) in sql(scene["db"], "SELECT status FROM camreq.requisitions")} == {"issued"}
    assert wrong not in feedback.textLog() + everything_recorded(sql, scene["db"])
