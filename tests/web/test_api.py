"""JSON API against a real tmp SQLite database, through a real HTTP client (in-process ASGI)."""
from __future__ import annotations


def test_health(client):
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["events"] == 4  # 5 mentions, two of them one clustered signing event
    assert body["mentions"] == 5


def test_events_list_and_filters(client):
    body = client.get("/api/events").json()
    assert body["total"] == 4 and len(body["items"]) == 4
    signing = [e for e in body["items"] if e["cameo"] == "057"]
    assert len(signing) == 1 and signing[0]["mentions"] == 2 and signing[0]["sources"] == 2
    assert [e["cameo"] for e in client.get("/api/events", params={"cameo": "11"}).json()["items"]] == ["112"]
    assert client.get("/api/events", params={"quad": 3}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "usa"}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "United States"}).json()["total"] == 1  # by name
    assert client.get("/api/events", params={"source": "CHN"}).json()["total"] == 1
    assert client.get("/api/events", params={"q": "twenty"}).json()["total"] == 1
    assert client.get("/api/events", params={"date_from": "2023-03", "date_to": "2023-03-31"}).json()["total"] == 1
    assert client.get("/api/events", params={"place": "beij"}).json()["total"] == 1


def test_dyad_filter_covers_both_directions(client):
    body = client.get("/api/events", params={"a": "IRN", "b": "CHN"}).json()
    cameos = sorted(e["cameo"] for e in body["items"])
    assert cameos == ["051", "051", "057"]  # IRN->CHN praise + signing, CHN->IRN praise
    assert body["total"] == 3
    assert all({e["source"]["country"], e["target"]["country"]} == {"IRN", "CHN"} for e in body["items"])
    # same answer, page by page
    p1 = client.get("/api/events", params={"a": "IRN", "b": "CHN", "limit": 2}).json()["items"]
    p2 = client.get("/api/events", params={"a": "IRN", "b": "CHN", "limit": 2, "offset": 2}).json()["items"]
    assert [e["id"] for e in p1 + p2] == [e["id"] for e in body["items"]]


def test_dyad_needs_both_sides(client):
    r = client.get("/api/events", params={"a": "IRN"})
    assert r.status_code == 422
    assert "both" in r.json()["error"]["detail"]


