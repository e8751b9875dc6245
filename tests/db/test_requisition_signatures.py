"""Signed requisitions (PAdES): signing at issue time from a QGIS PKCS#12 configuration or a SoftHSM2 token, the
certificate checks before numbering, the database's policy, camreq:verifyrequisition, PDF/A, and no secret leaks."""

from __future__ import annotations

import email
import hashlib
import io
import re
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pypdf
import pytest
from camreq.core import demo_pki
from camreq.core.times import display_long_fr, now
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID
from qgis.core import QgsApplication, QgsProcessingException, QgsSettings


@pytest.fixture
def officer_authcfg(pkcs12_authcfg, ca) -> str:
    """Return the authcfg id of a valid officer's certificate."""
    return pkcs12_authcfg(demo_pki.officer(ca, "Claire Martin"), ca)


@pytest.fixture
def timestamp_server(ca):
    """Return the URL of a real RFC 3161 server on loopback, answering with pyHanko's timestamping code."""
    from asn1crypto import keys, tsp
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    tsa = demo_pki.officer(
        ca, "CamReq test TSA", usage=demo_pki.SIGNING_USAGE,
        extended_usage=x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
        key=rsa.generate_private_key(public_exponent=65537, key_size=2048),  # pyHanko's test TSA signs with RSA
    )  # fmt: skip
    stamper = DummyTimeStamper(
        asn1_x509.Certificate.load(tsa.certificate.public_bytes(serialization.Encoding.DER)),
        keys.PrivateKeyInfo.load(tsa.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
    )  # fmt: skip
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            requests.append(request)
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/tsa", requests
    server.shutdown()
    server.server_close()


def stored_documents(sql, db) -> dict[str, tuple[bytes, str]]:
    """Return {number: (issued PDF, recorded SHA-256)}."""
    rows = sql(db, """SELECT r.number, d.pdf, d.sha256 FROM camreq.requisition_documents d
                      JOIN camreq.requisitions r ON r.id = d.requisition_id WHERE d.issued""")  # fmt: skip
    return {number: (bytes(pdf), sha) for number, pdf, sha in rows}


def validate(pdf: bytes, ca: demo_pki.Identity):
    """Return pyHanko's validation status of the PDF's last signature against the test CA."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(ca.certificate.public_bytes(serialization.Encoding.DER))
    signatures = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert len(signatures) == 1
    return validate_pdf_signature(signatures[0], ValidationContext(trust_roots=[root], allow_fetching=False))


def pdf_text(pdf: bytes) -> str:
    """Return the text of every page, whitespace collapsed."""
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())


def state(sql, db) -> list:
    """Return what issuing changes: requisitions, numbers given, documents, outbox."""
    return [sql(db, "SELECT id, status, number FROM camreq.requisitions ORDER BY id"),
            sql(db, "SELECT * FROM camreq.requisition_counters ORDER BY 1, 2"),
            sql(db, "SELECT count(*) FROM camreq.requisition_documents"),
            sql(db, "SELECT count(*) FROM camreq.requisition_outbox")]  # fmt: skip


def test_issued_pdf_is_signed_from_the_qgis_pkcs12_config_and_is_the_one_recorded_and_mailed(
    create, cameras_layer, officer_authcfg, ca, scene, sql, tmp_path, smtp_server, send
):
    before = now().replace(second=0, microsecond=0)
    create(cameras_layer(), SIGNING_AUTHCFG=officer_authcfg)
    documents = stored_documents(sql, scene["db"])
    assert len(documents) == 3
    for number, (pdf, sha256) in documents.items():
        status = validate(pdf, ca)
        assert status.intact and status.valid and status.trusted
        assert status.coverage.name == "ENTIRE_FILE"
        assert "Claire Martin" in status.signing_cert.subject.human_friendly
        assert sha256 == hashlib.sha256(pdf).hexdigest()
        assert [path.read_bytes() for path in (tmp_path / "pdf").glob(f"{number}_*.pdf")] == [pdf]
        signed_at = status.signer_reported_dt
        assert before <= signed_at <= now()
        assert f"Signé électroniquement par Claire Martin, Capitaine, le {display_long_fr(signed_at)}" in pdf_text(pdf)
    handler, port = smtp_server()
    send(port)
    attachments = {}
    for envelope in handler.envelopes:
        message = email.message_from_bytes(envelope.content)
        for part in message.walk():
            if part.get_content_type() == "application/pdf":
                attachments[part.get_filename().split("_")[0]] = part.get_payload(decode=True)
    mailed = {number for (number,) in sql(scene["db"], """SELECT r.number FROM camreq.requisition_outbox b
              JOIN camreq.requisitions r ON r.id = b.requisition_id WHERE b.to_address IS NOT NULL""")}  # fmt: skip
    assert mailed and attachments == {number: documents[number][0] for number in mailed}


def test_a_draft_issued_with_a_softhsm2_token_is_signed_with_the_token_key(
    create, cameras_layer, token, basic_authcfg, signing_secrets, camreq_processing, ca, scene, sql
):
    create(cameras_layer(), ISSUE=False)
    draft = sql(scene["db"], "SELECT min(id) FROM camreq.requisitions")[0][0]
    result = camreq_processing.run("camreq:setrequisitionstatus", {
        "CONNECTION": scene["db"], "NUMBER": str(draft), "STATUS": "issued", "UNIT_CITY": "Grenoble",
        "PKCS11_PIN_AUTHCFG": basic_authcfg("pin", signing_secrets["pin"]), **token,
    })  # fmt: skip
    pdf, _ = stored_documents(sql, scene["db"])[result["NUMBER"]]
    status = validate(pdf, ca)
    assert status.intact and status.valid and status.trusted
    assert "carte agent" in status.signing_cert.subject.human_friendly


def test_a_wrong_pin_is_refused_without_showing_it_and_issues_nothing(
    create, cameras_layer, token, basic_authcfg, scene, sql
):
    before = state(sql, scene["db"])
    with pytest.raises(QgsProcessingException) as raised:
        create(cameras_layer(), PKCS11_PIN_AUTHCFG=basic_authcfg("pin", "000000"), **token)
    assert str(raised.value) == "PKCS11_PIN_AUTHCFG: the smartcard refused the PIN."
    assert state(sql, scene["db"]) == before


@pytest.mark.parametrize(
    ("validity", "message"),
    [
        ({"valid_until": now() - timedelta(days=1), "valid_from": now() - timedelta(days=30)}, "expired on"),
        ({"valid_from": now() + timedelta(days=2)}, "is not valid before"),
        ({"usage": demo_pki.ENCIPHERING_USAGE}, "may not sign documents"),
    ],
)
def test_unusable_certificates_are_refused_before_anything_is_numbered(
    validity, message, create, cameras_layer, pkcs12_authcfg, ca, scene, sql, tmp_path
):
    authcfg = pkcs12_authcfg(demo_pki.officer(ca, "Claire Martin", **validity), ca)
    before = state(sql, scene["db"])
    with pytest.raises(
        QgsProcessingException, match=rf"^SIGNING_AUTHCFG: the certificate of .*Claire Martin.* {message}"
    ):
        create(cameras_layer(), SIGNING_AUTHCFG=authcfg)
    assert state(sql, scene["db"]) == before
    assert not list((tmp_path / "pdf").glob("*.pdf"))


def test_required_policy_refuses_issuing_without_a_certificate_and_optional_issues_unsigned(
    create, cameras_layer, scene, sql
):
    sql(scene["db"], "UPDATE camreq.settings SET signing_policy = 'required'")
    before = state(sql, scene["db"])
    with pytest.raises(QgsProcessingException, match=r"^SIGNING_AUTHCFG: this database requires signed requisitions"):
        create(cameras_layer())
    assert state(sql, scene["db"]) == before
    create(cameras_layer(), ISSUE=False)  # drafts are never signed: the policy does not stop them
    sql(scene["db"], "UPDATE camreq.settings SET signing_policy = 'optional'")
    create(cameras_layer(), REPEAT=True)
    pdf = next(iter(stored_documents(sql, scene["db"]).values()))[0]
    assert not pypdf.PdfReader(io.BytesIO(pdf)).get_fields()
    assert "Signé électroniquement" not in pdf_text(pdf)


@pytest.fixture
def verify(camreq_processing, ca_pem, scene, tmp_path):
    """Return a function running camreq:verifyrequisition on PDF bytes against the test CA and the scene."""

    def run(pdf: bytes, **changes) -> dict:
        path = tmp_path / "check.pdf"
        path.write_bytes(pdf)
        parameters = {"INPUT": str(path), "CONNECTION": scene["db"], "TRUST_ROOTS": ca_pem, **changes}
        return camreq_processing.run("camreq:verifyrequisition", parameters)

    return run


@pytest.fixture
def signed(create, cameras_layer, officer_authcfg, scene, sql) -> tuple[str, bytes]:
    """Return (number, signed PDF) of one issued requisition."""
    create(cameras_layer(), SIGNING_AUTHCFG=officer_authcfg)
    number, (pdf, _) = sorted(stored_documents(sql, scene["db"]).items())[0]
    return number, pdf


def test_verify_says_intact_trusted_recorded_with_signer_and_time(signed, verify):
    number, pdf = signed
    result = verify(pdf)
    assert result["VALID"] and result["INTACT"] and result["TRUSTED"] and not result["TIMESTAMPED"]
    assert result["NUMBER"] == number
    assert result["RECORDED"] == "yes"
    assert "Claire Martin" in result["SIGNER"]
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", result["SIGNED_AT"])
    assert result["SHA256"] == hashlib.sha256(pdf).hexdigest()
    assert result["PROBLEMS"] == ""


def test_verify_without_the_ca_says_untrusted_and_without_connection_does_not_compare(signed, verify, tmp_path):
    other = demo_pki.authority("Another CA")
    path = tmp_path / "other.pem"
    path.write_bytes(other.pem())
    result = verify(signed[1], TRUST_ROOTS=str(path), CONNECTION=None)
    assert result["INTACT"] and not result["TRUSTED"] and not result["VALID"]
    assert result["RECORDED"] == "not checked"
    assert "does not chain to a trusted root" in result["PROBLEMS"]


def one_byte_changed(pdf: bytes) -> bytes:
    """Return the PDF with one byte of its signed page content changed ('Claire' becomes 'Clairf')."""
    changed = bytearray(pdf)
    changed[pdf.index(b"Claire Martin") + 5] ^= 0x03
    return bytes(changed)


def resaved(pdf: bytes) -> bytes:
    """Return the PDF as another program saves it again (pypdf rewrites the whole file)."""
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def appended(pdf: bytes) -> bytes:
    """Return the PDF with an incremental update after the signature (its language changed)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def certificate_byte_changed(pdf: bytes) -> bytes:
    """Return the PDF with one byte changed in the signature's unsigned certificate list (the CA embedded)."""
    changed = bytearray(pdf)
    position = pdf.index(b"/Contents <") + len(b"/Contents <") + 3000  # inside the embedded certificates
    changed[position] = ord("0") if pdf[position] != ord("0") else ord("1")
    return bytes(changed)


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        (one_byte_changed, "it was changed after signing"),
        (resaved, ""),
        (appended, "changed (re-saved or added to) after it was signed"),
        (lambda pdf: pdf[: len(pdf) - 200], ""),
        (certificate_byte_changed, "not the one CamReq recorded"),
    ],
    ids=["one byte", "re-saved", "appended", "truncated", "certificate byte"],
)
def test_changed_pdfs_fail_verification(tamper, problem, signed, verify):
    result = verify(tamper(signed[1]))
    assert not result["VALID"]
    assert result["RECORDED"] != "yes"  # "no", or "not checked" where not even the number can be read
    assert problem in result["PROBLEMS"]


