"""Find places by what an investigator types: addresses, camera references, requisition numbers."""

from __future__ import annotations

from dataclasses import dataclass

from ..db import locate as db
from ..db.addresses import search as search_addresses
from ..db.connection import kept_transaction
from .addresses import MAX_TEXT

ADDRESS, CAMERA, REQUISITION = "address", "camera", "requisition"


@dataclass(frozen=True)
class Place:
    """Something found: its kind, what the list shows, and its WGS84 bounding box (a point: a zero-size box)."""

    kind: str
    label: str
    detail: str
    box: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax in WGS84
    score: float = 1.0


def locate(connection: str, text: str, limit: int = 10) -> list[Place]:
    """Return the requisitions, cameras and addresses matching text (requisitions and cameras by prefix)."""
    text = text.strip()[:MAX_TEXT]
    if len(text) < 2 or "\x00" in text:
        return []
    with kept_transaction(connection) as conn, conn.cursor() as cursor:  # short: the connection idles between keys
        places = [
            Place(REQUISITION, label, owner, (x1, y1, x2, y2))
            for label, owner, x1, y1, x2, y2 in db.requisitions_by_number(cursor, text, limit)
        ]
        places += [
            Place(CAMERA, label, owner, (x1, y1, x2, y2))
            for label, owner, x1, y1, x2, y2 in db.cameras_by_ref(cursor, text, limit)
        ]
        places += [
            Place(ADDRESS, match.label, match.kind, (match.lon, match.lat, match.lon, match.lat), match.score)
            for match in search_addresses(cursor, text, limit)
        ]
    return places
