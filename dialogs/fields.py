"""The panel's fields: typed text checked as the core checks parameters (the field named as the user sees it), dates."""

from __future__ import annotations

from qgis.gui import QgsDateTimeEdit
from qgis.PyQt.QtWidgets import QLabel, QLineEdit

from ..core.inputs import refuse_nul

DATE_FORMAT = "dd/MM/yyyy HH:mm"
ANY_LENGTH = 2**31 - 1  # a QLineEdit keeps 32,767 characters by default and silently drops the rest


def accept_any_length(*edits: QLineEdit) -> None:
    """Let edits hold text of any length: a too long value then reaches the checks and is refused with a message."""
    for edit in edits:
        edit.setMaxLength(ANY_LENGTH)


def field_name(label: QLabel | QLineEdit) -> str:
    """Return the name a field shows: its label's text, or the placeholder of an edit without a label."""
    text = label.placeholderText() if isinstance(label, QLineEdit) else label.text()
    return text.replace("&", "").rstrip(" :")


def typed_text(edit: QLineEdit, label: QLabel | None = None) -> str:
    """Return the text of edit without surrounding spaces; raise CamreqError naming its field if it cannot be stored."""
    return refuse_nul(field_name(label or edit), edit.text().strip())


def date_time_edits(*edits: QgsDateTimeEdit) -> None:
    """Make edits show day and minute, with a calendar, never empty."""
    for edit in edits:
        edit.setAllowNull(False)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