def test_pagination_and_hard_limit(client):
    first = client.get("/api/events", params={"limit": 1}).json()
    second = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert len(first["items"]) == 1 and len(second["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    r = client.get("/api/events", params={"limit": 21})  # the test app caps pages at 20
    assert r.status_code == 422
    assert "at most 20" in r.json()["error"]["detail"]
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422
    assert client.get("/api/actors/top", params={"n": 21}).status_code == 422


def test_event_detail_has_every_mention(client, web_db):
    ids = web_db[1]
    signing_id = next(e["id"] for e in ids["events"] if e["cameo"] == "057")
    body = client.get(f"/api/events/{signing_id}").json()
    assert body["cameo"] == "057"
    assert len(body["mentions_list"]) == 2
    texts = {m["evidence"]["text"] for m in body["mentions_list"]}
    assert any("twenty cooperation documents" in t for t in texts)
    assert {m["article_id"] for m in body["mentions_list"]} == {ids["signing_article"], ids["second_article"]}


def test_article_detail(client, web_db):
    aid = web_db[1]["signing_article"]
    body = client.get(f"/api/articles/{aid}").json()
    assert body["title"].startswith("Tehran and Beijing")
    assert len(body["events"]) == 2 and len(body["facts"]) == 1


def test_dyad_endpoint(client):
    body = client.get("/api/dyad", params={"a": "irn", "b": "CHN"}).json()
    assert body["a"] == "IRN"
    months = {m["month"]: m for m in body["months"]}
    assert months["2023-02"]["quad"]["1"] == 2
    assert any(e["cameo"] == "057" for e in body["agreements"])
    assert client.get("/api/dyad", params={"a": "IRN"}).status_code == 422


def test_top_actors_network_facts(client):
    top = client.get("/api/actors/top", params={"n": 2}).json()["items"]
    assert [t["actor"] for t in top] == ["IRN", "CHN"]
    net = client.get("/api/network").json()
    assert {n["id"] for n in net["nodes"]} == {"IRN", "CHN", "USA"}
    assert any(e["source"] == "USA" and e["target"] == "IRN" for e in net["edges"])
    facts = client.get("/api/facts", params={"relation": "member_of"}).json()
    assert len(facts["items"]) == 1 and facts["items"][0]["object"]["code"] == "IGOSCO"
    assert facts["more"] is False
    paged = client.get("/api/facts", params={"limit": 1}).json()
    assert len(paged["items"]) == 1 and paged["more"] is True


def test_not_found_and_validation_errors_are_json(client):
    for url in ("/api/events/999999", "/api/articles/999999"):
        r = client.get(url)
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("application/json")
        assert "not found" in r.json()["error"]["detail"]
    r = client.get("/api/events/abc")
    assert r.status_code == 422
    assert r.json()["error"]["problems"][0]["param"] == "event_id"
    for params in ({"cameo": "05x"}, {"quad": "9"}, {"date_from": "last week"}, {"actor": "a" * 80}, {"actor": "<b>"},
                   {"q": "x" * 500}, {"country": "IR;DROP"}):
        r = client.get("/api/events", params=params)
        assert r.status_code == 422, params
        assert "Traceback" not in r.text
    r = client.get("/api/nothing-here")
    assert r.status_code == 404 and r.json()["error"]["status"] == 404


def test_sql_and_fts_metacharacters_are_data(client):
    for q in ('"', "NEAR(", "a' OR '1'='1", "*", "Iran) OR (1"):
        r = client.get("/api/events", params={"q": q})
        assert r.status_code == 200, q
    r = client.get("/api/events", params={"actor": "O'Brien -- x"})
    assert r.status_code == 200 and r.json()["total"] == 0
    r = client.get("/api/events", params={"place": "%' OR 1=1 --"})
    assert r.status_code == 200 and r.json()["total"] == 0


def test_openapi_schema_lists_the_api(client):
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/dyad",
                 "/api/actors/top", "/api/network", "/api/facts", "/api/health"):
        assert path in schema["paths"], path
    assert not any(p.startswith("/events") for p in schema["paths"])  # pages are not API


def test_read_only_no_write_methods(client):
    assert client.post("/api/events", json={}).status_code == 405
    assert client.delete("/api/events/1").status_code == 405


def test_cli_style_parameters(client):
    assert client.get("/api/events", params={"text": "twenty"}).json()["total"] == 1  # --text alias of q
    mentions = client.get("/api/events", params={"mentions": "true"}).json()
    assert mentions["total"] == 5 and len(mentions["items"]) == 5  # one row per mention
    dyad = client.get("/api/events", params={"a": "IRN", "b": "CHN", "mentions": "true"}).json()
    assert dyad["total"] == 4
    facts = client.get("/api/facts", params={"subject": "CHN"}).json()["items"]
    assert [f["relation"] for f in facts] == ["partner"]
    assert client.get("/api/facts", params={"object": "IGOSCO"}).json()["items"][0]["relation"] == "member_of"
    feb = client.get("/api/dyad", params={"a": "IRN", "b": "CHN", "date_to": "2023-02"}).json()
    assert [m["month"] for m in feb["months"]] == ["2023-02"]


def test_dyad_total_counts_a_two_way_cluster_once(tmp_path):
    """A visit reported as A->B in one article and B->A in another is one clustered event: the
    dyad filter must list it once and count it once."""
    from fastapi.testclient import TestClient

    from accord.models import Article
    from accord.store import Store
    from accord.web import create_app

    from .fixtures_db import CHN, IRN, actor, event, evidence

    db = tmp_path / "two_way.db"
    texts = ["Raisi visited Beijing and met Xi on Tuesday.", "Xi hosted Raisi in Beijing on Tuesday for talks."]
    with Store(str(db)) as store:
        for n, text in enumerate(texts):
            aid, _ = store.add_article(Article(text=text, title=f"t{n}", publisher=f"P{n}", date="2023-02-14"))
            src, tgt = (("Raisi", IRN), ("Xi", CHN)) if n == 0 else (("Xi", CHN), ("Raisi", IRN))
            ev = event(actor(text, src[0], src[1]), actor(text, tgt[0], tgt[1]), "043" if n else "042", 1, 2.8,
                       "2023-02-14", evidence(text, text[:5], "visited" if n == 0 else "hosted"))
            store.add_events(aid, [ev])
        clusters = store.conn.execute("SELECT count(*) FROM clusters").fetchone()[0]
    assert clusters == 1  # the store merged the two reports
    with TestClient(create_app(str(db))) as c:
        body = c.get("/api/events", params={"a": "IRN", "b": "CHN"}).json()
        assert body["total"] == 1 and len(body["items"]) == 1
        assert body["items"][0]["mentions"] == 2
