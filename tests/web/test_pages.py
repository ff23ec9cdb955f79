"""Dashboard pages: content, highlighting, pagination, error pages."""
from __future__ import annotations

import re


def _signing_id(web_db):
    return next(e["id"] for e in web_db[1]["events"] if e["cameo"] == "057")


def test_event_table_lists_clustered_events(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert r.text.count('class="event-link"') == 4
    assert "twenty cooperation documents" in r.text


def test_event_table_dyad_filter_and_empty_form_fields(client):
    # An HTML form submits empty fields: they must mean "no filter", not a 400.
    r = client.get("/", params={"actor": "", "a": "irn", "b": "chn", "cameo": "", "quad": "", "date_from": "",
                                "date_to": "", "q": "", "source": "", "target": "", "country": "", "plover": "",
                                "place": ""})
    assert r.status_code == 200
    assert r.text.count('class="event-link"') == 3
    assert "accused" not in r.text  # USA->IRN is not in the IRN–CHN dyad
    assert 'href="/dyad?a=IRN&amp;b=CHN"' in r.text


def test_event_table_pagination_links(client):
    r = client.get("/", params={"limit": 2})
    assert r.text.count('class="event-link"') == 2
    assert "1–2 of 4" in r.text
    nxt = re.search(r'<a class="btn" rel="next" href="([^"]+)"', r.text).group(1).replace("&amp;", "&")
    assert "offset=2" in nxt
    r2 = client.get(nxt)
    assert "3–4 of 4" in r2.text and 'rel="next"' not in r2.text and 'rel="prev"' in r2.text
    assert client.get("/", params={"limit": 999}).status_code == 422


def test_event_page_highlights_actors_and_trigger(client, web_db):
    r = client.get(f"/events/{_signing_id(web_db)}")
    assert r.status_code == 200
    html = r.text
    assert html.count('class="mention"') == 2  # both reports of the signing
    assert re.search(r'<mark class="hl hl-source"[^>]*>Iran</mark> <mark class="hl hl-trigger"[^>]*>signed</mark>'
                     r' twenty cooperation documents with <mark class="hl hl-target"[^>]*>China</mark>', html)
    assert re.search(r'<mark class="hl hl-trigger"[^>]*>signed</mark> a set of twenty agreements', html)
    assert "2 mention(s), 2 source(s)" in html


def test_article_page_highlights_coded_spans(client, web_db):
    r = client.get(f"/articles/{web_db[1]['signing_article']}")
    assert r.status_code == 200
    body = r.text[r.text.index('id="article-text"'):r.text.index("</article>")]
    assert body.count('class="hl hl-sentence"') == 2
    assert body.count('class="hl hl-fact"') == 1
    assert body.count('class="hl hl-trigger"') == 2
    assert re.search(r'<mark class="hl hl-actor"[^>]*>Tehran</mark> '
                     r'<mark class="hl hl-trigger"[^>]*>praised</mark>', body)
    assert 'href="https://news.example.org/iran-china-accords"' in r.text


def test_dyad_page(client):
    r = client.get("/dyad", params={"a": "irn", "b": "chn"})
    assert r.status_code == 200
    assert 'id="dyad-chart" data-a="IRN" data-b="CHN"' in r.text
    assert "Agreements (1)" in r.text and "member_of" in r.text
    assert '<script src="/static/dyad.js" defer></script>' in r.text
    assert client.get("/dyad").status_code == 200  # the empty form


def test_network_facts_actors_pages(client):
    assert 'id="network"' in client.get("/network").text
    facts = client.get("/facts", params={"actor": "irn"}).text
    assert "member_of" in facts and "IGOSCO" in facts
    actors = client.get("/actors").text
    assert re.search(r'href="/\?actor=IRN">IRN</a>', actors)


def test_error_pages_are_html_without_traceback(client):
    r = client.get("/events/424242")
    assert r.status_code == 404 and "event 424242 not found" in r.text
    r = client.get("/", params={"quad": "9"})
    assert r.status_code == 400 and "quad" in r.text and "Traceback" not in r.text
    r = client.get("/articles/0")
    assert r.status_code == 400


def test_static_assets_are_packaged_and_no_cdn(client):
    for name in ("style.css", "app.js", "dyad.js", "network.js"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and len(r.text) > 500
        assert "http://" not in r.text.replace("http://www.w3.org/2000/svg", "") and "https://" not in r.text
    page = client.get("/").text
    assert not re.search(r'(src|href)="(https?:)?//', page)  # every asset comes from this server


def test_dashboard_js_never_parses_html():
    """The JS builds DOM nodes and sets textContent only: no HTML parsing sinks, no eval."""
    from pathlib import Path

    import accord.web

    static = Path(accord.web.__file__).parent / "static"
    scripts = sorted(static.glob("*.js"))
    assert len(scripts) >= 3
    for js in scripts:
        code = js.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                     "setTimeout(\"", "DOMParser"):
            assert sink not in code, (js.name, sink)
    assert "textContent" in (static / "app.js").read_text(encoding="utf-8")


def test_mentions_checkbox_round_trips(client):
    r = client.get("/", params={"mentions": "true"})
    assert r.text.count('class="event-link"') == 5
    assert 'name="mentions" value="true" checked' in r.text


def test_api_docs_page_lists_endpoints(client):
    r = client.get("/docs")
    assert r.status_code == 200
    for path in ("/api/events", "/api/dyad", "/api/network", "/api/openapi.json"):
        assert path in r.text
    assert "cdn" not in r.text.lower()


def test_network_page_passes_its_filters_to_the_script(client):
    r = client.get("/network", params={"date_from": "2023-04", "min_events": 1})
    assert 'data-date_from="2023-04"' in r.text and 'data-min_events="1"' in r.text
    assert client.get("/network", params={"date_from": "April"}).status_code == 400
    edges = client.get("/api/network", params={"date_from": "2023-04"}).json()["edges"]
    assert [(e["source"], e["target"]) for e in edges] == [("USA", "IRN")]
