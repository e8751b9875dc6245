"""Send the outbox: each issued requisition's PDF to its owner, exactly once, every attempt recorded."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsProcessingFeedback

from ..db import outbox as db
from ..db.connection import transaction
from .mailer import Delivery, SmtpServer, build_message, deliver
from .times import display


@dataclass
class SendReport:
    """What a run did: sent and failed in this run, pending left in the outbox, owners without e-mail."""

    sent: int = 0
    failed: int = 0
    pending: int = 0
    without_email: list[db.OwnerWithoutEmail] = field(default_factory=list)
    interrupted: list[str] = field(default_factory=list)


def send_outbox(connection: str, server: SmtpServer, feedback: QgsProcessingFeedback) -> SendReport:
    """Send every pending message once; a message is marked sent only once the server accepted it."""
    report = SendReport()
    with transaction(connection) as conn, conn.cursor() as cursor:
        report.without_email = db.without_email(cursor)
        report.interrupted = db.interrupted(cursor)
        total = db.pending_count(cursor)
    attempted: list[int] = []  # deferred messages wait for the next run, not for this loop
    while not feedback.isCanceled():
        with transaction(connection) as conn, conn.cursor() as cursor:  # committed before the server is called
            claim = db.claim_next(cursor, str(server), attempted)
        if claim is None:
            break
        delivery = _attempt(server, claim)
        with transaction(connection) as conn, conn.cursor() as cursor:  # the "after" record
            still_issued = db.finish(cursor, claim, delivery.outcome, delivery.code, delivery.answer)
        report.sent += delivery.outcome == "sent"
        report.failed += delivery.outcome == "failed"
        _report(feedback, claim, delivery)
        if not still_issued:
            feedback.pushWarning(
                f"{claim.number} was cancelled (or changed) while its e-mail was being sent; the server's answer "
                f"was recorded ({delivery.outcome}): if it went out, tell {claim.owner_name} it is cancelled."
            )
        attempted.append(claim.outbox_id)
        feedback.setProgress(100.0 * len(attempted) / max(total, 1))
        if delivery.stop_run:
            feedback.pushWarning(f"Stopped at {server}: {delivery.answer}; the rest stays pending.")
            break
    with transaction(connection) as conn, conn.cursor() as cursor:
        report.pending = db.pending_count(cursor)
    return report


def _attempt(server: SmtpServer, claim: db.Claim) -> Delivery:
    """Build the message of a claim with its issued PDF and deliver it; without one it fails, no server called."""
    if claim.pdf is None or claim.file_name is None:
        return Delivery("failed", None, "no issued PDF in the database (made before schema 6): make it again")
    try:
        message = build_message(
            server, claim.to_address, _subject(claim), _body(claim), claim.message_id,
            (claim.file_name, claim.pdf), claim.officer_email,
        )  # fmt: skip
    except ValueError as error:  # an address or header the e-mail library refuses
        return Delivery("failed", None, f"the message cannot be built: {error}")
    return deliver(server, message)


def _subject(claim: db.Claim) -> str:
    """Return the e-mail subject: number, case and the purge deadline that rules the answer (or what a receipt is)."""
    if claim.kind == "receipt":
        return f"Reçu de votre réponse à la réquisition judiciaire n° {claim.number}"
    if claim.kind == "officer_notice":
        return f"Réquisition {claim.number} (procédure {claim.case_number}) : réponse de {claim.owner_name} confirmée"
    return (
        f"Réquisition judiciaire n° {claim.number} — procédure {claim.case_number} — "
        f"images effacées dès le {display(claim.purge_deadline)}"
    )


def _body(claim: db.Claim) -> str:
    """Return the plain-text body of the e-mail, in French."""
    if claim.kind == "receipt":
        return (
            "Madame, Monsieur,\n\n"
            f"Votre réponse à la réquisition judiciaire n° {claim.number} est enregistrée. Le reçu joint liste votre "
            "réponse pour chaque caméra et les fichiers déposés avec leur taille et leur empreinte SHA-256.\n\n"
            f"{claim.officer_name}, {claim.officer_rank}\n{claim.unit}\n"
        )
    if claim.kind == "officer_notice":
        return (
            f"{claim.owner_name} a confirmé sa réponse à la réquisition n° {claim.number} (procédure "
            f"{claim.case_number}) sur le portail de dépôt. Le reçu envoyé au propriétaire est joint ; les fichiers "
            "se récupèrent avec camreq:fetchfootage ou le bouton Télécharger de l'onglet Suivi.\n"
        )
    return (
        "Madame, Monsieur,\n\n"
        f"Veuillez trouver ci-joint la réquisition judiciaire n° {claim.number} (procédure n° {claim.case_number}) "
        f"adressée à {claim.owner_name}.\n\n"
        f"Les images demandées seront effacées automatiquement à partir du {display(claim.purge_deadline)} "
        "(heure de Paris) : merci de les extraire sans attendre et d'accuser réception en répondant à ce message.\n"
        f"Réponse attendue au plus tard le {display(claim.answer_deadline)}.\n\n"
        + (
            "Vous pouvez accuser réception, déposer les images et répondre pour chaque caméra sur votre lien "
            f"personnel (ne le transmettez pas) :\n{claim.portal_link}\n\n"
            if claim.portal_link
            else ""
        )
        + f"{claim.officer_name}, {claim.officer_rank}\n{claim.unit}\n"
        f"Tél. : {claim.officer_phone} — Courriel : {claim.officer_email}\n"
    )


def _report(feedback: QgsProcessingFeedback, claim: db.Claim, delivery: Delivery) -> None:
    """Tell the user what the server answered for one requisition."""
    line = f"{claim.number} → {claim.to_address}: {delivery.outcome} ({delivery.code or '-'} {delivery.answer})"
    if delivery.outcome == "failed":
        feedback.reportError(line)
    elif delivery.outcome == "unknown":
        feedback.pushWarning(line)
    else:
        feedback.pushInfo(line)
