"""``accord watch``: poll RSS/Atom feeds and ingest each new entry once.

Per poll and feed: a conditional GET (ETag / Last-Modified remembered in the store), so an
unchanged feed costs a 304 and no body; entries already seen (remembered in the store's
``seen_entries``, across restarts) are skipped before anything is fetched; new entries go through
the normal pipeline (clean, de-duplicate, code, store) and are marked seen in the same transaction
as their article. Polite: the fetcher's timeouts, size cap and per-host delay
(``settings.host_delay``), and exponential backoff for a feed that keeps failing.
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from typing import Callable

from .config import Settings
from .errors import AccordError
from .models import RawDocument, Rejection

log = logging.getLogger(__name__)

#: Longest wait before retrying a failing feed, seconds.
MAX_BACKOFF = 6 * 3600.0

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)


def parse_duration(text: str | float | int) -> float:
    """'15m' -> 900.0; '30s', '2h', '1d', or plain seconds ('90')."""
    if isinstance(text, (int, float)):
        return float(text)
    m = _DURATION.match(str(text))
    if not m:
        raise AccordError(f"not a duration: {text!r} (use e.g. 30s, 15m, 2h)")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2).lower()]


@dataclass
class FeedPoll:
    """What one poll of one feed did."""

    feed: str
    status: str  # "new" | "not-modified" | "error" | "backoff"
    entries: int = 0  # entries in the feed
    fresh: int = 0  # entries not seen before
    articles: int = 0  # new articles stored
    events: int = 0
    error: str | None = None
    failures: int = 0  # failed polls of this feed in a row (status "error")


@dataclass
class _Backoff:
    failures: int = 0
    next_try: float = 0.0


@dataclass
class Watcher:
    """Polls feeds into one store. ``poll()`` runs one round over all feeds."""

    feeds: list[str]
    settings: Settings
    store: object
    every: float = 900.0
    _backoff: dict[str, _Backoff] = field(default_factory=dict)

    def poll(self) -> list[FeedPoll]:
        return [self.poll_feed(feed) for feed in self.feeds]

    def poll_feed(self, feed: str) -> FeedPoll:
        back = self._backoff.setdefault(feed, _Backoff())
        if time.monotonic() < back.next_try:
            return FeedPoll(feed, "backoff")
        try:
            result = self._poll(feed)
        except Exception as exc:  # network error, malformed feed: back off, keep the others going
            back.failures += 1
            back.next_try = time.monotonic() + min(MAX_BACKOFF, self.every * (2 ** (back.failures - 1)))
            # reported once, by the caller, from the FeedPoll (the CLI prints it): no warning here
            log.debug("feed %s failed (%d in a row): %s", feed, back.failures, exc)
            return FeedPoll(feed, "error", error=f"{type(exc).__name__}: {exc}", failures=back.failures)
        back.failures, back.next_try = 0, 0.0
        return result

    def _poll(self, feed: str) -> FeedPoll:
        from .ingest.feeds import parse_feed
        from .ingest.fetch import fetch_url

        state = self.store.get_feed_state(feed) or {}
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("last_modified"):
            headers["If-Modified-Since"] = state["last_modified"]
        resp = fetch_url(feed, self.settings, headers)  # timeouts, size cap, per-host delay
        if resp.not_modified:
            self.store.set_feed_state(feed, state.get("etag"), state.get("last_modified"))
            return FeedPoll(feed, "not-modified")
        parsed = parse_feed(resp.content, resp.url or feed)
        fresh = [(n, e) for n, e in enumerate(parsed.entries, 1) if not self.store.is_seen(feed, entry_key(e))]
        report = self._ingest(feed, parsed.title, fresh) if fresh else None
        self.store.set_feed_state(feed, resp.etag, resp.last_modified)
        return FeedPoll(feed, "new", entries=len(parsed.entries), fresh=len(fresh),
                        articles=report.articles if report else 0, events=report.events if report else 0)

    def _ingest(self, feed: str, feed_title: str | None, fresh: list):
        """Run the pipeline on the fresh entries; each is marked seen with its batch's commit."""
        from .pipeline import run_items

        keys: dict[str, str] = {}

        def items():
            for n, entry in fresh:
                item, retry = entry_document(entry, f"{feed}#{n}", feed_title, self.settings)
                if not retry:  # a temporary failure is tried again at the next poll
                    keys[item.origin] = entry_key(entry)
                yield item

        def mark(origins: list[str]) -> None:
            for origin in origins:
                key = keys.pop(origin, None)
                if key is not None:
                    self.store.mark_seen(feed, key)

        return run_items(items(), self.settings, label=[feed], progress=False, store=self.store, on_commit=mark)


def entry_key(entry) -> str:
    """What identifies a feed entry across polls: its id/guid, else its link, else a content hash."""
    from .models import sha256_hex

    return entry.id or entry.link or sha256_hex(f"{entry.title}\n{entry.date}\n{entry.content}")


def entry_document(entry, origin: str, feed_title: str | None, settings: Settings) -> tuple[RawDocument | Rejection, bool]:
    """The entry's own content when it is a full article, else its link fetched (politely);
    with True when the entry failed for a temporary reason (worth retrying next poll)."""
    from .errors import Rejected, TransientError
    from .ingest.fetch import fetch_url

    meta = {"id": entry.id, "title": entry.title, "date": entry.date, "url": entry.link, "source": feed_title}
    meta = {k: v for k, v in meta.items() if v}
    if entry.has_body:
        doc = RawDocument(content=entry.content.encode("utf-8"), origin=origin, kind="html", url=entry.link, meta=meta)
        return doc, False
    if not entry.link:
        return Rejection(origin, "no-text", "feed entry has no full content and no link"), False
    try:
        res = fetch_url(entry.link, settings)
    except Rejected as exc:
        return Rejection(origin, exc.reason, exc.detail), False
    except TransientError as exc:
        return Rejection(origin, getattr(exc, "reason", "network"), str(exc)), True
    kind = {"text/plain": "text"}.get(res.content_type or "", "html" if "html" in (res.content_type or "") else "unknown")
    doc = RawDocument(content=res.content, origin=origin, kind=kind, url=res.url or entry.link,
                      fetched_at=res.fetched_at, meta=meta, encoding=res.encoding)
    return doc, False


def watch(feeds: list[str], settings: Settings, *, every: float = 900.0, once: bool = False,
          max_polls: int | None = None, sleep: Callable[[float], None] = time.sleep,
          on_poll: Callable[[list[FeedPoll]], None] | None = None) -> list[list[FeedPoll]]:
    """Poll ``feeds`` every ``every`` seconds (once with ``once``; at most ``max_polls`` rounds).

    Returns the results of every round. Ctrl-C stops between two steps; committed work is kept.
    """
    from .store import Store

    rounds: list[list[FeedPoll]] = []
    with Store(settings.db, near_dup_threshold=settings.near_dup_threshold) as store:
        watcher = Watcher(list(feeds), settings, store, every=every)
        try:
            while True:
                results = watcher.poll()
                rounds.append(results)
                if on_poll:
                    on_poll(results)
                if once or (max_polls is not None and len(rounds) >= max_polls):
                    break
                sleep(every)
        except KeyboardInterrupt:
            log.warning("watch stopped; committed entries are kept")
    return rounds
