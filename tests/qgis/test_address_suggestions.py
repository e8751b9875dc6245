"""The incident field's suggestion model: labels best first for a QCompleter, the match behind each row."""

from __future__ import annotations

from camreq.db.addresses import AddressMatch
from camreq.dialogs.address_suggestions import MATCH_ROLE, AddressSuggestions
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QCompleter, QLineEdit

MATCHES = [
    AddressMatch("12 Rue Félix Poulat 38000 Grenoble", 1.0, "address", "38185_0001_00012", 5.7245, 45.1885),
    AddressMatch("Rue Félix Poulat 38000 Grenoble", 0.7, "street", None, 5.7240, 45.1886),
]


def test_rows_show_the_ban_labels_in_order_and_carry_their_match(qgis_app):
    model = AddressSuggestions()
    model.set_matches(MATCHES)
    assert model.rowCount() == 2
    assert [model.index(row).data() for row in range(2)] == [m.label for m in MATCHES]
    assert model.index(1).data(Qt.ItemDataRole.ToolTipRole) == "0.70"
    assert model.index(0).data(MATCH_ROLE) == MATCHES[0]
    model.set_matches([])
    assert model.rowCount() == 0


def test_a_completer_on_the_field_offers_every_suggestion_unfiltered(qgis_app):
    field = QLineEdit()
    model = AddressSuggestions(field)
    completer = QCompleter(model, field)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    field.setCompleter(completer)
    field.setText("12 r felix poulta")  # typed with a typo: the database matched it, the completer must not refilter
    model.set_matches(MATCHES)
    completer.complete()
    popup = completer.popup()
    assert [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())] == [m.label for m in MATCHES]
