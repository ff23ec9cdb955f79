"""Articles, facts, actors and the actor network.

``article_detail(db, article_id) -> dict | None``
    id, title, publisher, date, url, language, origin, external_id, text, near_dup_of, similarity,
    copies [ids of near-duplicates of this article], events [nested event rows, per mention],
    facts [fact rows], spans [{kind: "evidence"|"trigger"|"source"|"target"|"fact", start, end,
    text, event_id|fact_id}] sorted by start (char offsets into ``text``).
``articles(db, *, text=None, publisher=None, limit=100, offset=0) -> list[dict]``
    id, title, publisher, date, url, near_dup_of, events (mentions coded in it); ``text`` is a
    full-text search over title and body (FTS5, same syntax as the events ``text`` filter).
``facts(db, *, actor=None, subject=None, object=None, relation=None, article=None, limit=100, offset=0)``
    -> list of {id, article_id, relation, subject{...}, object{...}|None, date, date_precision,
    quantity{value,unit,currency,text}|None, detail, evidence{...}, publisher, url, article_date}
``top_actors(db, n=20) -> list[{actor, name, events, as_source, as_target}]``
    actor = country-level key (ISO3 or IGO/group code); counts are distinct clustered events.
``network(db, *, min_events=1, limit=300, **event_filters) -> {"nodes": [...], "edges": [...]}``
    nodes {id, label, events}; edges {source, target, events, goldstein_mean} (directed, clusters).
"""
from __future__ import annotations

from typing import Any, Mapping

from ._db import actor_clause, check_limit, connection, country_names, fts_query, like_escape
from .events import _SELECT, flat_row, merge_filters, nest, where

_ACTOR = ("code", "country", "sector", "name", "text")


def _fact(row: Mapping[str, Any]) -> dict:
    def actor(side):
        d = {f: row[f"{side}_{f}"] for f in _ACTOR}
        return d if any(d.values()) else None

    q = None
    if row["quantity_value"] is not None:
        v = row["quantity_value"]
        q = {"value": int(v) if float(v).is_integer() else v, "unit": row["quantity_unit"],
             "currency": row["quantity_currency"], "text": row["quantity_text"]}
    return {
        "id": row["id"], "article_id": row["article_id"], "relation": row["relation"],
        "subject": actor("subject"), "object": actor("object"), "date": row["date"],
        "date_precision": row["date_precision"], "quantity": q, "detail": row["detail"],
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"], "end": row["evidence_end"],
                     "trigger": row["trigger"], "trigger_start": row["trigger_start"],
                     "trigger_end": row["trigger_end"]},
        "publisher": row["publisher"], "url": row["url"], "article_date": row["article_date"],
    }


FACT_SELECT = ("SELECT e.*, a.publisher, a.url, a.date AS article_date FROM facts e "
               "JOIN articles a ON a.id = e.article_id")


def facts(db, *, actor: str | None = None, subject: str | None = None, object: str | None = None,
          relation: str | None = None, article: int | None = None, limit: int | None = 100,
          offset: int = 0) -> list[dict]:
    conds, params = [], []
    if actor:
        conds.append("(" + actor_clause("subject", actor, params) + " OR " + actor_clause("object", actor, params) + ")")
    if subject:
        conds.append(actor_clause("subject", subject, params))
    if object:
        conds.append(actor_clause("object", object, params))
    if relation:
        conds.append("e.relation = ?")
        params.append(relation)
    if article is not None:
        conds.append("e.article_id = ?")
        params.append(int(article))
    lim, off = check_limit(limit, offset)
    sql = f"{FACT_SELECT} WHERE {' AND '.join(conds) or '1'} ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT ? OFFSET ?"
    with connection(db) as conn:
        return [_fact(r) for r in conn.execute(sql, params + [lim, off])]


def _spans(events: list[dict], fact_rows: list[dict]) -> list[dict]:
    spans = []
    for ev in events:
        e = ev["evidence"]
        spans.append({"kind": "evidence", "start": e["start"], "end": e["end"], "text": e["text"], "event_id": ev["id"]})
        if e["trigger_start"] is not None:
            spans.append({"kind": "trigger", "start": e["trigger_start"], "end": e["trigger_end"],
                          "text": e["trigger"], "event_id": ev["id"]})
        for side in ("source", "target"):
            a = ev[side]
            if a and a.get("start") is not None:
                spans.append({"kind": side, "start": a["start"], "end": a["end"], "text": a["text"],
                              "event_id": ev["id"]})
    for f in fact_rows:
        e = f["evidence"]
        spans.append({"kind": "fact", "start": e["start"], "end": e["end"], "text": e["text"], "fact_id": f["id"]})
    return sorted((s for s in spans if s["start"] is not None), key=lambda s: (s["start"], -(s["end"] or 0)))


