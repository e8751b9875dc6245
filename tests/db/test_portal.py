"""The owner portal: the personal link made at issue, the real portal on loopback, a real browser, tus uploads."""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import html
import io
import json
import os
import re
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest
from camreq.core.times import display
from pypdf import PdfReader
from qgis.PyQt.QtCore import Qt

from .conftest import LOGIN_PASSWORD, admin_execute, free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"


class PortalProcess:
    """scripts/portal started on a loopback port for one database, restartable."""

    def __init__(self, db: str, storage: Path, login: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db, self.storage, self.login = db, storage, login
        self.process: subprocess.Popen | None = None
        self.options: list[str] = []  # more command-line options of scripts/portal
        self.log = storage.parent / f"portal-{self.port}.log"  # what it printed (a pipe nobody reads would fill up)

    def start(self) -> None:
        env = {**os.environ, "PGPASSWORD": LOGIN_PASSWORD}
        with self.log.open("ab") as log:  # the portal keeps its own copy of the file open
            self.process = subprocess.Popen(
                [str(ROOT / "scripts" / "portal"), "--database", f"{self.db} host=localhost user={self.login}",
                 "--storage", str(self.storage), "--listen", f"127.0.0.1:{self.port}", "--public-url", self.url,
                 *self.options],
                env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        while True:  # until it answers (or died)
            assert self.process.poll() is None, self.printed()
            try:
                urllib.request.urlopen(self.url + "/static/portal.css", timeout=5).close()  # noqa: S310
                return
            except OSError:
                time.sleep(0.1)

    def printed(self) -> str:
        """Return what the portal printed so far (its log and any traceback)."""
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


def request(url: str, method: str = "GET", data: bytes | None = None, headers: dict | None = None):
    """Return (status, headers, body) of one HTTP request, error statuses included."""
    call = urllib.request.Request(url, data=data, method=method, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(call, timeout=60) as answer:  # noqa: S310
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def portal(db, create, cameras_layer, scene, sql, tmp_path):
    """Issue the scene's requisitions with a portal configured, mark them sent, start the portal; return it all."""
    login = "t_portal_" + uuid.uuid4().hex[:8]
    admin_execute("CREATE ROLE {} LOGIN PASSWORD %s IN ROLE camreq_portal", login, params=(LOGIN_PASSWORD,))
    server = PortalProcess(db, tmp_path / "depot", login)
    sql(db, "UPDATE camreq.settings SET portal_public_url = %s", (server.url,))
    create(cameras_layer())
    sql(db, "UPDATE camreq.requisition_outbox SET status = 'served_otherwise' WHERE kind = 'requisition'")
    sql(db, "UPDATE camreq.requisitions SET status = 'sent'")  # served: as if the e-mails had gone
    links = dict(
        sql(db, "SELECT r.number, o.portal_link FROM camreq.requisitions r JOIN camreq.requisition_outbox o "
                "ON o.requisition_id = r.id")
    )  # fmt: skip
    server.start()
    yield {"server": server, "links": links, "login": login}
    server.stop()
    admin_execute("DROP ROLE {}", login)


def first_link(portal: dict, sql, db: str, owner: str = "Parking Hoche SA") -> tuple[str, str]:
    """Return (number, link) of the owner's requisition."""
    [(number,)] = sql(db, "SELECT r.number FROM camreq.requisitions r JOIN camreq.owners o ON o.id = r.owner_id "
                          "WHERE o.name = %s", (owner,))  # fmt: skip
    return number, portal["links"][number]


def test_issuing_gives_each_requisition_a_link_printed_in_its_pdf_and_stored_hashed(portal, db, sql):
    rows = sql(db, "SELECT r.number, l.token_sha256, d.pdf FROM camreq.requisitions r "
                   "JOIN camreq.portal_links l ON l.requisition_id = r.id "
                   "JOIN camreq.requisition_documents d ON d.requisition_id = r.id AND d.issued")  # fmt: skip
    assert len(rows) == 3
    for number, token_sha256, pdf in rows:
        link = portal["links"][number]
        token = link.rsplit("/r/", 1)[1]
        assert link == f"{portal['server'].url}/r/{token}" and len(token) == 43
        assert token_sha256 == hashlib.sha256(token.encode()).hexdigest()
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(pdf))).pages)
        assert token in re.sub(r"\s", "", text)


def test_the_email_carries_the_personal_link(db, create, cameras_layer, scene, sql, smtp_server, send):
    sql(db, "UPDATE camreq.settings SET portal_public_url = 'https://depot.example.org'")
    create(cameras_layer())
    handler, port = smtp_server()
    send(port)
    links = {
        link for (link,) in sql(db, "SELECT portal_link FROM camreq.requisition_outbox WHERE to_address IS NOT NULL")
    }
    bodies = []
    for envelope in handler.envelopes:
        message = email.message_from_bytes(envelope.content)
        bodies += [
            part.get_payload(decode=True).decode() for part in message.walk() if part.get_content_type() == "text/plain"
        ]
    assert len(links) == len(bodies) == 2
    assert {re.search(r"https://depot\.example\.org/r/\S+", body).group(0) for body in bodies} == links


