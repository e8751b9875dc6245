"""The portal's web application: the owner's pages, the tus uploads, the investigator's fetch, static files."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import secrets
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg2
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import fields, links, tus
from .receipt import receipt_pdf, receipt_time
from .service import Database, RefusalError
from .storage import Storage
from .vocabulary import ANSWER_MESSAGES, NO_FOOTAGE_LABELS, STATUS_LABELS

HERE = Path(__file__).resolve().parent
LOG = logging.getLogger("camreq.portal")
VENDOR = HERE.parent / "build" / "portal-npm" / "node_modules" / "tus-js-client"
PARIS = ZoneInfo("Europe/Paris")
CSRF_COOKIE = "camreq_csrf"
FREE_TRIES = 5  # wrong tokens from one address before each next answer is slowed down
SLOW_WINDOW_S = 600.0
RETENTION_EVERY_S = 3600.0


@dataclass
class WrongTokens:
    """Wrong or dead tokens per client address in the last ten minutes, to slow guessing down."""

    seen: dict[str, list[float]] = field(default_factory=dict)

    def delay(self, address: str) -> float:
        """Record a wrong token from address and return how long to wait before answering (seconds)."""
        now = time.monotonic()
        recent = [t for t in self.seen.get(address, []) if now - t < SLOW_WINDOW_S] + [now]
        self.seen[address] = recent
        return 0.0 if len(recent) <= FREE_TRIES else min(0.5 * 2 ** (len(recent) - FREE_TRIES - 1), 10.0)


@dataclass
class Portal:
    """What the routes share: the database, the storage, the public address, the optional ClamAV socket."""

    db: Database
    storage: Storage
    public_url: str
    clamd_socket: str = ""
    wrong_tokens: WrongTokens = field(default_factory=WrongTokens)

    def csrf_ok(self, request: Request, sent: str) -> bool:
        """Return whether a post carries the CSRF token of its browser's cookie."""
        cookie = request.cookies.get(CSRF_COOKIE, "")
        return bool(cookie) and hmac.compare_digest(cookie.encode(), sent.encode())


def _paris(value: str | None) -> str:
    """Return an ISO date-time from the database as Paris time, the French way (le 02/12/2026 à 14 h 05)."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value).astimezone(PARIS)
    return moment.strftime("%d/%m/%Y à %H h %M")


def _size(value: int) -> str:
    """Return a byte count for people (Mo, Go)."""
    for unit, scale in (("Go", 1 << 30), ("Mo", 1 << 20), ("ko", 1 << 10)):
        if value >= scale:
            return f"{value / scale:.1f} {unit}".replace(".", ",")
    return f"{value} octets"


TEMPLATES = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
TEMPLATES.filters.update(paris=_paris, size=_size)


def _render(name: str, **context: object) -> str:
    """Return a template rendered with the portal's French words."""
    return TEMPLATES.get_template(name).render(
        statuses=STATUS_LABELS, reasons=NO_FOOTAGE_LABELS, messages=ANSWER_MESSAGES, **context
    )


def _page(name: str, status: int = 200, **context: object) -> HTMLResponse:
    """Render a page; every page forbids framing and third-party content."""
    return HTMLResponse(_render(name, **context), status_code=status, headers=SECURITY_HEADERS)


SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


async def _dead_link(request: Request) -> HTMLResponse:
    """Say the link does not work (wrong, closed, cancelled or expired alike), after the address's delay."""
    portal: Portal = request.app.state.portal
    address = request.client.host if request.client else ""
    await asyncio.sleep(portal.wrong_tokens.delay(address))
    return _page("dead.html", 404)


async def requisition_page(request: Request) -> Response:
    """Show the requisition of the token: cameras, windows, purge deadline, the PDF, the forms to answer."""
    portal: Portal = request.app.state.portal
    token = request.path_params["token"]
    requisition = await run_in_threadpool(portal.db.requisition, token)
    if requisition is None:
        return await _dead_link(request)
    csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = _page(
        "requisition.html", token=token, r=requisition, csrf=csrf, done=request.query_params.get("fait", "")
    )
    response.set_cookie(
        CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=portal.public_url.startswith("https:"), path="/r/"
    )
    return response


