"""accord watch against a feed served on 127.0.0.1 that changes between polls."""
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

from accord.config import Settings
from accord.store import Store
from accord.watch import parse_duration, watch
from pipeline_helpers import make_articles


def _item(i: int, with_body: bool = True) -> str:
    art = make_articles.article(i)
    body = "".join(f"<p>{escape(p)}</p>" for p in art["text"].split("\n\n"))
    content = f"<description>{escape(body)}</description>" if with_body else "<description>Short teaser.</description>"
    return (f"<item><title>{escape(art['title'])}</title><link>http://HOST/articles/{i}</link>"
            f"<guid>urn:test:{i}</guid><pubDate>Mon, 0{1 + i % 8} Jan 2023 10:00:00 GMT</pubDate>{content}</item>")


def _feed(items: list[str], host: str) -> bytes:
    xml = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test Wire</title>'
           f"<link>http://{host}/</link><description>test</description>{''.join(items)}</channel></rss>")
    return xml.replace("HOST", host).encode("utf-8")


class FeedServer:
    """Serves /feed.xml (replaceable) with ETag + Last-Modified and /articles/N pages; logs requests."""

    def __init__(self):
        self.version = 0
        self.body = b""
        self.log: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                entry = {"path": self.path, "inm": self.headers.get("If-None-Match"),
                         "ims": self.headers.get("If-Modified-Since")}
                # logged before the response goes out (each branch sets its status before sending),
                # so a client that has its answer always finds its request in the log
                server.log.append(entry)
                if self.path == "/feed.xml":
                    etag, lm = f'"v{server.version}"', formatdate(1_672_531_200 + server.version * 3600, usegmt=True)
                    if entry["inm"] == etag or (entry["inm"] is None and entry["ims"] == lm):
                        entry["status"] = 304
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.end_headers()
                    else:
                        entry["status"] = 200
                        self._send(server.body, "application/rss+xml", {"ETag": etag, "Last-Modified": lm})
                elif self.path.startswith("/articles/"):
                    art = make_articles.article(int(self.path.rsplit("/", 1)[1]))
                    paras = "".join(f"<p>{escape(p)}</p>" for p in art["text"].split("\n\n"))
                    page = (f"<html><head><title>{escape(art['title'])}</title></head><body><nav>Home | World</nav>"
                            f"<article><h1>{escape(art['title'])}</h1>{paras}</article><footer>(c) Test</footer></body></html>")
                    entry["status"] = 200
                    self._send(page.encode("utf-8"), "text/html; charset=utf-8", {})
                else:
                    entry["status"] = 404
                    self.send_error(404)

            def _send(self, data, ctype, headers):
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.url = f"http://{self.host}/feed.xml"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def publish(self, items: list[str]) -> None:
        self.version += 1
        self.body = _feed(items, self.host)

    def feed_requests(self):
        return [e for e in self.log if e["path"] == "/feed.xml"]


@pytest.fixture
def server():
    srv = FeedServer()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def _counts(db):
    with Store(db) as store:
        return store.counts()


def test_watch_ingests_new_entries_once_and_uses_conditional_get(tmp_path, server):
    settings = Settings(db=str(tmp_path / "w.db"), host_delay=0.0, timeout=10.0)
    server.publish([_item(0), _item(1), _item(2, with_body=False)])

    [[first]] = watch([server.url], settings, once=True)
    assert (first.status, first.entries, first.fresh, first.articles) == ("new", 3, 3, 3), first
    assert any(e["path"] == "/articles/2" for e in server.log)  # the teaser entry's page was fetched
    after_first = _counts(settings.db)
    assert after_first["articles"] == 3 and after_first["events"] > 0

    # unchanged feed: conditional GET answered 304, nothing new
    [[second]] = watch([server.url], settings, once=True)
    assert second.status == "not-modified"
    req = server.feed_requests()[-1]
    assert req["inm"] == '"v1"' and req["ims"] is not None and req["status"] == 304
    assert _counts(settings.db) == after_first

    # the feed changes: only the new entry is ingested, seen entries are not fetched again
    server.publish([_item(0), _item(1), _item(2, with_body=False), _item(3)])
    n_article_fetches = sum(e["path"].startswith("/articles/") for e in server.log)
    rounds = watch([server.url], settings, max_polls=2, every=0.0, sleep=lambda s: None)
    assert [r[0].status for r in rounds] == ["new", "not-modified"]
    assert (rounds[0][0].fresh, rounds[0][0].articles) == (1, 1)
    assert sum(e["path"].startswith("/articles/") for e in server.log) == n_article_fetches
    assert _counts(settings.db)["articles"] == 4

    # a changed feed with the same entries after a restart: remembered as seen, nothing re-ingested
    server.publish([_item(3), _item(1)])
    [[again]] = watch([server.url], settings, once=True)
    assert (again.status, again.entries, again.fresh) == ("new", 2, 0)
    assert _counts(settings.db)["articles"] == 4


def test_a_failing_feed_backs_off_and_others_go_on(tmp_path, server):
    settings = Settings(db=str(tmp_path / "x.db"), host_delay=0.0, timeout=5.0)
    server.publish([_item(4)])
    missing = f"http://{server.host}/missing.xml"
    rounds = watch([missing, server.url], settings, max_polls=2, every=60.0, sleep=lambda s: None)
    assert [r.status for r in rounds[0]] == ["error", "new"]
    assert rounds[1][0].status == "backoff"  # not hammered again within the backoff period
    assert sum(e["path"] == "/missing.xml" for e in server.log) == 1


def test_cli_watch_once(tmp_path, server):
    from click.testing import CliRunner

    from accord.cli import main_group

    server.publish([_item(5)])
    db = str(tmp_path / "c.db")
    res = CliRunner().invoke(main_group, ["watch", server.url, "--once", "--db", db],
                             env={"ACCORD_HOST_DELAY": "0"})
    assert res.exit_code == 0, res.output
    assert "1 new -> 1 articles" in res.output


def test_parse_duration():
    assert parse_duration("15m") == 900 and parse_duration("30s") == 30 and parse_duration("2h") == 7200
    assert parse_duration("90") == 90
    with pytest.raises(Exception):
        parse_duration("soon")
