"""SMTP delivery of one message, with the server's answer classified: sent, deferred (retry later) or failed."""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email.header import Header
from email.message import EmailMessage
from email.utils import formatdate

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..errors import CamreqError
from .translation import tr
from .vocabulary import SmtpSecurity

CERTIFICATE_HELP = (
    "the server's certificate is not trusted (add its CA to the system's trust store, or point SSL_CERT_FILE at it):"
)
TIMEOUT_S = 30
_HEADER_UNSAFE = re.compile(r"[\x00-\x1f\x7f]+")
# One plain address, as the owners directory requires it (camreq.owners' e-mail constraint): no name, group or list.
_ADDRESS = re.compile(r'[^@\s<>(),;:"\[\]\\]+@[^@\s<>(),;:"\[\]\\]+\.[^@\s<>(),;:"\[\]\\.]+')
UNKNOWN_HELP = (
    "the message data reached the server but its answer was lost, so it may have been delivered: it is not sent "
    "again automatically; check with the owner, then use Send again if it did not arrive"
)


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to send; the password comes from a QGIS authcfg and is never logged."""

    host: str
    port: int
    security: str
    sender: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout_s: float = TIMEOUT_S

    def __str__(self) -> str:
        """Return host:port and security, without credentials."""
        return f"{self.host}:{self.port} ({self.security})"


@dataclass(frozen=True)
class Delivery:
    """One attempt's outcome: sent, deferred, failed or unknown (data sent, answer lost), and the server's words."""

    outcome: str
    code: int | None
    answer: str
    stop_run: bool = False  # the server is unreachable or refuses us: later messages would fare no better


def credentials(authcfg: str) -> tuple[str | None, str | None]:
    """Return (username, password) of a Basic QGIS authentication configuration, (None, None) without one."""
    if not authcfg:
        return None, None
    config = QgsAuthMethodConfig()
    ok = QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True)
    if not ok or not config.isValid(True):
        raise CamreqError(
            tr(
                "the QGIS authentication configuration '{authcfg}' cannot be read: check that it exists and that "
                "the master password is set."
            ).format(authcfg=authcfg),
            "SMTP_AUTHCFG",
        )
    return config.config("username") or None, config.config("password") or None


def smtp_server(host: str, port: int, security: str, sender: str, authcfg: str) -> SmtpServer:
    """Return the server to send through, credentials read from authcfg; raise naming a missing parameter."""
    if not host.strip():
        raise CamreqError(tr("the mail server's name or address is missing."), "SMTP_HOST")
    if "@" not in sender:
        raise CamreqError(tr("the sender's e-mail address is missing or is not an e-mail address."), "FROM")
    if authcfg and security == "none":
        raise CamreqError(
            tr("a password is only sent over an encrypted connection: set SMTP_SECURITY to starttls or ssl."),
            "SMTP_AUTHCFG",
        )
    return SmtpServer(host.strip(), port, security, sender.strip(), *credentials(authcfg))


def header_text(value: str) -> str:
    """Return value on one line, so that user text cannot add e-mail headers."""
    return _HEADER_UNSAFE.sub(" ", value).strip()


def build_message(
    server: SmtpServer,
    to: str,
    subject: str,
    body: str,
    message_id: str,
    attachment: tuple[str, bytes],
    reply_to: str = "",
) -> EmailMessage:
    """Return the e-mail with the PDF (file name, content) attached and the given (stable) Message-ID.

    Raises ValueError where to is not one plain address or message_id holds a line break.
    """
    if not _ADDRESS.fullmatch(to):
        raise ValueError(f"the recipient {to[:200]!r} is not one e-mail address such as name@example.org")
    message = EmailMessage()
    message["From"] = header_text(server.sender)
    message["To"] = header_text(to)
    if reply_to.strip():
        message["Reply-To"] = header_text(reply_to)
    # Encoded by hand: the default policy's folder drops the space between two encoded words ("—procédure").
    message.set_raw("Subject", Header(header_text(subject), "utf-8", header_name="Subject").encode())
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id
    message.set_content(body)
    name, content = attachment
    message.add_attachment(content, maintype="application", subtype="pdf", filename=name)
    return message


def deliver(server: SmtpServer, message: EmailMessage) -> Delivery:
    """Hand the message to the server and return what it answered; never raises for SMTP or network trouble."""
    try:
        smtp = _open(server)
    except smtplib.SMTPAuthenticationError as error:  # the configuration's fault, not the owner's: retry once fixed
        return Delivery(
            "deferred", error.smtp_code,
            f"login refused, check SMTP_AUTHCFG's username and password: {_words(error.smtp_error)}", stop_run=True,
        )  # fmt: skip
    except ssl.SSLCertVerificationError as error:
        return Delivery("deferred", None, f"{CERTIFICATE_HELP} {error.verify_message}", stop_run=True)
    except smtplib.SMTPResponseException as error:
        return _classified(error.smtp_code, error.smtp_error, stop_run=True)
    except (OSError, smtplib.SMTPException) as error:
        return Delivery("deferred", None, unreachable(server, error), stop_run=True)
    try:
        smtp.ehlo_or_helo_if_needed()
        code, answer = smtp.mail(message["From"])
        if code != 250:  # the sender or the session is refused (530 authentication required, relay): every message
            return Delivery("deferred", code, f"the server refuses to send for us: {_words(answer)}", stop_run=True)
        code, answer = smtp.rcpt(message["To"])
        if code == 530 or (code not in (250, 251) and "relay" in _words(answer).lower()):
            return Delivery("deferred", code, f"the server refuses to relay for us: {_words(answer)}", stop_run=True)
        if code not in (250, 251):
            return _classified(code, answer)
        code, answer = smtp.docmd("DATA")
        if code != 354:
            return _classified(code, answer)
        smtp.send(_data_block(message))  # cut before its end: the server never saw the final dot, nothing delivered
        try:
            code, answer = smtp.getreply()
        except (OSError, smtplib.SMTPException) as error:
            return Delivery("unknown", None, f"{UNKNOWN_HELP} ({type(error).__name__}: {error})", stop_run=True)
        return Delivery("sent", code, _words(answer)) if code == 250 else _classified(code, answer)
    except smtplib.SMTPResponseException as error:
        return _classified(error.smtp_code, error.smtp_error)
    except (OSError, smtplib.SMTPException) as error:
        return Delivery("deferred", None, unreachable(server, error), stop_run=True)
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()


def unreachable(server: SmtpServer, error: OSError | smtplib.SMTPException) -> str:
    """Return, as a sentence, why the conversation with the mail server failed before it answered."""
    where = f"{server.host}:{server.port}"
    if isinstance(error, ConnectionRefusedError):
        return tr("the mail server {server} refused the connection: is it running, on this port?").format(server=where)
    if isinstance(error, TimeoutError | socket.timeout):
        return tr("the mail server {server} did not answer within {seconds} seconds.").format(
            server=where, seconds=TIMEOUT_S
        )
    if isinstance(error, socket.gaierror):
        return tr("the mail server's name {host} is unknown: check it.").format(host=server.host)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return tr("the mail server {server} closed the connection.").format(server=where)
    if isinstance(error, ssl.SSLError):
        return tr(
            "the secure connection to the mail server {server} failed ({reason}): check SMTP_SECURITY and the port."
        ).format(server=where, reason=error.reason or error)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return tr("the mail server {server} does not offer what SMTP_SECURITY asks for ({reason}).").format(
            server=where, reason=error
        )
    return tr("the mail server {server} cannot be reached: {reason}.").format(
        server=where, reason=getattr(error, "strerror", None) or error
    )


def _open(server: SmtpServer) -> smtplib.SMTP:
    """Return a connected (and, where configured, encrypted and logged-in) SMTP session."""
    if server.security not in SmtpSecurity.values():
        raise CamreqError(
            tr("{security!r} is not one of {choices}.").format(
                security=server.security, choices=", ".join(SmtpSecurity.values())
            ),
            "SMTP_SECURITY",
        )
    # The server's certificate and name are always verified, against the system's trust store
    # (OpenSSL's default paths, which SSL_CERT_FILE and SSL_CERT_DIR override).
    smtp: smtplib.SMTP
    if server.security == SmtpSecurity.SSL:
        smtp = smtplib.SMTP_SSL(
            server.host, server.port, timeout=server.timeout_s, context=ssl.create_default_context()
        )
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout_s)
    try:
        if server.security == SmtpSecurity.STARTTLS:
            smtp.starttls(context=ssl.create_default_context())
        if server.username:
            smtp.login(server.username, server.password or "")
    except BaseException:
        smtp.close()
        raise
    return smtp


def _data_block(message: EmailMessage) -> bytes:
    """Return the message as the DATA command sends it: CRLF lines, leading dots doubled, ended by a lone dot."""
    content = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
    if not content.endswith(b"\r\n"):
        content += b"\r\n"
    return re.sub(rb"(?m)^\.", b"..", content) + b".\r\n"


def _words(answer: bytes | str) -> str:
    """Return the server's answer as text."""
    return answer.decode("utf-8", "replace") if isinstance(answer, bytes) else str(answer)


def _classified(code: int, answer: bytes | str, stop_run: bool = False) -> Delivery:
    """Return failed for a permanent (5xx) answer, deferred for anything else."""
    return Delivery("failed" if 500 <= code < 600 else "deferred", code, _words(answer), stop_run)
