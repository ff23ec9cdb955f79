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
                  dyad; each with ``scope`` "dyad" | "context" and its evidence.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources

import yaml

from ._db import actor_clause, connection
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


def _dyad_events(conn, a: str, b: str, date_from, date_to) -> tuple[list[dict], set[int]]:
    """Clustered dyad events, and the ids of every article with a dyad mention."""
    params: list = []
    cond = _direction_cond(a, b, params)
    if date_from:
        cond += " AND e.date >= ?"
        params.append(date_from)
    if date_to:
        cond += " AND substr(e.date, 1, ?) <= ?"
        params += [len(date_to), date_to]
    sql = (f"{_SELECT} WHERE e.id IN (SELECT rep_event_id FROM clusters WHERE id IN "
           f"(SELECT e.cluster_id FROM events e WHERE {cond})){_ORDER}")
    evs = [nest(flat_row(r)) for r in conn.execute(sql, params)]
    ids = {r[0] for r in conn.execute(f"SELECT DISTINCT e.article_id FROM events e WHERE {cond}", params)}
    return evs, ids


def actor_matches(actor: dict | None, spec: str) -> bool:
    """Python twin of ``actor_clause``: code/country equal, code prefix, or name substring."""
    if not actor:
        return False
    key = spec.strip().upper()
    code = (actor.get("code") or "").upper()
    return (key in {code, (actor.get("country") or "").upper()} or code.startswith(key)
            or spec.strip().lower() in (actor.get("name") or "").lower())


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


def _dyad_facts(conn, a: str, b: str, article_ids: set[int]) -> list[dict]:
    params: list = []
    ab = actor_clause("subject", a, params) + " AND " + actor_clause("object", b, params)
    ba = actor_clause("subject", b, params) + " AND " + actor_clause("object", a, params)
    rows = [_fact(r) | {"scope": "dyad"} for r in conn.execute(
        f"{FACT_SELECT} WHERE ({ab}) OR ({ba}) ORDER BY e.date, e.id", params)]
    article_ids = article_ids | {f["article_id"] for f in rows}
    if article_ids:
        params = []
        either = actor_clause("subject", a, params) + " OR " + actor_clause("subject", b, params)
        marks = ",".join("?" * len(article_ids))
        params += sorted(article_ids)
        seen = {f["id"] for f in rows}
        sql = (f"{FACT_SELECT} WHERE ({either}) AND e.object_country IS NULL AND e.article_id IN ({marks})"
               " ORDER BY e.date, e.id")
        rows += [_fact(r) | {"scope": "context"} for r in conn.execute(sql, params) if r["id"] not in seen]
    return rows


def dyad(db, a: str, b: str, *, date_from: str | None = None, date_to: str | None = None) -> dict:
    with connection(db) as conn:
        evs, article_ids = _dyad_events(conn, a, b, date_from, date_to)
        evs.sort(key=lambda e: (e["date"] or "9999", e["id"]))
        fact_rows = _dyad_facts(conn, a, b, article_ids)
    months, totals = _months(evs, a)
    out = {"a": a, "b": b, "months": months, "totals": totals}
    for name, _ in sections():
        out[name] = []
    out["other"] = []
    for ev in evs:
        out[section_of(ev["cameo"])].append(ev)
    out["facts"] = fact_rows
    return out
