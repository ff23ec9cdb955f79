"""Kill `accord ingest` with SIGKILL after its first committed batch, rerun, compare with a clean run."""
import signal
import sqlite3
import subprocess
import time

import pytest

from pipeline_helpers import accord_cmd, accord_env

N = 60
BATCH = 5


def _count(db) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created / not migrated yet
        return 0


def _snapshot(db):
    con = sqlite3.connect(db)
    arts = con.execute("SELECT content_hash, title, date, external_id FROM articles ORDER BY content_hash").fetchall()
    evs = con.execute(
        "SELECT a.content_hash, e.cameo, e.source_code, e.target_code, e.date, e.evidence_start, e.evidence_end"
        " FROM events e JOIN articles a ON a.id = e.article_id"
    ).fetchall()
    con.close()
    return arts, sorted(evs, key=repr)


def _ingest(src, db, workers=1):
    return accord_cmd("ingest", str(src), "--db", str(db), "--batch-size", str(BATCH), "--quiet", "--workers", str(workers))


def _start_and_signal(src, db, sig, workers=1):
    """Start an ingest, send ``sig`` once its first batch is committed; returns (process, count then)."""
    proc = subprocess.Popen(_ingest(src, db, workers), env=accord_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 240
    at_signal = 0
    while time.monotonic() < deadline and proc.poll() is None:
        at_signal = _count(db)
        if at_signal >= BATCH:
            proc.send_signal(sig)
            break
        time.sleep(0.02)
    return proc, at_signal


@pytest.mark.slow
def test_kill_9_then_rerun_equals_an_uninterrupted_run(tmp_path, articles_jsonl):
    src = articles_jsonl(N)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    proc, _ = _start_and_signal(src, killed_db, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"ingest ended on its own: {proc.stderr.read()[-2000:]}"
    after_kill = _count(killed_db)
    assert BATCH <= after_kill < N
    assert after_kill % BATCH == 0  # whole batches only: an article never lands without its batch

    rerun = subprocess.run(_ingest(src, killed_db), env=accord_env(), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N - after_kill} new" in rerun.stdout
    assert f"{after_kill} already stored" in rerun.stdout

    clean = subprocess.run(_ingest(src, clean_db), env=accord_env(), capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr

    killed_arts, killed_events = _snapshot(killed_db)
    clean_arts, clean_events = _snapshot(clean_db)
    assert len(killed_arts) == len(clean_arts) == N
    assert len({a[0] for a in killed_arts}) == N  # no duplicated article
    assert killed_arts == clean_arts
    assert len(clean_events) > 0
    assert len(set(killed_events)) == len(killed_events)  # no duplicated event
    assert killed_events == clean_events


@pytest.mark.slow
def test_ctrl_c_with_workers_stops_cleanly_and_keeps_committed_batches(tmp_path, articles_jsonl):
    src = articles_jsonl(N)
    db = tmp_path / "int.db"
    proc, _ = _start_and_signal(src, db, signal.SIGINT, workers=2)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err[-2000:]
    assert "INTERRUPTED" in out
    kept = _count(db)
    assert BATCH <= kept < N and kept % BATCH == 0
    con = sqlite3.connect(db)
    run = con.execute("SELECT articles, finished_at FROM runs").fetchall()
    con.close()
    assert run[0][0] == kept and run[0][1] is not None  # the run was recorded as it stopped
    rerun = subprocess.run(_ingest(src, db), env=accord_env(), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0 and f"{N - kept} new" in rerun.stdout
    assert _count(db) == N
