"""Whether an event happened: negation and modality of the trigger token.

* ``negated(trigger)``: "did not sign", "never signed", "no agreement was reached", "failed to
  sign", "without signing". A refusal ("refused to sign") is its own CAMEO event (12x), so it is
  *not* negated; ``refused(trigger)`` flags it.
* ``modality(trigger)``: "hypothetical" (could/might/would, conditional clauses) > "intended"
  (will/shall, plans to, is expected to, agreed to; "said X would" is future-in-the-past;
  infinitives of purpose, "signed deals to boost trade"; complements inherit it: "would
  continue to participate") >
  "reported" (reportedly/allegedly/alleged, "according to unconfirmed reports") > "asserted".
* ``is_intent(trigger)``: modality is "intended" (CAMEO codes these as 03x intents).

Word lists: ``attributes/data/modality.yaml``.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from . import load_data

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _lex() -> dict:
    d = load_data("modality")
    return {k: {str(w).lower() for w in v} for sect in ("negation", "modality") for k, v in d[sect].items()}


def _governors(trigger, max_up: int = 3):
    """Verbs (or adjectives) whose infinitive/clausal complement the trigger is, nearest first."""
    out = []
    cur = trigger
    for _ in range(max_up):
        if cur.dep_ not in ("xcomp", "ccomp", "pcomp", "acl", "advcl") and not (
            cur.dep_ == "pobj" and cur.head.dep_ == "prep"
        ):
            break
        cur = cur.head if cur.dep_ != "pobj" else cur.head.head
        out.append(cur)
    return out


def _has_neg_child(tok, lx) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and c.lower_ in lx["words"]):
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ == "only" and c.lower_ == "not":
                continue  # "not only signed ... but also"
            return True
    return False


def _negated(trigger, lx) -> bool:
    if _has_neg_child(trigger, lx):
        return True
    # "without signing": the preposition governing a gerund trigger.
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "without":
        return True
    # "no agreement was reached" (trigger is the verb) / trigger noun with "no".
    for c in trigger.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(g.dep_ == "det" and g.lower_ in ("no", "neither") for g in c.children):
            return True
    if trigger.pos_ in ("NOUN", "PROPN"):
        head = trigger.head
        if head.lemma_.lower() in lx["noun_governors"]:
            return True
        if trigger.dep_ in ("nsubj", "nsubjpass", "dobj") and _has_neg_child(head, lx):
            return True
    for gov in _governors(trigger):
        lemma = gov.lemma_.lower()
        if lemma in lx["governors"]:
            return not _has_neg_child(gov, lx)
        if lemma in lx["refusal_governors"]:
            return False
        if _has_neg_child(gov, lx) and trigger.dep_ == "xcomp":
            return True
    return False


def negated(trigger) -> bool:
    """True when the sentence says the event did not happen."""
    try:
        return _negated(trigger, _lex())
    except Exception as exc:
        log.debug("negation check failed on %r: %s", getattr(trigger, "text", trigger), exc)
        return False


def refused(trigger) -> bool:
    """True when the event is governed by a refusal ("refused to sign", "rejected calls to talk")."""
    try:
        lx = _lex()
        return any(g.lemma_.lower() in lx["refusal_governors"] for g in _governors(trigger))
    except Exception as exc:
        log.debug("refusal check failed: %s", exc)
        return False


def _aux_lemmas(tok) -> list:
    return [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]


def _hypothetical(trigger, govs, lx) -> bool:
    for tok in [trigger] + govs:
        if any(c.dep_ == "mark" and c.lower_ in lx["conditional_marks"] for c in tok.children):
            return True
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) for c in tok.children):
            return True
    auxes = _aux_lemmas(trigger)
    if any(a in lx["hypothetical_aux"] for a in auxes):
        if "would" in auxes and _in_reported_past(trigger, lx):
            return False
        return True
    return False


def _in_reported_past(trigger, lx) -> bool:
    head = trigger.head
    return trigger.dep_ == "ccomp" and head.lemma_.lower() in lx["reporting_verbs"] and head.tag_ in ("VBD", "VBN")


def _intended(trigger, govs, lx) -> bool:
    auxes = _aux_lemmas(trigger)
    if any(a in lx["future_aux"] for a in auxes):
        return True
    if "would" in auxes and _in_reported_past(trigger, lx):
        return True
    if trigger.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        gov = trigger.head
        lemma = gov.lemma_.lower()
        if lemma in lx["intent_governors"] or gov.lower_ in lx["intent_adjectives"]:
            return True
        if gov.lemma_ == "be" and any(c.lower_ in lx["intent_adjectives"] for c in gov.children if c.dep_ == "acomp"):
            return True
        if any(a in lx["future_aux"] for a in _aux_lemmas(gov)):
            return True
    if trigger.dep_ == "xcomp" and trigger.head.dep_ == "acomp" and trigger.head.lower_ in lx["intent_adjectives"]:
        return True
    return False


def _reported(trigger, govs, lx) -> bool:
    for tok in [trigger] + govs:
        if any(c.dep_ == "advmod" and c.lower_ in lx["reported_adverbs"] for c in tok.children):
            return True
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in lx["reported_adjectives"] for c in trigger.children):
        return True
    if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in lx["reported_governors"] and trigger.head.tag_ == "VBN":
        return True  # "is said to have attacked", "is believed to have fled"
    return _hedged_attribution(trigger, lx)


def _hedged_attribution(trigger, lx, size: int = 40) -> bool:
    """"according to unconfirmed reports" near the trigger (an unhedged source stays asserted)."""
    doc = trigger.doc
    lo = trigger.i
    while lo > max(0, trigger.i - size) and not doc[lo].is_sent_start:
        lo -= 1
    hi = trigger.i + 1
    while hi < min(len(doc), trigger.i + size) and not doc[hi].is_sent_start:
        hi += 1
    for tok in doc[lo:hi]:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            tail = doc[tok.i + 2 : min(len(doc), tok.i + 6)]
            return any(t.lower_ in lx["according_to_hedges"] for t in tail)
    return False


def _purpose_clause(trigger) -> bool:
    """An infinitive of purpose: "signed 20 agreements to bolster relations", "talks to resume"."""
    if trigger.dep_ not in ("advcl", "acl", "relcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    # "the first country to recognise": a fact about who did it, not a purpose
    return not any(c.lower_ in ("first", "last", "only", "second", "third") or c.ent_type_ == "ORDINAL" for c in trigger.head.children)


def _modality(trigger, lx, depth: int = 0) -> str:
    govs = _governors(trigger)
    # "would continue to participate", "could try to seize": a complement inherits its governor's
    inherited = _modality(trigger.head, lx, depth + 1) if trigger.dep_ == "xcomp" and depth < 3 else "asserted"
    if inherited == "hypothetical" or _hypothetical(trigger, govs, lx):
        return "hypothetical"
    if inherited == "intended" or _intended(trigger, govs, lx) or _purpose_clause(trigger):
        return "intended"
    if _reported(trigger, govs, lx):
        return "reported"
    return "asserted"


def modality(trigger) -> str:
    """One of "asserted", "intended", "hypothetical", "reported"."""
    try:
        return _modality(trigger, _lex())
    except Exception as exc:
        log.debug("modality check failed on %r: %s", getattr(trigger, "text", trigger), exc)
    return "asserted"


def is_intent(trigger) -> bool:
    """True for future/intended events ("will visit", "plans to visit", "agreed to visit")."""
    return modality(trigger) == "intended"
