"""The one clock of CamReq: every conversion of a date-time (Python, QDateTime, ISO text, display text) is here.

One rule everywhere: instants are aware; a naive value (a datetime without time zone, ISO text without offset,
a QDateTime in local time) means Europe/Paris wall-clock time; everything a person reads (panel, PDFs, e-mails,
algorithm outputs) is Paris time, whatever the computer's time zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import cast
from zoneinfo import ZoneInfo

from qgis.core import NULL
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

PARIS = ZoneInfo("Europe/Paris")
DISPLAY_FORMAT = "%d/%m/%Y %H:%M"
SHORT_DISPLAY_FORMAT = "%d/%m %H:%M"  # for narrow lists, where a full date is one hover away
FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def now() -> datetime:
    """Return the current instant, in Paris time."""
    return datetime.now(PARIS)


def aware(value: datetime) -> datetime:
    """Return value with a time zone: a naive date-time means Europe/Paris."""
    return value.replace(tzinfo=PARIS) if value.tzinfo is None else value


def in_paris(value: datetime) -> datetime:
    """Return the same instant in Paris time (a naive value is already Paris time)."""
    return aware(value).astimezone(PARIS)


def start_of_day(day: date) -> datetime:
    """Return midnight of day in Paris."""
    return datetime(day.year, day.month, day.day, tzinfo=PARIS)


def parse_iso(text: str) -> datetime:
    """Return an ISO 8601 text as an aware date-time (without offset: Paris time); raise ValueError otherwise."""
    return aware(datetime.fromisoformat(text.strip()))


def iso_text(value: datetime) -> str:
    """Return an instant as ISO 8601 text in Paris time, e.g. 2025-03-10T14:30:00+01:00."""
    return in_paris(value).isoformat()


def display(value: datetime | None) -> str:
    """Return '27/11/2026 14:05' in Paris time, or '' for no date-time."""
    return in_paris(value).strftime(DISPLAY_FORMAT) if value is not None else ""


def display_short(value: datetime | None) -> str:
    """Return '27/11 14:05' in Paris time, or '' for no date-time."""
    return in_paris(value).strftime(SHORT_DISPLAY_FORMAT) if value is not None else ""


def display_long_fr(value: datetime) -> str:
    """Return '1er décembre 2026 à 14 h 05' in Paris time."""
    local = in_paris(value)
    day = "1er" if local.day == 1 else str(local.day)
    return f"{day} {FRENCH_MONTHS[local.month - 1]} {local.year} à {local.hour} h {local:%M}"


def from_qdatetime(value: QDateTime | None) -> datetime | None:
    """Return a QDateTime as an aware date-time, None when null; a local-time QDateTime is Paris wall-clock time."""
    if value is None or value.isNull() or not value.isValid():
        return None
    d, t = value.date(), value.time()
    wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), t.msec() * 1000)
    if value.timeSpec() == Qt.TimeSpec.LocalTime:
        return aware(wall)
    return wall.replace(tzinfo=timezone(timedelta(seconds=value.offsetFromUtc())))


def to_qdatetime(value: datetime) -> QDateTime:
    """Return an instant as a QDateTime in Paris time, its UTC offset kept (what algorithm outputs hold)."""
    local = in_paris(value)
    offset = cast(timedelta, local.utcoffset())  # in_paris returns an aware date-time: it has an offset
    return QDateTime(_qdate(local), _qtime(local), Qt.TimeSpec.OffsetFromUTC, int(offset.total_seconds()))


def to_editor_qdatetime(value: datetime) -> QDateTime:
    """Return an instant as the local-time QDateTime a date-time editor shows: its Paris wall-clock time."""
    local = in_paris(value)
    return QDateTime(_qdate(local), _qtime(local), Qt.TimeSpec.LocalTime)


def aware_datetime(value: object) -> datetime | None:
    """Return a QGIS value (QDateTime, datetime, ISO text) as an aware date-time, None when empty."""
    if value is None or value == NULL or value == "":
        return None
    if isinstance(value, QDateTime):
        return from_qdatetime(value)
    if isinstance(value, str):
        return parse_iso(value)
    if isinstance(value, datetime):
        return aware(value)
    raise ValueError(f"not a date-time: {value!r}")


def _qdate(value: datetime) -> QDate:
    """Return the calendar day of a date-time as a QDate."""
    return QDate(value.year, value.month, value.day)


def _qtime(value: datetime) -> QTime:
    """Return the wall-clock time of a date-time as a QTime, to the millisecond."""
    return QTime(value.hour, value.minute, value.second, value.microsecond // 1000)
