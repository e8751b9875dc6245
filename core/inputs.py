"""Checks every free-text parameter goes through before it reaches the database or a document."""

from __future__ import annotations

from ..errors import CamreqError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet run a cell's text


def spreadsheet_safe(values: list) -> list:
    """Return values with text a spreadsheet would run as a formula (=HYPERLINK(…), =cmd|…) after an apostrophe."""
    return [f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value for value in values]


def refuse_nul(field: str, text: str) -> str:
    """Return text, or raise naming the field where it holds a NUL byte, which PostgreSQL text cannot store."""
    if "\x00" in text:
        raise CamreqError(f"{field}: contains a NUL character (\\x00), which cannot be stored; remove it.")
    return text


def checked_text(field: str, value: str | None, max_length: int, required: bool = True) -> str:
    """Return value stripped of surrounding spaces, or raise naming the field where it cannot be stored."""
    text = (value or "").strip()
    if required and not text:
        raise CamreqError(f"{field}: a value is needed.")
    refuse_nul(field, text)
    if len(text) > max_length:
        raise CamreqError(f"{field}: {len(text)} characters, at most {max_length} are accepted.")
    return text