async def document(request: Request) -> Response:
    """Serve the issued PDF of the token's requisition, as stored in the database."""
    portal: Portal = request.app.state.portal
    stored = await run_in_threadpool(portal.db.document, request.path_params["token"])
    if stored is None:
        return await _dead_link(request)
    file_name, pdf = stored
    headers = {**SECURITY_HEADERS, "Content-Disposition": f'inline; filename="{file_name}"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


async def action(request: Request) -> Response:
    """Handle a form post (acknowledge, no footage, refuse, confirm), CSRF-checked, then show the page again."""
    portal: Portal = request.app.state.portal
    token, what = request.path_params["token"], request.path_params["action"]
    form = await request.form()
    if not portal.csrf_ok(request, str(form.get("csrf", ""))):
        return _page("refused.html", 403)
    try:
        if what == "accuse":
            done = await run_in_threadpool(portal.db.acknowledge, token)
        elif what in ("aucune", "refus"):
            camera = fields.whole_number(str(form.get("camera", "")), "camera")
            answer = "no_footage" if what == "aucune" else "refused"
            reason = fields.free_text(str(form.get("reason", "")), "raison")
            if not reason or (answer == "no_footage" and reason not in NO_FOOTAGE_LABELS):
                raise RefusalError("raison")
            try:
                await run_in_threadpool(portal.db.answer, token, camera, answer, reason)
            except RefusalError:  # the camera is not one of the link's requisition (or the link is dead)
                raise RefusalError("camera") from None
            done = True
        elif what == "confirme":
            answered = await run_in_threadpool(portal.db.requisition, token)  # the receipt shows it as confirmed
            if answered is None:
                return await _dead_link(request)
            context: dict[str, object] = {"r": answered, "at": receipt_time().isoformat()}
            pdf = await run_in_threadpool(receipt_pdf, _render("receipt.html", **context))
            done = await run_in_threadpool(portal.db.confirm, token, pdf) is not None
            if done:
                return _page("confirmed.html", 200, **context)
        else:
            return await _dead_link(request)
    except RefusalError as refusal:
        return RedirectResponse(f"/r/{token}?fait={refusal.code}", status_code=303)
    if not done:
        return await _dead_link(request)
    return RedirectResponse(f"/r/{token}?fait={what}", status_code=303)


async def fetch_list(request: Request) -> Response:
    """List the deposits a fetch token (Authorization: Bearer) opens, for camreq:fetchfootage."""
    portal: Portal = request.app.state.portal
    deposits = await run_in_threadpool(portal.db.fetchable, _bearer(request))
    if not deposits:
        return JSONResponse({"deposits": []}, status_code=404)
    return JSONResponse({"deposits": [d.__dict__ for d in deposits]})


async def fetch_file(request: Request) -> Response:
    """Serve one deposit a fetch token opens."""
    portal: Portal = request.app.state.portal
    upload_id = request.path_params["upload_id"]
    deposits = await run_in_threadpool(portal.db.fetchable, _bearer(request))
    if upload_id not in {d.upload_id for d in deposits}:
        return Response(status_code=404)
    return FileResponse(portal.storage.deposit(upload_id), media_type="application/octet-stream")


async def unavailable(_request: Request, _error: Exception) -> Response:
    """Answer any request while the database cannot be reached: a page saying so, 503, nothing recorded."""
    return _page("unavailable.html", 503)


def _bearer(request: Request) -> str:
    """Return the token of an Authorization: Bearer header (empty without one)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


async def _delete_expired(portal: Portal) -> None:
    """Delete the files whose retention is over and record each deletion, every hour."""
    while True:
        try:
            for upload_id in await run_in_threadpool(portal.db.expired_deposits):
                portal.storage.delete(upload_id)
                await run_in_threadpool(portal.db.record_deletion, upload_id)
        except psycopg2.OperationalError as error:  # a file deleted but not yet recorded is listed again next time
            LOG.warning("Deposit retention: the database cannot be reached (%s); next try in an hour.", error)
        await asyncio.sleep(RETENTION_EVERY_S)


def create_app(portal: Portal) -> Starlette:
    """Return the portal's ASGI application."""
    if not (VENDOR / "dist" / "tus.min.js").is_file():
        raise SystemExit(f"tus-js-client is missing from {VENDOR}: run `make setup` (npm installs it there).")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        retention = asyncio.create_task(_delete_expired(portal))
        yield
        retention.cancel()
        portal.db.close()

    links.register()
    routes = [
        Route("/r/{token:token}", requisition_page),
        Route("/r/{token:token}/document", document),
        Route("/r/{token:token}/tus", tus.create, methods=["POST"]),
        Route("/r/{token:token}/tus", tus.options, methods=["OPTIONS"]),
        Route("/r/{token:token}/tus/{upload_id:upload_id}", tus.head, methods=["HEAD"]),
        Route("/r/{token:token}/tus/{upload_id:upload_id}", tus.patch, methods=["PATCH"]),
        Route("/r/{token:token}/{action:str}", action, methods=["POST"]),
        Route("/fetch", fetch_list),
        Route("/fetch/{upload_id:str}", fetch_file),
        Mount("/static/vendor", StaticFiles(directory=VENDOR / "dist")),
        Mount("/static", StaticFiles(directory=HERE / "static")),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={psycopg2.OperationalError: unavailable})
    app.state.portal = portal
    return app
