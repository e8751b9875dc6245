"""The Overpass API's JSON (overpass-turbo's "raw data" export), which QGIS cannot open, as a memory layer.

``{"elements": [{"type": "node", "id": 123, "lat": 45.1, "lon": 5.7, "tags": {...}}, ...]}``: each element
becomes a point (a way or relation at its ``center``, as ``out center`` gives; without one it has no point),
with ``osm_id`` (``node/123``) and its tags in ``other_tags``, the shape QGIS's OSM driver gives an ``.osm`` file.
"""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from ..errors import CamreqError
from .osm_tags import other_tags_text
from .translation import tr

SNIFF_BYTES = 4096


def is_overpass_json(path: str) -> bool:
    """Return whether a file looks like Overpass API JSON: a JSON object with "elements" and no GeoJSON type."""
    try:
        with open(path, encoding="utf-8") as stream:
            start = stream.read(SNIFF_BYTES)
    except (OSError, UnicodeDecodeError):
        return False
    return start.lstrip().startswith("{") and '"elements"' in start and '"FeatureCollection"' not in start


def overpass_layer(path: str) -> QgsVectorLayer:
    """Return the elements of an Overpass JSON file as a WGS84 memory point layer; raise CamreqError naming it."""
    try:
        elements = json.loads(Path(path).read_text(encoding="utf-8"))["elements"]
        rows = [
            (
                f"{element['type']}/{element['id']}",
                other_tags_text(element.get("tags", {})),
                element if "lat" in element else element.get("center") or {},
            )
            for element in elements
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise CamreqError(
            tr("{file} is not Overpass API JSON ({reason}).").format(file=Path(path).name, reason=error), "INPUT"
        ) from None
    layer = QgsVectorLayer("Point?crs=EPSG:4326", Path(path).stem, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(name, QVariant.String) for name in ("osm_id", "other_tags")])
    layer.updateFields()
    features = []
    for osm_id, tags, place in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([osm_id, tags])
        if "lat" in place and "lon" in place:
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(place["lon"]), float(place["lat"]))))
        features.append(feature)
    provider.addFeatures(features)
    return layer
