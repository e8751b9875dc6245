"""Requisition documents: what they contain, rendered to HTML with Jinja2, then to PDF with WeasyPrint.

Legal articles and wording come from ``templates/legal.toml``, never from this code. Every value of
a document is user text: it only ever reaches the template as context, with autoescape on, and
bidirectional control characters are shown as ``[U+202E]`` so that they cannot reorder the page.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..errors import CamreqError

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
PARIS = ZoneInfo("Europe/Paris")
FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _require_aware(field: str, value: datetime) -> None:
    """Raise CamreqError when a datetime has no time zone."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise CamreqError(f"{field}: a date-time with a time zone is required, got {value.isoformat()}")


@dataclass(frozen=True)
class Unit:
    """The police or gendarmerie unit that issues the requisition."""

    name: str
    address: str
    phone: str
    city: str


@dataclass(frozen=True)
class Officer:
    """The officer who requests and signs."""

    name: str
    rank: str
    unit: str
    email: str
    phone: str


@dataclass(frozen=True)
class Owner:
    """The camera owner the requisition is addressed to."""

    name: str
    address: str
    email: str


@dataclass(frozen=True)
class RequestedCamera:
    """One camera of the owner and the footage asked for."""

    ref: str
    camera_type: str
    location: str
    window_start: datetime
    window_end: datetime
    purge_at: datetime

    def __post_init__(self) -> None:
        """Check the time window and that every date-time has a time zone."""
        for field in ("window_start", "window_end", "purge_at"):
            _require_aware(f"cameras[{self.ref}].{field}", getattr(self, field))
        if self.window_end < self.window_start:
            raise CamreqError(f"cameras[{self.ref}].window_end: must not be before window_start")


@dataclass(frozen=True)
class RequisitionDocument:
    """Everything a requisition PDF shows; number is None for a draft."""

    number: str | None
    issued_at: datetime
    unit: Unit
    officer: Officer
    case_number: str
    investigation: str
    owner: Owner
    cameras: tuple[RequestedCamera, ...]
    answer_deadline: datetime
    delivery: str
    authorisation_ref: str | None = None
    map_image: Path | None = None
    map_attribution: str = ""  # whose base map the extract is drawn on, printed under it

    def __post_init__(self) -> None:
        """Check the investigation type, its authorisation reference, cameras and time zones."""
        legal = load_legal_basis(self.investigation)
        if legal["requires_authorisation"] and not (self.authorisation_ref or "").strip():
            raise CamreqError(
                f"authorisation_ref: required for investigation {self.investigation!r} "
                f"({legal['authorisation_label']} …)"
            )
        if not self.cameras:
            raise CamreqError("cameras: a requisition names at least one camera")
        _require_aware("issued_at", self.issued_at)
        _require_aware("answer_deadline", self.answer_deadline)

    @property
    def earliest_purge(self) -> datetime:
        """Return the first date-time at which some requested footage is erased."""
        return min(camera.purge_at for camera in self.cameras)


@lru_cache(maxsize=1)
def _legal_table() -> dict:
    """Return the parsed legal.toml."""
    with (TEMPLATES_DIR / "legal.toml").open("rb") as file:
        return tomllib.load(file)


def load_legal_basis(investigation: str) -> dict:
    """Return the article, wording and common mentions for an investigation type."""
    table = _legal_table()
    if investigation not in table["investigation"]:
        known = ", ".join(sorted(table["investigation"]))
        raise CamreqError(f"investigation: unknown type {investigation!r} (expected one of: {known})")
    return {**table["mentions"], **table["investigation"][investigation]}


def _paris(value: datetime) -> datetime:
    """Return an aware datetime in Paris local time."""
    _require_aware("date-time", value)
    return value.astimezone(PARIS)


def format_datetime_fr(value: datetime) -> str:
    """Return '27/11/2026 14:05' in Paris local time."""
    return _paris(value).strftime("%d/%m/%Y %H:%M")


def format_long_datetime_fr(value: datetime) -> str:
    """Return '1er décembre 2026 à 14 h 05' in Paris local time."""
    local = _paris(value)
    day = "1er" if local.day == 1 else str(local.day)
    return f"{day} {FRENCH_MONTHS[local.month - 1]} {local.year} à {local.hour} h {local:%M}"


def _show_bidi_controls(value: object) -> object:
    """Return strings with bidirectional controls replaced by a visible '[U+XXXX]'."""
    if isinstance(value, str):
        return _BIDI_CONTROLS.sub(lambda match: f"[U+{ord(match.group()):04X}]", value)
    return value


_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    finalize=_show_bidi_controls,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["fr_datetime"] = format_datetime_fr
_ENV.filters["fr_long"] = format_long_datetime_fr


def render_html(doc: RequisitionDocument) -> str:
    """Return the requisition as HTML that links requisition.css relative to the templates folder."""
    if doc.map_image is not None and not doc.map_image.is_file():
        raise CamreqError(f"map_image: no such file {doc.map_image}")
    return _ENV.get_template("requisition.html").render(
        doc=doc,
        legal=load_legal_basis(doc.investigation),
        map_uri=doc.map_image.resolve().as_uri() if doc.map_image else None,
    )


def weasyprint_available() -> bool:
    """Return whether WeasyPrint and its native libraries can be loaded."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def write_pdf(html: str, path: Path, base_url: Path) -> Path:
    """Write the HTML as a PDF at path, resolving relative links against base_url, and return path."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise RuntimeError(
            "WeasyPrint is not installed or its libraries are missing: pip install weasyprint "
            "(see https://doc.courtbouillon.org/weasyprint/stable/first_steps.html)"
        ) from error
    HTML(string=html, base_url=f"{base_url.resolve().as_uri()}/").write_pdf(path)
    return path


def render_pdf(doc: RequisitionDocument, path: Path) -> Path:
    """Write the requisition PDF at path and return path."""
    return write_pdf(render_html(doc), path, TEMPLATES_DIR)