def test_a_link_cannot_be_rewritten_in_the_outbox(portal, db, scene, sql, logins):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(db, "UPDATE camreq.requisition_outbox SET portal_link = 'https://evil.example.org/r/x'")


def browser_page(playwright):
    """Return a page of a fresh headless Chromium (Debian's)."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
    return browser, browser.new_page()


def test_the_owner_answers_the_whole_requisition_in_a_browser(portal, db, sql, tmp_path):
    from playwright.sync_api import sync_playwright

    number, link = first_link(portal, sql, db)
    footage = tmp_path / "export HOC-01.mp4"
    footage.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    with sync_playwright() as playwright:
        browser, page = browser_page(playwright)
        page.goto(link)
        assert page.locator("h1").inner_text() == f"Réquisition judiciaire n° {number}"
        assert page.locator("html").get_attribute("lang") == "fr"
        page.get_by_role("button", name="J'accuse réception de cette réquisition").click()
        assert "Réception accusée" in page.get_by_role("status").first.inner_text()
        page.get_by_label("Déposer des fichiers d'images pour la caméra HOC-01").set_input_files(str(footage))
        page.get_by_role("button", name="Envoyer les fichiers choisis").first.click()
        page.wait_for_selector("td.hash")
        assert page.locator("td.hash").inner_text() == hashlib.sha256(footage.read_bytes()).hexdigest()
        second = page.locator("article.camera").nth(1)
        second.locator("summary", has_text="Pas d'images").click()
        second.get_by_label("Images déjà effacées (écrasées par l'enregistreur)").check()
        second.get_by_role("button", name="Déclarer qu'il n'y a pas d'images").click()
        assert "pas d'images — Images déjà effacées" in page.locator("article.camera").nth(1).inner_text()
        page.get_by_role("button", name="Confirmer ma réponse complète").click()
        assert page.locator("h1").inner_text() == "Votre réponse est enregistrée"
        receipt = page.locator("table").inner_text()
        assert hashlib.sha256(footage.read_bytes()).hexdigest() in receipt and "export HOC-01.mp4" in receipt
        assert "pas d'images — Images déjà effacées" in receipt
        browser.close()
    history = sql(db, "SELECT h.from_status, h.to_status, h.changed_by, h.note "
                      "FROM camreq.requisition_status_history h JOIN camreq.requisitions r ON r.id = h.requisition_id "
                      "WHERE r.number = %s AND h.id > "
                      "(SELECT max(id) FROM camreq.requisition_status_history WHERE to_status = 'sent' "
                      "AND requisition_id = r.id) ORDER BY h.id", (number,))  # fmt: skip
    assert history == [
        ("sent", "acknowledged", portal["login"], "par le propriétaire, via le portail : accusé de réception"),
        ("acknowledged", "footage_delivered", portal["login"],
         "par le propriétaire, via le portail : réponse confirmée complète"),
    ]  # fmt: skip
    [(stored_sha, upload_id)] = sql(db, "SELECT sha256, upload_id FROM camreq.portal_deposits")
    stored = portal["server"].storage / "deposits" / upload_id
    assert (
        stored_sha
        == hashlib.sha256(stored.read_bytes()).hexdigest()
        == hashlib.sha256(footage.read_bytes()).hexdigest()
    )
    audited = sql(db, "SELECT table_name, changed_by FROM camreq.audit_log WHERE table_name LIKE 'portal_%%'")
    assert {table for table, _ in audited} >= {"portal_links", "portal_answers", "portal_deposits"}
    assert {who for _, who in audited if who != "postgres"} == {portal["login"]}
    assert request(link)[0] == 404  # confirmed: the link is closed


@pytest.mark.parametrize("how", ["wrong", "cancelled", "expired", "closed"])
def test_a_dead_or_wrong_link_says_so_and_reveals_nothing(how, portal, db, sql):
    number, link = first_link(portal, sql, db)
    if how == "wrong":
        link = link[:-4] + "AAAA"
    elif how == "cancelled":
        sql(db, "UPDATE camreq.requisitions SET status = 'cancelled' WHERE number = %s", (number,))
    elif how == "expired":
        sql(db, "UPDATE camreq.portal_links SET expires_at = now() - interval '1 second'")
    else:
        sql(db, "UPDATE camreq.requisitions SET status = 'refused' WHERE number = %s", (number,))
    status, _, body = request(link)
    page = body.decode()
    assert status == 404 and "Ce lien ne fonctionne pas" in page
    assert number not in page and "Hoche" not in page and "HOC-01" not in page
    assert request(link + "/document")[0] == 404


def test_repeated_wrong_tokens_from_one_address_are_slowed_down(portal):
    wrong = portal["server"].url + "/r/" + "x" * 43
    times = []
    for _ in range(8):
        started = time.monotonic()
        assert request(wrong)[0] == 404
        times.append(time.monotonic() - started)
    assert max(times[:5]) < 0.5 <= times[6] and times[7] >= 1.0  # the delay the portal waits is at least this


MANGLED = {  # a link's token or upload id as a copy can spoil it, none of which PostgreSQL may be sent as such
    "NUL": lambda part: part + "%00",
    "a character too many": lambda part: part + "A",
    "an odd character": lambda part: part[:-1] + "%C3%A9",  # é
}


@pytest.mark.parametrize("how", MANGLED)
def test_a_mangled_token_or_upload_id_is_answered_as_a_wrong_one(how, portal, db, sql):
    number, link = first_link(portal, sql, db)
    token, server, camera = link.rsplit("/r/", 1)[1], portal["server"].url, camera_of(db, sql, number)
    status, location, headers = tus_create(link, camera, "a.mp4", 10)
    assert status == 201
    upload_id = location.rsplit("/", 1)[1]
    form = {"Cookie": headers["Cookie"], "Content-Type": "application/x-www-form-urlencoded"}
    created = {
        **headers,
        "Upload-Length": "1",
        "Upload-Metadata": "camera " + base64.b64encode(b"%d" % camera).decode(),
    }
    patch = {**headers, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}

    def answers(token: str, upload_id: str, only_tus: bool = False) -> list[tuple[int, str, bytes]]:
        """Return (status, type, body) of the page, the PDF, a form, a tus creation, then HEAD, PATCH of upload_id."""
        at = f"{server}/r/{token}"
        resuming = [(f"{at}/tus/{upload_id}", "HEAD", None, headers), (f"{at}/tus/{upload_id}", "PATCH", b"x", patch)]
        calls = [(at, "GET", None, {}), (at + "/document", "GET", None, {}),
                 (at + "/accuse", "POST", f"csrf={headers['X-CSRF-Token']}".encode(), form),
                 (at + "/tus", "POST", b"", created)]  # fmt: skip
        answered = [request(*call) for call in ([] if only_tus else calls) + resuming]
        return [(status, head.get("Content-Type", ""), body) for status, head, body in answered]

    wrong = token[:-1] + ("B" if token.endswith("A") else "A")
    mangled = answers(MANGLED[how](token), upload_id)
    assert mangled == answers(wrong, upload_id)
    assert [status for status, _, _ in mangled] == [404] * 6 and b"Ce lien ne fonctionne pas" in mangled[0][2]
    wrong_upload_id = ("0" if upload_id[0] != "0" else "1") + upload_id[1:]
    assert answers(token, MANGLED[how](upload_id), only_tus=True) == answers(token, wrong_upload_id, only_tus=True)
    assert answers(token, wrong_upload_id, only_tus=True) == [(404, "", b"")] * 2
    assert request(location, "HEAD", None, headers)[1]["Upload-Offset"] == "0"  # no PATCH went in
    assert sql(db, "SELECT count(*) FROM camreq.portal_deposits") == [(1,)]
    assert sql(db, "SELECT status FROM camreq.requisitions WHERE number = %s", (number,)) == [("acknowledged",)]
    assert "Traceback" not in portal["server"].printed()


def test_mangled_tokens_count_as_wrong_tokens_for_the_slowdown(portal, db, sql):
    _, link = first_link(portal, sql, db)
    token = link.rsplit("/r/", 1)[1]
    server = portal["server"].url
    for mangle in [*MANGLED.values(), *MANGLED.values()]:  # six, the five free ones and the one slowed half a second
        assert request(server + "/r/" + mangle(token))[0] == 404
    started = time.monotonic()
    assert request(link + "%00")[0] == 404
    assert time.monotonic() - started >= 1.0  # the seventh: the portal waits at least a second


def csrf_of(link: str) -> tuple[str, str]:
    """Return (cookie header, CSRF token) of the page at link."""
    status, headers, body = request(link)
    assert status == 200
    cookie = headers["set-cookie"].split(";")[0]
    return cookie, re.search(r'name="csrf" value="([^"]+)"', body.decode()).group(1)


@pytest.mark.parametrize("forged", ["no token", "other token", "no cookie"])
def test_a_forged_form_post_is_refused_and_changes_nothing(forged, portal, db, sql):
    number, link = first_link(portal, sql, db)
    cookie, csrf = csrf_of(link)
    form = {"no token": "", "other token": "csrf=" + "A" * 43, "no cookie": "csrf=" + csrf}[forged]
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if forged != "no cookie":
        headers["Cookie"] = cookie
    status, _, _ = request(link + "/accuse", "POST", form.encode(), headers)
    assert status == 403
    assert sql(db, "SELECT status FROM camreq.requisitions WHERE number = %s", (number,)) == [("sent",)]
    created = request(link + "/tus", "POST", b"", {"Tus-Resumable": "1.0.0", "Upload-Length": "1", **headers})
    assert created[0] == 403


def tus_create(link: str, camera: int, name: str, length: int) -> tuple[int, str, dict]:
    """Create an upload; return (status, Location, headers to reuse)."""
    cookie, csrf = csrf_of(link)
    headers = {"Tus-Resumable": "1.0.0", "Cookie": cookie, "X-CSRF-Token": csrf}
    metadata = (
        f"filename {base64.b64encode(name.encode()).decode()},camera {base64.b64encode(str(camera).encode()).decode()}"
    )
    status, answer, _ = request(
        link + "/tus", "POST", b"", {**headers, "Upload-Length": str(length), "Upload-Metadata": metadata}
    )
    return status, answer.get("Location", ""), headers


def camera_of(db: str, sql, number: str) -> int:
    """Return the first requisition camera id of a requisition."""
    return sql(db, "SELECT min(c.id) FROM camreq.requisition_cameras c JOIN camreq.requisitions r "
                   "ON r.id = c.requisition_id WHERE r.number = %s", (number,))[0][0]  # fmt: skip


FULLWIDTH = str.maketrans("0123456789", "".join(chr(0xFF10 + digit) for digit in range(10)))  # int() reads them


class _Unfollowed(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the redirect comes back as an HTTPError, to be read as such


def answer_state(db: str, sql, number: str) -> list:
    """Return what an owner's answer would change: the status, its history, the answers, the deposits."""
    return sql(db, "SELECT r.status, (SELECT count(*) FROM camreq.requisition_status_history h "
                   "WHERE h.requisition_id = r.id), (SELECT count(*) FROM camreq.portal_answers), "
                   "(SELECT count(*) FROM camreq.portal_deposits) FROM camreq.requisitions r WHERE r.number = %s",
               (number,))  # fmt: skip


