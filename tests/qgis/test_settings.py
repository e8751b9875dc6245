"""Settings round-trip through the QGIS profile with their types."""

from dataclasses import dataclass

from camreq.settings import GROUP, Settings
from qgis.core import QgsSettings


def test_saved_settings_load_back_with_their_types():
    Settings(connection="camreq prod", smtp_port=2525, default_radius_m=350, officer_name="Lt Durand").save()
    loaded = Settings.load()
    assert loaded.connection == "camreq prod"
    assert loaded.smtp_port == 2525 and isinstance(loaded.smtp_port, int)
    assert loaded.default_radius_m == 350
    assert loaded.officer_name == "Lt Durand"


@dataclass
class SettingsWithFlag(Settings):
    """Settings with a boolean, as QgsSettings stores it in the profile's ini file: the text "true" or "false"."""

    show_hints: bool = True


def test_a_stored_false_boolean_loads_as_false():
    QgsSettings().setValue(f"{GROUP}/show_hints", "false")
    assert SettingsWithFlag.load().show_hints is False
    QgsSettings().setValue(f"{GROUP}/show_hints", "true")
    assert SettingsWithFlag.load().show_hints is True
    QgsSettings().remove(f"{GROUP}/show_hints")
