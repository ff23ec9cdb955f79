"""The event coder: one parsed sentence -> event drafts (trigger, CAMEO code, source, target, confidence).

Steps: match triggers (verbs, light verb + event noun, nominal events, frame adjectives); compose
frames with the events they embed ("refused to lift the curfew" -> 124); turn cooperative events in
the future into intents and conflictual ones into threats; reported clauses keep their own actors and
a report becomes a statement only when nothing else is said; find source/target actors; score.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from . import roles
from .accidents import drop_accidents, is_blast
from .assign import Roles, fill, pairs, sentence_country
from .lexicon import Lexicon
from .triggers import COMMENT_FRAMES, TABLES, Trigger, compose, has_must, is_future, noun_code, verb_trigger

log = logging.getLogger(__name__)

CONFLICT_FUTURE = frozenset({"14", "15", "16", "17", "18", "19", "20"})
_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp", "csubj", "parataxis", "prep", "pobj", "npadvmod", "amod"})
#: Events other than a sentence's most confident one are kept only from this confidence up.
MIN_SIDE_CONFIDENCE = 0.45


@dataclass
class Draft:
    trigger: object  # spaCy Token
    code: str
    source: object  # Actor | None
    target: object  # Actor | None
    confidence: float
    plover: str | None = None
    mode: str | None = None
    kind: str = "verb"


def _find_triggers(sent, lex: Lexicon, idx) -> dict:
    trig: dict[int, Trigger] = {}
    for tok in sent:
        if tok.dep_ in ("amod", "compound"):  # "a planned visit", "U.S.-backed fighters"
            continue
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
            t = verb_trigger(tok, lex, idx)
            if t is not None:
                trig[tok.i] = t
        elif tok.pos_ == "ADJ" and tok.lower_ in lex.adjectives and tok.dep_ in ("acomp", "ROOT", "xcomp", "oprd"):
            frame = lex.adjectives[tok.lower_]
            if frame in COMMENT_FRAMES:
                trig[tok.i] = Trigger(tok, COMMENT_FRAMES[frame], "adj", frame=frame)
            elif _embedded(tok):
                trig[tok.i] = Trigger(tok, "120" if frame == "refuse" else "030", "adj", frame=frame)
    consumed = {t.noun_token.i for t in trig.values() if t.noun_token is not None}
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.i in consumed or tok.i in trig:
            continue
        head = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and head.i in trig:
            continue  # the object of another event ("condemned the attack")
        got = noun_code(tok, lex)
        if got is None or not got[1].nominal:
            continue
        if tok.dep_ == "pobj" and head.lower_ in ("in", "for", "during", "after", "before", "since", "amid", "despite", "of"):
            if not (head.lower_ == "of" and head.head.lower_ in ("wave", "series", "round", "spate")):
                continue  # circumstantial: "in protest of", "during talks", "after the attack"
        code, entry = got
        trig[tok.i] = Trigger(tok, code, "noun", noun=entry, recip=entry.recip, plover=entry.plover, mode=entry.mode,
                              frame=entry.frame)
    return trig


def _embedded(tok):
    """The clause a frame word embeds: its xcomp (or ccomp for demands)."""
    for c in tok.children:
        if c.dep_ == "xcomp":
            return c
    return None


def _inner_trigger(tok, trig: dict, frame: str, noun=None, lex: Lexicon | None = None):
    """The nearest trigger embedded under frame word ``tok`` (xcomp chain, purpose clauses), or
    under its frame noun ("issued a demand that Israel withdraw")."""
    cands = [c for c in tok.children if c.dep_ == "xcomp"]
    if noun is not None:
        cands = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "xcomp", "relcl") and c.pos_ in ("VERB", "AUX")] + cands
    if frame in ("demand", "appeal", "refuse", "intent", "order", "prepare"):
        cands += [c for c in tok.children if c.dep_ == "ccomp"]
    if frame in COMMENT_FRAMES:  # "skeptical about Iranian motives in providing ...", "confident that ..."
        cands += [c for c in tok.children if c.dep_ == "ccomp"]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("about", "of", "over", "on", "at"):
                cands += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
    if frame in ("intent", "refuse", "demand", "appeal", "threat", "order", "prepare"):  # "agreed to a ceasefire"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "for", "on"):
                cands += [p for p in c.children if p.dep_ == "pobj"]
        cands += [c for c in tok.children if c.dep_ == "dobj"]
    seen = 0
    while cands and seen < 12:
        c = cands.pop(0)
        seen += 1
        if c.i in trig:
            return trig[c.i]
        got = noun_code(c, lex) if lex is not None and c.pos_ == "NOUN" else None
        if got is not None:  # an event noun as the object of the frame ("called for sanctions")
            return Trigger(c, got[0], "noun", noun=got[1], plover=got[1].plover, mode=got[1].mode)
        cands += [g for g in c.children if g.dep_ in ("xcomp", "advcl", "conj", "dobj") and g.pos_ in ("VERB", "NOUN", "AUX")]
        if c.pos_ in ("NOUN", "NUM", "SYM"):  # "pledged $200 million in aid"
            cands += [p for g in c.children if g.dep_ == "prep" and g.lower_ in ("in", "of")
                      for p in g.children if p.dep_ == "pobj"]
    return None


def _depth(tok) -> int:
    return sum(1 for _ in tok.ancestors)


def _compose_frames(trig: dict, lex: Lexicon) -> set:
    """Apply frame words to the events they embed, deepest first. Returns consumed token ids."""
    consumed: set[int] = set()
    for t in sorted(trig.values(), key=lambda t: -_depth(t.token)):
        frame = t.frame
        if frame not in TABLES and frame not in ("aspect", "consider") and frame not in COMMENT_FRAMES:
            continue
        inner = _inner_trigger(t.token, trig, frame, t.noun_token if t.kind == "light" else None, lex)
        if inner is None or inner.token.i in consumed or inner is t or (
                t.noun_token is not None and inner.token.i == t.noun_token.i):
            continue
        if inner.kind == "noun" and frame in ("aspect",):
            continue
        t.code = compose(frame, inner.code)
        if frame == "aspect":
            t.plover, t.mode = inner.plover, inner.mode
        t.inner = inner
        consumed.add(inner.token.i)
    return consumed


def _apply_future(trig: dict, consumed: set, neg) -> None:
    for t in trig.values():
        if t.token.i in consumed or t.kind == "noun" or t.frame in TABLES or t.kind == "adj":
            continue
        root = t.code[:2]
        head = t.token
        if t.plover and t.mode == "resign":  # an announced resignation is still a resignation
            continue
        fut = is_future(head) or (head.dep_ == "conj" and is_future(head.head))
        cannot = neg(head) and any(c.dep_ == "aux" and c.lower_ in ("can", "ca", "could") for c in head.children)
        if not fut and not cannot:
            continue
        if (cannot or neg(head)) and root in ("01", "03", "04", "05", "06", "07", "08"):
            t.code, t.frame = compose("refuse", t.code), "refuse"
        elif fut and (root in ("04", "05", "06", "07", "08") or root in CONFLICT_FUTURE):
            t.code = compose("intent", t.code)
        else:
            continue
        t.plover = t.mode = None


def _reporting(sent, trig: dict, consumed: set, lex: Lexicon) -> list:
    """Reported clauses: "X said Y must ..." is a demand by X on Y; otherwise the report itself is a
    statement candidate (kept only if the sentence has no other event)."""
    statements = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.reporting:
            continue
        if tok.i in trig and trig[tok.i].frame == "report" and trig[tok.i].code == "010":
            del trig[tok.i]  # a plain report: a statement only if nothing else is said
        if tok.i in trig and trig[tok.i].code[:2] not in ("01",):
            continue
        claimed = _claimed_event(tok, trig, consumed)
        if claimed is not None:  # "the rebels claimed that they had attacked the base"
            trig[tok.i] = Trigger(tok, "016" if tok.lemma_.lower() in DENY_VERBS else "015", "verb")
            claimed.notes.append(("claimed", tok))
            continue
        comps = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
        must = next((c for c in comps if has_must(c)), None)
        if must is not None:
            inner = trig.get(must.i)
            code = compose("demand", inner.code) if inner else "100"
            t = Trigger(tok, code, "verb", frame="demand", inner=inner)
            t.notes.append(("demand_target", must))
            if inner is not None:
                consumed.add(inner.token.i)
            trig[tok.i] = t
            continue
        if tok.i not in trig:
            statements.append(Trigger(tok, "010", "verb", frame="report"))
    return statements


VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13", "16"})


def _subject_of(tok):
    """The subject of ``tok``'s clause, following conjuncts, xcomp chains and participle clauses
    ("marched and demanded", "poured into the streets denouncing"); for a participle modifying a
    noun ("demonstrators calling for"), that noun."""
    cur = tok
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if cur.dep_ == "acl" and cur.tag_ == "VBG":
            return cur.head
        if cur.dep_ not in ("conj", "xcomp", "advcl") or cur.head is cur:
            return None
        if cur.dep_ == "advcl" and (cur.tag_ not in ("VBG", "VB") or any(c.dep_ == "mark" for c in cur.children)):
            return None  # only participle and purpose clauses share the main subject ("gathered to urge")
        cur = cur.head
    return None


def _names_demonstrators(subj, lex: Lexicon) -> bool:
    """The subject phrase is headed by (or counts) demonstrators: "thousands of angry protesters"."""
    heads = [subj] + [t for t in subj.subtree if t.dep_ in ("pobj", "conj", "appos") and t.i - subj.i <= 12]
    return any(h.lemma_.lower() in lex.demonstrators or h.lower_ in lex.demonstrators for h in heads)


def _protesters_protest(sent, trig: dict, consumed: set, lex: Lexicon) -> None:
    """What demonstrators say is what they protest about: "protesters demanded the minister's
    resignation" is a demonstration (141) with the demand as its aim, not a demand (10x); and
    demonstrators who gather, turn out or chant are demonstrating."""
    if not lex.demonstrators:
        return
    for tok in sent:
        if tok.i not in trig and tok.pos_ == "VERB" and tok.lemma_.lower() in lex.assembly:
            subj = _subject_of(tok)
            if subj is not None and _names_demonstrators(subj, lex):
                trig[tok.i] = Trigger(tok, "141", "verb")
    for t in trig.values():
        if t.token.i in consumed or t.kind == "noun" or t.code[:2] not in VERBAL_ROOTS or t.frame == "report":
            continue
        subj = _subject_of(t.token)
        if subj is None or not _names_demonstrators(subj, lex):
            continue
        t.notes.append(("protest_of", t.code))
        t.code, t.plover, t.mode, t.frame = "141", None, None, None


MATERIAL_CONFLICT = frozenset({"14", "15", "17", "18", "19", "20"})


def _absorb_purposes(trig: dict, consumed: set) -> None:
    """A protest's stated aim is part of the protest ("demonstrated to demand reforms", "rallied,
    calling for independence"), and "to protest X" is the aim of what was done: one event, not two."""
    for t in trig.values():
        tok = t.token
        if tok.i in consumed or tok.dep_ not in ("advcl", "xcomp", "acl"):
            continue
        head = trig.get(tok.head.i)
        if head is None or head.token.i in consumed or head.frame == "report":
            continue
        if (head.code[:2] == "14" and t.code[:2] in ("02", "10", "11", "12", "13", "14", "16")) or t.code == "140":
            consumed.add(tok.i)
            head.notes.append(("purpose", t))  # its target can stand for the head's


