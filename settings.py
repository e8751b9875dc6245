"""CamReq's user settings: one QgsSettings group behind a small typed class (secrets only as authcfg ids)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from qgis.core import QgsSettings

from .core.signing import SigningSource
from .core.vocabulary import Mode, SmtpSecurity

GROUP = "camreq"


@dataclass
class Settings:
    """What the dock and the algorithms' defaults read; load() and save() keep it in QgsSettings."""

    connection: str = ""  # name of a QGIS PostgreSQL connection
    mode: str = Mode.INVESTIGATOR.value  # the panel only, or also the registry tools
    officer_name: str = ""
    officer_rank: str = ""
    officer_unit: str = ""
    officer_email: str = ""
    officer_phone: str = ""
    unit_address: str = ""
    unit_city: str = ""
    basemap: str = ""  # any layer source QGIS opens, drawn under requisition maps
    basemap_attribution: str = ""  # whose map it is, printed under them
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = SmtpSecurity.STARTTLS.value
    smtp_authcfg: str = ""  # id of a QGIS authentication configuration, never a password
    smtp_from: str = ""
    default_radius_m: int = 200
    signing_authcfg: str = ""  # id of a PKI PKCS#12 QGIS authentication configuration: the officer's certificate
    pkcs11_module: str = ""  # or a smartcard: its PKCS#11 library, slot (-1: the first holding the key), key label
    pkcs11_slot: int = -1
    pkcs11_key_label: str = ""
    pkcs11_pin_authcfg: str = ""  # id of a Basic configuration whose password is the PIN; empty: asked for
    timestamp_url: str = ""  # RFC 3161 timestamp server; empty: signatures without timestamp (PAdES B-B)

    @classmethod
    def load(cls) -> Settings:
        """Return the settings saved in the QGIS profile, defaults where none were saved."""
        stored = QgsSettings()
        values = {}
        for field in fields(cls):
            default = getattr(cls, field.name)
            values[field.name] = stored.value(f"{GROUP}/{field.name}", default, type=type(default))
        return cls(**values)

    def signing_source(self, pin: str = "") -> SigningSource:
        """Return where the officer's certificate is, with a PIN typed for this run (never saved)."""
        return SigningSource(
            self.signing_authcfg, self.pkcs11_module, self.pkcs11_slot if self.pkcs11_slot >= 0 else None,
            self.pkcs11_key_label, self.pkcs11_pin_authcfg, pin, self.timestamp_url,
        )  # fmt: skip

    @property
    def asks_for_pin(self) -> bool:
        """Return whether issuing asks for the smartcard's PIN (a card is set, without a PIN configuration)."""
        return bool(self.pkcs11_module and not self.signing_authcfg and not self.pkcs11_pin_authcfg)

    def save(self) -> None:
        """Write every setting to the QGIS profile."""
        stored = QgsSettings()
        for field in fields(self):
            stored.setValue(f"{GROUP}/{field.name}", getattr(self, field.name))
