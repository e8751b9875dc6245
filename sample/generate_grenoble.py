"""Write the SYNTHETIC Grenoble sample data: owners.csv, cameras.csv, osm_surveillance.geojson and streets.geojson.

Run ``python sample/generate_grenoble.py``: the files are rewritten next to this script, byte for
byte the same on every run (fixed seed). Places are approximate; every camera, contact and OSM node
is invented (see README.md).
"""

from __future__ import annotations

import csv
import importlib.util
import itertools
import json
import math
import random
from datetime import date, timedelta
from pathlib import Path

SEED = 2026
HERE = Path(__file__).resolve().parent
METRES_PER_DEGREE_LAT = 111_320.0
METRES_PER_DEGREE_LON = METRES_PER_DEGREE_LAT * math.cos(math.radians(45.19))
FICTIONAL_PHONE_PREFIX = "04 65 71"  # numbers ARCEP keeps for fiction in the south-east
OWNER_COLUMNS = ["name", "kind", "email", "phone", "address", "response_days"]
CAMERA_COLUMNS = [
    "ref",
    "owner",
    "camera_type",
    "direction",
    "fov",
    "range_m",
    "height",
    "tilt",
    "retention_days",
    "status",
    "recording_mode",
    "public_space",
    "police_access",
    "authorisation_ref",
    "authorisation_expiry",
    "last_verified",
    "notes",
    "x",
    "y",
]

# ref prefix: (name, kind, e-mail host under example.org or None for "no contact yet", address,
#              usual response days)
OWNERS = {
    "GAM": ("Grenoble-Alpes Métropole", "metropolis", "metropole", "Hôtel de la Métropole, 38000 Grenoble", 3),
    "VDG": ("Ville de Grenoble", "city", "grenoble", "Hôtel de ville, 38000 Grenoble", 2),
    "ECH": ("Ville d'Échirolles", "city", "echirolles", "Hôtel de ville, 38130 Échirolles", 3),
    "SMH": ("Ville de Saint-Martin-d'Hères", "city", "smh", "Hôtel de ville, 38400 Saint-Martin-d'Hères", 4),
    "FON": ("Ville de Fontaine", "city", "fontaine", "Hôtel de ville, 38600 Fontaine", 4),
    "MEY": ("Ville de Meylan", "city", "meylan", "Hôtel de ville, 38240 Meylan", 5),
    "SEY": ("Ville de Seyssinet-Pariset", "city", "seyssinet-pariset", "Hôtel de ville, 38170 Seyssinet-Pariset", 5),
    "SEG": ("Ville de Saint-Égrève", "city", "saint-egreve", "Hôtel de ville, 38120 Saint-Égrève", 4),
    "SAS": ("Ville de Sassenage", "city", "sassenage", "Hôtel de ville, 38360 Sassenage", 6),
    "EYB": ("Ville d'Eybens", "city", "eybens", "Hôtel de ville, 38320 Eybens", 5),
    "DEP": ("Département de l'Isère", "departement", "isere", "Hôtel du Département, 38000 Grenoble", 7),
    "TBA": ("TramBus Alpes (synthétique)", "transport", "trambus-alpes", "Dépôt tramway, 38130 Échirolles", 2),
    "LBE": ("Logis Belledonne (synthétique)", "landlord", "logis-belledonne", "12 rue des Alpes, 38100 Grenoble", 6),
    "HVE": ("Habitat Vercors (synthétique)", "landlord", "habitat-vercors", "5 rue du Drac, 38100 Grenoble", 8),
    "GGP": ("Galerie Grand'Place (synthétique)", "private", "galerie-grand-place", "Grand'Place, 38100 Grenoble", 3),
    "CGR": ("Commerçants de la Grenette (synthétique)", "private", "grenette", "Place Grenette, 38000 Grenoble", 5),
    "PVH": ("Pharmacie Victor Hugo (synthétique)", "private", None, "Place Victor Hugo, 38000 Grenoble", 10),
    "TND": ("Tabac-presse Notre-Dame (synthétique)", "private", None, "Place Notre-Dame, 38000 Grenoble", 9),
}

