"""Requisitions from a camera selection: one per owner, issued or kept as drafts, written as PDFs with a map.

Shared by the Processing algorithms and the dock. Everything happens in one transaction per call: bad input or a
cancel leaves the database and the output folder as they were.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from qgis.core import QgsFeedback
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..db import requisitions as db
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
    render_pdf,
    weasyprint_available,
)
from .map_extract import render_map
from .times import iso_text, now
from .translation import tr
from .vocabulary import Investigation, RequisitionStatus

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


def create_requisitions(
    connection: str,
    cameras: list[CameraRequest],
    form: RequisitionForm,
    issue: bool,
    folder: Path,
    feedback: QgsFeedback | None = None,
) -> list[RequisitionSummary]:
    """Make one requisition per owner of the cameras, issue them if asked, write their PDFs; return them."""
    _check_form(form)
    if not cameras:
        raise CamreqError("CAMERAS: no camera given; select cameras from a camreq:camerasnearincident result.")
    _check_windows(cameras)
    with transaction(connection) as conn, conn.cursor() as cursor, db.user_errors():
        groups = _group_by_owner(cursor, cameras)
        ids = []
        for owner_id, rows in groups.items():
            ids.append(db.insert_requisition(cursor, _columns(form, owner_id, rows)))
            db.insert_cameras(cursor, ids[-1], [_camera_tuple(row) for row in _unique_windows(rows)])
        return _issue_and_render(cursor, ids, form, issue, folder, feedback)


def issue_draft(
    connection: str, reference: str, unit_address: str, unit_city: str, note: str | None
) -> RequisitionSummary:
    """Number a draft, queue its e-mail and rewrite its PDF beside the draft's; return it."""
    with transaction(connection) as conn, conn.cursor() as cursor, db.user_errors():
        row = db.find(cursor, reference)
        if row.status != "draft":
            raise CamreqError(f"STATUS: requisition {row.number} is already {row.status}, not a draft.")
        form = RequisitionForm(
            row.case_number, row.investigation, row.authorisation_ref, _officer(row), row.answer_deadline,
            row.delivery, unit_address, unit_city,
        )  # fmt: skip
        folder = Path(row.pdf_path).parent if row.pdf_path else Path(tempfile.gettempdir())
        db.set_status_note(cursor, note)
        return _issue_and_render(cursor, [row.id], form, True, folder, None)[0]


def change_status(connection: str, reference: str, status: str, note: str | None) -> tuple[str, str]:
    """Move a requisition to status if the transitions table allows it; return (its number, the old status)."""
    with transaction(connection) as conn, conn.cursor() as cursor, db.user_errors():
        if status not in RequisitionStatus.values():
            raise CamreqError(f"STATUS: unknown status {status[:40]!r}.")
        row = db.find(cursor, reference)
        db.set_status(cursor, row.id, status, note)
        return row.number or f"draft {row.id}", row.status


def due_soon(connection: str) -> list[db.DueRequisition]:
    """Return the open requisitions whose footage is purged within 48 hours, most urgent first."""
    with transaction(connection) as conn, conn.cursor() as cursor:
        return db.due_soon(cursor)


def _check_form(form: RequisitionForm) -> None:
    """Raise CamreqError naming the first field of the form that cannot make a requisition."""
    if not form.case_number.strip():
        raise CamreqError(tr("the case number (numéro de procédure) is required."), "CASE_NUMBER", tr("Case number"))
    legal = load_legal_basis(form.investigation)
    if legal["requires_authorisation"] and not (form.authorisation_ref or "").strip():
        raise CamreqError(
            f"AUTHORISATION_REF: required for a {form.investigation} investigation "
            f"({Investigation(form.investigation).authorisation_name})."
        )
    for parameter, label, value in (
        ("OFFICER_NAME", QT_TR_NOOP("Officer name"), form.officer.name),
        ("OFFICER_UNIT", QT_TR_NOOP("Unit"), form.officer.unit),
    ):
        if not value.strip():
            raise CamreqError(tr("required (give it, or set it once in the CamReq settings)."), parameter, tr(label))
    if form.answer_deadline is not None and form.answer_deadline <= now():
        raise CamreqError(
            tr("{deadline} is in the past.").format(deadline=iso_text(form.answer_deadline)),
            "ANSWER_DEADLINE",
            tr("Answer deadline"),
        )
    if not form.delivery.strip():
        raise CamreqError(tr("say which format and means of delivery you ask for."), "DELIVERY", tr("Delivery"))
    if not weasyprint_available():
        raise CamreqError("WeasyPrint is not installed or its libraries are missing: pip install weasyprint.")


