"""Store benchmark (not a test): article and event insert throughput, near-duplicates found.

    .venv/bin/python bench/store_throughput.py [--limit N]

Reads ../shared/corpus/news.jsonl (skips with a message when absent). Prints the rate of
``Store.add_article`` (content hash + MinHash/LSH + FTS) as a ratio to a baseline measured in the
same run: plain parameterised INSERTs of the same rows into a bare SQLite table. Then times
``add_events`` with clustering on synthetic events (5 per article, 60 actors, one year).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE.parent / "tests" / "store")]

from accord.models import Article  # noqa: E402
from accord.store import Store  # noqa: E402
from accord_store_factory import CODES, event  # noqa: E402

CORPUS = Path(os.environ.get("ACCORD_SHARED", HERE.parent / ".." / "shared")) / "corpus" / "news.jsonl"


def load(limit: int | None) -> list[Article]:
    out = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if (r.get("text") or "").strip():
                out.append(Article(text=r["text"], title=r.get("title"), publisher=r.get("source"),
                                   date=r.get("date"), url=r.get("url"), external_id=r.get("id")))
            if limit and len(out) >= limit:
                break
    return out


def baseline(arts: list[Article], path: str) -> float:
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, h TEXT UNIQUE, title TEXT, text TEXT)")
    t = time.perf_counter()
    for i in range(0, len(arts), 500):
        c.execute("BEGIN")
        c.executemany("INSERT OR IGNORE INTO a(h, title, text) VALUES (?, ?, ?)",
                      [(a.content_hash, a.title, a.text) for a in arts[i:i + 500]])
        c.execute("COMMIT")
    c.close()
    return time.perf_counter() - t


def store_run(arts: list[Article], path: str) -> tuple[float, dict]:
    statuses: dict[str, int] = {}
    t = time.perf_counter()
    with Store(path) as s:
        for i in range(0, len(arts), 500):
            with s.transaction():
                for a in arts[i:i + 500]:
                    st = s.add_article(a)[1]
                    statuses[st] = statuses.get(st, 0) + 1
    return time.perf_counter() - t, statuses


def cluster_run(path: str, n_articles: int) -> tuple[float, dict]:
    rnd = random.Random(1)
    actors = [f"C{i:02d}" for i in range(60)]
    t = time.perf_counter()
    with Store(path) as s:
        ids = [r[0] for r in s.conn.execute("SELECT id FROM articles WHERE near_dup_of IS NULL LIMIT ?",
                                            (n_articles,))]
        with s.transaction():
            for aid in ids:
                evs = []
                for k in range(5):
                    a, b = rnd.sample(actors, 2)
                    evs.append(event(f"Sentence {k} {a} {b}.", a + "GOV", b, rnd.choice(list(CODES)),
                                     f"2023-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}", start=k * 40))
                s.add_events(aid, evs)
        counts = s.counts()
    return time.perf_counter() - t, counts


def query_run(path: str) -> dict[str, float]:
    from accord import query

    calls = {
        "count": lambda: query.count_events(path),
        "page": lambda: query.events(path, limit=50),
        "actor+text": lambda: query.events(path, actor="C01", text="sentence", limit=50),
        "dyad": lambda: query.dyad(path, "C01", "C02"),
        "top": lambda: query.top_actors(path, 20),
        "network": lambda: query.network(path),
    }
    out = {}
    for name, call in calls.items():
        t = time.perf_counter()
        call()
        out[name] = time.perf_counter() - t
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} not found")
        return
    arts = load(args.limit)
    with tempfile.TemporaryDirectory() as d:
        base = baseline(arts, os.path.join(d, "base.db"))
        took, statuses = store_run(arts, os.path.join(d, "store.db"))
        rerun, _ = store_run(arts, os.path.join(d, "store.db"))
        ctook, counts = cluster_run(os.path.join(d, "store.db"), 10_000)
        qtimes = query_run(os.path.join(d, "store.db"))
    print(f"articles: {len(arts)}  statuses: {statuses}")
    print(f"baseline plain INSERT: {len(arts) / base:,.0f} articles/s")
    print(f"Store.add_article:     {len(arts) / took:,.0f} articles/s  (ratio to baseline {base / took:.3f})")
    print(f"rerun (all duplicates): {len(arts) / rerun:,.0f} articles/s")
    print(f"add_events + clustering: {counts['events'] / ctook:,.0f} events/s "
          f"({counts['events']} events -> {counts['clusters']} clusters)")
    print("query latency (ms): " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in qtimes.items()))


if __name__ == "__main__":
    main()
