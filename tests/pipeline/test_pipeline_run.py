"""accord.pipeline.run against the real stages (ingest, text, nlp, events, store)."""
import sqlite3

import pytest

from accord import pipeline
from accord.config import Settings
from accord.store import Store
from pipeline_helpers import make_articles


def event_tuples(db):
    return sorted(make_articles.stored_event_tuples(db), key=repr)


def article_hashes(db):
    con = sqlite3.connect(db)
    rows = sorted(r[0] for r in con.execute("SELECT content_hash FROM articles"))
    con.close()
    return rows


def test_run_stores_articles_and_events_and_rerun_adds_nothing(tmp_path, articles_jsonl):
    src = articles_jsonl(12)
    settings = Settings(db=str(tmp_path / "a.db"), batch_size=5)
    report = pipeline.run([str(src)], settings, progress=False)
    assert report.articles == 12
    assert report.events > 0
    assert sum(report.events_by_root.values()) == report.events
    with Store(settings.db) as store:
        first = store.counts()
    assert first["articles"] == 12 and first["events"] == report.events
    again = pipeline.run([str(src)], settings, progress=False)
    assert (again.articles, again.events, again.skipped, again.duplicates) == (0, 0, 12, 12)
    with Store(settings.db) as store:
        assert store.counts()["articles"] == 12
        assert store.counts()["events"] == first["events"]
        assert store.counts()["runs"] == 2


def test_bad_items_are_recorded_and_the_run_goes_on(tmp_path, articles_jsonl):
    extra = ['{"id": "broken", "text": "no end', {"id": "empty", "text": "   "}]
    src = articles_jsonl(4, extra=extra)
    settings = Settings(db=str(tmp_path / "b.db"), batch_size=2)
    report = pipeline.run([str(src)], settings, progress=False)
    assert report.articles == 4
    assert sum(report.rejections.values()) == 2, report.rejections
    assert len(report.examples) == 2 and all(r.origin for r in report.examples)
    with Store(settings.db) as store:
        assert sum(store.rejection_counts().values()) == 2


def test_same_article_twice_in_one_input_is_stored_once(tmp_path, articles_jsonl):
    from accord.events.api import code_article  # noqa: F401  (the real coder must exist)

    src = articles_jsonl(3)
    lines = src.read_text().splitlines()
    src.write_text("\n".join(lines + [lines[1]]) + "\n")
    settings = Settings(db=str(tmp_path / "c.db"), batch_size=2)
    report = pipeline.run([str(src)], settings, progress=False)
    assert report.articles == 3 and report.duplicates == 1
    assert len(article_hashes(settings.db)) == 3


def test_a_coding_failure_refuses_that_article_only(tmp_path, articles_jsonl, monkeypatch):
    from accord.events import api

    real = api.check_text

    def flaky(text, *args, **kwargs):  # fails inside the batched coder, for one article only
        if "(Report 2.)" in text:
            raise ValueError("boom")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(api, "check_text", flaky)
    src = articles_jsonl(3)
    settings = Settings(db=str(tmp_path / "d.db"), batch_size=10, workers=1)
    report = pipeline.run([str(src)], settings, progress=False)
    assert report.articles == 2
    assert report.rejections == {"coding-error": 1}
    assert "boom" in report.examples[0].detail
    # not stored, so a rerun (with a working coder) codes it
    monkeypatch.setattr(api, "check_text", real)
    assert pipeline.run([str(src)], settings, progress=False).articles == 1


@pytest.mark.slow
def test_two_workers_store_the_same_as_one(tmp_path, articles_jsonl):
    src = articles_jsonl(10)
    one = Settings(db=str(tmp_path / "one.db"), batch_size=3, workers=1)
    two = Settings(db=str(tmp_path / "two.db"), batch_size=3, workers=2)
    r1 = pipeline.run([str(src)], one, progress=False)
    r2 = pipeline.run([str(src)], two, progress=False)
    assert r2.workers == 2 and set(r2.peak_rss_mb) == {"parent", "worker1", "worker2"}
    assert (r1.articles, r1.events) == (r2.articles, r2.events)
    assert article_hashes(one.db) == article_hashes(two.db)
    assert event_tuples(one.db) == event_tuples(two.db)
    # stored in input order whatever the worker count
    q = "SELECT external_id FROM articles ORDER BY id"
    assert [r for r in sqlite3.connect(one.db).execute(q)] == [r for r in sqlite3.connect(two.db).execute(q)]


