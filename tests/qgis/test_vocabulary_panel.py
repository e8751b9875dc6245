"""The panel and the settings read the one vocabulary: legal.toml's investigation types, the French delivery text
printed in the PDF whatever the interface language, and the database's search distance limit."""

from camreq.core.requisitions import RequisitionForm
from camreq.core.vocabulary import MAX_DISTANCE_M, legal_table
from camreq.dialogs.settings_dialog import SettingsDialog
from camreq.settings import Settings


def test_the_default_delivery_is_the_french_text_of_the_pdf_in_an_english_interface(dock):
    assert dock.tabs.tabText(0) == "New search"  # no translator: QGIS runs in English
    assert dock.deliveryEdit.text() == RequisitionForm.delivery  # the algorithms' default, printed as is
    assert dock.deliveryEdit.text().startswith("Copie intégrale des enregistrements")


def test_investigation_types_and_their_articles_come_from_legal_toml(dock):
    combo = dock.investigationCombo
    offered = {combo.itemData(index): combo.itemText(index) for index in range(combo.count())}
    investigations = legal_table()["investigation"]
    assert sorted(offered) == sorted(investigations)
    for key, text in offered.items():
        assert text.endswith(f"({investigations[key]['short_article']})")


def test_the_authorisation_is_asked_exactly_where_legal_toml_requires_one(dock):
    for key, legal in legal_table()["investigation"].items():
        dock.investigationCombo.setCurrentIndex(dock.investigationCombo.findData(key))
        assert dock.authorisationEdit.isEnabled() is legal["requires_authorisation"], key


def test_the_radius_stops_at_the_database_search_limit(dock, qgis_parent):
    dialog = SettingsDialog(Settings(), qgis_parent)
    assert dock.radiusSpin.maximum() == dialog.defaultRadiusSpin.maximum() == MAX_DISTANCE_M
