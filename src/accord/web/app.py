"""The web application factory: JSON API under ``/api`` plus the server-rendered dashboard.

Read-only by default; ``readonly=False`` plus a ``token`` mounts the token-protected
``POST /api/ingest`` (see ``web.ingest``). All data access goes through ``accord.query`` (via ``web.data``); the web
layer only parses parameters and renders. Responses carry a strict Content-Security-Policy (no
inline scripts or styles, nothing from other origins), request bodies are capped, and errors come
back as short JSON (API) or a plain error page (dashboard), never as tracebacks.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import AccordError

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_PAGE = 500
DEFAULT_MAX_BODY = 1_000_000

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


@dataclass(frozen=True)
class WebConfig:
    db_path: str
    readonly: bool = True
    token: str | None = None
    max_page_size: int = DEFAULT_MAX_PAGE
    max_body_bytes: int = DEFAULT_MAX_BODY


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Refuses request bodies larger than ``limit`` bytes (declared or streamed) with 413."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                too_big = True
            if too_big:
                return await _send_json(send, 413, "request body too large")
        seen = 0

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            await _send_json(send, 413, "request body too large")


class _BodyTooLarge(Exception):
    pass


async def _send_json(send, status: int, detail: str) -> None:
    import json

    body = json.dumps({"error": {"status": status, "detail": detail}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _check_database(db_path: str) -> None:
    """Fail at start-up, clearly, when the file is not a readable Accord database."""
    import sqlite3

    from ..store import Store

    try:
        Store(db_path, readonly=True).close()
    except sqlite3.Error as exc:
        raise AccordError(f"{db_path} is not a readable Accord database: {exc}") from exc


def create_app(db_path: str, *, readonly: bool = True, token: str | None = None,
               max_page_size: int = DEFAULT_MAX_PAGE, max_body_bytes: int = DEFAULT_MAX_BODY, settings=None):
    """Build the FastAPI app serving ``db_path``. Raises AccordError if the database is missing.

    ``settings`` (``accord.config.Settings``, e.g. from ``accord serve --config``) are what
    ``POST /api/ingest`` codes with (extra actor and pattern files, limits); without them it uses
    ``load_settings()``. Their ``db`` is set to ``db_path``.
    """
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles

    from . import api, errors, ingest, pages

    if not Path(db_path).is_file():
        raise AccordError(f"database not found: {db_path}")
    _check_database(str(db_path))
    if max_page_size < 1:
        raise AccordError("max_page_size must be at least 1")
    app = FastAPI(
        title="Accord",
        version="0.1.0",
        description="Structured, sourced event data about international affairs (read-only API).",
        docs_url=None,  # the Swagger/ReDoc pages load assets from a CDN; the schema is at /api/openapi.json
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.cfg = WebConfig(str(db_path), readonly, token or None, int(max_page_size), int(max_body_bytes))
    app.state.settings = replace(settings, db=str(db_path)) if settings is not None else None
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    if not readonly and token:
        app.include_router(ingest.router)
    elif not readonly:
        log.warning("no API token configured: the ingest endpoint stays disabled")
    app.include_router(pages.router)
    errors.install(app)
    app.add_middleware(BodyLimitMiddleware, limit=int(max_body_bytes))
    app.add_middleware(SecurityHeadersMiddleware)
    return app
