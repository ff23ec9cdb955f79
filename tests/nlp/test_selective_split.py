"""Selective parsing's sentence split: the candidate sentence Docs are each sentence tokenized on
its own (offsets, tokens, spaces, flags), whatever the white space, quotes, special cases or
control characters around them."""
from __future__ import annotations

import pytest

pytest.importorskip("spacy")

LONG = " ".join(["word"] * 450) + " attacked the Embassy."

TEXTS = [
    "",
    " ",
    "\n\n",
    "   \n  \n ",
    "  The army attacked the village.  ",
    "\n\nRebels attacked a convoy.\n\n\nPolice arrested 5 men.\n",
    "HEADLINE Army attacks town\n\nThe army attacked the town on Monday. It said talks failed.",
    "Troops shelled Gaza.\n \t\nThe UN condemned the attack.\r\n\r\nIsrael said it would retaliate.",
    "Control\x00chars\x07 here. The army\x0battacked\x0c the town.\x1c Police\x1farrested him.\x85 Talks"
    " held\u200b in Paris.\u2028Next\u2029line\ufeff.",
    "A boiler exploded. Four were hurt. The President said he was sad.",
    'Rebels attacked the base. "We will respond," the army said.It was bad!Really?Yes.',
    "It's over. He said it's over. ''Troops attacked.'' Don't attack! We can't talk; N.Y. police arrested 'em.",
    "Mr. Smith met Dr. Jones at 5 a.m. on Jan. 3. They held talks. U.S. forces attacked. It's 5p.m. now.",
    "e.g. the army attacked. o. O :) :-) (-_-) Police arrested 3 people... (who?) [sic]! <. <3 Ph. D. thesis.",
    "\u00a0The army attacked.\u00a0\u00a0Police arrested him.\t\tTalks\tfailed .",
    "Temperatures hit 40°C. Police arrested him. It was 40°C . The army attacked.",
    LONG + " " + LONG + "\n\nThe army attacked the town. Floods hit the town.",
    "Floods swept through Sylhet on Monday. Dozens of villagers were injured in Sylhet.",
]


def _reference(nlp, text, too_long):
    """The split as it was: sentencizer on the article, then each trimmed piece tokenized alone."""
    from spacy.pipeline import Sentencizer

    from accord.nlp.selective import MAX_SENT_TOKENS, _hazard_forms, _paragraph_pieces, candidacy

    hazards, weapons = _hazard_forms(())
    actors = nlp.get_pipe("accord_actors") if "accord_actors" in nlp.pipe_names else None
    out, previous, surnames = [], False, set()
    for sent in Sentencizer()(nlp.make_doc(text)).sents:
        for a, b in _paragraph_pieces(text, sent.start_char, sent.end_char):
            doc = nlp.make_doc(text[a:b])
            lower = [t.lower_ for t in doc]
            hazard = not any(w in weapons for w in lower) and any(
                t.lower_ in hazards and (t.i == 0 or not t.text[:1].isupper()) for t in doc)
            prev, previous = previous, hazard
            if len(doc) > MAX_SENT_TOKENS:
                too_long.append(len(doc))
            elif (kind := candidacy([t.text for t in doc])) is not None:
                known = actors is None or actors.may_mention(doc, surnames)
                if kind == "strong" or known:
                    out.append((a, _tokens(doc), prev))
    return out


def _tokens(doc):
    return [(t.text, t.whitespace_, t.norm_, t.is_sent_start) for t in doc]


def _docs(nlp, text, **kw):
    from accord.nlp.selective import candidate_docs

    return candidate_docs(nlp, text, date="2024-01-02", **kw)


@pytest.mark.parametrize("clean", [False, True])
def test_candidate_docs_equal_sentences_tokenized_alone(nlp, clean):
    from accord.nlp.selective import clean_text

    for text in TEXTS:
        text = clean_text(text) if clean else text
        want_long, got_long = [], []
        want = _reference(nlp, text, want_long)
        docs = _docs(nlp, text, too_long=got_long)
        got = [(d.user_data["accord_offset"], _tokens(d), d.user_data["accord_prev_hazard"]) for d in docs]
        assert got == want, text
        assert got_long == want_long


def test_split_spans_equal_the_sentencizer_pieces(nlp):
    from spacy.pipeline import Sentencizer

    from accord.nlp.selective import _paragraph_pieces, split

    for text in TEXTS:
        doc = Sentencizer()(nlp.make_doc(text))
        want = [p for s in doc.sents for p in _paragraph_pieces(text, s.start_char, s.end_char)]
        assert split(nlp, text) == want, text


def test_offsets_map_back_to_the_article(nlp):
    for text in TEXTS:
        for doc in _docs(nlp, text, base=0):
            off = doc.user_data["accord_offset"]
            assert text[off:off + len(doc.text)] == doc.text
            assert doc.text == doc.text.strip()


def test_base_shifts_offsets(nlp):
    text = "Nothing here.\n\nRebels attacked a convoy."
    docs = _docs(nlp, text, base=100)
    assert [d.user_data["accord_offset"] for d in docs] == [100 + text.index("Rebels")]


