"""A read-only table model over records: the follow-up list and a requisition's history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QBrush, QFont

Cell = Callable[[Any], str]
Column = tuple[str, Cell] | tuple[str, Cell, Cell]  # title, text and, where it says more than the text, tooltip


class RecordsModel(QAbstractTableModel):
    """Shows records, one per row, a column per (title, text[, tooltip]); style(record) may colour, embolden a row."""

    def __init__(
        self,
        columns: Sequence[Column],
        style: Callable[[Any], tuple[QBrush | None, bool]] = lambda record: (None, False),
        parent=None,
    ) -> None:
        """Start empty."""
        super().__init__(parent)
        self._columns = list(columns)
        self._style = style
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        """Show records in the given order."""
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> Any:
        """Return the record shown at row."""
        return self._records[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Return the number of records (none under a row)."""
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        """Return the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, and the row's colour and weight."""
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = self._columns[index.column()]
            return column[-1 if role == Qt.ItemDataRole.ToolTipRole else 1](record)
        brush, bold = self._style(record)
        if role == Qt.ItemDataRole.ForegroundRole:
            return brush
        if role == Qt.ItemDataRole.FontRole and bold:
            font = QFont()
            font.setBold(True)
            return font
        return None
