"""The panel and the settings read the one vocabulary: legal.toml's investigation types, the French delivery text
printed in the PDF whatever the interface language, and the database's search distance limit."""

import pytest
from camreq.core.requisitions import RequisitionForm
from camreq.core.vocabulary import MAX_DISTANCE_M, legal_table
from camreq.dialogs.settings_dialog import SettingsDialog
from camreq.settings import Settings


@pytest.fixture
def requisitions_tab(qgis_iface):
    """Return the Requisitions tab alone, in an English QGIS."""
    from camreq.dialogs.requisitions_tab import RequisitionsTab

    return RequisitionsTab(qgis_iface.messageBar(), Settings())


def test_the_default_delivery_is_the_french_text_of_the_pdf_in_an_english_interface(requisitions_tab):
    assert requisitions_tab.windowTitle() == "Requisitions"  # no translator: QGIS runs in English
    assert requisitions_tab.deliveryEdit.text() == RequisitionForm.delivery  # the algorithms' default, printed as is
    assert requisitions_tab.deliveryEdit.text().startswith("Copie intégrale des enregistrements")


def test_investigation_types_and_their_articles_come_from_legal_toml(requisitions_tab):
    combo = requisitions_tab.investigationCombo
    offered = {combo.itemData(index): combo.itemText(index) for index in range(combo.count())}
    investigations = legal_table()["investigation"]
    assert sorted(offered) == sorted(investigations)
    for key, text in offered.items():
        assert text.endswith(f"({investigations[key]['short_article']})")


def test_the_authorisation_is_asked_exactly_where_legal_toml_requires_one(requisitions_tab):
    combo = requisitions_tab.investigationCombo
    for key, legal in legal_table()["investigation"].items():
        combo.setCurrentIndex(combo.findData(key))
        assert requisitions_tab.authorisationEdit.isEnabled() is legal["requires_authorisation"], key


def test_the_radius_stops_at_the_database_search_limit(search_tab, qgis_parent):
    dialog = SettingsDialog(Settings(), qgis_parent)
    assert search_tab.radiusSpin.maximum() == dialog.defaultRadiusSpin.maximum() == MAX_DISTANCE_M