# Approximate (lon, lat) vertices: a centre, a list of stops, or a road.
PLACES = {
    "grenoble_hypercentre": [(5.7245, 45.1885)],
    "grenoble_city": [(5.7250, 45.1800)],
    "grenoble_gare": [(5.7145, 45.1915)],
    "notre_dame": [(5.7310, 45.1930)],
    "echirolles_centre": [(5.7205, 45.1450)],
    "saint_martin_centre": [(5.7650, 45.1670)],
    "fontaine_centre": [(5.6850, 45.1930)],
    "meylan_centre": [(5.7800, 45.2090)],
    "seyssinet_centre": [(5.6900, 45.1790)],
    "saint_egreve_centre": [(5.6830, 45.2330)],
    "sassenage_centre": [(5.6650, 45.2050)],
    "eybens_centre": [(5.7500, 45.1480)],
    "villeneuve": [(5.7350, 45.1600)],
    "village_olympique": [(5.7430, 45.1640)],
    "mistral": [(5.7030, 45.1770)],
    "grand_place": [(5.7315, 45.1585)],
    "jaures_liberation": [
        (5.7185, 45.1905),
        (5.7170, 45.1840),
        (5.7155, 45.1760),
        (5.7125, 45.1650),
        (5.7095, 45.1550),
        (5.7060, 45.1450),
    ],
    "a480_rocade_sud": [
        (5.6920, 45.2200),
        (5.6960, 45.2050),
        (5.6930, 45.1900),
        (5.6935, 45.1750),
        (5.6995, 45.1585),
        (5.7250, 45.1540),
        (5.7500, 45.1550),
        (5.7700, 45.1650),
        (5.7900, 45.1780),
    ],
    "tram_a": [
        (5.6680, 45.1970),
        (5.6830, 45.1930),
        (5.7020, 45.1890),
        (5.7155, 45.1910),
        (5.7200, 45.1890),
        (5.7245, 45.1890),
        (5.7335, 45.1855),
        (5.7355, 45.1720),
        (5.7305, 45.1580),
        (5.7150, 45.1470),
        (5.7120, 45.1410),
    ],
    "tram_b": [
        (5.7050, 45.2000),
        (5.7155, 45.1910),
        (5.7245, 45.1890),
        (5.7310, 45.1930),
        (5.7400, 45.1950),
        (5.7470, 45.1990),
        (5.7660, 45.1930),
        (5.7900, 45.1870),
    ],
}

# (owner prefix, place, "near" a random vertex or "along" the line, cameras, spread in metres)
CAMERA_PLAN = [
    ("VDG", "grenoble_hypercentre", "near", 160, 250),
    ("VDG", "grenoble_gare", "near", 40, 200),
    ("VDG", "jaures_liberation", "along", 60, 40),
    ("VDG", "grenoble_city", "near", 60, 900),
    ("GAM", "jaures_liberation", "along", 60, 30),
    ("GAM", "a480_rocade_sud", "along", 90, 60),
    ("GAM", "grenoble_hypercentre", "near", 30, 300),
    ("ECH", "echirolles_centre", "near", 100, 350),
    ("SMH", "saint_martin_centre", "near", 80, 400),
    ("FON", "fontaine_centre", "near", 55, 350),
    ("MEY", "meylan_centre", "near", 40, 500),
    ("SEY", "seyssinet_centre", "near", 35, 350),
    ("SEG", "saint_egreve_centre", "near", 45, 400),
    ("SAS", "sassenage_centre", "near", 30, 350),
    ("EYB", "eybens_centre", "near", 35, 350),
    ("DEP", "a480_rocade_sud", "along", 40, 60),
    ("DEP", "grenoble_hypercentre", "near", 20, 400),
    ("TBA", "tram_a", "near", 80, 40),
    ("TBA", "tram_a", "along", 40, 15),
    ("TBA", "tram_b", "near", 50, 40),
    ("TBA", "tram_b", "along", 20, 15),
    ("LBE", "villeneuve", "near", 60, 150),
    ("LBE", "village_olympique", "near", 25, 120),
    ("HVE", "mistral", "near", 45, 120),
    ("HVE", "echirolles_centre", "near", 20, 300),
    ("GGP", "grand_place", "near", 50, 120),
    ("CGR", "grenoble_hypercentre", "near", 40, 200),
    ("PVH", "grenoble_hypercentre", "near", 3, 40),
    ("TND", "notre_dame", "near", 2, 30),
]