BAD_FORMS = {  # what an owner's form may carry that PostgreSQL would refuse or no camera of theirs has
    "a superscript two for the camera": ("refus", "camera=%C2%B2&reason=ferme", "camera"),
    "a fullwidth camera number": ("refus", "camera={fullwidth}&reason=ferme", "camera"),
    "a camera of thirty nines": ("aucune", "camera=" + "9" * 30 + "&reason=overwritten", "camera"),
    "another requisition's camera": ("refus", "camera={other}&reason=ferme", "camera"),
    "no camera": ("aucune", "reason=overwritten", "camera"),
    "a NUL in the refusal reason": ("refus", "camera={camera}&reason=a%00b", "raison_nul"),
    "a NUL in the no-footage reason": ("aucune", "camera={camera}&reason=overwritten%00", "raison_nul"),
}
SAID = {  # the French words the page then says, naming the field
    "camera": "Caméra : ce n'est pas une caméra de cette réquisition.",
    "raison_nul": "La raison contient un caractère interdit (un caractère nul)",
}


@pytest.mark.parametrize("bad", BAD_FORMS)
def test_a_bad_camera_or_reason_in_a_form_is_named_in_french_and_changes_nothing(bad, portal, db, sql):
    number, link = first_link(portal, sql, db)
    camera = camera_of(db, sql, number)
    [(other,)] = sql(db, "SELECT min(number) FROM camreq.requisitions WHERE number <> %s", (number,))
    what, form, code = BAD_FORMS[bad]
    form = form.format(camera=camera, other=camera_of(db, sql, other), fullwidth=str(camera).translate(FULLWIDTH))
    cookie, csrf = csrf_of(link)
    before = answer_state(db, sql, number)
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    sent = urllib.request.Request(link + "/" + what, f"csrf={csrf}&{form}".encode(), headers, method="POST")  # noqa: S310
    with pytest.raises(urllib.error.HTTPError) as answered:
        urllib.request.build_opener(_Unfollowed).open(sent, timeout=60)
    location = answered.value.headers["Location"]
    assert answered.value.code == 303 and location == f"/r/{link.rsplit('/r/', 1)[1]}?fait={code}"
    status, _, page = request(portal["server"].url + location, headers={"Cookie": cookie})
    assert status == 200 and SAID[code] in html.unescape(page.decode())
    assert answer_state(db, sql, number) == before == [("sent", before[0][1], 0, 0)]
    assert "Traceback" not in portal["server"].printed()


