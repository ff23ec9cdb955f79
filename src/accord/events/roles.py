"""Finding the source and target actors of an event predicate in a dependency parse.

Actors come from the actor stage: ``doc.spans["actors"]`` with ``span._.actor``. Everything here
works on one sentence and never raises for an odd parse; a missing role is ``[]``.
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

#: Prepositions whose object can be the target of a verb ("meet with", "fire at", "sanctions on").
TARGET_PREPS = ("against", "on", "upon", "with", "to", "toward", "towards", "at", "into", "over", "onto", "for", "from")
#: Prepositions whose gerund complement's object can be the target ("support in safeguarding X's rights").
GERUND_PREPS = ("in", "for")
#: Weak target prepositions: the place where the event happened stands in for the target.
PLACE_PREPS = ("in", "inside", "near", "outside", "across", "throughout", "at")
#: Dependency labels inside a noun phrase where a nested actor can sit ("President Reagan's statement").
NESTED_DEPS = ("poss", "compound", "amod", "nmod", "appos", "npadvmod")
NESTED_PREPS = ("of", "from", "by", "in", "at", "within")
#: Verbs whose object is also the subject of their infinitive ("urged the EU to support").
OBJECT_CONTROL = frozenset(
    "urge ask order force allow permit invite call encourage tell request press persuade instruct "
    "require help compel warn advise appeal implore beg lead push".split()
)
#: Passive-looking participles whose grammatical subject is the actor ("is committed to", "is set to").
STATIVE_PARTICIPLES = frozenset("committed prepared determined poised set opposed obliged resolved inclined disposed engaged involved".split())
#: For complaints and accusations the party complained about comes before the one addressed.
COMPLAINT_PREPS = ("against", "over", "about", "of", "on", "at", "with", "to", "toward", "towards", "for")
_SKIP_SUBJECT_WORDS = frozenset({"who", "which", "that", "whom"})


class ActorIndex:
    """Token index -> actor for one Doc (built from ``doc.spans['actors']``)."""

    def __init__(self, doc):
        self.by_token: dict[int, object] = {}
        self.places: dict[int, object] = {}
        self.pairs: dict[int, list] = {}
        group = doc.spans.get("actors") if hasattr(doc, "spans") else None
        for span in group or ():
            actor = getattr(span._, "actor", None) if span.has_extension("actor") else None
            if actor is None:
                continue
            place_only = span.has_extension("is_place_only") and bool(span._.is_place_only)
            pair = span._.actors if span.has_extension("actors") and span._.actors else None
            for i in range(span.start, span.end):
                self.places.setdefault(i, actor)
                if not place_only:
                    self.by_token.setdefault(i, actor)
                if pair and len(pair) > 1:
                    self.pairs.setdefault(i, list(pair))

    def __bool__(self):
        return bool(self.by_token)

    def at(self, tok):
        return self.by_token.get(tok.i)

    def place_at(self, tok):
        """Like :meth:`at`, but also places that only locate something ("in Lebanon")."""
        return self.places.get(tok.i)


def weak(actor) -> bool:
    """An actor without a country or organisation code (a bare "rebels", an unresolved pronoun)."""
    return actor is None or (not actor.country and not (actor.code or "").startswith("IGO") and not (actor.code or "").startswith("NGO"))


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
        pair = idx.pairs.get(head.i)
        found = pair if pair else [_one_phrase_actor(head, idx, depth)]
        mods = [c for c in head.children if c.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in c.children)]
        if not pair and mods:  # "Azerbaijani and Armenian troops": one actor per country
            members = [idx.place_at(m) for m in _conjuncts(mods[0])]
            if all(m is not None and m.country for m in members):
                found = _distribute(idx.at(head), members)
        if not pair and depth < 2:  # "the armies of Peru and Chile": one actor per country
            inner = [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                     for p in c.children if p.dep_ == "pobj" and any(g.dep_ == "conj" for g in p.children)]
            if inner:
                found = _distribute(idx.at(head), phrase_actors(inner[0], idx, depth + 1)) or found
        for a in found:
            if a is not None and weak(a):
                a = _with_country(a, head, idx)
            if a is not None and (a.code, a.text) not in seen:
                seen.add((a.code, a.text))
                out.append(a)
    return out


def _distribute(head_actor, members: list) -> list:
    """The head's sector applied to each coordinated member ("armies of Peru and Chile")."""
    from dataclasses import replace

    sector = head_actor.sector if head_actor is not None else None
    out = []
    for a in members:
        if sector and a.country and not a.sector:
            a = replace(a, code=a.country + sector, sector=sector)
        out.append(a)
    return out


def _with_country(actor, head, idx):
    """A sector-only actor ("rebels") gets the country named inside its phrase ("rebels in the
    Ivory Coast", "Taiwan's Vice Foreign Minister", "NATO peacekeeping troops")."""
    from dataclasses import replace

    for t in head.subtree:
        if t.i == head.i or abs(t.i - head.i) > 12:
            continue
        other = idx.place_at(t)
        if other is None or other is actor or weak(other):
            continue
        if other.country:
            sector = actor.sector or ""
            return replace(actor, country=other.country, code=other.country + sector)
        return replace(actor, code=other.code, country=None)
    return actor


