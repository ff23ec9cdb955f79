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


def test_reciprocal_pair_from_one_sentence_is_one_mention(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    text = "China and Iran signed twenty agreements."
    store.add_events(a1, [event(text, "CHN", "IRN", "057"), event(text, "IRN", "CHN", "057")])
    store.add_events(a2, [_sign_b()])
    c = _clusters(store)
    assert len(c) == 1 and store.counts()["events"] == 3
    assert (c[0]["num_mentions"], c[0]["num_sources"]) == (2, 2)


def test_one_sided_report_joins_the_unambiguous_event(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    store.add_events(a1, [_sign_a()])
    store.add_events(a2, [event("China signed twenty agreements on Tuesday.", "CHNGOV", None, "057")])
    c = _clusters(store)
    assert len(c) == 1 and (c[0]["num_mentions"], c[0]["num_sources"]) == (2, 2)


def test_one_sided_report_stays_alone_when_ambiguous_or_role_differs(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    store.add_events(a1, [_sign_a(), event("China and Russia signed a deal.", "CHN", "RUS", "057", start=90)])
    store.add_events(a2, [event("China signed agreements on Tuesday.", "CHN", None, "057")])
    assert len(_clusters(store)) == 3
    # directed code: a report naming only the target does not join as if it were the source
    store.add_events(a1, [event("Iran accused the United States.", "IRN", "USA", "112", start=200)])
    store.add_events(a2, [event("Someone accused Iran.", None, "IRN", "112", start=300)])
    store.add_events(a2, [event("Washington was accused.", None, "USA", "112", start=400)])
    rows = _clusters(store)
    assert len(rows) == 5
    assert max(r["num_mentions"] for r in rows) == 2  # the USA-target report joined IRN>USA


def test_full_report_completes_an_earlier_one_sided_cluster(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    store.add_events(a1, [event("Raisi and Xi signed twenty agreements.", "CHNGOV", None, "057")])
    store.add_events(a2, [_sign_b()])
    rows = _clusters(store)
    assert len(rows) == 1 and rows[0]["num_sources"] == 2
    assert rows[0]["match_key"] == "CHN|IRN|agreement"
    # and later full reports find it by its completed key
    a3, _ = store.add_article(article(REPORT_B[::-1], "Gamma Times"))
    store.add_events(a3, [_sign_a()])
    assert len(_clusters(store)) == 1 and _clusters(store)[0]["num_sources"] == 3


def test_representative_is_the_first_mention_with_both_sides(store):
    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    store.add_events(a1, [event("Raisi and Xi signed twenty agreements.", "CHNGOV", None, "057")])
    store.add_events(a2, [_sign_b()])
    rep = store.conn.execute("SELECT e.target_country FROM clusters c JOIN events e ON e.id = c.rep_event_id").fetchone()
    assert rep[0] == "IRN"


def test_country_level_place_matches_a_city_in_it_but_not_abroad(store):
    from accord.models import Place

    a1, _ = store.add_article(article(REPORT_A, "Alpha News"))
    a2, _ = store.add_article(article(REPORT_B, "Beta Daily"))
    a3, _ = store.add_article(article(REPORT_B[::-1], "Gamma Times"))
    store.add_events(a1, [_sign_a()])  # in Beijing
    in_china = event("Iran and China signed accords in China.", "IRN", "CHN", "057")
    in_china = in_china.__class__(**{**in_china.__dict__, "location": Place("China", "CHN", 35.0, 105.0)})
    store.add_events(a2, [in_china])
    in_iran = event("Iran and China signed accords in Iran.", "IRN", "CHN", "057")
    in_iran = in_iran.__class__(**{**in_iran.__dict__, "location": Place("Iran", "IRN", 32.0, 53.0)})
    store.add_events(a3, [in_iran])
    rows = _clusters(store)
    assert len(rows) == 2 and rows[0]["num_mentions"] == 2 and rows[0]["place_country"] == "CHN"
