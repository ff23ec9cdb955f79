"""Token-protected ingestion: disabled without a token, 401 without the right one, and a real
ingest of a hostile article through the pipeline whose text then renders as text everywhere."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from accord.models import RunReport
from accord.web import create_app

from .fixtures_db import XSS, XSS_IMG, XSS_SCRIPT

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def TestClient(app, **kw):  # imported late: pytest's warning filters are in place by then
    from fastapi.testclient import TestClient as _TestClient

    return _TestClient(app, **kw)


@pytest.fixture()
def writable(web_db, tmp_path):
    db = tmp_path / "w.db"
    shutil.copy(web_db[0], db)
    return db


def test_ingest_is_absent_when_read_only(client):
    assert client.post("/api/ingest", json={"articles": [{"text": "x"}]}, headers=AUTH).status_code == 404
    assert "/api/ingest" not in client.get("/api/openapi.json").json()["paths"]


def test_writable_without_token_keeps_ingest_disabled(writable):
    with TestClient(create_app(str(writable), readonly=False)) as c:
        assert c.post("/api/ingest", json={"articles": [{"text": "x"}]}).status_code == 404


def test_ingest_requires_the_bearer_token(writable, monkeypatch):
    from accord import pipeline

    calls = []
    monkeypatch.setattr(pipeline, "run_items", lambda items, *a, **k: calls.append(list(items)) or RunReport())
    with TestClient(create_app(str(writable), readonly=False, token=TOKEN)) as c:
        body = {"articles": [{"text": "Iran praised China.", "title": "t", "date": "2023-01-02", "id": "a1"}]}
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                        {"Authorization": f"Basic {TOKEN}"}):
            r = c.post("/api/ingest", json=body, headers=headers)
            assert r.status_code == 401, headers
            assert r.headers["www-authenticate"] == "Bearer"
        assert calls == []
        r = c.post("/api/ingest", json=body, headers=AUTH)
        assert r.status_code == 200 and r.json()["received"] == 1
        (doc,) = calls[0]
        assert doc.content == b"Iran praised China." and doc.kind == "text" and doc.origin == "api:a1"
        assert doc.meta == {"id": "a1", "title": "t", "date": "2023-01-02"}


def test_ingest_validates_its_body(writable):
    with TestClient(create_app(str(writable), readonly=False, token=TOKEN, max_body_bytes=20_000)) as c:
        assert c.post("/api/ingest", json={"articles": []}, headers=AUTH).status_code == 422
        both = {"articles": [{"text": "a", "html": "<p>a</p>"}]}
        r = c.post("/api/ingest", json=both, headers=AUTH)
        assert r.status_code == 422 and "exactly one" in r.text
        many = {"articles": [{"text": "a"}] * 101}
        assert c.post("/api/ingest", json=many, headers=AUTH).status_code == 422
        big = {"articles": [{"text": "a" * 30_000}]}
        assert c.post("/api/ingest", json=big, headers=AUTH).status_code == 413
        assert c.post("/api/ingest", content=b"{not json", headers={**AUTH, "content-type": "application/json"}
                      ).status_code == 422


@pytest.mark.slow
def test_real_ingest_of_hostile_article_renders_as_text(writable):
    """Through the real pipeline (cleaning, NLP coding, store); asserts on escaping, not coding."""
    title = f"Payload {XSS} headline"
    text = (f"Chinese President Xi Jinping received Iranian President Ebrahim Raisi in Beijing on 14 February "
            f"2023, where the two signed 20 cooperation agreements. {XSS_SCRIPT} Iran praised China. {XSS_IMG}")
    with TestClient(create_app(str(writable), readonly=False, token=TOKEN)) as c:
        r = c.post("/api/ingest", json={"articles": [{"title": title, "text": text, "date": "2023-02-14",
                                                      "source": f"Evil {XSS_IMG}"}]}, headers=AUTH)
        assert r.status_code == 200, r.text
        assert r.json()["articles"] == 1
        with sqlite3.connect(writable) as conn:
            aid = conn.execute("SELECT id FROM articles WHERE title LIKE 'Payload%'").fetchone()[0]
            eids = [e for (e,) in conn.execute("SELECT id FROM events WHERE article_id = ?", (aid,))]
        urls = [f"/articles/{aid}", "/", "/facts"] + [f"/events/{e}" for e in eids]
        for url in urls:
            page = c.get(url).text
            assert "<script>alert(1)" not in page and "<img src=x" not in page, url
        assert "Payload &lt;script&gt;alert(1)&lt;/script&gt;" in c.get(f"/articles/{aid}").text
        assert c.get(f"/api/articles/{aid}").json()["title"] == title  # JSON keeps the data as given


def test_ingest_codes_with_the_apps_settings(writable, tmp_path, monkeypatch):
    from accord import pipeline
    from accord.config import Settings

    seen = []
    monkeypatch.setattr(pipeline, "run_items", lambda items, settings, **k: seen.append(settings) or RunReport())
    extra = tmp_path / "mine.tsv"
    given = Settings(db="elsewhere.db", actor_files=(str(extra),), pattern_files=("p.yaml",), max_chars=1234)
    with TestClient(create_app(str(writable), readonly=False, token=TOKEN, settings=given)) as c:
        assert c.post("/api/ingest", json={"articles": [{"text": "x"}]}, headers=AUTH).status_code == 200
    (used,) = seen
    assert (used.actor_files, used.pattern_files, used.max_chars) == ((str(extra),), ("p.yaml",), 1234)
    assert used.db == str(writable)  # the database served is the one written to


ACTOR_FILE = "names\tkind\tcountry\tsector\tstart\tend\nZorbu Kletanu|Kletanu\tperson\tMDA\tGOV\t2020-01-01\t\n"


@pytest.mark.slow
def test_extra_actor_file_in_the_settings_changes_the_coded_actor(writable, tmp_path):
    """Through the real pipeline: the actor file the server was started with is used by /api/ingest."""
    import shutil as sh

    from accord.config import Settings

    extra = tmp_path / "mine.tsv"
    extra.write_text(ACTOR_FILE, encoding="utf-8")
    article = {"id": "k1", "date": "2024-05-02", "text": "Zorbu Kletanu praised China for its support on Thursday."}
    sources = {}
    for files in ((), (str(extra),)):
        db = tmp_path / f"copy{len(files)}.db"
        sh.copy(writable, db)
        app = create_app(str(db), readonly=False, token=TOKEN, settings=Settings(actor_files=files, workers=1))
        with TestClient(app) as c:
            r = c.post("/api/ingest", json={"articles": [article]}, headers=AUTH)
            assert r.status_code == 200 and r.json()["events"] == 1, r.text
            (event,) = c.get("/api/events", params={"q": "Kletanu"}).json()["items"]
        sources[files] = event["source"]
        assert event["target"]["code"] == "CHN"
    assert sources[()] is None or sources[()].get("code") != "MDAGOV"
    assert sources[(str(extra),)]["code"] == "MDAGOV"
