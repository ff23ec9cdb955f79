"""Event search.

``events(db, filters=None, *, limit=100, offset=0, clustered=True, **filters) -> list[dict]``
``count_events(db, filters=None, *, clustered=True, **filters) -> int``
``iter_events(db, filters=None, *, clustered=True, flat=False, **filters) -> Iterator[dict]``  (no limit)
``event_detail(db, event_id) -> dict | None``: the row of that mention plus ``mentions_list`` (every
    mention of its cluster, oldest report first), ``article_ids`` and ``copies`` (here: the list of
    near-duplicate article ids, not a count)

Filters (all optional, combined with AND):
  actor      either side; matches code, ISO3 country, code prefix, or a substring of the name
  source     the source side only (same matching);  target: the target side only
  country    ISO3 of either actor or of the event location
  cameo      CAMEO code or prefix ("05", "057")
  plover     PLOVER event type (case-insensitive, e.g. "AGREE")
  quad       quad class 1..4
  date_from, date_to   YYYY[-MM[-DD]] bounds on the event date (inclusive)
  place      substring of the location name
  text       full-text search over evidence sentences and triggers (FTS5; "quoted phrases" allowed)
  article    article id
``clustered=True`` gives one row per real-world event (its first mention, with ``mentions``,
``sources``, ``articles`` counts); ``False`` gives one row per mention. Order: newest event date
first, then id.

Row shape (``flat=False``): id, cluster_id, article_id, source{code,country,sector,name,text,start,end},
target{...}, cameo, cameo_root, quad_class, goldstein, plover{event,mode}, date, date_precision,
location{name,country,lat,lon}|None, quantities[], negated, modality, confidence,
evidence{text,start,end,trigger,trigger_start,trigger_end}, mentions, sources, articles, copies
(syndicated near-duplicates of the reporting articles, not counted in mentions/sources/articles),
first_reported, first_url, publisher, url, article_title, article_date, date_added (UTC, when the
cluster was created).
``flat=True`` gives the same values as flat columns (``FLAT_COLUMNS``), quantities as JSON text.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterator, Mapping

from ..errors import AccordError
from ._db import actor_clause, check_limit, connection, fts_query, like_escape

FILTER_NAMES = ("actor", "source", "target", "country", "cameo", "plover", "quad", "date_from", "date_to", "place",
                "text", "article")

_ACTOR_FIELDS = ("code", "country", "sector", "name", "text", "start", "end")
FLAT_COLUMNS = (
    ["id", "cluster_id", "article_id", "date", "date_precision"]
    + [f"source_{f}" for f in _ACTOR_FIELDS]
    + [f"target_{f}" for f in _ACTOR_FIELDS]
    + ["cameo", "cameo_root", "quad_class", "goldstein", "plover_event", "plover_mode",
       "location_name", "location_country", "location_lat", "location_lon", "quantities", "negated", "modality",
       "confidence", "evidence_text", "evidence_start", "evidence_end", "trigger", "trigger_start", "trigger_end",
       "mentions", "sources", "articles", "copies", "first_reported", "first_url", "publisher", "url", "article_title",
       "article_date", "date_added"]
)

_SELECT = """
SELECT e.*, c.num_mentions AS mentions, c.num_sources AS sources, c.num_articles AS articles,
       c.num_copies AS copies,
       c.first_reported, c.first_url, c.created_at AS date_added,
       a.publisher, a.url, a.title AS article_title, a.date AS article_date
FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN clusters c ON c.id = e.cluster_id
"""


def merge_filters(filters: Mapping[str, Any] | None, kw: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in {**(filters or {}), **kw}.items() if v not in (None, "", ())}
    unknown = set(out) - set(FILTER_NAMES)
    if unknown:
        raise AccordError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    return out


def where(filters: Mapping[str, Any]) -> tuple[str, list]:
    """SQL condition over ``events e`` for the filters (parameterised)."""
    conds: list[str] = []
    params: list = []
    f = filters
    if "actor" in f:
        conds.append("(" + actor_clause("source", str(f["actor"]), params) + " OR "
                     + actor_clause("target", str(f["actor"]), params) + ")")
    for side in ("source", "target"):
        if side in f:
            conds.append(actor_clause(side, str(f[side]), params))
    if "country" in f:
        c = str(f["country"]).strip().upper()
        conds.append("(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)")
        params += [c, c, c]
    if "cameo" in f:
        code = str(f["cameo"]).strip()
        if not code.isdigit():
            raise AccordError(f"CAMEO code must be digits: {code!r}")
        conds.append("e.cameo LIKE ?")
        params.append(code + "%")
    if "plover" in f:
        conds.append("upper(e.plover_event) = ?")
        params.append(str(f["plover"]).strip().upper())
    if "quad" in f:
        try:
            quad = int(f["quad"])
        except (TypeError, ValueError) as exc:
            raise AccordError(f"quad class must be 1-4: {f['quad']!r}") from exc
        conds.append("e.quad_class = ?")
        params.append(quad)
    if "date_from" in f:
        conds.append("e.date >= ?")
        params.append(str(f["date_from"]))
    if "date_to" in f:
        conds.append("substr(e.date, 1, ?) <= ?")
        params += [len(str(f["date_to"])), str(f["date_to"])]
    if "place" in f:
        conds.append("lower(e.location_name) LIKE ? ESCAPE '\\'")
        params.append("%" + like_escape(str(f["place"]).strip().lower()) + "%")
    if "text" in f:
        q = fts_query(str(f["text"]))
        if q is None:
            conds.append("0")
        else:
            conds.append("e.id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?)")
            params.append(q)
    if "article" in f:
        conds.append("e.article_id = ?")
        params.append(int(f["article"]))
    return (" AND ".join(conds) or "1"), params


def _sql(filters: Mapping[str, Any], clustered: bool) -> tuple[str, list]:
    cond, params = where(filters)
    if clustered:
        cond = ("e.id IN (SELECT rep_event_id FROM clusters WHERE id IN "
                f"(SELECT e.cluster_id FROM events e WHERE {cond}))")
    return f"{_SELECT} WHERE {cond}", params


_ORDER = " ORDER BY e.date IS NULL, e.date DESC, e.id"


def _actor(row: Mapping[str, Any], side: str) -> dict | None:
    d = {f: row[f"{side}_{f}"] for f in _ACTOR_FIELDS}
    if not any(d[k] for k in ("code", "country", "name", "text")):
        return None
    return d


def flat_row(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    out = {c: d.get(c) for c in FLAT_COLUMNS}
    out["negated"] = bool(out["negated"])
    return out


def nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    """Nested (JSON) shape of a flat event row."""
    loc = None
    if flat["location_name"] or flat["location_lat"] is not None:
        loc = {k: flat[f"location_{k}"] for k in ("name", "country", "lat", "lon")}
    evidence = {k: flat[f"evidence_{k}"] for k in ("text", "start", "end")}
    evidence.update(trigger=flat["trigger"], trigger_start=flat["trigger_start"], trigger_end=flat["trigger_end"])
    out = {k: flat[k] for k in ("id", "cluster_id", "article_id")}
    out.update(
        source=_actor(flat, "source"), target=_actor(flat, "target"), cameo=flat["cameo"],
        cameo_root=flat["cameo_root"], quad_class=flat["quad_class"], goldstein=flat["goldstein"],
        plover={"event": flat["plover_event"], "mode": flat["plover_mode"]}, date=flat["date"],
        date_precision=flat["date_precision"], location=loc, quantities=json.loads(flat["quantities"] or "[]"),
        negated=bool(flat["negated"]), modality=flat["modality"], confidence=flat["confidence"], evidence=evidence,
    )
    for k in ("mentions", "sources", "articles", "copies", "first_reported", "first_url", "publisher", "url", "article_title",
              "article_date", "date_added"):
        out[k] = flat[k]
    return out


def events(db, filters: Mapping[str, Any] | None = None, *, limit: int | None = 100, offset: int = 0,
           clustered: bool = True, **kw) -> list[dict]:
    f = merge_filters(filters, kw)
    lim, off = check_limit(limit, offset)
    sql, params = _sql(f, clustered)
    with connection(db) as conn:
        rows = conn.execute(sql + _ORDER + " LIMIT ? OFFSET ?", params + [lim, off]).fetchall()
    return [nest(flat_row(r)) for r in rows]


def count_events(db, filters: Mapping[str, Any] | None = None, *, clustered: bool = True, **kw) -> int:
    sql, params = _sql(merge_filters(filters, kw), clustered)
    with connection(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


def iter_events(db, filters: Mapping[str, Any] | None = None, *, clustered: bool = True, flat: bool = False,
                limit: int | None = None, **kw) -> Iterator[dict]:
    """Stream matching events (no limit by default), flat or nested."""
    sql, params = _sql(merge_filters(filters, kw), clustered)
    lim, _ = check_limit(limit, 0)
    with connection(db) as conn:
        for r in conn.execute(sql + _ORDER + " LIMIT ?", params + [lim]):
            fr = flat_row(r)
            yield fr if flat else nest(fr)


def event_detail(db, event_id: int) -> dict | None:
    """One mention with its cluster: every mention's evidence, the article ids and copies."""
    with connection(db) as conn:
        row = conn.execute(_SELECT + " WHERE e.id = ?", (int(event_id),)).fetchone()
        if row is None:
            return None
        out = nest(flat_row(row))
        cid = row["cluster_id"]
        mentions = conn.execute(_SELECT + " WHERE e.cluster_id = ? ORDER BY a.date IS NULL, a.date, e.id",
                                (cid,)).fetchall()
        out["mentions_list"] = [nest(flat_row(m)) for m in mentions]
        out["article_ids"] = sorted({m["article_id"] for m in mentions})
        copies = conn.execute("SELECT id FROM articles WHERE near_dup_of IN "
                              "(SELECT article_id FROM events WHERE cluster_id = ?) ORDER BY id", (cid,)).fetchall()
        out["copies"] = [c[0] for c in copies]
    return out
