"""The portal's log: uvicorn's (a line per request, errors with their traceback), every token in it masked.

A token shows as ``sha256:`` and the first 6 hex digits of its SHA-256, the start of its row's ``token_sha256``:
enough to follow one link's requests and tell a guesser's many tokens apart, nothing to open the link with.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG
from uvicorn.logging import AccessFormatter, DefaultFormatter

from . import links

# what a client sent as a link's token (a near miss is nearly a real token), and a token anywhere else (a fetch
# token, a message)
TOKEN = re.compile(rf"(?<=/r/)[^/?\s\"]+|(?<![\w-]){links.TOKEN}(?![\w-])", re.ASCII)


def mask(text: str) -> str:
    """Return text with each token replaced by sha256: and the first 6 hex digits of its SHA-256."""
    return TOKEN.sub(lambda found: "sha256:" + hashlib.sha256(found[0].encode()).hexdigest()[:6], text)


class _Masking(logging.Formatter):
    """A formatter whose every line (message, traceback) is masked."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record formatted, tokens masked."""
        return mask(super().format(record))


class MaskingFormatter(_Masking, DefaultFormatter):
    """uvicorn's formatter of its messages and errors, tokens masked."""


class MaskingAccessFormatter(_Masking, AccessFormatter):
    """uvicorn's formatter of the request lines, tokens masked."""


def log_config() -> dict[str, Any]:
    """Return uvicorn's logging configuration with masking formatters, also for every other logger (root)."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["default"]["()"] = MaskingFormatter
    config["formatters"]["access"]["()"] = MaskingAccessFormatter
    config["root"] = {"handlers": ["default"], "level": "WARNING"}  # asyncio's and the libraries' messages
    return config
