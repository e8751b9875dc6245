"""Read the attribute values of imported rows: each reader returns a Python value or raises naming the field.

Rows come from any layer QGIS reads, so a value may be a number, a string, a QDate or NULL; an empty or
blank cell is a missing value (None), never an error.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

from qgis.core import QgsFeature
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..errors import CamreqError
from .inputs import refuse_nul
from .osm_tags import parse_direction, parse_height

TRUE_WORDS = {"true", "t", "yes", "y", "1", "oui", "vrai"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "non", "faux"}


class FieldReader:
    """The values of a layer's features, looked up by case-insensitive field name."""

    def __init__(self, field_names: list[str]) -> None:
        """Remember where each lower-case field name is (the first one wins)."""
        self.index: dict[str, int] = {}
        for position, name in enumerate(field_names):
            self.index.setdefault(name.strip().lower(), position)

    def has(self, name: str) -> bool:
        """Return whether the layer has this field."""
        return name in self.index

    def value(self, feature: QgsFeature, name: str) -> Any:
        """Return the feature's value of a field, None where the field is absent, NULL or blank."""
        position = self.index.get(name)
        if position is None:
            return None
        value = feature.attribute(position)
        if value is None or (isinstance(value, QVariant) and value.isNull()):
            return None
        if isinstance(value, str) and not value.strip():
            return None
        return value


def text(field: str, value: Any) -> str:
    """Return a value as stripped text (a whole float loses its '.0'); a NUL byte is refused naming the field."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    try:
        return refuse_nul(field, str(value).strip())
    except CamreqError as error:
        raise ValueError(str(error)) from None


def word(field: str, value: Any) -> str:
    """Return an enumeration value: lower case, without accents (département -> departement)."""
    folded = unicodedata.normalize("NFKD", text(field, value).lower())
    return "".join(char for char in folded if not unicodedata.combining(char))


def number(field: str, value: Any) -> float:
    """Return a number, accepting a decimal comma."""
    if isinstance(value, bool):
        raise ValueError(f"{field} {value!r} is not a number")
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        raise ValueError(f"{field} {value!r} is not a number") from None


def whole(field: str, value: Any) -> int:
    """Return a whole number (of days)."""
    try:
        result = number(field, value)
    except ValueError:
        raise ValueError(f"{field} {value!r} is not a whole number") from None
    if not result.is_integer():
        raise ValueError(f"{field} {value!r} is not a whole number")
    return int(result)


def boolean(field: str, value: Any) -> bool:
    """Return a yes/no value written as true/false, yes/no, oui/non or 1/0."""
    if isinstance(value, bool):
        return value
    folded = text(field, value).lower()
    if folded in TRUE_WORDS:
        return True
    if folded in FALSE_WORDS:
        return False
    raise ValueError(f"{field} {value!r} is not true or false")


def day(field: str, value: Any) -> date:
    """Return a date written YYYY-MM-DD (or a date-time, whose day is kept)."""
    if isinstance(value, QDateTime):
        value = value.date()
    if isinstance(value, QDate):
        return value.toPyDate()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(text(field, value)[:10])
    except ValueError:
        raise ValueError(f"{field} {value!r} is not a date such as 2025-12-31") from None


def direction(field: str, value: Any) -> tuple[float, float | None]:
    """Return (direction, field of view or None): a number as given, else a compass point or a range."""
    try:
        return number(field, value), None
    except ValueError:
        return parse_direction(text(field, value), field)


def height(field: str, value: Any) -> float:
    """Return a height in metres: a number, or text such as '6 m' or "20'"."""
    try:
        return number(field, value)
    except ValueError:
        return parse_height(text(field, value), field)
