"""Text typed in the panel's fields: checked as the core checks parameters, the field named as the user sees it."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QLabel, QLineEdit

from ..core.inputs import refuse_nul

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
