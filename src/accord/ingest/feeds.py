"""RSS/Atom feeds (feedparser, always on bytes so it never touches the network itself)."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Callable, Iterator
from urllib.parse import urljoin

from ..errors import Rejected
from ..models import RawDocument, Rejection

log = logging.getLogger(__name__)

#: An entry's own content counts as the article when it has at least this many words.
MIN_BODY_WORDS = 60

_TAGS = re.compile(r"<[^>]+>")
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_ROOT = re.compile(rb"<html\b", re.I)


@dataclass(frozen=True)
class FeedEntry:
    id: str | None
    link: str | None
    title: str | None
    date: str | None  # YYYY-MM-DD
    content: str | None  # the fullest HTML/text the entry carries (content, else summary)
    updated: str | None = None

    @property
    def has_body(self) -> bool:
        return bool(self.content) and len(_TAGS.sub(" ", self.content).split()) >= MIN_BODY_WORDS


@dataclass(frozen=True)
class Feed:
    title: str | None
    link: str | None
    entries: list[FeedEntry]


def looks_like_feed(head: bytes) -> bool:
    """RSS/Atom/RDF root element near the start and no <html> before it."""
    head = head[:4096]
    m = _FEED_ROOT.search(head)
    if not m:
        return False
    h = _HTML_ROOT.search(head)
    return h is None or h.start() > m.start()


def _date(entry) -> str | None:
    from ..text.dates import normalize_date

    for key in ("published_parsed", "updated_parsed", "created_parsed", "published", "updated", "dc_date"):
        value = dict.get(entry, key)  # plain dict access: no feedparser key-aliasing warnings
        if value:
            return normalize_date(value)
    return None


def _content(entry) -> str | None:
    best = ""
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    return (best if len(best) >= len(summary) else summary) or None


def parse_feed(data: bytes, base_url: str | None = None) -> Feed:
    """Parse feed bytes; raise Rejected("malformed-feed") when nothing usable is in them."""
    import feedparser

    parsed = feedparser.parse(data)  # bytes: feedparser never fetches anything itself
    if parsed.bozo and not parsed.entries:
        exc = parsed.get("bozo_exception")
        raise Rejected("malformed-feed", base_url or "", f"not a readable RSS/Atom feed ({exc})")
    if not parsed.entries and not parsed.feed.get("title"):
        raise Rejected("malformed-feed", base_url or "", "no feed entries found")
    if parsed.bozo:
        log.warning("feed %s is not well-formed (%s); using the %d entries read", base_url, parsed.get("bozo_exception"), len(parsed.entries))
    entries = []
    for e in parsed.entries:
        link = e.get("link")
        if link and base_url:
            link = urljoin(base_url, link)
        entries.append(FeedEntry(
            id=e.get("id") or e.get("guid") or link, link=link, title=e.get("title"), date=_date(e),
            content=_content(e), updated=dict.get(e, "updated"),
        ))  # fmt: skip
    return Feed(parsed.feed.get("title"), parsed.feed.get("link"), entries)


def iter_feed_documents(data: bytes, origin: str, base_url: str | None,
                        fetch: Callable[[str], RawDocument]) -> Iterator[RawDocument | Rejection]:  # fmt: skip
    """One RawDocument per entry: its own content when it is a full body, else its fetched link."""
    try:
        feed = parse_feed(data, base_url)
    except Rejected as exc:
        yield Rejection(origin, exc.reason, exc.detail)
        return
    for n, entry in enumerate(feed.entries, 1):
        where = f"{origin}#{n}"
        meta = {"id": entry.id, "title": entry.title, "date": entry.date, "url": entry.link, "source": feed.title}
        meta = {k: v for k, v in meta.items() if v}
        if entry.has_body:
            kind = "html" if _MARKUP.search(entry.content) else "text"
            yield RawDocument(content=entry.content.encode("utf-8"), origin=where, kind=kind, url=entry.link, meta=meta)
        elif entry.link:
            yield from _fetch_entry(entry.link, where, meta, fetch)
        else:
            yield Rejection(where, "no-text", "feed entry has no full content and no link")


def _fetch_entry(link: str, where: str, meta: dict, fetch) -> Iterator[RawDocument | Rejection]:
    from .fetch import FetchFailed

    try:
        doc = fetch(link)
    except (Rejected, FetchFailed) as exc:
        yield Rejection(f"{where} {link}", exc.reason, exc.detail)
        return
    yield RawDocument(content=doc.content, origin=f"{where} {link}", kind=doc.kind, url=doc.url,
                      fetched_at=doc.fetched_at, meta=meta, encoding=doc.encoding)  # fmt: skip
