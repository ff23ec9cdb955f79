"""Untrusted article text renders as text everywhere; headers, body limits, unsafe links."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from .fixtures_db import XSS_IMG, XSS_SCRIPT

RAW_PAYLOADS = ("<script>alert(1)", "<img src=x", "onerror=alert(1)>")


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _pages(web_db):
    ids = web_db[1]
    xss_event = next(e["id"] for e in ids["events"] if e["article_id"] == ids["xss_article"])
    return ["/", "/?actor=CHN", "/?q=praised", f"/events/{xss_event}", f"/articles/{ids['xss_article']}",
            "/dyad?a=CHN&b=IRN", "/facts", "/facts?actor=CHN", "/actors", "/network"]


def test_payload_is_escaped_on_every_page(client, web_db):
    seen_escaped = 0
    for url in _pages(web_db):
        r = client.get(url)
        assert r.status_code == 200, url
        for raw in RAW_PAYLOADS:
            assert raw not in r.text, (url, raw)
        # the only script tags are our own external files
        assert all(s == "" for s in re.findall(r"<script[^>]*>(.*?)</script>", r.text, re.S)), url
        tags = Elements(r.text).tags
        assert all(a.get("src", "").startswith("/static/") for t, a in tags if t == "script"), url
        assert not [t for t, _ in tags if t in ("img", "iframe", "object", "embed")], url
        assert not [k for _, a in tags for k in a if k.startswith("on")], url  # no event-handler attributes
        seen_escaped += "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert seen_escaped >= 5  # the payload is shown (as text) on the pages that show that article


def test_payload_round_trips_as_data_in_json(client, web_db):
    aid = web_db[1]["xss_article"]
    body = client.get(f"/api/articles/{aid}").json()
    assert XSS_SCRIPT in body["title"] and XSS_IMG in body["text"]  # JSON carries the text unchanged
    r = client.get(f"/api/articles/{aid}")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_javascript_url_is_not_linked(client, web_db):
    r = client.get(f"/articles/{web_db[1]['xss_article']}")
    assert 'href="javascript:' not in r.text
    assert "javascript:alert(1)" in r.text  # shown as plain text


@pytest.mark.parametrize("url", ["/", "/api/events", "/static/app.js", "/api/events/999999"])
def test_security_headers(client, url):
    r = client.get(url)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_request_body_is_limited(web_db):
    from fastapi.testclient import TestClient

    from accord.web import create_app

    app = create_app(str(web_db[0]), max_body_bytes=1000)
    with TestClient(app) as c:
        r = c.post("/api/events", content=b"x" * 5000)
        assert r.status_code == 413 and r.json()["error"]["detail"] == "request body too large"

        def chunks():  # no Content-Length: counted while streaming
            for _ in range(10):
                yield b"y" * 500

        r = c.post("/api/events", content=chunks())
        assert r.status_code in (405, 413)  # refused either way; never read past the limit
        assert c.post("/api/events", content=b"small").status_code == 405


def test_missing_database_is_a_clear_error(tmp_path):
    from accord.errors import AccordError
    from accord.web import create_app

    with pytest.raises(AccordError, match="database not found"):
        create_app(str(tmp_path / "nope.db"))


def test_unexpected_errors_hide_details(web_db, monkeypatch):
    from fastapi.testclient import TestClient

    from accord.web import create_app, data

    def boom(*a, **k):
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(data.query, "top_actors", boom)
    with TestClient(create_app(str(web_db[0])), raise_server_exceptions=False) as c:
        r = c.get("/api/actors/top")
        assert r.status_code == 500
        assert r.json() == {"error": {"status": 500, "detail": "internal error"}}
        r = c.get("/actors")
        assert r.status_code == 500 and "secret" not in r.text and "Traceback" not in r.text


def test_not_an_accord_database_is_refused(tmp_path):
    from accord.errors import AccordError
    from accord.web import create_app

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 10)
    with pytest.raises(AccordError, match="not"):
        create_app(str(junk))
