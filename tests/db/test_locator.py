"""The QGIS locator filter: addresses, camera references and the requisitions the login may see, and the zoom."""

from __future__ import annotations

import pytest
from camreq.dialogs.locator import CamreqLocatorFilter
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsLocatorContext,
    QgsLocatorResult,
    QgsPointXY,
    QgsProject,
)

from .test_permissions import ADD_CAMERA, NEW_REQUISITION


def fetch(locator: CamreqLocatorFilter, text: str) -> list[QgsLocatorResult]:
    """Return the results the filter emits for a typed text, as the locator's thread would run it.

    Each is copied when emitted: the signal's argument lives only during the emission.
    """
    results = []

    def keep(result: QgsLocatorResult) -> None:
        copy = QgsLocatorResult(locator, result.displayString, result.getUserData())
        copy.group, copy.description, copy.score = result.group, result.description, result.score
        results.append(copy)

    locator.resultFetched.connect(keep)
    locator.fetchResults(text, QgsLocatorContext(), QgsFeedback())
    return results


@pytest.fixture
def canvas(qgis_canvas):
    """Return the map canvas in Lambert-93."""
    qgis_canvas.resize(600, 450)
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    return qgis_canvas


def shown(canvas, lon: float, lat: float) -> bool:
    """Return whether the canvas shows a WGS84 point."""
    to_canvas = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(), QgsProject.instance()
    )
    return canvas.extent().contains(to_canvas.transform(QgsPointXY(lon, lat)))


def test_an_address_is_found_forgivingly_and_the_map_zooms_to_it(addresses_db, logins, canvas):
    locator = CamreqLocatorFilter(canvas, lambda: logins["investigator"])
    results = fetch(locator, "12 r felix poulat")
    assert results[0].displayString == "12 Rue Félix Poulat 38000 Grenoble"
    assert results[0].group == "Addresses"
    locator.triggerResult(results[0])
    assert shown(canvas, 5.7240 + 12 * 0.000127, 45.1890)
    assert canvas.extent().width() < 1000  # a street view, not the whole town


def test_cameras_are_found_by_reference_prefix_taken_literally(addresses_db, logins, canvas, add_camera):
    add_camera(5.7300, 45.1940, ref="GRE-0042")
    add_camera(5.7000, 45.1700, ref="GRX-0001")
    locator = CamreqLocatorFilter(canvas, lambda: logins["investigator"])
    results = [r for r in fetch(locator, "gre-00") if r.group == "Cameras"]
    assert [r.displayString for r in results] == ["GRE-0042"]
    assert [r for r in fetch(locator, "GR_") if r.group == "Cameras"] == []  # _ is not a wildcard
    locator.triggerResult(results[0])
    assert shown(canvas, 5.7300, 45.1940)


def test_requisition_numbers_of_another_unit_are_never_found(addresses_db, logins, sql, canvas, add_camera):
    add_camera(5.7310, 45.1930, ref=None)  # the camera the requisition asks for
    unit_a = logins["investigator"]
    [(requisition,)] = sql(unit_a, NEW_REQUISITION.replace("'Brigade A'", "''"))
    sql(unit_a, ADD_CAMERA)
    sql(unit_a, "SELECT camreq.issue_requisition(%s)", (requisition,))
    [(number,)] = sql(unit_a, "SELECT number FROM camreq.my_requisitions() WHERE id = %s", (requisition,))

    def requisitions(login: str) -> list:
        locator = CamreqLocatorFilter(canvas, lambda: logins[login])
        return [r for r in fetch(locator, number[:8]) if r.group == "Requisitions"]

    [found] = requisitions("investigator")
    assert (found.displayString, found.description) == (number, "Test owner")
    assert requisitions("investigator_b") == []
    assert requisitions("analyst") == []  # analysts have no access to requisitions at all
    CamreqLocatorFilter(canvas, lambda: unit_a).triggerResult(found)
    assert shown(canvas, 5.7310, 45.1930)


def test_without_a_database_or_with_a_nul_the_filter_finds_nothing(addresses_db, canvas):
    assert fetch(CamreqLocatorFilter(canvas, lambda: ""), "12 rue felix poulat") == []
    assert fetch(CamreqLocatorFilter(canvas, lambda: addresses_db), "12 rue\x00felix") == []
