import pytest

from accord import query
from accord.errors import AccordError


def _codes(rows):
    return sorted(r["cameo"] for r in rows)


def test_clustered_vs_mentions(db):
    path, _ = db
    clustered = query.events(path, limit=None)
    mentions = query.events(path, clustered=False, limit=None)
    assert len(mentions) == 7
    assert len(clustered) == 6  # the two reports of the signing are one event
    sign = [r for r in clustered if r["cameo"] == "057" and r["date"] == "2023-02-14"]
    assert len(sign) == 1 and (sign[0]["mentions"], sign[0]["sources"], sign[0]["articles"]) == (2, 2, 2)
    assert query.count_events(path) == 6 and query.count_events(path, clustered=False) == 7


def test_actor_filters(db):
    path, _ = db
    assert _codes(query.events(path, actor="IRN")) == ["042", "051", "057", "057", "112"]
    assert _codes(query.events(path, source="USA")) == ["112"]
    assert _codes(query.events(path, target="IRN", clustered=False)) == ["051", "057", "112"]
    assert _codes(query.events(path, actor="rus")) == ["190"]  # code prefix, case-insensitive
    assert _codes(query.events(path, actor="united states")) == ["112"]  # name substring
    assert query.events(path, actor="100% _") == []


def test_code_type_date_place_filters(db):
    path, _ = db
    assert _codes(query.events(path, cameo="05")) == ["051", "057", "057"]
    assert _codes(query.events(path, cameo="057")) == ["057", "057"]
    assert _codes(query.events(path, plover="agree")) == ["051", "057", "057"]
    assert _codes(query.events(path, quad=4)) == ["190"]
    assert _codes(query.events(path, date_from="2023-04-01")) == ["112", "190"]
    assert _codes(query.events(path, date_to="2021")) == ["057"]
    assert _codes(query.events(path, date_from="2023-02-14", date_to="2023-02-14")) == ["042", "051", "057"]
    assert _codes(query.events(path, place="beij")) == ["042", "057"]
    assert _codes(query.events(path, country="USA")) == ["112"]
    assert _codes(query.events(path, {"actor": "CHN"}, cameo="04")) == ["042"]


def test_text_search_and_hostile_input(db):
    path, _ = db
    assert _codes(query.events(path, text="uranium")) == ["112"]
    assert _codes(query.events(path, text='"twenty cooperation"')) == ["057"]
    assert query.events(path, text='"cooperation twenty"') == []
    for nasty in ['"', "'; DROP TABLE events; --", "NEAR(a b", "a* OR -b", "^x", "()", ":", "AND", 'x" OR "y',
                  "evidence_text:uranium", "\x00", "🙂"]:
        query.events(path, text=nasty)  # no crash, no syntax error
    assert _codes(query.events(path, text="'; DROP TABLE events; --")) == []
    assert query.count_events(path, clustered=False) == 7


def test_bad_filter_values(db):
    path, _ = db
    with pytest.raises(AccordError):
        query.events(path, cameo="05' OR 1=1")
    with pytest.raises(AccordError):
        query.events(path, quad="x")
    with pytest.raises(AccordError):
        query.events(path, colour="red")
    with pytest.raises(AccordError):
        query.events(path, limit=-1)


def test_pagination_is_stable(db):
    path, _ = db
    everything = [r["id"] for r in query.events(path, limit=None)]
    pages = [r["id"] for off in range(0, 6, 2) for r in query.events(path, limit=2, offset=off)]
    assert pages == everything
    assert [r["id"] for r in query.iter_events(path)] == everything


def test_row_shape(db):
    path, _ = db
    row = query.events(path, cameo="057", date_from="2023-02-14")[0]
    assert row["source"]["country"] == "IRN" and row["target"]["country"] == "CHN"
    assert row["plover"] == {"event": "AGREE", "mode": None}
    assert row["location"]["name"] == "Beijing"
    assert row["quantities"] == [{"value": 20, "unit": "agreement", "text": "twenty"}]
    assert row["evidence"]["trigger"] == "signed" and row["publisher"] == "Alpha News"
    flat = next(query.iter_events(path, flat=True, cameo="057", date_from="2023-02-14"))
    assert list(flat) == list(query.FLAT_COLUMNS) and flat["source_country"] == "IRN"


def test_event_detail_lists_every_mention(db):
    path, ids = db
    row = query.events(path, cameo="057", date_from="2023-02-14")[0]
    d = query.event_detail(path, row["id"])
    assert d["article_ids"] == [ids["a1"], ids["a2"]]
    assert len(d["mentions_list"]) == 2
    assert {m["publisher"] for m in d["mentions_list"]} == {"Alpha News", "Beta Daily"}
    assert all(m["evidence"]["text"] for m in d["mentions_list"])
    assert query.event_detail(path, 99999) is None


def test_article_filter(db):
    path, ids = db
    assert _codes(query.events(path, article=ids["a3"])) == ["112", "190"]
    assert _codes(query.events(path, article=ids["a2"], clustered=False)) == ["057"]


def test_short_actor_values_match_exactly_only(db):
    path, _ = db
    assert query.events(path, actor="IR") == []  # not IRN by prefix, not "Iran" by substring
    assert _codes(query.events(path, actor="Iran")) == ["042", "051", "057", "057", "112"]
