"""Fetch a requisition's deposits from the owner portal, check each SHA-256 against the database's record, and write
a reception report (PDF) for the case file. A file whose hash differs is refused loudly and never kept."""

from __future__ import annotations

import hashlib
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsFeedback

from ..db import portal as db_portal
from ..db import requisitions as db_requisitions
from ..db.connection import transaction
from ..errors import CamreqError
from .documents import ENVIRONMENT, TEMPLATES_DIR, write_pdf
from .times import now
from .translation import tr

CHUNK = 1 << 20
TIMEOUT_S = 60


@dataclass(frozen=True)
class FetchedFile:
    """A deposit written to the output folder, its SHA-256 checked."""

    camera_ref: str | None
    file_name: str
    path: Path
    size: int
    sha256: str


def fetch_footage(connection: str, reference: str, folder: Path, feedback: QgsFeedback | None) -> tuple[list, Path]:
    """Download every deposit of a requisition of the caller's unit; return (the files, the reception report)."""
    with transaction(connection) as conn, conn.cursor() as cursor, db_requisitions.user_errors():
        row = db_requisitions.find(cursor, reference)
        deposits = [d for d in db_portal.deposits(cursor, row.id) if d.scan_result != "infected" and not d.deleted_at]
        public_url = db_portal.public_url(cursor)
        token = db_portal.fetch_token(cursor, row.id) if deposits else ""
    if public_url is None:
        raise CamreqError(tr("No owner portal is configured in this database (camreq.settings.portal_public_url)."))
    if not deposits:
        raise CamreqError(tr("Requisition {number} has no deposit to fetch.").format(number=row.number), "NUMBER")
    folder.mkdir(parents=True, exist_ok=True)
    fetched = []
    for step, deposit in enumerate(deposits):
        if feedback is not None:
            if feedback.isCanceled():
                raise CamreqError(tr("Cancelled: the files fetched so far are in {folder}.").format(folder=folder))
            feedback.setProgress(100.0 * step / len(deposits))
        path = folder / f"{deposit.deposit_id}_{deposit.file_name.replace(os.sep, '_')}"
        sha256 = _download(f"{public_url}/fetch/{deposit.upload_id}", token, path)
        if sha256 != deposit.sha256:
            path.unlink()
            raise CamreqError(
                tr(
                    "REFUSED: {name} as the portal sent it has SHA-256 {got}, not the {recorded} recorded at upload: "
                    "the stored file was altered; it was not kept."
                ).format(name=deposit.file_name, got=sha256, recorded=deposit.sha256),
                "NUMBER",
            )
        fetched.append(FetchedFile(deposit.camera_ref, deposit.file_name, path, deposit.size, sha256))
    report = folder / f"reception_{row.number}.pdf"
    html = ENVIRONMENT.get_template("reception.html").render(
        number=row.number, case_number=row.case_number, owner=row.owner_name, files=fetched, at=now()
    )
    write_pdf(html, report, TEMPLATES_DIR)
    return fetched, report


def _download(url: str, token: str, path: Path) -> str:
    """Stream url (with the fetch token) to path, owner-only; return the SHA-256 of what was written."""
    if not url.startswith(("https://", "http://")):  # camreq.settings holds only such addresses
        raise CamreqError(tr("The portal address {url} is not http(s).").format(url=url))
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})  # noqa: S310
    hasher = hashlib.sha256()
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:  # noqa: S310  # nosec B310
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                while block := answer.read(CHUNK):
                    file.write(block)
                    hasher.update(block)
    except (urllib.error.URLError, OSError) as error:
        raise CamreqError(tr("The portal {url} cannot be reached: {reason}.").format(url=url, reason=error)) from None
    return hasher.hexdigest()
