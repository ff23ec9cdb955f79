"""The relationship between two actors.

``dyad(db, a, b, *, date_from=None, date_to=None) -> dict``
    a, b          the two actor specs as given (matched like the ``actor`` filter: code, ISO3, name)
    months        [{month "YYYY-MM" ("YYYY" for year-precision events, "unknown"), a_to_b, b_to_a, events, goldstein_mean, quad {"1".."4": n}}]
                  counts are clustered events (one per real-world event), by event date
    totals        {events, a_to_b, b_to_a, goldstein_mean, quad {...}}
    agreements, visits, statements, other
                  clustered event rows (as ``accord.query.events``) of the dyad, oldest first;
                  sections are defined by CAMEO prefixes in ``query/data/dyad_sections.yaml``
    facts         relation facts between a and b (either direction), plus facts of a or b with an
                  organisation (no country: SCO, BRICS, ...) stated in articles that report on the
                  dyad; each with ``scope`` "dyad" | "context" and its evidence. Repeated statements
                  of one fact (same relation, sides, detail, quantity) are grouped: ``mentions`` and
                  ``evidence_list`` [{text, start, end, trigger..., article_id}].
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources

import yaml

from ._db import actor_clause, actor_matches, connection
from .events import _ORDER, _SELECT, flat_row, nest
from .records import FACT_SELECT, _fact


@lru_cache(maxsize=1)
def sections() -> list[tuple[str, tuple[str, ...]]]:
    text = resources.files(__package__).joinpath("data/dyad_sections.yaml").read_text(encoding="utf-8")
    return [(name, tuple(str(p) for p in prefixes)) for name, prefixes in yaml.safe_load(text)["sections"].items()]


def section_of(cameo: str) -> str:
    for name, prefixes in sections():
        if any(cameo.startswith(p) for p in prefixes):
            return name
    return "other"


def _direction_cond(a: str, b: str, params: list) -> str:
    ab = actor_clause("source", a, params) + " AND " + actor_clause("target", b, params)
    ba = actor_clause("source", b, params) + " AND " + actor_clause("target", a, params)
    return f"(({ab}) OR ({ba}))"


def _dyad_cond(a: str, b: str, date_from, date_to) -> tuple[str, list]:
    params: list = []
    cond = _direction_cond(a, b, params)
    if date_from:
        cond += " AND e.date >= ?"
        params.append(date_from)
    if date_to:
        cond += " AND substr(e.date, 1, ?) <= ?"
        params += [len(date_to), date_to]
    return cond, params


def _dyad_events(conn, cond: str, params: list) -> list[dict]:
    """Clustered dyad events (one row per cluster with a dyad mention)."""
    sql = (f"{_SELECT} WHERE e.id IN (SELECT rep_event_id FROM clusters WHERE id IN "
           f"(SELECT e.cluster_id FROM events e WHERE {cond})){_ORDER}")
    return [nest(flat_row(r)) for r in conn.execute(sql, params)]


def _months(evs: list[dict], a: str) -> tuple[list[dict], dict]:
    buckets: dict[str, dict] = defaultdict(lambda: {"a_to_b": 0, "b_to_a": 0, "events": 0, "_g": [],
                                                     "quad": {"1": 0, "2": 0, "3": 0, "4": 0}})
    total = {"a_to_b": 0, "b_to_a": 0, "events": 0, "_g": [], "quad": {"1": 0, "2": 0, "3": 0, "4": 0}}
    for ev in evs:
        month = (ev["date"] or "")[: 4 if ev["date_precision"] == "year" else 7] or "unknown"
        for bucket in (buckets[month], total):
            bucket["a_to_b" if actor_matches(ev["source"], a) else "b_to_a"] += 1
            bucket["events"] += 1
            if ev["goldstein"] is not None:
                bucket["_g"].append(ev["goldstein"])
            if ev["quad_class"] in (1, 2, 3, 4):
                bucket["quad"][str(ev["quad_class"])] += 1
    months = []
    for month in sorted(buckets):
        months.append({"month": month, **_finish(buckets[month])})
    return months, _finish(total)


def _finish(bucket: dict) -> dict:
    g = bucket.pop("_g")
    bucket["goldstein_mean"] = round(sum(g) / len(g), 3) if g else None
    return bucket


def _fact_key(f: dict) -> tuple:
    def side(x):
        return (x or {}).get("country") or (x or {}).get("code")

    q = f["quantity"] or {}
    return (f["relation"], side(f["subject"]), side(f["object"]), f["detail"], q.get("value"), q.get("unit"))


def _group_facts(rows: list[dict]) -> list[dict]:
    """One entry per distinct fact; repeated statements of it go to ``mentions``/``evidence_list``."""
    groups: dict[tuple, dict] = {}
    for f in rows:
        g = groups.get(_fact_key(f))
        if g is None:
            groups[_fact_key(f)] = f | {"mentions": 1, "evidence_list": [f["evidence"] | {"article_id": f["article_id"]}]}
        else:
            g["mentions"] += 1
            g["evidence_list"].append(f["evidence"] | {"article_id": f["article_id"]})
    return list(groups.values())


def _dyad_facts(conn, a: str, b: str, event_cond: str, event_params: list) -> list[dict]:
    params: list = []
    ab = actor_clause("subject", a, params) + " AND " + actor_clause("object", b, params)
    ba = actor_clause("subject", b, params) + " AND " + actor_clause("object", a, params)
    pair = f"(({ab}) OR ({ba}))"
    pair_params = list(params)
    rows = [_fact(r) | {"scope": "dyad"} for r in conn.execute(
        f"{FACT_SELECT} WHERE {pair} ORDER BY e.date, e.id", pair_params)]
    params = []
    either = actor_clause("subject", a, params) + " OR " + actor_clause("subject", b, params)
    # organisations of a or b, stated in articles that report on the dyad (an event or a fact);
    # the inner ``e`` aliases shadow the outer facts alias inside each subquery.
    sql = (f"{FACT_SELECT} WHERE ({either}) AND e.object_country IS NULL AND e.object_code IS NOT NULL"
           f" AND (e.article_id IN (SELECT e.article_id FROM events e WHERE {event_cond})"
           f" OR e.article_id IN (SELECT e.article_id FROM facts e WHERE {pair})) ORDER BY e.date, e.id")
    seen = {f["id"] for f in rows}
    rows += [_fact(r) | {"scope": "context"} for r in conn.execute(sql, params + event_params + pair_params)
             if r["id"] not in seen]
    return _group_facts(rows)


def dyad(db, a: str, b: str, *, date_from: str | None = None, date_to: str | None = None) -> dict:
    with connection(db) as conn:
        cond, params = _dyad_cond(a, b, date_from, date_to)
        evs = _dyad_events(conn, cond, params)
        evs.sort(key=lambda e: (e["date"] or "9999", e["id"]))
        fact_rows = _dyad_facts(conn, a, b, cond, params)
    months, totals = _months(evs, a)
    out = {"a": a, "b": b, "months": months, "totals": totals}
    for name, _ in sections():
        out[name] = []
    out["other"] = []
    for ev in evs:
        out[section_of(ev["cameo"])].append(ev)
    out["facts"] = fact_rows
    return out
