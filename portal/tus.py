"""The tus 1.0 resumable upload protocol (core + creation), server side, one requisition per token.

POST creates an upload (Upload-Length, Upload-Metadata: filename and camera), HEAD gives its offset, PATCH appends
at that offset, OPTIONS describes the server. Bodies are streamed to disk and hashed as they come, never held whole.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import secrets
from collections import defaultdict
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from . import clamd, fields
from .names import safe_file_name
from .service import RefusalError
from .vocabulary import ANSWER_MESSAGES

if TYPE_CHECKING:
    from .app import Portal

VERSION = "1.0.0"
_LOCKS: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)


def _tus(status: int, message: str = "", **headers: str) -> Response:
    """Return a tus response with the protocol's version header (and a French message saying what was wrong)."""
    headers = {"Tus-Resumable": VERSION, "Cache-Control": "no-store", **headers}
    return Response(message or None, status_code=status, headers=headers, media_type="text/plain" if message else None)


def _metadata(header: str) -> dict[str, str]:
    """Return the Upload-Metadata pairs (values base64), decoded; undecodable values are left out."""
    pairs = {}
    for item in header.split(","):
        key, _, value = item.strip().partition(" ")
        try:
            pairs[key] = base64.b64decode(value, validate=True).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            continue
    return pairs


async def options(request: Request) -> Response:
    """Describe the server: version, extension, largest upload."""
    return _tus(204, **{"Tus-Version": VERSION, "Tus-Extension": "creation", "Tus-Max-Size": str(1 << 40)})


async def create(request: Request) -> Response:
    """Create an upload for one camera of the token's requisition, within its size limit and the free disk."""
    portal: Portal = request.app.state.portal
    token = request.path_params["token"]
    if not portal.csrf_ok(request, request.headers.get("x-csrf-token", "")):
        return _tus(403)
    meta = _metadata(request.headers.get("upload-metadata", ""))
    try:
        length = fields.whole_number(request.headers.get("upload-length", ""), "taille")
        camera = fields.whole_number(meta.get("camera", ""), "camera")
    except RefusalError as refusal:
        return _tus(400, ANSWER_MESSAGES[refusal.code])
    if not portal.storage.has_room_for(length):
        return _tus(507)
    upload_id = secrets.token_hex(16)
    name = safe_file_name(meta.get("filename", ""))
    try:
        await run_in_threadpool(portal.db.start_deposit, token, camera, upload_id, name, length)
    except RefusalError as refusal:
        return _tus(413 if refusal.code == "limit" else 404)
    portal.storage.create(upload_id)
    location = f"{portal.public_url}/r/{token}/tus/{upload_id}"
    if length == 0:
        await _finish(portal, token, upload_id)
    return _tus(201, Location=location)


async def head(request: Request) -> Response:
    """Return how much of an unfinished upload the server has."""
    portal: Portal = request.app.state.portal
    token, upload_id = request.path_params["token"], request.path_params["upload_id"]
    length = await run_in_threadpool(portal.db.upload_size, token, upload_id)
    offset = portal.storage.offset(upload_id)
    if length is None or offset is None:
        return _tus(404)
    return _tus(200, **{"Upload-Offset": str(offset), "Upload-Length": str(length)})


async def patch(request: Request) -> Response:
    """Append the body at Upload-Offset, hashing as it is written; finish the deposit once complete."""
    portal: Portal = request.app.state.portal
    token, upload_id = request.path_params["token"], request.path_params["upload_id"]
    if not portal.csrf_ok(request, request.headers.get("x-csrf-token", "")):
        return _tus(403)
    if request.headers.get("content-type") != "application/offset+octet-stream":
        return _tus(415)
    length = await run_in_threadpool(portal.db.upload_size, token, upload_id)
    if length is None:
        return _tus(404)
    async with _LOCKS[upload_id]:
        offset = portal.storage.offset(upload_id)
        if offset is None:
            return _tus(404)
        if request.headers.get("upload-offset") != str(offset):
            return _tus(409, **{"Upload-Offset": str(offset)})
        partial = await run_in_threadpool(portal.storage.partial, upload_id)
        too_long = False
        with portal.storage.incoming(upload_id).open("ab") as file:
            try:
                async for data in request.stream():
                    if partial.offset + len(data) > length:
                        too_long = True
                        break
                    file.write(data)
                    partial.hasher.update(data)
                    partial.offset += len(data)
            except ClientDisconnect:
                pass  # what arrived is kept: the client resumes from HEAD's offset
        if too_long:
            return _tus(413, **{"Upload-Offset": str(partial.offset)})
        if partial.offset == length:
            await _finish(portal, token, upload_id)
        return _tus(204, **{"Upload-Offset": str(partial.offset)})


async def _finish(portal: Portal, token: str, upload_id: str) -> None:
    """Scan a complete upload when ClamAV is configured, move it, record its SHA-256 and scan result."""
    flagged, detail, result = False, "", "not_scanned"
    if portal.clamd_socket:
        flagged, detail = await run_in_threadpool(clamd.scan, portal.clamd_socket, portal.storage.incoming(upload_id))
        result = "infected" if flagged else "clean"
    sha256 = await run_in_threadpool(portal.storage.finish, upload_id, flagged)
    await run_in_threadpool(portal.db.finish_deposit, token, upload_id, sha256, result, detail)
