"""Sentence spans used for evidence: split at blank lines, no surrounding white space."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from accord.nlp import build_nlp

    return build_nlp()


def test_spans_are_trimmed_and_split_at_blank_lines(nlp):
    from accord.nlp.selective import split

    text = "Ministers meet in Oslo\n\n  Norway hosted talks with Sweden on Monday.  \n\nThey agreed to meet again."
    spans = [text[a:b] for a, b in split(nlp, text)]
    assert spans == [
        "Ministers meet in Oslo",
        "Norway hosted talks with Sweden on Monday.",
        "They agreed to meet again.",
    ]


def test_evidence_has_no_leading_newlines(nlp):
    from accord.events.api import code_text

    text = "Talks in Oslo\n\nNorway hosted talks with Sweden on Monday.\n\nSweden thanked Norway for its support."
    events = code_text(text, date="2024-03-05")
    assert events
    for e in events:
        assert e.evidence.text == e.evidence.text.strip()
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text


def test_target_inside_gerund_complement(nlp):
    """'support in safeguarding X's rights': the object of the gerund is who the support is for."""
    from accord.events.api import code_text

    events = code_text("Canada expressed its support in protecting Ukraine's sovereignty.", date="2024-03-05")
    support = [e for e in events if e.cameo.startswith("05") or e.cameo.startswith("03")]
    assert support, [e.to_dict() for e in events]
    assert any(e.source and e.source.country == "CAN" and e.target and e.target.country == "UKR" for e in support)


def test_code_articles_equals_one_by_one(nlp):
    """Batching several articles through one nlp.pipe gives what coding each alone gives, and a
    refused article is refused alone."""
    from accord.errors import Rejected
    from accord.events.api import code_article, code_articles
    from accord.models import Article

    arts = [
        Article(text="Egypt hosted talks between Israel and Hamas on Monday. He said they would meet again.",
                date="2024-05-07"),
        Article(text="", date="2024-05-07"),
        Article(text="Russian troops shelled Kharkiv overnight. Ukraine condemned the attack.", date="2024-05-08"),
    ]
    batched = code_articles(arts, nlp)
    assert isinstance(batched[1], Rejected)
    for art, got in zip([arts[0], arts[2]], [batched[0], batched[2]]):
        events, facts = code_article(art, nlp)
        assert [e.to_dict() for e in got[0]] == [e.to_dict() for e in events]
        assert [f.to_dict() for f in got[1]] == [f.to_dict() for f in facts]
        assert events


def test_state_visit_is_not_an_actor(nlp):
    """'a state visit': 'state' describes the visit; the host is the place visited."""
    from accord.events.api import code_text

    events = code_text("Kenyan President William Ruto arrived in Tokyo on Tuesday for a four-day state visit.",
                       date="2024-02-06")
    visits = [e for e in events if e.cameo.startswith("04")]
    assert visits
    assert all(e.target is None or e.target.country != "KEN" for e in visits)
    assert any(e.target is not None and e.target.country == "JPN" for e in visits)
