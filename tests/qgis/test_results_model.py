"""The list of cameras found: most urgent purge first, expired footage greyed and explained, ticks for requisitions."""

from camreq.core.vocabulary import URGENT_COLOUR
from camreq.dialogs.results_model import COLUMNS, EXPIRED_COLOUR, ResultsModel
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor


def texts(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_rows_are_ordered_by_purge_deadline_and_expired_ones_go_last(search_row):
    model = ResultsModel()
    rows = [
        search_row("GRE-050", 50),
        search_row("GRE-GONE-1", -30),
        search_row("GRE-003", 3),
        search_row("GRE-GONE-2", -2),
        search_row("GRE-100", 100),
    ]
    model.set_rows(rows, search_row.now)
    assert texts(model, 0) == ["GRE-003", "GRE-050", "GRE-100", "GRE-GONE-2", "GRE-GONE-1"]


def test_countdown_column_counts_down_and_says_purged(search_row):
    model = ResultsModel()
    model.set_rows([search_row("A", 3 * 24 + 4.5), search_row("B", 0.25), search_row("C", -1)], search_row.now)
    assert texts(model, COLUMNS.index("purge")) == ["15 min", "3 d 4 h", "purged"]
    model.refresh(search_row.now.replace(hour=13))
    assert texts(model, COLUMNS.index("purge")) == ["purged", "3 d 3 h", "purged"]
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color() == EXPIRED_COLOUR


def test_expired_rows_are_grey_and_explain_why(search_row):
    model = ResultsModel()
    model.set_rows([search_row("LIVE", 200), search_row("GONE", -5, retention_days=5)], search_row.now)
    gone = model.index(1, 0)
    assert gone.data(Qt.ItemDataRole.ForegroundRole).color() == EXPIRED_COLOUR
    assert "keeps 5 days" in gone.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_purge_within_two_days_is_red(search_row):
    model = ResultsModel()
    model.set_rows([search_row("SOON", 47), search_row("LATER", 49)], search_row.now)
    assert model.index(0, COLUMNS.index("purge")).data(Qt.ItemDataRole.ForegroundRole).color() == QColor(URGENT_COLOUR)
    assert model.index(1, COLUMNS.index("purge")).data(Qt.ItemDataRole.ForegroundRole) is None


def test_cameras_with_footage_are_ticked_and_ticks_can_change(search_row):
    model = ResultsModel()
    model.set_rows([search_row("A", 5), search_row("B", 10), search_row("GONE", -1)], search_row.now)
    assert [row.camera_ref for row in model.ticked_rows()] == ["A", "B"]
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(2, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert [row.camera_ref for row in model.ticked_rows()] == ["B", "GONE"]


def test_distance_and_in_view_columns(search_row):
    model = ResultsModel()
    model.set_rows([search_row("A", 5, distance_m=87.6, in_view=False), search_row("B", 6)], search_row.now)
    assert texts(model, 2) == ["88 m", "42 m"]
    assert texts(model, 3) == ["", "✔"]
    assert "does not reach" in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
