"""to_article on HTML and bytes: extraction, metadata, encodings and every rejection reason."""
from __future__ import annotations

import pytest

from accord.config import Settings
from accord.errors import Rejected
from accord.models import RawDocument
from accord.text import to_article
from accord.text.decode import decode_bytes
from accord.text.language import detect_language

PARAS = [
    "The foreign ministers of Chile and New Zealand met in Wellington on Tuesday and agreed to expand "
    "cooperation on Antarctic research, renewable hydrogen and the protection of fisheries in the South Pacific.",
    "Chile's minister said both countries would present a joint proposal on marine reserves at the next "
    "meeting of the Antarctic Treaty parties, and invited New Zealand to send a trade mission to Santiago.",
    "New Zealand's minister said the talks showed that small and medium-sized countries could shape the rules "
    "of the region, and the two governments agreed to hold annual consultations from now on.",
]
COMMENT_FORM = """<div id="respond"><h3>Leave a Reply</h3><form id="commentform">
<p>Your email address will not be published. Required fields are marked *</p>
<p><label>Comment</label><textarea></textarea></p><p><label>Name *</label><input></p>
<p><label>Email *</label><input></p><p><label>Website</label><input></p>
<p><input type="checkbox"> Save my name, email, and website in this browser for the next time I comment.</p>
<p><input type="submit" value="Post Comment"></p></form></div>"""


