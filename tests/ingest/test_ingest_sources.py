"""iter_sources over local files: folders, text, HTML, JSONL, feeds, WARC, gzip, bad inputs."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from accord.config import Settings
from accord.errors import AccordError
from accord.ingest import iter_sources
from accord.ingest.feeds import parse_feed
from accord.errors import Rejected
from accord.models import RawDocument, Rejection
from accord.text import to_article

BODY = (
    "The prime ministers of Portugal and Morocco met in Rabat on Thursday and signed four agreements on "
    "water management, ports and the training of teachers. They also discussed plans for a joint bid to "
    "host sporting events and agreed to meet again in Lisbon next spring, officials from both governments said."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Portugal and Morocco sign four agreements</title></head>
<body><nav>Home | World | Sport</nav><article><h1>Portugal and Morocco sign four agreements</h1><p>{BODY}</p>
<p>Trade between the two countries has grown quickly over the past five years, according to officials.</p></article>
<footer>Contact us</footer></body></html>"""


def settings(**kw) -> Settings:
    return Settings(host_delay=0.0, timeout=0.5, **kw)


def collect(sources, s=None):
    items = list(iter_sources([str(x) for x in sources], s or settings()))
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Rejection)]


def test_missing_source_raises(tmp_path):
    with pytest.raises(AccordError, match="no such file"):
        list(iter_sources([str(tmp_path / "nope.txt")], settings()))


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second file.\n\n" + BODY)
    (tmp_path / "a.txt").write_text("First file.\n\n" + BODY)
    (tmp_path / "c.html").write_text(PAGE)
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(BODY)
    docs, rej = collect([tmp_path])
    assert [d.origin.split("/")[-1] for d in docs] == ["a.txt", "c.html", "2.txt"]
    assert rej == []
    assert [d.origin for d in docs] == [d.origin for d in collect([tmp_path])[0]]  # deterministic


def test_html_sniffed_by_content_not_extension(tmp_path):
    f = tmp_path / "page.dat"
    f.write_text(PAGE)
    (doc,), _ = collect([f])
    art = to_article(doc, settings())
    assert art.title == "Portugal and Morocco sign four agreements"
    assert "Home | World" not in art.text and "four agreements on water" in art.text


def test_jsonl_rows_and_bad_lines(tmp_path):
    f = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": 7, "title": "Talks in Rabat", "text": BODY, "date": "2024-03-07T10:00:00Z", "source": "Atlas Wire", "url": "https://atlas.example/1"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"id": "h1", "html": PAGE}),
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"id": "n", "text": 12}),
    ]
    f.write_text("\n".join(lines) + "\n")
    docs, rej = collect([f])
    assert [d.origin for d in docs] == [f"{f}:1", f"{f}:6"]
    first = docs[0]
    assert first.kind == "text" and first.meta["id"] == "7" and first.meta["source"] == "Atlas Wire"
    art = to_article(first, settings())
    assert (art.title, art.publisher, art.date, art.url, art.external_id) == ("Talks in Rabat", "Atlas Wire", "2024-03-07", "https://atlas.example/1", "7")
    assert docs[1].kind == "html"
    got = {r.origin.rsplit(":", 1)[1]: r.reason for r in rej}
    assert got == {"3": "malformed-jsonl", "4": "malformed-jsonl", "5": "malformed-jsonl", "7": "empty", "8": "malformed-jsonl"}


def test_jsonl_oversize_line_is_skipped_and_file_goes_on(tmp_path):
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"text": "x " * 3000}) + "\n" + json.dumps({"text": BODY}) + "\n")
    docs, rej = collect([f], settings(max_bytes=2000))
    assert [r.reason for r in rej] == ["oversize"] and rej[0].origin.endswith(":1")
    assert len(docs) == 1 and docs[0].origin.endswith(":2")


def test_jsonl_sniffed_without_extension_and_gzipped(tmp_path):
    f = tmp_path / "rows.txt"
    f.write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY + " More."}) + "\n")
    assert len(collect([f])[0]) == 2
    g = tmp_path / "rows.jsonl.gz"
    g.write_bytes(gzip.compress(f.read_bytes()))
    assert len(collect([g])[0]) == 2


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Atlas Wire</title><link>https://atlas.example/</link><description>x</description>
<item><title>Portugal and Morocco sign four agreements</title><link>https://atlas.example/a</link><guid>g-1</guid>
<pubDate>Thu, 07 Mar 2024 09:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{BODY}</p><p>{BODY}</p>]]></content:encoded></item>
<item><title>No link, no body</title><description>Short.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atlas Atom</title><id>urn:x</id><updated>2024-03-07T09:00:00Z</updated>
<entry><title>Atom entry</title><id>urn:e1</id><link href="https://atlas.example/e1"/><published>2024-03-08T09:00:00Z</published>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""


