"""A large deposit through the owner portal (tus, loopback) against writing the same file with sha256sum alongside.

Prints the throughput of each, their ratio (aim: the portal at least half of the plain way) and the portal's peak
resident memory (aim: under 150 MB whatever the size). `python bench/portal.py --size-mb 2048` with PG* naming a
server where the connecting role may create databases and roles (`make bench` runs it with the default size).
Every wait has a deadline; on a failure the bench says what it waited for and prints the end of the portal's log.
Its database, role and files under build/ are removed on exit, a failure or a SIGTERM included.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = secrets.token_urlsafe(16)  # the throwaway login's, for this run only
CHUNK = 1 << 20
PATCH_BYTES = 256 << 20  # one PATCH request per 256 MB, as a browser's tus-js-client would send chunks
SILENCE_S = 60  # longest the portal may leave one socket operation unanswered
START_S = 60  # longest the portal may take to answer after it was started
STOP_S = 10  # longest it may take to stop when asked, before it is killed
SLOWEST_MB_S = 5  # a copy slower than this is stuck: its deadline is SILENCE_S plus the size at this pace
LOG_LINES = 40  # the end of the portal's log printed on a failure


class BenchError(RuntimeError):
    """A step of the bench failed or waited past its deadline; the message says which and what for."""


def setup_database(name: str, portal_url: str, login: str) -> str:
    """Install the schema in database name, the portal's login, one requisition sent with a link; return its token."""
    from camreq.db import schema
    from camreq.db.connection import connect

    conn = connect(f"dbname={name}")
    schema.install_or_upgrade(conn, report=lambda message: None)  # creates camreq_portal on a new server
    token = secrets.token_urlsafe(32)
    with conn, conn.cursor() as cursor:
        cursor.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD %s IN ROLE camreq_portal").format(sql.Identifier(login)), (PASSWORD,)
        )
        cursor.execute("UPDATE camreq.settings SET portal_public_url = %s", (portal_url,))
        cursor.execute("INSERT INTO camreq.owners (name, email) VALUES ('Bench owner', 'o@example.org') RETURNING id")
        owner = cursor.fetchone()[0]
        cursor.execute(
            "INSERT INTO camreq.cameras (owner_id, ref, retention_days, geom) "
            "VALUES (%s, 'B-1', 30, ST_SetSRID(ST_MakePoint(913500, 6458000), 2154)) RETURNING id",
            (owner,),
        )
        camera = cursor.fetchone()[0]
        cursor.execute(
            "INSERT INTO camreq.requisitions (unit, officer_name, officer_rank, officer_email, officer_phone, "
            "case_number, investigation, owner_id, answer_deadline, delivery) VALUES ('Bench', 'B', '', '', '', "
            "'B-1', 'flagrance', %s, now() + interval '1 day', 'MP4') RETURNING id",
            (owner,),
        )
        requisition = cursor.fetchone()[0]
        cursor.execute(
            "INSERT INTO camreq.requisition_cameras (requisition_id, camera_id, window_start, window_end, purge_at) "
            "VALUES (%s, %s, now() - interval '1 hour', now(), now() + interval '10 days')",
            (requisition, camera),
        )
        cursor.execute("SELECT camreq.issue_requisition(%s), camreq.add_portal_link(%s, %s)",
                       (requisition, requisition, token))  # fmt: skip
        cursor.execute("SELECT camreq.serve_otherwise(%s)", (requisition,))  # served: sent needs a delivery recorded
        cursor.execute("SELECT camreq.set_requisition_status(%s, 'sent', 'bench: served by hand')", (requisition,))
    conn.close()
    return token


def administer(statement: sql.Composable) -> None:
    """Run one statement on the server's postgres database, outside a transaction."""
    admin = psycopg2.connect(dbname="postgres", connect_timeout=SILENCE_S)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(statement)
    finally:
        admin.close()