def page(paras=PARAS, extra="", head_extra="", close=True):
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Chile and New Zealand deepen Antarctic ties - Southern Ledger</title>
<meta property="og:site_name" content="Southern Ledger">
<meta property="article:published_time" content="2023-09-12T06:00:00+12:00">{head_extra}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="share">Share this: <a>Facebook</a> <a>Twitter</a></div>
<article><h1>Chile and New Zealand deepen Antarctic ties</h1>{body}</article>{extra}
<footer><p>© 2023 Southern Ledger. All rights reserved.</p></footer></body></html>"""
    return html if close else html[: html.index("</article>")]


def raw(content, kind="html", **kw) -> RawDocument:
    return RawDocument(content=content if isinstance(content, bytes) else content.encode("utf-8"), origin="t", kind=kind, **kw)


def test_html_article_with_boilerplate_and_comment_form():
    art = to_article(raw(page(extra=COMMENT_FORM)), Settings())
    assert art.title == "Chile and New Zealand deepen Antarctic ties"
    assert art.publisher == "Southern Ledger"
    assert art.date == "2023-09-12"
    assert art.language == "en"
    for p in PARAS:
        assert p in art.text
    for junk in ("Leave a Reply", "Your email address", "Save my name", "Post Comment", "Home", "All rights reserved", "Share this"):
        assert junk not in art.text
    assert art.text.count("\n\n") == 2  # one paragraph per block


def test_kind_unknown_is_sniffed_as_html():
    assert to_article(raw(page(), kind="unknown"), Settings()).title == "Chile and New Zealand deepen Antarctic ties"


def test_meta_overrides_page_metadata():
    meta = {"title": "Feed title", "date": "2023-09-13", "source": "Feed Source", "url": "https://x.example/a", "id": "42"}
    art = to_article(raw(page(), meta=meta), Settings())
    assert (art.title, art.date, art.publisher, art.url, art.external_id) == ("Feed title", "2023-09-13", "Feed Source", "https://x.example/a", "42")


def test_truncated_html_that_still_has_text_is_accepted():
    art = to_article(raw(page(close=False)), Settings())
    assert PARAS[0] in art.text


def test_truncated_html_without_text_is_rejected():
    cut = page()[:300]  # cut inside <head>
    with pytest.raises(Rejected) as exc:
        to_article(raw(cut), Settings())
    assert exc.value.reason == "truncated-html"


def test_html_without_main_text():
    html = "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(Rejected) as exc:
        to_article(raw(html), Settings())
    assert exc.value.reason == "no-text"


def test_oversize_bytes_and_chars():
    with pytest.raises(Rejected) as exc:
        to_article(raw(page()), Settings(max_bytes=500))
    assert exc.value.reason == "oversize"
    with pytest.raises(Rejected) as exc:
        to_article(raw(" ".join(PARAS), kind="text"), Settings(max_chars=100))
    assert exc.value.reason == "oversize"


def test_non_english_html_and_text():
    german = ["Die Außenminister von Chile und Neuseeland haben sich am Dienstag in Wellington getroffen und "
              "vereinbart, die Zusammenarbeit in der Antarktisforschung auszubauen, wie das Ministerium mitteilte."] * 3
    with pytest.raises(Rejected) as exc:
        to_article(raw(page(paras=german)), Settings())
    assert exc.value.reason == "not-english"
    with pytest.raises(Rejected) as exc:
        to_article(raw("中国和伊朗的领导人在北京会面，签署了二十项合作协议。" * 5, kind="text"), Settings())
    assert exc.value.reason == "not-english"


@pytest.mark.parametrize(
    "text,lang",
    [
        (" ".join(PARAS), "en"),
        ("Shr 41 cts vs 35 cts\nNet 2,362,000 vs 1,613,000\nRevs 15.4 mln vs 8,637,000", "en"),
        ("Le ministre des Affaires étrangères a reçu son homologue à Paris pour parler de la sécurité en Europe.", "fr"),
        ("El ministro de Exteriores recibió a su homólogo en Madrid para hablar de la seguridad y del comercio.", "es"),
        ("Президент провел переговоры с премьер-министром в Москве.", "und"),
        # a language without a function-word list: accented prose, no English function words
        ("Pääministeri tapasi perjantaina Tukholmassa ruotsalaisen kollegansa keskustellakseen Itämeren "
         "turvallisuudesta, energiayhteistyöstä ja rajavalvonnasta. Keskustelut jatkuvat ensi kuussa Helsingissä "
         "ulkoministerien kokouksessa, kertoi valtioneuvoston kanslia tiedotteessaan myöhään illalla. "
         "Molemmat hallitukset pitävät yhteistyötä tärkeänä alueen vakaudelle tulevina vuosina.", "und"),
        ("Net 190.9 mln Swiss francs vs 150.4 mln. Turnover 5.24 billion vs 5.38 billion. Dividend 160 per bearer "
         "vs 155 francs, 32 francs per registered vs 31 francs, 16 francs per participation certificate vs 15.50 "
         "francs. Cash flow 294.3 mln vs 242.6 mln. Operating profit 337.6 mln vs 265 mln.", "en"),
    ],
)
def test_language_detection(text, lang):
    assert detect_language(text) == lang


def test_scandinavian_is_not_english():
    # Norwegian, Danish and Swedish share most function words: only "not English" is asserted
    text = "Selv om det er en nedgang fra i fjor, er vi stolte over at skolen likevel lykkes med å samle barn."
    assert detect_language(text) in {"no", "da", "sv"}


def test_encodings():
    latin = "The minister’s visit to São Paulo was welcomed.".replace("’", "'").encode("latin-1")
    assert "São Paulo" in decode_bytes(latin, "latin-1")
    html = '<html><head><meta charset="windows-1252"></head><body>caf\xe9 talks</body></html>'.encode("cp1252")
    assert "café" in decode_bytes(html)
    assert decode_bytes("Talks in Geneva".encode("utf-16")) == "Talks in Geneva"


@pytest.mark.parametrize(
    "data,reason",
    [(b"", "empty"), (b" \n\t ", "empty"), (b"%PDF-1.7 ...", "binary"), (b"PK\x03\x04zipdata", "binary"),
     (b"abc\x00def\x00ghi", "binary"), (bytes(range(128, 256)) * 8, "undecodable")],
)
def test_bad_bytes(data, reason):
    with pytest.raises(Rejected) as exc:
        to_article(raw(data, kind="unknown"), Settings())
    assert exc.value.reason == reason
