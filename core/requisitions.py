"""Requisitions from a camera selection: one per owner, issued or kept as drafts, written as PDFs with a map.

Shared by the Processing algorithms and the dock. Everything happens in one transaction per call: bad input or a
cancel leaves the database and the output folder as they were. Each PDF is stored in the database in that
transaction (camreq.requisition_documents, the document the owner gets); copies go to the output folder only
once it is committed, so no file ever carries a number the database did not keep.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from qgis.core import QgsFeedback

from ..db import outbox as db_outbox
from ..db import portal as db_portal
from ..db import requisitions as db
from ..db import signatures as db_signatures
from ..db.connection import transaction
from ..db.schema import storage_srid
from ..errors import CamreqError
from .documents import (
    Officer,
    Owner,
    RequestedCamera,
    RequisitionDocument,
    Unit,
    load_legal_basis,
    render_signable_pdf,
    weasyprint_available,
    write_private,
)
from .map_extract import BaseMap, render_map
from .signing import UNSIGNED, SigningSource, opened_signer, policy_refusal, sign_pdf
from .times import display, iso_text, now
from .translation import tr
from .vocabulary import Investigation, NoFootageReason, RequisitionStatus

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer

DEFAULT_ANSWER_DELAY = timedelta(hours=48)
DEFAULT_DELIVERY = (
    "Copie intégrale des enregistrements, au format d'origine accompagné de son lecteur ou en MP4, "
    "remise à l'officier requérant sur support numérique ou par lien de téléchargement sécurisé."
)


@dataclass(frozen=True)
class CameraRequest:
    """One row of the selection: a camera and the footage window asked for (purge_at None: computed)."""

    camera_id: int
    window_start: datetime
    window_end: datetime
    purge_at: datetime | None = None
    incident_id: str | None = None
    search_id: int | None = None


@dataclass(frozen=True)
class RequisitionForm:
    """What the officer fills in once for all the requisitions of a selection."""

    case_number: str
    investigation: str
    authorisation_ref: str | None
    officer: Officer
    answer_deadline: datetime | None  # None: 48 hours, or the owner's earliest purge deadline if sooner
    delivery: str = DEFAULT_DELIVERY
    unit_address: str = ""
    unit_city: str = ""
    basemap: BaseMap | None = None  # drawn under the map extract, its attribution printed under the map


@dataclass(frozen=True)
class SkippedCamera:
    """A camera window left out: an open requisition of the same case already asks for it."""

    camera_id: int
    camera_ref: str
    window_start: datetime
    window_end: datetime
    requisition: str  # its number, or "draft <id>"


@dataclass(frozen=True)
class OwnerRequisition:
    """One requisition to make: an owner, their cameras (purge deadlines known) and the answer deadline."""

    owner_id: int
    owner_name: str
    owner_email: str | None
    cameras: tuple[CameraRequest, ...]
    answer_deadline: datetime
    brought_forward: bool  # the deadline asked for fell after the purge and was moved to it


@dataclass(frozen=True)
class RequisitionPlan:
    """What a run would make, before anything is written: one requisition per owner, and the cameras left out."""

    requisitions: tuple[OwnerRequisition, ...]
    skipped: tuple[SkippedCamera, ...]

    def notices(self) -> list[str]:
        """Return what the user must be told: cameras left out and answer deadlines brought forward."""
        lines = [
            tr(
                "Camera {camera} left out: requisition {requisition} of the same case already asks for its footage "
                "from {start} to {end} (REPEAT asks again)."
            ).format(
                camera=camera.camera_ref,
                requisition=camera.requisition,
                start=display(camera.window_start),
                end=display(camera.window_end),
            )
            for camera in self.skipped
        ]
        lines += [
            tr(
                "{owner}: the answer deadline asked for falls after the footage is purged; brought forward to "
                "{deadline}."
            ).format(owner=owner.owner_name, deadline=display(owner.answer_deadline))
            for owner in self.requisitions
            if owner.brought_forward
        ]
        return lines


@dataclass(frozen=True)
class RequisitionSummary:
    """One requisition made, as the OUTPUT table shows it."""

    id: int
    number: str | None
    owner: str
    status: str
    camera_count: int
    purge_deadline: datetime | None
    pdf_path: str | None


@dataclass(frozen=True)
class RequisitionsMade:
    """What a run made, and the plan it followed (its notices say what was left out or changed)."""

    plan: RequisitionPlan
    made: list[RequisitionSummary]


def answer_deadline(asked: datetime | None, purges: list[datetime], now: datetime) -> tuple[datetime, bool]:
    """Return an owner's answer deadline and whether the one asked for was brought forward to the earliest purge.

    Default: 48 hours from now, or the earliest purge deadline still to come if sooner. A deadline asked for after
    that purge deadline becomes the purge deadline: an answer after it would come too late for the footage.
    """
    coming = [purge for purge in purges if purge > now]
    if asked is None:
        return min([now + DEFAULT_ANSWER_DELAY, *coming]), False
    if coming and asked > min(coming):
        return min(coming), True
    return asked, False


def plan_requisitions(
    connection: str, cameras: list[CameraRequest], form: RequisitionForm, repeat: bool = False
) -> RequisitionPlan:
    """Return what create_requisitions would make of these cameras now, writing nothing (for a confirmation)."""
    _check_request(form, cameras)
    with db.user_errors(), transaction(connection) as conn, conn.cursor() as cursor:
        return _plan(cursor, cameras, form, repeat)


def create_requisitions(
    connection: str,
    cameras: list[CameraRequest],
    form: RequisitionForm,
    issue: bool,
    folder: Path,
    feedback: QgsFeedback | None = None,
    repeat: bool = False,
    signing: SigningSource = UNSIGNED,
) -> RequisitionsMade:
    """Make one requisition per owner of the cameras, issue (and sign) them if asked, store their PDFs; return them.

    Without repeat, a camera window an open requisition of the same case already covers is left out (the plan's
    skipped cameras); when nothing is left, nothing is made. The certificate is checked before anything is written.
    """
    _check_request(form, cameras)
    _check_folder(folder)
    # user_errors outside the transaction: a refused commit too is a user's message
    with (
        opened_signer(signing if issue else UNSIGNED) as signer,
        db.user_errors(),
        transaction(connection) as conn,
        conn.cursor() as cursor,
    ):
        if issue:
            _check_policy(cursor, signing)
        db.lock_case(cursor, form.case_number.strip())  # a second click waits, then sees the first's rows
        plan = _plan(cursor, cameras, form, repeat)
        ids = []
        for owner in plan.requisitions:
            ids.append(db.insert_requisition(cursor, _columns(form, owner)))
            db.insert_cameras(cursor, ids[-1], [_camera_tuple(row) for row in owner.cameras])
        made = _issue_and_render(cursor, ids, form, issue, feedback, _Signing(signer, signing)) if ids else []
    return RequisitionsMade(plan, _save_copies(made, folder))


def issue_draft(
    connection: str,
    reference: str,
    unit_address: str,
    unit_city: str,
    note: str | None,
    basemap: BaseMap | None = None,
    signing: SigningSource = UNSIGNED,
) -> RequisitionSummary:
    """Number a draft, queue its e-mail and store its issued (and signed) PDF in the database; return it."""
    with opened_signer(signing) as signer, transaction(connection) as conn, conn.cursor() as cursor, db.user_errors():
        _check_policy(cursor, signing)
        row = db.find(cursor, reference)
        if row.status != "draft":
            raise CamreqError(
                tr("requisition {number} is already {status}, not a draft.").format(
                    number=row.number, status=row.status
                ),
                "STATUS",
            )
        form = RequisitionForm(
            row.case_number, row.investigation, row.authorisation_ref, _officer(row), row.answer_deadline,
            row.delivery, unit_address, unit_city, basemap,
        )  # fmt: skip
        _check_signatory(form)
        if basemap is not None:
            basemap.check()
        db.set_status_note(cursor, note)
        return _issue_and_render(cursor, [row.id], form, True, None, _Signing(signer, signing))[0][0]


def change_status(
    connection: str, reference: str, status: str, note: str | None, reason: str | None = None
) -> tuple[str, str]:
    """Move a requisition to status if the transitions table allows it; return (its number, the old status).

    An issued requisition set to sent was served another way (in person, fax, registered letter): the note says
    how, and its e-mail is withdrawn from the outbox so that it is never sent later. reason says why an owner has
    no footage (status no_footage only).
    """
    with transaction(connection) as conn, conn.cursor() as cursor, db.user_errors():
        if status not in RequisitionStatus.values():
            raise CamreqError(tr("unknown status {status!r}.").format(status=status[:40]), "STATUS")
        if reason is not None and (status != RequisitionStatus.NO_FOOTAGE or reason not in NoFootageReason.values()):
            raise CamreqError(
                tr(
                    "{reason!r} is not a reason for no footage ({reasons}), and only goes with STATUS=no_footage."
                ).format(reason=reason[:40], reasons=", ".join(NoFootageReason.values())),
                "NO_FOOTAGE_REASON",
            )
        row = db.find(cursor, reference)
        if row.status == RequisitionStatus.ISSUED and status == RequisitionStatus.SENT:
            if not (note or "").strip():
                raise CamreqError(
                    tr(
                        "say how requisition {number} was served without e-mail (in person, fax, registered letter, "
                        "with the date)."
                    ).format(number=row.number),
                    "NOTE",
                )
            db_outbox.serve_otherwise(cursor, row.id, row.number or f"draft {row.id}")
        db.set_status(cursor, row.id, status, note, reason)
        return row.number or f"draft {row.id}", row.status


def due_soon(connection: str) -> list[db.DueRequisition]:
    """Return the open requisitions whose footage is purged within 48 hours, most urgent first."""
    with transaction(connection) as conn, conn.cursor() as cursor:
        return db.due_soon(cursor)


def _check_request(form: RequisitionForm, cameras: list[CameraRequest]) -> None:
    """Raise CamreqError naming the first field of the form or the camera list that cannot make a requisition."""
    _check_form(form)
    if not cameras:
        raise CamreqError(tr("no camera given; select cameras from a camreq:camerasnearincident result."), "CAMERAS")
    _check_windows(cameras)


def _check_signatory(form: RequisitionForm) -> None:
    """Raise CamreqError naming the first missing fact a signed requisition prints: officer, rank, unit, city."""
    for parameter, value in (
        ("OFFICER_NAME", form.officer.name),
        ("OFFICER_RANK", form.officer.rank),
        ("OFFICER_UNIT", form.officer.unit),
        ("UNIT_CITY", form.unit_city),
    ):
        if not value.strip():
            raise CamreqError(
                tr("required, the requisition prints it (give it, or set it once in the CamReq settings)."), parameter
            )


def _check_form(form: RequisitionForm) -> None:
    """Raise CamreqError naming the first field of the form that cannot make a requisition."""
    if not form.case_number.strip():
        raise CamreqError(tr("the case number (numéro de procédure) is required."), "CASE_NUMBER")
    legal = load_legal_basis(form.investigation)
    if legal["requires_authorisation"] and not (form.authorisation_ref or "").strip():
        raise CamreqError(
            tr("required for a {investigation} investigation ({authorisation}).").format(
                investigation=form.investigation, authorisation=Investigation(form.investigation).authorisation_name
            ),
            "AUTHORISATION_REF",
        )
    _check_signatory(form)
    if form.answer_deadline is not None and form.answer_deadline <= now():
        raise CamreqError(
            tr("{deadline} is in the past.").format(deadline=iso_text(form.answer_deadline)), "ANSWER_DEADLINE"
        )
    if not form.delivery.strip():
        raise CamreqError(tr("say which format and means of delivery you ask for."), "DELIVERY")
    if not weasyprint_available():
        raise CamreqError(tr("WeasyPrint is not installed or its libraries are missing: pip install weasyprint."))
    if form.basemap is not None:
        form.basemap.check()


def _check_windows(cameras: list[CameraRequest]) -> None:
    """Raise CamreqError for a camera whose window ends before it starts."""
    for camera in cameras:
        if camera.window_end < camera.window_start:
            raise CamreqError(
                tr("camera {camera}: window_end is before window_start.").format(camera=camera.camera_id), "CAMERAS"
            )


def _plan(cursor: db.Cursor, cameras: list[CameraRequest], form: RequisitionForm, repeat: bool) -> RequisitionPlan:
    """Return the requisitions to make per owner, leaving out (unless repeat) windows already asked for."""
    facts = _camera_facts(cursor, cameras)
    rows = [
        replace(row, purge_at=row.purge_at or row.window_start + timedelta(days=facts[row.camera_id].retention_days))
        for row in _unique_windows(cameras)
    ]
    covered = {} if repeat else db.covering_requisitions(cursor, form.case_number.strip(), rows)
    skipped = [
        SkippedCamera(row.camera_id, facts[row.camera_id].ref, row.window_start, row.window_end, covered[_key(row)])
        for row in rows
        if _key(row) in covered
    ]
    groups: dict[int, list[CameraRequest]] = defaultdict(list)
    for row in rows:
        if _key(row) not in covered:
            groups[facts[row.camera_id].owner_id].append(row)
    moment = now()
    planned = []
    for owner_rows in groups.values():
        owner = facts[owner_rows[0].camera_id]
        deadline, moved = answer_deadline(
            form.answer_deadline, [row.purge_at for row in owner_rows if row.purge_at is not None], moment
        )
        planned.append(
            OwnerRequisition(owner.owner_id, owner.owner_name, owner.owner_email, tuple(owner_rows), deadline, moved)
        )
    return RequisitionPlan(tuple(planned), tuple(skipped))


def _camera_facts(cursor: db.Cursor, cameras: list[CameraRequest]) -> dict[int, db.CameraFacts]:
    """Return the registry's facts of every camera, refusing unknown cameras and searches."""
    facts = db.camera_facts(cursor, sorted({camera.camera_id for camera in cameras}))
    unknown = sorted({camera.camera_id for camera in cameras} - facts.keys())
    if unknown:
        shown = ", ".join(str(camera_id) for camera_id in unknown[:10])
        raise CamreqError(
            tr("{count} camera id(s) not in the registry: {ids}.").format(count=len(unknown), ids=shown), "CAMERAS"
        )
    searches = {camera.search_id for camera in cameras if camera.search_id is not None}
    missing = sorted(searches - db.existing_searches(cursor, sorted(searches)))
    if missing:
        raise CamreqError(
            tr("search_id {search} is not in the consultation log (camreq.searches).").format(search=missing[0]),
            "CAMERAS",
        )
    return facts