@contextlib.contextmanager
def throwaway_database(name: str, login: str) -> Iterator[None]:
    """Create database name; drop it and the role login (if it was made) however the block ends."""
    administer(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield
    finally:
        administer(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        administer(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))


def deadline_s(size: int) -> float:
    """Return how long a copy of size bytes may take before it counts as stuck."""
    return SILENCE_S + size / (SLOWEST_MB_S << 20)


def make_file(path: Path, size: int) -> None:
    """Write size random bytes to path."""
    with path.open("wb") as file:
        for offset in range(0, size, CHUNK):
            file.write(os.urandom(min(CHUNK, size - offset)))


def plain_way(path: Path, copy: Path) -> float:
    """Return the seconds `tee copy < file | sha256sum` takes: the file written and hashed, the plain way."""
    limit = deadline_s(path.stat().st_size)
    started = time.perf_counter()
    with path.open("rb") as source:
        tee = subprocess.Popen(["tee", str(copy)], stdin=source, stdout=subprocess.PIPE)
        try:
            subprocess.run(["sha256sum"], stdin=tee.stdout, check=True, stdout=subprocess.DEVNULL, timeout=limit)
            tee.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            raise BenchError(f"tee | sha256sum of {path.name} did not finish within {limit:.0f} s") from None
        finally:
            tee.kill()
            tee.wait()
    return time.perf_counter() - started


class Portal:
    """scripts/portal started on a loopback port for one database, its output in a log file."""

    def __init__(self, database: str, login: str, folder: Path, port: int) -> None:
        """Start the portal with its storage under folder/depot and its log in folder."""
        self.url = f"http://127.0.0.1:{port}"
        self.log = folder / "portal.log"
        with self.log.open("wb") as log:  # the portal keeps its own copy of the file open
            self.process = subprocess.Popen(
                [str(ROOT / "scripts" / "portal"), "--database", f"dbname={database} host=localhost user={login}",
                 "--storage", str(folder / "depot"), "--listen", f"127.0.0.1:{port}", "--public-url", self.url],
                env={**os.environ, "PGPASSWORD": PASSWORD}, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip

    def wait_until_serving(self) -> None:
        """Return once the portal serves its stylesheet; BenchError if it exits or stays silent past START_S."""
        started = time.monotonic()
        while True:
            if self.process.poll() is not None:
                raise BenchError(f"the portal exited with code {self.process.returncode} before serving {self.url}")
            try:
                urllib.request.urlopen(self.url + "/static/portal.css", timeout=5).close()  # noqa: S310
                return
            except OSError as error:
                if time.monotonic() - started > START_S:
                    raise BenchError(f"the portal did not serve {self.url}/static/portal.css within {START_S} s "
                                     f"({error})") from None  # fmt: skip
                time.sleep(0.1)

    def peak_memory_mb(self) -> float:
        """Return the portal's peak resident memory (VmHWM) in MB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        raise BenchError(f"no VmHWM line in /proc/{self.process.pid}/status")

    def log_tail(self) -> str:
        """Return the last LOG_LINES lines the portal printed."""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-LOG_LINES:])

    def stop(self) -> None:
        """Stop the portal (killed if it does not stop within STOP_S)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextlib.contextmanager
def running_portal(database: str, login: str, folder: Path, port: int) -> Iterator[Portal]:
    """Yield the portal once it serves; stopped however the block ends, the end of its log printed on a failure."""
    portal = Portal(database, login, folder, port)
    try:
        portal.wait_until_serving()
        yield portal
    except BaseException:  # KeyboardInterrupt included (`timeout -s INT`)
        print(f"--- the end of the portal's log ({portal.log}):\n{portal.log_tail()}", file=sys.stderr)
        raise
    finally:
        portal.stop()


def answer(connection: http.client.HTTPConnection, what: str, expected: int) -> tuple[http.client.HTTPResponse, str]:
    """Return the answer to the request just sent and its body; BenchError on silence or another status."""
    try:
        response = connection.getresponse()
        body = response.read().decode(errors="replace")
    except OSError as error:  # a timeout included
        raise BenchError(f"{what}: no answer from the portal within {SILENCE_S} s ({error!r})") from None
    if response.status != expected:
        raise BenchError(f"{what}: HTTP {response.status} where {expected} was expected: {body[:300]}")
    return response, body


def field(page: str, name: str) -> str:
    """Return the value of the requisition page's input named name."""
    marker = f'name="{name}" value="'
    if marker not in page:
        raise BenchError(f"the requisition page has no {name} field")
    return page.split(marker, 1)[1].split('"', 1)[0]


def send_patch(connection: http.client.HTTPConnection, location: str, headers: dict, file, offset: int,
               length: int) -> None:  # fmt: skip
    """Send one tus PATCH of length bytes of file from offset and check the portal took them all."""
    what = f"PATCH of bytes {offset}-{offset + length}"
    patch = {**headers, "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset),
             "Content-Length": str(length)}  # fmt: skip
    connection.putrequest("PATCH", location)
    for key, value in patch.items():
        connection.putheader(key, value)
    left = length
    try:
        connection.endheaders()
        while left:
            block = file.read(min(CHUNK, left))
            connection.send(block)
            left -= len(block)
    except OSError as error:  # refused early (the portal closed) or silent past SILENCE_S
        raise BenchError(f"{what}: sending stopped {length - left} bytes in ({error!r})") from None
    response, _ = answer(connection, what, 204)
    if response.getheader("upload-offset") != str(offset + length):
        raise BenchError(f"{what}: the portal has {response.getheader('upload-offset')} bytes")


def portal_way(base: str, token: str, path: Path) -> float:
    """Return the seconds a tus deposit of the file takes through the portal (page, create, PATCHes)."""
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=SILENCE_S)
    started = time.perf_counter()
    connection.request("GET", f"/r/{token}")
    response, page = answer(connection, "the requisition page", 200)
    cookie = (response.getheader("set-cookie") or "").split(";")[0]
    if not cookie:
        raise BenchError("the requisition page set no cookie")
    camera = field(page, "camera")
    metadata = f"filename {base64.b64encode(b'bench.mp4').decode()},camera {base64.b64encode(camera.encode()).decode()}"
    headers = {"Tus-Resumable": "1.0.0", "Cookie": cookie, "X-CSRF-Token": field(page, "csrf")}
    size = path.stat().st_size
    connection.request(
        "POST", f"/r/{token}/tus", b"", {**headers, "Upload-Length": str(size), "Upload-Metadata": metadata}
    )
    created, _ = answer(connection, "the tus creation (POST)", 201)
    location = urlsplit(created.getheader("location") or "").path
    with path.open("rb") as file:
        for offset in range(0, size, PATCH_BYTES):
            send_patch(connection, location, headers, file, offset, min(PATCH_BYTES, size - offset))
    connection.close()
    return time.perf_counter() - started


def free_port() -> int:
    """Return a loopback TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_on_sigterm(signum: int, frame: object) -> NoReturn:
    """Leave through SystemExit so that every cleanup runs (timeout(1) and kill send SIGTERM)."""
    raise SystemExit(128 + signum)


def main(size_mb: int = 256) -> None:
    """Run both ways on one file of size_mb MB and print the figures."""
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    name, login = "bench_portal_" + uuid.uuid4().hex[:8], "bench_portal_" + uuid.uuid4().hex[:8]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with (
        throwaway_database(name, login),
        tempfile.TemporaryDirectory(prefix="camreq-bench-portal-", dir=ROOT / "build") as temporary,
    ):
        token = setup_database(name, base, login)
        folder = Path(temporary)
        source, copy = folder / "source.bin", folder / "copy.bin"
        make_file(source, size_mb << 20)
        plain = plain_way(source, copy)
        copy.unlink()
        with running_portal(name, login, folder, port) as portal:
            through_portal = portal_way(portal.url, token, source)
            memory = portal.peak_memory_mb()
        shutil.rmtree(folder / "depot")  # room on the disk for the second plain copy
        plain = min(plain, plain_way(source, copy))  # best of before and after: the disk's cache
    mb = size_mb
    print(f"deposit of {mb} MB: tee + sha256sum {mb / plain:.0f} MB/s, portal (tus, loopback) "
          f"{mb / through_portal:.0f} MB/s: the portal at {100 * plain / through_portal:.0f} % of the plain way; "
          f"portal peak memory {memory:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=int, default=2048)
    try:
        main(parser.parse_args().size_mb)
    except BenchError as error:
        sys.exit(f"bench/portal.py: {error}")