# kind: (weights of fixed/dome/ptz/anpr, retention days to pick from (legal maximum 30),
#        share with direct police access, share filming public space)
KIND_PROFILES = {
    "metropolis": ((40, 20, 25, 15), (15, 30), 0.7, 1.0),
    "city": ((45, 25, 25, 5), (14, 15, 15, 21, 30), 0.8, 1.0),
    "departement": ((40, 15, 15, 30), (15, 30), 0.3, 1.0),
    "transport": ((50, 45, 5, 0), (7, 10, 14), 0.5, 1.0),
    "landlord": ((70, 30, 0, 0), (7, 15, 30), 0.1, 0.3),
    "private": ((70, 30, 0, 0), (7, 10, 15, 30), 0.05, 0.3),
}
CAMERA_TYPES = ("fixed", "dome", "ptz", "anpr")
FOV = {"fixed": (60, 90), "anpr": (20, 30)}  # dome and ptz: 360 or unknown
RANGE_M = {"fixed": (20, 80), "dome": (20, 50), "ptz": (40, 80), "anpr": (15, 30)}
STATUSES = {"in_service": 92, "out_of_order": 6, "removed": 2}
RECORDING_MODES = {"continuous": 80, "motion": 20}
UNKNOWN_DIRECTION_SHARE = 0.05
UNAUTHORISED_SHARE = 0.03
NOTES = (
    "Masquée en partie par un arbre",
    "Vue sur l'arrêt de tram",
    "Couvre l'entrée du parking",
    "Image de nuit médiocre",
    "Mât partagé avec l'éclairage public",
    "Déplacée en 2024",
)
NOTE_SHARE = 0.08
VERIFIED_FROM, VERIFIED_DAYS = date(2024, 1, 1), 730

OSM_NODES = 45
OSM_FIRST_ID = 99_000_000_001  # far above real OSM node ids: clearly fake
OSM_PLACES = (
    "grenoble_hypercentre",
    "grenoble_gare",
    "echirolles_centre",
    "saint_martin_centre",
    "fontaine_centre",
    "grand_place",
    "tram_a",
    "villeneuve",
)
OSM_OPERATORS = (
    "Ville de Grenoble",
    "Grenoble-Alpes Métropole",
    "Ville d'Échirolles",
    "TramBus Alpes (synthétique)",
    "Copropriété Le Mail (synthétique)",
)
OSM_ZONES = ("town", "parking", "shop", "entrance")
OSM_DIRECTIONS = ("N", "NE", "SE", "SW", "W", "NNW", "90-270", "300-60", "E-W", "45;225")
OSM_MALFORMED = {  # node index: a value an importer must reject
    0: {"camera:direction": "abc"},
    9: {"height": "tall"},
    18: {"camera:angle": "120"},
    27: {"camera:type": "bullet"},
    36: {"surveillance:type": "guard"},
}

