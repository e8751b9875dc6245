"""camreq:checkregistry: a point layer of what is wrong in the registry, one row per camera or owner and problem."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsRendererCategory,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TR_NOOP, QVariant

from ..core.registry_checks import check_registry
from ..core.vocabulary import Severity
from .algorithm import CamreqAlgorithm

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
OUTPUT_FIELDS = (
    ("severity", QVariant.String),
    ("problem", QVariant.String),
    ("message", QVariant.String),
    ("camera_id", QVariant.LongLong),
    ("camera_ref", QVariant.String),
    ("owner_id", QVariant.LongLong),
    ("owner_name", QVariant.String),
)


class SeverityStyle(QgsProcessingLayerPostProcessorInterface):
    """Draws the findings layer by severity once QGIS has loaded it."""

    def postProcessLayer(  # noqa: N802
        self, layer: QgsMapLayer, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> None:
        """Give the layer one colour per severity."""
        categories = [
            QgsRendererCategory(severity.value, QgsMarkerSymbol.createSimple(
                {"name": "circle", "color": severity.colour, "size": "3.2", "outline_color": "#202020"}
            ), severity.label)
            for severity in Severity
        ]  # fmt: skip
        layer.setRenderer(QgsCategorizedSymbolRenderer("severity", categories))
        layer.triggerRepaint()


class CheckRegistry(CamreqAlgorithm):
    """Find expired authorisations, stale verifications, owners without contact, duplicates and the like."""

    group_name = QT_TR_NOOP("Registry")

    algorithm_id = "checkregistry"
    label = QT_TR_NOOP("Check the registry")
    help_text = QT_TR_NOOP(
        "Lists what is wrong in the camera registry and the owners directory, one row per camera or owner and "
        "problem, with a severity (high, medium, low) and a sentence: prefectoral authorisation expired or "
        "expiring within 90 days, camera not verified for 12 months, owner without a requisition e-mail, camera "
        "out of order for more than 30 days, likely duplicates (same owner, under 1 m), fixed camera without "
        "direction, camera outside TERRITORY (when given), owners whose median answer time (at least 5 answered "
        "requisitions) exceeds the retention of their cameras. Owners are placed at the centre of their cameras."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare TERRITORY, OUTPUT and COUNT."""
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "TERRITORY",
                self.tr("Territory (polygons)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", self.tr("Registry findings"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Findings")))
        self.addOutput(QgsProcessingOutputNumber("HIGH", self.tr("High-severity findings")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Write one point per finding, styled by severity."""
        territory = self.parameterAsSource(parameters, "TERRITORY", context)
        territory_wkb = self.territory_wkb(territory, context) if territory is not None else None
        findings = check_registry(self.connection_value(parameters, context), territory_wkb)
        fields = QgsFields()
        for name, kind in OUTPUT_FIELDS:
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.Point, WGS84)
        for finding in findings:
            feature = QgsFeature(fields)
            if finding.wkb is not None:
                geometry = QgsGeometry()
                geometry.fromWkb(finding.wkb)
                feature.setGeometry(geometry)
            feature.setAttributes([
                finding.severity.value, finding.problem, finding.message, finding.camera_id, finding.camera_ref,
                finding.owner_id, finding.owner_name,
            ])  # fmt: skip
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        if context.willLoadLayerOnCompletion(sink_id):
            self.style = SeverityStyle()  # kept alive until QGIS has loaded the layer
            context.layerToLoadOnCompletionDetails(sink_id).setPostProcessor(self.style)
        high = sum(finding.severity is Severity.HIGH for finding in findings)
        feedback.pushInfo(self.tr("{n} findings, {high} of high severity.").format(n=len(findings), high=high))
        return {"OUTPUT": sink_id, "COUNT": len(findings), "HIGH": high}

    def territory_wkb(self, source: QgsProcessingFeatureSource, context: QgsProcessingContext) -> bytes:
        """Return the union of the territory's polygons as WKB in EPSG:4326."""
        transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
        parts = []
        for feature in source.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            try:
                geometry.transform(transform)
            except QgsCsException:
                raise QgsProcessingException(
                    self.tr("TERRITORY: its CRS {crs} cannot be converted to latitude and longitude.").format(
                        crs=source.sourceCrs().authid() or source.sourceCrs().description()
                    )
                ) from None
            if not geometry.isEmpty():
                parts.append(geometry)
        if not parts:
            raise QgsProcessingException(self.tr("TERRITORY: the layer has no polygon."))
        return bytes(QgsGeometry.unaryUnion(parts).asWkb())
