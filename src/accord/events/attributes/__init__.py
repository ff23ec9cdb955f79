"""Attributes of a coded event: when (dates), where (places), how much (quantities), and whether
it happened at all (modality/negation). Every public function takes spaCy objects of one parsed
sentence and never raises on odd input: it logs at debug level and returns its fallback.

Linguistic word lists live in ``attributes/data/*.yaml``; :func:`load_data` reads them once.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Dependency labels that open a new clause: a word below one of these belongs to another predicate.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "csubjpass", "pcomp"})


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """The YAML data file ``attributes/data/<name>.yaml`` as a dict (cached)."""
    path = DATA_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        data = _parse_yaml(fh) or {}
    if not isinstance(data, dict):
        from ...errors import DictionaryError

        raise DictionaryError(str(path), None, "expected a mapping at the top level")
    return data


def _parse_yaml(fh):
    """``load_yaml`` (libyaml) of an open file; a file it refuses goes to PyYAML's own parser, as
    before, so what such a file gives (data or error message) is unchanged."""
    import yaml

    from ...datafiles import load_yaml

    try:
        return load_yaml(fh)
    except yaml.YAMLError:
        pass
    fh.seek(0)
    return yaml.safe_load(fh)


def as_span(sent):
    """A Span for ``sent`` (a Span already, or a Doc of one sentence)."""
    from spacy.tokens import Doc

    return sent[:] if isinstance(sent, Doc) else sent


#: Tokens either side of a trigger searched for its attributes; bounds the cost of a call on a
#: pathologically long sentence (phrases attached to a trigger sit well within this distance).
WINDOW = 60


def near(sent, trigger, size: int = WINDOW):
    """The part of ``sent`` within ``size`` tokens of ``trigger`` and inside its paragraph."""
    span = as_span(sent)
    if trigger is None:
        return span
    start = max(span.start, trigger.i - size)
    end = min(span.end, trigger.i + size + 1)
    doc = span.doc
    # a blank line inside a "sentence" (a headline run into a dateline) is a hard boundary
    for i in range(trigger.i - 1, start - 1, -1):
        if doc[i].is_space and doc[i].text.count("\n") >= 2:
            start = i + 1
            break
    for i in range(trigger.i + 1, end):
        if doc[i].is_space and doc[i].text.count("\n") >= 2:
            end = i
            break
    if start == span.start and end == span.end:
        return span
    return doc[start:end]


def entities(span) -> list:
    """The named-entity spans inside ``span``, read from the tokens (``Span.ents`` walks every
    entity of the whole Doc, which is slow on a very long sentence)."""
    from spacy.tokens import Span

    out, start, label = [], None, None
    doc = span.doc
    for tok in list(span) + [None]:
        iob = tok.ent_iob_ if tok is not None else "O"
        if start is not None and iob != "I":
            out.append(Span(doc, start, tok.i if tok is not None else span.end, label=label))
            start = None
        if iob == "B" or (iob == "I" and start is None):
            start, label = tok.i, tok.ent_type_
    return out


def _ancestor_ids(tok, limit: int = 32) -> set:
    """Ancestors of ``tok`` up to the first coordinated clause with a subject of its own: in "X
    seized towns near Aleppo and troops fired shells", *seized* does not govern *fired*."""
    out, cur = set(), tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            break
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break
        cur = cur.head
        out.add(cur.i)
    return out


def is_clause_head(tok) -> bool:
    """True for a verb/auxiliary heading its own clause, or the root of the sentence."""
    return tok.dep_ == "ROOT" or (tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSE_DEPS)


def clause_head(tok, stop=None):
    """The nearest token at or above ``tok`` that heads a clause (or ``stop`` if met first)."""
    cur = tok
    for _ in range(64):
        if (stop is not None and cur.i == stop.i) or is_clause_head(cur) or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def attachment_rank(tok, trigger) -> int | None:
    """How closely a phrase headed by ``tok`` belongs to the event ``trigger``.

    0: in the trigger's own clause (its nearest clause head is the trigger, or the trigger is a
    noun and both share a clause head); 1: attached to a clause that governs the trigger
    (e.g. the reporting or light verb above it); 2: attached to a verb coordinated with the
    trigger that has no subject of its own; None: in an unrelated clause.
    """
    own = clause_head(tok, stop=trigger)
    if own.i == trigger.i:
        return 0
    trig_clause = trigger if is_clause_head(trigger) else clause_head(trigger)
    if own.i == trig_clause.i:
        return 0
    if own.i in _ancestor_ids(trigger):
        return 1
    if _shares_subject_conj(own, trig_clause):
        return 2
    return None


def _shares_subject_conj(own, trig_clause) -> bool:
    """``own`` is a verb coordinated under the trigger's clause without a subject of its own
    ("was shot and wounded during a raid": the raid phrase also dates/places *shot*)."""
    cur = own
    for _ in range(4):
        if cur.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return False
        cur = cur.head
        if cur.i == trig_clause.i:
            return True
    return False


__all__ = ["load_data", "as_span", "near", "entities", "clause_head", "attachment_rank", "is_clause_head", "CLAUSE_DEPS"]
