"""The place where an event happened — not just any place named in its sentence.

A GPE/LOC/FAC entity counts when it is tied to the trigger's clause:

* by a locative preposition ("clashed *in* Homs", "protested *outside* the embassy"), possibly
  through place nouns and appositions ("in the West Bank city *of* Nablus", "in the capital, Kabul",
  "in the Nablus area");
* by a destination preposition for predicates of movement ("Raisi's visit *to* Beijing");
* as the direct object of predicates like shell/invade/visit ("invaded Garubula village");
* as the head of a "where" relative clause the trigger heads ("Beijing, *where* the two signed").

Origins ("a delegation from Tehran") and places in unrelated clauses ("the man, who was born in
Tehran, attacked ...") are not event places. When several places qualify, the one in the
trigger's own clause wins, then a place modifying one of its arguments, then one attached to a
governing clause; among equals the smallest place (by gazetteer population; countries and regions
count as large, unknown names as small), then the most deeply nested, then the nearest. A ``dateline_place``
(a name or a Place) is the fallback when nothing qualifies.

Word lists: ``attributes/data/places.yaml``; geocoding: :mod:`.geocode`.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from ...models import Place
from . import entities, near, attachment_rank, clause_head, is_clause_head, load_data
from .geocode import geocode, geocode_strict, place_size

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _lex() -> dict:
    d = load_data("places")
    keys = ("locative_preps", "destination_preps", "motion_predicates", "origin_preps", "object_place_predicates", "place_nouns", "labels")
    return {k: frozenset(str(w).lower() if k != "labels" else str(w) for w in d[k]) for k in keys}


def _is_place_noun(tok, lx) -> bool:
    return tok.lemma_.lower() in lx["place_nouns"] or tok.lower_ in lx["place_nouns"]


def _is_place(tok, lx) -> bool:
    return tok.ent_type_ in lx["labels"] or (_is_place_noun(tok, lx) and tok.pos_ in ("NOUN", "PROPN"))


def _climb(tok, trigger, lx):
    """From a place's root token, climb to the word its locative phrase attaches to.

    Returns (attachment token, depth) or None when the place is not locative (an origin, a
    subject, a modifier of some non-place noun).
    """
    cur, depth, contained = tok, 0, False
    for _ in range(12):
        dep, head = cur.dep_, cur.head
        if head.i == cur.i:
            return None
        if dep == "pobj" and head.dep_ in ("prep", "agent", "dative") or (dep == "pobj" and head.pos_ == "ADP"):
            prep = head.lower_
            if prep == "of" and (_is_place_noun(head.head, lx) or head.head.ent_type_ in lx["labels"]):
                # "the city of Nablus" names the city; "the Zahra neighbourhood of Jiddah" contains it
                named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.head.children)
                cur, depth, contained = head.head, depth + (-1 if named else 2), contained or named
                continue
            if prep == "of" and head.head.i == trigger.i and trigger.pos_ == "NOUN":
                return trigger, depth  # "the bombing of Beirut"
            if prep in lx["origin_preps"]:
                return None  # "a delegation from Tehran"
            if prep in lx["locative_preps"]:
                if _is_place(head.head, lx) and head.head.dep_ not in ("ROOT",):
                    cur, depth, contained = head.head, depth - 1, True  # "Silopi in Sirnak province"
                    continue
                return head.head, depth
            if prep in lx["destination_preps"] and _lemma(head.head) in lx["motion_predicates"]:
                return head.head, depth
            return None
        if dep in ("compound", "amod", "nmod", "poss", "appos", "conj", "npadvmod") and (
            _is_place_noun(head, lx)
            or head.ent_type_ in lx["labels"]
            or dep in ("appos", "conj")
            or (dep == "poss" and head.pos_ == "PROPN")  # "at Bethlehem's Church of the Nativity"
            or (dep == "compound" and _across_break(cur, head))  # "in Lima\n\nThe Courier": a misparse
        ):
            step = 0 if dep in ("poss", "conj") else (-1 if dep == "appos" and head.ent_type_ in lx["labels"] else 1)
            cur, depth = head, depth + step
            continue
        if dep in ("dobj", "nsubjpass") and _lemma(head) in lx["object_place_predicates"]:
            return head, depth
        if contained and cur.pos_ in ("NOUN", "PROPN"):
            return cur, depth  # "destroyed a factory in southern Baghdad": the factory's place
        return None
    return None


def _circumstance_of(anchor, trigger) -> bool:
    """``anchor`` sits in an adverbial clause of the trigger's clause ("was captured as he dined
    at a restaurant in Bogota"): such a clause shares the event's place."""
    head = clause_head(anchor)
    trig_clause = trigger if is_clause_head(trigger) else clause_head(trigger)
    return head.dep_ == "advcl" and head.head.i == trig_clause.i


def _across_break(a, b) -> bool:
    doc = a.doc
    lo, hi = sorted((a.i, b.i))
    return any(doc[k].is_space and doc[k].text.count("\n") >= 2 for k in range(lo + 1, min(hi, lo + 4)))


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _where_clause_place(span, trigger, lx):
    """The place a "where" relative clause headed by the trigger (or its clause) hangs from."""
    cur = trigger
    for _ in range(4):
        if cur.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in cur.children):
            head = cur.head
            for ent in entities(span):
                if ent.label_ in lx["labels"] and ent.start <= head.i < ent.end:
                    return ent
            return None
        if cur.head.i == cur.i or is_clause_head(cur) and cur.dep_ not in ("conj", "xcomp"):
            if cur.dep_ != "relcl":
                break
        cur = cur.head
    return None


_NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"})


_MISLABELLED = frozenset({"PERSON", "ORG"})


def _looks_like_place(ent, lx) -> bool:
    """A PERSON/ORG entity the small model mislabelled: a known place name, or a named facility
    ("al-Yarmouk Hospital")."""
    root = ent.root
    if root.pos_ == "PROPN" and _is_place_noun(root, lx) and len(ent) > 1:
        return True
    return geocode(ent.text) is not None


def _is_facility(ent, lx) -> bool:
    """A building or site ("the Victoria Hotel"): the town it is in is the better event place."""
    return ent.label_ == "FAC" or (ent.label_ in _MISLABELLED and _is_place_noun(ent.root, lx))


def _candidates(span, lx) -> list:
    """Place entities, plus proper-noun runs the NER missed that the gazetteer knows."""
    out = [e for e in entities(span) if e.label_ in lx["labels"] or (e.label_ in _MISLABELLED and _looks_like_place(e, lx))]
    covered = {t.i for e in entities(span) if e.label_ in lx["labels"] or e.label_ in _NOT_PLACE_LABELS for t in e}
    run: list = []
    for tok in list(span) + [None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.i not in covered and (run or not tok.is_stop):
            run.append(tok)
            continue
        if run and any(t.is_title or t.is_upper for t in run):
            chunk = span.doc[run[0].i : run[-1].i + 1]
            if geocode_strict(chunk.text) is not None or _names_place_noun(chunk, lx):
                out.append(chunk)
        run = []
    return out


def _names_place_noun(chunk, lx) -> bool:
    """An unknown proper name that names a place noun: "the town of Umm Batna", "Sangkhla district"."""
    root = chunk.root
    head = root.head
    if root.dep_ == "compound" and _is_place_noun(head, lx) and head.pos_ == "NOUN":
        return True
    return root.dep_ == "pobj" and head.lower_ == "of" and _is_place_noun(head.head, lx) and head.head.pos_ == "NOUN"


def event_place_span(sent, trigger, **_ignored):
    """The entity span naming the event's place, or None."""
    try:
        span = near(sent, trigger)
        lx = _lex()
        where = _where_clause_place(span, trigger, lx)
        if where is not None:
            return where
        best = None
        for ent in _candidates(span, lx):
            if ent.start <= trigger.i < ent.end:
                continue
            got = _climb(ent.root, trigger, lx)
            if got is None:
                continue
            anchor, depth = got
            if anchor.i == trigger.i:
                rank = 0
            else:
                base = attachment_rank(anchor, trigger)
                if base is None:
                    if not _circumstance_of(anchor, trigger):
                        continue
                    base = 3
                # own clause: 0 (a noun argument's place: 1); governing clause 2, coordinated 3, adverbial 4
                rank = (1 if anchor.pos_ not in ("VERB", "AUX") else 0) if base == 0 else base + 1
            # own clause first, towns before buildings, then the smallest place, the most
            # specific by structure, the nearest
            key = (rank, _is_facility(ent, lx), place_size(ent.text), -depth, abs(ent.root.i - trigger.i))
            if best is None or key < best[0]:
                best = (key, ent)
        return best[1] if best else None
    except Exception as exc:
        log.debug("event place failed for %r: %s", getattr(sent, "text", sent), exc)
        return None


def place_from_text(text: str) -> Place | None:
    """Geocode a place name; an unknown name still gives a Place with only its name."""
    name = " ".join(str(text).split())
    for prefix in ("the ", "The "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    if not name:
        return None
    return geocode(name) or Place(name=name)


def event_place(sent, trigger, dateline_place=None, **_ignored) -> Place | None:
    """The geocoded place where the event of ``trigger`` happened, else the dateline place, else None."""
    try:
        ent = event_place_span(sent, trigger)
        if ent is not None:
            return place_from_text(ent.text)
        if isinstance(dateline_place, Place):
            return dateline_place
        if dateline_place:
            return place_from_text(dateline_place)
    except Exception as exc:
        log.debug("event place failed: %s", exc)
    return None


_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?)"  # BEIJING / Kompong Speu / NEW YORK
    r"(?:,\s*[A-Z][A-Za-z. ]{1,30}?)?"  # , Cambodia / , Calif.
    r"\s*(?:\((?P<paren>[^)]{1,40})\))?"  # (Reuters) / (Cambodia)
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"  # , Feb. 14 / , February 14, 2023
    r"\s*(?:\([A-Za-z ]{2,20}\))?\s*(?:—|--|–|-|:)\s"
)


def dateline_place(text: str) -> Place | None:
    """The place of an article's dateline ("BEIJING, Feb 14 (Reuters) -", "Kompong Speu
    (Cambodia) --"), geocoded; None when the text does not open with a known place."""
    try:
        m = _DATELINE.match(str(text)[:160])
        if not m:
            return None
        name = m.group("place").strip(" -.,")
        place = geocode(name.title() if name.isupper() else name)
        if place is None and m.group("paren"):
            place = geocode(m.group("paren"))
        return place
    except Exception as exc:
        log.debug("dateline failed: %s", exc)
        return None
