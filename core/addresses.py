"""Base Adresse Nationale addresses: reading BAN rows, checking them, loading them, and the forgiving search.

A BAN file is one CSV per département (`adresses-38.csv.gz`), `;`-separated, UTF-8, with a header
`id;id_fantoir;numero;rep;nom_voie;…`. An import loads or refreshes the communes its rows name, keyed on the BAN
id (the old `ADRNIVX_…` style and the new `38185_2560_00012_bis` style alike), in the caller's transaction: the
rows are checked as one COPY streams them into a staging table, then one statement updates the changed ones, one
removes the communes' addresses the file no longer has and one inserts the new ones. A row that cannot be stored
comes back with its reason and keeps its stored version.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import TextIO, cast

import psycopg2.extensions
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureSource,
    QgsFeedback,
)

from ..db import addresses as db
from ..db.addresses import AddressMatch
from ..db.connection import kept_transaction, transaction
from ..errors import CamreqError
from .import_values import FALSE_WORDS, TRUE_WORDS
from .translation import tr

REQUIRED_COLUMNS = ("id", "numero", "nom_voie", "code_postal", "code_insee", "nom_commune")
# (west, south, east, north) in WGS84: metropolitan France with Corsica, then the overseas départements and
# collectivities the BAN covers.
FRANCE_BOXES = (
    (-5.5, 41.2, 9.8, 51.3),
    (-63.2, 14.3, -60.7, 18.2),  # Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy
    (-54.7, 2.0, -51.5, 6.0),  # Guyane
    (55.1, -21.5, 56.0, -20.8),  # La Réunion
    (44.9, -13.1, 45.4, -12.5),  # Mayotte
    (-56.5, 46.7, -56.1, 47.2),  # Saint-Pierre-et-Miquelon
)
BAN_ID = re.compile(r"[A-Za-z0-9_-]{1,80}")
CODE_INSEE = re.compile(r"[0-9][0-9AB][0-9]{3}")
CODE_POSTAL = re.compile(r"[0-9]{5}")
NUMERO = re.compile(r"[0-9]{1,5}")
MAX_TEXT = 200
LIMITED_TEXTS = (
    "id_fantoir",
    "rep",
    "nom_voie",
    "nom_commune",
    "nom_ancienne_commune",
    "type_position",
    "source_position",
)
COPY_CHUNK = 2_000  # rows per piece of the COPY stream
DEFAULT_SUGGESTIONS = 10

BAN_FIELDS = db.STAGED_COLUMNS[:-1]  # the BAN columns a row is read as (all staged ones but "rejected")
Fields = tuple[str, ...]  # a row's values, in BAN_FIELDS order
Row = tuple[int, Fields, str | None]  # (row number, values, why the row cannot be read or None)
Reject = Callable[[int, dict[str, str], str], None]  # (row number, raw values, reason)


class BanRowError(Exception):
    """A BAN row that cannot be stored; its message is the reason the user reads."""


@dataclass
class AddressImportResult:
    """What an address import did."""

    imported: int = 0
    updated: int = 0
    removed: int = 0
    rejected: int = 0
    communes: int = 0
    loaded: int = 0  # rows read and kept: imported, updated or already up to date


def ban_file_rows(path: Path) -> Iterator[Row]:
    """Yield the rows of a BAN CSV file, plain or gzip-compressed, numbered by their line."""
    with open(path, "rb") as raw:
        compressed = raw.read(2) == b"\x1f\x8b"
    stream: TextIO = (  # closed by the with below
        gzip.open(path, "rt", encoding="utf-8", errors="replace", newline="")  # noqa: SIM115
        if compressed
        else open(path, encoding="utf-8-sig", errors="replace", newline="")  # noqa: SIM115
    )
    with stream:
        reader = csv.reader(stream, delimiter=";")
        header = [name.strip().lower().lstrip("\ufeff") for name in next(reader, [])]
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise CamreqError(
                tr(
                    "{file} is not a BAN file: the column(s) {columns} are missing (a BAN file is ;-separated with a "
                    "header id;id_fantoir;numero;…)."
                ).format(file=path.name, columns=", ".join(missing)),
                "INPUT",
            )
        width = len(header)
        # A column the header lacks reads as the empty value appended to each row.
        pick = itemgetter(*(header.index(name) if name in header else width for name in BAN_FIELDS))
        for line, values in enumerate(reader, start=2):
            if len(values) == width:
                values.append("")
                yield line, pick(values), None
            else:
                unreadable = f"the row has {len(values)} columns, the header {width}"
                yield line, pick(values[:width] + [""] * (width + 1)), unreadable


def source_rows(source: QgsFeatureSource, context: QgsCoordinateTransformContext) -> Iterator[Row]:
    """Yield the rows of any table with the BAN columns, numbered by feature id.

    A point layer without lon/lat fields gives its point, in WGS84.
    """
    names = [name.lower() for name in source.fields().names()]
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        raise CamreqError(tr("the table lacks the BAN field(s) {fields}.").format(fields=", ".join(missing)), "INPUT")
    transform = None
    if not {"lon", "lat"} <= set(names) and source.sourceCrs().isValid():
        transform = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"), context)
    for feature in source.getFeatures():
        values = {
            name: "" if value is None or value == NULL else str(value)
            for name, value in zip(names, feature.attributes(), strict=True)
        }
        geometry = feature.geometry()
        if transform is not None and not geometry.isNull() and not geometry.isEmpty():
            point = transform.transform(geometry.centroid().asPoint())
            values["lon"], values["lat"] = repr(point.x()), repr(point.y())
        yield feature.id(), tuple(values.get(name, "") for name in BAN_FIELDS), None


def checked_row(fields: Fields) -> tuple:
    """Return a row's staged values (db.STAGED_COLUMNS order, rejected=False), or raise BanRowError."""
    joined = "".join(fields)
    if "\x00" in joined or "\ufffd" in joined:  # rare: then find the field to name
        for name, value in zip(BAN_FIELDS, fields, strict=True):
            if "\x00" in value:
                raise BanRowError(f"{name} contains a NUL character (\\x00), which cannot be stored")
            if "\ufffd" in value:
                raise BanRowError(f"{name} is not UTF-8 text")
    (
        ban_id,
        id_fantoir,
        numero,
        rep,
        nom_voie,
        code_postal,
        code_insee,
        nom_commune,
        nom_ancienne_commune,
        lon,
        lat,
        type_position,
        source_position,
        certification,
    ) = map(str.strip, fields)
    if not BAN_ID.fullmatch(ban_id):
        raise BanRowError(f"id {_shown(ban_id)} is not a BAN id (letters, digits, _ and -)")
    if not NUMERO.fullmatch(numero):
        raise BanRowError(f"numero {_shown(numero)} is not a number")
    if not CODE_INSEE.fullmatch(code_insee):
        raise BanRowError(f"code_insee {_shown(code_insee)} is not a commune code such as 38185")
    if not CODE_POSTAL.fullmatch(code_postal):
        raise BanRowError(f"code_postal {_shown(code_postal)} is not a 5-digit postcode")
    if not nom_voie:
        raise BanRowError("nom_voie is missing")
    if not nom_commune:
        raise BanRowError("nom_commune is missing")
    if len(joined) > MAX_TEXT:  # then one of the texts may be too long
        for name, value in zip(BAN_FIELDS, fields, strict=True):
            if name in LIMITED_TEXTS and len(value.strip()) > MAX_TEXT:
                raise BanRowError(f"{name} has {len(value.strip())} characters, at most {MAX_TEXT} are accepted")
    return (
        ban_id,
        id_fantoir or None,
        numero,
        rep or None,
        nom_voie,
        code_postal,
        code_insee,
        nom_commune,
        nom_ancienne_commune or None,
        *_position(lon, lat),
        type_position or None,
        source_position or None,
        _certification(certification),
        False,
    )


