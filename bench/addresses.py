"""Address search and import against addok, the engine of France's national address API, on the same BAN file.

Both engines load the same SYNTHETIC BAN-format file (sample/generate_addresses.py, invented communes) and answer
the same typed queries (typos, abbreviations, accents dropped, case changed, bis/ter abbreviated, postcode or
commune added, the number left out). Printed: the share of queries answered within 25 m of the true position,
the median and 95th-percentile time of one query, and the import throughput of camreq:importaddresses against a
bare COPY of the same file (and addok's batch import).

addok needs a Redis server (Debian's redis-server): the benchmark starts its own on a free port, in memory only.
Run against the server your PG* variables name (it creates and drops database camreq_bench_addresses):
    PYTHONPATH=build/plugins QT_QPA_PLATFORM=offscreen .venv/bin/python bench/addresses.py --size 1000000
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import math
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from _qgis import start_qgis
from qgis.core import QgsFeedback

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
ADDOK_VENV = ROOT / "build" / "addok"
DATABASE = "camreq_bench_addresses"
WITHIN_M = 25.0
ABBREVIATIONS = {
    "Rue": "r.",
    "Avenue": "av",
    "Boulevard": "bd",
    "Place": "pl",
    "Chemin": "chem",
    "Impasse": "imp",
    "Allée": "all",
    "Route": "rte",
    "Quai": "qu",
    "Cours": "crs",
    "Saint-": "st ",
    "Sainte-": "ste ",
    "Général": "gal",
    "Docteur": "dr",
}
ADDOK_CONFIG = """
from pathlib import Path
REDIS = {{"host": "127.0.0.1", "port": {port}, "indexes": {{"db": 0}}, "documents": {{"db": 1}}}}
BATCH_WORKERS = 2
QUERY_PROCESSORS_PYPATHS = [
    "addok.helpers.text.check_query_length",
    "addok_france.extract_address",
    "addok_france.clean_query",
    "addok_france.remove_leading_zeros",
]
SEARCH_RESULT_PROCESSORS_PYPATHS = [
    "addok.helpers.results.match_housenumber",
    "addok_france.make_labels",
    "addok.helpers.results.score_by_importance",
    "addok.helpers.results.score_by_autocomplete_distance",
    "addok.helpers.results.score_by_ngram_distance",
    "addok.helpers.results.score_by_geo_distance",
]
PROCESSORS_PYPATHS = [
    "addok.helpers.text.tokenize",
    "addok.helpers.text.normalize",
    "addok_france.glue_ordinal",
    "addok_france.fold_ordinal",
    "addok_france.flag_housenumber",
    "addok.helpers.text.synonymize",
    "addok_fr.phonemicize",
]
"""


def main() -> None:
    """Generate the file, load both engines, run the queries, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="addresses in the synthetic BAN file")
    parser.add_argument("--queries", type=int, default=1000, help="typed queries asked of both engines")
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    start_qgis()
    folder = Path(tempfile.mkdtemp(prefix="camreq-bench-addresses-"))
    try:
        ban = write_ban_file(folder / "adresses-99.csv.gz", args.size)
        rows = read_rows(ban)
        print(f"Synthetic BAN file: {len(rows):,} addresses in {len({r['code_insee'] for r in rows})} communes")
        queries = typed_queries(rows, args.queries)
        camreq_results, camreq_times = run_camreq(ban, len(rows), queries)
        addok_results, addok_times = run_addok(folder, ban, queries)
        print_figures(queries, {"CamReq": (camreq_results, camreq_times), "addok": (addok_results, addok_times)})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_ban_file(path: Path, size: int) -> Path:
    """Write about size invented addresses in the BAN layout (gzip) and return the path."""
    spec = importlib.util.spec_from_file_location("generate_addresses", ROOT / "sample" / "generate_addresses.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    with gzip.open(path, "wt", encoding="utf-8", newline="", compresslevel=1) as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\n")
        writer.writerow(generator.BAN_COLUMNS)
        writer.writerows(generator.synthetic_ban_rows(size))
    return path


