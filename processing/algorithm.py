"""What every CamReq algorithm shares: naming, the CONNECTION parameter and error reporting."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterNumber,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.inputs import refuse_nul
from ..core.map_extract import basemap_of
from ..core.signing import SigningSource
from ..core.translation import tr_for
from ..errors import CamreqError
from ..settings import Settings

CONNECTION = "CONNECTION"


class CamreqAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set algorithm_id, label and help_text, and define initAlgorithm() and process()."""

    algorithm_id = ""  # name(): lowercase letters only, the public id after "camreq:"
    label = ""  # displayName(), in English in QT_TR_NOOP(): translated here
    help_text = ""  # shortHelpString(), in English in QT_TR_NOOP(): translated here
    group_name = QT_TR_NOOP("Database")

    def tr(self, text: str) -> str:
        """Return text marked by self.tr() in this class or a base class, or by QT_TR_NOOP(), translated."""
        return tr_for(type(self), text)

    def createInstance(self) -> CamreqAlgorithm:  # noqa: N802
        """Return a new instance, as Processing asks."""
        return type(self)()

    def name(self) -> str:
        """Return the algorithm id."""
        return self.algorithm_id

    def displayName(self) -> str:  # noqa: N802
        """Return the translated toolbox label."""
        return self.tr(self.label)

    def shortHelpString(self) -> str:  # noqa: N802
        """Return the translated help shown beside the dialog."""
        return self.tr(self.help_text)

    def group(self) -> str:
        """Return the translated toolbox group."""
        return self.tr(self.group_name)

    def groupId(self) -> str:  # noqa: N802
        """Return the toolbox group id."""
        return self.group_name.lower().replace(" ", "")

    def add_connection_parameter(self) -> None:
        """Add CONNECTION: a QGIS PostgreSQL connection name or a libpq connection string."""
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                CONNECTION,
                self.tr("Database (QGIS PostgreSQL connection, or a connection string such as service=camreq)"),
                "postgres",
            )
        )

    def add_document_parameters(self, settings: Settings) -> None:
        """Add what a requisition PDF prints besides the form: the unit's address and city, the base map.

        The settings are only the defaults shown in the dialog: a run depends on its parameters alone.
        """
        for name, label in (
            ("UNIT_ADDRESS", self.tr("Unit's address")),
            ("UNIT_CITY", self.tr("Unit's city (Fait à …)")),
            ("BASEMAP", self.tr("Base map under the map extract (XYZ or WMS URI, or a file)")),
            ("BASEMAP_ATTRIBUTION", self.tr("Base map attribution (printed under the map)")),
        ):
            self.addParameter(
                QgsProcessingParameterString(name, label, defaultValue=getattr(settings, name.lower()), optional=True)
            )

    def document_values(self, parameters: dict[str, Any], context: QgsProcessingContext) -> dict[str, Any]:
        """Return unit_address, unit_city and basemap (None without BASEMAP) from the document parameters."""
        return {
            "unit_address": self.parameterAsString(parameters, "UNIT_ADDRESS", context),
            "unit_city": self.parameterAsString(parameters, "UNIT_CITY", context),
            "basemap": basemap_of(
                self.parameterAsString(parameters, "BASEMAP", context),
                self.parameterAsString(parameters, "BASEMAP_ATTRIBUTION", context),
            ),
        }

    def add_signing_parameters(self, settings: Settings) -> None:
        """Add where the officer's certificate is (a QGIS PKCS#12 authcfg, or a smartcard) and TIMESTAMP_URL.

        The settings fill in the defaults; no PIN is ever a parameter (PKCS11_PIN_AUTHCFG names where it is).
        """
        for name, label in (
            ("SIGNING_AUTHCFG", self.tr("Officer's certificate (QGIS authentication configuration, PKI PKCS#12)")),
            ("PKCS11_PIN_AUTHCFG", self.tr("Smartcard PIN (QGIS authentication configuration, Basic: its password)")),
        ):
            self.addParameter(
                QgsProcessingParameterAuthConfig(
                    name, label, defaultValue=getattr(settings, name.lower()), optional=True
                )
            )
        for name, label in (
            ("PKCS11_MODULE", self.tr("Smartcard PKCS#11 library (path)")),
            ("PKCS11_KEY_LABEL", self.tr("Smartcard key label")),
            ("TIMESTAMP_URL", self.tr("Timestamp server (RFC 3161 URL; empty: no timestamp)")),
        ):
            self.addParameter(
                QgsProcessingParameterString(name, label, defaultValue=getattr(settings, name.lower()), optional=True)
            )
        slot = QgsProcessingParameterNumber(
            "PKCS11_SLOT", self.tr("Smartcard slot (empty: the first holding the key)"), optional=True, minValue=0
        )
        slot.setDefaultValue(settings.pkcs11_slot if settings.pkcs11_slot >= 0 else None)
        self.addParameter(slot)

    def signing_value(self, parameters: dict[str, Any], context: QgsProcessingContext) -> SigningSource:
        """Return where the officer's certificate is, from the signing parameters."""
        slot = parameters.get("PKCS11_SLOT")
        return SigningSource(
            authcfg=self.parameterAsString(parameters, "SIGNING_AUTHCFG", context),
            pkcs11_module=self.parameterAsString(parameters, "PKCS11_MODULE", context),
            pkcs11_slot=None if slot in (None, "") else self.parameterAsInt(parameters, "PKCS11_SLOT", context),
            pkcs11_key_label=self.parameterAsString(parameters, "PKCS11_KEY_LABEL", context),
            pin_authcfg=self.parameterAsString(parameters, "PKCS11_PIN_AUTHCFG", context),
            timestamp_url=self.parameterAsString(parameters, "TIMESTAMP_URL", context),
        )

    def connection_value(self, parameters: dict[str, Any], context: QgsProcessingContext) -> str:
        """Return the CONNECTION value as given."""
        return self.parameterAsConnectionName(parameters, CONNECTION, context)

    def processAlgorithm(  # noqa: N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Run the algorithm, turning user-fixable problems into Processing errors."""
        try:
            for definition in self.parameterDefinitions():  # text reaching PostgreSQL or a PDF cannot hold NUL
                if definition.type() == "string":
                    name = definition.name()
                    refuse_nul(name, self.parameterAsString(parameters, name, context) or "")
            return self.process(parameters, context, feedback)
        except CamreqError as error:
            raise QgsProcessingException(str(error)) from None

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Do the algorithm's work and return its outputs."""
        raise NotImplementedError
