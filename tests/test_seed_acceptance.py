"""End-to-end acceptance on the seed article (issue 4 and 5 acceptance lists).

This measures the whole pipeline on ../shared/seed (skipped when shared/ is absent); nothing in
the code keys on this article — these are the figures a user checks first.
"""
from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "000_418fd058f8ef7f5a.txt"

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"seed article not found at {SEED}")


@pytest.fixture(scope="module")
def coded():
    from accord.config import Settings
    from accord.events.api import code_article
    from accord.ingest import iter_sources
    from accord.models import RawDocument
    from accord.nlp import build_nlp
    from accord.text import to_article

    settings = Settings()
    raws = [r for r in iter_sources([str(SEED)], settings) if isinstance(r, RawDocument)]
    assert len(raws) == 1
    article = to_article(raws[0], settings)
    events, facts = code_article(article, build_nlp(settings))
    return article, events, facts


def _key(actor):
    if actor is None:
        return None
    return actor.country or actor.code


def _find(events, code_prefix, src=None, tgt=None):
    return [
        e for e in events
        if e.cameo.startswith(code_prefix)
        and (src is None or _key(e.source) == src)
        and (tgt is None or _key(e.target) == tgt)
        and not e.negated
    ]


def test_article_record(coded):
    article, _, _ = coded
    assert article.title == "Iran, China sign 20 cooperation agreements in Beijing"
    assert article.publisher == "The Cradle"
    assert article.date == "2023-02-14"
    assert "Leave a Reply" not in article.text
    assert "Required fields are marked" not in article.text
    assert "Raisi thanked Xi" in article.text


def test_visit_hosted_in_beijing(coded):
    _, events, _ = coded
    visits = _find(events, "043", "CHN", "IRN") + _find(events, "042", "IRN", "CHN")
    assert visits, [e.to_dict() for e in events]
    assert any(
        e.date == "2023-02-14" and e.location is not None and e.location.country == "CHN" for e in visits
    ), [e.to_dict() for e in visits]


def test_twenty_agreements_both_directions(coded):
    _, events, _ = coded
    for src, tgt in (("IRN", "CHN"), ("CHN", "IRN")):
        signings = [e for e in _find(events, "057", src, tgt) if e.date == "2023-02-14"]
        assert signings, (src, tgt)
        assert any(q.value == 20 for e in signings for q in e.quantities)


def test_2021_pact_dated_2021(coded):
    _, events, _ = coded
    pacts = [e for e in _find(events, "057") if (e.date or "").startswith("2021")]
    assert pacts
    assert {(_key(e.source), _key(e.target)) for e in pacts} & {("IRN", "CHN"), ("CHN", "IRN")}
    assert all(e.date_precision == "year" for e in pacts)


def test_thanks_and_support(coded):
    _, events, _ = coded
    assert _find(events, "05", "IRN", "CHN"), "Raisi thanking China (IRN->CHN 05x)"
    support = [e for e in _find(events, "05", "CHN", "IRN") + _find(events, "03", "CHN", "IRN") if e.cameo != "057"]
    assert support, "China's support for Iran (a 05x/03x event other than the signing)"


def test_usa_not_party_to_signing(coded):
    _, events, _ = coded
    assert not [e for e in _find(events, "057") if "USA" in (_key(e.source), _key(e.target))]


def test_nothing_from_comment_form(coded):
    article, events, facts = coded
    for rec in list(events) + list(facts):
        assert "Leave a Reply" not in rec.evidence.text
        assert "email address" not in rec.evidence.text


def test_evidence_offsets_point_into_article(coded):
    article, events, facts = coded
    for rec in list(events) + list(facts):
        assert article.text[rec.evidence.start:rec.evidence.end] == rec.evidence.text


def test_relation_facts(coded):
    _, _, facts = coded
    rel = {(f.relation, _key(f.subject), _key(f.object)) for f in facts}
    assert any(r == "member_of" and s == "IRN" and (o or "").startswith("IGO") for r, s, o in rel), rel
    assert any(r == "applied_to_join" and s == "IRN" and (o or "").startswith("IGO") for r, s, o in rel), rel
    trade = [f for f in facts if f.relation == "trade" and _key(f.subject) == "IRN" and _key(f.object) == "CHN"]
    assert trade and any(f.quantity and abs(f.quantity.value - 12.6e9) < 1e6 for f in trade), rel
