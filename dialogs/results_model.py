"""The dock's list of cameras found: most urgent purge first, expired footage greyed and explained, tickable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QBrush, QColor

from ..core.countdown import format_countdown
from ..core.search import CameraHit
from ..core.times import display, now
from ..core.vocabulary import PAST_COLOUR, URGENCY, URGENT_COLOUR

EXPIRED_COLOUR = QColor(PAST_COLOUR)
COLUMNS = ("camera", "purge", "distance", "in_view", "owner")  # the owner stretches last


def deadline_order(rows: Sequence[CameraHit]) -> list[CameraHit]:
    """Return rows with footage still available first, soonest purge first, then the expired ones, latest first."""
    available = sorted((row for row in rows if row.footage_available), key=lambda row: row.purge_at)
    expired = sorted((row for row in rows if not row.footage_available), key=lambda row: row.purge_at)
    return available + expired[::-1]


class ResultsModel(QAbstractTableModel):
    """Table model over the cameras a search found; column 0 carries the tick that selects a camera for requisitions."""

    def __init__(self, parent=None) -> None:
        """Start empty."""
        super().__init__(parent)
        self._rows: list[CameraHit] = []
        self._ticked: list[bool] = []
        self._now = now()

    def set_rows(self, rows: Sequence[CameraHit], now: datetime) -> None:
        """Show rows in deadline order, as of now; the cameras whose footage is still available are ticked."""
        self.beginResetModel()
        self._rows = deadline_order(rows)
        self._ticked = [bool(row.footage_available) for row in self._rows]
        self._now = now
        self.endResetModel()

    def refresh(self, now: datetime) -> None:
        """Recompute the countdowns as of now."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def tick_only(self, wanted: Callable[[CameraHit], bool]) -> None:
        """Tick the cameras for which wanted(camera) is true, untick the others."""
        self._ticked = [bool(wanted(row)) for row in self._rows]
        if self._rows:
            last = self.index(len(self._rows) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])

    def row_at(self, row: int) -> CameraHit:
        """Return the camera shown at position row."""
        return self._rows[row]

    def ticked_rows(self) -> list[CameraHit]:
        """Return the cameras whose tick is set, in the order shown."""
        return [row for row, ticked in zip(self._rows, self._ticked, strict=True) if ticked]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Return the number of rows (none under a row)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        """Return the column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "camera": self.tr("Camera"),
            "purge": self.tr("Purge in"),
            "distance": self.tr("Distance"),
            "in_view": self.tr("In view"),
            "owner": self.tr("Owner"),
        }
        return titles[COLUMNS[section]]

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        """Rows are selectable; the first column is tickable."""
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Set or clear a row's tick."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        self._ticked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        return True

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a cell shows: text, tick, tooltip and colour."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == "camera":
            return Qt.CheckState.Checked if self._ticked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("distance", "in_view", "purge"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: CameraHit, column: str) -> str:
        """Return the text of one cell."""
        if column == "camera":
            return str(row.camera_ref)
        if column == "owner":
            return str(row.owner_name)
        if column == "distance":
            return self.tr("{metres} m").format(metres=round(row.distance_m))
        if column == "in_view":
            return "✔" if row.in_view else ""
        if self._expired(row):
            return self.tr("purged")
        return format_countdown(row.purge_at - self._now, day=self.tr("d"), hour=self.tr("h"), minute=self.tr("min"))

    def _tooltip(self, row: CameraHit, column: str) -> str:
        """Return the explanation shown when hovering a cell."""
        if column == "owner":
            return self.tr("{owner}, camera {camera}: {contact}").format(
                owner=row.owner_name,
                camera=row.camera_ref,
                contact=row.owner_email
                or self.tr("this owner has no e-mail address, the requisition must be delivered by hand."),
            )
        purge = display(row.purge_at)
        if self._expired(row):
            return self.tr(
                "Footage purged since {purge}: this recorder keeps {days} days of images. "
                "A requisition can no longer obtain it, unless the owner kept a copy."
            ).format(purge=purge, days=row.retention_days)
        if column == "in_view":
            if row.in_view:
                return self.tr("The camera's field of view reaches the incident.")
            return self.tr("Within the search radius, but its field of view does not reach the incident.")
        return self.tr("Footage kept until {purge} ({days} days of retention).").format(
            purge=purge, days=row.retention_days
        )

    def _expired(self, row: CameraHit) -> bool:
        """Return whether the row's footage is gone: at the search, or since (the panel stays open)."""
        return not row.footage_available or row.purge_at <= self._now

    def _colour(self, row: CameraHit, column: str) -> QBrush | None:
        """Return grey for expired footage and red for a purge within URGENCY (48 hours)."""
        if self._expired(row):
            return QBrush(EXPIRED_COLOUR)
        if column == "purge" and row.purge_at - self._now < URGENCY:
            return QBrush(QColor(URGENT_COLOUR))
        return None
