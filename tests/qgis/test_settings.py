"""Settings round-trip through the QGIS profile with their types."""

from camreq.settings import Settings


def test_saved_settings_load_back_with_their_types():
    Settings(connection="camreq prod", smtp_port=2525, default_radius_m=350, officer_name="Lt Durand").save()
    loaded = Settings.load()
    assert loaded.connection == "camreq prod"
    assert loaded.smtp_port == 2525 and isinstance(loaded.smtp_port, int)
    assert loaded.default_radius_m == 350
    assert loaded.officer_name == "Lt Durand"
