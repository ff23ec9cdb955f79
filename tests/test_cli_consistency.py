"""Every command treats a missing input the same way: a usage error (exit 2) on one line naming the
path, reported before any work (``accord ingest`` creates no database); ``accord watch`` reports a
failing feed once."""
from __future__ import annotations

import logging
import socket

import pytest
from click.testing import CliRunner

from accord.cli import main_group


def _invoke(args, **kw):
    return CliRunner().invoke(main_group, args, **kw)


def _one_error_line(res, *names):
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1, res.output
    assert lines[0].startswith("Error: ") and all(n in lines[0] for n in names), res.output


@pytest.mark.parametrize("args", [
    ["article", "{missing}"],
    ["code", "{missing}"],
    ["ingest", "{missing}", "--db", "{db}", "-q"],
    ["actors", "resolve", "{missing}"],
    ["spark", "--input", "{missing}", "--output", "{tmp}/out"],
    ["code", "--actors", "{missing}", "-"],
    ["code", "--patterns", "{missing}", "-"],
    ["ingest", "{tmp}", "--actors", "{missing}", "--db", "{db}", "-q"],
])
def test_missing_input_is_exit_2_on_one_line(tmp_path, args):
    missing = str(tmp_path / "nope.jsonl")
    db = tmp_path / "out.db"
    args = [a.format(missing=missing, db=db, tmp=tmp_path) for a in args]
    res = _invoke(args, input="")
    assert res.exit_code == 2, res.output
    _one_error_line(res, missing, "no such file or folder")
    assert not db.exists()


@pytest.mark.parametrize("args", [
    ["events"], ["facts"], ["dyad", "IRN", "CHN"], ["actors", "top"], ["export", "--format", "jsonl", "--out", "-"],
])
def test_missing_database_is_exit_2_on_one_line(tmp_path, args):
    db = tmp_path / "missing.db"
    res = _invoke([*args, "--db", str(db)])
    assert res.exit_code == 2, res.output
    _one_error_line(res, "database not found", str(db))
    assert not db.exists()


def test_code_and_resolve_refuse_a_folder(tmp_path):
    for args in (["code", str(tmp_path)], ["actors", "resolve", str(tmp_path)]):
        res = _invoke(args)
        assert res.exit_code == 2, res.output
        _one_error_line(res, str(tmp_path), "is a folder")


def test_ingest_refuses_up_front_when_some_sources_are_missing(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Iran condemned the attack on Monday, the foreign ministry said.\n", encoding="utf-8")
    gone1, gone2 = tmp_path / "b.jsonl", tmp_path / "c"
    db = tmp_path / "x.db"
    res = _invoke(["ingest", str(good), str(gone1), str(gone2), "--db", str(db), "-q"])
    assert res.exit_code == 2, res.output
    _one_error_line(res, str(gone1), str(gone2))
    assert str(good) not in res.output
    assert not db.exists()  # nothing ingested, nothing created


def test_urls_are_not_checked_as_paths(tmp_path):
    res = _invoke(["article", "http://127.0.0.1:9/page.html"])  # nothing listens on port 9
    assert res.exit_code == 1 and "cannot read" not in res.output, res.output


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_watch_reports_a_failing_feed_once(tmp_path, caplog):
    url = f"http://127.0.0.1:{_closed_port()}/feed.xml"
    with caplog.at_level(logging.DEBUG):
        res = _invoke(["watch", url, "--polls", "2", "--every", "0s", "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 1
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 2, res.output  # one line per failed poll, nothing else
    assert all(line.startswith(f"{url}: error") and "refused" in line.lower() for line in lines), lines
    assert "(2 in a row)" in lines[1]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("accord")]