def read_rows(path: Path) -> list[dict[str, str]]:
    """Return the file's rows."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter=";"))


def typed_queries(rows: list[dict[str, str]], count: int) -> list[tuple[str, float, float]]:
    """Return (typed text, true lon, true lat): addresses as people type them, one or two mistakes each."""
    rng = random.Random(12)
    queries = []
    for row in rng.sample(rows, count):
        street, number = row["nom_voie"], row["numero"] + (f" {row['rep']}" if row["rep"] else "")
        mistakes = rng.sample(("typo", "abbreviation", "accents", "case", "rep", "postcode_first"), 2)
        if "abbreviation" in mistakes:
            for word, short in ABBREVIATIONS.items():
                street = street.replace(word, short)
        if "typo" in mistakes:
            street = typo(rng, street)
        if "rep" in mistakes and row["rep"]:
            number = row["numero"] + row["rep"][0]
        locality = rng.choice((row["nom_commune"], row["code_postal"], f"{row['code_postal']} {row['nom_commune']}"))
        text = f"{locality}, {number} {street}" if "postcode_first" in mistakes else f"{number} {street} {locality}"
        if "accents" in mistakes:
            text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        if "case" in mistakes:
            text = text.upper()
        queries.append((text, float(row["lon"]), float(row["lat"])))
    return queries


def typo(rng: random.Random, street: str) -> str:
    """Return the street name with one letter of its longest word swapped with the next, dropped or doubled."""
    words = street.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) >= 5:
        at = rng.randrange(1, len(word) - 2)
        kind = rng.choice(("swap", "drop", "double"))
        if kind == "swap":
            word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        elif kind == "drop":
            word = word[:at] + word[at + 1 :]
        else:
            word = word[:at] + word[at] + word[at:]
    words[longest] = word
    return " ".join(words)


def run_camreq(ban: Path, size: int, queries: list) -> tuple[list, list[float]]:
    """Import the file the bare way and through camreq, then time the search of each query."""
    from camreq.core.addresses import ban_file_rows, import_addresses
    from camreq.db import schema
    from camreq.db.addresses import search
    from camreq.db.connection import connect, transaction

    subprocess.run(["dropdb", "--if-exists", DATABASE], check=True)
    subprocess.run(["createdb", DATABASE], check=True)
    schema.install_or_upgrade(connect(f"dbname={DATABASE}"), report=lambda message: None)
    conn = connect(f"dbname={DATABASE}")
    with conn, conn.cursor() as cursor, gzip.open(ban, "rt", encoding="utf-8") as stream:
        cursor.execute("CREATE TEMP TABLE bare (" + ", ".join(f"c{i} text" for i in range(23)) + ") ON COMMIT DROP")
        start = time.perf_counter()
        cursor.copy_expert("COPY bare FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER)", stream)
        bare = time.perf_counter() - start
    timings = []
    for _load in ("first", "again"):
        start = time.perf_counter()
        with transaction(f"dbname={DATABASE}") as importing:
            result = import_addresses(importing, ban_file_rows(ban), QgsFeedback(), lambda *rejected: None)
        timings.append((time.perf_counter() - start, result))
    (imported, first), (again, unchanged) = timings
    print(
        f"Import: bare COPY {size / bare:,.0f} rows/s ({bare:.1f} s); camreq:importaddresses "
        f"{first.imported / imported:,.0f} addresses/s ({imported:.1f} s, checks, upsert, streets, indexes); "
        f"ratio {imported / bare:.1f}x the bare COPY; {first.rejected} rejected; the same file again "
        f"{again:.1f} s ({unchanged.updated} updated)"
    )
    with conn.cursor() as cursor:
        cursor.execute("ANALYZE")
        conn.commit()
        results, times = [], []
        for text, _lon, _lat in queries:
            start = time.perf_counter()
            matches = search(cursor, text, 1)
            times.append(time.perf_counter() - start)
            results.append((matches[0].lon, matches[0].lat) if matches else None)
        conn.rollback()
    conn.close()
    subprocess.run(["dropdb", DATABASE], check=True)
    return results, times


def run_addok(folder: Path, ban: Path, queries: list) -> tuple[list, list[float]]:
    """Load the file into addok (its own Redis) and time the search of each query, or explain why it cannot."""
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        raise SystemExit("addok needs Redis: apt-get install -y redis-server (scripts/setup.sh installs it).")
    port = free_port()
    redis = subprocess.Popen(
        [
            redis_server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        config = folder / "addok_bench_config.py"
        config.write_text(ADDOK_CONFIG.format(port=port), encoding="utf-8")
        os.environ["ADDOK_CONFIG_MODULE"] = str(config)
        documents = write_addok_documents(ban, folder / "addok.ndjson")
        python = addok_python()
        addok = [str(python.parent / "addok")]
        start = time.perf_counter()
        subprocess.run([*addok, "batch", str(documents)], check=True, capture_output=True)
        subprocess.run([*addok, "ngrams"], check=True, capture_output=True)
        print(f"addok import (batch + ngrams): {time.perf_counter() - start:.1f} s")
        answered = subprocess.run(
            [str(python), str(BENCH_DIR / "_addok_queries.py")],
            check=True,
            capture_output=True,
            text=True,
            input="".join(json.dumps(text) + "\n" for text, _lon, _lat in queries),
        )
        results, times = [], []
        for line in answered.stdout.splitlines():
            if not line.startswith("["):  # addok's own messages (configuration, plugins)
                continue
            lon, lat, seconds = json.loads(line)
            results.append(None if lon is None else (lon, lat))
            times.append(seconds)
        return results, times
    finally:
        redis.terminate()
        redis.wait()


def addok_python() -> Path:
    """Return the Python of addok's own virtualenv, creating it from bench/requirements-addok.txt if missing."""
    python = ADDOK_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run(["/usr/bin/python3", "-m", "venv", str(ADDOK_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "-r", str(BENCH_DIR / "requirements-addok.txt")], check=True
        )
    return python


def write_addok_documents(ban: Path, path: Path) -> Path:
    """Write the BAN file as addok documents: one per street, its numbers (with bis/ter) as housenumbers."""
    streets: dict[tuple[str, str, str], dict] = {}
    for row in read_rows(ban):
        key = (row["code_insee"], row["code_postal"], row["nom_voie"])
        street = streets.get(key)
        if street is None:
            street = streets[key] = {
                "id": "_".join(key),
                "type": "street",
                "name": row["nom_voie"],
                "postcode": row["code_postal"],
                "citycode": row["code_insee"],
                "city": row["nom_commune"],
                "lon": float(row["lon"]),
                "lat": float(row["lat"]),
                "importance": 0.5,
                "housenumbers": {},
            }
        street["housenumbers"][row["numero"] + row["rep"]] = {"lon": float(row["lon"]), "lat": float(row["lat"])}
    with path.open("w", encoding="utf-8") as stream:
        for street in streets.values():
            stream.write(json.dumps(street, ensure_ascii=False) + "\n")
    return path


def print_figures(queries: list, engines: dict[str, tuple[list, list[float]]]) -> None:
    """Print, per engine, the share within WITHIN_M of the truth and the median and 95th-percentile times."""
    print(f"{len(queries)} typed queries (typos, abbreviations, accents, case, bis/ter, postcode or commune):")
    p95 = {}
    for name, (results, times) in engines.items():
        within = sum(
            1
            for (_t, lon, lat), found in zip(queries, results, strict=True)
            if found is not None and metres(lon, lat, *found) <= WITHIN_M
        )
        p95[name] = statistics.quantiles(times, n=20)[-1] * 1000
        print(
            f"  {name}: {100 * within / len(queries):.1f} % within {WITHIN_M:.0f} m; one query median "
            f"{statistics.median(times) * 1000:.1f} ms, 95th percentile {p95[name]:.1f} ms"
        )
    print(f"  95th-percentile ratio CamReq / addok: {p95['CamReq'] / p95['addok']:.2f}")


def metres(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Return the great-circle distance in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_lon = math.sin(math.radians(lon2 - lon1) / 2)
    a = math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * half_lon**2
    return 2 * 6_371_008.8 * math.asin(math.sqrt(a))


def free_port() -> int:
    """Return a free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    """Wait until something listens on the loopback port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"Redis did not start on port {port}")


if __name__ == "__main__":
    main()
