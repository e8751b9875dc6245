"""The SYNTHETIC Grenoble-area sample registry (sample/), read as QGIS layers and loaded by the import code."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsFeature, QgsFeedback, QgsVectorLayer
from qgis.PyQt.QtCore import QUrl

from ..db.connection import transaction
from ..errors import CamreqError
from .addresses import AddressImportResult, ban_file_rows, import_addresses
from .registry_import import CameraImportOptions, ImportResult, Reject, write_cameras, write_owners
from .translation import tr

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample"
OWNERS_CSV = SAMPLE_DIR / "owners.csv"
CAMERAS_CSV = SAMPLE_DIR / "cameras.csv"
OSM_GEOJSON = SAMPLE_DIR / "osm_surveillance.geojson"
ADDRESSES_BAN = SAMPLE_DIR / "adresses-38-synthetique.csv.gz"
INCIDENT_ADDRESSES_CSV = SAMPLE_DIR / "incident_addresses.csv"


def delimited_text_layer(path: Path, name: str, xy: tuple[str, str] | None = None) -> QgsVectorLayer:
    """Return a CSV file as a QGIS layer: points from WGS84 longitude/latitude columns, or a plain table."""
    options = "type=csv&delimiter=,&encoding=UTF-8&detectTypes=yes"
    if xy is None:
        options += "&geomType=none"
    else:
        options += f"&xField={xy[0]}&yField={xy[1]}&crs=EPSG:4326"
    layer = QgsVectorLayer(QUrl.fromLocalFile(str(path)).toString() + "?" + options, name, "delimitedtext")
    if not layer.isValid():
        raise CamreqError(
            tr("Cannot read {path}: {reason}").format(
                path=path, reason=layer.error().summary() or tr("not a CSV file QGIS can open")
            )
        )
    return layer


def load_sample_data(
    connection: str, feedback: QgsFeedback, reject: Reject
) -> tuple[ImportResult, ImportResult, AddressImportResult]:
    """Import the synthetic sample owners, cameras and addresses, in one transaction; return the three results."""
    owners = delimited_text_layer(OWNERS_CSV, "owners (synthetic)")
    cameras = delimited_text_layer(CAMERAS_CSV, "cameras (synthetic)", ("x", "y"))
    with transaction(connection) as conn:
        owners_result = write_owners(conn, owners, QgsFeedback(), reject)
        cameras_result = write_cameras(conn, cameras, CameraImportOptions(), feedback, reject)
        addresses = import_addresses(
            conn, ban_file_rows(ADDRESSES_BAN), feedback, lambda row, _values, reason: reject(QgsFeature(row), reason)
        )
    return owners_result, cameras_result, addresses
