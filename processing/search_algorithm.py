"""The parameters the camera search algorithms share, and the search run from them."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.incidents import TimeSource, incidents_from_source
from ..core.search import DEFAULT_DISTANCE_M, DEFAULT_MARGIN_MINUTES, SearchOptions, SearchResult, search
from ..core.times import from_qdatetime
from ..errors import CamreqError
from .algorithm import CamreqAlgorithm

SEARCH_HELP = QT_TR_NOOP(
    "Finds the cameras within DISTANCE true metres (measured on the WGS84 spheroid, a camera at exactly "
    "DISTANCE is included) of each incident (points, lines or polygons, any CRS), in one database query "
    "for all incidents. Each camera gets its window (START to END, or per incident from START_FIELD / "
    "END_FIELD; naive date-times mean Europe/Paris), the date its footage is purged (window start plus its "
    "retention in 24-hour days) and whether that is still ahead. For a line with SPEED_KMH, each camera's "
    "window is centred on the time the route passes it (START at the first vertex), widened by "
    "MARGIN_MINUTES on each side (default {margin:g}). Out-of-service and removed cameras are left out "
    "unless INCLUDE_OUT_OF_SERVICE. Every search is written to the consultation log with its REASON."
)


class SearchAlgorithm(CamreqAlgorithm):
    """Base of the algorithms that search cameras near incidents."""

    group_name = QT_TR_NOOP("Search")

    def add_search_parameters(self) -> None:
        """Add CONNECTION, INCIDENTS and the search options, and the SEARCH_ID and COUNT outputs."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INCIDENTS",
                self.tr("Incidents (points, routes or areas)"),
                [QgsProcessing.SourceType.TypeVectorAnyGeometry],
            )
        )
        self.addParameter(
            QgsProcessingParameterField("ID_FIELD", self.tr("Incident id field"), None, "INCIDENTS", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DISTANCE", self.tr("Distance (metres)"), QgsProcessingParameterNumber.Type.Double, DEFAULT_DISTANCE_M
            )
        )
        self.addParameter(QgsProcessingParameterDateTime("START", self.tr("Start"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime("END", self.tr("End"), optional=True))
        for name, label in (
            ("START_FIELD", QT_TR_NOOP("Start field (per incident)")),
            ("END_FIELD", QT_TR_NOOP("End field (per incident)")),
        ):
            self.addParameter(QgsProcessingParameterField(name, self.tr(label), None, "INCIDENTS", optional=True))
        self.addParameter(
            QgsProcessingParameterBoolean("IN_VIEW_ONLY", self.tr("Only cameras that see the incident"), False)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "INCLUDE_OUT_OF_SERVICE", self.tr("Include out-of-service and removed cameras"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "SPEED_KMH",
                self.tr("Speed along routes (km/h)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MARGIN_MINUTES",
                self.tr("Route margin on each side (minutes)"),
                QgsProcessingParameterNumber.Type.Double,
                DEFAULT_MARGIN_MINUTES,
            )
        )
        self.addParameter(
            QgsProcessingParameterString("REASON", self.tr("Reason (case number, for the consultation log)"))
        )
        self.addOutput(QgsProcessingOutputNumber("SEARCH_ID", self.tr("Consultation log id")))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Cameras found (one per incident and camera)")))

    def shortHelpString(self) -> str:  # noqa: N802
        """Return the help shared by the search algorithms, then this algorithm's own."""
        return self.tr(SEARCH_HELP).format(margin=DEFAULT_MARGIN_MINUTES) + super().shortHelpString()

    def run_search(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> SearchResult:
        """Read the incidents and options, run the search and return its result."""
        options = SearchOptions(
            distance_m=self.parameterAsDouble(parameters, "DISTANCE", context),
            reason=self.parameterAsString(parameters, "REASON", context),
            in_view_only=self.parameterAsBoolean(parameters, "IN_VIEW_ONLY", context),
            include_out_of_service=self.parameterAsBoolean(parameters, "INCLUDE_OUT_OF_SERVICE", context),
            speed_kmh=self._optional_number(parameters, "SPEED_KMH", context),
            margin_minutes=self.parameterAsDouble(parameters, "MARGIN_MINUTES", context),
        )
        times = TimeSource(
            start=from_qdatetime(self.parameterAsDateTime(parameters, "START", context)),
            end=from_qdatetime(self.parameterAsDateTime(parameters, "END", context)),
            start_field=self.parameterAsString(parameters, "START_FIELD", context),
            end_field=self.parameterAsString(parameters, "END_FIELD", context),
        )
        source = self.parameterAsSource(parameters, "INCIDENTS", context)
        if source is None:
            raise CamreqError("INCIDENTS: the incident layer cannot be read.")
        feedback.pushInfo(self.tr("Reading {n} incidents").format(n=source.featureCount()))
        incidents = incidents_from_source(
            source,
            context.transformContext(),
            times,
            self.parameterAsString(parameters, "ID_FIELD", context),
            routes=options.speed_kmh is not None,
            is_canceled=feedback.isCanceled,
        )
        if feedback.isCanceled():
            raise CamreqError(self.tr("The search was cancelled before it ran; nothing was logged."))
        feedback.setProgress(20)
        result = search(self.connection_value(parameters, context), incidents, options)
        feedback.pushInfo(
            self.tr("Search {id}: {n} cameras for {k} incidents (logged)").format(
                id=result.search_id, n=len(result.hits), k=len(incidents)
            )
        )
        feedback.setProgress(60)
        return result

    def _optional_number(self, parameters: dict[str, Any], name: str, context: QgsProcessingContext) -> float | None:
        """Return an optional number parameter, None where it was not given."""
        value = parameters.get(name)
        if value is None or value == "":
            return None
        return self.parameterAsDouble(parameters, name, context)
