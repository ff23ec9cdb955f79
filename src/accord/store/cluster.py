"""Event clustering: reports (mentions) of one real-world event across articles -> one cluster.

Rules (data: ``store/data/cluster_rules.yaml``):

* Match key = dyad + code key. The dyad uses country-level actor keys (``Actor.key``: ISO3, or the
  IGO code when there is no country). Codes in an *undirected group* (meetings/visits 040-046,
  agreements 057, material cooperation 06x) use an unordered dyad and the group name, so
  "Raisi visited Xi" and "Xi hosted Raisi" are one event. All other codes keep direction and compare
  their first 3 digits (CAMEO base code): A->B and B->A criticism are two events, one per direction.
* Dates: each cluster keeps its *anchor* interval (the first mention's date: a day, or the whole
  month/year for coarser precision). A mention joins when its own interval, widened by
  ``date_window_days`` (1), overlaps the anchor. The anchor never grows, so daily "A criticises B"
  reports a week apart do not chain into one cluster.
* Place: places in different countries never match; a country-level place ("in Iran") matches any
  place in that country; otherwise, when both have coordinates they must be within ``place_km``,
  when both only have names the names must match; an unknown place does not block.
* A mention naming only one side ("China signed 20 agreements") first looks for its own partial key;
  failing that it joins a full-dyad cluster of the same code key and date that contains its known
  side (in the same role for directed codes), but only when exactly one such cluster exists.
  Symmetrically, a full-dyad mention that finds no cluster of its own adopts the single one-sided
  cluster of the same code and date it completes, and the cluster takes the full dyad key.
* A mention with no date, or with neither actor known, gets a cluster of its own.
* ``num_mentions`` counts distinct (article, evidence sentence) pairs: a joint subject ("China and
  Iran signed") coded as the reciprocal pair CHN->IRN and IRN->CHN is one mention of one event.

The cluster's representative row (``rep_event_id``, what clustered queries show) is its first
mention naming both sides, else its first mention. Clustering is incremental and deterministic
for a given insertion order: the best candidate is the one whose anchor is closest in time (then
the oldest). Stats (mentions, articles, sources, earliest
report) are recomputed from ``events`` for each touched cluster, so they never drift. Near-duplicate
articles (syndicated copies) carry no events and add no mentions, articles or sources: a copy is not
independent corroboration. They are counted separately in ``num_copies`` (``copies`` in queries and
exports), refreshed when a copy arrives.
"""
from __future__ import annotations

import calendar
import math
import sqlite3
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping, NamedTuple

import yaml