def _key(row: CameraRequest) -> tuple[int, datetime, datetime]:
    """Return what makes a camera window: the camera and its start and end."""
    return row.camera_id, row.window_start, row.window_end


def _unique_windows(rows: list[CameraRequest]) -> list[CameraRequest]:
    """Return rows without repeats of the same camera and window (several incidents may share one)."""
    seen: dict[tuple, CameraRequest] = {}
    for row in rows:
        seen.setdefault(_key(row), row)
    return list(seen.values())


def _camera_tuple(row: CameraRequest) -> tuple:
    """Return the values db.insert_cameras takes for one row."""
    return (row.camera_id, row.search_id, row.incident_id, row.window_start, row.window_end, row.purge_at)


def _columns(form: RequisitionForm, owner: OwnerRequisition) -> dict:
    """Return the column values of one owner's requisition."""
    searches = {row.search_id for row in owner.cameras}
    return {
        "unit": form.officer.unit.strip(),
        "officer_name": form.officer.name.strip(),
        "officer_rank": form.officer.rank,
        "officer_email": form.officer.email,
        "officer_phone": form.officer.phone,
        "case_number": form.case_number.strip(),
        "investigation": form.investigation,
        "authorisation_ref": (form.authorisation_ref or "").strip() or None,
        "owner_id": owner.owner_id,
        "search_id": searches.pop() if len(searches) == 1 else None,
        "answer_deadline": owner.answer_deadline,
        "delivery": form.delivery.strip(),
    }


