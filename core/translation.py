"""Translation of the texts core/ and processing/ show users; the dialogs translate with their QObject.tr()."""

from __future__ import annotations

from qgis.PyQt.QtCore import QT_TR_NOOP, QCoreApplication

# pylupdate5 files a literal marked outside a class's methods (tr() in a function, QT_TR_NOOP() for a class
# attribute or a constant) under this context, and self.tr() in a method under the class's name.
DEFAULT_CONTEXT = "@default"


def tr(text: str) -> str:
    """Return text translated in the user's language (QGIS's locale), as marked by tr() or QT_TR_NOOP()."""
    return QCoreApplication.translate(DEFAULT_CONTEXT, text)


def tr_for(cls: type, text: str) -> str:
    """Return text marked by self.tr() in a method of cls or of one of its base classes, or by QT_TR_NOOP()."""
    for context in cls.__mro__:
        translated = QCoreApplication.translate(context.__name__, text)
        if translated != text:
            return translated
    return tr(text)


# The name people read for each Processing parameter id that a core, db or SQL message starts with ("CAMERAS: …"):
# the toolbox and qgis_process show the id, the panel this label (tests/unit/test_parameter_labels.py finds them all).
PARAMETER_LABELS = {
    "ANSWER_DEADLINE": QT_TR_NOOP("Answer deadline"),
    "AUTHORISATION_REF": QT_TR_NOOP("Authorisation reference"),
    "BASEMAP": QT_TR_NOOP("Base map"),
    "BASEMAP_ATTRIBUTION": QT_TR_NOOP("Base map attribution"),
    "CAMERAS": QT_TR_NOOP("Cameras"),
    "CASE_NUMBER": QT_TR_NOOP("Case number"),
    "CRS": QT_TR_NOOP("Storage CRS"),
    "DELIVERY": QT_TR_NOOP("Delivery"),
    "DISTANCE": QT_TR_NOOP("Search distance"),
    "END": QT_TR_NOOP("Incident end"),
    "FIELD_MAP": QT_TR_NOOP("Field mapping"),
    "FROM": QT_TR_NOOP("Sender address"),
    "ID_FIELD": QT_TR_NOOP("Incident id"),
    "INCIDENTS": QT_TR_NOOP("Incident"),
    "INPUT": QT_TR_NOOP("Input file"),
    "LOGIN": QT_TR_NOOP("Login"),
    "MARGIN_MINUTES": QT_TR_NOOP("Time margin"),
    "NO_FOOTAGE_REASON": QT_TR_NOOP("Why there is no footage"),
    "NOTE": QT_TR_NOOP("Note"),
    "NUMBER": QT_TR_NOOP("Requisition number"),
    "OFFICER_NAME": QT_TR_NOOP("Officer name"),
    "OFFICER_RANK": QT_TR_NOOP("Rank"),
    "OFFICER_UNIT": QT_TR_NOOP("Unit"),
    "OUTPUT_FOLDER": QT_TR_NOOP("PDF folder"),
    "PKCS11_KEY_LABEL": QT_TR_NOOP("Smartcard key label"),
    "PKCS11_MODULE": QT_TR_NOOP("Smartcard library"),
    "PKCS11_PIN_AUTHCFG": QT_TR_NOOP("Smartcard PIN"),
    "REASON": QT_TR_NOOP("Reason for the search"),
    "ROLE": QT_TR_NOOP("Role"),
    "SIGNING_AUTHCFG": QT_TR_NOOP("Signing certificate"),
    "SMTP_AUTHCFG": QT_TR_NOOP("Mail server login"),
    "SMTP_HOST": QT_TR_NOOP("Mail server"),
    "SMTP_SECURITY": QT_TR_NOOP("Mail server security"),
    "SPEED_KMH": QT_TR_NOOP("Speed"),
    "START": QT_TR_NOOP("Incident start"),
    "START_FIELD": QT_TR_NOOP("Start field"),
    "STATUS": QT_TR_NOOP("Status"),
    "TIMESTAMP_URL": QT_TR_NOOP("Timestamp server"),
    "TO": QT_TR_NOOP("End of period"),
    "TRUST_ROOTS": QT_TR_NOOP("Trusted root certificates"),
    "UNIT": QT_TR_NOOP("Unit"),
    "UNIT_CITY": QT_TR_NOOP("Unit's city"),
}


def parameter_label(parameter: str) -> str:
    """Return the translated name of a Processing parameter id, or "" for an id without one."""
    return tr(PARAMETER_LABELS[parameter]) if parameter in PARAMETER_LABELS else ""