@lru_cache(maxsize=1)
def rules() -> dict:
    text = resources.files(__package__).joinpath("data/cluster_rules.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    groups = {str(code): name for name, codes in data["undirected_groups"].items() for code in codes}
    return {
        "groups": groups,
        "code_digits": int(data["code_digits"]),
        "window": int(data["date_window_days"]),
        "place_km": float(data["place_km"]),
    }


def _group(cameo: str) -> str | None:
    groups = rules()["groups"]
    for n in range(len(cameo), 0, -1):
        if cameo[:n] in groups:
            return groups[cameo[:n]]
    return None


def actor_key(code: str | None, country: str | None) -> str | None:
    return country or code or None


class Keys(NamedTuple):
    match: str  # full key: dyad + code key
    src: str  # actor keys ("-" = unknown); sorted pair for undirected codes
    tgt: str
    code: str  # group name or the code's first digits
    undirected: bool

    @property
    def partial(self) -> bool:
        return (self.src == "-") != (self.tgt == "-")


def keys(row: Mapping[str, Any]) -> Keys | None:
    """The clustering keys of an events row, or None when the mention must stay alone."""
    src = actor_key(row.get("source_code"), row.get("source_country"))
    tgt = actor_key(row.get("target_code"), row.get("target_country"))
    if not src and not tgt:
        return None
    src, tgt = src or "-", tgt or "-"
    cameo = str(row.get("cameo") or "")
    group = _group(cameo)
    if group:
        a, b = sorted((src, tgt))
        return Keys(f"{a}|{b}|{group}", a, b, group, True)
    code = cameo[: rules()["code_digits"]]
    return Keys(f"{src}>{tgt}|{code}", src, tgt, code, False)


def match_key(row: Mapping[str, Any]) -> str | None:
    k = keys(row)
    return k.match if k else None


def interval(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The span of days a (possibly coarse) date covers."""
    if not value:
        return None
    try:
        y = int(value[:4])
        if precision == "year" or len(value) < 7:
            return date(y, 1, 1), date(y, 12, 31)
        m = int(value[5:7])
        if precision == "month" or len(value) < 10:
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        d = date(y, m, int(value[8:10]))
        return d, d
    except ValueError:
        return None


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _country_level(name: str | None, iso3: str | None) -> bool:
    from .exports import country_name

    return bool(name and iso3) and name.strip().casefold() == country_name(iso3).casefold()


def same_place(cluster: Mapping[str, Any], row: Mapping[str, Any]) -> bool:
    ca, cb = cluster["place_country"], row.get("location_country")
    if ca and cb and ca != cb:
        return False
    if _country_level(cluster["place_name"], ca) or _country_level(row.get("location_name"), cb):
        return True  # "in Iran" and "in Tehran" describe the same place at two resolutions
    if None not in (cluster["place_lat"], cluster["place_lon"], row.get("location_lat"), row.get("location_lon")):
        dist = _km(cluster["place_lat"], cluster["place_lon"], row["location_lat"], row["location_lon"])
        return dist <= rules()["place_km"]
    a, b = cluster["place_name"], row.get("location_name")
    if a and b:
        return a.strip().casefold() == b.strip().casefold()
    return True


#: Longest anchor interval (a year-precision date); bounds date_lo from below so that every
#: candidate look-up is an index range of a few days, not a scan of all older clusters.
_MAX_SPAN = timedelta(days=366)


def _window(span: tuple[date, date]) -> tuple[str, str, str]:
    """(oldest possible date_lo, lo, hi) of clusters overlapping ``span`` widened by the window."""
    w = timedelta(days=rules()["window"])
    lo, hi = span[0] - w, span[1] + w
    return (lo - _MAX_SPAN).isoformat(), lo.isoformat(), hi.isoformat()


_OVERLAP = "date_lo BETWEEN ? AND ? AND date_hi >= ?"


def _candidates(conn: sqlite3.Connection, key: str, span: tuple[date, date]) -> list[sqlite3.Row]:
    floor, lo, hi = _window(span)
    return conn.execute(
        f"SELECT * FROM clusters WHERE match_key = ? AND {_OVERLAP} ORDER BY id", (key, floor, hi, lo)
    ).fetchall()


def _by_side(conn: sqlite3.Connection, code: str, side: str, key: str, span, other_cond: str) -> list[sqlite3.Row]:
    """Clusters of ``code`` with ``side`` ("src_key"/"tgt_key") = key, overlapping span, other_cond."""
    assert side in {"src_key", "tgt_key"}
    floor, lo, hi = _window(span)
    return conn.execute(
        f"SELECT * FROM clusters WHERE code_key = ? AND {side} = ? AND {_OVERLAP} AND {other_cond}",
        (code, key, floor, hi, lo),
    ).fetchall()


def _unique(rows: list[sqlite3.Row]) -> list[sqlite3.Row]:
    seen: dict[int, sqlite3.Row] = {}
    for r in rows:
        seen.setdefault(r["id"], r)
    return [seen[i] for i in sorted(seen)]


def _partial_candidates(conn: sqlite3.Connection, k: Keys, span: tuple[date, date]) -> list[sqlite3.Row]:
    """Full-dyad clusters of the same code and date that contain the one known side of ``k``."""
    full = "src_key != '-' AND tgt_key != '-'"
    known_src = k.src != "-"
    known = k.src if known_src else k.tgt
    if k.undirected:
        rows = _by_side(conn, k.code, "src_key", known, span, full) + _by_side(conn, k.code, "tgt_key", known, span, full)
    else:
        rows = _by_side(conn, k.code, "src_key" if known_src else "tgt_key", known, span, full)
    return _unique(rows)


def _partial_clusters(conn: sqlite3.Connection, k: Keys, span: tuple[date, date]) -> list[sqlite3.Row]:
    """One-sided clusters of the same code and date that a full-dyad mention ``k`` completes."""
    if k.undirected:  # sorted pairs: a one-sided undirected cluster is ("-", X)
        rows = [r for key in (k.src, k.tgt) for r in _by_side(conn, k.code, "tgt_key", key, span, "src_key = '-'")]
    else:
        rows = (_by_side(conn, k.code, "src_key", k.src, span, "tgt_key = '-'")
                + _by_side(conn, k.code, "tgt_key", k.tgt, span, "src_key = '-'"))
    return _unique(rows)


def _distance(cluster: sqlite3.Row, span: tuple[date, date]) -> int:
    clo, chi = date.fromisoformat(cluster["date_lo"]), date.fromisoformat(cluster["date_hi"])
    mid_c = clo.toordinal() + chi.toordinal()
    mid_e = span[0].toordinal() + span[1].toordinal()
    return abs(mid_c - mid_e)


def _complete(conn: sqlite3.Connection, cluster_id: int, k: Keys) -> None:
    conn.execute("UPDATE clusters SET match_key = ?, src_key = ?, tgt_key = ? WHERE id = ?",
                 (k.match, k.src, k.tgt, cluster_id))


def _new_cluster(conn: sqlite3.Connection, k: Keys | None, span, row: Mapping[str, Any], now: str) -> int:
    cur = conn.execute(
        "INSERT INTO clusters(match_key, src_key, tgt_key, code_key, date_lo, date_hi, place_name, place_lat,"
        " place_lon, place_country, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            k.match if k and span else f"solo:{row.get('mention_key')}",
            k.src if k else None,
            k.tgt if k else None,
            k.code if k else None,
            span[0].isoformat() if span else None,
            span[1].isoformat() if span else None,
            row.get("location_name"),
            row.get("location_lat"),
            row.get("location_lon"),
            row.get("location_country"),
            now,
        ),
    )
    return int(cur.lastrowid)


def assign(conn: sqlite3.Connection, row: Mapping[str, Any], now: str) -> int:
    """Find or create the cluster for one new events row; returns the cluster id."""
    k = keys(row)
    span = interval(row.get("date"), row.get("date_precision"))
    if k is None or span is None:
        return _new_cluster(conn, None, span, row, now)
    fits = [c for c in _candidates(conn, k.match, span) if same_place(c, row)]
    if not fits and k.partial:
        partial = [c for c in _partial_candidates(conn, k, span) if same_place(c, row)]
        fits = partial if len(partial) == 1 else []  # join only an unambiguous event
    elif not fits and "-" not in (k.src, k.tgt):
        partial = [c for c in _partial_clusters(conn, k, span) if same_place(c, row)]
        if len(partial) == 1:  # an earlier one-sided report of this event: complete its dyad
            _complete(conn, partial[0]["id"], k)
            fits = partial
    if not fits:
        return _new_cluster(conn, k, span, row, now)
    best = min(fits, key=lambda c: (_distance(c, span), c["id"]))
    if best["place_name"] is None and row.get("location_name"):
        conn.execute(
            "UPDATE clusters SET place_name = ?, place_lat = ?, place_lon = ?, place_country = ? WHERE id = ?",
            (row.get("location_name"), row.get("location_lat"), row.get("location_lon"),
             row.get("location_country"), best["id"]),
        )
    return int(best["id"])


_REFRESH = """
UPDATE clusters SET
  rep_event_id = (SELECT e.id FROM events e WHERE e.cluster_id = clusters.id
                  ORDER BY (coalesce(e.source_code, e.source_country) IS NULL)
                         + (coalesce(e.target_code, e.target_country) IS NULL), e.id LIMIT 1),
  num_mentions = (SELECT count(DISTINCT e.article_id || ':' || coalesce(e.evidence_start, e.id))
                  FROM events e WHERE e.cluster_id = clusters.id),
  num_articles = (SELECT count(DISTINCT e.article_id) FROM events e WHERE e.cluster_id = clusters.id),
  num_sources = (SELECT count(DISTINCT coalesce(lower(a.publisher), 'article:' || a.id))
                 FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = clusters.id),
  num_copies = (SELECT count(*) FROM articles x WHERE x.near_dup_of IN
                (SELECT e.article_id FROM events e WHERE e.cluster_id = clusters.id)),
  first_reported = (SELECT min(a.date) FROM events e JOIN articles a ON a.id = e.article_id
                    WHERE e.cluster_id = clusters.id),
  first_url = (SELECT a.url FROM events e JOIN articles a ON a.id = e.article_id
               WHERE e.cluster_id = clusters.id ORDER BY a.date IS NULL, a.date, a.id LIMIT 1)
WHERE id = ?
"""


def refresh_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Recompute the clusters an article reports on (after a copy of it was stored)."""
    ids = [r[0] for r in conn.execute("SELECT DISTINCT cluster_id FROM events WHERE article_id = ?", (article_id,))]
    refresh(conn, ids)


def refresh(conn: sqlite3.Connection, cluster_ids) -> None:
    """Recompute the stats of the given clusters from their mentions."""
    conn.executemany(_REFRESH, [(cid,) for cid in sorted(set(cluster_ids))])
