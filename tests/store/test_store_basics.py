import sqlite3

import pytest

from accord.errors import AccordError
from accord.models import Rejection, RunReport
from accord.store import Store
from accord.store.db import latest_version, schema_version

from accord_store_factory import REPORT_A, REPORT_B, article, event, fact


def test_migration_from_empty_creates_schema_in_wal(tmp_path):
    path = tmp_path / "sub" / "new.db"
    with Store(str(path)) as s:
        assert schema_version(s.conn) == latest_version() >= 1
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for t in ("articles", "events", "clusters", "facts", "runs", "rejections", "lsh_bands", "evidence_fts",
              "articles_fts", "feed_state", "seen_entries"):
        assert t in tables
    # reopening applies nothing twice
    with Store(str(path)) as s:
        assert schema_version(s.conn) == latest_version()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "x.db"
    Store(str(path)).close()
    c = sqlite3.connect(path)
    c.execute("PRAGMA user_version = 999")
    c.close()
    with pytest.raises(AccordError, match="newer"):
        Store(str(path))


def test_readonly_missing_db_is_a_clear_error(tmp_path):
    with pytest.raises(AccordError, match="not found"):
        Store(str(tmp_path / "nope.db"), readonly=True)


def test_same_article_twice_adds_nothing(store):
    a = article(REPORT_A, "Alpha News")
    aid, status = store.add_article(a)
    assert status == "new"
    assert store.has_content(a.content_hash)
    again, status2 = store.add_article(article(REPORT_A, "Alpha News"))
    assert (again, status2) == (aid, "duplicate")
    assert store.counts()["articles"] == 1


def test_syndicated_copy_is_linked_not_independent(store):
    aid, _ = store.add_article(article(REPORT_A, "Alpha News"))
    copy_text = "BEIJING (Wire) - " + REPORT_A + " Reporting by a staff writer."
    cid, status = store.add_article(article(copy_text, "Beta Daily"))
    assert status == "near-duplicate"
    row = store.conn.execute("SELECT near_dup_of, similarity FROM articles WHERE id = ?", (cid,)).fetchone()
    assert row["near_dup_of"] == aid and row["similarity"] >= 0.8
    # a differently worded report of the same event is NOT a near-duplicate
    _, status3 = store.add_article(article(REPORT_B, "Gamma Times"))
    assert status3 == "new"
    # a copy of the copy points at the original, never at a copy
    _, s4 = store.add_article(article(copy_text + " Updated.", "Delta Post"))
    assert s4 == "near-duplicate"
    assert store.conn.execute("SELECT count(*) FROM articles WHERE near_dup_of = ?", (cid,)).fetchone()[0] == 0


def test_near_duplicate_index_survives_restart(tmp_path):
    path = str(tmp_path / "a.db")
    with Store(path) as s:
        aid, _ = s.add_article(article(REPORT_A, "Alpha News"))
    with Store(path) as s:
        cid, status = s.add_article(article(REPORT_A + " Copyright the wire.", "Beta Daily"))
        assert status == "near-duplicate"
        assert s.conn.execute("SELECT near_dup_of FROM articles WHERE id=?", (cid,)).fetchone()[0] == aid


def test_rejections_are_unique_on_rerun(store):
    run = store.start_run(["x.jsonl"])
    for _ in range(2):
        store.add_rejection(Rejection("x.jsonl:3", "malformed-json", "Expecting value"))
        store.add_rejection(Rejection("x.jsonl:4", "empty"))
    assert store.counts()["rejections"] == 2
    assert store.rejection_counts() == {"empty": 1, "malformed-json": 1}
    assert store.conn.execute("SELECT DISTINCT run_id FROM rejections").fetchone()[0] == run


def test_runs_are_recorded(store):
    run = store.start_run(["a", "b"])
    report = RunReport(articles=3, duplicates=1, events=5, rejections={"empty": 2}, seconds=1.5)
    store.finish_run(run, report)
    row = store.conn.execute("SELECT * FROM runs WHERE id = ?", (run,)).fetchone()
    assert row["finished_at"] and row["articles"] == 3 and row["events"] == 5
    assert '"empty": 2' in row["rejections"]


