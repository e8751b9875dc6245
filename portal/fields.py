"""What the portal reads from an owner's form fields and tus headers: a camera id, a number, a free text.

Each value is checked here before it goes anywhere: what PostgreSQL would refuse (a NUL, a number beyond bigint)
becomes a RefusalError whose code names the field's French message in vocabulary.ANSWER_MESSAGES.
"""

from __future__ import annotations

import re

from .service import RefusalError

BIGINT_MAX = 2**63 - 1  # the camera id and size columns are bigint
_DIGITS = re.compile("[0-9]{1,19}")  # ASCII only: "²" and fullwidth digits are digits to str.isdigit and int()


def whole_number(value: str, code: str) -> int:
    """Return value as a whole number of ASCII digits within bigint; RefusalError(code) otherwise."""
    if not _DIGITS.fullmatch(value) or int(value) > BIGINT_MAX:
        raise RefusalError(code)
    return int(value)


def free_text(value: str, code: str) -> str:
    """Return value without its outer spaces; RefusalError(code + "_nul") for a NUL, which no text column takes."""
    if "\0" in value:
        raise RefusalError(code + "_nul")
    return value.strip()
