"""A tiny local HTTP server (127.0.0.1 only) with routes for the fetch and feed tests."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from accord.config import Settings

ARTICLE_HTML = b"""<!DOCTYPE html><html><head><title>Ministers meet in Oslo | Fjord Times</title>
<meta property="og:site_name" content="Fjord Times">
<meta property="article:published_time" content="2024-05-06T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Ministers meet in Oslo</h1>
<p>The foreign ministers of Norway and Finland met in Oslo on Monday to discuss energy links across the Baltic region and the security of undersea cables.</p>
<p>They agreed to set up a joint working group that will report to both governments before the end of the year, officials said after the meeting.</p>
<p>Finland's minister said the two countries would also coordinate their positions ahead of the next Nordic Council session in the autumn.</p>
</article><footer>All rights reserved.</footer></body></html>"""

FEED_WITH_LINKS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Fjord Times</title>
<link>{base}/</link><description>d</description>
<item><title>Ministers meet in Oslo</title><link>{base}/article</link><guid>a1</guid>
<pubDate>Mon, 06 May 2024 08:00:00 +0000</pubDate><description>Short teaser only.</description></item>
<item><title>Gone</title><link>{base}/missing</link><guid>a2</guid><description>Teaser.</description></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", extra: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: C901 - a route table
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path
        if path == "/article":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.send_header("ETag", '"v1"')
                self.end_headers()
                return
            self._send(200, ARTICLE_HTML, extra={"ETag": '"v1"', "Last-Modified": "Mon, 06 May 2024 08:00:00 GMT"})
        elif path == "/plain":
            self._send(200, b"A plain text article about talks between two governments in Geneva.", "text/plain")
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4 fake", "application/pdf")
        elif path == "/big-declared":
            self._send(200, b"<html><body>" + b"x" * 5000 + b"</body></html>")
        elif path == "/big-streamed":  # no Content-Length: the cap must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"<p>" + b"y" * 1000 + b"</p>")
            self.close_connection = True
        elif path == "/slow":
            time.sleep(2.0)
            self._send(200, ARTICLE_HTML)
        elif path == "/feed":
            self._send(200, FEED_WITH_LINKS.format(base=base).encode(), "application/rss+xml")
        elif path == "/error":
            self._send(500, b"oops")
        elif path == "/redirect-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/file")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, b"not found")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a client that timed out and hung up
        pass


@pytest.fixture(scope="module")
def http_base():
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def net_settings():
    """Fast limits for tests: short timeout, no per-host delay, small size cap."""
    return Settings(timeout=0.5, host_delay=0.0, max_bytes=4000)
