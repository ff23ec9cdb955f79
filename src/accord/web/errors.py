"""Error handlers: JSON under /api, a small HTML page elsewhere; never a traceback."""
from __future__ import annotations

import logging

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import AccordError

log = logging.getLogger(__name__)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _validation_details(exc: RequestValidationError) -> list[dict]:
    out = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        out.append({"param": ".".join(loc), "message": str(err.get("msg", "invalid value"))})
    return out


def _respond(request: Request, status: int, detail: str, extra: dict | None = None):
    if _wants_json(request):
        body = {"error": {"status": status, "detail": detail, **(extra or {})}}
        return JSONResponse(body, status_code=status)
    from .render import render_page

    return render_page(request, "error.html", {"status": status, "detail": detail,
                                              "problems": (extra or {}).get("problems", [])}, status_code=status)


def install(app) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail, extra = exc.detail, None
        if isinstance(detail, dict):  # {"detail": message, **extra fields for the JSON body}
            extra = {k: v for k, v in detail.items() if k != "detail"}
            detail = detail.get("detail")
        resp = _respond(request, exc.status_code, detail if isinstance(detail, str) else "error", extra)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        status = 422 if _wants_json(request) else 400
        return _respond(request, status, "invalid request parameters", {"problems": _validation_details(exc)})

    @app.exception_handler(AccordError)
    async def accord_error(request: Request, exc: AccordError):
        log.warning("request %s failed: %s", request.url.path, exc)
        return _respond(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return _respond(request, 500, "internal error")