CLAIM_VERBS = frozenset({"claim", "admit", "acknowledge", "confess", "deny"})
DENY_VERBS = frozenset({"deny"})


def _claimed_event(tok, trig: dict, consumed: set):
    """The event a speaker claims for itself: a claim verb whose reported clause has a pronoun
    subject and an event (CAMEO 015, claim responsibility)."""
    if tok.lemma_.lower() not in CLAIM_VERBS:
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i in trig and c.i not in consumed:
            own = any(s.dep_ == "nsubj" and (s.pos_ == "PRON" or any(p.dep_ == "poss" and p.pos_ == "PRON" for p in s.children))
                      for s in c.children)  # "they had attacked", "its troops had fired"
            if own and trig[c.i].code[:2] in CONFLICT_FUTURE:
                return trig[c.i]
    return None


def _main_level(tok) -> int:
    """0 for the main predicate chain of the sentence, +1 per subordinate clause above ``tok``."""
    level, cur = 0, tok
    for _ in range(40):
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            break
        if cur.dep_ in _SUBORDINATE:
            level += 1
        cur = cur.head
    return level


def _confidence(t: Trigger, source, target) -> float:
    conf = 0.9 - 0.15 * min(_main_level(t.token), 3)
    if t.kind == "noun":
        conf -= 0.2
    if t.frame == "report" and t.code == "010":
        conf = min(conf, 0.3) - 0.1
    elif t.code[:2] == "01":
        conf -= 0.1
    if any(n[0] == "claimed" for n in t.notes):
        conf -= 0.2  # the claim of responsibility is the reported act
    if source is None:
        conf -= 0.12
    if target is None:
        conf -= 0.04
    return max(0.05, min(0.99, round(conf, 3)))


