"""File names as an owner's browser sends them, made safe to show and to store as a record."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 200
FALLBACK = "fichier"


def safe_file_name(name: str) -> str:
    """Return the last path part of name without control or direction characters, at most 200 characters."""
    name = unicodedata.normalize("NFC", name)
    name = "".join(c for c in name if unicodedata.category(c)[0] not in "CZ" or c == " ")
    name = re.split(r"[/\\]", name)[-1]
    name = re.sub(r" +", " ", name).strip(" .")
    if len(name) > MAX_NAME:
        stem, dot, extension = name.rpartition(".")
        keep = extension[:16] if dot and stem else ""
        name = name[: MAX_NAME - len(keep) - (1 if keep else 0)].rstrip(" .") + ("." + keep if keep else "")
    return name or FALLBACK
