"""Who did it to whom: source and target actors of coded triggers, reciprocal pairs, and the
country of sector-only actors ("demonstrators", "the rebels")."""
from __future__ import annotations

from . import roles
from .triggers import Trigger

PLACE_TARGET_ROOTS = frozenset({"07", "08", "13", "14", "15", "16", "17", "18", "19", "20"})
RECIP_ROOTS = frozenset({"04", "06"})
RECIP_CODES = frozenset({"057", "190", "030"})
MAX_PER_TRIGGER = 6


def _noun_roles(t: Trigger, idx, own_only: bool = False) -> tuple[list, list, bool]:
    """Source/target of a nominal event: "X's visit to Y", "a visit by X", "talks between X and Y",
    "U.S. sanctions on Iran"."""
    tok = t.token
    sources, targets, between = [], [], False
    for c in tok.children:
        if c.dep_ == "poss":
            sources = roles.phrase_actors(c, idx)
        elif c.dep_ == "prep" and c.lower_ == "by":
            sources = roles.first_actors([p for p in c.children if p.dep_ == "pobj"], idx)
        elif c.dep_ == "prep" and c.lower_ in ("between", "among"):
            pair = roles.first_actors([p for p in c.children if p.dep_ == "pobj"], idx)
            if len(pair) >= 2:
                sources, between = pair, True
    if not sources and not own_only:
        for c in tok.children:
            a = idx.at(c) or roles._state_modifier(c, idx)
            if c.dep_ in ("compound", "amod", "nmod") and a is not None:
                if c.ent_type_ not in ("GPE", "LOC", "FAC") or c.dep_ == "amod" or c.text.isupper() or "." in c.text:
                    sources = [a]
                    break
    if not between:
        targets = roles.first_actors(roles.prep_objects(tok), idx)
        if not targets:
            of = roles.prep_objects(tok, ("of",))
            if of and t.code[:2] in ("17", "18", "19", "20", "08", "16", "11"):
                targets = roles.first_actors(of, idx)
    if not sources and not own_only and tok.dep_ in ("dobj", "nsubjpass", "pobj", "attr"):
        gov = tok.head if tok.dep_ != "pobj" else tok.head.head
        if gov.pos_ in ("VERB", "AUX"):
            sources = roles.first_actors(roles.subject_tokens(gov), idx)
    return sources, targets, between


def _verb_roles(t: Trigger, trig_roles) -> tuple[list, list]:
    tok, idx = t.token, trig_roles.idx
    subj = roles.subject_tokens(tok)
    sources = roles.first_actors(subj, idx)
    sources = roles.resolve_pronoun(subj[0] if subj else None, sources, idx)
    if not sources:  # "talks were held between Serbia and Kosovo"
        pair = roles.first_actors(roles.prep_objects(tok, ("between", "among")), idx)
        sources = pair if len(pair) >= 2 else sources
    targets: list = []
    if t.frame in ("demand", "appeal", "order"):
        objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        objs += roles.prep_objects(tok, ("on", "upon", "to"))
        dt = [n[1] for n in t.notes if n[0] == "demand_target"]
        if dt:
            objs = roles.subject_tokens(dt[0]) + objs
        elif t.inner is not None and t.inner.kind != "noun":
            objs = objs + roles.subject_tokens(t.inner.token)
        clause = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
        if t.noun_token is not None:
            clause += [c for c in t.noun_token.children if c.dep_ in ("ccomp", "acl", "xcomp")]
        objs += [s for c in clause for s in roles.subject_tokens(c)]
        targets = roles.first_actors(objs, idx)
    if not targets and t.kind == "light" and t.noun_token is not None:
        n = t.noun_token
        targets = roles.first_actors(roles.prep_objects(n), idx)
        if not targets:
            targets = roles.first_actors([c for c in tok.children if c.dep_ == "dative"], idx)
        if not targets:
            targets = roles.first_actors(roles.prep_objects(tok), idx)
        if not targets:
            nested = roles.phrase_actors(n, idx)
            targets = [a for a in nested if a not in sources]
    if t.kind == "light" and t.noun_token is not None:  # "announced a visit by X to Y"
        n_src, n_tgt, _ = _noun_roles(Trigger(t.noun_token, t.code, "noun"), idx, own_only=True)
        sources = n_src or sources
        targets = targets or n_tgt
    if not targets and t.inner is not None:
        targets = trig_roles.targets_of(t.inner)
    for note, purpose in t.notes:  # "recalled its ambassador to protest the decision by Panama"
        if note == "purpose" and not targets:
            targets = trig_roles.targets_of(purpose)
    if not targets and t.kind != "light":
        objs = [o for o in roles.object_tokens(tok) if not roles.own_possession(o)]
        targets = roles.first_actors(objs, idx)
        if targets and all(roles.weak(a) for a in targets) and sources:  # "sent troops to Sudan"
            targets = roles.first_actors(roles.prep_objects(tok), idx) or targets
        if not targets:
            preps = roles.COMPLAINT_PREPS if t.code[:2] == "11" else roles.TARGET_PREPS
            targets = roles.first_actors(roles.prep_objects(tok, preps), idx)
        if not targets:  # "shared evidence with the U.S.", "lifted a blockade on Palestinian lorries"
            targets = roles.first_actors([p for o in objs for p in roles.prep_objects(o)], idx)
    if t.code[:2] in ("17", "18", "19", "20") and subj and all(roles.weak(a) for a in targets):
        hit = roles.first_actors(roles.prep_objects(subj[0], ("on", "against", "upon")), idx)
        if hit and not roles.weak(hit[0]):  # "air strikes on Gaza killed 15 people": the victims are there
            targets = [fill(a, hit[0], None) for a in targets] or hit
    if not sources and t.code[:2] == "17" and roles.is_passive(tok):  # "was arrested in Lebanon": its authorities
        sources = roles.clause_actor(tok, idx, places=True)
    if not targets and t.frame not in ("report",):  # an actor named later in the same clause
        targets = [a for a in roles.clause_actor(tok, idx) if not any(same(a, s) for s in sources)]
    if not targets and (t.code[:2] in PLACE_TARGET_ROOTS or t.code[:3] in ("042", "023", "075")):
        targets = roles.clause_actor(tok, idx, places=True)
    if not targets and t.code[:2] == "14" and sources and sources[0].country:  # protests address their government
        from ..models import Actor

        targets = [Actor(code=sources[0].country + "GOV", country=sources[0].country, sector="GOV", kind="state")]
    return sources, targets


