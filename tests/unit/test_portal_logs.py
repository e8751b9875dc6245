"""The portal's log masks a token outside request lines too (tests/db/test_portal.py checks those): tracebacks."""

from __future__ import annotations

import hashlib
import logging
import secrets
import sys

from camreq.portal.logs import MaskingFormatter


def test_a_token_in_an_exceptions_message_is_masked_in_its_traceback():
    token = secrets.token_urlsafe(32)
    try:
        raise ValueError(f"no requisition for ({token})")
    except ValueError:
        record = logging.LogRecord("uvicorn.error", logging.ERROR, __file__, 1, "Exception in ASGI application", (),
                                   sys.exc_info())  # fmt: skip
    line = MaskingFormatter("%(levelprefix)s %(message)s").format(record)
    assert token not in line
    assert f"ValueError: no requisition for (sha256:{hashlib.sha256(token.encode()).hexdigest()[:6]})" in line
