"""A throwaway certificate authority and officer certificates, for `make demo`, the benchmark and the tests.

Never for real requisitions: a real officer's certificate comes from the State's authority, on a smartcard or as
a PKCS#12 file in the QGIS authentication database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from .times import now

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
SIGNING_USAGE = x509.KeyUsage(True, True, False, False, False, False, False, False, False)  # digital sig., non-rep.
ENCIPHERING_USAGE = x509.KeyUsage(False, False, True, False, False, False, False, False, False)  # may not sign


@dataclass(frozen=True)
class Identity:
    """A certificate and its private key."""

    certificate: x509.Certificate
    key: PrivateKey

    def pem(self) -> bytes:
        """Return the certificate as PEM."""
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def pkcs12(self, authority: Identity, password: bytes) -> bytes:
        """Return the key, the certificate and the authority's certificate as a password-protected PKCS#12 file."""
        encryption = serialization.BestAvailableEncryption(password)
        name = self.certificate.subject.rfc4514_string().encode()
        return pkcs12.serialize_key_and_certificates(
            name, self.key, self.certificate, [authority.certificate], encryption
        )


def _name(common_name: str) -> x509.Name:
    """Return an X.509 name of a French police unit."""
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CamReq démonstration"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])  # fmt: skip


def authority(common_name: str = "CamReq demo CA") -> Identity:
    """Return a new self-signed certificate authority valid ten years."""
    key = ec.generate_private_key(ec.SECP256R1())
    start = now() - timedelta(days=1)
    certificate = (
        x509.CertificateBuilder().subject_name(_name(common_name)).issuer_name(_name(common_name))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    return Identity(certificate, key)


def officer(
    issuer: Identity,
    common_name: str,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    usage: x509.KeyUsage = SIGNING_USAGE,
    extended_usage: x509.ExtendedKeyUsage | None = None,
    key: PrivateKey | None = None,
) -> Identity:
    """Return a certificate signed by issuer (default: valid from yesterday for a year, fit to sign documents).

    extended_usage (critical) makes other kinds, such as a timestamp server's (ExtendedKeyUsageOID.TIME_STAMPING);
    key defaults to a new P-256 key.
    """
    key = key or ec.generate_private_key(ec.SECP256R1())
    start = valid_from or now() - timedelta(days=1)
    builder = (
        x509.CertificateBuilder().subject_name(_name(common_name)).issuer_name(issuer.certificate.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(valid_until or start + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), critical=False)
    )  # fmt: skip
    if extended_usage is not None:
        builder = builder.add_extension(extended_usage, critical=True)
    return Identity(builder.sign(issuer.key, hashes.SHA256()), key)