def code_sentence(sent, lex: Lexicon, idx=None, negated=None) -> list[Draft]:
    """Event drafts for one parsed sentence (a Span with dependency parse)."""
    idx = idx if idx is not None else roles.ActorIndex(sent.doc)
    neg = negated or (lambda tok: any(c.dep_ == "neg" for c in tok.children))
    trig = _find_triggers(sent, lex, idx)
    accident = drop_accidents(sent, trig, lex)
    consumed = _compose_frames(trig, lex)
    _apply_future(trig, consumed, neg)
    _protesters_protest(sent, trig, consumed, lex)
    _absorb_purposes(trig, consumed)
    statements = _reporting(sent, trig, consumed, lex)
    active = [t for i, t in sorted(trig.items()) if i not in consumed]
    rl = Roles(idx)
    drafts = _drafts(sent, active, rl, idx, bare=False)
    bare = _bare_nominals(sent, lex, accident) if not drafts else []
    if bare and bare[0].code[:2] in MATERIAL_CONFLICT and bare[0].noun.nominal:
        statements = []  # "the attacks on its members had a serious impact, X noted": the attacks
    if not drafts:  # a report is a statement only when nothing else is said, and needs a speaker
        drafts = [d for d in _drafts(sent, statements[:1], rl, idx, bare=False)
                  if d.source is not None or any(c.dep_ == "nsubj" for c in d.trigger.children)]
    if not drafts:  # nothing else: nominal events without actors, at low confidence
        drafts = _drafts(sent, bare, rl, idx, bare=True)
    if drafts:  # weakly evidenced side events (background nominals, actorless subordinate clauses)
        best = max(d.confidence for d in drafts)
        drafts = [d for d in drafts if d.confidence >= MIN_SIDE_CONFIDENCE or d.confidence == best]
    return drafts


