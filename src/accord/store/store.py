"""The repository: the only code that writes the Accord database.

One ``Store`` = one SQLite connection (WAL, foreign keys on). Single writer: open one writable Store
per database (the pipeline's main process); readers use ``Store(path, readonly=True)`` or
``accord.query``. Every write method runs inside ``transaction()``; calls made outside an explicit
transaction get one of their own, calls inside join the open one (one batch = one transaction).
An exception inside ``transaction()`` rolls the whole batch back; a killed process leaves only
committed batches (WAL), so a rerun resumes: articles are idempotent by content hash, events and
facts by a key over their article, offsets and codes, rejections by (origin, reason, detail).
"""
from __future__ import annotations

import json
import logging
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from ..errors import AccordError, TransientError
from ..models import Article, Event, Fact, Rejection, RunReport
from . import cluster, neardup
from .db import connect
from .rows import event_row, fact_row, insert_sql

log = logging.getLogger(__name__)


def utcnow() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    def __init__(self, path: str, *, readonly: bool = False, near_dup_threshold: float = 0.8):
        self.path = str(path)
        self.readonly = readonly
        self.near_dup_threshold = float(near_dup_threshold)
        self.conn: sqlite3.Connection = connect(self.path, readonly=readonly)
        self._depth = 0
        self.run_id: int | None = None

    # -- lifecycle -----------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.conn is not None:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """One atomic batch. Nested uses join the outer transaction."""
        if self.readonly:
            raise AccordError("store opened read-only")
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransientError(f"database busy: {exc}") from exc
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    # -- articles ------------------------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def article_id(self, content_hash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return int(row[0]) if row else None

    def add_article(self, article: Article) -> tuple[int, str]:
        """Store an article: ("new" | "duplicate" | "near-duplicate"). Duplicates change nothing."""
        with self.transaction():
            existing = self.article_id(article.content_hash)
            if existing is not None:
                return existing, "duplicate"
            sig = neardup.signature(article.text)
            original = neardup.find_original(self.conn, sig, self.near_dup_threshold, article.text) if sig is not None else None
            row = {
                "content_hash": article.content_hash,
                "title": article.title,
                "publisher": article.publisher,
                "date": article.date,
                "url": article.url,
                "language": article.language,
                "text": article.text,
                "origin": article.origin,
                "external_id": article.external_id,
                "near_dup_of": original[0] if original else None,
                "similarity": round(original[1], 4) if original else None,
                "ingested_at": utcnow(),
                "run_id": self.run_id,
            }
            sql, params = insert_sql("articles", row, verb="INSERT")
            aid = int(self.conn.execute(sql, params).lastrowid)
            self.conn.execute(
                "INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)", (aid, article.title or "", article.text)
            )
            if original:
                log.debug("article %s is a near-duplicate of %s (J~%.2f)", aid, original[0], original[1])
                cluster.refresh_article(self.conn, original[0])
                return aid, "near-duplicate"
            if sig is not None:
                neardup.index(self.conn, aid, sig)
            return aid, "new"

    # -- events and facts ----------------------------------------------------------------------
    def _require_article(self, article_id: int) -> None:
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise AccordError(f"no article with id {article_id}")

    def add_events(self, article_id: int, events: list[Event]) -> int:
        """Insert the mentions of one article and cluster them; returns how many were new."""
        added, touched = 0, set()
        with self.transaction():
            self._require_article(article_id)
            now = utcnow()
            for event in events:
                row = event_row(article_id, event)
                sql, params = insert_sql("events", row)
                cur = self.conn.execute(sql, params)
                if not cur.rowcount:
                    continue
                eid = int(cur.lastrowid)
                cid = cluster.assign(self.conn, row, now)
                self.conn.execute("UPDATE events SET cluster_id = ? WHERE id = ?", (cid, eid))
                self.conn.execute(
                    "INSERT INTO evidence_fts(rowid, evidence_text, trigger) VALUES (?, ?, ?)",
                    (eid, row["evidence_text"], row["trigger"] or ""),
                )
                touched.add(cid)
                added += 1
            cluster.refresh(self.conn, touched)
        return added

    def add_facts(self, article_id: int, facts: list[Fact]) -> int:
        added = 0
        with self.transaction():
            self._require_article(article_id)
            for fact in facts:
                sql, params = insert_sql("facts", fact_row(article_id, fact))
                added += self.conn.execute(sql, params).rowcount
        return added

    # -- rejections and runs -------------------------------------------------------------------
    def add_rejection(self, rejection: Rejection, run_id: int | None = None) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO rejections(origin, reason, detail, run_id, created_at) VALUES (?, ?, ?, ?, ?)",
                (rejection.origin, rejection.reason, rejection.detail or "", run_id or self.run_id, utcnow()),
            )

    def start_run(self, sources: list[str]) -> int:
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs(started_at, sources) VALUES (?, ?)", (utcnow(), json.dumps(list(sources)))
            )
        self.run_id = int(cur.lastrowid)
        return self.run_id

    def finish_run(self, run_id: int, report: RunReport) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, articles = ?, duplicates = ?, near_duplicates = ?, events = ?,"
                " facts = ?, rejections = ?, seconds = ? WHERE id = ?",
                (utcnow(), report.articles, report.duplicates, report.near_duplicates, report.events, report.facts,
                 json.dumps(report.rejections, sort_keys=True), report.seconds, run_id),
            )
        if self.run_id == run_id:
            self.run_id = None

    # -- feed-watch state ----------------------------------------------------------------------
    def get_feed_state(self, url: str) -> dict | None:
        row = self.conn.execute("SELECT * FROM feed_state WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    def set_feed_state(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO feed_state(url, etag, last_modified, last_polled) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,"
                " last_polled = excluded.last_polled",
                (url, etag, last_modified, utcnow()),
            )

    def is_seen(self, feed: str, key: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM seen_entries WHERE feed_url = ? AND entry_key = ?", (feed, key)).fetchone()
        return row is not None

    def mark_seen(self, feed: str, key: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO seen_entries(feed_url, entry_key, seen_at) VALUES (?, ?, ?)", (feed, key, utcnow())
            )

    # -- small read helpers (summaries) --------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (for run summaries and tests)."""
        out = {}
        for table in ("articles", "events", "clusters", "facts", "rejections", "runs"):
            out[table] = int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        out["near_duplicates"] = int(
            self.conn.execute("SELECT count(*) FROM articles WHERE near_dup_of IS NOT NULL").fetchone()[0]
        )
        return out

    def rejection_counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT reason, count(*) FROM rejections GROUP BY reason ORDER BY 2 DESC, 1")
        return {r[0]: int(r[1]) for r in rows}
