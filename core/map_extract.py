"""The map extract of a requisition, rendered offscreen by QGIS into a PNG: incident, search area, cameras, views."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSize, QVariant
from qgis.PyQt.QtGui import QColor

from ..db.requisitions import MapGeometry

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


def render_map(geometries: dict[str, list[MapGeometry]], srid: int, path: Path) -> Path:
    """Render the geometries (WKB and label per key of db.requisitions.map_geometries) into a PNG at path."""
    crs = QgsCoordinateReferenceSystem(f"EPSG:{srid}")
    groups = _by_style(geometries)
    layers = [_layer(key, rows, crs) for key, rows in groups.items()]
    settings = QgsMapSettings()
    settings.setDestinationCrs(crs)
    settings.setLayers(list(reversed(layers)))  # QGIS draws the last layer first
    settings.setOutputSize(SIZE)
    settings.setOutputDpi(DPI)
    settings.setBackgroundColor(QColor(250, 250, 247))
    settings.setExtent(_extent(groups))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    if not job.renderedImage().save(str(path), "PNG"):
        raise OSError(f"cannot write the map extract {path}")
    return path


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
        _label(layer)
    return layer


def _label(layer: QgsVectorLayer) -> None:
    """Label a layer's features with their 'label' field, haloed for legibility."""
    text = QgsTextFormat()
    text.setSize(8)
    text.buffer().setEnabled(True)
    text.buffer().setSize(1)
    labels = QgsPalLayerSettings()
    labels.fieldName = "label"
    labels.setFormat(text)
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