def _check_folder(folder: Path) -> None:
    """Raise CamreqError, before anything is made, where the PDFs could not be copied into folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CamreqError(
            tr("{folder} cannot be created: {reason}.").format(folder=folder, reason=error.strerror), "OUTPUT_FOLDER"
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CamreqError(tr("{folder} is not writable.").format(folder=folder), "OUTPUT_FOLDER")


@dataclass(frozen=True)
class _Signing:
    """The opened signer of a run (None: issued unsigned) and where it came from."""

    signer: Signer | None
    source: SigningSource


def _check_policy(cursor: db.Cursor, signing: SigningSource) -> None:
    """Raise CamreqError where the database's signing policy refuses issuing without a certificate."""
    refusal = policy_refusal(db_signatures.signing_policy(cursor), signing)
    if refusal is not None:
        raise refusal


def _issue_and_render(
    cursor: db.Cursor,
    ids: list[int],
    form: RequisitionForm,
    issue: bool,
    feedback: QgsFeedback | None,
    signing: _Signing,
) -> list[tuple[RequisitionSummary, str, bytes]]:
    """Issue the requisitions if asked, store their PDFs (signed when issued with a signer); return (summary, file
    name, PDF) of each."""
    srid = storage_srid(cursor.connection)
    with tempfile.TemporaryDirectory(prefix="camreq-maps-") as maps:
        images = {}
        for step, requisition_id in enumerate(ids):
            _progress(feedback, step, 2 * len(ids))
            images[requisition_id] = render_map(
                db.map_geometries(cursor, requisition_id), srid, Path(maps) / f"{requisition_id}.png", form.basemap
            )
        links: dict[int, str | None] = {}
        if issue:
            for requisition_id in ids:  # numbers last: the unit's counter stays locked until commit
                db.issue(cursor, requisition_id)
                links[requisition_id] = db_portal.add_link(cursor, requisition_id)
        documents = {}
        for step, row in enumerate(db.requisitions(cursor, ids)):
            _progress(feedback, len(ids) + step, 2 * len(ids))
            documents[row.id] = (
                _file_name(row),
                _pdf(row, db.cameras(cursor, row.id), form, images[row.id], signing, links.get(row.id) or ""),
            )
            db.insert_document(cursor, row.id, *documents[row.id])
    counts = db.camera_counts(cursor, ids)
    return [
        (RequisitionSummary(r.id, r.number, r.owner_name, r.status, counts[r.id], r.purge_deadline, None),
         *documents[r.id])
        for r in db.requisitions(cursor, ids)
    ]  # fmt: skip


