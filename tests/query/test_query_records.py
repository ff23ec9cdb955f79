from accord import query
from accord.store import Store


def test_dyad_iran_china(db):
    path, _ = db
    d = query.dyad(path, "IRN", "CHN")
    assert [e["cameo"] for e in d["agreements"]] == ["057", "057"]
    assert [e["date"] for e in d["agreements"]] == ["2021-03", "2023-02-14"]
    assert [e["cameo"] for e in d["visits"]] == ["042"]
    assert [e["cameo"] for e in d["statements"]] == ["051"]
    assert d["other"] == []
    months = {m["month"]: m for m in d["months"]}
    assert set(months) == {"2021-03", "2023-02"}
    feb = months["2023-02"]
    assert feb["events"] == 3 and feb["a_to_b"] == 2 and feb["b_to_a"] == 1
    assert feb["quad"] == {"1": 3, "2": 0, "3": 0, "4": 0}
    assert feb["goldstein_mean"] == round((8.0 + 1.9 + 3.4) / 3, 3)
    assert d["totals"]["events"] == 4
    facts = {f["relation"]: f for f in d["facts"]}
    assert facts["trade"]["scope"] == "dyad" and facts["trade"]["quantity"]["value"] == 16_000_000_000
    assert facts["member_of"]["scope"] == "context" and facts["member_of"]["object"]["code"] == "IGOSCO"
    assert all(f["evidence"]["text"] for f in d["facts"])
    # reversed order swaps the directions
    r = query.dyad(path, "CHN", "IRN")
    assert {m["month"]: m for m in r["months"]}["2023-02"]["a_to_b"] == 1


def test_dyad_without_events(db):
    path, _ = db
    d = query.dyad(path, "USA", "CHN")
    assert d["months"] == [] and d["agreements"] == [] and d["facts"] == []
    assert d["totals"]["events"] == 0


def test_facts_filters(db):
    path, _ = db
    assert {f["relation"] for f in query.facts(path)} == {"member_of", "trade"}
    assert [f["relation"] for f in query.facts(path, actor="IGOSCO")] == ["member_of"]
    assert [f["relation"] for f in query.facts(path, object="CHN")] == ["trade"]
    assert query.facts(path, relation="partner") == []


def test_top_actors_and_network(db):
    path, _ = db
    top = query.top_actors(path, 3)
    assert [t["actor"] for t in top] == ["IRN", "CHN", "RUS"]
    assert top[0]["events"] == 5 and top[0]["name"] == "Iran"
    # CHN is the source of the support statement and of one report of the (undirected) signing
    assert top[1]["as_source"] == 2 and top[1]["as_target"] == 3
    net = query.network(path)
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("IRN", "CHN")]["events"] == 3
    assert edges[("USA", "IRN")]["goldstein_mean"] == -2.0
    assert {n["id"] for n in net["nodes"]} == {"IRN", "CHN", "USA"}
    assert query.network(path, min_events=3)["edges"] == [edges[("IRN", "CHN")]]


def test_article_detail_spans(db):
    path, ids = db
    art = query.article_detail(path, ids["a1"])
    assert art["publisher"] == "Alpha News" and len(art["events"]) == 4 and len(art["facts"]) == 2
    text = art["text"]
    for span in art["spans"]:
        assert text[span["start"]:span["end"]] == span["text"], span
    kinds = {s["kind"] for s in art["spans"]}
    assert {"evidence", "trigger", "source", "fact"} <= kinds
    assert query.article_detail(path, 12345) is None


def test_query_accepts_store_and_connection(db):
    path, _ = db
    with Store(path, readonly=True) as s:
        assert query.count_events(s) == 6
        assert query.count_events(s.conn, clustered=False) == 7


def test_near_duplicate_copies_reported(db):
    path, ids = db
    with Store(path) as s:
        original = s.conn.execute("SELECT text FROM articles WHERE id=?", (ids["a2"],)).fetchone()[0]
        from accord_store_factory import article
        cid, status = s.add_article(article(original + " (Syndicated.)", "Copy Press"))
    assert status == "near-duplicate"
    assert query.article_detail(path, ids["a2"])["copies"] == [cid]
    row = query.events(path, cameo="057", date_from="2023-02-14")[0]
    assert query.event_detail(path, row["id"])["copies"] == [cid]


def test_article_search(db):
    path, ids = db
    assert [a["id"] for a in query.articles(path, text="uranium")] == [ids["a3"]]
    assert [a["id"] for a in query.articles(path, text='"state media"')] == [ids["a2"]]
    assert query.articles(path, text='"; DROP TABLE articles; --') == []
    assert [a["events"] for a in query.articles(path, publisher="alpha")] == [4]
    assert len(query.articles(path)) == 3


def test_dyad_groups_repeated_facts(db):
    path, ids = db
    from accord.models import Quantity
    from accord_store_factory import fact

    with Store(path) as s:
        s.add_facts(ids["a2"], [fact("Iran-China trade was $16 billion.", "trade", "IRN", "CHN", "2022",
                                     quantity=Quantity(16e9, "USD", "USD", "$16 billion"))])
    trade = [f for f in query.dyad(path, "CHN", "IRN")["facts"] if f["relation"] == "trade"]
    assert len(trade) == 1 and trade[0]["mentions"] == 2
    assert {e["article_id"] for e in trade[0]["evidence_list"]} == {ids["a1"], ids["a2"]}


def test_copy_count_is_refreshed_when_a_copy_arrives(db):
    path, ids = db
    row = query.events(path, cameo="057", date_from="2023-02-14")[0]
    assert row["copies"] == 0
    with Store(path) as s:
        text = s.conn.execute("SELECT text FROM articles WHERE id=?", (ids["a2"],)).fetchone()[0]
        from accord_store_factory import article
        assert s.add_article(article(text + " (Syndicated.)", "Copy Press"))[1] == "near-duplicate"
    row = query.events(path, cameo="057", date_from="2023-02-14")[0]
    assert (row["copies"], row["sources"], row["mentions"]) == (1, 2, 2)