def _check_windows(cameras: list[CameraRequest]) -> None:
    """Raise CamreqError for a camera whose window ends before it starts."""
    for camera in cameras:
        if camera.window_end < camera.window_start:
            raise CamreqError(f"CAMERAS: camera {camera.camera_id}: window_end is before window_start.")


def _group_by_owner(cursor: db.Cursor, cameras: list[CameraRequest]) -> dict[int, list[CameraRequest]]:
    """Return the cameras grouped by their owner in the registry, refusing unknown cameras and searches."""
    owners = db.camera_owners(cursor, sorted({camera.camera_id for camera in cameras}))
    unknown = sorted({camera.camera_id for camera in cameras} - owners.keys())
    if unknown:
        shown = ", ".join(str(camera_id) for camera_id in unknown[:10])
        raise CamreqError(f"CAMERAS: {len(unknown)} camera id(s) not in the registry: {shown}.")
    searches = {camera.search_id for camera in cameras if camera.search_id is not None}
    missing = sorted(searches - db.existing_searches(cursor, sorted(searches)))
    if missing:
        raise CamreqError(f"CAMERAS: search_id {missing[0]} is not in the consultation log (camreq.searches).")
    groups: dict[int, list[CameraRequest]] = defaultdict(list)
    for camera in cameras:
        groups[owners[camera.camera_id]].append(camera)
    return dict(groups)


def _unique_windows(rows: list[CameraRequest]) -> list[CameraRequest]:
    """Return rows without repeats of the same camera and window (several incidents may share one)."""
    seen: dict[tuple, CameraRequest] = {}
    for row in rows:
        seen.setdefault((row.camera_id, row.window_start, row.window_end), row)
    return list(seen.values())


def _camera_tuple(row: CameraRequest) -> tuple:
    """Return the values db.insert_cameras takes for one row."""
    return (row.camera_id, row.search_id, row.incident_id, row.window_start, row.window_end, row.purge_at)


def _columns(form: RequisitionForm, owner_id: int, rows: list[CameraRequest]) -> dict:
    """Return the column values of one owner's requisition."""
    searches = {row.search_id for row in rows}
    deadline = form.answer_deadline
    if deadline is None:
        deadline = now() + DEFAULT_ANSWER_DELAY
        purges = [row.purge_at for row in rows if row.purge_at is not None and row.purge_at > now()]
        deadline = min([deadline, *purges])
    return {
        "unit": form.officer.unit.strip(),
        "officer_name": form.officer.name.strip(),
        "officer_rank": form.officer.rank,
        "officer_email": form.officer.email,
        "officer_phone": form.officer.phone,
        "case_number": form.case_number.strip(),
        "investigation": form.investigation,
        "authorisation_ref": (form.authorisation_ref or "").strip() or None,
        "owner_id": owner_id,
        "search_id": searches.pop() if len(searches) == 1 else None,
        "answer_deadline": deadline,
        "delivery": form.delivery.strip(),
    }


def _issue_and_render(
    cursor: db.Cursor, ids: list[int], form: RequisitionForm, issue: bool, folder: Path, feedback: QgsFeedback | None
) -> list[RequisitionSummary]:
    """Issue the requisitions if asked, write their PDFs with maps into folder, and return them."""
    folder.mkdir(parents=True, exist_ok=True)
    srid = storage_srid(cursor.connection)
    written: list[Path] = []
    try:
        with tempfile.TemporaryDirectory(prefix="camreq-maps-") as maps:
            images = {}
            for step, requisition_id in enumerate(ids):
                _progress(feedback, step, 2 * len(ids))
                images[requisition_id] = render_map(
                    db.map_geometries(cursor, requisition_id), srid, Path(maps) / f"{requisition_id}.png"
                )
            if issue:
                for requisition_id in ids:  # numbers last: the unit's counter stays locked until commit
                    db.issue(cursor, requisition_id)
            for step, row in enumerate(db.requisitions(cursor, ids)):
                _progress(feedback, len(ids) + step, 2 * len(ids))
                path = folder / _file_name(row)
                written.append(path)
                render_pdf(_document(row, db.cameras(cursor, row.id), form, images[row.id]), path)
                db.set_pdf_path(cursor, row.id, str(path.resolve()))
        counts = db.camera_counts(cursor, ids)
        return [
            RequisitionSummary(r.id, r.number, r.owner_name, r.status, counts[r.id], r.purge_deadline, r.pdf_path)
            for r in db.requisitions(cursor, ids)
        ]
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def _progress(feedback: QgsFeedback | None, done: int, total: int) -> None:
    """Report progress, and stop (rolling everything back) if the user cancelled."""
    if feedback is None:
        return
    if feedback.isCanceled():
        raise CamreqError("Cancelled: no requisition was made or changed.")
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
    )
