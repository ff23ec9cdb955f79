from accord.web.highlight import Span, locate, render
from accord.web.views import mention_html, safe_url


def test_render_escapes_text_and_wraps_spans():
    text = "A <b>&</b> signed B"
    html = str(render(text, [Span(11, 17, "trigger", 'x"<y>')]))
    assert html == 'A &lt;b&gt;&amp;&lt;/b&gt; <mark class="hl hl-trigger" title="x&#34;&lt;y&gt;">signed</mark> B'


def test_nested_crossing_and_out_of_range_spans():
    text = "Iran signed with China"
    spans = [Span(0, 22, "sentence"), Span(0, 4, "source"), Span(2, 8, "actor"), Span(20, 99, "target"),
             Span(5, 11, "trigger"), Span(5, 11, "trigger")]
    html = str(render(text, spans))
    assert html == ('<mark class="hl hl-sentence"><mark class="hl hl-source">Iran</mark> '
                    '<mark class="hl hl-trigger">signed</mark> with China</mark>')


def test_unknown_kind_gets_generic_class():
    assert str(render("ab", [Span(0, 1, "evil\" onclick=x")])) == '<mark class="hl">a</mark>b'


def test_locate_trusts_matching_offsets_and_falls_back_to_surface():
    text = "China and China"
    assert locate(text, 110, 115, "China", base=100) == (10, 15)
    assert locate(text, 3, 8, "China") == (0, 5)  # offsets disagree with the surface: first occurrence
    assert locate(text, None, None, "china") == (0, 5)
    assert locate(text, 3, 8, "Iran") is None


def test_mention_html_uses_article_offsets():
    m = {"evidence": {"text": "Iran signed with China.", "start": 100, "trigger": "signed", "trigger_start": 105,
                      "trigger_end": 111},
         "source": {"text": "Iran", "start": 100, "end": 104, "code": "IRN"},
         "target": {"text": "China", "start": 117, "end": 122, "code": "CHN"}}
    html = str(mention_html(m))
    assert html == ('<mark class="hl hl-source" title="IRN">Iran</mark> <mark class="hl hl-trigger">signed</mark>'
                    ' with <mark class="hl hl-target" title="CHN">China</mark>.')


def test_safe_url():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example", "http://", None, " jAvAsCrIpT:x"):
        assert safe_url(bad) is None