def _pdf(
    row: db.RequisitionRow,
    cameras: list[db.CameraWindow],
    form: RequisitionForm,
    map_image: Path,
    signing: _Signing,
    portal_link: str,
) -> bytes:
    """Return the PDF of a requisition, with the owner's portal link: signed now when issued with a signer."""
    document = replace(_document(row, cameras, form, map_image), portal_link=portal_link)
    if row.number is None or signing.signer is None:
        return render_signable_pdf(document)[0]
    signed_at = now()
    pdf, box = render_signable_pdf(replace(document, signed_at=signed_at))
    return sign_pdf(
        pdf, signing.signer, box, signed_at, row.officer_name, form.unit_city, signing.source.timestamp_url.strip()
    )


def _save_copies(made: list[tuple[RequisitionSummary, str, bytes]], folder: Path) -> list[RequisitionSummary]:
    """Copy the committed PDFs into folder (owner-only files) and return the summaries with their paths."""
    summaries = []
    for summary, file_name, pdf in made:
        path = folder / file_name
        try:
            write_private(path, pdf)
        except OSError as error:
            raise CamreqError(
                tr(
                    "{path} cannot be written ({reason}); the requisitions are made and their PDFs are kept in the "
                    "database (Follow-up tab: Open the PDF)."
                ).format(path=path, reason=error.strerror),
                "OUTPUT_FOLDER",
            ) from None
        summaries.append(replace(summary, pdf_path=str(path.resolve())))
    return summaries


