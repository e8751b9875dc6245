"""Electronic signature of issued requisitions (PAdES B-B, or B-T with a timestamp server), with pyHanko.

One module for every place that issues (toolbox, dock, qgis_process). The officer's key comes from the QGIS
authentication database (a PKI PKCS#12 configuration) or from a PKCS#11 token (a smartcard), whose PIN is read
from a Basic QGIS authentication configuration (its password) or typed in the panel: never stored in settings,
logs or messages. The certificate is checked (valid now, a signing key usage) before anything is numbered.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from typing import TYPE_CHECKING

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..errors import CamreqError
from .times import display, now
from .translation import tr

if TYPE_CHECKING:  # pyHanko is imported when a requisition is signed, not when the plugin loads
    from pyhanko.sign.signers import Signer

SIGNATURE_FIELD = "Signature"
SIGNING_USAGES = {"digital_signature", "non_repudiation"}  # one of them makes a key fit to sign documents


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes: a page (0-based) and a rectangle in whole PDF points (x1, y1, x2, y2)."""

    page: int
    rectangle: tuple[int, int, int, int]


@dataclass(frozen=True)
class SigningSource:
    """Where the officer's certificate and key are: a PKCS#12 authcfg id, or a PKCS#11 token; none: unsigned."""

    authcfg: str = ""  # QGIS authentication configuration of method PKI-PKCS#12
    pkcs11_module: str = ""  # path of the token's PKCS#11 library
    pkcs11_slot: int | None = None  # None: the first slot holding the key
    pkcs11_key_label: str = ""
    pin_authcfg: str = ""  # Basic QGIS authentication configuration whose password is the token's PIN
    pin: str = field(default="", repr=False)  # typed in the panel for this run only
    timestamp_url: str = ""  # RFC 3161 server: PAdES B-T; none: B-B

    @property
    def configured(self) -> bool:
        """Return whether a certificate is given (else requisitions are issued unsigned, if the policy allows)."""
        return bool(self.authcfg.strip() or self.pkcs11_module.strip())


UNSIGNED = SigningSource()  # no certificate configured


def policy_refusal(policy: str, source: SigningSource) -> CamreqError | None:
    """Return the error issuing meets under the database's signing policy, or None when it may go on."""
    if policy == "required" and not source.configured:
        return CamreqError(
            tr(
                "this database requires signed requisitions: give the officer's certificate (SIGNING_AUTHCFG, a QGIS "
                "PKI PKCS#12 configuration, or PKCS11_MODULE and PKCS11_KEY_LABEL for a smartcard)."
            ),
            "SIGNING_AUTHCFG",
        )
    return None


@contextmanager
def opened_signer(source: SigningSource) -> Iterator[Signer | None]:
    """Yield a pyHanko signer for source, its certificate checked (None when no certificate is configured)."""
    if not source.configured:
        yield None
        return
    if source.authcfg.strip():
        signer = _pkcs12_signer(source.authcfg.strip())
        check_certificate(signer.signing_cert, now(), "SIGNING_AUTHCFG")
        yield signer
        return
    with _pkcs11_session(source) as session:
        signer = _pkcs11_signer(session, source)
        check_certificate(signer.signing_cert, now(), "PKCS11_KEY_LABEL")
        yield signer


def check_certificate(certificate: object, moment: datetime, parameter: str) -> None:
    """Raise CamreqError naming parameter when the certificate is not valid at moment or may not sign documents."""
    subject = certificate.subject.human_friendly  # type: ignore[attr-defined]
    starts, ends = certificate.not_valid_before, certificate.not_valid_after  # type: ignore[attr-defined]
    if moment < starts:
        raise CamreqError(
            tr("the certificate of {subject} is not valid before {start}.").format(
                subject=subject, start=display(starts)
            ),
            parameter,
        )
    if moment > ends:
        raise CamreqError(
            tr("the certificate of {subject} expired on {end}.").format(subject=subject, end=display(ends)), parameter
        )
    usage = certificate.key_usage_value  # type: ignore[attr-defined]
    if usage is not None and not SIGNING_USAGES & set(usage.native):
        raise CamreqError(
            tr(
                "the certificate of {subject} may not sign documents (its key usage has neither digitalSignature nor "
                "nonRepudiation)."
            ).format(subject=subject),
            parameter,
        )


def sign_pdf(
    pdf: bytes, signer: Signer, box: SignatureBox, signed_at: datetime, officer: str, city: str, timestamp_url: str
) -> bytes:
    """Return the PDF with a PAdES signature appended (incremental update), visible over box."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps

    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=officer,
        location=city,
        reason="Réquisition judiciaire",
    )
    pdf_signer = signers.PdfSigner(
        metadata,
        signer,
        timestamper=timestamps.HTTPTimeStamper(timestamp_url) if timestamp_url else None,
        stamp_style=_frame_style(),  # type: ignore[arg-type]
        new_field_spec=fields.SigFieldSpec(SIGNATURE_FIELD, on_page=box.page, box=box.rectangle),
    )
    try:
        signed = pdf_signer.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf), strict=False))
    except Exception as error:  # pyHanko, the token or the timestamp server: say what failed, never the PIN
        raise CamreqError(
            tr("the requisition could not be signed: {reason}").format(reason=_reason(error)),
            "TIMESTAMP_URL" if timestamp_url and "timestamp" in str(error).lower() else "",
        ) from None
    return signed.getvalue()


def _reason(error: Exception) -> str:
    """Return an exception as one short line."""
    return (str(error) or type(error).__name__).splitlines()[0][:200]


def _frame_style() -> object:
    """Return a stamp style drawing a thin frame only: the words are the page's, in its embedded fonts (PDF/A)."""
    from pyhanko.stamp.base import BaseStamp, BaseStampStyle

    class Frame(BaseStamp):
        """A signature appearance without text, so that no unembedded font enters the file."""

        def _render_inner_content(self) -> list:
            """Return no content inside the frame."""
            return []

    class FrameStyle(BaseStampStyle):
        """The style of Frame."""

        def create_stamp(self, writer, box, text_params):
            """Return a stamp drawing the frame only."""
            return Frame(writer, self, box)

    return FrameStyle(border_width=1)


