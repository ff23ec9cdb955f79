"""Assemble an :class:`Article` from a RawDocument (HTML or plain text) or from a str."""
from __future__ import annotations

import logging
import re
from typing import Any, Mapping

from ..config import Settings
from ..errors import Rejected
from ..models import Article, RawDocument
from .boilerplate import strip_boilerplate, tidy
from .dates import normalize_date
from .decode import decode_bytes
from .html import HtmlResult, extract_html, host_publisher
from .language import detect_language
from .plain import Dateline, split_dateline, split_headline, strip_meta_lines

log = logging.getLogger(__name__)

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_TAG = re.compile(r"</?(?:p|div|span|a|br|table|script|style|li|h[1-6])\b[^>]*>", re.I)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_MIN_HTML_WORDS = 5


def sniff_is_html(text: str) -> bool:
    """Markup by content: an HTML prologue, or a text dense with common tags."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 5


def _meta_str(meta: Mapping[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def _same_line(a: str, b: str) -> bool:
    norm = lambda s: " ".join(s.lower().split()).strip(" .")  # noqa: E731
    return norm(a) == norm(b)


def _date_from(meta_date: str | None, dl: Dateline | None) -> str | None:
    if meta_date:
        return meta_date
    if dl is None:
        return None
    return dl.date


def _plain_parts(text: str, meta: Mapping[str, Any]) -> dict:
    """Headline, dateline and clean body of a plain-text article."""
    text = tidy(text)
    title = _meta_str(meta, "title")
    if title:
        first, sep, rest = text.partition("\n")
        body = rest.lstrip("\n") if sep and _same_line(first, title) else text
    else:
        title, body = split_headline(text)
    line_date, body = strip_meta_lines(body)
    dl, body = split_dateline(body)
    return {"title": title, "body": strip_boilerplate(body), "dateline": dl, "line_date": line_date}


def _finish(body: str, settings: Settings | None, *, title, publisher, date, url, origin, external_id) -> Article:
    if not _LETTER.search(body):
        raise Rejected("no-text", origin or "", "no article text left after cleaning")
    if settings is not None and len(body) > settings.max_chars:
        raise Rejected("oversize", origin or "", f"{len(body):,} characters > limit {settings.max_chars:,}")
    lang = detect_language(body if len(body) > 200 or not title else f"{title}\n{body}")
    wanted = settings.languages if settings is not None else ("en",)
    if lang not in wanted:
        reason = "not-english" if wanted == ("en",) else "language"
        raise Rejected(reason, origin or "", f"language looks like {lang!r}; coded: {', '.join(wanted)}")
    return Article(
        text=body, title=title, publisher=publisher, date=date, url=url, language=lang,
        origin=origin, external_id=external_id,
    )  # fmt: skip


def article_from_text(text: str, *, meta: Mapping | None = None, origin: str | None = None,
                      settings: Settings | None = None) -> Article:  # fmt: skip
    """Build an Article from plain text (first-line headline, dateline, boilerplate removal).

    ``meta`` (keys ``id, title, date, source, url``) wins over what the text itself says."""
    meta = meta or {}
    if not text or not text.strip():
        raise Rejected("empty", origin or "", "no content")
    parts = _plain_parts(text, meta)
    dl: Dateline | None = parts["dateline"]
    return _finish(
        parts["body"],
        settings,
        title=parts["title"],
        publisher=_meta_str(meta, "source") or (dl.publisher if dl else None),
        date=_date_from(normalize_date(meta.get("date")) or parts["line_date"], dl),
        url=_meta_str(meta, "url"),
        origin=origin,
        external_id=_meta_str(meta, "id"),
    )


def html_body(html: str, url: str | None = None) -> tuple[HtmlResult, Dateline | None, str]:
    """Extraction + the same cleaning as plain text (boilerplate lines, leading dateline)."""
    res = extract_html(html, url)
    # trafilatura puts one block (paragraph, list item, heading) per line: make them paragraphs
    body = strip_boilerplate(tidy(res.text.replace("\n", "\n\n")))
    body = _drop_title_line(body, res.title)
    dl, body = split_dateline(body)
    return res, dl, body


def _drop_title_line(body: str, title: str | None) -> str:
    """The page headline often opens the extracted text; the record keeps it in ``title`` only."""
    first, sep, rest = body.partition("\n")
    if title and sep and _same_line(first, title):
        return rest.lstrip("\n")
    return body


def _html_article(html: str, raw: RawDocument, settings: Settings) -> Article:
    meta = raw.meta or {}
    url = _meta_str(meta, "url") or raw.url
    res, dl, body = html_body(html, url)
    if len(body.split()) < _MIN_HTML_WORDS:
        if res.truncated:
            raise Rejected("truncated-html", raw.origin, "page is cut off and no article text could be recovered")
        raise Rejected("no-text", raw.origin, "no main article text found in the page")
    publisher = _meta_str(meta, "source") or res.sitename or (dl.publisher if dl else None) or host_publisher(res.url)
    return _finish(
        body,
        settings,
        title=_meta_str(meta, "title") or res.title,
        publisher=publisher,
        date=_date_from(normalize_date(meta.get("date")) or res.date, dl),
        url=res.url or url,
        origin=raw.origin,
        external_id=_meta_str(meta, "id"),
    )


def to_article(raw: RawDocument, settings: Settings | None = None) -> Article:
    """Clean one RawDocument; raise ``Rejected`` (empty, binary, undecodable, oversize, no-text,
    truncated-html, not-english) when it cannot give an English article."""
    settings = settings or Settings()
    if len(raw.content) > settings.max_bytes:
        raise Rejected("oversize", raw.origin, f"{len(raw.content):,} bytes > limit {settings.max_bytes:,}")
    text = decode_bytes(raw.content, raw.encoding, raw.origin)
    kind = raw.kind
    if kind not in ("html", "text"):
        kind = "html" if sniff_is_html(text) else "text"
    elif kind == "text" and _HTML_START.match(text[:4096]):
        kind = "html"  # a "text" field that is really a whole page
    if kind == "html":
        return _html_article(text, raw, settings)
    meta = dict(raw.meta or {})
    if raw.url and not meta.get("url"):
        meta["url"] = raw.url
    return article_from_text(text, meta=meta, origin=raw.origin, settings=settings)