# streets.geojson: a synthetic street grid around the hypercentre (the base map of the demo and the tests, offline),
# plus the hand-drawn axes of PLACES. Invented names; the geometry is not the real street plan.
STREETS_CENTRE = (5.7245, 45.1885)
STREETS_HALF_SIZE_M = 1500
STREETS_SPACING_M = 90
STREETS_VERTEX_SPACING_M = 300
STREETS_ROTATION_DEG = 12
STREET_KINDS = ("Rue", "Rue", "Rue", "Avenue", "Allée", "Boulevard")
STREET_NAMES = (
    "des Tilleuls",
    "des Érables",
    "du Grésivaudan",
    "des Capucines",
    "de la Chartreuse",
    "des Lavandières",
    "du Vieux Moulin",
    "des Coquelicots",
    "de la Bastille",
    "des Glycines",
    "du Vercors",
    "des Mésanges",
    "de Belledonne",
    "des Cerisiers",
    "du Taillefer",
    "des Tanneurs",
    "de l'Oisans",
    "des Rosiers",
    "du Néron",
    "des Passementiers",
    "de la Moucherotte",
    "des Hirondelles",
    "du Casque",
    "des Noyers",
    "de l'Isère",
    "des Charrons",
    "du Drac",
    "des Platanes",
    "de la Dent de Crolles",
    "des Sources",
    "du Saint-Eynard",
    "des Gantiers",
    "des Bleuets",
    "du Rachais",
    "des Lilas",
    "de la Pinéa",
)
STREETS_ATTRIBUTION = "Rues synthétiques de l'échantillon CamReq (noms et tracés inventés)"
STREET_AXES = {
    "jaures_liberation": "Cours Jean Jaurès (tracé approximatif)",
    "a480_rocade_sud": "A480 – Rocade sud",
    "tram_a": "Ligne de tram A",
    "tram_b": "Ligne de tram B",
}


def jittered(rng: random.Random, lon: float, lat: float, spread_m: float) -> tuple[float, float]:
    """Return the point moved by a normal offset of spread_m metres in each axis."""
    return (lon + rng.gauss(0, spread_m) / METRES_PER_DEGREE_LON, lat + rng.gauss(0, spread_m) / METRES_PER_DEGREE_LAT)


def place_point(rng: random.Random, place: str, mode: str, spread_m: float) -> tuple[float, float]:
    """Return a random (lon, lat) near a vertex of the place, or along its line, jittered."""
    vertices = PLACES[place]
    if mode == "near":
        return jittered(rng, *rng.choice(vertices), spread_m)
    segments = list(itertools.pairwise(vertices))
    lengths = [
        math.hypot((b[0] - a[0]) * METRES_PER_DEGREE_LON, (b[1] - a[1]) * METRES_PER_DEGREE_LAT) for a, b in segments
    ]
    (lon_a, lat_a), (lon_b, lat_b) = rng.choices(segments, weights=lengths)[0]
    t = rng.random()
    return jittered(rng, lon_a + t * (lon_b - lon_a), lat_a + t * (lat_b - lat_a), spread_m)


def owner_rows() -> list[list[object]]:
    """Return the owners.csv rows, header first."""
    rows: list[list[object]] = [OWNER_COLUMNS]
    for index, (name, kind, host, address, response_days) in enumerate(OWNERS.values()):
        email = f"requisitions@{host}.example.org" if host else ""
        rows.append([name, kind, email, f"{FICTIONAL_PHONE_PREFIX} 00 {10 + index:02d}", address, response_days])
    return rows


def authorisations(rng: random.Random) -> dict[str, tuple[str, str]]:
    """Return a prefectoral authorisation (reference, expiry) for each owner prefix."""
    result = {}
    for number, prefix in enumerate(OWNERS, start=1):
        year = rng.randint(2021, 2025)
        expiry = date(year + 5, rng.randint(1, 12), rng.randint(1, 28))
        result[prefix] = (f"AP38-{year}-{number:03d}", expiry.isoformat())
    return result


