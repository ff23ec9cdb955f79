"""JSON API routes (``/api/...``). Thin: validate parameters, call ``web.data`` (-> accord.query)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from . import data
from .params import (ACTOR_RE, DateRange, EventFilters, Page, date_range, event_filters, page_params,
                     reject_unknown_params)

router = APIRouter(prefix="/api", tags=["read"], dependencies=[Depends(reject_unknown_params)])

Conn = Annotated[object, Depends(data.connection)]
Dates = Annotated[DateRange, Depends(date_range)]
ActorRequired = Annotated[str, Query(pattern=ACTOR_RE.replace(")?$", ")$"),
                                     description="Actor code (ISO3, CAMEO actor, IGO code) or part of a name")]


OptActor = Annotated[str | None, Query(pattern=ACTOR_RE, description="Actor code (either side unless named)")]
EventId = Annotated[int, Path(ge=1, le=2**62, description="Event id (as listed by /api/events)")]
ArticleId = Annotated[int, Path(ge=1, le=2**62, description="Article id")]


def _code(value: str | None) -> str | None:
    return value.upper() if value else None


def _not_found(what: str, ident: int):
    raise HTTPException(404, f"{what} {ident} not found")


@router.get("/health", summary="Service and database status")
def health(conn: Conn) -> dict:
    return data.health(conn)


@router.get("/events", summary="Events (clustered), filtered and paginated")
def events(conn: Conn, filters: Annotated[EventFilters, Depends(event_filters)],
           page: Annotated[Page, Depends(page_params)]) -> dict:
    result = data.events(conn, filters.as_query(), page.limit, page.offset)
    return {"limit": page.limit, "offset": page.offset, "total": result["total"], "items": result["items"]}


@router.get("/events/{event_id}", summary="One event with all its mentions and evidence sentences")
def event(conn: Conn, event_id: EventId) -> dict:
    found = data.event_detail(conn, event_id)
    if found is None:
        _not_found("event", event_id)
    return found


@router.get("/articles/{article_id}", summary="One article with its coded events and relation facts")
def article(conn: Conn, article_id: ArticleId) -> dict:
    found = data.article_detail(conn, article_id)
    if found is None:
        _not_found("article", article_id)
    return found


@router.get("/dyad", summary="Relationship between two actors: timeline, events and facts")
def dyad(conn: Conn, a: ActorRequired, b: ActorRequired, dates: Dates) -> dict:
    return data.dyad(conn, a.upper(), b.upper(), dates.date_from, dates.date_to)


@router.get("/actors/top", summary="Most active actors")
def top_actors(conn: Conn, request: Request,
               n: Annotated[int, Query(ge=1, description="How many (capped by the max page size)")] = 20) -> dict:
    cap = request.app.state.cfg.max_page_size
    if n > cap:
        raise HTTPException(422, f"n must be at most {cap}")
    return {"items": data.top_actors(conn, n)}


@router.get("/network", summary="Actor network: nodes and weighted edges")
def network(conn: Conn, dates: Dates,
            limit: Annotated[int, Query(ge=1, le=500, description="Most frequent actor pairs (edges) to include")] = 40,
            min_events: Annotated[int, Query(ge=1, le=10_000, description="Least events for an edge")] = 1) -> dict:
    return data.network(conn, limit=limit, min_events=min_events, date_from=dates.date_from, date_to=dates.date_to)


@router.get("/facts", summary="Relation facts (memberships, trade, agreements in force)")
def facts(conn: Conn, page: Annotated[Page, Depends(page_params)],
          actor: OptActor = None, subject: OptActor = None, object: OptActor = None,
          relation: Annotated[str | None, Query(pattern=r"^([a-z_]{2,40})?$",
                                                description="member_of, trade, partner, ...")] = None) -> dict:
    result = data.facts(conn, actor=_code(actor), subject=_code(subject), object=_code(object),
                        relation=relation or None, limit=page.limit, offset=page.offset)
    return {"limit": page.limit, "offset": page.offset, "more": result["more"], "items": result["items"]}
