"""``accord serve``: options, clear errors, and a real server process answering on 127.0.0.1."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from accord.cli.serve import serve

from . import fixtures_db

SRC = Path(__file__).resolve().parents[2] / "src"


def test_help_lists_options():
    out = CliRunner().invoke(serve, ["--help"]).output
    for opt in ("--db", "--host", "--port", "--token-env", "127.0.0.1"):
        assert opt in out


def test_missing_database_is_a_clean_error(tmp_path):
    res = CliRunner().invoke(serve, ["--db", str(tmp_path / "missing.db")])
    assert res.exit_code != 0
    assert "database not found" in res.output
    assert "Traceback" not in res.output


def test_token_env_must_be_set(tmp_path, monkeypatch):
    monkeypatch.delenv("ACCORD_TEST_TOKEN_UNSET", raising=False)
    res = CliRunner().invoke(serve, ["--db", str(tmp_path / "x.db"), "--token-env", "ACCORD_TEST_TOKEN_UNSET"])
    assert res.exit_code == 2 and "ACCORD_TEST_TOKEN_UNSET" in res.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_process_answers(tmp_path):
    db = tmp_path / "accord.db"
    fixtures_db.build(db)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    code = "from accord.cli import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, "serve", "--db", str(db), "--port", str(port),
                             "--log-level", "warning"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        body = None
        for _ in range(100):
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).json()
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    break
                time.sleep(0.1)
        if body is None:
            proc.terminate()
            raise AssertionError("server did not answer: " + proc.communicate(timeout=10)[1].decode()[-2000:])
        assert body == {"status": "ok", "events": 4, "mentions": 5}
        r = httpx.get(f"http://127.0.0.1:{port}/")
        assert r.status_code == 200 and "server" not in r.headers  # no server banner
    finally:
        proc.terminate()
        proc.wait(10)


def test_serve_hands_its_settings_to_the_app(tmp_path, monkeypatch):
    import uvicorn

    db = tmp_path / "accord.db"
    fixtures_db.build(db)
    cfg = tmp_path / "accord.yaml"
    actors = tmp_path / "mine.tsv"
    actors.write_text("names\tkind\tcountry\tsector\tstart\tend\n", encoding="utf-8")
    cfg.write_text(f"actor_files: [{actors}]\nmax_chars: 4321\n", encoding="utf-8")
    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.append(app))
    monkeypatch.setenv("ACCORD_TEST_TOKEN", "t0ken")
    res = CliRunner().invoke(serve, ["--db", str(db), "--config", str(cfg), "--token-env", "ACCORD_TEST_TOKEN"])
    assert res.exit_code == 0, res.output
    settings = served[0].state.settings
    assert (settings.actor_files, settings.max_chars, settings.db) == ((str(actors),), 4321, str(db))
