"""`accord watch` exit codes: a feed file is a usage error; every poll failing exits non-zero."""
from __future__ import annotations

import socket

from click.testing import CliRunner

from accord.cli import main_group


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when we return: connections are refused


def test_feed_file_is_a_usage_error(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss version='2.0'><channel><title>t</title></channel></rss>")
    res = CliRunner().invoke(main_group, ["watch", str(feed), "--once", "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 2
    assert "accord ingest" in res.output


def test_all_feeds_failing_exits_1(tmp_path):
    url = f"http://127.0.0.1:{_closed_port()}/feed.xml"
    res = CliRunner().invoke(main_group, ["watch", url, "--once", "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 1
