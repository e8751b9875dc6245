"""The settings dialog shows and returns every setting; SMTP credentials are kept as an authcfg id only."""

import pytest
from camreq.dialogs.settings_dialog import SettingsDialog
from camreq.settings import Settings
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication

SECRET = "s3cret-smtp-password"


@pytest.fixture
def smtp_authcfg(basic_authcfg) -> str:
    """Return the id of a Basic authentication configuration holding the SMTP password."""
    return basic_authcfg("brigade", SECRET)


def full_settings(authcfg: str) -> Settings:
    return Settings(
        connection="service=camreq",
        mode="analyst",
        officer_name="Jeanne Martin",
        officer_rank="Lieutenant de police",
        officer_unit="Sûreté départementale de l'Isère",
        officer_email="jeanne.martin@interieur.example",
        officer_phone="04 76 00 00 00",
        unit_address="36 boulevard Maréchal Leclerc",
        unit_city="Grenoble",
        basemap="type=xyz&url=https://data.geopf.fr/wmts?layer=PLAN.IGN&z={z}&x={x}&y={y}",
        basemap_attribution="© IGN Plan IGN",
        smtp_host="smtp.interieur.example",
        smtp_port=465,
        smtp_security="ssl",
        smtp_authcfg=authcfg,
        smtp_from="sd38@interieur.example",
        default_radius_m=150,
        signing_authcfg=authcfg,
        pkcs11_module="/usr/lib/softhsm/libsofthsm2.so",
        pkcs11_slot=2,
        pkcs11_key_label="signature",
        pkcs11_pin_authcfg=authcfg,
        timestamp_url="http://horodatage.interieur.example/tsa",
    )


def test_every_setting_round_trips_through_the_dialog(smtp_authcfg):
    settings = full_settings(smtp_authcfg)
    assert SettingsDialog(settings).settings() == settings


def test_edits_in_the_dialog_are_returned(smtp_authcfg):
    dialog = SettingsDialog(Settings())
    QTest.keyClicks(dialog.officerNameEdit, "  Paul Girard ")
    dialog.defaultRadiusSpin.setValue(500)
    dialog.modeCombo.setCurrentIndex(dialog.modeCombo.findData("analyst"))
    dialog.smtpAuthSelect.setConfigId(smtp_authcfg)
    QTest.keyClicks(dialog.basemapEdit, "/data/streets.gpkg ")
    QTest.keyClicks(dialog.basemapAttributionEdit, "Ville de Grenoble")
    edited = dialog.settings()
    assert (edited.basemap, edited.basemap_attribution) == ("/data/streets.gpkg", "Ville de Grenoble")
    assert (edited.officer_name, edited.default_radius_m, edited.mode) == ("Paul Girard", 500, "analyst")
    assert edited.smtp_authcfg == smtp_authcfg


def test_saving_from_the_plugin_reaches_the_panel_and_stores_no_password(qgis_iface, smtp_authcfg):
    import camreq

    plugin = camreq.classFactory(qgis_iface)
    plugin.initGui()
    try:

        def fill_and_save():
            dialog = QApplication.activeModalWidget()
            dialog.show_settings(full_settings(smtp_authcfg))
            dialog.accept()

        QTimer.singleShot(0, fill_and_save)
        plugin.open_settings()
        assert Settings.load() == full_settings(smtp_authcfg)
        officer = plugin.dock.requisitions.officerLabel.text()
        assert officer == "Lieutenant de police, Jeanne Martin, Sûreté départementale de l'Isère"
        assert all(action.isVisible() for action in plugin.analyst_actions)
        stored = QgsSettings()
        assert not [key for key in stored.allKeys() if SECRET in str(stored.value(key))]
    finally:
        plugin.unload()
        Settings().save()


SETTINGS_TEXT_FIELDS = {
    "officer_name": "officerNameEdit", "officer_rank": "officerRankEdit", "officer_unit": "officerUnitEdit",
    "officer_email": "officerEmailEdit", "officer_phone": "officerPhoneEdit", "unit_address": "unitAddressEdit",
    "unit_city": "unitCityEdit", "smtp_host": "smtpHostEdit", "smtp_from": "smtpFromEdit",
}  # fmt: skip


@pytest.mark.parametrize("field", SETTINGS_TEXT_FIELDS)
def test_hostile_text_in_a_settings_field_is_saved_verbatim_or_refused_naming_the_field(qgis_iface, hostile, field):
    import camreq

    _kind, value = hostile
    plugin = camreq.classFactory(qgis_iface)
    plugin.initGui()
    refusals = []
    try:

        def type_and_save():
            dialog = QApplication.activeModalWidget()
            getattr(dialog, SETTINGS_TEXT_FIELDS[field]).setText(value)
            dialog.accept()
            if dialog.isVisible():  # refused: the dialog stays open and says why
                label = getattr(dialog, SETTINGS_TEXT_FIELDS[field].replace("Edit", "Label")).text()
                refusals.append((label, dialog.message_bar.currentItem().text()))
                dialog.reject()

        QTimer.singleShot(0, type_and_save)
        plugin.open_settings()
        if refusals:
            [(label, message)] = refusals
            assert message.startswith(label) and "NUL character" in message
            assert getattr(Settings.load(), field) == ""
        else:
            assert "\x00" not in value, "a NUL character was saved"
            assert getattr(Settings.load(), field) == value
    finally:
        plugin.unload()
        Settings().save()


@pytest.mark.parametrize("connection", [
    f"host=db.example dbname=camreq user=jeanne password={SECRET}",
    f"service=camreq sslpassword={SECRET}",
    f"postgresql://jeanne:{SECRET}@db.example/camreq",
])  # fmt: skip
def test_a_password_typed_in_the_connection_field_is_refused_and_never_saved(qgis_iface, connection):
    import camreq

    plugin = camreq.classFactory(qgis_iface)
    plugin.initGui()
    refusals = []
    try:

        def type_and_save():
            dialog = QApplication.activeModalWidget()
            dialog.connectionCombo.setEditText(connection)
            dialog.accept()
            if dialog.isVisible():  # refused: the dialog stays open and says why
                refusals.append(dialog.message_bar.currentItem().text())
                dialog.reject()

        QTimer.singleShot(0, type_and_save)
        plugin.open_settings()
    finally:
        plugin.unload()
    [message] = refusals
    assert message.startswith("Connection: holds a password") and "authentication database" in message
    assert SECRET not in message
    QgsSettings().sync()
    with open(QgsSettings().fileName(), encoding="utf-8") as saved:
        assert SECRET not in saved.read()


def test_the_dialog_fits_the_screen_and_its_groups_scroll_into_view():
    dialog = SettingsDialog(Settings())
    dialog.show()
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= screen.height()
    assert dialog.scrollArea.height() < dialog.scrollContents.sizeHint().height()  # taller than the screen: scrolls
    last = dialog.timestampUrlEdit
    dialog.scrollArea.ensureWidgetVisible(last)
    shown = last.mapTo(dialog.scrollArea.viewport(), last.rect().bottomLeft())
    assert 0 <= shown.y() <= dialog.scrollArea.viewport().height()
    dialog.close()
