"""Every closed list of CamReq, once: the value the database stores, the label people read, and the flags.

The SQL keeps its CHECK constraints and tables (tests/db/test_vocabulary.py holds both sides equal). Labels are
marked for Qt Linguist in the context "vocabulary" and translated when read, so they follow the user's language.
Investigation types take their legal facts (wording, article, authorisation) from ``templates/legal.toml`` only.
"""

from __future__ import annotations

import tomllib
from datetime import timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "vocabulary"
LEGAL_TOML = Path(__file__).resolve().parent.parent / "templates" / "legal.toml"

URGENCY = timedelta(hours=48)  # footage purged within this, with no answer yet: shown red, listed as due
URGENT_COLOUR = "#be1e1e"  # a purge within URGENCY
PAST_COLOUR = "#8c8c8c"  # footage already purged, or a closed requisition
MAX_DISTANCE_M = 5000.0  # the farthest a search reaches (camreq.searches refuses more)
RETENTION_DAYS = range(1, 32)  # what a camera's recorder may keep, in days (camreq.cameras refuses other values)


class Vocabulary(StrEnum):
    """A closed list: each member is the text the database stores, with its label and flags."""

    _label: str  # the English label, as marked for translation

    def __new__(cls, value: str, *details: Any) -> Vocabulary:
        """Make the member equal to its stored value; details are its label, then the flags for the subclass's __init__.

        Only value is required: mypy checks a look-up by value, Investigation("judicial"), against this (mypy#10573).
        """
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = details[0]
        return member

    @property
    def label(self) -> str:
        """Return the label in the user's language."""
        return QCoreApplication.translate(CONTEXT, self._label)

    @property
    def source_label(self) -> str:
        """Return the label as written in the source (English)."""
        return self._label

    @classmethod
    def values(cls) -> list[str]:
        """Return the stored values, in order."""
        return [member.value for member in cls]


class RequisitionStatus(Vocabulary):
    """Where a requisition is in its workflow (camreq.requisition_statuses)."""

    def __init__(self, _value: str, _label: str, is_open: bool, is_answer: bool) -> None:
        """Keep the flags: open (still waits for an answer) and whether it records the owner's answer."""
        self.is_open = is_open
        self.is_answer = is_answer

    DRAFT = "draft", QT_TRANSLATE_NOOP("vocabulary", "Draft"), True, False
    ISSUED = "issued", QT_TRANSLATE_NOOP("vocabulary", "Issued, not sent"), True, False
    SENT = "sent", QT_TRANSLATE_NOOP("vocabulary", "Sent"), True, False
    ACKNOWLEDGED = "acknowledged", QT_TRANSLATE_NOOP("vocabulary", "Acknowledged"), True, True
    FOOTAGE_DELIVERED = "footage_delivered", QT_TRANSLATE_NOOP("vocabulary", "Footage delivered"), False, True
    NO_FOOTAGE = "no_footage", QT_TRANSLATE_NOOP("vocabulary", "No footage"), False, True
    REFUSED = "refused", QT_TRANSLATE_NOOP("vocabulary", "Refused"), False, True
    CANCELLED = "cancelled", QT_TRANSLATE_NOOP("vocabulary", "Cancelled"), False, False


class Investigation(Vocabulary):
    """The investigation type, which chooses the legal basis of a requisition (templates/legal.toml)."""

    FLAGRANCE = "flagrance", QT_TRANSLATE_NOOP("vocabulary", "Flagrance")
    PRELIMINARY = "preliminary", QT_TRANSLATE_NOOP("vocabulary", "Preliminary investigation")
    JUDICIAL = "judicial", QT_TRANSLATE_NOOP("vocabulary", "Judicial investigation")

    @property
    def legal(self) -> dict[str, Any]:
        """Return this type's table of legal.toml: label (French), article, text, authorisation."""
        return legal_table()["investigation"][self.value]

    @property
    def article(self) -> str:
        """Return the short reference of the article the requisition rests on ('art. 60-1 CPP')."""
        return self.legal["short_article"]

    @property
    def requires_authorisation(self) -> bool:
        """Return whether a requisition of this type needs an authorisation reference."""
        return bool(self.legal["requires_authorisation"])

    @property
    def authorisation_name(self) -> str:
        """Return what the authorisation is called, without the trailing 'n°' ('' where none is needed)."""
        return self.legal.get("authorisation_label", "").removesuffix(" n°")

    @property
    def choice(self) -> str:
        """Return the label with its article, as a list of choices shows it."""
        return f"{self.label} ({self.article})"


