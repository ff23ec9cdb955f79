"""Finding the source and target actors of an event predicate in a dependency parse.

Actors come from the actor stage: ``doc.spans["actors"]`` with ``span._.actor``. Everything here
works on one sentence and never raises for an odd parse; a missing role is ``[]``.
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

#: Prepositions whose object can be the target of a verb ("meet with", "fire at", "sanctions on").
TARGET_PREPS = ("against", "on", "upon", "with", "to", "toward", "towards", "at", "into", "over", "onto", "for", "from")
#: Weak target prepositions: the place where the event happened stands in for the target.
PLACE_PREPS = ("in", "inside", "near", "outside", "across", "throughout")
#: Dependency labels inside a noun phrase where a nested actor can sit ("President Reagan's statement").
NESTED_DEPS = ("poss", "compound", "amod", "nmod", "appos", "npadvmod")
NESTED_PREPS = ("of", "from", "by", "in", "at", "within")
#: Verbs whose object is also the subject of their infinitive ("urged the EU to support").
OBJECT_CONTROL = frozenset(
    "urge ask order force allow permit invite call encourage tell request press persuade instruct "
    "require help compel warn advise appeal implore beg lead push".split()
)
_SKIP_SUBJECT_WORDS = frozenset({"who", "which", "that", "whom"})


class ActorIndex:
    """Token index -> actor for one Doc (built from ``doc.spans['actors']``)."""

    def __init__(self, doc):
        self.by_token: dict[int, object] = {}
        self.spans: dict[int, object] = {}
        group = doc.spans.get("actors") if hasattr(doc, "spans") else None
        for span in group or ():
            actor = getattr(span._, "actor", None) if span.has_extension("actor") else None
            if actor is None:
                continue
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, actor)
                self.spans.setdefault(i, span)

    def __bool__(self):
        return bool(self.by_token)

    def at(self, tok):
        return self.by_token.get(tok.i)

    def span_root_actor(self, tok):
        """The actor whose span contains ``tok`` (None if there is none)."""
        return self.by_token.get(tok.i)


def _conjuncts(tok):
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def phrase_actors(tok, idx: ActorIndex, depth: int = 0) -> list:
    """Actors named by the noun phrase headed by ``tok``: the phrase itself, or nested inside it
    (possessives, compounds, demonym adjectives, "of/from/by" phrases, appositions); coordinated
    phrases give one actor each."""
    out = []
    seen = set()
    for head in _conjuncts(tok):
        a = _one_phrase_actor(head, idx, depth)
        if a is not None and (a.code, a.text) not in seen:
            seen.add((a.code, a.text))
            out.append(a)
    return out


def _one_phrase_actor(tok, idx: ActorIndex, depth: int):
    a = idx.at(tok)
    if a is not None:
        return a
    if depth > 3:
        return None
    # breadth-first over modifiers, then prepositional phrases
    for child in tok.children:
        if child.dep_ in NESTED_DEPS and child.dep_ != "conj":
            a = idx.at(child) or (_one_phrase_actor(child, idx, depth + 1) if child.dep_ in ("poss", "appos") else None)
            if a is not None:
                return a
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in NESTED_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    a = _one_phrase_actor(pobj, idx, depth + 1)
                    if a is not None:
                        return a
    for child in tok.children:  # relative clause / participle inside the phrase: "rebels who ..."
        if child.dep_ in ("compound", "amod", "nmod"):
            a = _one_phrase_actor(child, idx, depth + 1)
            if a is not None:
                return a
    return None


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def subject_tokens(verb, depth: int = 0) -> list:
    """Tokens heading the (logical) subject phrase of ``verb``; inherits through xcomp, conj,
    relative clauses, participles and purpose/adverbial clauses."""
    if depth > 6:
        return []
    passive = is_passive(verb)
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj") and not passive:
            if c.lower_ in _SKIP_SUBJECT_WORDS and verb.dep_ == "relcl":
                return [verb.head]
            return [c]
        if c.dep_ == "agent":
            return [p for p in c.children if p.dep_ == "pobj"]
    if passive:
        if verb.dep_ == "acl":
            return []
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl":  # "rebels operating in Macedonia"
        return [head]
    if verb.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL:
        objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if objs:
            return objs
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") or (verb.dep_ == "pobj" and head.dep_ == "prep"):
        target = head
        if verb.dep_ == "pcomp" or verb.dep_ == "pobj":
            target = head.head
        if target.pos_ in ("ADJ",) and target.head.i != target.i:  # "is willing to send"
            target = target.head
        return subject_tokens(target, depth + 1)
    return []


def object_tokens(verb) -> list:
    """Direct objects (or, in the passive, the grammatical subject) of ``verb``."""
    out = []
    if is_passive(verb):
        out = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not out and verb.dep_ == "acl":
            out = [verb.head]
        return out
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "oprd"):
            out.append(c)
    return out


def prep_objects(tok, preps=TARGET_PREPS) -> list:
    """Objects of prepositions of ``tok`` in ``preps`` order ("talks with X", "an attack on X")."""
    found = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    found.append((preps.index(c.lower_), p))
    return [p for _, p in sorted(found, key=lambda x: x[0])]


def first_actors(tokens, idx: ActorIndex) -> list:
    for t in tokens:
        got = phrase_actors(t, idx)
        if got:
            return got
    return []