def _progress(feedback: QgsFeedback | None, done: int, total: int) -> None:
    """Report progress, and stop (rolling everything back) if the user cancelled."""
    if feedback is None:
        return
    if feedback.isCanceled():
        raise CamreqError(tr("Cancelled: no requisition was made or changed."))
    feedback.setProgress(100.0 * done / max(total, 1))


def _file_name(row: db.RequisitionRow) -> str:
    """Return the PDF file name: number (or draft id) and a plain-ASCII form of the owner's name."""
    ascii_name = unicodedata.normalize("NFKD", row.owner_name).encode("ascii", "ignore").decode()
    owner = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-")[:40] or "owner"
    return f"{row.number or f'draft-{row.id}'}_{owner}.pdf"


def _officer(row: db.RequisitionRow) -> Officer:
    """Return the requesting officer stored on a requisition."""
    return Officer(row.officer_name, row.officer_rank, row.unit, row.officer_email, row.officer_phone)


def _document(
    row: db.RequisitionRow, cameras: list[db.CameraWindow], form: RequisitionForm, map_image: Path
) -> RequisitionDocument:
    """Return the document of a stored requisition."""
    return RequisitionDocument(
        number=row.number,
        issued_at=row.issued_at or row.created_at,
        unit=Unit(row.unit, form.unit_address, row.officer_phone, form.unit_city),
        officer=_officer(row),
        case_number=row.case_number,
        investigation=row.investigation,
        owner=Owner(row.owner_name, row.owner_address or "", row.owner_email or "(pas de courriel connu)"),
        cameras=tuple(RequestedCamera(**asdict(camera)) for camera in cameras),
        answer_deadline=row.answer_deadline,
        delivery=row.delivery,
        authorisation_ref=row.authorisation_ref,
        map_image=map_image,
        map_attribution=form.basemap.attribution if form.basemap else "",
    )