def import_addresses(
    conn: psycopg2.extensions.connection,
    rows: Iterable[Row],
    feedback: QgsFeedback,
    reject: Reject,
) -> AddressImportResult:
    """Load or refresh the communes of the rows in the caller's transaction; report each refused row.

    The rows are checked as one COPY streams them: the server stores a chunk while the next one is checked.
    """
    result = AddressImportResult()
    cancelled: list[bool] = []
    with conn.cursor() as cursor:
        db.create_staging(cursor)
        db.copy_staged(cursor, cast(TextIO, _CsvStream(_staged_rows(rows, feedback, reject, result, cancelled))))
        if cancelled:
            raise CamreqError(tr("Import cancelled: the transaction was rolled back, nothing was imported."))
        result.imported, result.updated, result.removed, result.communes = db.apply_staged(cursor)
    return result


def _staged_rows(
    rows: Iterable[Row],
    feedback: QgsFeedback,
    reject: Reject,
    result: AddressImportResult,
    cancelled: list[bool],
) -> Iterator[tuple]:
    """Yield the staged values of the rows, reporting and counting each refused one; stop where cancelled."""
    seen: set[str] = set()
    for number, fields, unreadable in rows:
        if feedback.isCanceled():
            cancelled.append(True)
            return
        try:
            if unreadable:
                raise BanRowError(unreadable)
            staged = checked_row(fields)
            if staged[0] in seen:
                raise BanRowError(f"id {staged[0]} appears twice in the input")
        except BanRowError as error:
            result.rejected += 1
            reject(number, dict(zip(BAN_FIELDS, fields, strict=True)), str(error))
            kept = None if unreadable else _kept_key(fields, seen)
            if kept is not None:  # the stored version of a refused row stays
                seen.add(kept[0])
                yield (*kept, *(None,) * 7, True)
            continue
        seen.add(staged[0])
        result.loaded += 1
        yield staged