@pytest.mark.parametrize(
    ("camera", "length", "said"),
    [("9" * 30, "10", "Caméra :"), ("²", "10", "Caméra :"), ("fullwidth", "10", "Caméra :"), ("-1", "10", "Caméra :"),
     ("", "9" * 30, "Taille du fichier :"), ("", "1_0", "Taille du fichier :"), ("", "²", "Taille du fichier :")],
)  # fmt: skip
def test_a_bad_camera_or_length_in_a_tus_creation_is_named_in_french_and_changes_nothing(
    camera, length, said, portal, db, sql
):
    number, link = first_link(portal, sql, db)
    real = str(camera_of(db, sql, number))
    camera = {"fullwidth": real.translate(FULLWIDTH), "": real}.get(camera, camera)
    cookie, csrf = csrf_of(link)
    before = answer_state(db, sql, number)
    metadata = "filename YS5tcDQ=,camera " + base64.b64encode(camera.encode()).decode()  # a.mp4
    headers = {"Tus-Resumable": "1.0.0", "Cookie": cookie, "X-CSRF-Token": csrf, "Upload-Metadata": metadata,
               "Upload-Length": length}  # fmt: skip
    status, answer, body = request(link + "/tus", "POST", b"", headers)
    assert status == 400 and said in body.decode() and answer["Content-Type"].startswith("text/plain")
    assert answer_state(db, sql, number) == before
    assert os.listdir(portal["server"].storage / "incoming") == []
    assert "Traceback" not in portal["server"].printed()


