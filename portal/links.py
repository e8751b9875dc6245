"""What the portal reads from a link's path: the owner's token and an upload id, each of its one shape.

Anything else in their place (a NUL, an accent, a character too many) reads as UNKNOWN, which no link or upload has:
every route then answers it as a wrong token, and nothing PostgreSQL would refuse reaches it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from starlette.convertors import Convertor, register_url_convertor

TOKEN = "[A-Za-z0-9_-]{43}"  # noqa: S105  # nosec B105  # a shape: secrets.token_urlsafe(32), as db/portal.py draws them
UPLOAD_ID = "[0-9a-f]{32}"  # secrets.token_hex(16), as tus.create draws them
UNKNOWN = "-"


class _Shaped(Convertor[str]):
    """A path segment: itself when it has the shape, UNKNOWN otherwise."""

    regex = "[^/]+"
    shape: ClassVar[re.Pattern[str]]

    def convert(self, value: str) -> str:
        """Return the segment, or UNKNOWN when it is not of the shape."""
        return value if self.shape.fullmatch(value) else UNKNOWN

    def to_string(self, value: str) -> str:
        """Return the segment as written in a path."""
        return value


class _Token(_Shaped):
    shape = re.compile(TOKEN)


class _UploadId(_Shaped):
    shape = re.compile(UPLOAD_ID)


def register() -> None:
    """Make {token:token} and {upload_id:upload_id} usable in the routes' paths."""
    register_url_convertor("token", _Token())
    register_url_convertor("upload_id", _UploadId())
