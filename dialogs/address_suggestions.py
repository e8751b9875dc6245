"""The suggestions of the incident field: a list model of address matches for a QCompleter (no widget here)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qgis.PyQt.QtCore import QAbstractListModel, QModelIndex, Qt

from ..db.addresses import AddressMatch

MATCH_ROLE = Qt.ItemDataRole.UserRole + 1  # the AddressMatch of a row


class AddressSuggestions(QAbstractListModel):
    """Addresses found for what is typed, best first: the BAN label shown, the score as a tooltip."""

    def __init__(self, parent=None) -> None:
        """Start empty."""
        super().__init__(parent)
        self.matches: list[AddressMatch] = []

    def set_matches(self, matches: Iterable[AddressMatch]) -> None:
        """Replace the suggestions (core.addresses.suggest's answer)."""
        self.beginResetModel()
        self.matches = list(matches)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's signature)
        """Return the number of suggestions."""
        return 0 if parent.isValid() else len(self.matches)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a suggestion's label (display and edit), score (tooltip) or AddressMatch (MATCH_ROLE)."""
        if not index.isValid() or not 0 <= index.row() < len(self.matches):
            return None
        match = self.matches[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return match.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{match.score:.2f}"
        if role == MATCH_ROLE:
            return match
        return None
