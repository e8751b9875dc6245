"""Proof afterwards: is a requisition PDF's signature intact, who signed it and when, is the signer trusted, and is
the file the one CamReq recorded for its number.

The number is read from the PDF's title ("Réquisition judiciaire 2026-000123", which WeasyPrint writes from the
template's <title>): the title is inside the signed bytes, so a forged number breaks the signature.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from pathlib import Path

from ..db import signatures as db
from ..db.connection import transaction
from ..errors import CamreqError
from .translation import tr

NUMBER_IN_TITLE = re.compile(r"\b(\d{4}-\d{6})\b")


@dataclass(frozen=True)
class Verification:
    """What a check of a requisition PDF found; valid() is the bottom line."""

    sha256: str
    signed: bool = False
    intact: bool = False  # the signed bytes are unchanged and nothing was added after the signature
    signer: str = ""
    signed_at: datetime | None = None
    timestamped: bool = False  # the signing time is certified by a timestamp server (PAdES B-T)
    trusted: bool = False  # the signer's chain reaches one of the trusted roots
    number: str = ""
    recorded: bool | None = None  # the file's SHA-256 is the one CamReq recorded for number; None: not checked
    problems: list[str] = field(default_factory=list)

    def valid(self) -> bool:
        """Return whether the file is intact, signed by a trusted signer and (when checked) the recorded one."""
        return self.intact and self.trusted and self.recorded is not False


def read_roots(path: str) -> list:
    """Return the certificates of a PEM bundle (asn1crypto), raising CamreqError naming TRUST_ROOTS."""
    from asn1crypto import pem, x509

    try:
        data = Path(path).read_bytes()
        roots = [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)]
    except (OSError, ValueError) as error:
        raise CamreqError(
            tr("{path} is not a PEM bundle of certificates: {reason}").format(path=path, reason=error), "TRUST_ROOTS"
        ) from None
    if not roots:
        raise CamreqError(tr("{path} holds no certificate.").format(path=path), "TRUST_ROOTS")
    return roots


def verify_pdf(data: bytes, trust_roots: list, connection: str = "") -> Verification:
    """Return what a check of the PDF data finds against trust_roots and, with a connection, CamReq's records."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    sha256 = hashlib.sha256(data).hexdigest()
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
        number = _number(reader)
    except (PdfError, ValueError, KeyError, IndexError, EOFError) as error:
        return Verification(sha256, problems=[tr("the file cannot be read as a PDF ({reason}).").format(reason=error)])
    found = _signature(signatures[-1], trust_roots) if signatures else Verification(sha256)
    problems = list(found.problems)
    if not signatures:
        problems.append(tr("the file carries no electronic signature."))
    recorded = _recorded(connection, number, sha256, problems) if connection else None
    return Verification(
        sha256, found.signed, found.intact, found.signer, found.signed_at, found.timestamped, found.trusted, number,
        recorded, problems,
    )  # fmt: skip


def _number(reader: object) -> str:
    """Return the requisition number in the PDF's title, '' without one."""
    info = reader.trailer_view.get("/Info")  # type: ignore[attr-defined]
    title = str(info.get_object().get("/Title", "")) if info is not None else ""
    match = NUMBER_IN_TITLE.search(title)
    return match.group(1) if match else ""


def _signature(embedded: object, trust_roots: list) -> Verification:
    """Return what pyHanko's validator says of one embedded signature (sha256 left empty)."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=trust_roots or None, allow_fetching=False)  # none: the system store
    try:
        status = validate_pdf_signature(embedded, context)  # type: ignore[arg-type]
    except (ValueError, KeyError, TypeError) as error:  # pyHanko's SignatureValidationError is a ValueError
        return Verification(
            "", signed=True, problems=[tr("the signature cannot be read ({reason}).").format(reason=error)]
        )
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE and _clean_padding(embedded)
    problems = []
    if not status.intact or not status.valid:
        problems.append(tr("the signature does not match the file: it was changed after signing."))
    elif not whole:
        problems.append(tr("the file was changed (re-saved or added to) after it was signed."))
    if not status.trusted:
        problems.append(tr("the signer's certificate does not chain to a trusted root (TRUST_ROOTS)."))
    timestamp = status.timestamp_validity
    return Verification(
        "", signed=True, intact=status.intact and status.valid and whole,
        signer=status.signing_cert.subject.human_friendly,
        signed_at=timestamp.timestamp if timestamp is not None else status.signer_reported_dt,
        timestamped=timestamp is not None and timestamp.intact and timestamp.valid,
        trusted=status.trusted, problems=problems,
    )  # fmt: skip


def _clean_padding(embedded: object) -> bool:
    """Return whether the signature's reserved space holds nothing but the signature and zeros.

    That space is the one part of a PDF a signature cannot cover; CamReq's recorded SHA-256 covers every byte.
    """
    from asn1crypto import cms

    contents = bytes(embedded.pkcs7_content)  # type: ignore[attr-defined]
    return not contents[len(cms.ContentInfo.load(contents).dump()) :].strip(b"\0")


def _recorded(connection: str, number: str, sha256: str, problems: list[str]) -> bool | None:
    """Return whether CamReq recorded sha256 as the issued document of number (None: no number); note problems."""
    if not number:
        problems.append(tr("the file names no requisition number: it cannot be compared with CamReq's records."))
        return None
    with transaction(connection) as conn, conn.cursor() as cursor:
        hashes = db.issued_hashes(cursor, number)
    if not hashes:
        problems.append(tr("CamReq has no issued requisition {number} that this login may see.").format(number=number))
        return False
    if sha256 not in hashes:
        problems.append(
            tr("this file is not the one CamReq recorded for requisition {number} (SHA-256 {recorded}).").format(
                number=number, recorded=", ".join(hashes)
            )
        )
        return False
    return True
