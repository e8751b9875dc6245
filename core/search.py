"""Find the cameras that may have filmed incidents: the search shared by the toolbox, the dock and qgis_process.

Distances are true metres on the WGS84 spheroid, inclusive (a camera at exactly the distance is found).
A camera's footage is purged ``retention_days`` × 24 hours after the start of its window. Every search is
written to the consultation log (``camreq.searches``, ``camreq.search_incidents``) in the same transaction.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

import psycopg2.extensions

from ..db import search as db_search
from ..db.connection import kept_transaction
from ..errors import CamreqError
from .times import in_paris, iso_text, parse_iso
from .translation import tr
from .vocabulary import MAX_DISTANCE_M

MAX_SPEED_KMH = 500.0  # faster than any vehicle filmed from the street
MAX_MARGIN_MINUTES = 1440.0  # a day on each side of the passing time
MAX_INCIDENT_ID_CHARS = 200  # as camreq.requisition_cameras keeps it
INCIDENT_YEARS = (1970, 2999)  # outside, the purge date of a footage falls off PostgreSQL's and Python's calendars
DEFAULT_DISTANCE_M = 200.0
DEFAULT_MARGIN_MINUTES = 10.0
FAR_FROM_REGISTRY_M = 50_000.0  # an incident farther than this from every camera is a typing mistake


@dataclass(frozen=True)
class Incident:
    """One incident: its id, geometry as WKB in EPSG:4326 (lon/lat), and time window (aware date-times).

    ``end`` may be None only for a route searched with a speed: it then ends when the route is run.
    """

    incident_id: str
    wkb: bytes
    start: datetime
    end: datetime | None = None


@dataclass(frozen=True)
class SearchOptions:
    """How far and how to search, and why (the reason goes to the consultation log)."""

    distance_m: float
    reason: str
    in_view_only: bool = False
    include_out_of_service: bool = False
    speed_kmh: float | None = None
    margin_minutes: float = DEFAULT_MARGIN_MINUTES


@dataclass(frozen=True)
class CameraHit:
    """A camera near an incident, with its owner, distance, view and purge deadline."""

    incident_id: str
    camera_id: int
    camera_ref: str | None
    owner_id: int
    owner_name: str
    owner_email: str | None
    camera_type: str
    camera_status: str
    distance_m: float
    in_view: bool
    retention_days: int
    purge_at: datetime
    footage_available: bool
    window_start: datetime
    window_end: datetime
    wkb: bytes  # the camera's position in the storage CRS


@dataclass
class SearchResult:
    """What a search found, sorted by purge deadline, with the id of its consultation log row.

    out_of_service_nearby counts the cameras within reach left out because they are not in service.
    """

    search_id: int
    srid: int
    hits: list[CameraHit] = field(default_factory=list)
    out_of_service_nearby: int = 0

    def camera_ids(self) -> set[int]:
        """Return the ids of every camera found."""
        return {hit.camera_id for hit in self.hits}


def parse_datetime(value: str, parameter: str) -> datetime:
    """Return an ISO 8601 text as an aware date-time, or raise naming the parameter."""
    try:
        return parse_iso(value)
    except ValueError:
        raise CamreqError(
            tr("'{value}' is not an ISO 8601 date-time such as 2025-03-10T14:30:00+01:00.").format(value=value),
            parameter,
        ) from None


def check_options(options: SearchOptions) -> None:
    """Raise naming the parameter where an option is out of range."""
    if not 0 < options.distance_m <= MAX_DISTANCE_M:
        raise CamreqError(
            tr("{distance:g} m is out of range; give a distance over 0 and at most {maximum:g} m.").format(
                distance=options.distance_m, maximum=MAX_DISTANCE_M
            ),
            "DISTANCE",
        )
    if not options.reason or not options.reason.strip():
        raise CamreqError(tr("say why you search (case number, incident); it goes to the consultation log."), "REASON")
    if options.speed_kmh is not None and not 0 < options.speed_kmh <= MAX_SPEED_KMH:  # NaN fails too
        raise CamreqError(
            tr("{speed:g} km/h is not a speed; give one over 0 and at most {maximum:g}, or none.").format(
                speed=options.speed_kmh, maximum=MAX_SPEED_KMH
            ),
            "SPEED_KMH",
        )
    if not 0 <= options.margin_minutes <= MAX_MARGIN_MINUTES:
        raise CamreqError(
            tr("{margin:g} is out of range; give 0 to {maximum:g} minutes.").format(
                margin=options.margin_minutes, maximum=MAX_MARGIN_MINUTES
            ),
            "MARGIN_MINUTES",
        )


def is_line(wkb: bytes) -> bool:
    """Return whether a WKB geometry (ISO or extended) is a single LineString."""
    code = int.from_bytes(wkb[1:5], "little" if wkb[0] == 1 else "big")
    return (code & 0xFFFF) % 1000 == 2


def check_incidents(incidents: list[Incident], options: SearchOptions) -> None:
    """Raise naming the parameter where incidents are missing, repeated or have an impossible window."""
    if not incidents:
        raise CamreqError(tr("there is no incident to search around."), "INCIDENTS")
    seen: set[str] = set()
    for incident in incidents:
        if len(incident.incident_id) > MAX_INCIDENT_ID_CHARS:
            raise CamreqError(
                tr("an incident id of {length} characters ('{start}…'); give ids of at most {maximum}.").format(
                    length=len(incident.incident_id), start=incident.incident_id[:40], maximum=MAX_INCIDENT_ID_CHARS
                ),
                "ID_FIELD",
            )
        for parameter, value in (("START", incident.start), ("END", incident.end)):
            if value is not None and not INCIDENT_YEARS[0] <= value.year <= INCIDENT_YEARS[1]:
                raise CamreqError(
                    tr("incident '{incident}' is dated {value}; give a date-time between {first} and {last}.").format(
                        incident=incident.incident_id, value=value.isoformat(), first=INCIDENT_YEARS[0],
                        last=INCIDENT_YEARS[1],
                    ),
                    parameter,
                )  # fmt: skip
        if incident.incident_id in seen:
            raise CamreqError(
                tr("the incident id '{incident}' appears more than once.").format(incident=incident.incident_id),
                "ID_FIELD",
            )
        seen.add(incident.incident_id)
        if incident.start.tzinfo is None or (incident.end is not None and incident.end.tzinfo is None):
            raise ValueError("incident date-times must be aware; use aware()")
        if incident.end is None and not (options.speed_kmh and is_line(incident.wkb)):
            raise CamreqError(
                tr(
                    "incident '{incident}' has no end; give END or END_FIELD (only a route searched with SPEED_KMH "
                    "may go without)."
                ).format(incident=incident.incident_id),
                "END",
            )
        if incident.end is not None and incident.end < incident.start:
            raise CamreqError(
                tr("incident '{incident}' ends ({end}) before it starts ({start}).").format(
                    incident=incident.incident_id, end=iso_text(incident.end), start=iso_text(incident.start)
                ),
                "END",
            )


def search(connection: str, incidents: list[Incident], options: SearchOptions) -> SearchResult:
    """Search cameras near every incident in one query, log it in the same transaction, return the hits."""
    check_options(options)
    check_incidents(incidents, options)
    paris: dict[datetime, datetime] = {}  # a batch repeats few distinct date-times: convert each once
    with collection_paused():
        with kept_transaction(connection) as conn:
            check_near_registry(conn, incidents)  # raises before the search is logged
            found = db_search.search_cameras(
                conn, [(i.incident_id, i.wkb, i.start, i.end) for i in incidents], asdict(options)
            )
        hits = [_hit(row, paris) for row in found.hits]
        return SearchResult(found.search_id, found.srid, hits, found.out_of_service_nearby)


def check_near_registry(conn: psycopg2.extensions.connection, incidents: list[Incident]) -> None:
    """Raise before any search (nothing logged) for an incident far from every camera, naming the likely cause."""
    far = db_search.far_from_registry(conn, [(i.incident_id, i.wkb) for i in incidents], FAR_FROM_REGISTRY_M)
    if not far:
        return
    incident_id, lon, lat = far[0].incident_id, far[0].lon, far[0].lat
    cause = (
        tr(
            "latitude and longitude swapped? Read as latitude {lat:.5f}, longitude {lon:.5f}; type {lon:.5f} {lat:.5f} "
            "(latitude first)."
        ).format(lat=lat, lon=lon)
        if far[0].swapped_is_near
        else tr("check the coordinates and their system (WGS84 latitude longitude, or Lambert-93 X Y).")
    )
    raise CamreqError(
        tr("incident '{incident}' is more than {km:g} km from every camera of the registry: {cause}").format(
            incident=incident_id, km=FAR_FROM_REGISTRY_M / 1000, cause=cause
        ),
        "INCIDENTS",
    )


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch builds objects that all stay alive.

    Each collection walks every object built so far, none of which is garbage: on a batch of 300,000 hits that
    is a second of work for nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _hit(row: dict[str, Any], paris: dict[datetime, datetime]) -> CameraHit:
    """Return a hit row as a CameraHit, date-times in Europe/Paris (converted through the paris cache)."""
    for name in ("purge_at", "window_start", "window_end"):
        value = row[name]
        converted = paris.get(value)
        if converted is None:
            converted = paris[value] = in_paris(value)
        row[name] = converted
    row["wkb"] = bytes.fromhex(row.pop("wkb_hex"))
    return CameraHit(**row)