def test_the_portal_outlives_a_database_restart_and_says_when_the_database_is_out_of_reach(portal, db, sql):
    number, link = first_link(portal, sql, db)
    login = portal["login"]
    assert request(link)[0] == 200  # the pool now holds a connection

    def drop_connections() -> None:
        """Close the portal login's connections from the server side, as a restart of PostgreSQL does."""
        admin_execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", params=(login,))

    drop_connections()
    status, _headers, body = request(link)
    assert (status, f"Réquisition judiciaire n° {number}" in body.decode()) == (200, True), portal["server"].printed()
    admin_execute("ALTER ROLE {} NOLOGIN", login)  # the server refuses the portal: as if it were still starting
    try:
        drop_connections()
        status, _headers, body = request(link)
        assert status == 503 and "Service momentanément indisponible" in html.unescape(body.decode())
    finally:
        admin_execute("ALTER ROLE {} LOGIN", login)
    assert request(link)[0] == 200
    assert "Traceback" not in portal["server"].printed()


def test_an_upload_cut_by_a_server_restart_resumes_and_ends_with_the_right_hash(portal, db, sql):
    number, link = first_link(portal, sql, db)
    data = os.urandom(5 * 1024 * 1024 + 3)
    status, location, headers = tus_create(link, camera_of(db, sql, number), "video.mp4", len(data))
    assert status == 201
    patch = {**headers, "Content-Type": "application/offset+octet-stream"}
    half = len(data) // 2
    assert request(location, "PATCH", data[:half], {**patch, "Upload-Offset": "0"})[0] == 204
    portal["server"].stop()  # the hash state in memory is lost with the process
    portal["server"].start()
    status, answer, _ = request(location, "HEAD", None, headers)
    assert status == 200 and answer["Upload-Offset"] == str(half)
    assert request(location, "PATCH", data[half:], {**patch, "Upload-Offset": "0"})[0] == 409
    status, answer, _ = request(location, "PATCH", data[half:], {**patch, "Upload-Offset": str(half)})
    assert status == 204 and answer["Upload-Offset"] == str(len(data))
    [(sha256, size)] = sql(db, "SELECT sha256, size FROM camreq.portal_deposits")
    assert (sha256, size) == (hashlib.sha256(data).hexdigest(), len(data))


def test_a_deposit_beyond_the_requisitions_limit_is_refused(portal, db, sql):
    number, link = first_link(portal, sql, db)
    sql(db, "UPDATE camreq.settings SET portal_deposit_limit_bytes = 1000")
    camera = camera_of(db, sql, number)
    assert tus_create(link, camera, "a.mp4", 600)[0] == 201
    assert tus_create(link, camera, "b.mp4", 600)[0] == 413
    assert sql(db, "SELECT count(*) FROM camreq.portal_deposits") == [(1,)]


@pytest.mark.parametrize(
    ("given", "stored"),
    [("../../x", "x"), ("a\x00b.mp4", "ab.mp4"), ("\u202egnp.exe", "gnp.exe"), ("..", "fichier"),
     ("v" * 300 + ".mp4", "v" * 196 + ".mp4"), ("C:\\Users\\me\\cam 1.avi", "cam 1.avi")],
)  # fmt: skip
def test_hostile_file_names_are_stored_plain_and_never_reach_the_disk(given, stored, portal, db, sql):
    number, link = first_link(portal, sql, db)
    assert tus_create(link, camera_of(db, sql, number), given, 4)[0] == 201
    [(file_name, upload_id)] = sql(db, "SELECT file_name, upload_id FROM camreq.portal_deposits")
    assert file_name == stored
    assert os.listdir(portal["server"].storage / "incoming") == [upload_id]


