"""Write the SYNTHETIC Base Adresse Nationale extract of the sample area: adresses-38-synthetique.csv.gz.

Called by generate_grenoble.py (``write_addresses``); the same bytes on every run. The file has the BAN's exact
layout (columns, `;`, UTF-8, both id styles, x/y in Lambert-93 and lon/lat) so that camreq:importaddresses reads
it like a real one, but every position is invented: streets are straight lines drawn near the sample places,
numbered odd on one side and even on the other. Street and commune names are real names of the area (the names
the sample uses for owners and places), their geometry is not. `synthetic_ban_rows` also makes much larger
invented départements for the benchmark.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import random
from collections.abc import Iterator
from pathlib import Path

ADDRESSES_FILE = "adresses-38-synthetique.csv.gz"
INCIDENT_ADDRESSES_FILE = "incident_addresses.csv"
BAN_COLUMNS = [
    "id",
    "id_fantoir",
    "numero",
    "rep",
    "nom_voie",
    "code_postal",
    "code_insee",
    "nom_commune",
    "code_insee_ancienne_commune",
    "nom_ancienne_commune",
    "x",
    "y",
    "lon",
    "lat",
    "type_position",
    "alias",
    "nom_ld",
    "libelle_acheminement",
    "nom_afnor",
    "source_position",
    "source_nom_voie",
    "certification_commune",
    "cad_parcelles",
]
METRES_PER_DEGREE_LAT = 111_320.0
NUMBER_SPACING_M = 12.0  # along the street, between two numbers on the same side
SIDE_OFFSET_M = 8.0  # odd numbers on the left of the street's direction, even on the right
REPEATED_SHARE = 0.04  # numbers that also have a bis (and a quarter of those a ter)

# (lon, lat) start, bearing in degrees from north, last number, commune: streets of the sample area. The first one
# puts 12 rue Félix Poulat on the sample incident INC-001 (5.7245, 45.1885).
GRENOBLE_STREETS = {
    "Rue Félix Poulat": ((5.72360, 45.18857), 90, 40),
    "Boulevard Gambetta": ((5.7200, 45.1830), 0, 80),
    "Avenue Alsace-Lorraine": ((5.7160, 45.1905), 120, 60),
    "Cours Jean Jaurès": ((5.7185, 45.1905), 190, 160),
    "Cours de la Libération et du Général de Gaulle": ((5.7155, 45.1760), 200, 220),
    "Rue de la République": ((5.7250, 45.1905), 100, 30),
    "Place Grenette": ((5.7265, 45.1900), 90, 20),
    "Place Victor Hugo": ((5.7235, 45.1875), 80, 16),
    "Place Notre-Dame": ((5.7305, 45.1930), 90, 12),
    "Rue Saint-Laurent": ((5.7290, 45.1950), 70, 60),
    "Quai Stéphane Jay": ((5.7230, 45.1935), 80, 50),
    "Boulevard Joseph Vallier": ((5.7050, 45.1800), 90, 120),
    "Avenue Félix Viallet": ((5.7150, 45.1915), 100, 50),
    "Rue Très-Cloître": ((5.7320, 45.1920), 160, 30),
    "Rue Lafayette": ((5.7255, 45.1895), 0, 24),
    "Rue Raoul Blanchard": ((5.7280, 45.1870), 10, 40),
    "Rue Philis de la Charce": ((5.7290, 45.1875), 70, 30),
    "Boulevard Édouard Rey": ((5.7160, 45.1895), 100, 50),
    "Rue Thiers": ((5.7180, 45.1865), 100, 40),
    "Avenue Jean Perrot": ((5.7360, 45.1770), 170, 120),
    "Rue des Alpes": ((5.7210, 45.1845), 90, 30),
    "Rue du Drac": ((5.7040, 45.1880), 170, 60),
    "Rue Saint-Joseph": ((5.7225, 45.1840), 95, 40),
    "Rue Sainte-Claire": ((5.7295, 45.1905), 0, 20),
    "Chemin de la Bastille": ((5.7250, 45.1970), 20, 30),
    "Impasse des Lilas": ((5.7110, 45.1790), 90, 10),
    "Rue du Faubourg Très-Cloître": ((5.7335, 45.1905), 140, 20),
}
# commune: (code INSEE, postcode, centre (lon, lat), names of its synthetic streets)
COMMON_STREETS = (
    "Rue Victor Hugo",
    "Avenue Jean Jaurès",
    "Rue de la République",
    "Place de la Mairie",
    "Rue Pasteur",
    "Chemin des Vignes",
    "Impasse des Lilas",
    "Allée des Tilleuls",
    "Boulevard Paul Langevin",
    "Rue Jules Ferry",
    "Avenue du Général de Gaulle",
    "Rue Anatole France",
    "Place du 8 Mai 1945",
    "Rue Saint-Exupéry",
    "Route de Lyon",
    "Rue de la Liberté",
)
COMMUNES = {
    "Grenoble": ("38185", "38000", (5.7245, 45.1885), tuple(GRENOBLE_STREETS)),
    "Échirolles": ("38151", "38130", (5.7205, 45.1450), COMMON_STREETS),
    "Saint-Martin-d'Hères": ("38421", "38400", (5.7650, 45.1670), COMMON_STREETS),
    "Fontaine": ("38169", "38600", (5.6850, 45.1930), COMMON_STREETS),
    "Meylan": ("38229", "38240", (5.7800, 45.2090), COMMON_STREETS),
    "Seyssinet-Pariset": ("38485", "38170", (5.6900, 45.1790), COMMON_STREETS),
    "Saint-Égrève": ("38382", "38120", (5.6830, 45.2330), COMMON_STREETS),
    "Sassenage": ("38474", "38360", (5.6650, 45.2050), COMMON_STREETS),
    "Eybens": ("38158", "38320", (5.7500, 45.1480), COMMON_STREETS),
}
# (name, address, city, start, end): the sample incidents as a complaint export gives them, typed as people do.
INCIDENT_ADDRESSES = [
    (
        "INC-001 vol à l'arraché (synthétique)",
        "12 r. Felix Poulat",
        "Grenoble",
        "2025-03-10T21:40:00+01:00",
        "2025-03-10T22:05:00+01:00",
    ),
    (
        "INC-003 dégradation (synthétique)",
        "5 bd gambeta",
        "38000",
        "2025-03-10T02:10:00+01:00",
        "2025-03-10T02:30:00+01:00",
    ),
    (
        "INC-004 rixe (synthétique)",
        "3 av jean jaures",
        "Echirolles",
        "2025-03-10T23:00:00+01:00",
        "2025-03-10T23:20:00+01:00",
    ),
]


def write_addresses(out_dir: Path) -> None:
    """Write the synthetic BAN file of the sample communes and the incidents given by address into out_dir."""
    rng = random.Random(38)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(BAN_COLUMNS)
    writer.writerows(sample_rows(rng))
    with (
        (out_dir / ADDRESSES_FILE).open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as stream,
    ):
        stream.write(buffer.getvalue().encode("utf-8"))
    with (out_dir / INCIDENT_ADDRESSES_FILE).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["name", "address", "city", "start", "end"])
        writer.writerows(INCIDENT_ADDRESSES)


def sample_rows(rng: random.Random) -> Iterator[list[str]]:
    """Yield the BAN rows of the sample communes."""
    for commune, (insee, postcode, centre, streets) in COMMUNES.items():
        for index, street in enumerate(streets):
            if street in GRENOBLE_STREETS and commune == "Grenoble":
                start, bearing, last = GRENOBLE_STREETS[street]
            else:
                start = _offset(centre, rng.uniform(-900, 900), rng.uniform(-900, 900))
                bearing, last = rng.choice((0, 45, 90, 135)), rng.randrange(10, 60)
            yield from street_rows(
                rng, commune, insee, postcode, index, street, start, bearing, last, old_ids=commune == "Eybens"
            )


def synthetic_ban_rows(size: int, seed: int = 1) -> Iterator[list[str]]:
    """Yield about size BAN rows of invented communes (département 99), for benchmarks."""
    rng = random.Random(seed)
    written, commune_number = 0, 0
    while written < size:
        commune_number += 1
        insee, postcode = f"99{commune_number:03d}"[-5:], f"99{commune_number % 1000:03d}"
        commune = f"{_word(rng).capitalize()}-{_word(rng)}"  # distinct names, as real communes have
        centre = (rng.uniform(-1.0, 6.0), rng.uniform(43.5, 49.5))
        for index in range(rng.randrange(60, 140)):
            street = f"{rng.choice(STREET_TYPES)} {rng.choice(NAME_PREFIXES)}{_word(rng).capitalize()}"
            start = _offset(centre, rng.uniform(-2500, 2500), rng.uniform(-2500, 2500))
            rows = list(
                street_rows(
                    rng, commune, insee, postcode, index, street, start, rng.uniform(0, 180), rng.randrange(4, 120)
                )
            )
            written += len(rows)
            yield from rows


STREET_TYPES = ("Rue", "Avenue", "Boulevard", "Place", "Chemin", "Impasse", "Allée", "Route", "Quai", "Cours")
NAME_PREFIXES = ("", "", "de la ", "des ", "du ", "Saint-", "Sainte-", "Général ", "Docteur ")
SYLLABLES = ("ba", "ché", "lu", "mon", "ta", "ri", "vè", "gne", "lo", "pra", "dou", "fé", "ni", "zar", "cour", "bel")


def street_rows(
    rng: random.Random,
    commune: str,
    insee: str,
    postcode: str,
    index: int,
    street: str,
    start: tuple[float, float],
    bearing: float,
    last: int,
    old_ids: bool = False,
) -> Iterator[list[str]]:
    """Yield the rows of one street: numbers 1..last alternating sides, a few bis and ter."""
    street_key = f"{insee}_{index + 1:04d}"
    for number in range(1, last + 1):
        along = ((number + 1) // 2) * NUMBER_SPACING_M
        side = SIDE_OFFSET_M if number % 2 else -SIDE_OFFSET_M
        reps = [""]
        if rng.random() < REPEATED_SHARE:
            reps += ["bis", "ter"] if rng.random() < 0.25 else ["bis"]
        for position, rep in enumerate(reps):
            lon, lat = _along(start, bearing, along + position * 3.0, side)
            x, y = lambert93(lon, lat)
            old_number = (int(insee) * 10_000 + index) * 1_000_000 + number * 10 + position
            ban_id = (
                f"ADRNIVX_{old_number:016d}" if old_ids else f"{street_key}_{number:05d}" + (f"_{rep}" if rep else "")
            )
            yield [
                ban_id,
                "" if old_ids else street_key,
                str(number),
                rep,
                street,
                postcode,
                insee,
                commune,
                "",
                "",
                f"{x:.2f}",
                f"{y:.2f}",
                f"{lon:.6f}",
                f"{lat:.6f}",
                "entrée",
                "",
                "",
                commune.upper(),
                _afnor(street),
                "commune",
                "commune",
                "vrai" if old_ids else "1",
                "",
            ]


def lambert93(lon: float, lat: float) -> tuple[float, float]:
    """Return the Lambert-93 (EPSG:2154) x, y of a WGS84 point (GRS80 ellipsoid, secant cone)."""
    a, e = 6378137.0, 0.0818191910428158
    phi1, phi2, phi0, lon0 = map(math.radians, (44.0, 49.0, 46.5, 3.0))
    x0, y0 = 700000.0, 6600000.0

    def m(phi: float) -> float:
        return math.cos(phi) / math.sqrt(1 - (e * math.sin(phi)) ** 2)

    def t(phi: float) -> float:
        return math.tan(math.pi / 4 - phi / 2) / ((1 - e * math.sin(phi)) / (1 + e * math.sin(phi))) ** (e / 2)

    n = (math.log(m(phi1)) - math.log(m(phi2))) / (math.log(t(phi1)) - math.log(t(phi2)))
    f = m(phi1) / (n * t(phi1) ** n)
    rho0, rho = a * f * t(phi0) ** n, a * f * t(math.radians(lat)) ** n
    theta = n * (math.radians(lon) - lon0)
    return x0 + rho * math.sin(theta), y0 + rho0 - rho * math.cos(theta)


def _along(start: tuple[float, float], bearing: float, along: float, side: float) -> tuple[float, float]:
    """Return the point along metres from start in the bearing's direction, side metres to its left."""
    angle = math.radians(bearing)
    east = along * math.sin(angle) - side * math.cos(angle)
    north = along * math.cos(angle) + side * math.sin(angle)
    return _offset(start, east, north)


def _offset(point: tuple[float, float], east: float, north: float) -> tuple[float, float]:
    """Return a (lon, lat) moved east and north by metres."""
    lon, lat = point
    return (lon + east / (METRES_PER_DEGREE_LAT * math.cos(math.radians(lat))), lat + north / METRES_PER_DEGREE_LAT)


def _afnor(street: str) -> str:
    """Return a street name in the BAN's nom_afnor form (upper case, no accents, no punctuation)."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", street).encode("ascii", "ignore").decode()
    return " ".join("".join(c if c.isalnum() else " " for c in folded).upper().split())


def _word(rng: random.Random) -> str:
    """Return an invented word of two or three syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4)))
