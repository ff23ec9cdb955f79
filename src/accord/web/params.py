"""Request parameters shared by the API and the dashboard: event filters and pagination.

Everything is validated here (pattern, length, range) before it reaches ``accord.query``, which
binds every value as an SQL parameter. The page size is capped by the app's ``max_page_size``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

# Empty values are allowed (HTML forms send them) and mean "no filter".
# Actors: a code (IRN, CHNGOV, IGOSCO) or part of a canonical name ("Xi Jinping").
ACTOR_RE = r"^([\w][\w .'’-]{1,59})?$"
DATE_RE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
DEFAULT_LIMIT = 50

ACTOR_HELP = "Actor: ISO3 country (IRN), CAMEO actor code (CHNGOV), IGO code, or part of a name"
ActorParam = Annotated[str | None, Query(pattern=ACTOR_RE, description=ACTOR_HELP)]
DateParam = Annotated[str | None, Query(pattern=DATE_RE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
FromAlias = Annotated[str | None, Query(alias="from", pattern=DATE_RE, description="Same as date_from (the CLI's --from)")]
ToAlias = Annotated[str | None, Query(alias="to", pattern=DATE_RE, description="Same as date_to (the CLI's --to)")]


def _blank_to_none(value):
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


@dataclass(frozen=True)
class EventFilters:
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    a: str | None = None
    b: str | None = None
    country: str | None = None
    cameo: str | None = None
    plover: str | None = None
    quad: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    q: str | None = None
    mentions: bool = False

    def as_query(self) -> dict:
        """Non-empty filters, with actor codes upper-cased."""
        out = {}
        for k, v in asdict(self).items():
            if v is None or v is False:
                continue
            out[k] = v.upper() if k in ("actor", "source", "target", "a", "b", "country") else v
        return out


@dataclass(frozen=True)
class DateRange:
    date_from: str | None = None
    date_to: str | None = None


def _one_spelling(name: str, value, alias: str, alias_value):
    value, alias_value = _blank_to_none(value), _blank_to_none(alias_value)
    if value and alias_value and value != alias_value:
        raise HTTPException(422, f"{name}={value} and {alias}={alias_value} disagree: give one of them")
    return value or alias_value


def date_range(date_from: DateParam = None, date_to: DateParam = None,
               from_: FromAlias = None, to: ToAlias = None) -> DateRange:
    """The date bounds, spelled ``date_from``/``date_to`` or, as in the CLI, ``from``/``to``."""
    return DateRange(_one_spelling("date_from", date_from, "from", from_),
                     _one_spelling("date_to", date_to, "to", to))


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def event_filters(
    dates: Annotated[DateRange, Depends(date_range)],
    actor: ActorParam = None,
    source: ActorParam = None,
    target: ActorParam = None,
    a: ActorParam = None,
    b: ActorParam = None,
    country: Annotated[str | None, Query(pattern=r"^([A-Za-z]{3})?$",
                                         description="ISO3 country on either side")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^(\d{1,4})?$", description="CAMEO code or prefix (05, 057)")] = None,
    plover: Annotated[str | None, Query(pattern=r"^([A-Za-z_-]{2,40})?$", description="PLOVER event type")] = None,
    quad: Annotated[str | None, Query(pattern=r"^[1-4]?$", description="Quad class 1-4")] = None,
    place: Annotated[str | None, Query(max_length=100, description="Place name")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Full-text search over evidence sentences")] = None,
    text: Annotated[str | None, Query(max_length=200, description="Same as q (the CLI's --text)")] = None,
    mentions: Annotated[bool, Query(description="One row per mention instead of one per clustered event")] = False,
) -> EventFilters:
    values = [_blank_to_none(v) for v in (actor, source, target, a, b, country, cameo, plover)]
    a, b = values[3], values[4]
    if (a is None) != (b is None):
        raise HTTPException(422, "a dyad needs both a and b")
    quad_n = int(quad) if _blank_to_none(quad) else None
    return EventFilters(*values, quad_n, dates.date_from, dates.date_to,
                        _blank_to_none(place), _blank_to_none(q) or _blank_to_none(text), bool(mentions))


def _query_names(dependant) -> set[str]:
    names = {f.alias for f in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def reject_unknown_params(request: Request) -> None:
    """Router dependency for the JSON API: 422 for a query parameter the endpoint does not declare
    (``?from_date=2024`` must not silently return everything)."""
    accepted = _query_names(request.scope["route"].dependant)
    unknown = sorted(set(request.query_params) - accepted)
    if unknown:
        raise HTTPException(422, {"detail": f"unknown query parameter(s): {', '.join(unknown)}",
                                  "unknown": unknown, "accepted": sorted(accepted)})


def page_params(
    request: Request,
    limit: Annotated[int | None, Query(ge=1, description="Page size (default 50; at most the max page size)")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Page:
    cap = request.app.state.cfg.max_page_size
    if limit is None:
        limit = min(DEFAULT_LIMIT, cap)
    if limit > cap:
        raise HTTPException(422, f"limit must be at most {cap}")
    return Page(limit, offset)
