"""camreq:geocodeincidents: incidents placed on the map from their addresses, by the database's address search."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TR_NOOP, QVariant

from ..core.addresses import address_search
from .algorithm import CamreqAlgorithm

FIELD_PARAMETERS = ("ADDRESS_FIELD", "CITY_FIELD", "POSTCODE_FIELD")
DEFAULT_MIN_SCORE = 0.6


class GeocodeIncidents(CamreqAlgorithm):
    """One point per row whose address the Base Adresse Nationale finds with at least MIN_SCORE."""

    group_name = QT_TR_NOOP("Search")

    algorithm_id = "geocodeincidents"
    label = QT_TR_NOOP("Geocode incidents from their addresses")
    help_text = QT_TR_NOOP(
        "Places each row of a table (a CSV of complaints, a police export…) on the map from its address, with "
        "the addresses loaded by camreq:importaddresses, offline. ADDRESS_FIELD holds the address (number and "
        "street, or the whole address); CITY_FIELD and POSTCODE_FIELD, where given, are added to it. The search "
        "forgives case, accents, abbreviations (bd, av, r., pl, st…), bis/ter and small typos. OUTPUT has the "
        "input's fields plus geocode_score (0 to 1) and geocode_label (the address as the BAN writes it), in "
        "WGS84. Rows whose best answer scores under MIN_SCORE are left out and counted in UNMATCHED, each "
        "with its reason in the log. Chain it before camreq:camerasnearincident (see the model "
        "camreq:morningaddresses)."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare CONNECTION, INPUT, the address fields, MIN_SCORE, OUTPUT and UNMATCHED."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT", self.tr("Incidents (any table with an address field)"), [QgsProcessing.SourceType.TypeVector]
            )
        )
        labels = (self.tr("Address field"), self.tr("City field"), self.tr("Postcode field"))
        for name, label in zip(FIELD_PARAMETERS, labels, strict=True):
            self.addParameter(
                QgsProcessingParameterField(
                    name, label, parentLayerParameterName="INPUT", optional=name != "ADDRESS_FIELD"
                )
            )
        self.addParameter(
            QgsProcessingParameterNumber(
                "MIN_SCORE",
                self.tr("Lowest score accepted (0 to 1)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=DEFAULT_MIN_SCORE,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", self.tr("Geocoded incidents"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )
        self.addOutput(QgsProcessingOutputNumber("UNMATCHED", self.tr("Rows left out (no address good enough)")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Geocode every row, write those that score at least MIN_SCORE, count the others."""
        source = self.parameterAsSource(parameters, "INPUT", context)
        address_field, *extra_fields = (self.parameterAsString(parameters, name, context) for name in FIELD_PARAMETERS)
        min_score = self.parameterAsDouble(parameters, "MIN_SCORE", context)
        fields = QgsFields(source.fields())
        for name, kind in (("geocode_score", QVariant.Double), ("geocode_label", QVariant.String)):
            fields.append(QgsField(name, kind))
        sink, destination = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.Point, QgsCoordinateReferenceSystem("EPSG:4326")
        )
        total, unmatched = max(source.featureCount(), 1), 0
        with address_search(self.connection_value(parameters, context)) as best_match:
            for number, feature in enumerate(source.getFeatures()):
                if feedback.isCanceled():
                    break
                parts = [_text(feature[name]) for name in (address_field, *extra_fields) if name]
                match = best_match(*parts)
                if match is None or match.score < min_score:
                    unmatched += 1
                    reason = (
                        self.tr("no address matches")
                        if match is None
                        else self.tr("best answer {label} scores {score:.2f}, under {min:.2f}").format(
                            label=match.label, score=match.score, min=min_score
                        )
                    )
                    feedback.pushWarning(
                        self.tr("Row {id} ({text}) left out: {reason}").format(
                            id=feature.id(), text=" ".join(parts)[:80], reason=reason
                        )
                    )
                    continue
                out = QgsFeature(fields)
                out.setAttributes([*feature.attributes(), round(match.score, 3), match.label])
                out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(match.lon, match.lat)))
                sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
                feedback.setProgress(100.0 * (number + 1) / total)
        feedback.pushInfo(self.tr("{n} row(s) left out, under the score {min:.2f}.").format(n=unmatched, min=min_score))
        return {"OUTPUT": destination, "UNMATCHED": unmatched}


def _text(value: object) -> str:
    """Return an attribute value as text, empty for NULL."""
    return "" if value is None or value == NULL else str(value)