def test_rss_feed_file_uses_full_content(tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text(RSS)
    docs, rej = collect([f])
    assert len(docs) == 1 and docs[0].kind == "html"
    assert docs[0].meta == {"id": "g-1", "title": "Portugal and Morocco sign four agreements", "date": "2024-03-07",
                            "url": "https://atlas.example/a", "source": "Atlas Wire"}
    art = to_article(docs[0], settings())
    assert art.publisher == "Atlas Wire" and art.date == "2024-03-07" and "teachers" in art.text
    assert [r.reason for r in rej] == ["no-text"]


def test_atom_feed_file(tmp_path):
    f = tmp_path / "feed.atom"
    f.write_text(ATOM)
    (doc,), rej = collect([f])
    assert rej == [] and doc.meta["id"] == "urn:e1" and doc.meta["date"] == "2024-03-08"
    feed = parse_feed(ATOM.encode())
    assert feed.title == "Atlas Atom" and feed.entries[0].link == "https://atlas.example/e1"


def test_malformed_feed(tmp_path):
    f = tmp_path / "broken.xml"
    f.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</ti')
    docs, rej = collect([f])
    assert docs == [] and [r.reason for r in rej] == ["malformed-feed"]
    with pytest.raises(Rejected):
        parse_feed(b"<rss><<<>>>")


def _warc_bytes(compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    records = [
        ("https://atlas.example/a", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
        ("https://atlas.example/logo.png", "200 OK", "image/png", b"\x89PNG...."),
        ("https://atlas.example/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
        ("https://atlas.example/big", "200 OK", "text/html", b"<html>" + b"z" * 5000 + b"</html>"),
    ]
    for uri, status, ctype, body in records:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


@pytest.mark.parametrize("compress,name", [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_warc(tmp_path, compress, name):
    f = tmp_path / name
    f.write_bytes(_warc_bytes(compress))
    docs, rej = collect([f], settings(max_bytes=4000))
    assert len(docs) == 1 and docs[0].url == "https://atlas.example/a" and docs[0].kind == "html"
    assert docs[0].encoding == "utf-8"
    assert [r.reason for r in rej] == ["oversize"] and "atlas.example/big" in rej[0].origin
    assert "water management" in to_article(docs[0], settings()).text


@pytest.mark.parametrize("data", [_warc_bytes(True)[:60], b"WARC/1.0\r\nnot a header\r\n\r\ngarbage" * 3])
def test_corrupt_warc_is_a_rejection(tmp_path, data):
    f = tmp_path / "bad.warc.gz"
    f.write_bytes(data)
    docs, rej = collect([f])
    assert docs == [] and [r.reason for r in rej] == ["malformed-warc"]


def test_gzipped_html_document(tmp_path):
    f = tmp_path / "page.html.gz"
    f.write_bytes(gzip.compress(PAGE.encode()))
    (doc,), _ = collect([f])
    assert "teachers" in to_article(doc, settings()).text


def test_oversize_file_not_read(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text(BODY * 50)
    docs, rej = collect([f], settings(max_bytes=1000))
    assert docs == [] and rej[0].reason == "oversize"


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"text with \x00\x00 nul bytes \x00 in it" * 3, "binary"),
        (bytes(range(128, 256)) * 4, "undecodable"),
        ("Le gouvernement français a annoncé mardi que le président recevra son homologue à Paris pour parler de la guerre.".encode(), "not-english"),
    ],
)
def test_bad_single_files_are_rejected_by_text_stage(tmp_path, content, reason):
    f = tmp_path / "item.txt"
    f.write_bytes(content)
    (doc,), _ = collect([f])
    with pytest.raises(Rejected) as exc:
        to_article(doc, settings())
    assert exc.value.reason == reason
    assert exc.value.item == str(f)


def test_unreadable_file_is_a_rejection(tmp_path, monkeypatch):
    f = tmp_path / "locked.txt"
    f.write_text(BODY)
    good = tmp_path / "ok.txt"
    good.write_text(BODY)
    import accord.ingest as ingest_mod

    real = ingest_mod._read_head

    def fail_for_locked(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(ingest_mod, "_read_head", fail_for_locked)
    docs, rej = collect([tmp_path])
    assert [r.reason for r in rej] == ["unreadable"] and "Permission denied" in rej[0].detail
    assert [d.origin for d in docs] == [str(good)]


def test_jsonl_lone_surrogate_does_not_break_the_line(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text('{"text": "' + BODY + ' \\ud800 end"}\n')
    (doc,), rej = collect([f])
    assert rej == [] and "teachers" in to_article(doc, settings()).text
