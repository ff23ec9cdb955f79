"""Accidents and natural hazards are no political events.

A death or injury with no attacker, an explosion or a fire, in a sentence about a flood, a storm, a
crash or an industrial accident (or right after one: "A tank at the plant exploded. Four people were
injured.") is dropped unless the sentence also names an attack ("killed in an attack", "a bomb
exploded"). The word lists (``hazards``, ``harm_verbs``, ``blasts``) live in ``data/verbs.yaml``.
"""
from __future__ import annotations

from .lexicon import Lexicon
from .triggers import noun_code

HARM_ROOTS = frozenset({"18", "19", "20"})
PREVIOUS_KEY = "accord_prev_hazard"  # set by accord.nlp.selective: the sentence before names a hazard


def _word_in(tok, words) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def hazard_context(sent, lex: Lexicon) -> bool:
    """The sentence (or the one before it in the article) names a hazard or an accident."""
    if not lex.hazards:
        return False
    if any(_word_in(t, lex.hazards) and t.pos_ != "PROPN" for t in sent):  # not "the Storm Corps"
        return True
    return bool(sent.doc.user_data.get(PREVIOUS_KEY)) if isinstance(sent.doc.user_data, dict) else False


def _ambiguous(t, lex: Lexicon) -> bool:
    """A trigger that is an attack only when someone sets it off: an explosion, a blast, a fire."""
    tok = t.noun_token if t.noun_token is not None else t.token
    return _word_in(tok, lex.blasts)


def _attacker(tok, lex: Lexicon) -> bool:
    """The harm verb has a subject or agent that is not a hazard ("gunmen killed", not "floods killed")."""
    if tok.lemma_.lower() in ("die", "perish", "drown"):
        return False  # "four people died": the subject is the victim
    for c in tok.children:
        if c.dep_ == "nsubj":
            heads = [tok.head] if c.tag_ == "WDT" and tok.dep_ == "relcl" else [c]  # "an IED that killed five"
        elif c.dep_ == "agent":
            heads = [p for p in c.children if p.dep_ == "pobj"]
        else:
            continue
        if any(not _word_in(h, lex.hazards) and not _word_in(h, lex.blasts) and h.pos_ != "PRON" for h in heads):
            return True
    return False


def _attack_named(sent, trig: dict, drop: set, lex: Lexicon) -> bool:
    if any(_word_in(t, lex.weapons) for t in sent):
        return True  # "a limpet blast", "the explosion of a landmine", "an IED killed five"
    for i, t in trig.items():
        if i not in drop and t.code[:2] in HARM_ROOTS:
            return True  # an attack: the deaths are its victims
    for tok in sent:
        got = noun_code(tok, lex) if tok.pos_ == "NOUN" else None
        if got is not None and got[0][:2] in HARM_ROOTS and not _word_in(tok, lex.hazards) and not _word_in(tok, lex.blasts):
            return True  # "killed in an attack", "injured by shelling"
    return False


def drop_accidents(sent, trig: dict, lex: Lexicon) -> bool:
    """Remove accident deaths, injuries and blasts from ``trig``; True when the sentence is about
    an accident with no attack (its bare nominals are then no events either)."""
    if not hazard_context(sent, lex):
        return False
    drop = {i for i, t in trig.items() if (t.token.lemma_.lower() in lex.harm_verbs and not _attacker(t.token, lex))
            or (_ambiguous(t, lex) and t.code[:2] in HARM_ROOTS)}
    if _attack_named(sent, trig, drop, lex):
        return False
    for i in drop:
        del trig[i]
    return True


def is_blast(tok, lex: Lexicon) -> bool:
    return _word_in(tok, lex.blasts)
