"""A large deposit through the owner portal (tus, loopback) against writing the same file with sha256sum alongside.

Prints the throughput of each, their ratio (aim: the portal at least half of the plain way) and the portal's peak
resident memory (aim: under 150 MB whatever the size). `python bench/portal.py --size-mb 2048` with PG* naming a
server where the connecting role may create databases and roles (`make bench` runs it with the default size).
"""

from __future__ import annotations

import argparse
import base64
import http.client
import os
import secrets
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = secrets.token_urlsafe(16)  # the throwaway login's, for this run only
CHUNK = 1 << 20
PATCH_BYTES = 256 << 20  # one PATCH request per 256 MB, as a browser's tus-js-client would send chunks


def setup_database(name: str, portal_url: str, login: str) -> str:
    """Create a database with the schema, one requisition sent with a portal link; return the link's token."""
    from camreq.db import schema
    from camreq.db.connection import connect

    admin = psycopg2.connect(dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        cursor.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD %s IN ROLE camreq_portal").format(sql.Identifier(login)), (PASSWORD,)
        )
    admin.close()
    conn = connect(f"dbname={name}")
    schema.install_or_upgrade(conn, report=lambda message: None)
    token = secrets.token_urlsafe(32)
    with conn, conn.cursor() as cursor:
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
        cursor.execute("UPDATE camreq.requisitions SET status = 'sent' WHERE id = %s", (requisition,))
    conn.close()
    return token


def make_file(path: Path, size: int) -> None:
    """Write size random bytes to path."""
    with path.open("wb") as file:
        for offset in range(0, size, CHUNK):
            file.write(os.urandom(min(CHUNK, size - offset)))


def plain_way(path: Path, copy: Path) -> float:
    """Return the seconds `tee copy < file | sha256sum` takes: the file written and hashed, the plain way."""
    started = time.perf_counter()
    with path.open("rb") as source:
        tee = subprocess.Popen(["tee", str(copy)], stdin=source, stdout=subprocess.PIPE)
        subprocess.run(["sha256sum"], stdin=tee.stdout, check=True, stdout=subprocess.DEVNULL)
        tee.wait()
    return time.perf_counter() - started


def portal_way(base: str, token: str, path: Path) -> float:
    """Return the seconds a tus deposit of the file takes through the portal (page, create, PATCHes)."""
    host = urlsplit(base)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=600)
    started = time.perf_counter()
    connection.request("GET", f"/r/{token}")
    answer = connection.getresponse()
    page = answer.read().decode()
    cookie = answer.getheader("set-cookie").split(";")[0]
    csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    camera = page.split('name="camera" value="', 1)[1].split('"', 1)[0]
    metadata = f"filename {base64.b64encode(b'bench.mp4').decode()},camera {base64.b64encode(camera.encode()).decode()}"
    headers = {"Tus-Resumable": "1.0.0", "Cookie": cookie, "X-CSRF-Token": csrf}
    size = path.stat().st_size
    connection.request(
        "POST", f"/r/{token}/tus", b"", {**headers, "Upload-Length": str(size), "Upload-Metadata": metadata}
    )
    created = connection.getresponse()
    created.read()
    location = urlsplit(created.getheader("location")).path
    with path.open("rb") as file:
        for offset in range(0, size, PATCH_BYTES):
            length = min(PATCH_BYTES, size - offset)
            patch = {**headers, "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset),
                     "Content-Length": str(length)}  # fmt: skip
            connection.putrequest("PATCH", location)
            for key, value in patch.items():
                connection.putheader(key, value)
            connection.endheaders()
            left = length
            while left:
                block = file.read(min(CHUNK, left))
                connection.send(block)
                left -= len(block)
            answer = connection.getresponse()
            answer.read()
            assert answer.status == 204, answer.status
    return time.perf_counter() - started


def peak_memory_mb(pid: int) -> float:
    """Return a process's peak resident memory (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(size_mb: int = 256) -> None:
    """Run both ways on one file of size_mb MB and print the figures."""
    name, login = "bench_portal_" + uuid.uuid4().hex[:8], "bench_portal_" + uuid.uuid4().hex[:8]
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    token = setup_database(name, base, login)
    with tempfile.TemporaryDirectory(prefix="camreq-bench-portal-", dir=ROOT / "build") as folder:
        source = Path(folder) / "source.bin"
        make_file(source, size_mb << 20)
        plain = plain_way(source, Path(folder) / "copy.bin")
        (Path(folder) / "copy.bin").unlink()
        env = {**os.environ, "PGPASSWORD": PASSWORD}
        portal = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "python"), "-m", "camreq.portal", "--database",
             f"dbname={name} host=localhost user={login}", "--storage", str(Path(folder) / "depot"),
             "--listen", f"127.0.0.1:{port}", "--public-url", base],
            env={**env, "PYTHONPATH": str(ROOT / "build" / "plugins")},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            through_portal = portal_way(base, token, source)
            memory = peak_memory_mb(portal.pid)
        finally:
            portal.terminate()
            portal.wait()
        shutil.rmtree(Path(folder) / "depot")
        plain = min(plain, plain_way(source, Path(folder) / "copy.bin"))  # best of before and after: the disk's cache
    admin = psycopg2.connect(dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(login)))
    admin.close()
    mb = size_mb
    print(f"deposit of {mb} MB: tee + sha256sum {mb / plain:.0f} MB/s, portal (tus, loopback) "
          f"{mb / through_portal:.0f} MB/s: the portal at {100 * plain / through_portal:.0f} % of the plain way; "
          f"portal peak memory {memory:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=int, default=2048)
    main(parser.parse_args().size_mb)