def test_two_owners_deposit_at_once(portal, db, sql):
    from concurrent.futures import ThreadPoolExecutor

    def deposit(owner: str) -> str:
        number, link = first_link(portal, sql, db, owner)
        data = os.urandom(2 * 1024 * 1024)
        _, location, headers = tus_create(link, camera_of(db, sql, number), owner + ".mp4", len(data))
        patch = {**headers, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
        assert request(location, "PATCH", data, patch)[0] == 204
        return hashlib.sha256(data).hexdigest()

    with ThreadPoolExecutor(2) as pool:
        hashes = set(pool.map(deposit, ["Parking Hoche SA", "Ville de Grenoble"]))
    assert {sha for (sha,) in sql(db, "SELECT sha256 FROM camreq.portal_deposits")} == hashes


def test_the_portal_login_reads_no_table_and_no_requisition_without_its_token(portal, db, sql):
    as_portal = f"{db} host=localhost user={portal['login']} password={LOGIN_PASSWORD}"
    tables = sql(
        db, "SELECT relname FROM pg_class WHERE relnamespace = 'camreq'::regnamespace AND relkind IN ('r', 'v')"
    )
    for (table,) in tables:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            sql(as_portal, f"SELECT * FROM camreq.{table}")
    assert sql(as_portal, "SELECT camreq.portal_requisition(%s)", ("x" * 43,)) == [(None,)]
    assert sql(as_portal, "SELECT * FROM camreq.portal_document(%s)", ("x" * 43,)) == []
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(as_portal, "SELECT * FROM camreq.requisition_deposits(1)")


@pytest.fixture
def investigator(db):
    """Return a connection string of an investigator of the scene's unit (SD Grenoble)."""
    from camreq.core.database import grant_user

    name = "t_inv_" + uuid.uuid4().hex[:8]
    admin_execute("CREATE ROLE {} LOGIN PASSWORD %s", name, params=(LOGIN_PASSWORD,))
    grant_user(db, name, "investigator", "SD Grenoble")
    yield f"{db} host=localhost user={name} password={LOGIN_PASSWORD}"
    admin_execute("DROP OWNED BY {}", name)
    admin_execute("DROP ROLE {}", name)


def deposit_file(portal: dict, db: str, sql, data: bytes) -> str:
    """Deposit data for the first camera of Parking Hoche SA's requisition; return the requisition number."""
    number, link = first_link(portal, sql, db)
    _, location, headers = tus_create(link, camera_of(db, sql, number), "export.mp4", len(data))
    patch = {**headers, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
    assert request(location, "PATCH", data, patch)[0] == 204
    return number


def test_fetchfootage_fetches_checks_and_reports_the_deposits(
    portal, db, sql, investigator, camreq_processing, tmp_path
):
    data = os.urandom(1024 * 1024 + 5)
    number = deposit_file(portal, db, sql, data)
    result = camreq_processing.run(
        "camreq:fetchfootage", {"CONNECTION": investigator, "NUMBER": number, "OUTPUT_FOLDER": str(tmp_path / "out")}
    )
    assert result["FILES"] == 1
    [fetched] = [p for p in (tmp_path / "out").iterdir() if p.suffix == ".mp4"]
    assert fetched.read_bytes() == data
    report = "".join(page.extract_text() for page in PdfReader(result["REPORT"]).pages)
    assert number in report and hashlib.sha256(data).hexdigest()[:20] in re.sub(r"\s", "", report)


def test_a_stored_file_altered_after_upload_is_refused_by_fetchfootage(
    portal, db, sql, investigator, camreq_processing, tmp_path
):
    from qgis.core import QgsProcessingException

    number = deposit_file(portal, db, sql, os.urandom(4096))
    [(upload_id,)] = sql(db, "SELECT upload_id FROM camreq.portal_deposits")
    stored = portal["server"].storage / "deposits" / upload_id
    stored.write_bytes(b"X" + stored.read_bytes()[1:])
    with pytest.raises(QgsProcessingException, match=r"REFUSED: export\.mp4 .* the stored file was altered"):
        camreq_processing.run(
            "camreq:fetchfootage", {"CONNECTION": investigator, "NUMBER": number, "OUTPUT_FOLDER": str(tmp_path / "o")}
        )
    assert not any((tmp_path / "o").glob("*.mp4"))


def test_fetchfootage_is_refused_to_another_unit(portal, db, sql, logins, camreq_processing, tmp_path):
    from qgis.core import QgsProcessingException

    number = deposit_file(portal, db, sql, os.urandom(10))
    with pytest.raises(QgsProcessingException):
        camreq_processing.run(
            "camreq:fetchfootage",
            {"CONNECTION": logins["investigator"], "NUMBER": number, "OUTPUT_FOLDER": str(tmp_path)},
        )
    assert sql(db, "SELECT count(*) FROM camreq.portal_fetch_tokens") == [(0,)]


def test_the_portal_log_has_a_line_per_request_and_no_token(portal, db, sql, investigator):
    number, link = first_link(portal, sql, db)
    token = link.rsplit("/r/", 1)[1]
    server = portal["server"]
    assert request(link + "/document")[0] == 200
    cookie, csrf = csrf_of(link)
    form = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    assert request(link + "/accuse", "POST", f"csrf={csrf}".encode(), form)[0] == 200  # 303, then the page
    deposit_file(portal, db, sql, b"footage")
    near_miss = token[:-1] + ("B" if token.endswith("A") else "A")  # a typo: 42 of the token's 43 characters
    assert request(server.url + "/r/" + near_miss)[0] == 404
    fetch_token = secrets.token_urlsafe(32)
    [(requisition,)] = sql(db, "SELECT id FROM camreq.requisitions WHERE number = %s", (number,))
    sql(investigator, "SELECT camreq.portal_fetch_token(%s, %s)", (requisition, fetch_token))
    bearer = {"Authorization": f"Bearer {fetch_token}"}
    status, _, body = request(server.url + "/fetch", headers=bearer)
    [upload_id] = [deposit["upload_id"] for deposit in json.loads(body)["deposits"]]
    assert status == 200 and request(f"{server.url}/fetch/{upload_id}", headers=bearer)[0] == 200
    log = server.printed()
    for secret in (token, fetch_token):
        assert secret[:20] not in log and secret[-20:] not in log

    def shown(sent: str) -> str:
        """Return how the log shows a link's path: the first 6 hex digits of the SHA-256 of what was sent."""
        return "/r/sha256:" + hashlib.sha256(sent.encode()).hexdigest()[:6]  # as in camreq.portal_links

    link_path = shown(token)
    for line in (f'"GET {link_path} HTTP/1.1" 200', f'"GET {link_path}/document HTTP/1.1" 200',
                 f'"POST {link_path}/accuse HTTP/1.1" 303', f'"POST {link_path}/tus HTTP/1.1" 201',
                 f'"PATCH {link_path}/tus/{upload_id} HTTP/1.1" 204', f'"GET {shown(near_miss)} HTTP/1.1" 404',
                 '"GET /fetch HTTP/1.1" 200', f'"GET /fetch/{upload_id} HTTP/1.1" 200'):  # fmt: skip
        assert line in log, line


def test_the_followup_tab_shows_the_link_opening_flags_unopened_links_and_lists_deposits(
    portal, db, sql, investigator, qgis_iface
):
    from camreq.dialogs.followup_tab import FollowupTab
    from camreq.settings import Settings

    from .test_dock_flow import wait_until

    data = os.urandom(100)
    opened = deposit_file(portal, db, sql, data)  # the page was opened to deposit
    assert sql(db, "SELECT bool_and(purge_deadline < now() + interval '48 hours') FROM camreq.requisitions") == [
        (True,)
    ]  # the scene's footage (incident of 26/11/2026, kept 7 days) is purged soon: unopened links are flagged
    tab = FollowupTab(qgis_iface.messageBar(), Settings(connection=investigator, officer_unit="SD Grenoble"))
    tab.refresh()
    wait_until(lambda: tab.model.rowCount() == 3 and not tab.running, "the follow-up list")
    rows = {tab.model.record_at(i).number: i for i in range(3)}
    status = {number: tab.model.data(tab.model.index(i, 2)) for number, i in rows.items()}
    assert not status[opened].startswith("⚠")
    assert all(text.startswith("⚠") for number, text in status.items() if number != opened)
    tip = tab.model.data(tab.model.index(rows[opened], 2), Qt.ItemDataRole.ToolTipRole)
    [(first_opened,)] = sql(db, "SELECT first_opened_at FROM camreq.portal_links l JOIN camreq.requisitions r "
                                "ON r.id = l.requisition_id WHERE r.number = %s", (opened,))  # fmt: skip
    assert tip.endswith(f"portal link first opened {display(first_opened)}")
    tab.requisitionsView.setCurrentIndex(tab.model.index(rows[opened], 0))
    wait_until(lambda: tab.deposits.rowCount() == 1 and not tab.running, "the deposits")
    assert tab.deposits.data(tab.deposits.index(0, 3)) == hashlib.sha256(data).hexdigest()
    assert tab.downloadButton.isEnabled()


def test_confirming_emails_the_receipt_to_the_owner_and_a_notice_to_the_officer(portal, db, sql, smtp_server, send):
    data = os.urandom(2048)
    number = deposit_file(portal, db, sql, data)
    _, link = first_link(portal, sql, db)
    others = sql(db, "SELECT c.id FROM camreq.requisition_cameras c JOIN camreq.requisitions r "
                     "ON r.id = c.requisition_id WHERE r.number = %s ORDER BY c.id OFFSET 1", (number,))  # fmt: skip
    for camera in others:
        cookie, csrf = csrf_of(link)
        form = f"csrf={csrf}&camera={camera[0]}&reason=not_in_view".encode()
        headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
        assert request(link + "/aucune", "POST", form, headers)[0] == 200  # redirected to the page
    cookie, csrf = csrf_of(link)
    status, _, body = request(link + "/confirme", "POST", f"csrf={csrf}".encode(),
                              {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert status == 200 and "Votre réponse est enregistrée" in body.decode()
    handler, port = smtp_server()
    send(port)
    mails = {}
    for envelope in handler.envelopes:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        mails[message["Subject"]] = (envelope.rcpt_tos, message)
    receipt_to, receipt = mails[f"Reçu de votre réponse à la réquisition judiciaire n° {number}"]
    assert receipt_to == ["videos@hoche.example.org"]
    [attachment] = list(receipt.iter_attachments())
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(attachment.get_content())).pages)
    assert hashlib.sha256(data).hexdigest()[:16] in re.sub(r"\s", "", text) and "export.mp4" in text
    notice = [(to, m) for subject, (to, m) in mails.items() if subject.startswith(f"Réquisition {number} ")]
    assert [to for to, _ in notice] == [["claire.martin@example.org"]]
    assert sql(db, "SELECT status FROM camreq.requisitions WHERE number = %s", (number,)) == [("footage_delivered",)]


def test_a_deposit_that_would_fill_the_disk_is_refused(portal, db, sql):
    number, link = first_link(portal, sql, db)
    server = portal["server"]
    server.stop()
    server.options = ["--min-free-gb", "1000000"]  # a million GB must stay free: no disk has that
    server.start()
    assert tus_create(link, camera_of(db, sql, number), "a.mp4", 10)[0] == 507
    assert sql(db, "SELECT count(*) FROM camreq.portal_deposits") == [(0,)]


CLAMD = "/usr/sbin/clamd"  # Debian's clamav-daemon
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def clamd_pongs(path: str) -> bool:
    """Return whether a clamd answers PING on the unix socket at path."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(10)
        try:
            connection.connect(path)
            connection.sendall(b"zPING\0")
            return connection.recv(16) == b"PONG\0"
        except OSError:
            return False


@pytest.fixture(scope="module")
def clamd_socket(tmp_path_factory) -> Iterator[str]:
    """Debian's real clamd on a unix socket of its own, its database one body signature: the EICAR test string."""
    folder = tmp_path_factory.mktemp("clamd")
    (folder / "db").mkdir()  # no freshclam (no internet): a custom database, loaded in under a second
    signature = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE".hex()
    (folder / "db" / "camreq-test.ndb").write_text(f"Eicar-Test-Signature:0:*:{signature}\n")
    path = folder / "clamd.sock"
    config = folder / "clamd.conf"  # no TCPSocket: the unix socket only; no User: it runs as whoever starts it
    config.write_text(f"DatabaseDirectory {folder / 'db'}\nLocalSocket {path}\n")
    log = folder / "clamd.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [CLAMD, "--foreground", f"--config-file={config}"], stdout=output, stderr=subprocess.STDOUT
        )
    try:
        while not clamd_pongs(str(path)):  # until its database is loaded and it answers (or it died)
            assert process.poll() is None, log.read_text(errors="replace")
            time.sleep(0.05)
        yield str(path)
    finally:
        process.terminate()
        process.wait()


def test_with_clamd_a_flagged_file_is_quarantined_and_reported(portal, db, sql, clamd_socket):
    server = portal["server"]
    server.stop()
    server.options = ["--clamd-socket", clamd_socket]
    server.start()
    number, link = first_link(portal, sql, db)
    for name, data in (("clean.mp4", b"plain footage"), ("eicar.com", EICAR)):
        _, location, headers = tus_create(link, camera_of(db, sql, number), name, len(data))
        patch = {**headers, "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
        assert request(location, "PATCH", data, patch)[0] == 204
    deposits = sql(db, "SELECT file_name, scan_result, scan_detail FROM camreq.portal_deposits")
    assert {name: (result, detail) for name, result, detail in deposits} == {
        "clean.mp4": ("clean", "stream: OK"),
        "eicar.com": ("infected", "stream: Eicar-Test-Signature.UNOFFICIAL FOUND"),  # clamd's own answer
    }
    [(flagged,)] = sql(db, "SELECT upload_id FROM camreq.portal_deposits WHERE scan_result = 'infected'")
    assert os.listdir(server.storage / "quarantine") == [flagged] and flagged not in os.listdir(
        server.storage / "deposits"
    )
    assert "refusé par l'antivirus" in request(link)[2].decode()


def test_in_the_browser_an_upload_cut_by_a_server_restart_resumes_with_the_right_hash(portal, db, sql, tmp_path):
    from playwright.sync_api import sync_playwright

    _, link = first_link(portal, sql, db)
    footage = tmp_path / "long export.mp4"
    with footage.open("wb") as file:
        for _ in range(256):
            file.write(os.urandom(1 << 20))
    incoming = portal["server"].storage / "incoming"
    with sync_playwright() as playwright:
        browser, page = browser_page(playwright)
        page.goto(link)
        page.get_by_label("Déposer des fichiers d'images pour la caméra HOC-01").set_input_files(str(footage))
        page.get_by_role("button", name="Envoyer les fichiers choisis").first.click()
        while not any(path.stat().st_size >= 8 << 20 for path in incoming.iterdir()):  # a first chunk arrived
            time.sleep(0.005)
        portal["server"].stop()  # cut in the middle: the browser's requests fail, it retries
        [partial] = list(incoming.iterdir())
        assert 0 < partial.stat().st_size < footage.stat().st_size
        portal["server"].start()
        page.wait_for_selector("td.hash", timeout=120_000)
        assert page.locator("td.hash").inner_text() == hashlib.sha256(footage.read_bytes()).hexdigest()
        browser.close()
    assert sql(db, "SELECT count(*), min(size) FROM camreq.portal_deposits") == [(1, 256 << 20)]


def test_deposits_are_deleted_after_the_retention_and_the_deletion_is_recorded(portal, db, sql):
    number = deposit_file(portal, db, sql, os.urandom(64))
    sql(db, "UPDATE camreq.requisitions SET status = 'refused' WHERE number = %s", (number,))
    [(upload_id,)] = sql(db, "SELECT upload_id FROM camreq.portal_deposits")
    stored = portal["server"].storage / "deposits" / upload_id
    assert stored.exists()
    sql(db, "ALTER TABLE camreq.requisition_status_history DISABLE TRIGGER requisition_status_history_append_only")
    sql(
        db, "UPDATE camreq.requisition_status_history SET changed_at = changed_at - interval '91 days'"
    )  # closed long ago
    sql(db, "ALTER TABLE camreq.requisition_status_history ENABLE TRIGGER requisition_status_history_append_only")
    portal["server"].stop()
    portal["server"].start()  # the portal deletes expired deposits when it starts, then every hour
    for _ in range(1200):  # until the deletion is recorded (a minute at most)
        if sql(db, "SELECT deleted_at IS NOT NULL FROM camreq.portal_deposits")[0][0]:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the expired deposit was not deleted")
    assert not stored.exists()
    audited = sql(db, "SELECT old_values ->> 'deleted_at', new_values ->> 'deleted_at' FROM camreq.audit_log "
                      "WHERE table_name = 'portal_deposits' AND operation = 'UPDATE' "
                      "ORDER BY id DESC LIMIT 1")  # fmt: skip
    assert audited[0][0] is None and audited[0][1] is not None
