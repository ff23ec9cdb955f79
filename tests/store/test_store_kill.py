"""A writer killed with SIGKILL mid-run loses nothing committed and leaves no partial batch."""
import os
import signal
import subprocess
import sys
from pathlib import Path

from accord.store import Store

from accord_store_factory import article, event

BATCH = 5
WRITER = r"""
import sys
sys.path[:0] = [{src!r}, {factory!r}]
from accord.store import Store
from accord_store_factory import article, event
s = Store({db!r})
for b in range(10_000):
    with s.transaction():
        for i in range({batch}):
            n = b * {batch} + i
            aid, _ = s.add_article(article(f"Story number {{n}}: Iran and China held talks.", f"Pub {{n}}"))
            s.add_events(aid, [event("Iran and China held talks.", "IRN", "CHN", "043")])
    print("committed", b, flush=True)
"""


def test_sigkill_mid_run_keeps_whole_batches_and_rerun_resumes(tmp_path):
    root = Path(__file__).resolve().parents[2]
    db = str(tmp_path / "k.db")
    code = WRITER.format(src=str(root / "src"), factory=str(Path(__file__).parent), db=db, batch=BATCH)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if line.startswith("committed 3"):
                break
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        c = s.counts()
        assert c["articles"] >= 4 * BATCH and c["articles"] % BATCH == 0
        assert c["events"] == c["articles"]
        done = c["articles"]
        # rerun from the start: committed stories are duplicates, the rest are added once
        statuses = []
        with s.transaction():
            for n in range(done + BATCH):
                aid, st = s.add_article(article(f"Story number {n}: Iran and China held talks.", f"Pub {n}"))
                statuses.append(st)
                s.add_events(aid, [event("Iran and China held talks.", "IRN", "CHN", "043")])
        assert statuses.count("duplicate") == done and statuses.count("new") == BATCH
        assert s.counts()["events"] == done + BATCH
        # all reports of the same day's talks are one clustered event
        assert s.counts()["clusters"] == 1
