"""The web layer's only door to the data: calls ``accord.query`` and adapts shapes for API and pages.

One read-only connection per request (``connection`` dependency). Things the query layer does not
offer directly are composed here from its public functions only (no SQL in the web layer):
the A–B dyad filter of the event table (either direction) and the dyad timeline for the chart.
"""
from __future__ import annotations

import heapq
import logging
from functools import lru_cache
from typing import Iterator

from fastapi import Request

from .. import query
from ..store import Store

log = logging.getLogger(__name__)

WEB_FILTERS = {"q": "text"}  # web parameter name -> query filter name


def connection(request: Request) -> Iterator[object]:
    """FastAPI dependency: a read-only Store for this request, closed afterwards."""
    store = Store(request.app.state.cfg.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


@lru_cache(maxsize=1)
def _codebook():
    """CAMEO names for display (reference data only; None if the codebook cannot be loaded)."""
    try:
        from ..events.codebook import get_codebook

        return get_codebook()
    except Exception as exc:  # display nicety: never fail a page for it
        log.warning("CAMEO codebook unavailable, showing codes only: %s", exc)
        return None


def cameo_name(code: str | None) -> str | None:
    book = _codebook()
    if not book or not code:
        return None
    try:
        return book.lookup(code).name
    except KeyError:
        return None


def _named(rows: list[dict]) -> list[dict]:
    """Event rows with ``cameo_name`` added."""
    return [{**e, "cameo_name": cameo_name(e.get("cameo"))} for e in rows]


def _query_filters(filters: dict) -> dict:
    return {WEB_FILTERS.get(k, k): v for k, v in filters.items() if k not in ("a", "b", "mentions")}


def _order_key(e: dict):
    # Same order as accord.query.events: dated first, newest first, then id.
    date = e.get("date")
    return (date is None, _neg(date or ""), e.get("id") or 0)


def _neg(s: str) -> tuple:
    return tuple(-ord(c) for c in s) + (1,)


def events(db, filters: dict, limit: int, offset: int) -> dict:
    """One page of clustered events and the total count.

    ``a``/``b`` select a dyad in both directions (and then override ``source``/``target``).
    """
    base = _query_filters(filters)
    clustered = not filters.get("mentions")
    a, b = filters.get("a"), filters.get("b")
    if not (a and b):
        items = query.events(db, base, limit=limit, offset=offset, clustered=clustered)
        return {"items": _named(items), "total": query.count_events(db, base, clustered=clustered)}
    sides = [{**base, "source": a, "target": b}]
    if a != b:
        sides.append({**base, "source": b, "target": a})
    # A clustered event can match both directions (a visit reported as A->B and as B->A), so the
    # total is the size of the union: stream both sides in order, keep only this page's rows.
    streams = [query.iter_events(db, f, clustered=clustered) for f in sides]
    seen: set[int] = set()
    page: list[dict] = []
    for e in heapq.merge(*streams, key=_order_key):
        if e["id"] in seen:
            continue
        if offset <= len(seen) < offset + limit:
            page.append(e)
        seen.add(e["id"])
    return {"items": _named(page), "total": len(seen)}


def event_detail(db, event_id: int) -> dict | None:
    found = query.event_detail(db, event_id)
    if found is None:
        return None
    found = dict(found)
    found["cameo_name"] = cameo_name(found.get("cameo"))
    found["mentions_list"] = [
        {**m, "title": m.get("article_title"), "date": m.get("article_date") or m.get("date")}
        for m in found.get("mentions_list") or []
    ]
    return found


def article_detail(db, article_id: int) -> dict | None:
    found = query.article_detail(db, article_id)
    if found is not None:
        found["events"] = _named(found.get("events") or [])
    return found


def dyad(db, a: str, b: str, date_from: str | None = None, date_to: str | None = None) -> dict:
    out = query.dyad(db, a, b, date_from=date_from, date_to=date_to)
    for section in ("agreements", "visits", "statements", "other"):
        if isinstance(out.get(section), list):
            out[section] = _named(out[section])
    return out


def top_actors(db, n: int) -> list[dict]:
    return query.top_actors(db, n)


def network(db, *, limit: int, min_events: int, date_from: str | None, date_to: str | None) -> dict:
    return query.network(db, limit=limit, min_events=min_events, date_from=date_from, date_to=date_to)


def facts(db, *, actor: str | None = None, relation: str | None = None, subject: str | None = None,
          object: str | None = None, limit: int, offset: int) -> dict:
    """One page of facts; the query layer has no count, so ``total`` is None and ``more`` says if
    another page exists (one extra row is fetched)."""
    rows = query.facts(db, actor=actor, subject=subject, object=object, relation=relation, limit=limit + 1,
                       offset=offset)
    return {"items": rows[:limit], "total": None, "more": len(rows) > limit}


def health(db) -> dict:
    return {"status": "ok", "events": query.count_events(db), "mentions": query.count_events(db, clustered=False)}
