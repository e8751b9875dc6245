"""What every CamReq algorithm shares: naming, the CONNECTION parameter and error reporting."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.inputs import refuse_nul
from ..core.map_extract import basemap_of
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
