"""The CamReq settings dialog: connection, officer, SMTP, signing certificate (secrets in QGIS's auth manager), mode."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsProviderRegistry
from qgis.gui import QgsMessageBar
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDialog, QWidget

from ..core.inputs import refuse_secret
from ..core.vocabulary import MAX_DISTANCE_M, Mode, SmtpSecurity
from ..errors import CamreqError
from ..settings import Settings
from .fields import accept_any_length, field_name, typed_text

SCREEN_MARGIN_PX = 80  # left for the window's title bar and the desktop's panels
FORM: type = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))[0]  # typed: mypy then accepts it as a base class


class SettingsDialog(QDialog, FORM):
    """Edits a Settings; settings() returns what the form holds (only the authcfg id, never a password)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        """Build the form filled with settings."""
        super().__init__(parent)
        self.setupUi(self)
        for security in SmtpSecurity:
            self.smtpSecurityCombo.addItem(security.label, security.value)
        for mode in Mode:
            self.modeCombo.addItem(mode.label, mode.value)
        self.defaultRadiusSpin.setMaximum(int(MAX_DISTANCE_M))
        self.connectionCombo.addItems(postgres_connection_names())
        self.message_bar = QgsMessageBar(self)
        self.layout().insertWidget(0, self.message_bar)
        self.text_fields = (
            (self.officerNameEdit, self.officerNameLabel), (self.officerRankEdit, self.officerRankLabel),
            (self.officerUnitEdit, self.officerUnitLabel), (self.officerEmailEdit, self.officerEmailLabel),
            (self.officerPhoneEdit, self.officerPhoneLabel), (self.unitAddressEdit, self.unitAddressLabel),
            (self.unitCityEdit, self.unitCityLabel), (self.smtpHostEdit, self.smtpHostLabel),
            (self.smtpFromEdit, self.smtpFromLabel), (self.basemapEdit, self.basemapLabel),
            (self.basemapAttributionEdit, self.basemapAttributionLabel),
            (self.pkcs11ModuleEdit, self.pkcs11ModuleLabel), (self.pkcs11KeyLabelEdit, self.pkcs11KeyLabelLabel),
            (self.timestampUrlEdit, self.timestampUrlLabel),
        )  # fmt: skip
        accept_any_length(*(edit for edit, _label in self.text_fields))
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self.show_settings(settings)
        self.fit_screen()

    def fit_screen(self) -> None:
        """Open tall enough to show every group, within the screen: the groups scroll on a smaller one."""
        groups, screen = self.scrollContents.sizeHint(), self.screen().availableGeometry()
        bar = self.scrollArea.verticalScrollBar().sizeHint().width()
        rest = self.sizeHint().height() - self.scrollArea.sizeHint().height()  # message bar, buttons, margins
        self.resize(
            min(groups.width() + bar + 2 * self.layout().spacing() + 24, screen.width()),
            min(groups.height() + rest, screen.height() - SCREEN_MARGIN_PX),
        )

    def show_settings(self, settings: Settings) -> None:
        """Fill the form with settings."""
        self.connectionCombo.setCurrentText(settings.connection)
        self.officerNameEdit.setText(settings.officer_name)
        self.officerRankEdit.setText(settings.officer_rank)
        self.officerUnitEdit.setText(settings.officer_unit)
        self.officerEmailEdit.setText(settings.officer_email)
        self.officerPhoneEdit.setText(settings.officer_phone)
        self.unitAddressEdit.setText(settings.unit_address)
        self.unitCityEdit.setText(settings.unit_city)
        self.basemapEdit.setText(settings.basemap)
        self.basemapAttributionEdit.setText(settings.basemap_attribution)
        self.smtpHostEdit.setText(settings.smtp_host)
        self.smtpPortSpin.setValue(settings.smtp_port)
        self.smtpSecurityCombo.setCurrentIndex(max(0, self.smtpSecurityCombo.findData(settings.smtp_security)))
        self.smtpAuthSelect.setConfigId(settings.smtp_authcfg)
        self.smtpFromEdit.setText(settings.smtp_from)
        self.signingAuthSelect.setConfigId(settings.signing_authcfg)
        self.pkcs11ModuleEdit.setText(settings.pkcs11_module)
        self.pkcs11SlotSpin.setValue(settings.pkcs11_slot)
        self.pkcs11KeyLabelEdit.setText(settings.pkcs11_key_label)
        self.pkcs11PinAuthSelect.setConfigId(settings.pkcs11_pin_authcfg)
        self.timestampUrlEdit.setText(settings.timestamp_url)
        self.defaultRadiusSpin.setValue(settings.default_radius_m)
        self.modeCombo.setCurrentIndex(max(0, self.modeCombo.findData(settings.mode)))

    def accept(self) -> None:
        """Close with the settings, or keep the dialog open saying which field cannot be saved."""
        try:
            for edit, label in self.text_fields:
                typed_text(edit, label)
            refuse_secret(field_name(self.connectionLabel), self.connectionCombo.currentText().strip())
        except CamreqError as error:
            self.message_bar.pushMessage("CamReq", str(error), Qgis.MessageLevel.Warning, 0)
            return
        super().accept()

    def settings(self) -> Settings:
        """Return the settings the form holds."""
        return Settings(
            connection=self.connectionCombo.currentText().strip(),
            mode=self.modeCombo.currentData(),
            officer_name=self.officerNameEdit.text().strip(),
            officer_rank=self.officerRankEdit.text().strip(),
            officer_unit=self.officerUnitEdit.text().strip(),
            officer_email=self.officerEmailEdit.text().strip(),
            officer_phone=self.officerPhoneEdit.text().strip(),
            unit_address=self.unitAddressEdit.text().strip(),
            unit_city=self.unitCityEdit.text().strip(),
            basemap=self.basemapEdit.text().strip(),
            basemap_attribution=self.basemapAttributionEdit.text().strip(),
            smtp_host=self.smtpHostEdit.text().strip(),
            smtp_port=self.smtpPortSpin.value(),
            smtp_security=self.smtpSecurityCombo.currentData(),
            smtp_authcfg=self.smtpAuthSelect.configId(),
            smtp_from=self.smtpFromEdit.text().strip(),
            default_radius_m=self.defaultRadiusSpin.value(),
            signing_authcfg=self.signingAuthSelect.configId(),
            pkcs11_module=self.pkcs11ModuleEdit.text().strip(),
            pkcs11_slot=self.pkcs11SlotSpin.value(),
            pkcs11_key_label=self.pkcs11KeyLabelEdit.text().strip(),
            pkcs11_pin_authcfg=self.pkcs11PinAuthSelect.configId(),
            timestamp_url=self.timestampUrlEdit.text().strip(),
        )


def postgres_connection_names() -> list[str]:
    """Return the names of the QGIS PostgreSQL connections saved in the profile."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections()) if metadata is not None else []
