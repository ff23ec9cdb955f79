"""HTML -> main text + metadata with trafilatura (precision-leaning; measured in bench/extraction.py)."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .dates import normalize_date

log = logging.getLogger(__name__)

_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title", re.I | re.S)
_CLOSING = re.compile(r"</html\s*>|</body\s*>", re.I)


@dataclass(frozen=True)
class HtmlResult:
    text: str
    title: str | None
    date: str | None
    sitename: str | None
    url: str | None
    truncated: bool


def looks_truncated(html: str) -> bool:
    """A page cut off in transit has no closing body/html tag near its end."""
    return _CLOSING.search(html[-4096:]) is None


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    """Main text and metadata of a page. Never raises for bad markup; text may be ''."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True, include_tables=True
        )
    except Exception as exc:  # trafilatura/lxml can fail on pathological markup
        log.debug("trafilatura failed on %s: %s", url, exc)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        text = _baseline(html)
    title = getattr(doc, "title", None) if doc is not None else None
    if not title:
        m = _TITLE_TAG.search(html[:200_000])
        title = " ".join(m.group(1).split()) if m else None
    date = normalize_date(getattr(doc, "date", None), use_dateparser=False) if doc is not None else None
    sitename = getattr(doc, "sitename", None) if doc is not None else None
    doc_url = (getattr(doc, "url", None) if doc is not None else None) or url
    title = strip_site_suffix(_clean_title(title), sitename, doc_url)
    return HtmlResult(text, title, date, sitename or None, doc_url, looks_truncated(html))


def _baseline(html: str) -> str:
    """Recall-oriented fallback for pages trafilatura's main pass finds nothing in (e.g. truncated ones)."""
    try:
        from trafilatura import baseline

        _, text, _ = baseline(html)
        return text or ""
    except Exception as exc:
        log.debug("baseline extraction failed: %s", exc)
        return ""


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = " ".join(title.split())
    return title or None


_TITLE_SEP = re.compile(r"\s+(?:[|\-–—:·•»«]|::)\s+|\s+[|\-–—]$")
_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def _key(text: str | None) -> str:
    return _ALNUM.sub("", (text or "").casefold())


def _host_core(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [p for p in host.split(".") if p not in ("www", "m", "amp", "edition")]
    return _key("".join(labels[:-1]) if len(labels) > 1 else "".join(labels))


def _is_site(segment: str, site: str, host: str) -> bool:
    seg = _key(segment)
    if len(seg) < 3:
        return not seg  # an empty tail ("Title -") goes too
    if site and (site in seg or seg in site):
        return True
    return bool(host) and (host in seg or (seg in host and (len(seg) >= 5 or seg == host)))


def strip_site_suffix(title: str | None, sitename: str | None, url: str | None) -> str | None:
    """"Headline | The Daily Example" -> "Headline" when the tail names the site (or its host)."""
    if not title:
        return title
    site, host = _key(sitename), _host_core(url)
    for m in _TITLE_SEP.finditer(title):
        head, tail = title[: m.start()].strip(), title[m.end() :]
        first_tail = _TITLE_SEP.split(tail, maxsplit=1)[0] if tail else ""
        if len(head.split()) >= 2 and _is_site(first_tail, site, host):
            return head
    return title


def host_publisher(url: str | None) -> str | None:
    """Fallback publisher from the URL host ("www.example.org" -> "example.org")."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
