"""Date-times from QGIS values: ISO 8601 with time zone, naive values meaning Europe/Paris."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from qgis.core import NULL
from qgis.PyQt.QtCore import QDateTime

PARIS = ZoneInfo("Europe/Paris")


def aware(value: datetime) -> datetime:
    """Return value with a time zone: a naive date-time means Europe/Paris."""
    return value.replace(tzinfo=PARIS) if value.tzinfo is None else value


def aware_datetime(value: object) -> datetime | None:
    """Return value as an aware datetime or None: a QDateTime is an instant; naive text or datetime is Paris time."""
    if value is None or value == NULL or value == "":
        return None
    if isinstance(value, QDateTime):
        if not value.isValid():
            return None
        return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, UTC)
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip())
    if isinstance(value, datetime):
        return aware(value)
    raise ValueError(f"not a date-time: {value!r}")