def camera_row(
    rng: random.Random, prefix: str, number: int, point: tuple[float, float], authorisation: tuple[str, str]
) -> list[object]:
    """Return one cameras.csv row for the owner's numbered camera at point."""
    name, kind = OWNERS[prefix][:2]
    type_weights, retentions, police_share, public_share = KIND_PROFILES[kind]
    camera_type = rng.choices(CAMERA_TYPES, weights=type_weights)[0]
    direction = "" if rng.random() < UNKNOWN_DIRECTION_SHARE else rng.randint(0, 359)
    fov = rng.randint(*FOV[camera_type]) if camera_type in FOV else rng.choice((360, ""))
    tilt = "" if camera_type == "ptz" else rng.randint(5, 40)
    auth_ref, auth_expiry = ("", "") if rng.random() < UNAUTHORISED_SHARE else authorisation
    verified = VERIFIED_FROM + timedelta(days=rng.randint(0, VERIFIED_DAYS))
    note = rng.choice(NOTES) if rng.random() < NOTE_SHARE else ""
    return [
        f"{prefix}-{number:04d}",
        name,
        camera_type,
        direction,
        fov,
        rng.randint(*RANGE_M[camera_type]),
        f"{rng.uniform(3, 10):.1f}",
        tilt,
        rng.choice(retentions),
        rng.choices(list(STATUSES), weights=list(STATUSES.values()))[0],
        rng.choices(list(RECORDING_MODES), weights=list(RECORDING_MODES.values()))[0],
        _bool(rng.random() < public_share),
        _bool(rng.random() < police_share),
        auth_ref,
        auth_expiry,
        verified.isoformat(),
        note,
        f"{point[0]:.6f}",
        f"{point[1]:.6f}",
    ]


def camera_rows(rng: random.Random) -> list[list[object]]:
    """Return the cameras.csv rows, header first, following CAMERA_PLAN."""
    auths = authorisations(rng)
    numbers = dict.fromkeys(OWNERS, 0)
    rows: list[list[object]] = [CAMERA_COLUMNS]
    for prefix, place, mode, count, spread_m in CAMERA_PLAN:
        for _ in range(count):
            numbers[prefix] += 1
            point = place_point(rng, place, mode, spread_m)
            rows.append(camera_row(rng, prefix, numbers[prefix], point, auths[prefix]))
    return rows


def osm_node_tags(rng: random.Random, index: int) -> dict[str, str]:
    """Return the tags of one OSM-like surveillance node, malformed where OSM_MALFORMED says."""
    alpr = rng.random() < 0.12
    tags = {
        "man_made": "surveillance",
        "surveillance:type": "ALPR" if alpr else "camera",
        "surveillance": rng.choice(("public", "public", "outdoor", "indoor")),
    }
    bearing = rng.randint(0, 359)
    direction = rng.choice((str(bearing), f"{bearing}.5", rng.choice(OSM_DIRECTIONS)))
    tags["camera:direction" if rng.random() < 0.85 else "direction"] = direction
    metres = rng.randint(3, 9)
    optional = {
        "surveillance:zone": "traffic" if alpr else rng.choice(OSM_ZONES),
        "camera:type": "fixed" if alpr else rng.choice(("fixed", "fixed", "dome", "panning")),
        "camera:mount": rng.choice(("wall", "pole", "ceiling", "street_lamp")),
        "camera:angle": str(rng.randint(5, 45)),
        "height": rng.choice((f"{metres} m", str(metres), f"{metres},5", f"{metres}.5 m", "20'")),
        "operator": rng.choice(OSM_OPERATORS),
        "ref": f"CAM {rng.randint(1, 300)}",
    }
    tags.update((key, value) for key, value in optional.items() if rng.random() < 0.7)
    tags.update(OSM_MALFORMED.get(index, {}))
    return tags