def test_a_timestamp_server_makes_pades_b_t(
    create, cameras_layer, officer_authcfg, timestamp_server, verify, scene, sql
):
    url, requests = timestamp_server
    create(cameras_layer(), SIGNING_AUTHCFG=officer_authcfg, TIMESTAMP_URL=url)
    assert len(requests) >= 3  # one token per signature (pyHanko may ask once more to size the signature)
    pdf = next(iter(stored_documents(sql, scene["db"]).values()))[0]
    result = verify(pdf)
    assert result["VALID"] and result["TIMESTAMPED"]


def test_an_unreachable_timestamp_server_issues_nothing(
    create, cameras_layer, officer_authcfg, unused_port, scene, sql
):
    before = state(sql, scene["db"])
    with pytest.raises(QgsProcessingException, match="could not be signed"):
        create(cameras_layer(), SIGNING_AUTHCFG=officer_authcfg, TIMESTAMP_URL=f"http://127.0.0.1:{unused_port}/")
    assert state(sql, scene["db"]) == before


def test_signed_pdf_claims_pdfa_2b_in_its_xmp_and_keeps_it(signed):
    reader = pypdf.PdfReader(io.BytesIO(signed[1]))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]{1,3}2", xmp) and re.search(r"pdfaid:conformance[^A-Z]{1,3}B", xmp)
    assert reader.trailer["/Root"]["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"


def test_pin_and_pkcs12_password_never_reach_settings_logs_messages_or_outbox(
    create, cameras_layer, officer_authcfg, token, basic_authcfg, signing_secrets, scene, sql, log_feedback
):
    pin = signing_secrets["pin"]
    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, *rest: logged.append(message))
    feedback = log_feedback
    create(cameras_layer(), feedback=feedback, SIGNING_AUTHCFG=officer_authcfg)
    create(cameras_layer(), feedback=feedback, REPEAT=True, PKCS11_PIN_AUTHCFG=basic_authcfg("pin", pin), **token)
    with pytest.raises(QgsProcessingException) as raised:
        create(
            cameras_layer(), feedback=feedback, REPEAT=True, PKCS11_PIN_AUTHCFG=basic_authcfg("p", pin + "9"), **token
        )
    QgsApplication.processEvents()
    QgsSettings().sync()
    messages = feedback.lines
    texts = [*logged, *messages, str(raised.value), Path(QgsSettings().fileName()).read_text(errors="replace"),
             str(sql(scene["db"], "SELECT * FROM camreq.requisition_outbox")),
             str(sql(scene["db"], "SELECT * FROM camreq.requisition_status_history"))]  # fmt: skip
    assert messages  # the runs did report
    for secret in signing_secrets.values():
        assert not [text for text in texts if secret in text]


def test_a_french_user_reads_the_verification_in_french(french, signed, verify):
    result = verify(one_byte_changed(signed[1]))
    assert "la signature ne correspond pas au fichier : il a été modifié après la signature." in result["PROBLEMS"]
    assert result["RECORDED"] == "non"
