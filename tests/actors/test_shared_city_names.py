"""City names shared by several states read by the states named around them."""
import pytest
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


def _article(run_article, sentences):
    return [{s.text: s._.actor for s in doc.spans["actors"]} for doc in run_article(sentences)]


def test_same_sentence_state_decides(run_article):
    (s,) = _article(run_article, ["Pakistani troops clashed with armed men in Hyderabad on Sunday."])
    assert any(a.country == "PAK" for t, a in s.items() if "Hyderabad" in t)


def test_earlier_sentence_state_decides_and_capital_becomes_a_place(run_article):
    _, s2 = _article(run_article, ["A ceasefire in northern Lebanon collapsed on Friday.",
                           "Gunfire in Tripoli wounded three people."])
    assert s2["Tripoli"].country == "LBN" and s2["Tripoli"].sector is None


def test_own_state_named_first_keeps_the_reading(run_article):
    (s,) = _article(run_article, ["Libyan and Lebanese delegates met in Tripoli."])
    assert s["Tripoli"].country == "LBY"


@pytest.mark.parametrize("text,date,code", [
    ("Asmara", "1989-06-01", "ETH"),           # before Eritrea's independence: a city of Ethiopia
    ("Asmara", "2001-06-01", "ERIGOV"),        # after: the capital, as a government
    ("soldiers in Podgorica", "2003-06-01", "SRBMIL"),
    ("Montenegrin police in Podgorica", "2003-06-01", "MNECOP"),  # the people named: kept
    ("Asmara", None, "ERIGOV"),                # no date: today's map
])
def test_places_of_states_not_yet_independent(text, date, code):
    assert resolve_phrase(text, date=date).code == code


def test_national_body_of_a_state_not_yet_independent():
    assert resolve_phrase("the Kosovo Liberation Army", date="1998-06-01").code == "SRBREB"
    assert resolve_phrase("the SPLA", date="2004-01-01").country == "SDN"
    assert resolve_phrase("the SPLA", date="2016-01-01").country == "SSD"
