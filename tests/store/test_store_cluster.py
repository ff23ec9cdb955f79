from accord.store import cluster

from accord_store_factory import REPORT_A, REPORT_B, article, event


def _sign_a(date="2023-02-14"):
    return event("Raisi and Xi oversaw the signing of twenty cooperation agreements in Beijing.", "IRNGOV", "CHNGOV",
                 "057", date, trigger="signing", place="Beijing")


def _sign_b(date="2023-02-14"):
    return event("Tehran and Beijing put their names to 20 new accords.", "CHN", "IRN", "057", date,
                 trigger="put their names to")


def _clusters(store):
    return store.conn.execute("SELECT * FROM clusters ORDER BY id").fetchall()


def test_two_reports_from_two_sources_make_one_cluster(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    store.add_events(a1, [_sign_a()])
    store.add_events(a2, [_sign_b()])
    rows = _clusters(store)
    assert len(rows) == 1
    c = rows[0]
    assert (c["num_mentions"], c["num_sources"], c["num_articles"]) == (2, 2, 2)
    assert c["first_reported"] == "2023-02-14"
    # re-adding the same articles and events changes nothing
    before = [tuple(r) for r in _clusters(store)]
    for a, e in ((REPORT_A, _sign_a()), (REPORT_B, _sign_b())):
        aid, status = store.add_article(article(a, "Alpha News" if a == REPORT_A else "Beta Daily"))
        assert status == "duplicate"
        store.add_events(aid, [e])
    assert [tuple(r) for r in _clusters(store)] == before
    assert store.counts()["events"] == 2


def test_next_day_report_joins_and_week_later_does_not(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    store.add_events(a1, [_sign_a("2023-02-14")])
    a3, _ = store.add_article(article(REPORT_B, "Gamma Times", date="2023-02-15"))
    store.add_events(a3, [_sign_b("2023-02-15")])
    assert len(_clusters(store)) == 1
    a4, _ = store.add_article(article(REPORT_B + " More later.", "Delta", date="2023-02-21"))
    store.add_events(a4, [event("Iran and China signed another accord.", "IRN", "CHN", "057", "2023-02-21")])
    rows = _clusters(store)
    assert len(rows) == 2
    assert rows[0]["num_mentions"] == 2 and rows[1]["num_mentions"] == 1


def test_same_publisher_twice_counts_one_source(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "alpha news"))
    store.add_events(a1, [_sign_a()])
    store.add_events(a2, [_sign_b()])
    c = _clusters(store)[0]
    assert (c["num_mentions"], c["num_articles"], c["num_sources"]) == (2, 2, 1)


def test_different_code_or_place_or_dyad_stay_apart(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    store.add_events(a1, [
        _sign_a(),
        event("Iran praised China.", "IRN", "CHN", "051", start=10),
        event("Iran and Russia signed a deal in Beijing.", "IRN", "RUS", "057", start=20, place="Beijing"),
        event("Iran and China signed a deal in Tehran.", "IRN", "CHN", "057", start=30, place="Tehran"),
    ])
    assert len(_clusters(store)) == 4


def test_directed_codes_keep_one_cluster_per_direction(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    store.add_events(a1, [event("Iran accused the United States.", "IRN", "USA", "112")])
    store.add_events(a2, [event("The United States accused Iran.", "USA", "IRN", "112")])
    assert len(_clusters(store)) == 2
    # but a visit and its hosting are one meeting, whichever side is the source
    store.add_events(a1, [event("Raisi visited Beijing.", "IRNGOV", "CHN", "042", start=50)])
    store.add_events(a2, [event("China hosted Raisi.", "CHNGOV", "IRNGOV", "043", start=60)])
    assert len(_clusters(store)) == 3


def test_month_precision_joins_a_day_in_that_month(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    store.add_events(a1, [event("In February Iran and China signed accords.", "IRN", "CHN", "057", "2023-02",
                                precision="month")])
    store.add_events(a2, [_sign_b("2023-02-27")])
    assert len(_clusters(store)) == 1


def test_undated_or_actorless_mentions_stay_alone(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    store.add_events(a1, [event("They signed accords.", "IRN", "CHN", "057", None)])
    store.add_events(a2, [event("They signed accords too.", "IRN", "CHN", "057", None)])
    store.add_events(a1, [event("Someone attacked.", None, None, "190", start=40)])
    store.add_events(a2, [event("Someone attacked again.", None, None, "190", start=40)])
    assert len(_clusters(store)) == 4
    assert store.conn.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone()[0] == 0


def test_match_key_rules():
    assert cluster.match_key({"source_country": "IRN", "target_country": "CHN", "cameo": "0571"}) == \
        cluster.match_key({"source_country": "CHN", "target_country": "IRN", "cameo": "057"})
    assert cluster.match_key({"source_country": "IRN", "target_country": "USA", "cameo": "112"}) != \
        cluster.match_key({"source_country": "USA", "target_country": "IRN", "cameo": "112"})
    assert cluster.match_key({"source_code": "IGOUNO", "cameo": "010"}).startswith("IGOUNO>-")
    assert cluster.interval("2024-02", "month")[1].isoformat() == "2024-02-29"
    assert cluster.interval("garbage", "day") is None
