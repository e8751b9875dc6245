"""Fixtures shared by the QGIS and database tests (the unit tests need none of them)."""

from __future__ import annotations

import pytest


@pytest.fixture
def camreq_processing(qgis_processing):
    """Return QGIS's processing module with a camreq provider registered for this test."""
    from camreq.processing.provider import CamreqProvider
    from qgis.core import QgsApplication

    import processing

    registry = QgsApplication.processingRegistry()
    provider = CamreqProvider()  # held here: Processing keeps only the C++ side alive
    assert registry.addProvider(provider), "another camreq provider is still registered"
    yield processing
    registry.removeProvider(provider)
