"""Read the outside world into RawDocuments.

    iter_sources(sources, settings) -> Iterator[RawDocument | Rejection]

A source is a file (plain text, HTML, RSS/Atom feed, JSONL, WARC/WARC.gz, gzipped document), a
folder (read recursively, in sorted order, hidden entries skipped) or an http(s) URL (a page or a
feed). Types are sniffed from content. One bad item becomes a Rejection and the batch goes on;
only a local source that does not exist at all raises AccordError (before anything is read).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from ..config import Settings
from ..errors import AccordError, Rejected
from ..models import RawDocument, Rejection
from .feeds import iter_feed_documents, parse_feed
from .fetch import FetchFailed, FetchResult, fetch_url
from .jsonl import iter_jsonl
from .sniff import GZIP_MAGIC, gunzip_capped, sniff
from .warc import iter_warc

log = logging.getLogger(__name__)

__all__ = ["iter_sources", "iter_path", "iter_url", "fetch_url", "FetchResult", "parse_feed", "is_url"]

_HEAD = 65536
_FEED_FILE_FACTOR = 10  # a feed file carries many articles: allow it this many times max_bytes


def is_url(source: str) -> bool:
    """Anything with a URL scheme (``http:``, ``ftp:``, ``file:``, ``javascript:``...), not a Windows drive."""
    scheme = urlsplit(source).scheme
    return len(scheme) > 1 and ":" in source[: len(scheme) + 1]


def _remote(source: str) -> bool:
    return is_url(source) and not os.path.exists(source)


def iter_sources(sources: Iterable[str], settings: Settings) -> Iterator[RawDocument | Rejection]:
    sources = [str(s) for s in sources]
    missing = [s for s in sources if not _remote(s) and not os.path.exists(s)]
    if missing:
        raise AccordError("no such file or folder: " + ", ".join(missing))
    for source in sources:
        if _remote(source):
            yield from iter_url(source, settings)
        else:
            yield from iter_path(Path(source), settings)


def iter_path(path: Path, settings: Settings) -> Iterator[RawDocument | Rejection]:
    if path.is_dir():
        for file in walk(path):
            yield from _iter_file(file, settings)
    else:
        yield from _iter_file(path, settings)


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, in a deterministic (sorted) order; dot-entries skipped."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_head(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(_HEAD)


def _iter_file(path: Path, settings: Settings) -> Iterator[RawDocument | Rejection]:
    label = str(path)
    try:
        yield from _dispatch(path, label, settings)
    except OSError as exc:  # unreadable, vanished mid-read, permission denied...
        yield Rejection(label, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")


def _dispatch(path: Path, label: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    size = path.stat().st_size
    kind = sniff(_read_head(path), path.name)
    if kind == "warc":
        yield from iter_warc(path, settings.max_bytes, label)
    elif kind == "jsonl" or (kind == "gzip" and path.name.lower().endswith((".jsonl.gz", ".ndjson.gz"))):
        yield from iter_jsonl(path, settings.max_bytes, label)
    elif kind == "feed":
        if size > settings.max_bytes * _FEED_FILE_FACTOR:
            yield Rejection(label, "oversize", f"feed file of {size:,} bytes")
            return
        yield from iter_feed_documents(path.read_bytes(), label, None, lambda url: _fetch_doc(url, settings))
    elif size > settings.max_bytes:
        yield Rejection(label, "oversize", f"{size:,} bytes > limit {settings.max_bytes:,}")
    elif kind == "gzip":
        yield from _gzip_document(path.read_bytes(), label, settings)
    else:
        # html vs text is sniffed from the content by the text stage
        yield RawDocument(content=path.read_bytes(), origin=label, kind="unknown")


def _gzip_document(data: bytes, label: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    inner = gunzip_capped(data, settings.max_bytes)
    if inner is None:
        yield Rejection(label, "oversize", f"decompressed size > limit {settings.max_bytes:,}")
    elif not inner:
        yield Rejection(label, "binary", "corrupt or empty gzip data")
    elif inner.startswith(GZIP_MAGIC):
        yield Rejection(label, "binary", "nested gzip data")
    elif sniff(inner[:_HEAD]) == "feed":
        yield from iter_feed_documents(inner, label, None, lambda url: _fetch_doc(url, settings))
    else:
        yield RawDocument(content=inner, origin=label, kind="unknown")


def _fetch_doc(url: str, settings: Settings) -> RawDocument:
    """Fetch one article page (raises Rejected / FetchFailed)."""
    res = fetch_url(url, settings)
    kind = "text" if res.content_type == "text/plain" else "html"
    return RawDocument(content=res.content, origin=url, kind=kind, url=res.url or url,
                       fetched_at=res.fetched_at, encoding=res.encoding)  # fmt: skip


def iter_url(url: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """A page or a feed at ``url``."""
    try:
        res = fetch_url(url, settings)
    except (Rejected, FetchFailed) as exc:
        yield Rejection(url, exc.reason, exc.detail)
        return
    head = res.content[:_HEAD]
    if res.content_type in ("application/rss+xml", "application/atom+xml", "application/rdf+xml") or sniff(head) == "feed":
        yield from iter_feed_documents(res.content, url, res.url or url, lambda u: _fetch_doc(u, settings))
        return
    kind = "text" if res.content_type == "text/plain" else ("html" if res.content_type else "unknown")
    yield RawDocument(content=res.content, origin=url, kind=kind, url=res.url or url,
                      fetched_at=res.fetched_at, meta={"url": res.url or url}, encoding=res.encoding)  # fmt: skip
