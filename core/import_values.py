"""Read the attribute values of imported rows: each reader returns a Python value or raises naming the field.

Rows come from any layer QGIS reads, so a value may be a number, a string, a QDate or NULL; an empty or
blank cell is a missing value (None), never an error. Field names are matched folded (case, accents,
spaces, underscores and hyphens ignored: ``Durée de conservation`` is ``duree_de_conservation``), under
their English name or one of their French names, or as a FIELD_MAP (``target=source;...``) says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from qgis.core import QgsFeature
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..errors import CamreqError
from .inputs import refuse_nul
from .osm_tags import degrees_text, parse_direction, parse_height
from .translation import tr

TRUE_WORDS = {"true", "t", "yes", "y", "1", "oui", "vrai"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "non", "faux"}
_SEPARATORS = re.compile(r"[\s_\-.'’]+")
MIN_CUT_NAME = 6  # shorter cut names would match too much
_FRENCH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def folded(text: str) -> str:
    """Return text in lower case without accents (Département -> departement)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def field_key(name: str) -> str:
    """Return a name as matched: folded, runs of spaces, underscores, hyphens, dots and apostrophes as one '_'."""
    return _SEPARATORS.sub("_", folded(name.strip())).strip("_")


def parse_field_map(text: str) -> dict[str, str]:
    """Return {target: source field} from FIELD_MAP text 'target=source;target=source'; raise naming FIELD_MAP."""
    mapping = {}
    for pair in (part.strip() for part in (text or "").split(";")):
        if not pair:
            continue
        target, equals, source = pair.partition("=")
        if not equals or not target.strip() or not source.strip():
            raise CamreqError(
                tr("{pair!r} is not target=source (for example ref=Identifiant).").format(pair=pair), "FIELD_MAP"
            )
        mapping[target.strip()] = source.strip()
    return mapping


class FieldReader:
    """The values of a layer's features by target field, found by folded name, French name or FIELD_MAP."""

    def __init__(self, field_names: list[str], names: dict[str, tuple[str, ...]], field_map: dict[str, str]) -> None:
        """Find the input field of each target: FIELD_MAP's, else the first one named like it; raise on a bad map."""
        self.field_names = field_names
        positions: dict[str, int] = {}
        for position, name in enumerate(field_names):
            positions.setdefault(field_key(name), position)
        targets = {field_key(target): target for target in names}
        self.index: dict[str, int] = {}
        for given, source in field_map.items():
            target = targets.get(field_key(given))
            if target is None:
                raise CamreqError(
                    tr("{given!r} is not a field CamReq reads; use one of {names}.").format(
                        given=given, names=", ".join(names)
                    ),
                    "FIELD_MAP",
                )
            if field_key(source) not in positions:
                raise CamreqError(
                    tr("the layer has no field {source!r} (for {target}).").format(source=source, target=target),
                    "FIELD_MAP",
                )
            self.index[target] = positions[field_key(source)]
        mapped = set(self.index.values())
        for target, aliases in names.items():
            if target in self.index:
                continue
            found = [positions[key] for key in map(field_key, (target, *aliases)) if key in positions]
            if found and found[0] not in mapped:
                self.index[target] = found[0]
        self._match_cut_names(names, positions)

    def _match_cut_names(self, names: dict[str, tuple[str, ...]], positions: dict[str, int]) -> None:
        """Match the names a Shapefile cut at 10 bytes (Propriéta, Durée de) to the one target they begin."""
        read = set(self.index.values())
        cut = {
            key: position
            for key, position in positions.items()
            if position not in read and len(key) >= MIN_CUT_NAME and len(self.field_names[position].encode()) <= 10
        }
        for target, aliases in names.items():
            if target in self.index:
                continue
            for key, position in cut.items():
                if position not in self.index.values() and any(
                    full.startswith(key) for full in map(field_key, aliases)
                ):
                    self.index[target] = position
                    break

    def has(self, name: str) -> bool:
        """Return whether the layer has a field for this target."""
        return name in self.index

    def source(self, name: str) -> str:
        """Return the input field name read for a target (the target itself where absent)."""
        position = self.index.get(name)
        return name if position is None else self.field_names[position]

    def used(self) -> dict[str, list[str]]:
        """Return {input field: the targets read from it}, in the layer's field order."""
        used: dict[str, list[str]] = {}
        for target, position in sorted(self.index.items(), key=lambda item: item[1]):
            used.setdefault(self.field_names[position], []).append(target)
        return used

    def ignored(self) -> list[str]:
        """Return the input fields no target reads."""
        read = set(self.index.values())
        return [name for position, name in enumerate(self.field_names) if position not in read]

    def value(self, feature: QgsFeature, name: str) -> Any:
        """Return the feature's value of a target, None where its field is absent, NULL or blank."""
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
    """Return an enumeration value: folded, separators as '_' (En service -> en_service)."""
    return field_key(text(field, value))


def word_of(synonyms: dict[str, str]) -> Callable[[str, Any], str]:
    """Return a reader of an enumeration value that also understands the given other words (French ones)."""

    def read(field: str, value: Any) -> str:
        given = word(field, value)
        return synonyms.get(given, given)

    return read


def number(field: str, value: Any) -> float:
    """Return a number, accepting a decimal comma and a degree sign (15°)."""
    if isinstance(value, bool):
        raise ValueError(f"{field} {value!r} is not a number")
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(degrees_text(str(value)).replace(",", "."))
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
    given = text(field, value).lower()
    if given in TRUE_WORDS:
        return True
    if given in FALSE_WORDS:
        return False
    raise ValueError(f"{field} {value!r} is not true or false")


def day(field: str, value: Any) -> date:
    """Return a date written YYYY-MM-DD or, as in France, DD/MM/YYYY (or a date-time, whose day is kept)."""
    if isinstance(value, QDateTime):
        value = value.date()
    if isinstance(value, QDate):
        return value.toPyDate()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    given = text(field, value)
    french = _FRENCH_DAY.fullmatch(given)
    try:
        if french:
            return date(int(french.group(3)), int(french.group(2)), int(french.group(1)))
        return date.fromisoformat(given[:10])
    except ValueError:
        raise ValueError(f"{field} {value!r} is not a date such as 2025-12-31 or 31/12/2025") from None


def direction(field: str, value: Any) -> tuple[float, float | None]:
    """Return (direction, field of view or None): degrees (360 is 0, -8 is 352), a compass point or a range."""
    try:
        return number(field, value) % 360, None
    except ValueError:
        return parse_direction(text(field, value), field)


def height(field: str, value: Any) -> float:
    """Return a height in metres: a number, or text such as '6 m' or "20'"."""
    try:
        return number(field, value)
    except ValueError:
        return parse_height(text(field, value), field)
