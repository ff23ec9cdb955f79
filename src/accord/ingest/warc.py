"""WARC / WARC.gz archives (warcio): HTML or text HTTP responses become RawDocuments."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from ..models import RawDocument, Rejection
from .fetch import media_type

log = logging.getLogger(__name__)

_TEXT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


def iter_warc(path: Path, max_bytes: int, label: str | None = None) -> Iterator[RawDocument | Rejection]:
    """Response (and resource) records with HTML/text bodies; other records are skipped quietly."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    label = label or str(path)
    n = seen = 0
    with open(path, "rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                seen += 1
                if record.rec_type is None:
                    yield Rejection(f"{label}#{n + 1}", "malformed-warc", "unreadable record header; rest of file skipped")
                    return
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                item = _record(record, f"{label}#{n}", max_bytes)
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield Rejection(f"{label}#{n + 1}", "malformed-warc", f"archive unreadable from here on: {exc}"[:300])
            return
    if not seen:
        yield Rejection(label, "malformed-warc", "no WARC record could be read (truncated or corrupt file)")


def _record(record, origin: str, max_bytes: int) -> RawDocument | Rejection | None:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    when = record.rec_headers.get_header("WARC-Date")
    if record.rec_type == "response":
        if record.http_headers is None:
            if (uri or "").startswith("http"):
                return Rejection(f"{origin} {uri}", "malformed-warc", "response record without readable HTTP headers")
            return None  # dns: and similar records
        status = record.http_headers.get_statuscode()
        if status != "200":
            return None
        ctype, charset = media_type(record.http_headers.get_header("Content-Type"))
    else:
        ctype, charset = media_type(record.rec_headers.get_header("Content-Type"))
    kind = _TEXT_TYPES.get(ctype or "")
    if kind is None:
        return None
    body = record.content_stream().read(max_bytes + 1)
    origin = f"{origin} {uri}" if uri else origin
    if not body.strip():
        return Rejection(origin, "malformed-warc", "record body is empty or truncated")
    if len(body) > max_bytes:
        return Rejection(origin, "oversize", f"record body exceeds limit {max_bytes:,} bytes")
    meta = {"url": uri} if uri else {}
    return RawDocument(content=body, origin=origin, kind=kind, url=uri, fetched_at=when, meta=meta, encoding=charset)