def _drafts(sent, triggers: list, rl, idx, bare: bool) -> list[Draft]:
    drafts: list[Draft] = []
    for t in triggers:
        sources, targets, between = rl.of(t)
        if t.kind == "noun" and not sources and not targets and not bare:
            continue
        if t.code[:3] == "150" and len(sources) >= 2:  # several armies exercising together: cooperation
            t.code = "062"
        code = t.code
        for s, g in pairs(t, sources, targets, between):
            place = sentence_country(sent, t.token, idx)
            s, g = fill(s, g, place), fill(g, s, place, t.code)
            conf = 0.1 if bare else _confidence(t, s, g)
            drafts.append(Draft(t.token, code, s, g, conf, t.plover, t.mode, t.kind))
    return drafts


def _bare_nominals(sent, lex: Lexicon, accident: bool = False) -> list:
    out = []
    for tok in sent:
        if accident and is_blast(tok, lex):
            continue  # "a fire broke out at the plant"
        if tok.pos_ == "NOUN" and (tok.dep_ != "compound" or noun_code(tok.head, lex) is None):
            got = noun_code(tok, lex)  # a compound only when its head is no event ("the bombing campaign")
            if got is not None and not got[1].nominal and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lex.harm_verbs:
                continue  # "a fire killed twelve": the killing was not coded, the fire is no attack
            if got is not None:
                out.append(Trigger(tok, got[0], "noun", noun=got[1], plover=got[1].plover, mode=got[1].mode))
    return out[:1]