def _one_phrase_actor(tok, idx: ActorIndex, depth: int):
    a = idx.at(tok)
    if a is not None:
        return a
    if depth > 3:
        return None
    # breadth-first over modifiers, then prepositional phrases
    for child in tok.children:
        if child.dep_ in NESTED_DEPS and child.dep_ != "conj":
            a = idx.at(child) or _state_modifier(child, idx) or (
                _one_phrase_actor(child, idx, depth + 1) if child.dep_ in ("poss", "appos") else None)
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


def _state_modifier(tok, idx: ActorIndex):
    """A country named as a modifier ("a U.S. request", "proposed Israeli changes"): an actor even
    where the actor stage marked it as only locating; a city modifier ("the Christchurch attack")
    never is."""
    a = idx.place_at(tok)
    if a is None or not a.country or getattr(a, "kind", None) not in ("state", None):
        return None
    if tok.pos_ == "ADJ" or tok.ent_type_ == "NORP" or "." in tok.text or tok.text.isupper():
        return a
    if a.name and tok.text.lower() in a.name.lower():
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
    passive = is_passive(verb) and verb.lower_ not in STATIVE_PARTICIPLES
    for c in verb.children:
        if c.dep_ == "nsubjpass" and not passive:  # "Vietnam is committed to ..."
            return [c]
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
    if verb.dep_ == "pcomp" and head.lower_ in ("of", "for", "from"):  # "accused Chad of supporting"
        objs = [c for c in head.head.children if c.dep_ == "dobj"]
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
    if not found and preps is TARGET_PREPS:
        # "support in safeguarding Tehran's rights", "help for rebuilding Syria": the object of a
        # gerund complement is the party the event is for (ranked after every real target)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in GERUND_PREPS:
                for g in c.children:
                    if g.dep_ == "pcomp" and g.tag_ == "VBG":
                        found += [(len(preps), o) for o in g.children if o.dep_ == "dobj"]
    return [p for _, p in sorted(found, key=lambda x: x[0])]


def first_actors(tokens, idx: ActorIndex) -> list:
    for t in tokens:
        got = phrase_actors(t, idx)
        if got:
            return got
    return []


def place_actors(tokens, idx: ActorIndex) -> list:
    """Actors of the places in ``tokens`` (places that only locate count here)."""
    for t in tokens:
        for x in [t] + [c for c in t.subtree if c.i != t.i][:8]:
            a = idx.place_at(x)
            if a is not None and not weak(a):
                return [a]
    return []


def resolve_pronoun(tok, actors: list, idx: ActorIndex) -> list:
    """A pronoun or bare sector subject inside a reported/embedded clause takes the actor of the
    governing clause's subject ("Syria says it is willing" -> SYR)."""
    if actors and not all(weak(a) for a in actors):
        return actors
    if not tok or tok.pos_ not in ("PRON",) and actors:
        return actors
    cur = tok.head
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
            got = first_actors(subj, idx)
            if got and not all(weak(a) for a in got):
                return got
    return actors


def own_possession(tok) -> bool:
    """An object owned by the subject ("recalled its ambassador", "deployed their troops")."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my") for c in tok.children)


#: Dependencies that open another clause; actors below them belong to another predicate.
CLAUSE_BREAKS = frozenset({"relcl", "advcl", "acl", "ccomp", "csubj", "csubjpass", "parataxis", "conj", "nsubj", "nsubjpass", "mark"})


#: Prepositional phrases that say where/when, never whom ("met at the headquarters of X").
CIRCUMSTANCE_PREPS = frozenset({"at", "in", "inside", "near", "outside", "during", "since", "after", "before",
                                "throughout", "across", "amid", "despite", "within", "until"})


def clause_tokens(verb, circumstances: bool = False) -> list:
    """Tokens of ``verb``'s own clause after the verb (objects, prepositional phrases, xcomp chains),
    not descending into other clauses or the subject, nor (unless ``circumstances``) into
    where/when phrases."""
    out, stack = [], [c for c in verb.children if c.i > verb.i]
    while stack:
        t = stack.pop(0)
        if t.dep_ in CLAUSE_BREAKS or (not circumstances and t.dep_ == "prep" and t.lower_ in CIRCUMSTANCE_PREPS):
            continue
        out.append(t)
        stack.extend(t.children)
    return sorted(out, key=lambda t: t.i)


def clause_actor(verb, idx: ActorIndex, places: bool = False) -> list:
    """The first actor named in ``verb``'s own clause after it (or place, with ``places``)."""
    for t in clause_tokens(verb, circumstances=places):
        a = idx.place_at(t) if places else idx.at(t)
        if a is not None and not weak(a):
            return [a]
    return []

