"""The map extract of a requisition, rendered offscreen by QGIS into a PNG: base map, search area, views, cameras
and their labels, then the incident on top of everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRasterLayer,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSize, QVariant
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from ..db.requisitions import MapGeometry
from ..errors import CamreqError
from .translation import tr

SIZE = QSize(1400, 900)
DPI = 150
MIN_EXTENT_M = 150.0

# Drawing order, bottom first: (geometries key, symbol factory, symbol properties).
STYLES = {
    "areas": {"color": "255,200,0,45", "outline_color": "200,140,0", "outline_style": "dash", "outline_width": "0.5"},
    "fields_of_view": {"color": "30,120,220,60", "outline_color": "30,120,220,160", "outline_width": "0.2"},
    "incidents_polygon": {"color": "220,20,20,90", "outline_color": "180,0,0", "outline_width": "0.8"},
    "incidents_line": {"color": "200,0,0", "width": "1.2"},
    "incidents_point": {"name": "star", "color": "220,20,20", "outline_color": "90,0,0", "size": "6"},
    "cameras": {"name": "circle", "color": "20,60,160", "outline_color": "255,255,255", "size": "2.6"},
}
# A vector base map (the sample's streets, a local file): grey streets named along their line.
BASEMAP_STYLES = {
    QgsWkbTypes.GeometryType.PointGeometry: {"name": "circle", "color": "150,150,150", "size": "1"},
    QgsWkbTypes.GeometryType.LineGeometry: {"color": "170,170,165", "width": "1.1"},
    QgsWkbTypes.GeometryType.PolygonGeometry: {"color": "232,232,226", "outline_color": "200,200,195"},
}
BASEMAP_LABEL_FIELD = "name"
_SYMBOLS = {
    QgsWkbTypes.GeometryType.PointGeometry: QgsMarkerSymbol,
    QgsWkbTypes.GeometryType.LineGeometry: QgsLineSymbol,
    QgsWkbTypes.GeometryType.PolygonGeometry: QgsFillSymbol,
}
_TYPE_NAMES = {
    QgsWkbTypes.GeometryType.PointGeometry: "point",
    QgsWkbTypes.GeometryType.LineGeometry: "line",
    QgsWkbTypes.GeometryType.PolygonGeometry: "polygon",
}


@dataclass(frozen=True)
class BaseMap:
    """The map drawn under a requisition's extract: any layer source QGIS opens, and whose map it is.

    source is an XYZ, WMTS or WMS URI of QGIS's wms provider ("type=xyz&url=https://…/{z}/{x}/{y}.png"), or the
    path of a local GeoPackage, MBTiles, GeoJSON or other vector or raster file.
    """

    source: str
    attribution: str

    def check(self) -> None:
        """Raise CamreqError naming BASEMAP or BASEMAP_ATTRIBUTION where the base map cannot be drawn or credited."""
        self.layer()
        if not self.attribution.strip():
            raise CamreqError(
                tr("say whose map the base map is (e.g. © OpenStreetMap contributors); it is printed under the map."),
                "BASEMAP_ATTRIBUTION",
            )

    def layer(self) -> QgsMapLayer:
        """Return the base map as a styled layer; raise CamreqError if QGIS cannot open its source."""
        source = self.source.strip()
        if "url=" in source:
            layer: QgsMapLayer = QgsRasterLayer(source, "basemap", "wms")
        else:
            layer = QgsVectorLayer(source, "basemap", "ogr")
            if not layer.isValid():
                layer = QgsRasterLayer(source, "basemap", "gdal")
        if not layer.isValid():
            raise CamreqError(
                tr(
                    "QGIS cannot open {source!r}: give an XYZ or WMS URI (type=xyz&url=…) or the path of a "
                    "GeoPackage, MBTiles or vector file."
                ).format(source=source[:200]),
                "BASEMAP",
            )
        if isinstance(layer, QgsVectorLayer):
            style = BASEMAP_STYLES[layer.geometryType()]
            layer.setRenderer(QgsSingleSymbolRenderer(_SYMBOLS[layer.geometryType()].createSimple(style)))
            if BASEMAP_LABEL_FIELD in layer.fields().names():
                _label(layer, BASEMAP_LABEL_FIELD, QColor(90, 90, 90), line=True)
        return layer


def basemap_of(source: str, attribution: str) -> BaseMap | None:
    """Return the base map of a source and its attribution, None where no source is given."""
    return BaseMap(source.strip(), attribution) if source.strip() else None


def render_map(geometries: dict[str, list[MapGeometry]], srid: int, path: Path, basemap: BaseMap | None = None) -> Path:
    """Render the geometries (WKB and label per key of db.requisitions.map_geometries) into a PNG at path.

    The base map is drawn first; the incident last, over the cameras and their labels.
    """
    crs = QgsCoordinateReferenceSystem(f"EPSG:{srid}")
    groups = _by_style(geometries)
    layers = [_layer(key, rows, crs) for key, rows in groups.items()]
    incidents = [layer for layer in layers if layer.name().startswith("incidents_")]
    below = ([basemap.layer()] if basemap else []) + [layer for layer in layers if layer not in incidents]
    extent = _extent(groups)
    image = _render(below, crs, extent, QColor(250, 250, 247))
    painter = QPainter(image)
    painter.drawImage(0, 0, _render(incidents, crs, extent, QColor(0, 0, 0, 0)))
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write the map extract {path}")
    return path


def _render(
    layers: list[QgsMapLayer], crs: QgsCoordinateReferenceSystem, extent: QgsRectangle, background: QColor
) -> QImage:
    """Return layers (bottom first) rendered over extent, labels on top of them."""
    settings = QgsMapSettings()
    settings.setDestinationCrs(crs)
    settings.setLayers(list(reversed(layers)))  # QGIS draws the last layer first
    settings.setOutputSize(SIZE)
    settings.setOutputDpi(DPI)
    settings.setBackgroundColor(background)
    settings.setExtent(extent)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def _by_style(geometries: dict[str, list[MapGeometry]]) -> dict[str, list[tuple[QgsGeometry, str]]]:
    """Return the geometries grouped by style key, in drawing order, incidents split by geometry type."""
    groups: dict[str, list[tuple[QgsGeometry, str]]] = {key: [] for key in STYLES}
    for key, rows in geometries.items():
        for row in rows:
            geometry = QgsGeometry()
            geometry.fromWkb(row.wkb)
            if geometry.isEmpty():
                continue
            style = f"incidents_{_TYPE_NAMES[geometry.type()]}" if key == "incidents" else key
            groups[style].append((geometry, row.label))
    return {key: rows for key, rows in groups.items() if rows}


def _layer(style: str, rows: list[tuple[QgsGeometry, str]], crs: QgsCoordinateReferenceSystem) -> QgsVectorLayer:
    """Return a styled memory layer holding rows; cameras are labelled with their reference."""
    geometry_type = rows[0][0].type()
    wkb_type = QgsWkbTypes.multiType(QgsWkbTypes.flatType(rows[0][0].wkbType()))
    layer = QgsVectorLayer(f"{QgsWkbTypes.displayString(wkb_type)}?crs={crs.authid()}", style, "memory")
    fields = QgsFields()
    fields.append(QgsField("label", QVariant.String))
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    features = []
    for geometry, label in rows:
        if geometry.type() != geometry_type:
            continue
        feature = QgsFeature(layer.fields())
        multi = QgsGeometry(geometry)
        multi.convertToMultiType()
        feature.setGeometry(multi)
        feature.setAttributes([label])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(QgsSingleSymbolRenderer(_SYMBOLS[geometry_type].createSimple(STYLES[style])))
    if style == "cameras":
        _label(layer, "label", QColor(0, 0, 0), line=False)
    return layer


def _label(layer: QgsVectorLayer, field: str, colour: QColor, line: bool) -> None:
    """Label a layer's features with field, haloed for legibility; along the line for streets."""
    text = QgsTextFormat()
    text.setSize(8 if not line else 7)
    text.setColor(colour)
    text.buffer().setEnabled(True)
    text.buffer().setSize(1)
    labels = QgsPalLayerSettings()
    labels.fieldName = field
    labels.setFormat(text)
    labels.priority = 3 if line else 10  # the cameras' references win over street names
    if line:
        labels.placement = QgsPalLayerSettings.Placement.Curved
        labels.obstacleSettings().setIsObstacle(False)  # a street grid would hide every name behind its crossings
    else:
        labels.dist = 1.5
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)


def _extent(groups: dict[str, list[tuple[QgsGeometry, str]]]) -> QgsRectangle:
    """Return the extent of the incident, cameras and views (not the whole search area), with a margin."""
    extent = QgsRectangle()
    extent.setMinimal()
    for rows in (rows for key, rows in groups.items() if key != "areas"):
        for geometry, _label_text in rows:
            extent.combineExtentWith(geometry.boundingBox())
    centre = extent.center()
    half_width = max(extent.width() * 1.15, MIN_EXTENT_M) / 2
    half_height = max(extent.height() * 1.15, MIN_EXTENT_M) / 2
    x, y = centre.x(), centre.y()
    return QgsRectangle(x - half_width, y - half_height, x + half_width, y + half_height)