def article_detail(db, article_id: int) -> dict | None:
    with connection(db) as conn:
        row = conn.execute(
            "SELECT id, title, publisher, date, url, language, origin, external_id, text, near_dup_of, similarity,"
            " ingested_at FROM articles WHERE id = ?", (int(article_id),)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["copies"] = [r[0] for r in conn.execute("SELECT id FROM articles WHERE near_dup_of = ? ORDER BY id",
                                                    (out["id"],))]
        evs = conn.execute(_SELECT + " WHERE e.article_id = ? ORDER BY e.evidence_start, e.id", (out["id"],))
        out["events"] = [nest(flat_row(r)) for r in evs]
        fr = conn.execute(FACT_SELECT + " WHERE e.article_id = ? ORDER BY e.evidence_start, e.id", (out["id"],))
        out["facts"] = [_fact(r) for r in fr]
    out["spans"] = _spans(out["events"], out["facts"])
    return out


def articles(db, *, text: str | None = None, publisher: str | None = None, limit: int | None = 100,
             offset: int = 0) -> list[dict]:
    conds, params = [], []
    if text:
        q = fts_query(text)
        conds.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)" if q else "0")
        params += [q] if q else []
    if publisher:
        conds.append("lower(a.publisher) LIKE ? ESCAPE '\\'")
        params.append("%" + like_escape(publisher.lower()) + "%")
    lim, off = check_limit(limit, offset)
    sql = ("SELECT a.id, a.title, a.publisher, a.date, a.url, a.near_dup_of,"
           " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events FROM articles a"
           f" WHERE {' AND '.join(conds) or '1'} ORDER BY a.date IS NULL, a.date DESC, a.id LIMIT ? OFFSET ?")
    with connection(db) as conn:
        return [dict(r) for r in conn.execute(sql, params + [lim, off])]


_KEYED = """
SELECT coalesce(source_country, source_code) AS s, coalesce(target_country, target_code) AS t,
       cluster_id, goldstein FROM events e WHERE {cond}
"""


def top_actors(db, n: int = 20, **event_filters) -> list[dict]:
    cond, params = where(merge_filters(None, event_filters))
    sql = f"""
    WITH k AS ({_KEYED.format(cond=cond)}),
    sides AS (SELECT s AS actor, cluster_id, 1 AS src FROM k WHERE s IS NOT NULL
              UNION ALL SELECT t, cluster_id, 0 FROM k WHERE t IS NOT NULL)
    SELECT actor, count(DISTINCT cluster_id) AS events,
           count(DISTINCT CASE WHEN src = 1 THEN cluster_id END) AS as_source,
           count(DISTINCT CASE WHEN src = 0 THEN cluster_id END) AS as_target
    FROM sides GROUP BY actor ORDER BY events DESC, actor LIMIT ?"""
    names = country_names()
    with connection(db) as conn:
        rows = conn.execute(sql, params + [int(n)]).fetchall()
    return [{"actor": r["actor"], "name": names.get(r["actor"]), "events": r["events"],
             "as_source": r["as_source"], "as_target": r["as_target"]} for r in rows]


def network(db, *, min_events: int = 1, limit: int = 300, **event_filters) -> dict:
    cond, params = where(merge_filters(None, event_filters))
    sql = f"""
    WITH k AS ({_KEYED.format(cond=cond)}),
    c AS (SELECT s, t, cluster_id, avg(goldstein) AS g FROM k WHERE s IS NOT NULL AND t IS NOT NULL AND s != t
          GROUP BY s, t, cluster_id)
    SELECT s, t, count(*) AS events, avg(g) AS goldstein_mean FROM c GROUP BY s, t
    HAVING count(*) >= ? ORDER BY events DESC, s, t LIMIT ?"""
    with connection(db) as conn:
        rows = conn.execute(sql, params + [int(min_events), int(limit)]).fetchall()
    names = country_names()
    totals: dict[str, int] = {}
    edges = []
    for r in rows:
        edges.append({"source": r["s"], "target": r["t"], "events": r["events"],
                      "goldstein_mean": round(r["goldstein_mean"], 3) if r["goldstein_mean"] is not None else None})
        for key in (r["s"], r["t"]):
            totals[key] = totals.get(key, 0) + r["events"]
    nodes = [{"id": k, "label": names.get(k, k), "events": v} for k, v in sorted(totals.items(), key=lambda x: -x[1])]
    return {"nodes": nodes, "edges": edges}
