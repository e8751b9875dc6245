"""Fixtures shared by the QGIS and database tests (the unit tests need none of them)."""

from __future__ import annotations

import pytest

HOSTILE = {
    "sql": "'; DROP TABLE camreq.cameras; --",
    "quotes": 'O\'Brien "said" \\ %s %(x)s $$',
    "nul": "before\x00after",
    "100kB": "x" * 100_000,
    "rtl": "\u202eA edagirB\u202c \u200f",
    "jinja": "{{ 7*7 }}",
    "script": "<script>alert(1)</script>",
}


@pytest.fixture(params=list(HOSTILE))
def hostile(request) -> tuple[str, str]:
    """Return (kind, value): each hostile text a user could type (SQL, quotes, NUL, 100 kB, bidi marks, markup)."""
    return request.param, HOSTILE[request.param]


@pytest.fixture
def french(qgis_app):
    """Install CamReq's French translation as the plugin does for a French QGIS, and remove it afterwards."""
    from camreq.plugin import CamReqPlugin
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    settings = QgsSettings()
    previous = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "fr_FR")
    translator = CamReqPlugin._install_translator()
    assert translator is not None, "no French catalogue loaded"
    yield
    QCoreApplication.removeTranslator(translator)
    settings.setValue("locale/userLocale", previous)


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


@pytest.fixture
def stored_authcfg(qgis_app):
    """Return a function storing a QGIS authentication configuration (method, name, its values) and returning its id.

    The configurations go to the test profile's real authentication database, under a master password.
    """
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    manager.setPasswordHelperEnabled(False)
    assert manager.setMasterPassword("camreq-tests", True)
    stored = []

    def store(method: str, name: str, **values: str) -> str:
        config = QgsAuthMethodConfig(method)
        config.setName(name)
        for key, value in values.items():
            config.setConfig(key, value)
        assert manager.storeAuthenticationConfig(config)[0]
        stored.append(config.id())
        return config.id()

    yield store
    for config_id in stored:
        manager.removeAuthenticationConfig(config_id)


@pytest.fixture
def basic_authcfg(stored_authcfg):
    """Return a function storing a Basic QGIS authentication configuration (username, password) and returning its id."""
    return lambda username, password: stored_authcfg(
        "Basic", f"camreq {username}", username=username, password=password
    )
