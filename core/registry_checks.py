"""Registry checks: what is wrong in the camera registry and the owners directory, in the user's words."""

from __future__ import annotations

from dataclasses import dataclass

from ..db import statistics as db
from ..db.connection import transaction
from .translation import tr
from .vocabulary import Severity


@dataclass(frozen=True)
class Problem:
    """A kind of finding: its severity and the sentence that explains it ({detail} from the database)."""

    severity: Severity
    sentence: str


def problems() -> dict[str, Problem]:
    """Return every problem the database's camreq.registry_findings() reports, by code."""
    return {
        "authorisation_expired": Problem(
            Severity.HIGH, tr("Camera {camera} of {owner}: its prefectoral authorisation expired on {detail}.")
        ),
        "authorisation_expiring": Problem(
            Severity.MEDIUM,
            tr("Camera {camera} of {owner}: its prefectoral authorisation expires on {detail}, within 90 days."),
        ),
        "not_verified": Problem(
            Severity.LOW, tr("Camera {camera} of {owner}: not verified for 12 months (last verified: {detail}).")
        ),
        "out_of_order": Problem(
            Severity.MEDIUM, tr("Camera {camera} of {owner}: out of order since {detail}, more than 30 days.")
        ),
        "likely_duplicate": Problem(
            Severity.MEDIUM, tr("Camera {camera} of {owner}: likely duplicate of {detail} (same owner, under 1 m).")
        ),
        "fixed_without_direction": Problem(
            Severity.LOW,
            tr("Camera {camera} of {owner}: a fixed camera without direction (its view is drawn as a disc)."),
        ),
        "outside_territory": Problem(Severity.MEDIUM, tr("Camera {camera} of {owner}: outside the territory.")),
        "owner_without_contact": Problem(
            Severity.HIGH, tr("{owner}: no requisition e-mail, requisitions cannot be sent to it{detail}.")
        ),
        "answers_after_purge": Problem(
            Severity.HIGH,
            tr("{owner}: answers in {hours} hours (median), after its footage is purged ({days} days)."),
        ),
    }


@dataclass(frozen=True)
class Finding:
    """One problem of one camera or owner, explained; wkb is its place in EPSG:4326 (None: owner without cameras)."""

    problem: str
    severity: Severity
    message: str
    camera_id: int | None
    owner_id: int | None
    camera_ref: str | None
    owner_name: str
    wkb: bytes | None


def check_registry(connection: str, territory_wkb: bytes | None = None) -> list[Finding]:
    """Return the registry's findings, most severe first; cameras outside territory (EPSG:4326 WKB) when given."""
    with transaction(connection) as conn, conn.cursor() as cursor:
        rows = db.findings(cursor, territory_wkb)
    known = problems()
    found = [_finding(row, known[row.problem]) for row in rows]
    order = list(Severity)
    return sorted(found, key=lambda finding: order.index(finding.severity))


def _finding(row: db.FindingRow, problem: Problem) -> Finding:
    """Return the finding of one database row, its sentence filled in."""
    camera = row.camera_ref or f"#{row.camera_id}"
    detail = row.detail or tr("never")
    if row.problem == "owner_without_contact":
        detail = tr(" nor phoned") if row.detail == "no_phone" else ""
    hours, _, days = (row.detail or "").partition(";")
    message = problem.sentence.format(camera=camera, owner=row.owner_name, detail=detail, hours=hours, days=days)
    wkb = bytes(row.wkb) if row.wkb is not None else None
    return Finding(
        row.problem, problem.severity, message, row.camera_id, row.owner_id, row.camera_ref, row.owner_name, wkb
    )