def _auth_config(authcfg: str, parameter: str) -> QgsAuthMethodConfig:
    """Return a QGIS authentication configuration with its secrets; raise naming parameter where it cannot be read."""
    config = QgsAuthMethodConfig()
    if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True) or not config.isValid(True):
        raise CamreqError(
            tr(
                "the QGIS authentication configuration '{authcfg}' cannot be read: check that it exists and that the "
                "master password is set."
            ).format(authcfg=authcfg),
            parameter,
        )
    return config


def _pkcs12_signer(authcfg: str) -> Signer:
    """Return a signer loaded from the PKCS#12 file of a PKI PKCS#12 authentication configuration."""
    from pyhanko.sign import signers

    config = _auth_config(authcfg, "SIGNING_AUTHCFG")
    if config.method() != "PKI-PKCS#12":
        raise CamreqError(
            tr("'{authcfg}' is a {method} configuration, not PKI PKCS#12.").format(
                authcfg=authcfg, method=config.method()
            ),
            "SIGNING_AUTHCFG",
        )
    passphrase = config.config("certpass").encode() or None
    try:
        with open(config.config("certpath"), "rb") as file:
            signer = signers.SimpleSigner.load_pkcs12_data(file.read(), other_certs=(), passphrase=passphrase)
    except (OSError, ValueError) as error:
        raise CamreqError(
            tr("the PKCS#12 file of '{authcfg}' cannot be opened: {reason}").format(
                authcfg=authcfg, reason=getattr(error, "strerror", None) or tr("wrong password or not a PKCS#12 file")
            ),
            "SIGNING_AUTHCFG",
        ) from None
    if signer is None:
        raise CamreqError(
            tr("the PKCS#12 file of '{authcfg}' holds no key.").format(authcfg=authcfg), "SIGNING_AUTHCFG"
        )
    return signer


@contextmanager
def _pkcs11_session(source: SigningSource) -> Iterator[object]:
    """Yield a logged-in session on the token (the PIN from pin_authcfg or typed), closed afterwards."""
    import pkcs11
    from pyhanko.sign.pkcs11 import open_pkcs11_session

    pin = source.pin or (
        _auth_config(source.pin_authcfg, "PKCS11_PIN_AUTHCFG").config("password") if source.pin_authcfg else ""
    )
    if not pin:
        raise CamreqError(
            tr("the smartcard's PIN is needed (PKCS11_PIN_AUTHCFG, or type it in the panel)."), "PKCS11_PIN_AUTHCFG"
        )
    try:
        slot = source.pkcs11_slot if source.pkcs11_slot is not None else _first_card(source.pkcs11_module)
        session = open_pkcs11_session(source.pkcs11_module, slot_no=slot, user_pin=pin)
    except pkcs11.PinIncorrect:
        raise CamreqError(tr("the smartcard refused the PIN."), "PKCS11_PIN_AUTHCFG") from None
    except (pkcs11.PKCS11Error, OSError, RuntimeError) as error:
        raise CamreqError(
            tr("the smartcard cannot be opened with {module}: {reason}").format(
                module=source.pkcs11_module, reason=f"{type(error).__name__} {error}".strip()
            ),
            "PKCS11_MODULE",
        ) from None
    try:
        yield session
    finally:
        session.close()


def _first_card(module: str) -> int:
    """Return the index of the module's first slot holding an initialised token (a card in its reader)."""
    from pkcs11 import SlotFlag, TokenFlag
    from pyhanko.sign.pkcs11 import PKCS11Error, p11_lib

    for index, slot in enumerate(p11_lib(module).get_slots()):
        if SlotFlag.TOKEN_PRESENT in slot.flags and TokenFlag.TOKEN_INITIALIZED in slot.get_token().flags:
            return index
    raise PKCS11Error("no card in any reader")


def _pkcs11_signer(session: object, source: SigningSource) -> Signer:
    """Return a signer using the token's key and certificate of the given label."""
    from pyhanko.sign.pkcs11 import PKCS11Signer

    # hashed here, signed raw on the card: SoftHSM2 and many smartcards lack the combined ECDSA-with-SHA256
    signer = PKCS11Signer(session, key_label=source.pkcs11_key_label.strip(), use_raw_mechanism=True)  # type: ignore[arg-type]
    try:
        signer.signing_cert  # noqa: B018 (reads the certificate from the token)
    except Exception:  # pyHanko raises a plain error for a label the token lacks
        raise CamreqError(
            tr("the smartcard has no certificate labelled {label}.").format(label=source.pkcs11_key_label),
            "PKCS11_KEY_LABEL",
        ) from None
    return signer