def osm_collection(rng: random.Random) -> dict:
    """Return an Overpass-like GeoJSON FeatureCollection of synthetic surveillance nodes."""
    features = []
    for index in range(OSM_NODES):
        lon, lat = place_point(rng, rng.choice(OSM_PLACES), "near", 500)
        osm_id = f"node/{OSM_FIRST_ID + index}"
        features.append(
            {
                "type": "Feature",
                "id": osm_id,
                "properties": {"osm_id": osm_id, **osm_node_tags(rng, index)},
                "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            }
        )
    return {"type": "FeatureCollection", "generator": "CamReq generate_grenoble.py (SYNTHETIC)", "features": features}


def street_collection(rng: random.Random) -> dict:
    """Return a GeoJSON FeatureCollection of synthetic named streets around the sample's hypercentre."""
    angle = math.radians(STREETS_ROTATION_DEG)
    steps = range(-STREETS_HALF_SIZE_M, STREETS_HALF_SIZE_M + 1, STREETS_SPACING_M)
    vertices = range(-STREETS_HALF_SIZE_M, STREETS_HALF_SIZE_M + 1, STREETS_VERTEX_SPACING_M)

    def lon_lat(along: float, across: float, vertical: bool) -> list[float]:
        east, north = (across, along) if vertical else (along, across)
        east, north = east * math.cos(angle) - north * math.sin(angle), east * math.sin(angle) + north * math.cos(angle)
        lon = STREETS_CENTRE[0] + (east + rng.gauss(0, 4)) / METRES_PER_DEGREE_LON
        lat = STREETS_CENTRE[1] + (north + rng.gauss(0, 4)) / METRES_PER_DEGREE_LAT
        return [round(lon, 6), round(lat, 6)]

    features = []
    for index, (vertical, offset) in enumerate((vertical, offset) for vertical in (False, True) for offset in steps):
        name = f"{STREET_KINDS[index % len(STREET_KINDS)]} {STREET_NAMES[index % len(STREET_NAMES)]}"
        if index >= len(STREET_NAMES):
            name += f" {index // len(STREET_NAMES) + 1}"
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "kind": "street", "synthetic": True},
                "geometry": {
                    "type": "LineString",
                    "coordinates": [lon_lat(along, offset, vertical) for along in vertices],
                },
            }
        )
    for place, name in STREET_AXES.items():
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "kind": "axis", "synthetic": True},
                "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lon, lat in PLACES[place]]},
            }
        )
    return {
        "type": "FeatureCollection",
        "name": "streets (SYNTHETIC)",
        "generator": "CamReq generate_grenoble.py (SYNTHETIC: invented names, not the real street plan)",
        "attribution": STREETS_ATTRIBUTION,
        "features": features,
    }


def main(out_dir: Path = HERE) -> None:
    """Write owners.csv, cameras.csv, osm_surveillance.geojson, streets.geojson and the BAN file into out_dir."""
    rng = random.Random(SEED)
    _write_csv(out_dir / "owners.csv", owner_rows())
    _write_csv(out_dir / "cameras.csv", camera_rows(rng))
    _write_json(out_dir / "osm_surveillance.geojson", osm_collection(rng))
    _write_json(out_dir / "streets.geojson", street_collection(random.Random(SEED)))
    write_addresses(out_dir)


def _write_json(path: Path, collection: dict) -> None:
    """Write a GeoJSON collection as indented UTF-8, the same bytes on every run."""
    path.write_bytes((json.dumps(collection, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def write_addresses(out_dir: Path) -> None:
    """Write the synthetic BAN file and the incidents given by address (generate_addresses.py, beside this one)."""
    spec = importlib.util.spec_from_file_location("generate_addresses", HERE / "generate_addresses.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_addresses(out_dir)


def _bool(value: bool) -> str:
    """Return the CSV spelling of a boolean."""
    return "true" if value else "false"


def _write_csv(path: Path, rows: list[list[object]]) -> None:
    """Write rows as UTF-8 CSV with LF line ends, the same bytes on every platform."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main()
