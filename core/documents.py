"""Requisition documents: what they contain, rendered to HTML with Jinja2, then to PDF with WeasyPrint.

Legal articles and wording come from ``templates/legal.toml``, never from this code. Every value of
a document is user text: it only ever reaches the template as context, with autoescape on, and
bidirectional control characters are shown as ``[U+202E]`` so that they cannot reorder the page.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..db.requisitions import CameraWindow
from ..errors import CamreqError
from .signing import SignatureBox
from .times import display, display_long_fr
from .vocabulary import legal_table

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
PDF_VARIANT = "pdf/a-2b"  # archival PDF; a PAdES signature is appended to it as an incremental update
SIGNATURE_BOX_ID = "signature-box"  # the element of requisition.html a visible signature covers
PT_PER_PX = 0.75  # WeasyPrint lays out in CSS pixels (1/96 in), PDF counts points (1/72 in)
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
class RequestedCamera(CameraWindow):
    """One camera of the owner and the footage asked for (ref, type, location, window, purge), checked."""

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
    signed_at: datetime | None = None  # when the officer signs it electronically; None: not signed
    portal_link: str = ""  # the owner's personal link to the answer portal (issued requisitions with a portal)

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


def load_legal_basis(investigation: str) -> dict:
    """Return the article, wording and common mentions for an investigation type."""
    table = legal_table()
    if investigation not in table["investigation"]:
        known = ", ".join(sorted(table["investigation"]))
        raise CamreqError(f"investigation: unknown type {investigation!r} (expected one of: {known})")
    return {**table["mentions"], **table["investigation"][investigation]}


def _show_bidi_controls(value: object) -> object:
    """Return strings with bidirectional controls replaced by a visible '[U+XXXX]'."""
    if isinstance(value, str):
        return _BIDI_CONTROLS.sub(lambda match: f"[U+{ord(match.group()):04X}]", value)
    return value


ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    finalize=_show_bidi_controls,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENVIRONMENT.filters["fr_datetime"] = display
ENVIRONMENT.filters["fr_long"] = display_long_fr


def render_html(doc: RequisitionDocument) -> str:
    """Return the requisition as HTML that links requisition.css relative to the templates folder."""
    if doc.map_image is not None and not doc.map_image.is_file():
        raise CamreqError(f"map_image: no such file {doc.map_image}")
    return ENVIRONMENT.get_template("requisition.html").render(
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


def _rendered(html: str, base_url: Path):  # a weasyprint Document (WeasyPrint is imported lazily)
    """Return the HTML laid out in pages by WeasyPrint, resolving relative links against base_url."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise RuntimeError(
            "WeasyPrint is not installed or its libraries are missing: pip install weasyprint "
            "(see https://doc.courtbouillon.org/weasyprint/stable/first_steps.html)"
        ) from error
    return HTML(string=html, base_url=f"{base_url.resolve().as_uri()}/").render()


def pdf_bytes(html: str, base_url: Path) -> bytes:
    """Return the HTML rendered as a PDF/A-2b file, resolving relative links against base_url."""
    return _rendered(html, base_url).write_pdf(pdf_variant=PDF_VARIANT)


def _signature_box(document) -> SignatureBox:
    """Return where the element with id SIGNATURE_BOX_ID lies, in PDF points from the page's bottom left."""
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            if box.element is not None and box.element.get("id") == SIGNATURE_BOX_ID:
                x, y = box.border_box_x(), box.border_box_y()
                left, top = round(PT_PER_PX * x), round(PT_PER_PX * (page.height - y))
                width, height = round(PT_PER_PX * box.border_width()), round(PT_PER_PX * box.border_height())
                return SignatureBox(number, (left, top - height, left + width, top))
    raise RuntimeError(f"templates: no element with id {SIGNATURE_BOX_ID!r} in requisition.html")


def write_private(path: Path, data: bytes) -> Path:
    """Write data to path readable by its owner only (0600, also when it existed), never through a link; return it."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        os.fchmod(file.fileno(), 0o600)
        file.write(data)
    return path


def write_pdf(html: str, path: Path, base_url: Path) -> Path:
    """Write the HTML as a PDF at path (owner-only), resolving relative links against base_url, and return path."""
    return write_private(path, pdf_bytes(html, base_url))


def render_signable_pdf(doc: RequisitionDocument) -> tuple[bytes, SignatureBox]:
    """Return the requisition rendered as a PDF/A file, and where its signature block is."""
    document = _rendered(render_html(doc), TEMPLATES_DIR)
    return document.write_pdf(pdf_variant=PDF_VARIANT), _signature_box(document)


def render_pdf_bytes(doc: RequisitionDocument) -> bytes:
    """Return the requisition rendered as a PDF/A file."""
    return render_signable_pdf(doc)[0]


def render_pdf(doc: RequisitionDocument, path: Path) -> Path:
    """Write the requisition PDF at path (owner-only) and return path."""
    return write_private(path, render_pdf_bytes(doc))
