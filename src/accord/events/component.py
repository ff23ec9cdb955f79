"""spaCy component ``accord_events``: sets ``doc._.events`` (list[Event]) and ``doc._.facts``.

Reads ``doc.user_data["accord_date"]`` (article date, YYYY-MM-DD) and ``["accord_offset"]`` (char
offset of this doc in the article, for sentence docs made by selective parsing).
"""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from .build import dedupe, to_event
from .coder import code_sentence
from .lexicon import get_lexicon
from .roles import ActorIndex

log = logging.getLogger(__name__)

for _name in ("events", "facts"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _facts(doc, pattern_files: tuple = ()) -> list:
    try:
        from .facts import extract_facts
    except ImportError:
        return []
    try:
        return list(extract_facts(doc, pattern_files=pattern_files) or [])
    except Exception as exc:  # facts must never stop event coding
        log.debug("fact extraction failed: %s", exc)
        return []


def events_for_doc(doc, lex) -> list:
    date = doc.user_data.get("accord_date")
    offset = int(doc.user_data.get("accord_offset", 0) or 0)
    idx = ActorIndex(doc)
    out = []
    for sent in doc.sents:
        try:
            drafts = code_sentence(sent, lex, idx)
        except Exception as exc:  # one odd parse must not lose the article
            log.warning("coding failed on a sentence (%s): %.80r", exc, sent.text)
            continue
        out.extend(to_event(d, sent, date, offset) for d in drafts)
    return dedupe(out)


class EventsComponent:
    def __init__(self, nlp, name: str, pattern_files):
        self.name = name
        self.pattern_files = tuple(pattern_files or ())  # event patterns and fact patterns ("relations")
        self.lexicon = get_lexicon(self.pattern_files)

    def __call__(self, doc):
        doc._.events = events_for_doc(doc, self.lexicon)
        doc._.facts = _facts(doc, self.pattern_files)
        return doc


@Language.factory("accord_events", default_config={"pattern_files": []})
def make_events(nlp, name: str, pattern_files: list):
    return EventsComponent(nlp, name, pattern_files)
