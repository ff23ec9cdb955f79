"""HTTP(S) fetching with the safety rails every network read needs.

* only ``http``/``https`` URLs (``file:``, ``ftp:``, ``javascript:``, ... are refused);
* connect/read timeouts from ``settings.timeout`` and an overall deadline;
* a size cap (``settings.max_bytes``) enforced while streaming, not after;
* a content-type check (HTML, plain text, feeds/XML by default);
* a minimum delay between two requests to one host (``settings.host_delay``);
* conditional GET: pass ``If-None-Match`` / ``If-Modified-Since`` in ``headers``; a 304 comes
  back as ``FetchResult(status=304, content=b"")``.

Permanent refusals raise :class:`~accord.errors.Rejected` (reasons ``bad-scheme``,
``content-type``, ``oversize``, ``http-error``); temporary failures raise :class:`FetchFailed`
(a ``TransientError`` with a ``reason``: ``timeout``, ``network``, ``http-error``).
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Mapping
from urllib.parse import urlsplit

from ..config import Settings
from ..errors import Rejected, TransientError

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_TYPES = (
    "text/html", "application/xhtml+xml", "text/plain", "application/rss+xml", "application/atom+xml",
    "application/rdf+xml", "application/xml", "text/xml",
)  # fmt: skip
_MAX_REDIRECTS = 5


class FetchFailed(TransientError):
    """A fetch that may succeed later (timeout, connection error, 5xx, 429)."""

    def __init__(self, reason: str, url: str, detail: str = ""):
        self.reason = reason
        self.item = url
        self.detail = detail
        super().__init__(f"{url}: {reason}" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True)
class FetchResult:
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    url: str = ""  # final URL after redirects
    content_type: str | None = None  # media type without parameters, lower-case
    encoding: str | None = None  # charset parameter, if any
    fetched_at: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class HostThrottle:
    """Keeps at least ``delay`` seconds between two requests to the same host (thread-safe)."""

    def __init__(self) -> None:
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, delay: float) -> None:
        if delay <= 0:
            return
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, 0.0) + delay
            start = max(now, ready)
            self._last[host] = start
        if start > now:
            time.sleep(start - now)


THROTTLE = HostThrottle()


def is_fetchable(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ALLOWED_SCHEMES and bool(parts.hostname)


def check_url(url: str) -> str:
    """Return the URL stripped, or raise Rejected("bad-scheme") for anything but http(s)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise Rejected("bad-scheme", url[:200], f"only http and https URLs are fetched, not {parts.scheme or 'none'!r}")
    if not parts.hostname:
        raise Rejected("bad-scheme", url[:200], "URL has no host")
    return url


def media_type(value: str | None) -> tuple[str | None, str | None]:
    """"text/html; charset=UTF-8" -> ("text/html", "UTF-8")."""
    if not value:
        return None, None
    parts = [p.strip() for p in value.split(";")]
    charset = next((p.split("=", 1)[1].strip("\"' ") for p in parts[1:] if p.lower().startswith("charset=")), None)
    return parts[0].lower() or None, charset


def fetch_url(url: str, settings: Settings, headers: Mapping[str, str] | None = None, *,
              accept_types: tuple[str, ...] | None = DEFAULT_TYPES, client=None) -> FetchResult:  # fmt: skip
    """GET ``url`` within the limits in ``settings``; see the module docstring for errors."""
    import httpx

    url = check_url(url)
    THROTTLE.wait(urlsplit(url).hostname or "", settings.host_delay)
    req_headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"}
    req_headers.update(headers or {})
    own = client is None
    if own:
        client = httpx.Client(timeout=httpx.Timeout(settings.timeout), follow_redirects=True, max_redirects=_MAX_REDIRECTS)
    try:
        return _get(client, url, req_headers, settings, accept_types)
    except httpx.TimeoutException as exc:
        raise FetchFailed("timeout", url, f"no answer within {settings.timeout:g} s") from exc
    except httpx.TooManyRedirects as exc:
        raise Rejected("http-error", url, "too many redirects") from exc
    except httpx.UnsupportedProtocol as exc:
        raise Rejected("bad-scheme", url, str(exc)) from exc
    except httpx.HTTPError as exc:
        raise FetchFailed("network", url, f"{type(exc).__name__}: {exc}") from exc
    finally:
        if own:
            client.close()


def _get(client, url: str, headers: dict, settings: Settings, accept_types) -> FetchResult:
    deadline = time.monotonic() + settings.timeout * 3
    with client.stream("GET", url, headers=headers) as resp:
        final = str(resp.url)
        if not is_fetchable(final):
            raise Rejected("bad-scheme", url, f"redirected to a non-http URL {final[:100]}")
        hdrs = {k.lower(): v for k, v in resp.headers.items()}
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if resp.status_code == 304:
            return FetchResult(304, b"", hdrs, final, None, None, stamp)
        if resp.status_code >= 500 or resp.status_code == 429:
            raise FetchFailed("http-error", url, f"HTTP {resp.status_code}")
        if resp.status_code >= 400:
            raise Rejected("http-error", url, f"HTTP {resp.status_code}")
        ctype, charset = media_type(hdrs.get("content-type"))
        if accept_types and ctype and ctype not in accept_types:
            raise Rejected("content-type", url, f"{ctype} is not an article or feed type")
        declared = hdrs.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.max_bytes:
            raise Rejected("oversize", url, f"Content-Length {int(declared):,} > limit {settings.max_bytes:,}")
        body = _read_capped(resp, url, settings.max_bytes, deadline, settings.timeout)
        return FetchResult(resp.status_code, body, hdrs, final, ctype, charset, stamp)


def _read_capped(resp, url: str, limit: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise Rejected("oversize", url, f"body exceeds limit {limit:,} bytes")
        if time.monotonic() > deadline:
            raise FetchFailed("timeout", url, f"body not received within {timeout * 3:g} s")
        chunks.append(chunk)
    return b"".join(chunks)