def test_blank_lines_and_white_space_split_and_trim(nlp):
    from accord.nlp.selective import split

    text = "  Weather in Goma\n\n\tRebels attacked a convoy near Goma  \n \n  Police arrested 5 men.  "
    assert [text[a:b] for a, b in split(nlp, text)] == [
        "Weather in Goma", "Rebels attacked a convoy near Goma", "Police arrested 5 men."]
    docs = _docs(nlp, text)
    assert [d.text for d in docs] == ["Rebels attacked a convoy near Goma", "Police arrested 5 men."]
    assert all(not d[-1].whitespace_ for d in docs)


def test_sentence_inside_a_run_of_characters(nlp):
    """'... the base. "We ...': the quote ends the first sentence, the second starts inside "We."""
    text = 'Rebels attacked the base. "Troops attacked the town," he said.'
    docs = _docs(nlp, text)
    assert [d.text for d in docs] == ["Rebels attacked the base. \"", 'Troops attacked the town," he said.']
    assert [[t.text for t in d] for d in docs] == [[t.text for t in nlp.make_doc(d.text)] for d in docs]


def test_user_data_and_shared_context(nlp):
    ctx = {"seen": 1}
    text = "Floods hit the coast. Rebels attacked a convoy. Police arrested 5 men."
    docs = _docs(nlp, text, context=ctx)
    assert len(docs) == 3
    for d in docs:
        assert {"accord_prev_hazard", "accord_date", "accord_offset", "accord_actor_context"} <= set(d.user_data)
        assert d.user_data["accord_date"] == "2024-01-02"
        assert d.user_data["accord_actor_context"] is ctx
    assert [d.user_data["accord_prev_hazard"] for d in docs] == [False, True, False]  # after "Floods hit ..."
    fresh = _docs(nlp, text)
    assert fresh[0].user_data["accord_actor_context"] is fresh[1].user_data["accord_actor_context"]
    assert fresh[0].user_data["accord_actor_context"] is not ctx


def test_too_long_sentences_are_skipped_and_counted(nlp, caplog):
    from accord.nlp.selective import MAX_SENT_TOKENS

    too_long: list = []
    with caplog.at_level("INFO", logger="accord.nlp.selective"):
        docs = _docs(nlp, LONG + "\n\nRebels attacked a convoy.", too_long=too_long)
    assert too_long == [len(nlp.make_doc(LONG))] and too_long[0] > MAX_SENT_TOKENS
    assert [d.text for d in docs] == ["Rebels attacked a convoy."]
    assert "not parsed" in caplog.text
    assert _docs(nlp, LONG) == []  # too_long is optional


def test_empty_and_blank_texts(nlp):
    from accord.nlp.selective import split

    for text in ("", " ", "\n\n \n", "\t"):
        assert split(nlp, text) == []
        assert _docs(nlp, text) == []


def test_other_tokenizers_take_the_sentence_by_sentence_path(nlp):
    """A tokenizer that is not spaCy's own gets no shortcut: each sentence is tokenized alone."""
    import spacy
    from spacy.tokens import Doc

    class Whitespace:
        def __init__(self, vocab):
            self.vocab = vocab

        def __call__(self, text):
            words = text.split(" ")
            return Doc(self.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])

    blank = spacy.blank("en")
    blank.tokenizer = Whitespace(blank.vocab)
    text = "Rebels attacked a convoy. Police arrested 5 men . It's over"
    want_long: list = []
    want = _reference(blank, text, want_long)
    got = [(d.user_data["accord_offset"], _tokens(d), d.user_data["accord_prev_hazard"]) for d in _docs(blank, text)]
    assert got == want and want


def test_weak_sentences_need_an_actor_the_dictionaries_know(nlp):
    """"Analysts said ...": a reporting verb and only unknown names, so nothing is parsed; the same
    verb with a known actor, or with the surname of a person named earlier, is parsed."""
    text = ("Analysts said the figures were weak. Iran said the figures were weak. "
            "Ebrahim Raisi visited Beijing. Raisi said the figures were weak.")
    got = [d.text for d in _docs(nlp, text)]
    assert "Analysts said the figures were weak." not in got
    assert "Iran said the figures were weak." in got
    assert "Raisi said the figures were weak." in got


def test_relation_fact_predicates_make_a_sentence_worth_parsing(nlp):
    """A sentence whose only trigger is a relation-fact predicate ("applied for membership") is
    parsed when it names actors, so the fact is found; without a known actor it is not parsed."""
    from accord.events.api import code_article
    from accord.models import Article

    text = "Kazakhstan applied for membership of BRICS last year."
    assert [d.text for d in _docs(nlp, text)] == [text]
    _, facts = code_article(Article(text=text, date="2023-05-01"), nlp)
    assert [(f.relation, f.subject.code, f.object.code) for f in facts] == [("applied_to_join", "KAZ", "IGOBRC")]
    assert _docs(nlp, "Some analysts applied for membership of the club.") == []
