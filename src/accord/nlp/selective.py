"""Selective parsing: split an article into sentences cheaply (tokenizer + rule sentencizer) and
send only candidate sentences through the statistical pipeline.

A sentence is a candidate when it holds a strong event word (one that codes an event by itself:
"attacked", "talks"), or a weak one (a light, conditional or reporting verb: "held", "said") together
with a candidate actor: a capitalised word and, when the pipeline has the ``accord_actors``
component, something its dictionaries know (a name, title, sector word, or the surname of a person
named earlier in the article). "Analysts said ..." is not parsed: no actor could come out of it.
Everything else never reaches the parser.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

#: Sentences longer than this many tokens are not parsed (not a real sentence; parser cost explodes).
MAX_SENT_TOKENS = 400
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def clean_text(text: str) -> str:
    """Replace control/format characters by spaces (one for one, so offsets are kept)."""
    return _CONTROL.sub(" ", text)


@lru_cache(maxsize=4)
def _vocab(pattern_files: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    """(strong forms, weak forms): a strong form codes an event by itself ("attacked", "talks");
    a weak one (light verbs, conditional verbs, reporting verbs, relation-fact predicates) needs a
    candidate actor too."""
    from ..events.lexicon import get_lexicon, inflect

    from ..events.facts import load_patterns

    lex = get_lexicon(pattern_files)
    strong = set()
    for lemma in lex.strong_lemmas():
        strong |= inflect(lemma) | set(lex.irregular.get(lemma, ()))
    facts = set()  # relation-fact predicates ("joined", "exports"): weak, a fact needs actors
    for lemma in load_patterns(tuple(pattern_files)):
        facts |= inflect(lemma) | set(lex.irregular.get(lemma, ()))
    return frozenset(strong), (lex.surface_forms() | facts) - strong


@lru_cache(maxsize=4)
def _hazard_forms(pattern_files: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    """Word forms of natural hazards and accidents, and of weapons (see events.accidents)."""
    from ..events.lexicon import get_lexicon, inflect

    lex = get_lexicon(pattern_files)
    return (frozenset(f for lemma in lex.hazards for f in inflect(lemma)),
            frozenset(f for lemma in lex.weapons for f in inflect(lemma)))


def _names_hazard(doc, hazards, weapons) -> bool:
    """A sentence about an accident with no weapon in it (not "the Storm Corps": lower case only)."""
    words = [t.lower_ for t in doc]
    if any(w in weapons for w in words):
        return False
    return any(t.lower_ in hazards and (t.i == 0 or not t.text[:1].isupper()) for t in doc)


@lru_cache(maxsize=2)
def _sentencizer():
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def split(nlp, text: str) -> list[tuple[int, int]]:
    """Char spans of the sentences of ``text`` (tokenizer + punctuation rules, no model)."""
    doc = nlp.make_doc(text)
    doc = _sentencizer()(doc)
    out = []
    for s in doc.sents:
        for a, b in _paragraph_pieces(text, s.start_char, s.end_char):
            out.append((a, b))
    return out


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _paragraph_pieces(text: str, a: int, b: int):
    """Split ``text[a:b]`` at blank lines (a headline or list item without final punctuation is a
    sentence of its own) and trim surrounding white space, so evidence never starts with newlines."""
    start = a
    for m in _BLANK_LINE.finditer(text, a, b):
        yield from _trimmed(text, start, m.start())
        start = m.end()
    yield from _trimmed(text, start, b)


def _trimmed(text: str, a: int, b: int):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        yield a, b


def is_candidate(tokens, pattern_files: tuple[str, ...] = ()) -> bool:
    """True when a token list (strings) may hold an event worth parsing."""
    return candidacy(tokens, pattern_files) is not None


def candidacy(tokens, pattern_files: tuple[str, ...] = ()) -> str | None:
    """"strong" (a strong event word), "weak" (only weak ones, with a capitalised word) or None."""
    if len(tokens) > MAX_SENT_TOKENS:
        return None
    strong, weak = _vocab(pattern_files)
    lower = [t.lower() for t in tokens]
    if any(w in strong for w in lower):
        return "strong"
    return "weak" if any(w in weak for w in lower) and _actor_candidate(tokens) else None


_FUNCTION_WORDS = frozenset("the a an in on at but and or it he she they we i you this that these those there "
                            "however meanwhile also so yet if when while after before as for of to by".split())


def _actor_candidate(tokens) -> bool:
    """A capitalised word that is not just the sentence's first function word (cheap; no model)."""
    for i, t in enumerate(tokens):
        if t[:1].isupper() and len(t) > 1 and (i > 0 or t.lower() not in _FUNCTION_WORDS):
            return True
    return False


def candidate_docs(nlp, text: str, *, date=None, base: int = 0, context=None, pattern_files=(), too_long=None):
    """Doc objects (tokenized only) for the candidate sentences of ``text``, each with
    ``user_data`` set: ``accord_date``, ``accord_offset`` (char offset in the article) and the
    shared ``accord_actor_context`` dict. Sentences over ``MAX_SENT_TOKENS`` tokens are skipped and
    their lengths appended to ``too_long`` when given."""
    context = {} if context is None else context
    out = []
    hazards, weapons = _hazard_forms(pattern_files)
    actors = nlp.get_pipe("accord_actors") if "accord_actors" in nlp.pipe_names else None
    may_mention = getattr(actors, "may_mention", None)
    surnames: set = set()
    previous = False
    for a, b in split(nlp, text):
        sub = text[a:b]
        doc = nlp.make_doc(sub)
        prev, previous = previous, _names_hazard(doc, hazards, weapons)  # "A boiler exploded. Four were hurt."
        doc.user_data["accord_prev_hazard"] = prev
        if len(doc) > MAX_SENT_TOKENS:
            if too_long is not None:
                too_long.append(len(doc))
            log.info("sentence of %d tokens at %d not parsed (limit %d)", len(doc), base + a, MAX_SENT_TOKENS)
            continue
        kind = candidacy([t.text for t in doc], pattern_files)
        if kind is None:
            continue
        # the dictionary test runs on every candidate, in order, so that surnames accumulate
        if may_mention is not None and not may_mention(doc, surnames) and kind == "weak":
            continue
        doc.user_data["accord_date"] = date
        doc.user_data["accord_offset"] = base + a
        doc.user_data["accord_actor_context"] = context
        out.append(doc)
    return out