def test_exception_inside_transaction_rolls_back_whole_batch(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            aid, _ = store.add_article(article(REPORT_A, "Alpha News"))
            store.add_events(aid, [event("Iran and China signed twenty agreements.", "IRN", "CHN", "057")])
            raise RuntimeError("killed mid-batch")
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0
    assert store.counts()["clusters"] == 0
    # the store still works afterwards, and the article is not considered seen
    assert not store.has_content(article(REPORT_A, "Alpha News").content_hash)
    assert store.add_article(article(REPORT_A, "Alpha News"))[1] == "new"


def test_uncommitted_batch_is_invisible_to_a_reader(tmp_path):
    path = str(tmp_path / "w.db")
    writer = Store(path)
    reader = Store(path, readonly=True)
    try:
        with writer.transaction():
            writer.add_article(article(REPORT_A))
            assert reader.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert reader.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        reader.close()
        writer.close()


def test_events_and_facts_are_idempotent(store):
    aid, _ = store.add_article(article(REPORT_A))
    evs = [event("Iran and China signed twenty agreements.", "IRN", "CHN", "057", trigger="signed")]
    fs = [fact("Iran is a member of the SCO.", "member_of", "IRN", "IGOSCO")]
    assert store.add_events(aid, evs) == 1
    assert store.add_events(aid, evs) == 0
    assert store.add_facts(aid, fs) == 1
    assert store.add_facts(aid, fs) == 0
    c = store.counts()
    assert (c["events"], c["facts"], c["clusters"]) == (1, 1, 1)


def test_readonly_store_refuses_writes(tmp_path):
    path = str(tmp_path / "r.db")
    Store(path).close()
    with Store(path, readonly=True) as ro:
        with pytest.raises(AccordError):
            ro.add_article(article(REPORT_A))


def test_feed_watch_state(store):
    assert store.get_feed_state("https://f.example/rss") is None
    store.set_feed_state("https://f.example/rss", '"abc"', "Tue, 14 Feb 2023 10:00:00 GMT")
    store.set_feed_state("https://f.example/rss", '"def"', None)
    st = store.get_feed_state("https://f.example/rss")
    assert st["etag"] == '"def"' and st["last_modified"] is None and st["last_polled"]
    assert not store.is_seen("https://f.example/rss", "guid-1")
    store.mark_seen("https://f.example/rss", "guid-1")
    store.mark_seen("https://f.example/rss", "guid-1")
    assert store.is_seen("https://f.example/rss", "guid-1")
    assert not store.is_seen("https://other.example/rss", "guid-1")


def test_templated_reports_with_different_figures_are_not_copies(store):
    base = ("Acme Industries said on Monday that its net profit for the quarter rose to {} million dollars on sales "
            "of {} million dollars, compared with a profit of {} million dollars a year earlier, and that it expects "
            "demand to stay firm through the rest of the year across its main markets.")
    _, s1 = store.add_article(article(base.format(12, 340, 9), "Wire"))
    _, s2 = store.add_article(article(base.format(15, 362, 11), "Wire"))
    _, s3 = store.add_article(article(base.format(12, 340, 9) + " Shares were unchanged.", "Other Wire"))
    assert (s1, s2, s3) == ("new", "new", "near-duplicate")


def test_short_texts_are_deduplicated_by_exact_hash_only(store):
    _, s1 = store.add_article(article("Iran and China signed accords on Tuesday.", "A"))
    _, s2 = store.add_article(article("Iran and China signed accords on Tuesday!", "B"))
    _, s3 = store.add_article(article("iran and   China signed accords on Tuesday.", "C"))
    assert (s1, s2, s3) == ("new", "new", "duplicate")


def test_events_for_unknown_article_are_refused_cleanly(store):
    with pytest.raises(AccordError, match="no article"):
        store.add_events(42, [event("Iran and China signed.", "IRN", "CHN", "057")])
    with pytest.raises(AccordError, match="no article"):
        store.add_facts(42, [fact("Iran is in the SCO.", "member_of", "IRN", "IGOSCO")])
    assert store.counts()["events"] == 0 and store.counts()["clusters"] == 0


def test_paths_with_uri_characters_open_read_only(tmp_path):
    path = str(tmp_path / "odd #1? 100%.db")
    with Store(path) as s:
        s.add_article(article(REPORT_A))
    with Store(path, readonly=True) as ro:
        assert ro.counts()["articles"] == 1