class CameraType(Vocabulary):
    """What kind of camera (camreq.camera_types), with the marker and colour the registry layers draw it in."""

    def __init__(self, _value: str, _label: str, marker: str, colour: str) -> None:
        """Keep the marker shape and the field-of-view colour."""
        self.marker = marker
        self.colour = colour

    FIXED = "fixed", QT_TRANSLATE_NOOP("vocabulary", "Fixed"), "triangle", "#fdbf6f"
    DOME = "dome", QT_TRANSLATE_NOOP("vocabulary", "Dome"), "circle", "#a6cee3"
    PTZ = "ptz", QT_TRANSLATE_NOOP("vocabulary", "Panning (PTZ)"), "square", "#b2df8a"
    ANPR = "anpr", QT_TRANSLATE_NOOP("vocabulary", "Number-plate reader (ANPR/ALPR)"), "diamond", "#fb9a99"


class CameraStatus(Vocabulary):
    """Whether a camera works; searches leave out the ones not in service unless asked."""

    IN_SERVICE = "in_service", QT_TRANSLATE_NOOP("vocabulary", "In service")
    OUT_OF_ORDER = "out_of_order", QT_TRANSLATE_NOOP("vocabulary", "Out of order")
    REMOVED = "removed", QT_TRANSLATE_NOOP("vocabulary", "Removed")


class RecordingMode(Vocabulary):
    """When a camera records."""

    CONTINUOUS = "continuous", QT_TRANSLATE_NOOP("vocabulary", "Continuous")
    MOTION = "motion", QT_TRANSLATE_NOOP("vocabulary", "On motion")
    SCHEDULED = "scheduled", QT_TRANSLATE_NOOP("vocabulary", "Scheduled")


class OwnerKind(Vocabulary):
    """What kind of owner, with the colour the registry layers draw its cameras in."""

    def __init__(self, _value: str, _label: str, colour: str) -> None:
        """Keep the colour."""
        self.colour = colour

    METROPOLIS = "metropolis", QT_TRANSLATE_NOOP("vocabulary", "Metropolis"), "#1f78b4"
    CITY = "city", QT_TRANSLATE_NOOP("vocabulary", "City"), "#33a02c"
    DEPARTEMENT = "departement", QT_TRANSLATE_NOOP("vocabulary", "Département"), "#6a3d9a"
    TRANSPORT = "transport", QT_TRANSLATE_NOOP("vocabulary", "Transport operator"), "#ff7f00"
    LANDLORD = "landlord", QT_TRANSLATE_NOOP("vocabulary", "Social landlord"), "#b15928"
    PRIVATE = "private", QT_TRANSLATE_NOOP("vocabulary", "Private"), "#e31a1c"


class SmtpSecurity(Vocabulary):
    """How the connection to the mail server is protected."""

    STARTTLS = "starttls", QT_TRANSLATE_NOOP("vocabulary", "STARTTLS")
    SSL = "ssl", QT_TRANSLATE_NOOP("vocabulary", "SSL/TLS")
    NONE = "none", QT_TRANSLATE_NOOP("vocabulary", "None (local relay only)")


class Mode(Vocabulary):
    """What the plugin shows: the panel only, or also the registry and database tools."""

    INVESTIGATOR = "investigator", QT_TRANSLATE_NOOP("vocabulary", "Investigator")
    ANALYST = "analyst", QT_TRANSLATE_NOOP("vocabulary", "Analyst")


class NoFootageReason(Vocabulary):
    """Why an owner has no footage for a requisition (camreq.no_footage_reasons)."""

    OVERWRITTEN = "overwritten", QT_TRANSLATE_NOOP("vocabulary", "Footage already overwritten")
    CAMERA_DOWN = "camera_down", QT_TRANSLATE_NOOP("vocabulary", "Camera out of order")
    NOT_RECORDING = "not_recording", QT_TRANSLATE_NOOP("vocabulary", "Not recording at the time")
    NOT_IN_VIEW = "not_in_view", QT_TRANSLATE_NOOP("vocabulary", "The camera does not view the place")


class SigningPolicy(Vocabulary):
    """Whether issued requisitions must be signed electronically (camreq.settings.signing_policy)."""

    OPTIONAL = "optional", QT_TRANSLATE_NOOP("vocabulary", "Signed when a certificate is configured")
    REQUIRED = "required", QT_TRANSLATE_NOOP("vocabulary", "Always signed: issuing without a certificate is refused")


class Severity(Vocabulary):
    """How soon a registry finding needs fixing, with the colour camreq:checkregistry draws it in."""

    def __init__(self, _value: str, _label: str, colour: str) -> None:
        """Keep the colour."""
        self.colour = colour

    HIGH = "high", QT_TRANSLATE_NOOP("vocabulary", "High"), "#d7191c"
    MEDIUM = "medium", QT_TRANSLATE_NOOP("vocabulary", "Medium"), "#fdae61"
    LOW = "low", QT_TRANSLATE_NOOP("vocabulary", "Low"), "#2c7bb6"


@lru_cache(maxsize=1)
def legal_table() -> dict[str, Any]:
    """Return the parsed templates/legal.toml."""
    with LEGAL_TOML.open("rb") as file:
        return tomllib.load(file)
