"""Checks every free-text parameter goes through before it reaches the database or a document."""

from __future__ import annotations

from ..errors import CamreqError
from .translation import tr

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet run a cell's text


def spreadsheet_safe(values: list) -> list:
    """Return values with text a spreadsheet would run as a formula (=HYPERLINK(…), =cmd|…) after an apostrophe."""
    return [f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value for value in values]


def refuse_nul(field: str, text: str) -> str:
    """Return text, or raise naming the field where it holds a NUL byte, which PostgreSQL text cannot store."""
    if "\x00" in text:
        raise CamreqError(tr("contains a NUL character (\\x00), which cannot be stored; remove it."), field)
    return text


def checked_text(field: str, value: str | None, max_length: int, required: bool = True) -> str:
    """Return value stripped of surrounding spaces, or raise naming the field where it cannot be stored."""
    text = (value or "").strip()
    if required and not text:
        raise CamreqError(tr("a value is needed."), field)
    refuse_nul(field, text)
    if len(text) > max_length:
        raise CamreqError(
            tr("{length} characters, at most {maximum} are accepted.").format(length=len(text), maximum=max_length),
            field,
        )
    return text