class Roles:
    def __init__(self, idx):
        self.idx = idx
        self.cache: dict[int, tuple] = {}

    def of(self, t: Trigger):
        if t.token.i not in self.cache:
            self.cache[t.token.i] = ([], [], False)  # guard against cycles
            if t.kind == "noun":
                self.cache[t.token.i] = _noun_roles(t, self.idx)
            else:
                s, g = _verb_roles(t, self)
                self.cache[t.token.i] = (s, g, False)
        return self.cache[t.token.i]

    def targets_of(self, t: Trigger):
        return self.of(t)[1]


def same(a, b) -> bool:
    return a is not None and b is not None and (a is b or (a.code == b.code and a.text == b.text))


def pairs(t: Trigger, sources, targets, between) -> list:
    recip = t.recip or t.code[:2] in RECIP_ROOTS or t.code[:3] in RECIP_CODES
    targets = [g for g in targets if not any(same(g, s) for s in sources)] or ([] if sources else targets)
    out = []
    if between or (recip and len(sources) >= 2):  # "X and Y met", "the two signed" (+ any outside party)
        keys = {a.key for a in sources}
        out = [(a, b) for a in sources for b in sources if not same(a, b)]
        out += [(s, g) for s in sources for g in targets if g.key not in keys and not roles.weak(g)]
    elif sources and targets:
        out = [(s, g) for s in sources for g in targets]
        heads = [t.token] + [c for c in t.token.children if c.dep_ in ("dobj", "nsubjpass")]
        if recip and any(c.dep_ == "prep" and c.lower_ == "with" for h in heads for c in h.children):
            out += [(g, s) for s, g in out]
    elif sources:
        out = [(s, None) for s in sources]
    elif targets:
        out = [(None, g) for g in targets]
    else:
        out = [(None, None)]
    return out[:MAX_PER_TRIGGER]


def sentence_country(sent, trigger, idx):
    """The country-level actor named nearest to the trigger (places included)."""
    best = None
    for tok in sent:
        a = idx.place_at(tok)
        if a is not None and a.country and (best is None or abs(tok.i - trigger.i) < best[0]):
            best = (abs(tok.i - trigger.i), a)
    return best[1] if best else None


def fill(actor, other, place, own: str | None = None):
    """A sector-only actor ("demonstrators", "the rebels", an unresolved "they") takes the country of
    the other party, else of the place the sentence names: domestic actors are coded by country."""
    if actor is None or not roles.weak(actor):
        return actor
    donor = other if other is not None and other.country else place
    if donor is None or not donor.country:
        return actor
    if own is not None and donor is other and own.startswith("15"):
        return None  # "sent troops": the mobiliser's own forces are not a target
    from dataclasses import replace

    return replace(actor, country=donor.country, code=donor.country + (actor.sector or ""))