def test_interrupt_keeps_committed_batches(tmp_path, articles_jsonl, monkeypatch):
    src = articles_jsonl(9)
    settings = Settings(db=str(tmp_path / "e.db"), batch_size=3)
    commits = []
    real_commit = pipeline._commit_next

    def commit_then_ctrl_c(*args, **kw):
        real_commit(*args, **kw)
        commits.append(1)
        if len(commits) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "_commit_next", commit_then_ctrl_c)
    with pytest.raises(pipeline.Interrupted) as info:
        pipeline.run([str(src)], settings, progress=False)
    assert info.value.report.interrupted and info.value.report.articles == 6
    monkeypatch.setattr(pipeline, "_commit_next", real_commit)
    rest = pipeline.run([str(src)], settings, progress=False)
    assert (rest.articles, rest.skipped) == (3, 6)
    with sqlite3.connect(settings.db) as con:
        runs = con.execute("SELECT articles, finished_at IS NOT NULL FROM runs ORDER BY id").fetchall()
    assert runs == [(6, 1), (3, 1)]


def test_cli_ingest_prints_summary_and_exit_codes(tmp_path, articles_jsonl):
    from click.testing import CliRunner

    from accord.cli import main_group

    src = articles_jsonl(3, extra=['{"text": ""}'])
    db = str(tmp_path / "cli.db")
    res = CliRunner().invoke(main_group, ["ingest", str(src), "--db", db, "--quiet"])
    assert res.exit_code == 0, res.output
    assert "3 new" in res.output and "refused: 1" in res.output
    assert "events by type" in res.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": ""}\nnot json\n')
    res = CliRunner().invoke(main_group, ["ingest", str(bad), "--db", str(tmp_path / "bad.db"), "--quiet"])
    assert res.exit_code == 1
    assert "refused: 2" in res.output


def test_progress_is_quiet_unless_asked(monkeypatch):
    from accord.scale import progress

    monkeypatch.setattr("sys.stderr.isatty", lambda: False, raising=False)
    assert progress.wanted(None) is False
    assert progress.wanted(True) is True and progress.wanted(False) is False
    assert isinstance(progress.make_progress(False, []), progress.NullProgress)


def test_estimate_total_counts_jsonl_lines(articles_jsonl):
    from accord.scale.progress import estimate_total

    src = articles_jsonl(7)
    assert estimate_total([str(src)]) == 7
    assert estimate_total(["https://example.org/feed"]) is None


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_pipeline_that_cannot_load_fails_clearly_instead_of_hanging(tmp_path, articles_jsonl, workers):
    from accord.errors import AccordError

    bad_patterns = tmp_path / "bad.yaml"
    bad_patterns.write_text("verbs: [unclosed\n")
    src = articles_jsonl(2)
    settings = Settings(db=str(tmp_path / "f.db"), workers=workers, pattern_files=(str(bad_patterns),))
    with pytest.raises(AccordError, match="bad.yaml"):
        pipeline.run([str(src)], settings, progress=False)
    with Store(settings.db) as store:
        assert store.counts()["articles"] == 0


@pytest.mark.slow
def test_a_worker_that_dies_stops_the_run_with_an_error_instead_of_hanging(tmp_path, articles_jsonl):
    import os
    import signal
    import time

    from accord.errors import AccordError
    from accord.models import Article
    from accord.scale.pool import Coder

    coder = Coder(Settings(db=str(tmp_path / "g.db")), 2)
    try:
        coder.submit([Article(text="France and Germany signed a treaty in Paris on Monday.")], "tag")
        deadline = time.monotonic() + 60
        while not coder.worker_pids() and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in coder.worker_pids():
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(AccordError, match="worker process died"):
            coder.next_result()
    finally:
        coder.close(terminate=True)


def test_input_is_streamed_not_read_ahead(tmp_path, articles_jsonl):
    from accord.ingest.jsonl import parse_line

    src = articles_jsonl(12)
    consumed, at_commit = [0], []

    def items():
        for n, line in enumerate(src.read_bytes().splitlines(keepends=True), 1):
            consumed[0] += 1
            yield parse_line(line, f"{src}:{n}")

    settings = Settings(db=str(tmp_path / "s.db"), batch_size=2, workers=1)
    report = pipeline.run_items(items(), settings, label=[str(src)], progress=False,
                                on_commit=lambda origins: at_commit.append((consumed[0], len(origins))))
    assert report.articles == 12
    # at most (batches in flight) x (batch size) + 1 items are read ahead of the oldest commit
    assert at_commit[0][0] <= 2 * 2 + 1
    assert sum(n for _, n in at_commit) == 12 and len(at_commit) == 6