class _CsvStream(io.TextIOBase):
    """A file COPY reads: rows in CSV format, None as an unquoted empty value (NULL; no stored text is empty)."""

    def __init__(self, rows: Iterator[tuple]) -> None:
        self._rows = rows
        self._text = io.StringIO()
        self._writer = csv.writer(self._text, lineterminator="\n")

    def read(self, size: int | None = -1) -> str:
        """Return the next COPY_CHUNK rows as CSV text, '' at the end."""
        self._text.seek(0)
        self._text.truncate()
        self._writer.writerows(islice(self._rows, COPY_CHUNK))
        return self._text.getvalue()


def load_addresses(connection: str, rows: Iterator[Row], feedback: QgsFeedback, reject: Reject) -> AddressImportResult:
    """Load or refresh the addresses of the communes the rows hold, in one transaction (see import_addresses)."""
    with transaction(connection) as conn:
        return import_addresses(conn, rows, feedback, reject)


@contextmanager
def address_search(connection: str) -> Iterator[Callable[..., AddressMatch | None]]:
    """Yield best_match on one transaction of connection, once the database is known to hold addresses."""
    with transaction(connection) as conn:
        require_addresses(conn)
        yield partial(best_match, conn)


def suggest(conn: psycopg2.extensions.connection, text: str, limit: int = DEFAULT_SUGGESTIONS) -> list[AddressMatch]:
    """Return up to limit addresses or streets matching a typed text, best first (empty text: none)."""
    if not text or not text.strip() or "\x00" in text:
        return []
    with conn.cursor() as cursor:
        return db.search(cursor, text.strip()[:MAX_TEXT], limit)


def suggestions(connection: str, text: str, limit: int = DEFAULT_SUGGESTIONS) -> list[AddressMatch]:
    """Return suggest's answer on a connection kept for reuse (the incident field asks at every pause in typing)."""
    with kept_transaction(connection) as conn:
        return suggest(conn, text, limit)


def best_match(conn: psycopg2.extensions.connection, *parts: str | None) -> AddressMatch | None:
    """Return the best match of an address given in parts (street and number, city, postcode), or None."""
    text = " ".join(part.strip() for part in parts if part and part.strip())
    matches = suggest(conn, text, 1)
    return matches[0] if matches else None


def require_addresses(conn: psycopg2.extensions.connection) -> None:
    """Raise where the database holds no address to search."""
    with conn.cursor() as cursor:
        if not db.has_addresses(cursor):
            raise CamreqError(
                tr(
                    "The database holds no address: load the Base Adresse Nationale of your département with "
                    "camreq:importaddresses first."
                )
            )


def _position(lon_text: str, lat_text: str) -> tuple[float, float]:
    """Return a row's WGS84 position, or raise where it is missing, unreadable or outside France."""
    if not lon_text or not lat_text:
        raise BanRowError("position is missing (lon and lat are empty)")
    try:
        lon, lat = float(lon_text.replace(",", ".")), float(lat_text.replace(",", "."))
    except ValueError:
        raise BanRowError(f"position {_shown(lon_text)}, {_shown(lat_text)} is not a longitude and latitude") from None
    for west, south, east, north in FRANCE_BOXES:
        if west <= lon <= east and south <= lat <= north:
            return lon, lat
    raise BanRowError(f"position {lon}, {lat} (lon, lat) is outside France")


def _certification(text: str) -> bool | None:
    """Return certification_commune as a boolean (vrai/faux, 1/0), None where empty or unknown."""
    word = text.lower()
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None


def _kept_key(fields: Fields, seen: set[str]) -> tuple[str, None, None, None, None, None, str] | None:
    """Return the (id, …, code_insee) of a refused row whose stored version stays, None if it has no clean key."""
    ban_id, insee = fields[BAN_FIELDS.index("id")].strip(), fields[BAN_FIELDS.index("code_insee")].strip()
    if ban_id in seen or not BAN_ID.fullmatch(ban_id) or not CODE_INSEE.fullmatch(insee):
        return None
    return ban_id, None, None, None, None, None, insee


def _shown(text: str, width: int = 40) -> str:
    """Return a value quoted for a message, cut short."""
    return repr(text if len(text) <= width else text[:width] + "…")
