"""Dashboard pages (server-rendered, autoescaped). Thin: parameters -> web.data -> template."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from . import data
from .params import ACTOR_RE, DateRange, EventFilters, Page, date_range, event_filters, page_params
from .render import render_page
from .views import article_html, mention_html, safe_url

router = APIRouter(include_in_schema=False)
Conn = Annotated[object, Depends(data.connection)]
Id = Annotated[int, Path(ge=1, le=2**62)]
OptActor = Annotated[str | None, Query(pattern=ACTOR_RE)]


def pagination(page: Page, count: int, total: int | None, more: bool | None = None) -> dict:
    if more is None:
        more = (page.offset + count < total) if total is not None else count == page.limit
    return {
        "first": page.offset + 1 if count else 0,
        "last": page.offset + count,
        "total": total,
        "prev_offset": max(0, page.offset - page.limit) if page.offset > 0 else None,
        "next_offset": page.offset + page.limit if more else None,
    }


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, conn: Conn, filters: Annotated[EventFilters, Depends(event_filters)],
                page: Annotated[Page, Depends(page_params)]):
    query = filters.as_query()
    result = data.events(conn, query, page.limit, page.offset)
    params = {**query, "limit": page.limit}
    return render_page(request, "events.html", {
        "rows": result["items"], "params": params, "page": pagination(page, len(result["items"]), result["total"]),
    })


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, conn: Conn, event_id: Id):
    found = data.event_detail(conn, event_id)
    if found is None:
        raise HTTPException(404, f"event {event_id} not found")
    label = f"{found.get('cameo', '')} {found.get('cameo_name') or ''}".strip()
    mentions = [{**m, "html": mention_html(m, label)} for m in found.get("mentions_list") or []]
    found["copies"] = found.get("copies") or []
    return render_page(request, "event.html", {"event": found, "mentions": mentions})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, conn: Conn, article_id: Id):
    found = data.article_detail(conn, article_id)
    if found is None:
        raise HTTPException(404, f"article {article_id} not found")
    events, facts = found.get("events") or [], found.get("facts") or []
    return render_page(request, "article.html", {
        "article": found, "events": events, "facts": facts,
        "body": article_html(found.get("text") or "", events, facts), "safe_url": safe_url(found.get("url")),
    })


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, conn: Conn, a: OptActor = None, b: OptActor = None):
    a, b = (a or "").upper() or None, (b or "").upper() or None
    result = data.dyad(conn, a, b) if a and b else None
    return render_page(request, "dyad.html", {"a": a, "b": b, "dyad": result})


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, dates: Annotated[DateRange, Depends(date_range)],
                 min_events: Annotated[int, Query(ge=1, le=10_000)] = 1):
    params = {"date_from": dates.date_from, "date_to": dates.date_to, "min_events": min_events}
    return render_page(request, "network.html", {"params": params})


@router.get("/facts", response_class=HTMLResponse)
def facts_page(request: Request, conn: Conn, page: Annotated[Page, Depends(page_params)], actor: OptActor = None,
               relation: Annotated[str | None, Query(pattern=r"^([a-z_]{2,40})?$")] = None):
    actor = (actor or "").upper() or None
    result = data.facts(conn, actor=actor, relation=relation or None, limit=page.limit, offset=page.offset)
    params = {"actor": actor, "relation": relation or None, "limit": page.limit}
    return render_page(request, "facts.html", {
        "rows": result["items"], "params": params, "page": pagination(page, len(result["items"]), None, result["more"]),
    })


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, conn: Conn):
    return render_page(request, "actors.html", {"rows": data.top_actors(conn, 50)})


@router.get("/docs", response_class=HTMLResponse)
def api_docs_page(request: Request):
    """The API reference, rendered here from the OpenAPI schema (no CDN-hosted Swagger UI)."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description", "")}
                      for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "params": params})
    return render_page(request, "docs.html", {"endpoints": endpoints, "info": schema.get("info", {})})
