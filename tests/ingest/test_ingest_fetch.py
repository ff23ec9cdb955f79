"""fetch_url and URL sources against a local 127.0.0.1 server."""
from __future__ import annotations

import pytest

from accord.errors import Rejected
from accord.ingest import iter_sources
from accord.ingest import fetch as fetch_mod
from accord.ingest.fetch import FetchFailed, HostThrottle, fetch_url
from accord.models import RawDocument, Rejection
from accord.text import to_article


def test_fetch_html_page(http_base, net_settings):
    res = fetch_url(http_base + "/article", net_settings)
    assert res.status == 200
    assert res.content_type == "text/html"
    assert res.encoding == "utf-8"
    assert b"Ministers meet in Oslo" in res.content
    assert res.etag == '"v1"'


def test_conditional_get_returns_304(http_base, net_settings):
    res = fetch_url(http_base + "/article", net_settings, headers={"If-None-Match": '"v1"'})
    assert res.not_modified and res.content == b""


def test_content_type_refused(http_base, net_settings):
    with pytest.raises(Rejected) as exc:
        fetch_url(http_base + "/pdf", net_settings)
    assert exc.value.reason == "content-type"
    assert "application/pdf" in exc.value.detail


@pytest.mark.parametrize("route", ["/big-declared", "/big-streamed"])
def test_size_cap(http_base, net_settings, route):
    with pytest.raises(Rejected) as exc:
        fetch_url(http_base + route, net_settings)
    assert exc.value.reason == "oversize"


def test_timeout(http_base, net_settings):
    with pytest.raises(FetchFailed) as exc:
        fetch_url(http_base + "/slow", net_settings.with_(timeout=0.3))
    assert exc.value.reason == "timeout"


def test_http_errors(http_base, net_settings):
    with pytest.raises(Rejected) as exc:
        fetch_url(http_base + "/nothing-here", net_settings)
    assert exc.value.reason == "http-error" and "404" in exc.value.detail
    with pytest.raises(FetchFailed) as exc2:
        fetch_url(http_base + "/error", net_settings)
    assert "500" in exc2.value.detail


def test_redirect_to_other_scheme_refused(http_base, net_settings):
    with pytest.raises(Rejected) as exc:
        fetch_url(http_base + "/redirect-ftp", net_settings)
    assert exc.value.reason == "bad-scheme"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript:alert(1)", "data:text/html,hi", "http:///nohost"])
def test_non_http_schemes_refused(url, net_settings):
    with pytest.raises(Rejected) as exc:
        fetch_url(url, net_settings)
    assert exc.value.reason == "bad-scheme"
    items = list(iter_sources([url], net_settings))
    assert len(items) == 1 and isinstance(items[0], Rejection) and items[0].reason == "bad-scheme"


def test_url_source_gives_article(http_base, net_settings):
    items = list(iter_sources([http_base + "/article"], net_settings))
    assert len(items) == 1 and isinstance(items[0], RawDocument)
    art = to_article(items[0], net_settings)
    assert art.title == "Ministers meet in Oslo"
    assert art.publisher == "Fjord Times"
    assert art.date == "2024-05-06"
    assert art.url == http_base + "/article"
    assert "joint working group" in art.text and "Home" not in art.text


def test_plain_text_url(http_base, net_settings):
    (doc,) = list(iter_sources([http_base + "/plain"], net_settings))
    assert doc.kind == "text"
    assert "Geneva" in to_article(doc, net_settings).text


def test_feed_url_fetches_entry_links(http_base, net_settings):
    items = list(iter_sources([http_base + "/feed"], net_settings))
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len(docs) == 1 and len(rejections) == 1
    assert docs[0].meta["id"] == "a1" and docs[0].meta["date"] == "2024-05-06"
    art = to_article(docs[0], net_settings)
    assert "Baltic" in art.text and art.publisher == "Fjord Times"
    assert rejections[0].reason == "http-error" and "missing" in rejections[0].origin


def test_host_throttle_waits_between_requests_to_one_host(monkeypatch):
    slept: list[float] = []
    clock = [100.0]
    monkeypatch.setattr(fetch_mod.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(fetch_mod.time, "sleep", lambda s: slept.append(s))
    throttle = HostThrottle()
    throttle.wait("a.example", 2.0)
    throttle.wait("b.example", 2.0)  # other host: no wait
    assert slept == []
    throttle.wait("a.example", 2.0)  # same host, no time passed: must wait the full delay
    assert slept == [pytest.approx(2.0)]
