"""Jinja2 environment (autoescape always on) and the page-rendering helper."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from .app import HERE

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


def _actor_label(actor) -> str:
    if not actor:
        return "—"
    if isinstance(actor, str):
        return actor
    return actor.get("code") or actor.get("name") or actor.get("text") or "—"


def _qs(params: dict, **changes) -> str:
    """Query string from ``params`` with ``changes`` applied; empty values are left out."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["actor"] = _actor_label
    env.filters["quad_name"] = lambda q: QUAD_NAMES.get(q, "—") if q is not None else "—"
    env.globals["qs"] = _qs
    return env


def render_page(request: Request, name: str, context: dict, status_code: int = 200) -> HTMLResponse:
    template = environment().get_template(name)
    html = template.render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)
